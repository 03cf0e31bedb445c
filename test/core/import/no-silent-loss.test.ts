// Issue 11, "Migration without silent loss": hostile but real files, each written here, read → mapped → cleaned →
// planned exactly as the sidebar and `crm preview` do. Every data row of a file must be a contact, a merged duplicate
// or a listed problem, and every decision taken on the user's behalf must be said.

import * as XLSX from '@e965/xlsx';
import * as iconv from 'iconv-lite';
import type { Locale } from '../../../src/core/i18n/locale';
import { cleanImportFile, openImportFile, previewSummary } from '../../../src/core/import/pipeline';
import { splitFullName } from '../../../src/core/import/normalize';
import { batchPlan, personForCreate, planImport, type ImportPlan } from '../../../src/core/import/plan';
import { phoneKey } from '../../../src/core/phone';
import type { Person } from '../../../src/core/import/types';

const utf8 = (text: string) => new TextEncoder().encode(text);

function preview(
  bytes: Uint8Array,
  fileName: string,
  locale: Locale = 'ru',
  existing: Person[] = [],
  importId = 'imp-1',
) {
  const opened = openImportFile(bytes, fileName);
  const cleaned = cleanImportFile(opened, opened.proposed, { defaultCountry: 'RU', locale, importId });
  const plan = planImport(cleaned.contacts, existing, { importId, phoneKey: (raw) => phoneKey(raw, 'RU') });
  return { opened, cleaned, plan };
}

/** Each data row's fate; a row with none is a row lost without a word. */
function fates(r: ReturnType<typeof preview>): Map<number, string> {
  const out = new Map<number, string>();
  const put = (row: number, fate: string) => out.set(row, out.has(row) ? `${out.get(row)}+${fate}` : fate);
  for (const c of r.plan.creates) put(c.rowNumbers[0], 'create');
  for (const u of r.plan.updates) put(u.rowNumbers[0], 'update');
  for (const s of r.plan.skips) put(s.rowNumber, s.reason === 'duplicate-in-file' ? 'merged' : 'skip');
  const kept = new Set(r.cleaned.contacts.map((c) => c.rowNumber));
  for (const d of r.cleaned.drafts) if (!kept.has(d.rowNumber)) put(d.rowNumber, 'rejected');
  return out;
}

function expectEveryRowAccountedFor(r: ReturnType<typeof preview>, dataRows: number): void {
  const summary = previewSummary(r.opened, r.cleaned, r.plan);
  expect(summary.rows).toBe(dataRows);
  expect(summary.create + summary.update + summary.skip + summary.rejected + summary.ignored).toBe(dataRows);
  const f = fates(r);
  expect(f.size).toBe(dataRows);
  for (const fate of f.values()) expect(fate).toMatch(/^(create|update|skip|merged|rejected)$/);
}

function names(plan: ImportPlan) {
  return plan.creates.map((c) => c.person.names?.[0]);
}

