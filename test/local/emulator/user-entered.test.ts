// Text written through SpreadsheetApp is parsed as if typed into the cell, in the spreadsheet's locale
// (packages/workspace-emulator/src/spreadsheet/user-entered.ts). Each case here read back differently before that
// model: kept as text, or refused as "a formula".
import { SpreadsheetStore, UiHost } from 'workspace-emulator';
import { Workspace } from 'workspace-emulator';

type Globals = { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp; Sheets: GoogleAppsScript.Sheets };

function sheetIn(locale: string) {
  const ws = Workspace.inMemory({ clockStart: '2026-12-01T09:00:00Z' });
  const id = ws.spreadsheets.create('CRM', { timeZone: 'Europe/Moscow', locale });
  const g = ws.globals({
    project: 'sheet',
    boundSpreadsheetId: id,
    htmlFiles: {},
    ui: new UiHost(),
    advancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }],
  }) as Globals;
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  return { ws, id, ss, sheet: ss.getSheets()[0], Sheets: g.Sheets };
}

/** The Moscow wall time as the instant Sheets stores (the spreadsheet's zone is UTC+3). */
const msk = (iso: string) => new Date(`${iso}+03:00`);
const year = new Date().getUTCFullYear();

describe('setValue reads text as typed', () => {
  test.each([
    ['ru', '007', 7],
    ['ru', '+79123456789', 79123456789],
    ['ru', ' 42 ', 42],
    ['ru', '1,5', 1.5],
    ['ru', '1 234,5', 1234.5],
    ['ru', '5%', 0.05],
    ['ru', '1e5', 100000],
    ['ru', '-5', -5],
    ['en_US', '1.5', 1.5],
    ['en_US', '1,234.5', 1234.5],
    ['en_US', '$5', 5],
    ['ru', 'TRUE', true],
    ['ru', 'false', false],
    ['ru', 'ИСТИНА', true],
    ['ru', 'ложь', false],
    ['en_US', 'True', true],
  ])('%s: %j becomes %j', (locale, text, value) => {
    const { sheet } = sheetIn(locale);
    sheet.getRange('A1').setValue(text);
    expect(sheet.getRange('A1').getValue()).toBe(value);
  });

  test.each([
    ['en_US', '1/2', `${year}-01-02T00:00`, 'm/d/yyyy'],
    ['ru', '1/2', `${year}-02-01T00:00`, 'dd.mm.yyyy'],
    ['ru', '01.02.2026', '2026-02-01T00:00', 'dd.mm.yyyy'],
    ['ru', '1.5', `${year}-05-01T00:00`, 'dd.mm.yyyy'],
    ['en_US', '2026-02-01', '2026-02-01T00:00', 'm/d/yyyy'],
    ['en_US', 'Jan 2, 2026', '2026-01-02T00:00', 'm/d/yyyy'],
    ['ru', '2 января 2026', '2026-01-02T00:00', 'dd.mm.yyyy'],
    ['ru', '01.02.2026 10:30', '2026-02-01T10:30', 'dd.mm.yyyy h:mm'],
  ])('%s: %j is the date %s, formatted %s', (locale, text, wall, format) => {
    const { sheet } = sheetIn(locale);
    sheet.getRange('A1').setValue(text);
    expect(sheet.getRange('A1').getValue()).toEqual(msk(wall));
    expect(sheet.getRange('A1').getNumberFormat()).toBe(format);
  });

  test('a time alone is a time of day (Sheets day 0), shown in the cell as typed', () => {
    const { sheet } = sheetIn('en_US');
    sheet.getRange('A1').setValue('9:30 PM');
    expect(sheet.getRange('A1').getValue()).toBeInstanceOf(Date);
    expect([sheet.getRange('A1').getNumberFormat(), sheet.getRange('A1').getDisplayValue()]).toEqual(['h:mm', '21:30']);
  });

  test.each([['+7 912 345-67-89'], ['-звонок не прошёл'], ['=HYPERLINK("http://x","y")'], ['=1+2']])(
    '%j is a formula: read as #ERROR!, getFormula gives it',
    (text) => {
      const { sheet } = sheetIn('ru');
      sheet.getRange('A1').setValue(text);
      expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
      expect(sheet.getRange('A1').getDisplayValue()).toBe('#ERROR!');
      expect(sheet.getRange('A1').getFormula()).toBe(text.startsWith('=') ? text : `=${text}`);
    },
  );

  test.each([
    ['1,5', 'en_US'],
    ['1.234,5', 'en_US'],
    ['31.02.2026', 'ru'],
    ['8 (912) 345-67-89', 'ru'],
    ['Заказ 5', 'ru'],
  ])('%j stays text in %s', (text, locale) => {
    const { sheet } = sheetIn(locale);
    sheet.getRange('A1').setValue(text);
    expect(sheet.getRange('A1').getValue()).toBe(text);
  });

  test('a leading apostrophe keeps the text without it; a plain-text cell takes text exactly, apostrophe and all', () => {
    const { sheet } = sheetIn('ru');
    sheet.getRange('A1:B1').setValues([["'007", "'=1+2"]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['007', '=1+2']]);
    sheet.getRange('A2:D2').setNumberFormat('@');
    sheet.getRange('A2:D2').setValues([['007', '+7 912 345-67-89', '01.02.2026', "'007"]]);
    expect(sheet.getRange('A2:D2').getValues()).toEqual([['007', '+7 912 345-67-89', '01.02.2026', "'007"]]);
    expect(sheet.getRange('A2:D2').getFormulas()).toEqual([['', '', '', '']]);
  });

  test('appendRow parses the same way; numbers, booleans and Dates are stored as they are', () => {
    const { sheet } = sheetIn('ru');
    const when = new Date('2026-03-05T07:30:00Z');
    sheet.appendRow(['007', 'TRUE', '+7 912 345-67-89', 7, false, when, 'Иванов']);
    expect(sheet.getRange('A1:G1').getValues()).toEqual([[7, true, '#ERROR!', 7, false, when, 'Иванов']]);
    expect(sheet.getRange('C1').getFormula()).toBe('=+7 912 345-67-89');
  });

  test('a value written over a formula replaces it; clearContent drops it', () => {
    const { sheet } = sheetIn('ru');
    sheet.getRange('A1:A2').setValues([['=1+2'], ['=3']]);
    sheet.getRange('A1').setValue('text');
    sheet.getRange('A2').clearContent();
    expect(sheet.getRange('A1:A2').getFormulas()).toEqual([[''], ['']]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['text'], ['']]);
  });

  test('a long cell of spaces and digits is text, entered at once', () => {
    const { sheet } = sheetIn('ru');
    const long = `1${' '.repeat(49_000)}1:00`;
    const started = Date.now();
    sheet.getRange('A1').setValue(long);
    expect(sheet.getRange('A1').getValue()).toBe(long);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('formulas survive the store saved and loaded', () => {
    const { ws, id, sheet } = sheetIn('ru');
    sheet.getRange('A1').setValue('=1+2');
    const again = SpreadsheetStore.fromJSON(JSON.parse(JSON.stringify(ws.spreadsheets.toJSON())));
    expect(again.values(id, 'Лист1')).toEqual([['#ERROR!']]);
  });

  test('the Sheets API typed cells stay literal: a stringValue is never parsed', () => {
    const { ss, sheet, Sheets } = sheetIn('ru');
    const sheetId = sheet.getSheetId();
    const texts = ['007', '+7 912 345-67-89', '=1+2', '1/2', 'TRUE'];
    Sheets.Spreadsheets!.batchUpdate(
      {
        requests: [
          {
            appendCells: {
              sheetId,
              rows: [{ values: texts.map((t) => ({ userEnteredValue: { stringValue: t } })) }],
              fields: 'userEnteredValue',
            },
          },
        ],
      },
      ss.getId(),
    );
    expect(sheet.getRange(1, 1, 1, texts.length).getValues()).toEqual([texts]);
    expect(sheet.getRange(1, 1, 1, texts.length).getFormulas()).toEqual([texts.map(() => '')]);
  });
});
