// Issue 11: a file whose first row is already a client previews with generic column names instead of being refused
// (or of losing that client as "column names"), the decision is a warning, and the summary still adds up; long
// Cyrillic column names no longer make a data row the header.

import * as XLSX from '@e965/xlsx';
import type { Locale } from '../../../src/core/i18n/locale';
import { mappingFingerprint } from '../../../src/core/import/mapping';
import {
  cleanImportFile,
  mappingColumns,
  openImportFile,
  previewSummary,
  type ReadOptions,
} from '../../../src/core/import/pipeline';
import { planImport } from '../../../src/core/import/plan';
import { readContactsFile } from '../../../src/core/import/readers';
import { phoneKey } from '../../../src/core/phone';

const utf8 = (text: string) => new TextEncoder().encode(text);

function preview(bytes: Uint8Array, fileName: string, locale: Locale = 'ru', options: ReadOptions = {}) {
  const opened = openImportFile(bytes, fileName, { locale, ...options });
  const cleaned = cleanImportFile(opened, opened.proposed, { defaultCountry: 'RU', locale, importId: 'imp-1' });
  const plan = planImport(cleaned.contacts, [], { importId: 'imp-1', phoneKey: (raw) => phoneKey(raw, 'RU') });
  const summary = previewSummary(opened, cleaned, plan);
  return { opened, cleaned, plan, summary };
}

function expectAddsUp(s: ReturnType<typeof preview>['summary'], rows: number): void {
  expect(s.rows).toBe(rows);
  expect(s.create + s.update + s.skip + s.rejected + s.ignored).toBe(rows);
}

// Row 1 has five cells and only one phone: four of five look like column names, so the old header finder took
// this client for the header row and the import lost her.
const HEADERLESS =
  'Петрова Мария;+79161234501;maria@mail.ru;VIP;12.03.1985\n' +
  'Иванов Иван Иванович;8 916 123-45-02;ivan@ya.ru;VIP;01.01.1970\n' +
  'Сидорова Анна;+79161234503;anna@x.ru;Новый;5.5.1990\n' +
  'Ким Ли;+79161234504;kim@x.ru;VIP;\n' +
  'Орлов Глеб;+79161234505;gleb@x.ru;Новый;21.11.1962\n';

