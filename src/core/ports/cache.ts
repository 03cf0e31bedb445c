// A key-value cache with expiry, as the card index needs it: the shape and the limits of Apps Script's CacheService
// (https://developers.google.com/apps-script/reference/cache/cache), which the server adapter passes through and the
// emulator enforces. Entries "are not guaranteed to persist": any value may be gone at the next read, so code over
// this port treats every miss as "ask the real data", never as "there is nothing".

export interface KeyValueCache {
  /** The live values among `keys`; a key with no value is absent from the result. One request. */
  getAll(keys: string[]): Record<string, string>;
  /** Writes every value with one expiry; all of them are checked against the limits before any is written. */
  putAll(values: Record<string, string>, ttlSeconds: number): void;
  remove(key: string): void;
}

/** CacheService's documented limits: what one cache holds and what one call may carry. */
export const CACHE_LIMITS = {
  /** A value up to 100 KB (UTF-8 bytes). */
  valueBytes: 100 * 1024,
  /** A key up to 250 characters. */
  keyChars: 250,
  /** "Up to 1000 items" in one cache, so no putAll can usefully carry more. */
  items: 1000,
  /** An entry lives at most six hours. */
  maxTtlSeconds: 21_600,
} as const;
