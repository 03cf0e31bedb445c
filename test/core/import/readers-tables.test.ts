// Spreadsheet and CSV readers on the fixtures of test/fixtures: what the person importing would see in the preview —
// the header found under the banner, row numbers as Excel or a text editor shows them, text decoded right.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import * as iconv from 'iconv-lite';
import { ReadError, readContactsFile } from '../../../src/core/import/readers';
import type { SourceTable } from '../../../src/core/import/types';
import { OFFICE_BASE_HEADERS, writeOfficeBase } from '../../../src/local/demo/office-base';

const FIXTURES = path.join(__dirname, '../../fixtures');
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));

function table(
  name: string,
  options?: Parameters<typeof readContactsFile>[2],
  bytes: Uint8Array = bytesOf(name),
): SourceTable {
  const r = readContactsFile(bytes, name, options);
  if (r.kind !== 'table') throw new Error(`${name} read as ${r.kind}`);
  return r.table;
}

function readError(fn: () => unknown): ReadError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
  throw new Error('no ReadError thrown');
}

const texts = (t: SourceTable, col: string) => t.rows.map((r) => r.cells[t.headers.indexOf(col)].text);
const rowWith = (t: SourceTable, col: string, text: string) =>
  t.rows.find((r) => r.cells[t.headers.indexOf(col)].text === text);

function xlsxBytes(aoa: unknown[][], sheets: Array<[string, unknown[][]]> = []): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), 'Лист1');
  for (const [name, data] of sheets) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(data), name);
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('the messy office base (xlsx)', () => {
  const t = table('office-base.xlsx');

  test('the header is found under the merged banner and the empty row', () => {
    expect(t.format).toBe('xlsx');
    expect(t.sheetName).toBe('Клиенты');
    expect(t.headerRowNumber).toBe(3);
    expect(t.headers).toEqual(OFFICE_BASE_HEADERS);
    expect(t.rows).toHaveLength(40);
    expect(t.rows[0].rowNumber).toBe(4);
    expect(t.rows[39].rowNumber).toBe(43);
    // Skipping the banner is a decision taken for the user: the preview says so.
    expect(t.warnings).toEqual([
      'The column names were taken from row 3 of "office-base.xlsx": the rows above it look like a title, not column names, and are not imported (rows: 1).',
    ]);
  });

  test('date cells carry their calendar date and show as Excel shows them; typed dates stay text', () => {
    const anna = t.rows[0];
    expect(anna.cells[3]).toEqual({ text: '15.03.1985', date: { year: 1985, month: 3, day: 15 } });
    expect(anna.cells[5]).toEqual({ text: '10.02.2021', date: { year: 2021, month: 2, day: 10 } });
    const petrov = t.rows[1];
    expect(petrov.cells[3]).toEqual({ text: '07.11.1979' });
    expect(t.rows[2].cells[3]).toEqual({ text: '31.02.1985' });
  });

  test('messy cells come through as typed, a phone stored as a number with all its digits', () => {
    expect(t.rows[0].cells[1].text).toBe('8 (912) 345-67-89, +7 912 000-11-22');
    expect(t.rows[0].cells[7].text).toBe('Аллергия на лак.\nПредпочитает утро');
    expect(t.rows[1].cells[1].text).toBe('+7 (495) 123-45-67 доб. 100');
    expect(t.rows[2].cells[1].text).toBe('79123456789');
    expect(t.rows[2].cells[2].text).toBe('test@');
    const companyOnly = rowWith(t, 'Компания', 'ООО «Ромашка»');
    expect(companyOnly?.cells[0].text).toBe('');
    expect(texts(t, 'ФИО').filter((n) => n === 'Кузнецов Алексей')).toHaveLength(2);
    expect(texts(t, 'Телефон')).toEqual(
      expect.arrayContaining(['+7 912 111-22-33', '8 912 111 22 33', '+995 599 12 34 56']),
    );
  });

  test('the demo still writes exactly the committed fixtures', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'office-base-'));
    const written = writeOfficeBase(dir);
    expect(fs.readFileSync(written.xlsx).equals(fs.readFileSync(path.join(FIXTURES, 'office-base.xlsx')))).toBe(true);
    expect(fs.readFileSync(written.csv1251).equals(fs.readFileSync(path.join(FIXTURES, 'office-base-1251.csv')))).toBe(
      true,
    );
  });
});

