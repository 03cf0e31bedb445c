// How the card index is laid out in a key-value cache (ports/cache.ts) so that ONE getAll answers a lookup. Pure:
// index-cache.ts does the reads and writes.
//
// Buckets. Keys (e-mails and phones) are hashed into the fewest power-of-two buckets that each fit one cache value.
// A reader cannot know that count before reading the meta entry, so every bucket key names its count instead of the
// build: `crm.ix.<count>.<bucket>`. A lookup asks in one getAll for the meta entry plus the key's bucket under every
// possible count (1, 2, 4 … 512) — eleven keys — and keeps the one the meta names.
//
// Generations. Each bucket carries its build's generation under "~g" (no e-mail or phone looks like that), so a
// bucket left by an older build of the same count, or one the cache kept while it dropped a sibling, is never mixed
// into a newer build: any doubt is a miss, and a miss reloads the index from its source.
//
// Size. 512 values of 100 KB is about the most one cache holds (1,000 items, shared with everything else the project
// caches), and hashing fills buckets unevenly, so a build aims at 70 % of that. A base of 25,000 clients with a line
// of result on each of five events does not fit twice over (once per e-mail, once per phone), so, in order:
// - every key (e-mail and phone) with whole entries, when that fits;
// - else e-mail keys only — the Gmail card asks by e-mail; a phone lookup then reads the source — and every entry
//   over an even share of the space is shrunk to it by fitEntry. Most clients keep their whole entry; the source
//   keeps everything;
// - if even that does not fit, the meta says so (no buckets) and every lookup reads the source: a few requests more,
//   never a wrong answer.

import { fnv1a } from '../hash';
import { CACHE_LIMITS } from '../ports/cache';
import type { ClientIndexEntry } from './entry';
import { fitEntry, utf8Bytes } from './fit-entry';

export const INDEX_META_KEY = 'crm.ix.meta';
const MAX_BUCKETS = 512;
const COUNTS = Array.from({ length: Math.log2(MAX_BUCKETS) + 1 }, (_, i) => 2 ** i);
/** Under the value limit, with room for the generation mark. */
const VALUE_BYTES = CACHE_LIMITS.valueBytes - 256;
const TARGET_BYTES = Math.floor(0.7 * MAX_BUCKETS * VALUE_BYTES);
/** Key and punctuation around each entry in a bucket's JSON (an estimate for planning; packing counts exactly). */
const KEY_OVERHEAD = 48;
const GENERATION = '~g';

