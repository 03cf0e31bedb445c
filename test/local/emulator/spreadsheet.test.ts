import * as vm from 'node:vm';
import { CallLog } from 'workspace-emulator';
import { VirtualClock } from 'workspace-emulator';
import { ServiceContext } from 'workspace-emulator';
import { FaultInjector } from 'workspace-emulator';
import { createSpreadsheetApp, UiHost } from 'workspace-emulator';
import { SpreadsheetStore } from 'workspace-emulator';
import { Membrane, Realm } from 'workspace-emulator';
import { messageOf } from './support';

function setup(store = SpreadsheetStore.fromJSON(undefined)) {
  const clock = new VirtualClock('2024-03-01T09:00:00Z');
  const calls = new CallLog();
  const ctx = new ServiceContext(clock, calls, new FaultInjector(1), {
    email: 'office@example.com',
    locale: 'ru',
    timeZone: 'Europe/Moscow',
  });
  const id = store.has('x') ? 'x' : store.create('CRM', { timeZone: 'Europe/Moscow', locale: 'ru' });
  const ui = new UiHost();
  const app = createSpreadsheetApp(store, ctx, { activeSpreadsheetId: id, ui });
  const ss = app.getActiveSpreadsheet()!;
  const sheet = ss.getSheets()[0];
  return { store, ctx, calls, id, ui, app, ss, sheet };
}

