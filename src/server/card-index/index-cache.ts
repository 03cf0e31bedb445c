// The client index in a project's script cache, laid out so that one getAll answers a lookup.
//
// Layout. Core splitForCache hashes keys into the fewest power-of-two buckets that each fit one 100 KB value. A reader
// cannot know that count before reading the meta entry, so every bucket key names its count instead of the build:
// `crm.ix.<count>.<bucket>`. A lookup asks in ONE getAll for the meta entry plus the key's bucket under every
// possible count (1, 2, 4 … 512: splitForCache never goes past 512) — eleven keys — and keeps the one the meta names.
// Each bucket carries its build's generation under "~g" (no e-mail or phone looks like that), so a bucket left by an
// older build of the same count, or one the cache kept while it dropped a sibling, is never mixed into a newer build:
// any doubt is a miss, and a miss reloads from the sheet.
//
// Size. 512 values of 100 KB is the most the cache holds (1,000 items, shared with everything else the add-on
// caches), and hashing fills buckets unevenly, so the index aims at 70 % of that. A base of 25,000 clients with a line
// of result on each of five events does not fit twice over (once per e-mail, once per phone), so, in order:
// - every key (e-mail and phone) with whole entries, when that fits;
// - else e-mail keys only — the Gmail card asks by e-mail; a phone lookup in the add-on then reads the sheet — and
//   every entry over an even share of the space is trimmed to it: result texts cut shorter, then the row list, then
//   older events. Most clients keep their whole entry; the sheet and the sidebars keep everything.
// If even that does not fit, the meta says so and lookups read the sheet (a few requests more, never a wrong answer).

import { ClientIndexEntry, fnv1a, INDEX_META_KEY, splitForCache, utf8Bytes } from '../../core/events';

type Cache = GoogleAppsScript.Cache.Cache;

/**
 * How long the add-on keeps the index. The sheet project cannot write into the add-on's cache, so events logged in
 * the spreadsheet reach the card when this runs out (events logged from the card itself show at once). An hour keeps
 * that delay short while the reload, one sheet read, is paid once an hour for the whole office.
 */
export const CACHE_SECONDS = 3600;
/** Under the 100 KB value limit, with room for the generation mark. */
const MAX_VALUE_BYTES = 100 * 1024 - 256;
const MAX_BUCKETS = 512;
const TARGET_BYTES = Math.floor(0.7 * MAX_BUCKETS * MAX_VALUE_BYTES);
const GENERATION = '~g';
const COUNTS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

export interface CacheMeta {
  generation: string;
  /** 0: the index did not fit the cache; lookups go to the sheet. */
  buckets: number;
  /** Phone keys are cached too; when not, a phone lookup reads the sheet. */
  phones: boolean;
  /** The most bytes one cached entry may take (0: no limit); entries written later are trimmed to it too. */
  entryBytes: number;
  /** Entries trimmed to fit. */
  trimmed: number;
  /** Clients (rows) and keys the build held. */
  clients: number;
  keys: number;
}

export interface CacheRow {
  keys: string[];
  entry: ClientIndexEntry;
  /** UTF-8 size of the entry's JSON, when the reader already knows it. */
  bytes?: number;
}

export const bucketKey = (count: number, bucket: number) => `crm.ix.${count}.${bucket}`;

const isEmail = (key: string) => key.includes('@');

const candidates = (key: string) => {
  const h = fnv1a(key);
  return COUNTS.map((n) => bucketKey(n, h % n));
};

function parseMeta(raw: string | undefined): CacheMeta | undefined {
  if (!raw) return undefined;
  try {
    const meta = JSON.parse(raw) as CacheMeta;
    return typeof meta.generation === 'string' && typeof meta.buckets === 'number' ? meta : undefined;
  } catch {
    return undefined;
  }
}

type Bucket = Record<string, ClientIndexEntry | string>;

