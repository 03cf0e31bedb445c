// The "open in the CRM" record's rules: what counts as a record, how long it waits, whose it is, where the next goes.

import {
  isFresh,
  parsePendingOpen,
  pendingFor,
  pendingOpenRows,
  pendingOpenText,
  rowToWrite,
} from '../../../src/core/settings/pending-open';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();
const rec = (user: string, minutesAgo: number, client = 'people/c1') =>
  pendingOpenText({ client, user, at: at(minutesAgo) });

const sheet = (rows: unknown[][]) => [['Параметр', 'Значение', 'Пояснение'], ['language', '', ''], ...rows];

test('a record is JSON naming a client, a user and a time; anything else in the cell is none', () => {
  expect(parsePendingOpen(rec('Anna@Example.com', 1))).toEqual({
    client: 'people/c1',
    user: 'anna@example.com',
    at: at(1),
  });
  for (const cell of ['', 'people/c1', '{', '{"client":"people/c1"}', '{"client":"","user":"a","at":"x"}', 42, null])
    expect(parsePendingOpen(cell)).toBeUndefined();
  expect(parsePendingOpen(JSON.stringify({ client: 'x'.repeat(201), user: 'a@b.c', at: at(0) }))).toBeUndefined();
});

test('fresh: under five minutes old, and not from the future beyond a minute of skew', () => {
  expect(isFresh(parsePendingOpen(rec('a@b.c', 4.9))!, NOW)).toBe(true);
  expect(isFresh(parsePendingOpen(rec('a@b.c', 5))!, NOW)).toBe(false);
  expect(isFresh(parsePendingOpen(rec('a@b.c', -0.5))!, NOW)).toBe(true);
  expect(isFresh(parsePendingOpen(rec('a@b.c', -2))!, NOW)).toBe(false);
});

test("the open finds only the user's own fresh record, however the key was written; a blank user finds none", () => {
  const values = sheet([
    ['openInCrm', rec('anna@example.com', 1, 'people/anna'), ''],
    [' Open In CRM ', rec('oleg@example.com', 2, 'people/oleg'), ''],
    ['openInCrm', rec('maria@example.com', 9, 'people/maria'), ''],
    ['defaultCountry', rec('ivan@example.com', 0), ''],
  ]);
  const rows = pendingOpenRows(values);
  expect(rows.map((r) => r.index)).toEqual([2, 3, 4]);
  expect(pendingFor(rows, 'OLEG@example.com', NOW)?.record?.client).toBe('people/oleg');
  expect(pendingFor(rows, 'maria@example.com', NOW)).toBeUndefined();
  expect(pendingFor(rows, 'ivan@example.com', NOW)).toBeUndefined();
  expect(pendingFor(rows, '', NOW)).toBeUndefined();
  expect(pendingOpenRows([['no', 'table']])).toEqual([]);
});

/** The rows the protected Settings sheet leaves open to everyone start at PENDING_OPEN_FIRST_ROW (index 100). */
const zone = (rows: unknown[][]) => [...sheet([]), ...Array.from({ length: 98 }, () => ['', '', '']), ...rows];

test("a click reuses the user's own row, else a cleared or stale one, never another user's fresh one", () => {
  const rows = pendingOpenRows(
    zone([
      ['openInCrm', rec('anna@example.com', 1), ''],
      ['openInCrm', rec('oleg@example.com', 30), ''],
      ['openInCrm', '', ''],
    ]),
  );
  expect(rowToWrite(rows, 'anna@example.com', NOW)?.index).toBe(100);
  expect(rowToWrite(rows, 'maria@example.com', NOW)?.index).toBe(101);
  expect(
    rowToWrite(pendingOpenRows(zone([['openInCrm', rec('anna@example.com', 1), '']])), 'maria@example.com', NOW),
  ).toBeUndefined();
});

test('a record an older version wrote among the protected settings is read but never written into again', () => {
  const rows = pendingOpenRows(sheet([['openInCrm', rec('anna@example.com', 30), '']]));
  expect(rows.map((r) => r.index)).toEqual([2]);
  expect(rowToWrite(rows, 'anna@example.com', NOW)).toBeUndefined();
});