describe('SpreadsheetApp: values', () => {
  it('a new spreadsheet has one empty 1000×26 sheet named in the locale, with sheet id 0', () => {
    const { store, id, sheet } = setup();
    const snap = store.get(id);
    expect(snap.sheets.map((s) => [s.name, s.sheetId, s.hidden, s.frozenRows, s.values])).toEqual([
      ['Лист1', 0, false, 0, []],
    ]);
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([
      1000, 26, 0, 0,
    ]);
  });

  it('keeps non-string values as written; text is read in the locale (user-entered.test.ts has the cases)', () => {
    const { sheet } = setup();
    const when = new Date('2024-03-05T07:30:00Z');
    sheet.getRange(1, 1, 1, 4).setValues([[12.5, 'Иванов', true, when]]);
    const row = sheet.getRange('A1:D1').getValues()[0];
    expect(row).toEqual([12.5, 'Иванов', true, when]);
    expect(row[3]).toBeInstanceOf(Date);
    expect(row[3]).not.toBe(when);
  });

  it('a leading apostrophe keeps text exactly and is not part of the value, the display or a formula', () => {
    const { sheet } = setup();
    const texts = ['=1+2.csv', '=SUM(1)', '+7 912 345-67-89', '007', 'TRUE', "'quoted"];
    sheet.getRange(1, 1, 1, texts.length).setValues([texts.map((t) => `'${t}`)]);
    expect(sheet.getRange(1, 1, 1, texts.length).getValues()[0]).toEqual(texts);
    expect(sheet.getRange(1, 1, 1, texts.length).getDisplayValues()[0]).toEqual(texts);
    expect(sheet.getRange(1, 1, 1, texts.length).getFormulas()[0]).toEqual(texts.map(() => ''));
    expect(sheet.getRange('B1').getDisplayValue()).toBe('=SUM(1)');
    expect(sheet.getRange('B1').getFormula()).toBe('');
  });

  it('refuses data whose size differs from the range, with Google wording, and writes nothing', () => {
    const { sheet, store, id } = setup();
    expect(
      messageOf(() =>
        sheet.getRange(1, 1, 3, 2).setValues([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(
      messageOf(() =>
        sheet.getRange(1, 1, 2, 3).setValues([
          [1, 2, 3],
          [4, 5],
        ]),
      ),
    ).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(store.values(id, 'Лист1')).toEqual([]);
  });

  it('refuses ranges outside the grid and bad coordinates with Google wording', () => {
    const { sheet } = setup();
    expect(messageOf(() => sheet.getRange(1000, 1, 2, 1))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(messageOf(() => sheet.getRange(1, 27))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(messageOf(() => sheet.getRange(0, 1))).toBe('The starting row of the range is too small.');
    expect(messageOf(() => sheet.getRange(1, 0))).toBe('The starting column of the range is too small.');
    expect(messageOf(() => sheet.getRange(1, 1, 0, 1))).toBe('The number of rows in the range must be at least 1.');
    expect(messageOf(() => sheet.getRange('nonsense!!'))).toBe('Range not found');
    expect(messageOf(() => sheet.deleteRows(999, 5))).toBe('Those rows are out of bounds.');
    expect(sheet.getRange('B2:C5').getA1Notation()).toBe('B2:C5');
    expect(sheet.getRange('A2:A').getNumRows()).toBe(999);
  });

  it('getLastRow/getLastColumn follow the last cell with content, not formatting', () => {
    const { sheet } = setup();
    sheet.getRange(2, 1, 999, 1).setNumberFormat('dd.mm.yyyy');
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('C4').setValue('x');
    sheet.getRange('B7').setValue(0);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 3]);
    sheet.getRange('B7').clearContent();
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
  });

  it('limits a cell to 50,000 characters and the spreadsheet to 10 million cells', () => {
    const { sheet, ss } = setup();
    expect(messageOf(() => sheet.getRange('A1').setValue('x'.repeat(50_001)))).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(messageOf(() => sheet.insertRowsAfter(1, 400_000))).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(sheet.getMaxRows()).toBe(1000);
    expect(ss.getSheets()).toHaveLength(1);
  });

  it('stores a formula (read as #ERROR!, nothing is evaluated) and refuses odd objects', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=1+1');
    expect([sheet.getRange('A1').getValue(), sheet.getRange('A1').getFormula()]).toEqual(['#ERROR!', '=1+1']);
    sheet.getRange('A1').setValue("'=1+1");
    expect([sheet.getRange('A1').getValue(), sheet.getRange('A1').getFormula()]).toEqual(['=1+1', '']);
    expect(messageOf(() => sheet.getRange('A2').setValue({ a: 1 }))).toBe(
      "The parameters (Object) don't match the method signature for Range.setValue.",
    );
  });
});

describe('SpreadsheetApp: appendRow and rows', () => {
  it('appendRow from two people at once loses nothing and lands after the last row with content', () => {
    const store = SpreadsheetStore.fromJSON(undefined);
    const a = setup(store);
    const b = createSpreadsheetApp(store, a.ctx, { activeSpreadsheetId: a.id, ui: new UiHost() })
      .openById(a.id)
      .getSheets()[0];
    a.sheet.appendRow(['id', 'who']);
    for (let i = 0; i < 5; i++) {
      a.sheet.appendRow([`a${i}`, 'Anna']);
      b.appendRow([`b${i}`, 'Boris']);
    }
    const rows = store.values(a.id, 'Лист1');
    expect(rows).toHaveLength(11);
    expect(rows.map((r) => r[0]).sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'b0', 'b1', 'b2', 'b3', 'b4', 'id']);
  });

  it('appendRow grows a full sheet, inserted rows take the formatting above, deleteRow keeps frozen rows', () => {
    const { sheet } = setup();
    sheet.deleteRows(3, 997);
    sheet.getRange(1, 1, 2, 1).setValues([['h'], ['v']]);
    sheet.appendRow(['w']);
    expect([sheet.getMaxRows(), sheet.getLastRow()]).toEqual([3, 3]);
    sheet.getRange('A3').setNumberFormat('dd.mm.yyyy');
    sheet.insertRowsAfter(3, 2);
    sheet.getRange('A4').setValue(new Date('2024-03-05T00:00:00+03:00'));
    expect(sheet.getRange('A4').getDisplayValue()).toBe('05.03.2024');
    sheet.setFrozenRows(1);
    expect(messageOf(() => sheet.deleteRows(2, 4))).toBe('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.deleteRow(2);
    expect(sheet.getRange(1, 1, 3, 1).getValues()).toEqual([['h'], ['w'], [new Date('2024-03-05T00:00:00+03:00')]]);
  });

  it('sorts the rows below the frozen ones; empty cells last', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 5, 2).setValues([
      ['n', 'name'],
      [3, 'c'],
      ['', 'empty'],
      [1, 'a'],
      [2, 'b'],
    ]);
    sheet.setFrozenRows(1);
    sheet.sort(1, false);
    expect(
      sheet
        .getDataRange()
        .getValues()
        .map((r) => r[1]),
    ).toEqual(['name', 'c', 'b', 'a', 'empty']);
  });
});

describe('SpreadsheetApp: sheets', () => {
  it('insertSheet refuses a taken name (ignoring case) with Google wording', () => {
    const { ss } = setup();
    ss.insertSheet('Events');
    expect(messageOf(() => ss.insertSheet('events'))).toBe(
      'A sheet with the name "events" already exists. Please enter another name.',
    );
    ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Лист1', 'Events']);
    expect(ss.insertSheet().getName()).toBe('Лист4');
    expect(ss.getSheetByName('Events')?.getSheetId()).toBeGreaterThan(0);
    expect(ss.getSheetByName('Nope')).toBeNull();
  });

  it('hides and shows sheets but never the last visible one', () => {
    const { ss, sheet, store, id } = setup();
    const other = ss.insertSheet('Ref');
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    expect(messageOf(() => sheet.hideSheet())).toMatch(/not possible to hide all/);
    expect(store.get(id).sheets.map((s) => s.hidden)).toEqual([false, true]);
  });
});

describe('SpreadsheetApp: display values and formats', () => {
  it('formats dates in the spreadsheet zone and numbers with the cell format', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 4).setNumberFormats([['dd.mm.yyyy hh:mm', 'dd.mm.yyyy', '0', '@']]);
    const when = new Date('2024-03-05T07:30:00Z');
    sheet.getRange(1, 1, 1, 4).setValues([[when, when, 12.5, 7]]);
    sheet.getRange(1, 5, 1, 2).setValues([[1.5, true]]);
    expect(sheet.getRange(1, 1, 1, 6).getDisplayValues()).toEqual([
      ['05.03.2024 10:30', '05.03.2024', '13', '7', '1,5', 'ИСТИНА'],
    ]);
    // The format decides the type read back: a number under a date format is a date.
    sheet.getRange('B1').setValue(45356);
    expect(sheet.getRange('B1').getValue()).toEqual(new Date('2024-03-05T00:00:00+03:00'));
    expect(messageOf(() => sheet.getRange('A1').setNumberFormat('[$€]#,##0.00'))).toMatch(
      /^Emulator: the number format/,
    );
  });

  it('TextFinder searches what cells show; every find is a round trip', () => {
    const { sheet, calls } = setup();
    sheet.getRange(1, 1, 3, 2).setValues([
      ['Иванов', 'ivanov@example.org'],
      ['Петров', 'IVANOV jr'],
      ['x', 'иванова'],
    ]);
    calls.reset();
    const finder = sheet.createTextFinder('иванов');
    expect(finder.findAll().map((r) => r.getA1Notation())).toEqual(['A1', 'B3']);
    const exact = sheet.createTextFinder('Иванов').matchEntireCell(true).matchCase(true);
    expect(exact.findNext()?.getA1Notation()).toBe('A1');
    expect(exact.findNext()).toBeNull();
    expect(calls.byService()).toEqual({
      'SpreadsheetApp.TextFinder.findAll': 1,
      'SpreadsheetApp.TextFinder.findNext': 2,
    });
  });
});

