// `crm preview FILE --json` on issue 11's hostile files (each written here): its `summary` counts add up to the
// file's data rows, and `warnings` says every decision taken on the user's behalf (encoding, header row, name order).
// The Google CSV is then imported through the built bundle: no label is made of a system group.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { openOffice } from '../../../src/local/office';
import { runCli, tempDir } from './run-cli';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Preview {
  encoding: string;
  contacts: Array<{
    rows: number[];
    names?: Array<{ familyName?: string; givenName?: string }>;
    phoneNumbers?: Array<{ value: string }>;
    labels: string[];
  }>;
  merges: Array<{ rows: number[]; reason: string; value: string; into: number }>;
  errors: Array<{ row: number; column: string; severity?: string }>;
  summary: {
    rows: number;
    create: number;
    update: number;
    skip: number;
    merged: number;
    rejected: number;
    ignored: number;
  };
  warnings: string[];
}

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function preview(file: string): Promise<Preview> {
  const run = await runCli(dir, 'preview', file, '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.json<Preview>();
}

function expectAddsUp(p: Preview, dataRows: number): void {
  const s = p.summary;
  expect(s.rows).toBe(dataRows);
  expect(s.create + s.update + s.skip + s.rejected + s.ignored).toBe(dataRows);
  // `contacts` is what will be sent: one per create or update, each merged row folded into one of them.
  expect(p.contacts).toHaveLength(s.create + s.update);
  expect(p.merges.reduce((n, m) => n + m.rows.length - 1, 0)).toBe(s.merged);
}

test('mixed line endings: every row accounted for', async () => {
  const file = write(
    'mixed.csv',
    'Имя,Телефон\r\nАнна Иванова,+79161234501\nБорис Петров,+79161234502\rВера Сидорова,+79161234503\r\n' +
      'Глеб Орлов,+79161234504\nАнна Иванова,+79161234501\r,,только комментарий\n',
  );
  const p = await preview(file);
  expectAddsUp(p, 6);
  expect(p.summary).toEqual({ rows: 6, create: 4, update: 0, skip: 1, merged: 1, rejected: 1, ignored: 0 });
  // Line 6 repeats line 2's client (the header is line 1): merged, and Анна is sent once with both rows.
  expect(p.merges).toEqual([{ rows: [2, 6], reason: 'phone', value: '+79161234501', into: 2 }]);
  expect(p.contacts.map((c) => c.rows)).toEqual([[2, 6], [3], [4], [5]]);
  expect(p.contacts[0].phoneNumbers?.map((ph) => ph.value)).toEqual(['+79161234501']);
});

test('one bad byte in UTF-8, a title row above the header, Cyrillic names in an English office', async () => {
  await runCli(dir, 'settings', '--set', 'language=en', '--json');
  const text = 'Клиенты салона\nФИО;Телефон\nПетрова Мария;+79161234501\nСидоров;+79161234502\nКим Ли;+79161234503\n';
  const bytes = new TextEncoder().encode(text);
  const at = new TextEncoder().encode(text.slice(0, text.indexOf('Ли'))).length;
  const file = write('clients.csv', new Uint8Array([...bytes.slice(0, at), 0xff, ...bytes.slice(at)]));
  const p = await preview(file);
  expect(p.encoding).toBe('utf-8');
  expectAddsUp(p, 3);
  expect(p.contacts.map((c) => c.names?.[0])).toEqual([
    { familyName: 'Петрова', givenName: 'Мария' },
    { familyName: 'Сидоров' },
    { familyName: 'Ким', givenName: '\uFFFDЛи' },
  ]);
  expect(p.warnings).toEqual([
    expect.stringMatching(/^"clients\.csv" was read as UTF-8: it is UTF-8 apart from 1 invalid byte/),
    expect.stringMatching(/^The column names were taken from row 2 of "clients\.csv"/),
    'Line 5 of "clients.csv", column "ФИО": "Ким \uFFFDЛи" has an invalid byte.',
    expect.stringMatching(/^Column "ФИО", Cyrillic names: read family name first\. 1 rows show family name first/),
  ]);
});

test('a Windows-1251 file says which encoding was chosen', async () => {
  const file = write('excel.csv', iconv.encode('Фамилия;Имя;Телефон\r\nПетрова;Мария;+79161234501\r\n', 'win1251'));
  const p = await preview(file);
  expect(p.encoding).toBe('windows-1251');
  expectAddsUp(p, 1);
  expect(p.warnings).toEqual([expect.stringMatching(/^"excel\.csv" was read as Windows-1251/)]);
});

test('a formula as a name is kept whole and reported', async () => {
  const file = write('formula.csv', 'Имя,Телефон\n"=HYPERLINK(""http://example.com"", ""click"")",+79161234501\n');
  const p = await preview(file);
  expectAddsUp(p, 1);
  expect(p.contacts[0].names).toEqual([{ givenName: '=HYPERLINK("http://example.com", "click")' }]);
  expect(p.errors).toEqual([expect.objectContaining({ row: 2, column: 'Имя', severity: 'warning' })]);
});

test('Google CSV: system groups are never labels; Starred rows are starred in the account', async () => {
  const file = write(
    'google.csv',
    'Name,Given Name,Family Name,Phone 1 - Type,Phone 1 - Value,Labels\n' +
      'Anna Ivanova,Anna,Ivanova,Mobile,+79161234501,* myContacts ::: VIP\n' +
      'Boris Petrov,Boris,Petrov,Mobile,+79161234502,* My Contacts ::: * Starred\n' +
      'Vera Orlova,Vera,Orlova,Mobile,+79161234503,* myContacts ::: * Starred\n',
  );
  const p = await preview(file);
  expectAddsUp(p, 3);
  expect(p.contacts.map((c) => c.labels)).toEqual([['VIP'], ['* Starred'], ['* Starred']]);
  const run = await runCli(dir, 'import', file);
  expect(run.code).toBe(0);
  expect(run.json<{ created: number }>().created).toBe(3);
  const groups = openOffice({ dir }).workspace.people.allGroups();
  expect(groups.filter((g) => g.groupType === 'USER_CONTACT_GROUP').map((g) => g.name)).toEqual(['VIP']);
  expect(groups.find((g) => g.resourceName === 'contactGroups/starred')?.memberCount).toBe(2);
});

test('a file without a header row: previewed with generic column names, each guess with its reason, counts add up', async () => {
  const file = write(
    'no-header.csv',
    'Петрова Мария;+79161234501;maria@mail.ru;VIP\n' +
      'Иванов Иван Иванович;8 916 123-45-02;ivan@ya.ru;VIP\n' +
      'Сидорова Анна;+79161234503;anna@x.ru;Новый\n' +
      'Ким Ли;+79161234504;;VIP\n' +
      ';;;Новый\n',
  );
  const run = await runCli(dir, 'preview', file, '--json');
  expect(run.code).toBe(0);
  const p = run.json<
    Preview & {
      mapping: Record<string, string>;
      columns: Array<{ column: string; field: string; source: string; reason?: string }>;
    }
  >();
  // Every row counts, the first one included; the row with only a category is listed as not imported.
  expectAddsUp(p, 5);
  expect(p.summary).toMatchObject({ create: 4, rejected: 1 });
  expect(p.contacts[0].names).toEqual([{ familyName: 'Петрова', givenName: 'Мария' }]);
  // The sandbox office speaks Russian: the columns are named in it, and `mapping` keeps its old shape.
  expect(p.mapping).toEqual({
    'Колонка 1': 'fullName',
    'Колонка 2': 'phone',
    'Колонка 3': 'email',
    'Колонка 4': 'label',
  });
  expect(p.columns).toEqual([
    { column: 'Колонка 1', field: 'fullName', source: 'content', reason: '4 из 4 значений — имена людей' },
    { column: 'Колонка 2', field: 'phone', source: 'content', reason: '4 из 4 значений — номера телефонов' },
    { column: 'Колонка 3', field: 'email', source: 'content', reason: '3 из 3 значений — адреса e-mail' },
    {
      column: 'Колонка 4',
      field: 'label',
      source: 'content',
      reason: 'значений — 5, разных из них — 2: это категории',
    },
  ]);
  expect(p.warnings[0]).toMatch(/^Первая строка файла «no-header\.csv» — клиент, а не названия столбцов/);
  expect(p.warnings.filter((w) => /^Столбец «Колонка \d» прочитан как/.test(w))).toHaveLength(4);
});

test('a known header row: every column says it came from its header, and nothing is guessed', async () => {
  const file = write('known.csv', 'Имя,Телефон,Col3\nАнна Иванова,+79161234501,\n');
  const run = await runCli(dir, 'preview', file, '--json');
  const p = run.json<{ columns: Array<{ column: string; field: string; source: string; reason?: string }> }>();
  expect(p.columns).toEqual([
    { column: 'Имя', field: 'fullName', source: 'header' },
    { column: 'Телефон', field: 'phone', source: 'header' },
    { column: 'Col3', field: 'custom:Col3', source: 'header' },
  ]);
});

test('after an import, a header-less file of the same shape gets the remembered mapping, without the guesses', async () => {
  const rowsOf = (names: string[]) => names.map((n, i) => `${n};+7916123450${i};client${i}@mail.ru\n`).join('');
  const first = write('first.csv', rowsOf(['Петрова Мария', 'Иванов Иван', 'Орлов Глеб']));
  expect((await runCli(dir, 'import', first)).code).toBe(0);
  // Remembered by the fields alone: where they came from, and why, belong to that one file.
  const props = openOffice({ dir }).workspace.properties.entries('document:sheet');
  const stored = Object.keys(props).filter((k) => k.startsWith('crm.mapping.'));
  expect(stored).toHaveLength(1);
  expect(JSON.parse(props[stored[0]]).columns[1]).toEqual({ index: 1, header: 'Колонка 2', field: 'phone' });
  const next = write('next.csv', rowsOf(['Смирнова Ольга', 'Кузнецов Пётр', 'Беридзе Нино']));
  const p = (await runCli(dir, 'preview', next, '--json')).json<{
    columns: Array<{ column: string; field: string; source: string; reason?: string }>;
    warnings: string[];
  }>();
  expect(p.columns.map((c) => [c.field, c.source, c.reason])).toEqual([
    ['fullName', 'remembered', undefined],
    ['phone', 'remembered', undefined],
    ['email', 'remembered', undefined],
  ]);
  expect(p.warnings.some((w) => /прочитан как/.test(w))).toBe(false);
});
