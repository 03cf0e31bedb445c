// Retention: the newest N verified nights and the first verified night of each of the last 12 months are kept;
// failed nights never count as copies, and nothing is pruned on a night that did not verify itself.

import { nightsToPrune, type NightEntry } from '../../../src/core/backup/retention';

const day = (start: string, d: number) =>
  new Date(Date.parse(`${start}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
const verified = (nights: string[]): NightEntry[] => nights.map((night) => ({ night, status: 'verified' }));

test('45 nights: the newest 30 and the first of each month stay', () => {
  const nights = verified(Array.from({ length: 45 }, (_, d) => day('2026-01-10', d)));
  const today = nights[nights.length - 1].night;
  const pruned = nightsToPrune(nights, today, 30);
  const kept = nights.map((n) => n.night).filter((n) => !pruned.includes(n));
  expect(kept).toHaveLength(31);
  expect(kept[0]).toBe('2026-01-10');
  expect(kept[1]).toBe('2026-01-25');
  expect(pruned).toEqual(Array.from({ length: 14 }, (_, d) => day('2026-01-11', d)));
});

test('a year and more: first-of-month nights older than 12 months go', () => {
  const nights = verified(Array.from({ length: 430 }, (_, d) => day('2025-01-01', d)));
  const today = nights[nights.length - 1].night; // 2026-03-06
  const kept = nights.map((n) => n.night).filter((n) => !nightsToPrune(nights, today, 30).includes(n));
  const monthly = kept.filter((n) => n.endsWith('-01') && n < '2026-02-04');
  expect(monthly).toEqual([
    '2025-04-01',
    '2025-05-01',
    '2025-06-01',
    '2025-07-01',
    '2025-08-01',
    '2025-09-01',
    '2025-10-01',
    '2025-11-01',
    '2025-12-01',
    '2026-01-01',
    '2026-02-01',
  ]);
});

test('nothing is pruned when tonight failed, or while fewer than N verified nights exist', () => {
  const nights = verified(Array.from({ length: 40 }, (_, d) => day('2026-01-01', d)));
  nights[nights.length - 1].status = 'failed';
  expect(nightsToPrune(nights, nights[nights.length - 1].night, 30)).toEqual([]);
  expect(nightsToPrune(verified(['2026-01-01', '2026-01-02']), '2026-01-02', 30)).toEqual([]);
});

test('failed nights never push a good copy out; they go once older than the kept span', () => {
  const nights: NightEntry[] = [
    ...verified(Array.from({ length: 5 }, (_, d) => day('2026-03-01', d))),
    { night: '2026-03-06', status: 'failed' },
    { night: '2026-03-07', status: 'running' },
    ...verified(['2026-03-08', '2026-03-09']),
  ];
  // Keep 3: the newest three verified are 03-09, 03-08, 03-05; failed 03-06 and 03-07 sit inside that span.
  expect(nightsToPrune(nights, '2026-03-09', 3)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
  const later = [...nights, ...verified(['2026-03-10', '2026-03-11'])];
  expect(nightsToPrune(later, '2026-03-11', 3)).toEqual([
    '2026-03-02',
    '2026-03-03',
    '2026-03-04',
    '2026-03-05',
    '2026-03-06',
    '2026-03-07',
    '2026-03-08',
  ]);
});
