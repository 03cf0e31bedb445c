// An in-memory cache port for core tests: CacheService's limits (checked with Node's own UTF-8 count, not the
// product's), a log of calls, and hooks to lose or put back values as the real cache may.

import { CACHE_LIMITS, KeyValueCache } from '../../../src/core/ports/cache';

export class MemoryCache implements KeyValueCache {
  readonly values = new Map<string, string>();
  readonly calls: string[] = [];

  getAll(keys: string[]): Record<string, string> {
    this.calls.push('getAll');
    keys.forEach(checkKey);
    const out: Record<string, string> = {};
    for (const k of keys) if (this.values.has(k)) out[k] = this.values.get(k)!;
    return out;
  }

  putAll(values: Record<string, string>, ttlSeconds: number): void {
    this.calls.push('putAll');
    if (!(ttlSeconds > 0 && ttlSeconds <= CACHE_LIMITS.maxTtlSeconds)) throw new Error(`ttl ${ttlSeconds}`);
    for (const [k, v] of Object.entries(values)) {
      checkKey(k);
      if (Buffer.byteLength(v, 'utf8') > CACHE_LIMITS.valueBytes) throw new Error('Argument too large: value');
    }
    for (const [k, v] of Object.entries(values)) this.values.set(k, v);
    if (this.values.size > CACHE_LIMITS.items) throw new Error(`${this.values.size} items`);
  }

  remove(key: string): void {
    this.calls.push('remove');
    checkKey(key);
    this.values.delete(key);
  }

  /** The calls `fn` makes. */
  measure(fn: () => void): string[] {
    const from = this.calls.length;
    fn();
    return this.calls.slice(from);
  }
}

function checkKey(key: string): void {
  if (key.length > CACHE_LIMITS.keyChars) throw new Error('Argument too large: key');
}