describe('1. mixed line endings', () => {
  // \r\n, \n and a lone \r in one file, as after pasting rows from several systems; one client twice.
  const file =
    'Имя,Телефон,Комментарий\r\n' +
    'Анна Иванова,+79161234501,"первая строка\r\nвторая"\n' +
    'Борис Петров,+79161234502,\r' +
    'Вера Сидорова,+79161234503,\r\n' +
    'Глеб Орлов,+79161234504,\n' +
    'Анна Иванова,+7 916 123-45-01,повтор\r' +
    ',,\n' +
    ',,только комментарий\r\n';

  test('every data row is a contact, a merged duplicate or a listed problem, and the summary adds up', () => {
    const r = preview(utf8(file), 'mixed.csv');
    // Header on line 1; Анна's note spans lines 2–3; the `,,` row is empty (not a data row).
    expect(r.opened.table?.rows.map((row) => row.rowNumber)).toEqual([2, 4, 5, 6, 7, 9]);
    expectEveryRowAccountedFor(r, 6);
    expect(r.plan.creates.map((c) => c.person.phoneNumbers?.[0].canonicalForm)).toEqual([
      '+79161234501',
      '+79161234502',
      '+79161234503',
      '+79161234504',
    ]);
    expect(r.plan.creates[0].person.biographies?.[0].value).toBe('первая строка\nвторая\nповтор');
    expect(previewSummary(r.opened, r.cleaned, r.plan)).toEqual({
      rows: 6,
      create: 4,
      update: 0,
      skip: 1,
      merged: 1,
      rejected: 1,
      ignored: 0,
    });
    // The rejected row is listed with its line.
    expect(r.cleaned.problems).toEqual([expect.objectContaining({ row: 9, column: '' })]);
  });

  test('a row with only its number is counted as ignored; one with a value under no header is listed', () => {
    const r = preview(utf8('№,Имя,Телефон\n1,Анна Иванова,+79161234501\n2,,\n3,,,оставлено без заголовка\n'), 'n.csv');
    expect(previewSummary(r.opened, r.cleaned, r.plan)).toEqual({
      rows: 3,
      create: 1,
      update: 0,
      skip: 0,
      merged: 0,
      rejected: 1,
      ignored: 1,
    });
    expect(r.cleaned.problems).toEqual([expect.objectContaining({ row: 4, column: '' })]);
  });
});

describe('2. one bad byte in a UTF-8 file', () => {
  const text =
    'Фамилия;Имя;Телефон;Город\n' +
    'Петрова;Мария;+79161234501;Москва\n' +
    'Сидоров;Иван;+79161234502;Казань\n' +
    'Орлова;Вера;+79161234503;Тверь\n';
  const good = utf8(text);
  // A lone 0xFF after the "И" of "Иван" (row 3): the rest of the file is valid UTF-8.
  const at = utf8(text.slice(0, text.indexOf('Иван') + 1)).length;
  const bad = new Uint8Array([...good.slice(0, at), 0xff, ...good.slice(at)]);

  test('is read as UTF-8: headers and names intact, the damaged cell listed, the choice explained', () => {
    const r = preview(bad, 'clients.csv');
    expect(r.opened.encoding).toBe('utf-8');
    expect(r.opened.headers).toEqual(['Фамилия', 'Имя', 'Телефон', 'Город']);
    expectEveryRowAccountedFor(r, 3);
    expect(names(r.plan).map((n) => n?.familyName)).toEqual(['Петрова', 'Сидоров', 'Орлова']);
    expect(names(r.plan)[1]?.givenName).toBe('И\uFFFDван');
    expect(r.opened.warnings).toEqual([
      expect.stringMatching(/^"clients\.csv" was read as UTF-8: it is UTF-8 apart from 1 invalid byte/),
      'Line 3 of "clients.csv", column "Имя": "И\uFFFDван" has an invalid byte.',
    ]);
  });

  test('a real Windows-1251 file (Russian Excel, `;`) is still read as Windows-1251, and says so', () => {
    const r = preview(new Uint8Array(iconv.encode(text.replace(/\n/g, '\r\n'), 'win1251')), 'excel.csv');
    expect(r.opened.encoding).toBe('windows-1251');
    expect(r.opened.table?.delimiter).toBe(';');
    expect(r.opened.headers).toEqual(['Фамилия', 'Имя', 'Телефон', 'Город']);
    expect(names(r.plan).map((n) => `${n?.familyName} ${n?.givenName}`)).toEqual([
      'Петрова Мария',
      'Сидоров Иван',
      'Орлова Вера',
    ]);
    expect(r.opened.warnings).toEqual([expect.stringMatching(/^"excel\.csv" was read as Windows-1251 \(Cyrillic\)/)]);
  });

  test("the decision is said in the office's language, not only in English", () => {
    const bytes = new Uint8Array(iconv.encode(text.replace(/\n/g, '\r\n'), 'win1251'));
    expect(openImportFile(bytes, 'excel.csv', { locale: 'ru' }).warnings).toEqual([
      expect.stringMatching(/^Файл «excel\.csv» прочитан как Windows-1251 \(Cyrillic\): это не UTF-8/),
    ]);
    expect(openImportFile(bytes, 'excel.csv', { locale: 'ka' }).warnings[0]).toMatch(/^ფაილი „excel\.csv“/);
  });

  test('valid UTF-8 needs no explanation', () => {
    expect(preview(good, 'clean.csv').opened.warnings).toEqual([]);
  });
});

