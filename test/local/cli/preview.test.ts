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
  contacts: Array<{ names?: Array<{ familyName?: string; givenName?: string }>; labels: string[] }>;
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
