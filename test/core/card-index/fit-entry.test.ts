// The one rule that shrinks an index entry, for the sheet cell (characters) and the cache (UTF-8 bytes) alike.

import { ClientIndexEntry, fitEntry, jsonBytes, jsonChars, utf8Bytes } from '../../../src/core/card-index';

function entry(resultChars: number, rows: number): ClientIndexEntry {
  const event = (k: number) => ({
    id: `E${k}`,
    row: k + 2,
    at: '2026-02-20T10:00:00.000Z',
    kind: 'Встреча',
    reason: 'Заказ',
  });
  return {
    resourceName: 'people/c1',
    name: 'Иванов Иван',
    labels: ['VIP', 'Постоянный', 'Опт', 'Розница'],
    manager: 'Анна',
    phones: ['+7 912 100 00 01'],
    planned: [0, 1, 2].map((k) => ({ ...event(k), manager: 'Анна' })),
    recent: [3, 4, 5, 6, 7].map((k) => ({ ...event(k), result: 'Ж'.repeat(resultChars) })),
    rows: Array.from({ length: rows }, (_, k) => k + 2),
  };
}

test('an entry within the limit is kept as it is', () => {
  const small = entry(10, 5);
  expect(fitEntry(small, jsonBytes(small))).toBe(small);
  expect(fitEntry(small, 0)).toBe(small);
});

test('result texts are cut to a line before anything else is given up', () => {
  const big = entry(300, 200);
  const fitted = fitEntry(big, jsonBytes(big) - 1000);
  expect(fitted.recent.map((r) => r.result.length)).toEqual([120, 120, 120, 120, 120]);
  expect(fitted.rows).toEqual(big.rows);
  expect(fitted.planned).toEqual(big.planned);
});

test('then the row list, then older events, then all but the next and the last', () => {
  const big = entry(300, 200);
  const noResults = { ...big, recent: big.recent.map((r) => ({ ...r, result: '' })) };
  expect(fitEntry(big, jsonBytes({ ...noResults, rows: big.rows.slice(0, 20) }))).toEqual({
    ...noResults,
    rows: big.rows.slice(0, 20),
  });
  const fewer = fitEntry(big, jsonBytes({ ...noResults, rows: [] }) - 1);
  expect(fewer).toMatchObject({ rows: [], recent: noResults.recent.slice(0, 3), planned: big.planned.slice(0, 2) });
  const least = fitEntry(big, 10);
  expect(least).toMatchObject({ rows: [], labels: big.labels.slice(0, 3), phones: big.phones });
  expect([least.recent.length, least.planned.length]).toEqual([1, 1]);
});

test('a sheet cell counts characters, the cache counts bytes: Cyrillic text fits one and not the other', () => {
  const cyrillic = entry(300, 0);
  const limit = jsonChars(cyrillic);
  expect(utf8Bytes(JSON.stringify(cyrillic))).toBeGreaterThan(limit);
  expect(fitEntry(cyrillic, limit, jsonChars)).toBe(cyrillic);
  expect(fitEntry(cyrillic, limit).recent[0].result.length).toBeLessThan(300);
});