export interface CacheMeta {
  generation: string;
  /** 0: the index did not fit the cache; lookups go to the source. */
  buckets: number;
  /** Phone keys are cached too; when not, a phone lookup reads the source. */
  phones: boolean;
  /** The most bytes one cached entry may take (0: only the value limit); entries written later are fitted to it too. */
  entryBytes: number;
  /** Entries shrunk to fit. */
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

/** `uncacheable`: the cache cannot answer this key (the index or its phone keys did not fit): read the source. */
export type CachedAnswer =
  { state: 'hit'; entry: ClientIndexEntry | undefined } | { state: 'miss' } | { state: 'uncacheable' };

type Bucket = Record<string, ClientIndexEntry | string>;

export const bucketKey = (count: number, bucket: number) => `crm.ix.${count}.${bucket}`;

const isEmailKey = (key: string) => key.includes('@');
const bucketOf = (key: string, meta: CacheMeta) => bucketKey(meta.buckets, fnv1a(key) % meta.buckets);
const cachesKey = (meta: CacheMeta, key: string) => meta.buckets > 0 && (meta.phones || isEmailKey(key));
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
/** The most one entry may take in a build: its even share, or what one value holds. */
const entryLimit = (meta: Pick<CacheMeta, 'entryBytes'>) => meta.entryBytes || VALUE_BYTES - KEY_OVERHEAD;

/** Every cache key a lookup of `key` reads: the meta entry and the key's bucket under each possible count. */
export function lookupKeys(key: string): string[] {
  const h = fnv1a(key);
  return [INDEX_META_KEY, ...COUNTS.map((n) => bucketKey(n, h % n))];
}

export function parseMeta(raw: string | undefined): CacheMeta | undefined {
  if (!raw) return undefined;
  try {
    const meta = JSON.parse(raw) as CacheMeta;
    return typeof meta.generation === 'string' && typeof meta.buckets === 'number' ? meta : undefined;
  } catch {
    return undefined;
  }
}

function parseBucket(raw: string | undefined, meta: CacheMeta): Bucket | undefined {
  if (!raw) return undefined;
  try {
    const bucket = JSON.parse(raw) as Bucket;
    return bucket[GENERATION] === meta.generation ? bucket : undefined;
  } catch {
    return undefined;
  }
}

/** The answer for `key` from what a getAll of lookupKeys(key) returned. */
export function answerFrom(got: Record<string, string>, key: string): CachedAnswer {
  const meta = parseMeta(got[INDEX_META_KEY]);
  if (!meta) return { state: 'miss' };
  if (!cachesKey(meta, key)) return { state: 'uncacheable' };
  const bucket = parseBucket(got[bucketOf(key, meta)], meta);
  if (!bucket) return { state: 'miss' };
  const entry = own(bucket, key) && key !== GENERATION ? bucket[key] : undefined;
  return { state: 'hit', entry: typeof entry === 'object' ? entry : undefined };
}

/** Which keys a build caches and how much one entry may take, from the rows' sizes alone. */
function choosePlan(rows: CacheRow[], sizes: number[]): { phones: boolean; entryBytes: number } {
  let all = 0;
  let emails = 0;
  let emailKeys = 0;
  rows.forEach((r, i) => {
    const e = r.keys.filter(isEmailKey).length;
    all += (sizes[i] + KEY_OVERHEAD) * r.keys.length;
    emails += (sizes[i] + KEY_OVERHEAD) * e;
    emailKeys += e;
  });
  if (all <= TARGET_BYTES) return { phones: true, entryBytes: 0 };
  if (emails <= TARGET_BYTES) return { phones: false, entryBytes: 0 };
  return { phones: false, entryBytes: Math.floor(TARGET_BYTES / Math.max(1, emailKeys)) - KEY_OVERHEAD };
}

/** One cached item: the key with its entry's JSON (shared by the client's keys) and the bytes it adds to a bucket. */
interface Item {
  key: string;
  json: string;
  bytes: number;
}

/** The items of a build: each key once (the first row holding it wins), each entry fitted to the plan's limit. */
function itemsOf(rows: CacheRow[], sizes: number[], phones: boolean, entryBytes: number) {
  const items: Item[] = [];
  const seen = new Set<string>();
  let trimmed = 0;
  const limit = entryLimit({ entryBytes });
  rows.forEach((row, i) => {
    const keys = row.keys.filter((k) => (phones || isEmailKey(k)) && !seen.has(k));
    if (!keys.length) return;
    const fitted = sizes[i] <= limit ? row.entry : fitEntry(row.entry, limit);
    if (fitted !== row.entry) trimmed++;
    const json = JSON.stringify(fitted);
    const bytes = fitted === row.entry ? sizes[i] : utf8Bytes(json);
    for (const key of keys) {
      seen.add(key);
      items.push({ key, json, bytes: utf8Bytes(JSON.stringify(key)) + bytes + 2 });
    }
  });
  return { items, trimmed };
}

const generationMark = (generation: string) => `${JSON.stringify(GENERATION)}:${JSON.stringify(generation)}`;

/**
 * The items in the fewest power-of-two buckets that each fit one value, as cache values by bucket key; undefined
 * when even MAX_BUCKETS do not hold them. Empty buckets are written too: a missing bucket then always means the cache
 * evicted it (reload), never "no client".
 */
function packBuckets(items: Item[], generation: string): Record<string, string> | undefined {
  const mark = generationMark(generation);
  const empty = utf8Bytes(mark) + 2;
  const total = items.reduce((n, item) => n + item.bytes, empty);
  const hashes = items.map((item) => fnv1a(item.key));
  let count = 1;
  while (count < total / VALUE_BYTES) count *= 2;
  for (; count <= MAX_BUCKETS; count *= 2) {
    const fill = new Array<number>(count).fill(empty);
    items.forEach((item, i) => (fill[hashes[i] % count] += item.bytes));
    if (fill.every((bytes) => bytes <= VALUE_BYTES)) break;
  }
  if (count > MAX_BUCKETS) return undefined;
  const parts: string[][] = Array.from({ length: count }, () => [mark]);
  items.forEach((item, i) => parts[hashes[i] % count].push(`${JSON.stringify(item.key)}:${item.json}`));
  const values: Record<string, string> = {};
  parts.forEach((part, bucket) => (values[bucketKey(count, bucket)] = `{${part.join(',')}}`));
  return values;
}

/**
 * The cache values of a whole build, meta entry included (under INDEX_META_KEY), all to be written in one putAll: a
 * reader takes a build only when the meta and its bucket agree, so the order of writes inside the call does not
 * matter.
 */
export function layoutIndex(rows: CacheRow[], generation: string): { meta: CacheMeta; values: Record<string, string> } {
  const sizes = rows.map((r) => r.bytes ?? utf8Bytes(JSON.stringify(r.entry)));
  const chosen = choosePlan(rows, sizes);
  // Hashing may still overfill one bucket: then once more, e-mails only, with a smaller share each.
  const fallback = {
    phones: false,
    entryBytes: Math.floor((chosen.entryBytes || TARGET_BYTES / Math.max(1, rows.length)) * 0.6),
  };
  let meta: CacheMeta = {
    generation,
    buckets: 0,
    phones: false,
    entryBytes: 0,
    trimmed: 0,
    clients: rows.length,
    keys: rows.reduce((n, r) => n + r.keys.length, 0),
  };
  let values: Record<string, string> = {};
  for (const attempt of [chosen, fallback]) {
    const { items, trimmed } = itemsOf(rows, sizes, attempt.phones, attempt.entryBytes);
    const packed = packBuckets(items, generation);
    if (!packed) continue;
    values = packed;
    meta = { ...meta, ...attempt, buckets: Object.keys(packed).length, trimmed };
    break;
  }
  values[INDEX_META_KEY] = JSON.stringify(meta);
  return { meta, values };
}

/**
 * The buckets (as read by one getAll of every change's lookupKeys) with the changed entries put in, as cache values;
 * undefined when the build cannot take them — a bucket of it is gone or would outgrow a value — so the caller drops
 * the meta and the next lookup reloads the whole index.
 */
export function bucketsWith(
  got: Record<string, string>,
  meta: CacheMeta,
  changes: Array<{ keys: string[]; entry: ClientIndexEntry }>,
): Record<string, string> | undefined {
  const buckets = new Map<string, Bucket>();
  for (const change of changes) {
    const entry = fitEntry(change.entry, entryLimit(meta));
    for (const key of change.keys.filter((k) => cachesKey(meta, k))) {
      const name = bucketOf(key, meta);
      const bucket = buckets.get(name) ?? parseBucket(got[name], meta);
      if (!bucket) return undefined;
      buckets.set(name, bucket);
      bucket[key] = entry;
    }
  }
  const values: Record<string, string> = {};
  for (const [name, bucket] of buckets) {
    const json = JSON.stringify(bucket);
    if (utf8Bytes(json) > VALUE_BYTES) return undefined;
    values[name] = json;
  }
  return values;
}
