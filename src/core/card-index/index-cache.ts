// The card index in a key-value cache: a lookup is ONE getAll, a fill ONE putAll, an update one getAll and one putAll
// (cache-layout.ts says how the values are laid out). The Gmail add-on keeps its copy of the index this way.

import type { KeyValueCache } from '../ports/cache';
import type { ClientIndexEntry } from './entry';
import {
  answerFrom,
  bucketsWith,
  CacheMeta,
  CachedAnswer,
  CacheRow,
  INDEX_META_KEY,
  layoutIndex,
  lookupKeys,
  parseMeta,
} from './cache-layout';

/**
 * How long the cache keeps the index. The sheet project cannot write into the add-on's cache, so events logged in
 * the spreadsheet reach the card when this runs out (events logged from the card itself show at once). An hour keeps
 * that delay short while the reload, one sheet read, is paid once an hour for the whole office.
 */
export const CACHE_SECONDS = 3600;

export function readCached(cache: KeyValueCache, key: string): CachedAnswer {
  return answerFrom(cache.getAll(lookupKeys(key)), key);
}

/** Replaces the cached index with a whole build of `rows`; returns what the build holds. */
export function fillCache(cache: KeyValueCache, rows: CacheRow[], generation: string): CacheMeta {
  const { meta, values } = layoutIndex(rows, generation);
  cache.putAll(values, CACHE_SECONDS);
  return meta;
}

/**
 * Puts the new entries of some clients into the cached buckets that hold (or should hold) their keys. A build that
 * cannot take them loses its meta instead, so the next lookup reloads it whole. Nothing cached: nothing to do (the
 * next lookup loads the source, already updated).
 */
export function updateCached(cache: KeyValueCache, changes: Array<{ keys: string[]; entry: ClientIndexEntry }>): void {
  if (!changes.some((c) => c.keys.length)) return;
  const got = cache.getAll([...new Set(changes.flatMap((c) => c.keys.flatMap(lookupKeys)))]);
  const meta = parseMeta(got[INDEX_META_KEY]);
  if (!meta || meta.buckets === 0) return;
  const values = bucketsWith(got, meta, changes);
  if (!values) cache.remove(INDEX_META_KEY);
  else if (Object.keys(values).length) cache.putAll(values, CACHE_SECONDS);
}

/** The meta entry alone (one getAll of one key), for the bench and the CLI. */
export function cachedMeta(cache: KeyValueCache): CacheMeta | undefined {
  return parseMeta(cache.getAll([INDEX_META_KEY])[INDEX_META_KEY]);
}
