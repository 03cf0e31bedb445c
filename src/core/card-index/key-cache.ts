// The Gmail add-on's copy of the card index: one cache value per looked-up key (lower-case e-mail, E.164 phone), each
// stamped with the generation it was read under, and one generation value for the whole cache. A warm card reads
// both in ONE getAll; the value counts only while its stamp is the current generation. Every change to the index
// gets the generation replaced (the sheet project through the add-on's web app, the add-on itself directly), so one
// write invalidates every cached key at once and the next card reads the changed row.
//
// Rules that keep it safe whatever the cache forgets:
// - a lookup never writes the generation: only a change does. A lookup that wrote it could put back a generation a
//   change had just replaced, and so bring back answers read before the change;
// - a value is stamped with the generation read BEFORE its row was read: a change that lands while the row is read
//   replaces that generation, so the value is born stale and never counts;
// - no generation in the cache (never set since it expired, or evicted) reads as the generation '' ("none yet"):
//   values cached since then count until the next change sets a real one. Values from before the last change cannot
//   come back: they were stamped with that change's predecessor, not with '';
// - values live KEY_TTL_SECONDS: the bound on how late a card is when a change could not be announced (the web app
//   not deployed, a failed request).

import type { KeyValueCache } from '../ports/cache';
import { CACHE_LIMITS } from '../ports/cache';
import { hash64 } from '../hash';
import type { ClientIndexEntry } from './entry';
import { fitEntry, utf8Bytes } from './fit-entry';

export const GENERATION_KEY = 'crm.ix.gen';
const KEY_PREFIX = 'crm.ix.k:';
const HASHED_PREFIX = 'crm.ix.h:';

/**
 * Ten minutes. A missed announcement (quota, a web app not deployed yet) leaves a card at most this late; a client
 * an office writes to is re-read at most six times an hour, each time one row (a few KB), not the index.
 */
export const KEY_TTL_SECONDS = 600;
/** The generation lives as long as CacheService allows: its expiry only starts a new "none yet" generation. */
export const GENERATION_TTL_SECONDS = CACHE_LIMITS.maxTtlSeconds;

/** What a cached key holds: the generation it was read under, and the entry (null: "not a client"). */
interface KeyValue {
  g: string;
  e: ClientIndexEntry | null;
  /** The client's Card index row when it was read: a hint for the card's actions, checked before any write. */
  r?: number;
}

/** The cache key of an index key; an address too long for a cache key goes by its hash. */
export function cacheKeyOf(key: string): string {
  const plain = KEY_PREFIX + key;
  return plain.length <= CACHE_LIMITS.keyChars ? plain : HASHED_PREFIX + hash64(key);
}

export type KeyAnswer =
  | { state: 'hit'; entry: ClientIndexEntry | null; row?: number }
  /** Read the row; cache what it says with `generation` (the one current before the read). */
  | { state: 'miss'; generation: string };

/** ONE getAll: the generation and the key's value together. */
export function readCachedKey(cache: KeyValueCache, key: string): KeyAnswer {
  const name = cacheKeyOf(key);
  const got = cache.getAll([GENERATION_KEY, name]);
  const generation = got[GENERATION_KEY] ?? '';
  const value = parseValue(got[name]);
  if (!value || value.g !== generation) return { state: 'miss', generation };
  return typeof value.r === 'number' && value.r > 1
    ? { state: 'hit', entry: value.e, row: value.r }
    : { state: 'hit', entry: value.e };
}

function parseValue(text: string | undefined): KeyValue | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as KeyValue;
    return v && typeof v.g === 'string' && (v.e === null || (typeof v.e === 'object' && Array.isArray(v.e.recent)))
      ? v
      : undefined;
  } catch {
    return undefined;
  }
}

/** The stamp and the JSON around an entry, with room to spare. */
const VALUE_OVERHEAD = 256;

/**
 * The value for a key read under `generation`, or undefined when even the trimmed entry would not fit a cache value
 * (the next card then reads the row again, which is right, only slower).
 */
export function keyValue(generation: string, entry: ClientIndexEntry | null, row?: number): string | undefined {
  const e = entry && fitEntry(entry, CACHE_LIMITS.valueBytes - VALUE_OVERHEAD);
  const value: KeyValue = { g: generation, e };
  if (row && row > 1) value.r = row;
  const text = JSON.stringify(value);
  return utf8Bytes(text) <= CACHE_LIMITS.valueBytes ? text : undefined;
}

/** One putAll: what the row read under `generation` said about `key`. */
export function cacheKey(
  cache: KeyValueCache,
  key: string,
  generation: string,
  entry: ClientIndexEntry | null,
  row?: number,
): void {
  const value = keyValue(generation, entry, row);
  if (value !== undefined) cache.putAll({ [cacheKeyOf(key)]: value }, KEY_TTL_SECONDS);
}

/** A generation no earlier one can equal: the time and some randomness (two changes in one millisecond differ). */
export function newGeneration(now: number, random: () => number): string {
  return `${now.toString(36)}.${Math.floor(random() * 36 ** 6).toString(36)}`;
}

/** One putAll: every cached key stops counting. */
export function bumpGeneration(cache: KeyValueCache, generation: string): void {
  cache.putAll({ [GENERATION_KEY]: generation }, GENERATION_TTL_SECONDS);
}

/**
 * The generation bumped and the changed rows' keys primed in ONE putAll. Every value then lives as long as a key's
 * (KEY_TTL_SECONDS) — the generation too: when it expires the next card starts a new "none yet" generation, under which
 * no older key counts, which is what a bump means anyway.
 */
export function bumpAndPrime(
  cache: KeyValueCache,
  generation: string,
  rows: Array<{ keys: string[]; entry: ClientIndexEntry; rowNumber?: number }>,
): void {
  const values: Record<string, string> = { [GENERATION_KEY]: generation };
  if (rows.length <= PRIMED_ROWS)
    for (const row of rows) {
      const value = keyValue(generation, row.entry, row.rowNumber);
      if (value !== undefined) for (const key of row.keys) values[cacheKeyOf(key)] = value;
    }
  cache.putAll(values, rows.length ? KEY_TTL_SECONDS : GENERATION_TTL_SECONDS);
}

/** The most rows a change puts into the cache itself; a bigger change leaves them to the next cards. */
export const PRIMED_ROWS = 10;

/**
 * After the add-on itself changed some rows and bumped the generation: those rows' keys cached under the new one
 * (one putAll), so its next card for that client is warm. The one exception to "stamped with the generation read
 * before the row": the add-on knows these rows without reading them, it has just written them. A second change to
 * the same client landing between that write and this one could be hidden for KEY_TTL_SECONDS — the same instant
 * in which two changes of one row already overwrite each other in the sheet.
 */
export function primeKeys(
  cache: KeyValueCache,
  generation: string,
  rows: Array<{ keys: string[]; entry: ClientIndexEntry; rowNumber?: number }>,
): void {
  if (!rows.length || rows.length > PRIMED_ROWS) return;
  const values: Record<string, string> = {};
  for (const row of rows) {
    const value = keyValue(generation, row.entry, row.rowNumber);
    if (value !== undefined) for (const key of row.keys) values[cacheKeyOf(key)] = value;
  }
  if (Object.keys(values).length) cache.putAll(values, KEY_TTL_SECONDS);
}

/** The generation alone (one getAll), for the stats the CLI and the bench show. */
export function currentGeneration(cache: KeyValueCache): string {
  return cache.getAll([GENERATION_KEY])[GENERATION_KEY] ?? '';
}
