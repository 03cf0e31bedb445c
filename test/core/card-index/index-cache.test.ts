// The card index in a key-value cache, over an in-memory port with CacheService's limits and entries as large as a
// real office's (five results per client, in Cyrillic): one getAll answers a lookup; the index degrades to e-mail
// keys, then to slimmer entries, rather than failing; a stale bucket is never taken for the current build.

import {
  CacheRow,
  cachedMeta,
  ClientIndexEntry,
  fillCache,
  readCached,
  updateCached,
} from '../../../src/core/card-index';
import { MemoryCache } from './memory-cache';

function rows(n: number, resultChars: number): CacheRow[] {
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

const hit = (entry: Partial<ClientIndexEntry>) => ({ state: 'hit', entry: expect.objectContaining(entry) });

test('a small index caches every key with whole entries, each lookup one getAll', () => {
  const cache = new MemoryCache();
  const base = rows(1000, 100);
  const meta = fillCache(cache, base, 'g1');
  expect(meta).toMatchObject({ phones: true, trimmed: 0, clients: 1000, keys: 2000, entryBytes: 0 });
  const calls = cache.measure(() => {
    expect(readCached(cache, 'client5@example.ru')).toEqual({ state: 'hit', entry: base[5].entry });
    expect(readCached(cache, '+79121000005')).toEqual({ state: 'hit', entry: base[5].entry });
    expect(readCached(cache, 'nobody@example.ru')).toEqual({ state: 'hit', entry: undefined });
    expect(readCached(cache, '+79990000000')).toEqual({ state: 'hit', entry: undefined });
  });
  expect(calls).toEqual(['getAll', 'getAll', 'getAll', 'getAll']);
  expect(cachedMeta(cache)).toEqual(meta);
});

test('25,000 clients with long results: e-mail keys only, the biggest entries trimmed, one getAll still answers', () => {
  const cache = new MemoryCache();
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
  const calls = cache.measure(() => {
    expect(readCached(cache, 'client24990@example.ru')).toEqual({ state: 'hit', entry: base[24990].entry });
    const trimmed = readCached(cache, 'client24999@example.ru');
    expect(trimmed).toEqual(hit({ name: 'Иванов Иван Клиент24999', planned: base[24999].entry.planned }));
    expect(trimmed.state === 'hit' && trimmed.entry!.recent[0].result.length).toBeLessThan(200);
  });
  expect(calls).toEqual(['getAll', 'getAll']);
  // Phones are not cached: the caller reads the sheet instead of being told "no such client".
  expect(readCached(cache, '+79121024999')).toEqual({ state: 'uncacheable' });
});

test('an entry larger than a cache value gives up result texts, rows, then older events, and is still found', () => {
  const cache = new MemoryCache();
  const base = rows(20, 100);
  const huge = base[7].entry;
  huge.rows = Array.from({ length: 30_000 }, (_, k) => k + 2);
  huge.labels = Array.from({ length: 4000 }, (_, k) => `Метка номер ${k}`);
  const meta = fillCache(cache, base, 'g3');
  expect(meta).toMatchObject({ phones: true, trimmed: 1 });
  const calls = cache.measure(() => {
    const found = readCached(cache, 'client7@example.ru');
    expect(found).toEqual(hit({ name: huge.name, rows: [], labels: huge.labels.slice(0, 3) }));
    expect(found.state === 'hit' && found.entry!.recent.map((r) => r.result)).toEqual(['']);
    expect(found.state === 'hit' && found.entry!.planned).toEqual(huge.planned);
    // Its neighbours keep everything.
    expect(readCached(cache, 'client8@example.ru')).toEqual({ state: 'hit', entry: base[8].entry });
  });
  expect(calls).toEqual(['getAll', 'getAll']);
});

test('an index too big for the whole cache says so: every key is uncacheable, none is answered wrongly', () => {
  const cache = new MemoryCache();
  // Each entry over half a value even at its smallest: no two share a bucket, and 520 of them cannot fit 512.
  const name = 'Ж'.repeat(26_000);
  const base = rows(520, 0).map((r, i) => ({ ...r, entry: { ...r.entry, name: `${name}${i}` } }));
  const meta = fillCache(cache, base, 'g4');
  expect(meta).toMatchObject({ buckets: 0, clients: 520 });
  expect(readCached(cache, 'client1@example.ru')).toEqual({ state: 'uncacheable' });
  expect(readCached(cache, '+79121000001')).toEqual({ state: 'uncacheable' });
});

test('a bucket from another build is a miss, never a wrong answer', () => {
  const cache = new MemoryCache();
  fillCache(cache, rows(10, 10), 'old');
  const before = new Map(cache.values);
  fillCache(
    cache,
    rows(10, 10).map((r) => ({ ...r, entry: { ...r.entry, name: 'renamed' } })),
    'new',
  );
  expect(readCached(cache, 'client3@example.ru')).toEqual(hit({ name: 'renamed' }));
  // Put back the old build's bucket, as if the new one's had been evicted and an old copy survived.
  for (const [key, value] of before) if (key !== 'crm.ix.meta') cache.values.set(key, value);
  expect(readCached(cache, 'client3@example.ru')).toEqual({ state: 'miss' });
});

test('a lost bucket or meta is a miss: the caller reloads from the sheet', () => {
  const cache = new MemoryCache();
  fillCache(cache, rows(3000, 100), 'g5');
  const meta = cachedMeta(cache)!;
  expect(meta.buckets).toBeGreaterThan(1);
  const bucket = [...cache.values.keys()].find((k) => k.startsWith(`crm.ix.${meta.buckets}.`))!;
  const lost = Object.keys(JSON.parse(cache.values.get(bucket)!) as object).find((k) => k.includes('@'))!;
  const kept = Object.keys(
    JSON.parse(cache.values.get(bucket.replace(/\d+$/, (n) => String((+n + 1) % meta.buckets)))!) as object,
  ).find((k) => k.includes('@'))!;
  cache.values.delete(bucket);
  expect(readCached(cache, lost)).toEqual({ state: 'miss' });
  expect(readCached(cache, kept)).toEqual(hit({ resourceName: expect.stringMatching(/^people\//) }));
  cache.values.delete('crm.ix.meta');
  expect(readCached(cache, kept)).toEqual({ state: 'miss' });
});

test('an update rewrites only the buckets of the changed keys, and the next lookup sees it', () => {
  const cache = new MemoryCache();
  const base = rows(3000, 100);
  fillCache(cache, base, 'g6');
  const changed = { ...base[42].entry, name: 'Пётр Новиков' };
  const calls = cache.measure(() => updateCached(cache, [{ keys: base[42].keys, entry: changed }]));
  expect(calls).toEqual(['getAll', 'putAll']);
  expect(readCached(cache, 'client42@example.ru')).toEqual({ state: 'hit', entry: changed });
  expect(readCached(cache, '+79121000042')).toEqual({ state: 'hit', entry: changed });
  expect(readCached(cache, 'client43@example.ru')).toEqual({ state: 'hit', entry: base[43].entry });
  // A client the build did not have is added under its keys.
  const added = { ...base[0].entry, resourceName: 'people/new', name: 'Новый' };
  updateCached(cache, [{ keys: ['new@example.ru'], entry: added }]);
  expect(readCached(cache, 'new@example.ru')).toEqual({ state: 'hit', entry: added });
});

test('an update that finds its bucket gone drops the build instead of writing half of one', () => {
  const cache = new MemoryCache();
  const base = rows(3000, 100);
  fillCache(cache, base, 'g7');
  const meta = cachedMeta(cache)!;
  for (const key of [...cache.values.keys()]) if (key.startsWith(`crm.ix.${meta.buckets}.`)) cache.values.delete(key);
  const calls = cache.measure(() => updateCached(cache, [{ keys: base[1].keys, entry: base[1].entry }]));
  expect(calls).toEqual(['getAll', 'remove']);
  expect(cachedMeta(cache)).toBeUndefined();
});

test('nothing cached: an update costs one read and writes nothing', () => {
  const cache = new MemoryCache();
  const base = rows(1, 10);
  expect(cache.measure(() => updateCached(cache, [{ keys: base[0].keys, entry: base[0].entry }]))).toEqual(['getAll']);
  expect(cache.values.size).toBe(0);
});