function parseBucket(raw: string | undefined, meta: CacheMeta): Bucket | undefined {
  if (!raw) return undefined;
  try {
    const bucket = JSON.parse(raw) as Bucket;
    return bucket[GENERATION] === meta.generation ? bucket : undefined;
  } catch {
    return undefined;
  }
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** `uncacheable`: the cache cannot answer this key (the index or its phone keys did not fit): read the sheet. */
export type CachedAnswer =
  { state: 'hit'; entry: ClientIndexEntry | undefined } | { state: 'miss' } | { state: 'uncacheable' };

/** ONE getAll. */
export function readCached(cache: Cache, key: string): CachedAnswer {
  const got = cache.getAll([INDEX_META_KEY, ...candidates(key)]);
  const meta = parseMeta(got[INDEX_META_KEY]);
  if (!meta) return { state: 'miss' };
  if (meta.buckets === 0 || (!meta.phones && !isEmail(key))) return { state: 'uncacheable' };
  const bucket = parseBucket(got[bucketKey(meta.buckets, fnv1a(key) % meta.buckets)], meta);
  if (!bucket) return { state: 'miss' };
  const entry = own(bucket, key) && key !== GENERATION ? bucket[key] : undefined;
  return { state: 'hit', entry: typeof entry === 'object' ? entry : undefined };
}

const sizeOf = (entry: ClientIndexEntry) => utf8Bytes(JSON.stringify(entry));

/** The entry within `limit` bytes, giving up first what the card misses least. */
export function trimEntry(entry: ClientIndexEntry, limit: number): ClientIndexEntry {
  if (!limit || sizeOf(entry) <= limit) return entry;
  let e = entry;
  for (const chars of [120, 60, 30, 0]) {
    e = { ...e, recent: entry.recent.map((r) => ({ ...r, result: r.result.slice(0, chars) })) };
    if (sizeOf(e) <= limit) return e;
  }
  e = { ...e, rows: [] };
  if (sizeOf(e) <= limit) return e;
  e = { ...e, recent: e.recent.slice(0, 3), planned: e.planned.slice(0, 2) };
  if (sizeOf(e) <= limit) return e;
  return {
    ...e,
    recent: e.recent.slice(0, 1),
    planned: e.planned.slice(0, 1),
    labels: e.labels.slice(0, 3),
    phones: e.phones.slice(0, 3),
  };
}

/** Key and punctuation around each entry in a bucket's JSON. */
const KEY_OVERHEAD = 48;

function plan(rows: CacheRow[]): { phones: boolean; entryBytes: number } {
  const sizes = rows.map((r) => r.bytes ?? sizeOf(r.entry));
  let all = 0;
  let emails = 0;
  let emailKeys = 0;
  rows.forEach((r, i) => {
    const e = r.keys.filter(isEmail).length;
    all += (sizes[i] + KEY_OVERHEAD) * r.keys.length;
    emails += (sizes[i] + KEY_OVERHEAD) * e;
    emailKeys += e;
  });
  if (all <= TARGET_BYTES) return { phones: true, entryBytes: 0 };
  if (emails <= TARGET_BYTES) return { phones: false, entryBytes: 0 };
  return { phones: false, entryBytes: Math.floor(TARGET_BYTES / Math.max(1, emailKeys)) - KEY_OVERHEAD };
}

function split(rows: CacheRow[], phones: boolean, entryBytes: number, generation: string) {
  const entries: Record<string, ClientIndexEntry> = {};
  let trimmed = 0;
  for (const row of rows) {
    const keys = row.keys.filter((k) => (phones || isEmail(k)) && !own(entries, k));
    if (!keys.length) continue;
    const fits = !entryBytes || (row.bytes !== undefined && row.bytes <= entryBytes);
    const entry = fits ? row.entry : trimEntry(row.entry, entryBytes);
    if (entry !== row.entry) trimmed++;
    for (const k of keys) entries[k] = entry;
  }
  return {
    result: splitForCache({ builtAt: new Date(0).toISOString(), entries }, MAX_VALUE_BYTES, generation),
    trimmed,
  };
}

/**
 * Fills the cache from the whole index in ONE putAll, the meta entry with it: a reader takes a build only when the
 * meta and its bucket agree, so the order of writes inside the call does not matter.
 */
export function fillCache(cache: Cache, rows: CacheRow[], generation: string): CacheMeta {
  const keys = rows.reduce((n, r) => n + r.keys.length, 0);
  const chosen = plan(rows);
  let meta: CacheMeta = {
    generation,
    buckets: 0,
    phones: false,
    entryBytes: 0,
    trimmed: 0,
    clients: rows.length,
    keys,
  };
  const values: Record<string, string> = {};
  // Hashing may still overfill one bucket: then once more with a smaller share each.
  const tries = [
    chosen,
    {
      phones: false,
      entryBytes: chosen.entryBytes
        ? Math.floor(chosen.entryBytes * 0.6)
        : Math.floor((TARGET_BYTES * 0.6) / Math.max(1, rows.length)),
    },
  ];
  for (const attempt of tries) {
    let built: ReturnType<typeof split>;
    try {
      built = split(rows, attempt.phones, attempt.entryBytes, generation);
    } catch {
      continue;
    }
    meta = {
      ...meta,
      buckets: built.result.meta.buckets,
      phones: attempt.phones,
      entryBytes: attempt.entryBytes,
      trimmed: built.trimmed,
    };
    for (const [k, json] of Object.entries(built.result.values)) {
      const bucket = Number(k.slice(k.lastIndexOf('.') + 1));
      values[bucketKey(meta.buckets, bucket)] = markGeneration(json, generation);
    }
    break;
  }
  values[INDEX_META_KEY] = JSON.stringify(meta);
  cache.putAll(values, CACHE_SECONDS);
  return meta;
}

function markGeneration(bucketJson: string, generation: string): string {
  const mark = `{${JSON.stringify(GENERATION)}:${JSON.stringify(generation)}`;
  return bucketJson === '{}' ? `${mark}}` : `${mark},${bucketJson.slice(1)}`;
}

/**
 * Puts the new entries of some clients into the cached buckets that hold (or should hold) their keys: one getAll and,
 * when the index is cached, one putAll. A bucket that would outgrow a cache value drops the meta instead, so the next
 * lookup reloads from the sheet. Nothing cached: nothing to do (the next lookup loads the sheet, already updated).
 */
export function updateCached(cache: Cache, changes: Array<{ keys: string[]; entry: ClientIndexEntry }>): void {
  const wanted = [...new Set(changes.flatMap((c) => c.keys.flatMap(candidates)))];
  if (!wanted.length) return;
  const got = cache.getAll([INDEX_META_KEY, ...wanted]);
  const meta = parseMeta(got[INDEX_META_KEY]);
  if (!meta || meta.buckets === 0) return;
  const buckets = new Map<string, Bucket>();
  for (const change of changes) {
    const entry = trimEntry(change.entry, meta.entryBytes);
    for (const key of change.keys) {
      if (!meta.phones && !isEmail(key)) continue;
      const bk = bucketKey(meta.buckets, fnv1a(key) % meta.buckets);
      let bucket = buckets.get(bk);
      if (!bucket) {
        bucket = parseBucket(got[bk], meta);
        if (!bucket) {
          // A bucket of this build is gone: the build is incomplete, let the next lookup reload it whole.
          cache.remove(INDEX_META_KEY);
          return;
        }
        buckets.set(bk, bucket);
      }
      bucket[key] = entry;
    }
  }
  const values: Record<string, string> = {};
  for (const [bk, bucket] of buckets) {
    const json = JSON.stringify(bucket);
    if (utf8Bytes(json) > MAX_VALUE_BYTES) {
      cache.remove(INDEX_META_KEY);
      return;
    }
    values[bk] = json;
  }
  if (Object.keys(values).length) cache.putAll(values, CACHE_SECONDS);
}

/** The meta entry alone (one get), for the bench and the CLI. */
export function cachedMeta(cache: Cache): CacheMeta | undefined {
  return parseMeta(cache.get(INDEX_META_KEY) ?? undefined);
}
