// The add-on's per-key cache of the card index, over an in-memory port with CacheService's limits: one getAll answers
// a warm lookup; a value counts only under the generation it was read with; a change (a new generation) makes every
// cached key miss, and a lookup never writes the generation, so it can never bring an older one back.

import {
  bumpGeneration,
  cacheKey,
  cacheKeyOf,
  ClientIndexEntry,
  GENERATION_KEY,
  keyValue,
  newGeneration,
  primeKeys,
  readCachedKey,
} from '../../../src/core/card-index';
import { CACHE_LIMITS } from '../../../src/core/ports/cache';
import { MemoryCache } from './memory-cache';

function entry(name: string, resultChars = 20): ClientIndexEntry {
  return {
    resourceName: 'people/c1',
    name,
    labels: ['VIP'],
    manager: 'Анна',
    phones: ['+7 912 100 00 01'],
    planned: [],
    recent: Array.from({ length: 5 }, (_, k) => ({
      id: `E${k}`,
      row: k + 2,
      at: '2026-02-20T10:00:00.000Z',
      kind: 'Встреча',
      reason: 'Заказ',
      result: 'Ж'.repeat(resultChars),
    })),
    rows: [2, 3, 4, 5, 6],
  };
}

test('a warm lookup is one getAll, for a client and for "not a client" alike', () => {
  const cache = new MemoryCache();
  const miss = readCachedKey(cache, 'a@b.ru');
  expect(miss).toEqual({ state: 'miss', generation: '' });
  cacheKey(cache, 'a@b.ru', '', entry('Иванов'));
  cacheKey(cache, 'x@y.org', '', null);
  const calls = cache.measure(() => {
    expect(readCachedKey(cache, 'a@b.ru')).toEqual({ state: 'hit', entry: entry('Иванов') });
    expect(readCachedKey(cache, 'x@y.org')).toEqual({ state: 'hit', entry: null });
  });
  expect(calls).toEqual(['getAll', 'getAll']);
  // The lookup wrote one value per key and never the generation.
  expect([...cache.values.keys()].sort()).toEqual([cacheKeyOf('a@b.ru'), cacheKeyOf('x@y.org')]);
});

test('a new generation makes every cached key miss, and a miss names the generation to cache under', () => {
  const cache = new MemoryCache();
  cacheKey(cache, 'a@b.ru', '', entry('Иванов'));
  bumpGeneration(cache, 'g1');
  expect(readCachedKey(cache, 'a@b.ru')).toEqual({ state: 'miss', generation: 'g1' });
  cacheKey(cache, 'a@b.ru', 'g1', entry('Петров'));
  expect(readCachedKey(cache, 'a@b.ru')).toMatchObject({ state: 'hit', entry: { name: 'Петров' } });
  // A row read under g1 while a change replaced it by g2 is born stale.
  bumpGeneration(cache, 'g2');
  expect(readCachedKey(cache, 'a@b.ru').state).toBe('miss');
  // The generation lost (evicted, expired): values stamped with a real one do not come back.
  cache.values.delete(GENERATION_KEY);
  expect(readCachedKey(cache, 'a@b.ru')).toEqual({ state: 'miss', generation: '' });
});

test('a damaged value is a miss, not an answer', () => {
  const cache = new MemoryCache();
  cache.values.set(cacheKeyOf('a@b.ru'), '{"g":""');
  expect(readCachedKey(cache, 'a@b.ru').state).toBe('miss');
  cache.values.set(cacheKeyOf('a@b.ru'), '{"g":"","e":{"name":"no lists"}}');
  expect(readCachedKey(cache, 'a@b.ru').state).toBe('miss');
});

test('a key too long for a cache key goes by its hash; a huge entry is trimmed to fit one value', () => {
  const long = `${'x'.repeat(300)}@example.ru`;
  expect(cacheKeyOf(long).length).toBeLessThanOrEqual(CACHE_LIMITS.keyChars);
  expect(cacheKeyOf(long)).not.toBe(cacheKeyOf(`${'x'.repeat(299)}@example.ru`));
  const cache = new MemoryCache();
  const big = entry('Большой', 40_000);
  bumpGeneration(cache, 'g');
  cacheKey(cache, long, 'g', big);
  const hit = readCachedKey(cache, long);
  expect(hit.state).toBe('hit');
  expect(Buffer.byteLength(keyValue('g', big)!, 'utf8')).toBeLessThanOrEqual(CACHE_LIMITS.valueBytes);
  expect(hit.state === 'hit' && hit.entry?.name).toBe('Большой');
});

test("the add-on's own change primes the keys it wrote under its new generation, in one putAll", () => {
  const cache = new MemoryCache();
  const calls = cache.measure(() => {
    bumpGeneration(cache, 'g3');
    primeKeys(cache, 'g3', [{ keys: ['a@b.ru', '+79121000001'], entry: entry('Иванов') }]);
  });
  expect(calls).toEqual(['putAll', 'putAll']);
  expect(readCachedKey(cache, '+79121000001')).toMatchObject({ state: 'hit', entry: { name: 'Иванов' } });
});

test('generations differ even within one millisecond', () => {
  let n = 0;
  const random = () => (n++ % 10) / 10;
  expect(newGeneration(1000, random)).not.toBe(newGeneration(1000, random));
});