describe('3. name order from the data, never from the interface language', () => {
  const file =
    'ФИО,Телефон\n' +
    'Петрова Мария,+79161234501\n' +
    'Сидоров,+79161234502\n' +
    'Иванов Пётр Сергеевич,+79161234503\n' +
    'Ким Ли,+79161234504\n' +
    'Марина Ильина,+79161234505\n' +
    'Кузнецов Олег,+79161234506\n';

  test.each(['en', 'ka', 'ru'] as const)('in %s: family and given names as the data says', (locale) => {
    const r = preview(utf8(file), 'fio.csv', locale);
    expectEveryRowAccountedFor(r, 6);
    expect(names(r.plan)).toEqual([
      { familyName: 'Петрова', givenName: 'Мария' },
      { familyName: 'Сидоров' },
      { familyName: 'Иванов', givenName: 'Пётр', middleName: 'Сергеевич' },
      // Shows no order itself: follows the column, where 3 rows show family name first and 1 given name first.
      { familyName: 'Ким', givenName: 'Ли' },
      // A given name that ends like a surname (-ина) is known as a given name.
      { givenName: 'Марина', familyName: 'Ильина' },
      { familyName: 'Кузнецов', givenName: 'Олег' },
    ]);
  });

  test.each([
    ['ბერიძე გიორგი', { familyName: 'ბერიძე', givenName: 'გიორგი' }],
    ['ნინო კაპანაძე', { givenName: 'ნინო', familyName: 'კაპანაძე' }],
    ['Петросян Арам', { familyName: 'Петросян', givenName: 'Арам' }],
    ['Ivanova Maria', { familyName: 'Ivanova', givenName: 'Maria' }],
    ['Bryan Adams', { givenName: 'Bryan', familyName: 'Adams' }],
    ['Константин Ильин', { givenName: 'Константин', familyName: 'Ильин' }],
    ['Гелашвили', { familyName: 'Гелашвили' }],
    ['Анна', { givenName: 'Анна' }],
  ])('%s is read by its own words in any language', (full, parts) => {
    for (const locale of ['en', 'ka', 'ru'] as const) expect(splitFullName(full, locale)).toEqual(parts);
  });

  test('the decision is said: the column, the order chosen and the counts', () => {
    expect(preview(utf8(file), 'fio.csv', 'en').cleaned.warnings).toEqual([
      'Column "ФИО", Cyrillic names: read family name first. 3 rows show family name first and 1 given name first (by surnames, patronymics and given names); the 1 rows that show neither follow the majority.',
    ]);
    expect(preview(utf8(file), 'fio.csv', 'ru').cleaned.warnings[0]).toMatch(
      /^Столбец «ФИО», имена \(кириллица\): сначала фамилия/,
    );
  });

  test('a column of given-first names decides its ambiguous rows the other way', () => {
    const r = preview(
      utf8('Name,Phone\nМария Петрова,+79161234501\nОлег Кузнецов,+79161234502\nКим Ли,+79161234503\n'),
      'n.csv',
      'ru',
    );
    expect(names(r.plan)[2]).toEqual({ givenName: 'Ким', familyName: 'Ли' });
  });

  test('re-checking an imported file in another language shows no made-up conflicts', () => {
    const first = preview(utf8(file), 'fio.csv', 'en');
    const account: Person[] = first.plan.creates.map((c, i) => ({
      ...c.person,
      resourceName: `people/c${i}`,
      etag: `e${i}`,
    }));
    for (const locale of ['ka', 'ru'] as const) {
      const again = preview(utf8(file), 'fio.csv', locale, account, 'imp-2');
      expect(again.plan.creates).toEqual([]);
      expect(again.plan.updates).toEqual([]);
      expect(again.plan.skips.map((s) => [s.reason, s.conflicts ?? []])).toEqual(account.map(() => ['identical', []]));
    }
  });
});

