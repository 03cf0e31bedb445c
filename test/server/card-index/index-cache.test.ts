// The cache layout on its own, with entries as large as a real office's (five results per client, in Cyrillic):
// the index degrades to e-mail keys, then to slim entries, rather than failing, and still answers in one getAll.

import type { ClientIndexEntry } from '../../../src/core/events';
import { Workspace } from '../../../src/local/emulator/workspace';
import { UiHost } from '../../../src/local/emulator/spreadsheet/service';
import { fillCache, readCached } from '../../../src/server/card-index/index-cache';

function scriptCache(ws: Workspace): GoogleAppsScript.Cache.Cache {
  const g = ws.globals({ project: 'gmail', htmlFiles: {}, ui: new UiHost() });
  return (g.CacheService as GoogleAppsScript.Cache.CacheService).getScriptCache();
}

function rows(n: number, resultChars: number): Array<{ keys: string[]; entry: ClientIndexEntry }> {
  const result = 'Обсудили заказ, клиент просит перезвонить после оплаты счёта. '.repeat(10).slice(0, resultChars);
  return Array.from({ length: n }, (_, i) => ({
    keys: [`client${i}@example.ru`, `+7912${1000000 + i}`],
    entry: {
      resourceName: `people/c${1e9 + i}`,
      name: `Иванов Иван Клиент${i}`,
      labels: ['Постоянный'],
      manager: 'Анна Смирнова',
      phones: [`+7 912 ${1000000 + i}`],
      lastContact: { at: '2026-02-20T10:00:00.000Z', kind: 'Звонок', reason: 'Заказ' },
      planned: [
        {
          id: `E${i}-p`,
          row: i + 2,
          at: '2026-03-05T10:00:00.000Z',
          kind: 'Звонок',
          reason: 'Оплата',
          manager: 'Анна Смирнова',
        },
      ],
      recent: Array.from({ length: 5 }, (_, k) => ({
        id: `E${i}-${k}`,
        row: i * 5 + k + 2,
        at: '2026-02-20T10:00:00.000Z',
        kind: 'Встреча',
        reason: 'Заказ',
        result,
      })),
      rows: Array.from({ length: 6 }, (_, k) => i * 5 + k + 2),
    },
  }));
}

test('a small index caches every key with whole entries', () => {
  const ws = Workspace.inMemory();
  const cache = scriptCache(ws);
  const meta = fillCache(cache, rows(1000, 100), 'g1');
  expect(meta).toMatchObject({ phones: true, trimmed: 0, clients: 1000, keys: 2000 });
  const { calls } = ws.calls.measure(() => {
    expect(readCached(cache, 'client5@example.ru')).toMatchObject({
      state: 'hit',
      entry: { name: 'Иванов Иван Клиент5' },
    });
    expect(readCached(cache, '+79121000005')).toMatchObject({ state: 'hit', entry: { name: 'Иванов Иван Клиент5' } });
    expect(readCached(cache, 'nobody@example.ru')).toEqual({ state: 'hit', entry: undefined });
  });
  expect(calls.map((c) => c.service)).toEqual([
    'CacheService.Cache.getAll',
    'CacheService.Cache.getAll',
    'CacheService.Cache.getAll',
  ]);
});

test('25,000 clients with long results: e-mail keys only, the biggest entries trimmed, one getAll still answers', () => {
  const ws = Workspace.inMemory();
  const cache = scriptCache(ws);
  const base = rows(25_000, 200);
  // One client in ten has short results: those keep their entries whole.
  base.forEach((r, i) => {
    if (i % 10 === 0) r.entry.recent = r.entry.recent.map((e) => ({ ...e, result: 'Перезвонить' }));
  });
  const meta = fillCache(cache, base, 'g2');
  expect(meta.buckets).toBeGreaterThan(0);
  expect(meta.buckets).toBeLessThanOrEqual(512);
  expect(meta).toMatchObject({ phones: false, clients: 25_000 });
  expect(meta.trimmed).toBeGreaterThan(20_000);
  expect(meta.trimmed).toBeLessThan(25_000);
  const { calls } = ws.calls.measure(() => {
    const whole = readCached(cache, 'client24990@example.ru');
    expect(whole.state === 'hit' && whole.entry).toEqual(base[24990].entry);
    const trimmed = readCached(cache, 'client24999@example.ru');
    expect(trimmed.state === 'hit' && trimmed.entry).toMatchObject({
      name: 'Иванов Иван Клиент24999',
      planned: base[24999].entry.planned,
    });
    expect(trimmed.state === 'hit' && trimmed.entry && trimmed.entry.recent[0].result.length).toBeLessThan(200);
  });
  expect(calls.map((c) => c.service)).toEqual(['CacheService.Cache.getAll', 'CacheService.Cache.getAll']);
  expect(readCached(cache, '+79121024999')).toEqual({ state: 'uncacheable' });
});

test('a bucket from another build is a miss, never a wrong answer', () => {
  const ws = Workspace.inMemory();
  const cache = scriptCache(ws);
  fillCache(cache, rows(10, 10), 'old');
  const before = ws.cache.entries('script:gmail', ws.clock.now());
  fillCache(
    cache,
    rows(10, 10).map((r) => ({ ...r, entry: { ...r.entry, name: 'renamed' } })),
    'new',
  );
  // Put back the old build's bucket, as if the new one's had been evicted and an old copy survived.
  const bucket = Object.keys(before).find((k) => k !== 'crm.ix.meta')!;
  ws.cache.put('script:gmail', bucket, before[bucket], ws.clock.now() + 60_000, ws.clock.now());
  expect(readCached(cache, 'client3@example.ru')).toEqual({ state: 'miss' });
});