describe('SpreadsheetApp: counting', () => {
  it('handles are free; reads and writes are counted round trips', () => {
    const { app, calls, id } = setup();
    calls.reset();
    const ss = app.getActiveSpreadsheet()!;
    const sheet = ss.getSheetByName('Лист1')!;
    const range = sheet.getRange(1, 1, 2, 2);
    ss.getSheets();
    sheet.getName();
    expect(calls.count()).toBe(0);
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    sheet.getDataRange().getValues();
    sheet.getLastRow();
    app.openById(id);
    expect(calls.byService()).toEqual({
      'SpreadsheetApp.Range.setValues': 1,
      'SpreadsheetApp.Range.getValues': 2,
      'SpreadsheetApp.Sheet.getLastRow': 1,
      'SpreadsheetApp.openById': 1,
    });
    calls.reset();
    const data = sheet.getDataRange();
    expect(data.getNumRows()).toBe(2);
    data.getValues();
    expect(calls.byService()).toEqual({ 'SpreadsheetApp.Sheet.getDataRange': 1, 'SpreadsheetApp.Range.getValues': 1 });
  });
});

describe('SpreadsheetApp: data validation', () => {
  it('a rejecting list rule refuses other values with Google wording; a warning rule accepts them', () => {
    const { app, sheet, store, id } = setup();
    const strict = app.newDataValidation().requireValueInList(['new', 'done'], true).setAllowInvalid(false).build();
    sheet.getRange('A2:A10').setDataValidation(strict);
    sheet.getRange('A2').setValue('done');
    expect(messageOf(() => sheet.getRange(2, 1, 2, 1).setValues([['new'], ['lost']]))).toBe(
      'The data you entered in cell A3 violates the data validation rules set on this cell. Please enter one of the following values: new, done.',
    );
    expect(store.values(id, 'Лист1')).toEqual([[''], ['done']]);
    expect(messageOf(() => sheet.appendRow(['lost']))).toMatch(/^The data you entered in cell A3 violates/);
    sheet.getRange('A2').setValue('');
    const rule = sheet.getRange('A5').getDataValidation()!;
    expect([String(rule.getCriteriaType()), rule.getAllowInvalid(), rule.getCriteriaValues()]).toEqual([
      'VALUE_IN_LIST',
      false,
      [['new', 'done'], true],
    ]);
    const warn = app.newDataValidation().requireValueInList(['new']).build();
    expect(warn.getAllowInvalid()).toBe(true);
    sheet.getRange('B2').setDataValidation(warn).setValue('anything');
    expect(sheet.getRange('B2').getValue()).toBe('anything');
  });

  it('a range rule takes the values the source range holds at the time of the write', () => {
    const { app, ss, sheet } = setup();
    const ref = ss.insertSheet('Statuses');
    ref.getRange(1, 1, 3, 1).setValues([['Status'], ['new'], ['done']]);
    const rule = app
      .newDataValidation()
      .requireValueInRange(ref.getRange('A2:A100'), true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('C2:C50').setDataValidation(rule);
    sheet.getRange('C2').setValue('done');
    expect(messageOf(() => sheet.getRange('C3').setValue('archived'))).toBe(
      'The data you entered in cell C3 violates the data validation rules set on this cell.',
    );
    ref.appendRow(['archived']);
    sheet.getRange('C3').setValue('archived');
    const source = sheet.getRange('C3').getDataValidation()?.getCriteriaValues()[0] as { getA1Notation(): string };
    expect(source.getA1Notation()).toBe('A2:A100');
  });
});

describe('SpreadsheetApp: UI', () => {
  const html = (title: string, content: string) =>
    ({ getTitle: () => title, getContent: () => content }) as unknown as GoogleAppsScript.HTML.HtmlOutput;

  it('records menus, one sidebar or dialog at a time (300 px), toasts and alerts', () => {
    const { app, ss, ui } = setup();
    const u = app.getUi();
    u.createMenu('CRM')
      .addItem('Settings', 'openSettingsSidebar')
      .addSeparator()
      .addSubMenu(u.createMenu('More').addItem('Set up', 'setupCrm'))
      .addToUi();
    expect(ui.menus).toEqual([
      {
        name: 'CRM',
        items: [
          { caption: 'Settings', functionName: 'openSettingsSidebar' },
          { separator: true },
          { caption: 'More', items: [{ caption: 'Set up', functionName: 'setupCrm' }] },
        ],
      },
    ]);
    u.showModalDialog(html('', '<p>d</p>'), 'Import');
    expect(ui.dialogs).toHaveLength(1);
    u.showSidebar(html('Settings', '<p>s</p>'));
    expect(ui.sidebar).toEqual({ title: 'Settings', html: '<p>s</p>', width: 300 });
    expect(ui.dialogs).toEqual([]);
    u.showModelessDialog(html('', '<p>x</p>'), 'Export');
    expect(ui.sidebar).toBeUndefined();
    ss.toast('Done');
    ss.toast('Saved', 'CRM', 10);
    expect(ui.toasts).toEqual([
      { message: 'Done', title: '', timeoutSeconds: 5 },
      { message: 'Saved', title: 'CRM', timeoutSeconds: 10 },
    ]);
    expect(u.alert('Hello')).toBe(u.Button.OK);
    ui.answers.push('NO');
    expect(u.alert('Delete?', 'Really delete?', u.ButtonSet.YES_NO)).toBe(u.Button.NO);
    expect(ui.alerts).toEqual(['Hello', 'Delete?\n\nReally delete?']);
  });

  it('the Gmail add-on has no active spreadsheet and no UI; openById of an unknown id fails with Google wording', () => {
    const { store, ctx, id } = setup();
    const ui = new UiHost();
    const gmail = createSpreadsheetApp(store, ctx, { ui });
    expect(gmail.getActiveSpreadsheet()).toBeNull();
    expect(messageOf(() => gmail.getUi())).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(messageOf(() => gmail.openById('nope'))).toBe(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
    // A toast on a spreadsheet opened by id shows to nobody.
    gmail.openById(id).toast('hi');
    expect(ui.toasts).toEqual([]);
  });
});

describe('SpreadsheetStore persistence', () => {
  it('round-trips sheets, values (Dates as Dates), formats and rules through JSON', () => {
    const { store, id, app, sheet, ss } = setup();
    const when = new Date('2024-03-05T07:30:15.123Z');
    sheet.getRange(1, 1, 2, 3).setValues([
      ['when', 'n', 'ok'],
      [when, 2.5, false],
    ]);
    sheet.getRange('A2:A').setNumberFormat('dd.mm.yyyy hh:mm');
    sheet
      .getRange('C2:C9')
      .setDataValidation(app.newDataValidation().requireValueInList(['x']).setAllowInvalid(false).build());
    ss.insertSheet('Hidden').hideSheet();
    const again = SpreadsheetStore.fromJSON(JSON.parse(JSON.stringify(store.toJSON())));
    const snap = again.get(id);
    expect(snap).toEqual(store.get(id));
    expect(snap.sheets[0].values[1][0]).toBeInstanceOf(Date);
    expect((snap.sheets[0].values[1][0] as Date).getTime()).toBe(when.getTime());
    expect(again.formatOf(id, 'Лист1', 5, 1)).toBe('dd.mm.yyyy hh:mm');
    const s2 = setup(again);
    const reopened = createSpreadsheetApp(again, s2.ctx, { activeSpreadsheetId: id, ui: new UiHost() })
      .openById(id)
      .getSheets()[0];
    expect(messageOf(() => reopened.getRange('C3').setValue('y'))).toMatch(/^The data you entered in cell C3/);
    const other = again.create('Other', { timeZone: 'UTC', locale: 'en' });
    expect(other).not.toBe(id);
    expect(other).toMatch(/^1[\w-]{43}$/);
    expect(again.get(other).sheets[0].name).toBe('Sheet1');
  });
});

describe('SpreadsheetApp through the membrane', () => {
  it('gives the script its own Dates and arrays, and no way into the store', () => {
    const { app, id, store } = setup();
    const context = vm.createContext({});
    const realm = vm.runInContext('({ Date, Object, Array, Error })', context) as Realm;
    context.SpreadsheetApp = new Membrane(realm).inward(app);
    const out = vm.runInContext(
      `var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
       sheet.appendRow(['a', new Date('2024-03-05T07:30:00Z')]);
       var rule = SpreadsheetApp.newDataValidation().requireValueInRange(sheet.getRange('A1:A5')).build();
       sheet.getRange('C1').setDataValidation(rule);
       var values = sheet.getDataRange().getValues();
       var err; try { sheet.getRange(1, 1, 2, 1).setValues([[1]]); } catch (e) { err = e; }
       ({ isDate: values[0][1] instanceof Date, isArray: Array.isArray(values), errIsError: err instanceof Error, msg: err.message,
          hidden: [typeof sheet.store, typeof SpreadsheetApp.env].join(',') })`,
      context,
    ) as Record<string, unknown>;
    expect(out).toEqual({
      isDate: true,
      isArray: true,
      errIsError: true,
      msg: 'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
      hidden: 'undefined,undefined',
    });
    expect(store.values(id, 'Лист1')[0][0]).toBe('a');
  });
});