describe('its Windows-1251 CSV twin', () => {
  const t = table('office-base-1251.csv');
  const x = table('office-base.xlsx');

  test('encoding, delimiter from the sep= line, header below the banner', () => {
    expect(t.format).toBe('csv');
    expect(t.encoding).toBe('windows-1251');
    expect(t.delimiter).toBe(';');
    expect(t.headers).toEqual(OFFICE_BASE_HEADERS);
    expect(t.headerRowNumber).toBe(4); // sep=; is line 1, the banner 2, the empty row 3
  });

  test('row numbers are the lines a record starts on, counting line breaks inside quotes', () => {
    expect(t.rows[0].rowNumber).toBe(5);
    expect(t.rows[0].cells[7].text).toBe('Аллергия на лак.\nПредпочитает утро');
    expect(t.rows[1].rowNumber).toBe(7);
    expect(t.rows[2].rowNumber).toBe(8);
  });

  test('holds the same text as the workbook, cell for cell', () => {
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual(x.rows.map((r) => r.cells.map((c) => c.text)));
    expect(t.rows.some((r) => r.cells.some((c) => c.date))).toBe(false);
  });

  test('an encoding the user picks wins over detection', () => {
    const wrong = table('office-base-1251.csv', { encoding: 'windows-1252' });
    expect(wrong.encoding).toBe('windows-1252');
    expect(wrong.headers[0]).toBe('ÔÈÎ');
    expect(readError(() => table('office-base-1251.csv', { encoding: 'klingon-8' })).code).toBe('unknown-encoding');
  });
});

describe('other workbooks', () => {
  test('BIFF8 .xls: a two-row merged header is joined, dates read', () => {
    const t = table('clients-biff8.xls');
    expect(t.format).toBe('xls');
    expect(t.headerRowNumber).toBe(2);
    expect(t.headers).toEqual(['ФИО', 'Телефон / мобильный', 'Телефон / рабочий', 'Дата рождения']);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([4, 5]);
    expect(t.rows[0].cells.map((c) => c.text)).toEqual([
      'Орлова Вера',
      '+7 912 200-30-40',
      '+7 343 310-20-10',
      '17.05.1992',
    ]);
    expect(t.rows[1].cells[3].date).toEqual({ year: 1975, month: 1, day: 2 });
  });

  test('BIFF5 .xls (Excel 95) in the Windows-1251 code page', () => {
    const t = table('clients-biff5.xls');
    expect(t.format).toBe('xls');
    expect(t.sheetName).toBe('Клиенты');
    expect(t.headers).toEqual(['Фамилия', 'Имя', 'Телефон', 'Заметки']);
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Зайцев', 'Тимур', '79221112233', 'Сосед по офису'],
      ['Борисова', 'Алина', '+7 (343) 200-00-01', ''],
    ]);
  });

  test('ODS: empty rows skipped, row numbers kept, other sheets named in a warning and readable on request', () => {
    const t = table('clients.ods');
    expect(t.format).toBe('ods');
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 5]);
    expect(t.rows[0].cells[3]).toEqual({ text: '30.08.1970', date: { year: 1970, month: 8, day: 30 } });
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]).toContain('"Архив"');
    const archive = table('clients.ods', { sheetName: 'Архив' });
    expect(archive.rows[0].cells[0].text).toBe('Полина Романова');
    expect(archive.warnings).toEqual([]);
    const e = readError(() => table('clients.ods', { sheetName: 'Нет такого' }));
    expect(e.code).toBe('no-sheet');
    expect(e.message).toContain('clients.ods');
  });

  test('the 1900 and 1904 date systems give the same calendar dates', () => {
    const a = table('dates-1900.xlsx');
    const b = table('dates-1904.xlsx');
    const dates = (t: SourceTable) => t.rows.map((r) => r.cells[1].date);
    expect(dates(a)).toEqual([
      { year: 1985, month: 3, day: 15 },
      { year: 1904, month: 1, day: 2 },
      { year: 2000, month: 2, day: 29 },
    ]);
    expect(dates(b)).toEqual(dates(a));
    expect(b.rows.map((r) => r.cells[1].text)).toEqual(a.rows.map((r) => r.cells[1].text));
  });

  test('long numbers keep every digit; the first sheet with data is read and the others are named', () => {
    const bytes = xlsxBytes(
      [
        ['Имя', 'Телефон'],
        ['Иван', 79123456789012],
        ['Пётр', 89120001122],
      ],
      [
        ['Пустой', []],
        [
          'Старое',
          [
            ['a', 'b'],
            [1, 2],
          ],
        ],
      ],
    );
    const t = table('clients.xlsx', undefined, bytes);
    expect(texts(t, 'Телефон')).toEqual(['79123456789012', '89120001122']);
    expect(t.warnings).toEqual([expect.stringContaining('"Старое"')]);
    expect(t.warnings[0]).not.toContain('Пустой');
  });

  test('the format is told by the bytes, not the name', () => {
    const t = table('clients.csv', undefined, bytesOf('office-base.xlsx'));
    expect(t.format).toBe('xlsx');
    expect(t.headerRowNumber).toBe(3);
  });

  test('a password-protected workbook says so, naming the file', () => {
    const e = readError(() => table('protected.xlsx'));
    expect(e.code).toBe('password');
    expect(e.message).toContain('"protected.xlsx"');
    expect(e.message).toMatch(/password/);
  });

  test('a sheet of banners and figures has no header row', () => {
    const bytes = xlsxBytes([['Отчёт за март'], [], [1, 2, 3], [4, 5, 6]]);
    const e = readError(() => table('report.xlsx', undefined, bytes));
    expect(e.code).toBe('no-header');
    expect(e.message).toContain('report.xlsx');
  });
});

