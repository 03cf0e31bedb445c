// The one rule for shrinking an index entry to a size: the sheet cell (50,000 characters), a cache value (100 KB) and
// the share of the cache one entry may take all use it. Each step gives up what the card misses least, and the first
// step that fits wins, so most entries lose nothing and a big one loses only what it must.

import type { ClientIndexEntry } from './entry';

/** UTF-8 size: the cache limit is in bytes and Cyrillic or Georgian text takes two or three per character. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** How an entry is measured: bytes of its JSON for the cache, characters for a sheet cell. */
export type EntrySize = (entry: ClientIndexEntry) => number;

export const jsonBytes: EntrySize = (entry) => utf8Bytes(JSON.stringify(entry));
export const jsonChars: EntrySize = (entry) => JSON.stringify(entry).length;

const results = (chars: number) => (e: ClientIndexEntry) => ({
  ...e,
  recent: e.recent.map((r) => ({ ...r, result: r.result.slice(0, chars) })),
});

/**
 * In order: result texts cut to a line, then shorter, then gone (the sheet keeps them whole); the row list cut to the
 * newest rows, then gone (the card then opens the sheet without jumping to a row); fewer events; last, only the next
 * and the last event with a few labels and phones.
 */
const STEPS: Array<(e: ClientIndexEntry) => ClientIndexEntry> = [
  results(120),
  results(60),
  results(30),
  results(0),
  (e) => ({ ...e, rows: e.rows.slice(0, 20) }),
  (e) => ({ ...e, rows: [] }),
  (e) => ({ ...e, recent: e.recent.slice(0, 3), planned: e.planned.slice(0, 2) }),
  (e) => ({
    ...e,
    recent: e.recent.slice(0, 1),
    planned: e.planned.slice(0, 1),
    labels: e.labels.slice(0, 3),
    phones: e.phones.slice(0, 3),
  }),
];

/**
 * The entry within `limit` (0: no limit), or the smallest this rule makes of it: the caller checks that against its
 * own hard limit, since what cannot fit differs (a cache value is refused, a sheet cell is cut).
 */
export function fitEntry(entry: ClientIndexEntry, limit: number, size: EntrySize = jsonBytes): ClientIndexEntry {
  if (!limit || size(entry) <= limit) return entry;
  let fitted = entry;
  for (const step of STEPS) {
    fitted = step(fitted);
    if (size(fitted) <= limit) return fitted;
  }
  return fitted;
}
