// CacheService: script, user and (bound project only) document caches with Google's limits, expiry on the virtual
// clock, and the one property product code must respect: entries "are not guaranteed to persist". Tests call
// `CacheStore.evictAll()` (or `evict(scope)`) to prove a project falls back to the real data when the cache is empty.
//
// Limits (https://developers.google.com/apps-script/reference/cache/cache): keys up to 250 characters, values up to
// 100 KB, "up to 1000 items", expiration default 600 s, maximum 21600 s (6 hours).
// Behaviour observed on real accounts (a GAS compatibility test script found via GitHub code search: "Any number is an
// expiration that stores the entry", 0/negative/99999 all store; a non-numeric expiration throws "Cannot convert 'abc'
// to int."; oversized keys and values throw "Argument too large: key" / "Argument too large: value"; a null value
// leaves no entry). We clamp the expiration to 1..21600 s: an entry asked to live longer than 6 hours disappears at 6.

import { scopeFor, scopeKey, ScopeKind } from './scopes';
import { ServiceContext } from '../context';
import { GasException } from '../errors';
import { Emulated } from './emulated';
import { ScriptProject } from './project';
import { PAYLOAD_LIMITS } from '../limits';

export const CACHE_LIMITS = {
  keyChars: PAYLOAD_LIMITS.cacheKeyChars.value,
  valueBytes: PAYLOAD_LIMITS.cacheValueBytes.value,
  items: PAYLOAD_LIMITS.cacheItems.value,
  defaultTtlSeconds: 600,
  maxTtlSeconds: 21600,
};

interface Entry {
  value: string;
  expiresAt: number;
  /** Write order, to evict the oldest write when a cache goes over its item limit. */
  seq: number;
}

interface CacheJSON {
  seq?: number;
  caches?: Record<string, Record<string, Entry>>;
}

export class CacheStore {
  private readonly caches = new Map<string, Map<string, Entry>>();
  private seq: number;

  private constructor(json: CacheJSON) {
    this.seq = json.seq ?? 0;
    // Map order is write order (the eviction order); JSON objects reorder integer-like keys, so restore it by `seq`.
    for (const [scope, entries] of Object.entries(json.caches ?? {})) {
      this.caches.set(scope, new Map(Object.entries(entries).sort((a, b) => a[1].seq - b[1].seq)));
    }
  }

  static fromJSON(json: unknown): CacheStore {
    return new CacheStore(json && typeof json === 'object' ? (json as CacheJSON) : {});
  }

  toJSON(): CacheJSON {
    const caches: Record<string, Record<string, Entry>> = {};
    for (const [scope, entries] of this.caches) if (entries.size) caches[scope] = Object.fromEntries(entries);
    return { seq: this.seq, caches };
  }

  static scriptScope(project: ScriptProject): string {
    return scopeKey('script', project);
  }

  static userScope(project: ScriptProject, email: string): string {
    return scopeKey('user', project, email);
  }

  static documentScope(project: ScriptProject): string {
    return scopeKey('document', project);
  }

  /** Fault hook: Google dropped every cached entry (memory pressure, a restart...). */
  evictAll(): void {
    this.caches.clear();
  }

  /** Fault hook: one cache lost its entries. */
  evict(scope: string): void {
    this.caches.delete(scope);
  }

  /** Live (unexpired at `now`) entries of one cache, uncounted: for tests and the sandbox. */
  entries(scope: string, now: number): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, e] of this.caches.get(scope) ?? []) if (e.expiresAt > now) out[k] = e.value;
    return out;
  }

  /** @internal */
  get(scope: string, key: string, now: number): string | null {
    const cache = this.caches.get(scope);
    const e = cache?.get(key);
    if (!e) return null;
    if (e.expiresAt <= now) {
      cache!.delete(key);
      return null;
    }
    return e.value;
  }

  /** @internal */
  put(scope: string, key: string, value: string, expiresAt: number, now: number): void {
    let cache = this.caches.get(scope);
    if (!cache) {
      cache = new Map();
      this.caches.set(scope, cache);
    }
    cache.delete(key);
    cache.set(key, { value, expiresAt, seq: ++this.seq });
    if (cache.size <= CACHE_LIMITS.items) return;
    for (const [k, e] of cache) if (e.expiresAt <= now) cache.delete(k);
    // Re-written keys were moved to the end above, so the first key is the oldest write.
    while (cache.size > CACHE_LIMITS.items) cache.delete(cache.keys().next().value as string);
  }

  /** @internal */
  remove(scope: string, key: string): void {
    this.caches.get(scope)?.delete(key);
  }
}

function keyOf(key: unknown): string {
  if (key === null || key === undefined) throw new GasException('Invalid argument: key');
  const k = String(key);
  if (k.length > CACHE_LIMITS.keyChars) throw new GasException('Argument too large: key');
  return k;
}

function checkValue(value: string): string {
  if (Buffer.byteLength(value, 'utf8') > CACHE_LIMITS.valueBytes) throw new GasException('Argument too large: value');
  return value;
}