describe('CSV exports of address books', () => {
  test("Google's current CSV: ` ::: ` multi-values kept, records spanning lines numbered by their first line", () => {
    const t = table('google-contacts.csv');
    expect(t.encoding).toBe('utf-8');
    expect(t.delimiter).toBe(',');
    expect(t.headers.slice(0, 3)).toEqual(['First Name', 'Middle Name', 'Last Name']);
    expect(t.headers).toHaveLength(48);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 7, 8]);
    expect(texts(t, 'Labels')[0]).toBe('* myContacts ::: VIP ::: Маникюр');
    expect(texts(t, 'Phone 1 - Value')[0]).toBe('+7 912 345-00-11 ::: +7 912 345-00-12');
    expect(texts(t, 'Address 1 - Formatted')[0]).toBe('ул. Белинского, 86\nЕкатеринбург\n620026\nРоссия');
  });

  test("Google's legacy CSV with a UTF-8 BOM", () => {
    const t = table('google-contacts-legacy.csv');
    expect(t.encoding).toBe('utf-8');
    expect(t.headers[0]).toBe('Name');
    expect(texts(t, 'Group Membership')).toEqual(['* myContacts ::: * starred', '* myContacts']);
    expect(texts(t, 'Phone 2 - Type')[0]).toBe('Telma');
  });

  test('a Russian-localised address-book export in Windows-1251', () => {
    const t = table('outlook-ru.csv');
    expect(t.encoding).toBe('windows-1251');
    expect(t.headers).toContain('Номер сотового телефона');
    expect(texts(t, 'Заметки')[0]).toBe('Приходит с дочерью, "Маша"');
    expect(texts(t, 'Организация')[1]).toBe('ООО «Кама»');
  });

  test('UTF-16 with a BOM', () => {
    const t = table('utf16.csv');
    expect(t.encoding).toBe('utf-16le');
    expect(texts(t, 'Name')).toEqual(['Нино Беридзе', 'José Müller']);
  });

  test('tab-separated, with a quoted line break', () => {
    const t = table('tab.tsv');
    expect(t.delimiter).toBe('\t');
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(t.rows[0].cells[3].text).toBe('Первая строка\nвторая строка');
    expect(t.rows[1].cells[3].text).toBe('Клиент, "сложный"');
  });

  test('semicolons without a sep= line, a banner above, Windows-1252 told from Windows-1251', () => {
    const text = 'Kunden 2024\r\n\r\nName;Vorname;Telefon\r\nMüller;Zoë;+49 30 123\r\nCafé Größe;André;+49 30 456\r\n';
    const t = table('kunden.csv', undefined, new Uint8Array(iconv.encode(text, 'win1252')));
    expect(t.encoding).toBe('windows-1252');
    expect(t.delimiter).toBe(';');
    expect(t.headerRowNumber).toBe(3);
    expect(texts(t, 'Name')).toEqual(['Müller', 'Café Größe']);
    const ru = table(
      'ru.csv',
      undefined,
      new Uint8Array(iconv.encode('Имя,Телефон\r\nЁжиков Пётр,+7 912 1\r\n', 'win1251')),
    );
    expect(ru.encoding).toBe('windows-1251');
    expect(ru.rows[0].cells[0].text).toBe('Ёжиков Пётр');
  });

  test('a delimiter the user picks wins', () => {
    const t = table('x.csv', { delimiter: ';' }, new TextEncoder().encode('Имя,Фамилия;Телефон\nАнна,Орлова;+7 912\n'));
    expect(t.headers).toEqual(['Имя,Фамилия', 'Телефон']);
  });

  test('empty and header-less files say so, naming the file', () => {
    expect(readError(() => readContactsFile(new Uint8Array(0), 'empty.csv')).code).toBe('empty');
    expect(readError(() => table('blank.csv', undefined, new TextEncoder().encode('\r\n;;\r\n'))).code).toBe('empty');
    const e = readError(() => table('title.csv', undefined, new TextEncoder().encode('Только заголовок\n')));
    expect(e.code).toBe('no-header');
    expect(e.message).toContain('"title.csv"');
  });
});