describe("4. Google's system groups are not labels", () => {
  const file =
    'Name,Given Name,Family Name,Phone 1 - Type,Phone 1 - Value,Labels\n' +
    'Anna Ivanova,Anna,Ivanova,Mobile,+79161234501,* myContacts ::: VIP\n' +
    'Boris Petrov,Boris,Petrov,Mobile,+79161234502,* My Contacts ::: * Starred\n' +
    'Vera Orlova,Vera,Orlova,Mobile,+79161234503,* Starred ::: Опт\n' +
    'Gleb Orlov,Gleb,Orlov,Mobile,+79161234504,* myContacts\n';

  test('no label is created for My Contacts or Starred; starred rows are added to the starred group', () => {
    const r = preview(utf8(file), 'google.csv');
    expectEveryRowAccountedFor(r, 4);
    expect(r.plan.labelsToCreate).toEqual(['VIP', 'Опт']);
    const groupOf = (label: string) => r.plan.labelGroups[label];
    const memberships = r.plan.creates.map((c) =>
      (personForCreate(c, groupOf).memberships ?? []).map((m) => m.contactGroupMembership?.contactGroupResourceName),
    );
    // Only VIP/Опт still need their group (created first); starred needs none.
    expect(memberships).toEqual([[], ['contactGroups/starred'], ['contactGroups/starred'], []]);
    const calls = batchPlan(r.plan);
    expect(calls.filter((c) => c.kind === 'createGroup').map((c) => ('name' in c ? c.name : ''))).toEqual([
      'VIP',
      'Опт',
    ]);
  });
});

describe('5. a formula as a name', () => {
  test('CSV: the whole formula is kept as text (not split into words) and reported for its row and column', () => {
    const file =
      'Имя,Телефон\n"=HYPERLINK(""http://example.com"", ""click"")",+79161234501\nАнна Иванова,+79161234502\n';
    const r = preview(utf8(file), 'formula.csv', 'en');
    expectEveryRowAccountedFor(r, 2);
    expect(names(r.plan)[0]).toEqual({ givenName: '=HYPERLINK("http://example.com", "click")' });
    expect(r.cleaned.problems).toEqual([
      {
        row: 2,
        column: 'Имя',
        value: '=HYPERLINK("http://example.com", "click")',
        message: expect.stringMatching(/^A formula, not a value/),
        severity: 'warning',
      },
    ]);
  });

  test('xlsx: the displayed (cached) text is taken; without one the formula is kept; both reported', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Имя', 'Телефон'],
      ['', '+79161234501'],
      ['', '+79161234502'],
    ]);
    ws.A2 = { t: 's', v: 'click', f: 'HYPERLINK("http://example.com","click")' };
    ws.A3 = { t: 'n', f: 'HYPERLINK("http://example.com","never computed")' } as XLSX.CellObject;
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, 'Клиенты');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = preview(bytes, 'formula.xlsx', 'en');
    expectEveryRowAccountedFor(r, 2);
    expect(names(r.plan)).toEqual([
      { givenName: 'click' },
      { givenName: '=HYPERLINK("http://example.com","never computed")' },
    ]);
    expect(r.cleaned.problems.map((p) => [p.row, p.column, p.severity, p.message.slice(0, 20)])).toEqual([
      [2, 'Имя', 'warning', 'This cell is a formu'],
      [3, 'Имя', 'warning', 'A formula, not a val'],
    ]);
  });
});