function ttlOf(expirationInSeconds: unknown): number {
  if (expirationInSeconds === undefined || expirationInSeconds === null) return CACHE_LIMITS.defaultTtlSeconds;
  const n = typeof expirationInSeconds === 'number' ? expirationInSeconds : Number(String(expirationInSeconds).trim());
  if (!Number.isFinite(n) || String(expirationInSeconds).trim() === '') {
    throw new GasException(`Cannot convert '${String(expirationInSeconds)}' to int.`);
  }
  return Math.min(CACHE_LIMITS.maxTtlSeconds, Math.max(1, Math.trunc(n)));
}

type CacheApi = Emulated<GoogleAppsScript.Cache.Cache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'>;

class Cache implements CacheApi {
  readonly #store: CacheStore;
  readonly #ctx: ServiceContext;
  readonly #scope: string;

  constructor(store: CacheStore, ctx: ServiceContext, scope: string) {
    this.#store = store;
    this.#ctx = ctx;
    this.#scope = scope;
  }

  /**
   * One round trip; `sent` is what the request carries (keys, values) for CallRecord.bytes; `entries`, for the calls
   * on many keys, how many they name (their price grows with them, latency.ts).
   */
  #call<T>(method: string, fn: (now: number) => T, sent: unknown, entries?: number): T {
    return this.#ctx.call(`CacheService.Cache.${method}`, () => fn(this.#ctx.clock.now()), {
      sent,
      units: () => ({ items: entries }),
    });
  }

  get(key: string): string | null {
    const k = keyOf(key);
    return this.#call('get', (now) => this.#store.get(this.#scope, k, now), k);
  }

  /** Only the keys that have a live entry appear in the result. */
  getAll(keys: string[]): { [key: string]: string } {
    if (!Array.isArray(keys)) throw new GasException('Invalid argument: keys');
    const ks = keys.map(keyOf);
    return this.#call(
      'getAll',
      (now) => {
        const out: Record<string, string> = {};
        for (const k of ks) {
          const v = this.#store.get(this.#scope, k, now);
          if (v !== null) out[k] = v;
        }
        return out;
      },
      ks,
      ks.length,
    );
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    const k = keyOf(key);
    const ttl = ttlOf(expirationInSeconds);
    const v = value === null || value === undefined ? null : checkValue(String(value));
    this.#call(
      'put',
      (now) => {
        if (v === null) this.#store.remove(this.#scope, k);
        else this.#store.put(this.#scope, k, v, now + ttl * 1000, now);
      },
      [k, v],
    );
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    if (!values || typeof values !== 'object') throw new GasException('Invalid argument: values');
    const ttl = ttlOf(expirationInSeconds);
    // Every entry is checked before any is written.
    const entries = Object.entries(values).map(
      ([k, v]) => [keyOf(k), v === null || v === undefined ? null : checkValue(String(v))] as const,
    );
    this.#call(
      'putAll',
      (now) => {
        for (const [k, v] of entries) {
          if (v === null) this.#store.remove(this.#scope, k);
          else this.#store.put(this.#scope, k, v, now + ttl * 1000, now);
        }
      },
      entries,
      entries.length,
    );
  }

  remove(key: string): void {
    const k = keyOf(key);
    this.#call('remove', () => void this.#store.remove(this.#scope, k), k);
  }

  removeAll(keys: string[]): void {
    if (!Array.isArray(keys)) throw new GasException('Invalid argument: keys');
    const ks = keys.map(keyOf);
    this.#call(
      'removeAll',
      () => {
        for (const k of ks) this.#store.remove(this.#scope, k);
      },
      ks,
      ks.length,
    );
  }
}

type CacheServiceApi = Emulated<
  GoogleAppsScript.Cache.CacheService,
  'getScriptCache' | 'getUserCache' | 'getDocumentCache'
>;

class CacheServiceEmulation implements CacheServiceApi {
  readonly #store: CacheStore;
  readonly #ctx: ServiceContext;
  readonly #project: ScriptProject;

  readonly #bound: boolean;

  constructor(store: CacheStore, ctx: ServiceContext, project: ScriptProject, bound: boolean) {
    this.#store = store;
    this.#ctx = ctx;
    this.#project = project;
    this.#bound = bound;
  }

  getScriptCache(): Cache {
    return this.#open('script') as Cache;
  }

  getUserCache(): Cache {
    return this.#open('user') as Cache;
  }

  /** Null outside a container-bound project (the standalone Gmail add-on has no document). */
  getDocumentCache(): Cache | null {
    return this.#open('document');
  }

  #open(kind: ScopeKind): Cache | null {
    const scope = scopeFor(kind, this.#project, this.#ctx.session.email, this.#bound);
    return scope === null ? null : new Cache(this.#store, this.#ctx, scope);
  }
}

export function createCacheService(
  store: CacheStore,
  ctx: ServiceContext,
  project: ScriptProject,
  /** Container-bound (has a document): only then getDocumentProperties/getDocumentCache answer. */
  bound = false,
): CacheServiceEmulation {
  return new CacheServiceEmulation(store, ctx, project, bound);
}