describe('a CSV without a header row, through the whole preview', () => {
  test('every row is a client, the columns get generic names, the guesses and the decision are said', () => {
    const r = preview(utf8(HEADERLESS), 'clients.csv');
    expect(r.opened.table?.headerless).toBe(true);
    expect(r.opened.headers).toEqual(['Колонка 1', 'Колонка 2', 'Колонка 3', 'Колонка 4', 'Колонка 5']);
    expect(r.opened.table?.rows.map((row) => row.rowNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(mappingColumns(r.opened.proposed, 'ru')).toEqual([
      { column: 'Колонка 1', field: 'fullName', source: 'content', reason: '5 из 5 значений — имена людей' },
      { column: 'Колонка 2', field: 'phone', source: 'content', reason: '5 из 5 значений — номера телефонов' },
      { column: 'Колонка 3', field: 'email', source: 'content', reason: '5 из 5 значений — адреса e-mail' },
      {
        column: 'Колонка 4',
        field: 'label',
        source: 'content',
        reason: 'значений — 5, разных из них — 2: это категории',
      },
      { column: 'Колонка 5', field: 'birthday', source: 'content', reason: '4 из 4 значений — даты' },
    ]);
    expectAddsUp(r.summary, 5);
    expect(r.summary).toMatchObject({ create: 5, rejected: 0, ignored: 0 });
    expect(r.plan.creates[0].person).toMatchObject({
      names: [{ familyName: 'Петрова', givenName: 'Мария' }],
      emailAddresses: [{ value: 'maria@mail.ru' }],
      birthdays: [{ date: { year: 1985, month: 3, day: 12 } }],
    });
    expect(r.opened.warnings[0]).toMatch(/^Первая строка файла «clients\.csv» — клиент, а не названия столбцов/);
    expect(r.cleaned.warnings).toContain(
      'Столбец «Колонка 2» прочитан как «Телефон» по содержимому: 5 из 5 значений — номера телефонов. Если это не так, измените сопоставление.',
    );
  });

  test('in English the columns are "Column 1"…, and the decision says so', () => {
    const r = preview(utf8(HEADERLESS), 'clients.csv', 'en');
    expect(r.opened.headers[0]).toBe('Column 1');
    expect(r.opened.warnings[0]).toBe(
      'The first row of "clients.csv" is a client, not column names (it holds values like those in the rows below: phone numbers, e-mails, dates or names): every row is imported and the columns are called "Column 1", "Column 2"… Check the mapping.',
    );
  });

  test('the fingerprint is made from the guessed fields, not from the generic names every such file shares', () => {
    const a = preview(utf8(HEADERLESS), 'a.csv').opened;
    const b = preview(utf8(HEADERLESS.replace(/Петрова Мария/, 'Смирнова Ольга')), 'b.csv', 'en').opened;
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(mappingFingerprint(a.headers));
    const other = preview(
      utf8('+79161234501;Петрова Мария\n+79161234502;Иванов Иван\n+79161234503;Орлов Глеб\n'),
      'c.csv',
    );
    expect(other.opened.fingerprint).not.toBe(a.fingerprint);
  });

  test('a file whose every row shows values (no row even looks like a header) previews instead of being refused', () => {
    const csv = '+79161234501,anna@mail.ru\n+79161234502,boris@mail.ru\n+79161234503,vera@mail.ru\n';
    const r = preview(utf8(csv), 'phones.csv', 'en');
    expect(r.opened.proposed?.columns.map((c) => c.field)).toEqual(['phone', 'email']);
    expectAddsUp(r.summary, 3);
    expect(r.summary.create).toBe(3);
  });

  test('a file of one client without a header row is that client', () => {
    const r = preview(utf8('Петрова Мария;+79161234501;maria@mail.ru\n'), 'one.csv');
    expect(r.opened.proposed?.columns.map((c) => c.field)).toEqual(['fullName', 'phone', 'email']);
    expectAddsUp(r.summary, 1);
    expect(r.plan.creates[0].person.names).toEqual([{ familyName: 'Петрова', givenName: 'Мария' }]);
  });

  test('a workbook: a title above clients without a header row; the title is not a client', () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Клиенты салона «Лотос»'],
      ['Петрова Мария', '+79161234501', 'maria@mail.ru'],
      ['Иванов Иван', '+79161234502', 'ivan@mail.ru'],
      ['Орлов Глеб', '+79161234503', 'gleb@mail.ru'],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Клиенты');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = preview(bytes, 'base.xlsx');
    expect(r.opened.table?.headerless).toBe(true);
    expect(r.opened.table?.rows.map((row) => row.rowNumber)).toEqual([2, 3, 4]);
    expectAddsUp(r.summary, 3);
  });

  test('a file with a real header row is read as before', () => {
    const r = preview(utf8('Имя;Телефон\nПетрова Мария;+79161234501\nИванов Иван;+79161234502\n'), 'x.csv');
    expect(r.opened.table?.headerless).toBeUndefined();
    expect(r.opened.headers).toEqual(['Имя', 'Телефон']);
    expect(r.opened.proposed?.columns.map((c) => c.source)).toEqual(['header', 'header']);
    expect(r.cleaned.warnings.some((w) => /по содержимому/.test(w))).toBe(false);
  });
});

describe('long column names', () => {
  // Over 60 characters each: the header row lost the header vote, and the first client whose row held only names
  // ("Петрова Мария" with no phone, a comment) was taken for the column names.
  const h1 = 'Фамилия, имя и отчество клиента полностью (как указано в паспорте или договоре)';
  const h2 = 'Контактный телефон для связи с клиентом в рабочее время (мобильный или городской)';
  const csv =
    `${h1};${h2};Комментарий\n` +
    'Петрова Мария;;звонить вечером\nИванов Иван;+79161234502;\nСидоров Пётр;+79161234503;\n';

  test('are still the header, and every client below them is a client', () => {
    const read = readContactsFile(utf8(csv), 'long.csv');
    if (read.kind !== 'table') throw new Error('not a table');
    expect(read.table.headerRowNumber).toBe(1);
    expect(read.table.headers).toEqual([h1, h2, 'Комментарий']);
    expect(read.table.rows.map((r) => r.cells[0].text)).toEqual(['Петрова Мария', 'Иванов Иван', 'Сидоров Пётр']);
    const r = preview(utf8(csv), 'long.csv');
    expect(r.opened.proposed?.columns.map((c) => c.field)).toEqual(['fullName', 'phone', 'notes']);
    expectAddsUp(r.summary, 3);
  });

  test('a long note in a data row does not make that row a header', () => {
    const note = 'Звонила в марте, просила перезвонить после праздников и уточнить цену на стрижку и окрашивание';
    const read = readContactsFile(utf8(`Имя;Комментарий\nПетрова Мария;${note}\n`), 'n.csv');
    if (read.kind !== 'table') throw new Error('not a table');
    expect(read.table.headerRowNumber).toBe(1);
    expect(read.table.rows).toHaveLength(1);
  });
});
