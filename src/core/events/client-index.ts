// The index behind the Gmail card: sender e-mail → what the card shows. Built whenever the event log or the contacts
// change and kept in CacheService, so opening a message costs two cache reads whatever the size of the base, instead
// of scanning the Events sheet and the contacts.
//
// CacheService limits (platform.md, https://developers.google.com/apps-script/reference/cache/cache): a value up to
// 100 KB, a key up to 250 characters, at most 1,000 items. One item per e-mail would overflow 1,000 items for a mid-size
// base, so e-mails are hashed into buckets: as many as it takes for every bucket to fit one value.

import { clientKey, EventRecord } from './row';
import { fnv1a } from './reminders';

export interface IndexContact {
  resourceName: string;
  name: string;
  emails: string[];
  phones: string[];
  labels: string[];
  manager?: string;
}

export interface IndexedEvent {
  id: string;
  /** Sheet row when the index was built: a hint; the adapter confirms by id before writing. */
  row: number;
  at: string;
  kind: string;
  reason: string;
}

export interface ClientIndexEntry {
  resourceName: string;
  name: string;
  labels: string[];
  manager: string;
  phones: string[];
  lastContact?: { at: string; kind: string; reason: string };
  /** The next three planned events (overdue ones first: they are still to do). */
  planned: Array<IndexedEvent & { manager: string }>;
  /** The last five done events, newest first. */
  recent: Array<IndexedEvent & { result: string }>;
  /** Rows of all the client's events, newest first (at most MAX_ROWS). */
  rows: number[];
}

export interface ClientIndex {
  builtAt: string;
  /** Lower-case e-mail → entry. A contact with several e-mails appears under each. */
  entries: Record<string, ClientIndexEntry>;
}

const PLANNED = 3;
const RECENT = 5;
const MAX_ROWS = 200;
/** A card shows a line of the result, not the whole minutes of a meeting. */
const RESULT_CHARS = 300;

const nameKey = (name: string) => clientKey({ clientId: '', client: name });

export function buildClientIndex(
  events: EventRecord[],
  contacts: IndexContact[],
  builtAt: Date = new Date(0),
): ClientIndex {
  const byKey = new Map<string, EventRecord[]>();
  for (const e of events) {
    const key = clientKey(e);
    if (!key) continue;
    const list = byKey.get(key) ?? [];
    list.push(e);
    byKey.set(key, list);
  }
  const entries: Record<string, ClientIndexEntry> = {};
  for (const c of contacts) {
    const emails = [...new Set(c.emails.map((m) => m.trim().toLowerCase()).filter((m) => m.includes('@')))];
    if (!emails.length) continue;
    const own = [...(byKey.get(c.resourceName) ?? []), ...(c.name ? (byKey.get(nameKey(c.name)) ?? []) : [])];
    const live = own.filter((e) => e.status !== 'cancelled');
    const done = live
      .filter((e) => e.status === 'done')
      .sort((a, b) => b.at.getTime() - a.at.getTime() || b.rowNumber - a.rowNumber);
    const planned = live
      .filter((e) => e.status === 'planned')
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.rowNumber - b.rowNumber);
    const item = (e: EventRecord): IndexedEvent => ({
      id: e.id,
      row: e.rowNumber,
      at: e.at.toISOString(),
      kind: e.kind,
      reason: e.reason,
    });
    const entry: ClientIndexEntry = {
      resourceName: c.resourceName,
      name: c.name,
      labels: [...c.labels],
      manager: c.manager ?? '',
      phones: [...c.phones],
      planned: planned.slice(0, PLANNED).map((e) => ({ ...item(e), manager: e.manager })),
      recent: done.slice(0, RECENT).map((e) => ({ ...item(e), result: e.result.slice(0, RESULT_CHARS) })),
      rows: [...own]
        .sort((a, b) => b.at.getTime() - a.at.getTime())
        .slice(0, MAX_ROWS)
        .map((e) => e.rowNumber),
    };
    if (done[0]) entry.lastContact = { at: done[0].at.toISOString(), kind: done[0].kind, reason: done[0].reason };
    for (const m of emails) entries[m] = entry;
  }
  return { builtAt: builtAt.toISOString(), entries };
}

export interface CacheIndexMeta {
  /** Changes with every build, so a reader never mixes buckets of two builds. */
  generation: string;
  buckets: number;
}

export const INDEX_META_KEY = 'crm.ix.meta';
const CACHE_MAX_ITEMS = 1000;

/** The cache key of the bucket that holds `email`. */
export function indexKey(email: string, meta: CacheIndexMeta): string {
  return indexKeyFor(fnv1a(email.trim().toLowerCase()) % meta.buckets, meta.generation);
}

const indexKeyFor = (bucket: number, generation: string) => `crm.ix.${generation}.${bucket}`;

/** The entry for `email` from its bucket's cached JSON (undefined when absent or unreadable). */
export function entryFromBucket(email: string, bucketJson: string | null | undefined): ClientIndexEntry | undefined {
  if (!bucketJson) return undefined;
  try {
    const bucket = JSON.parse(bucketJson) as Record<string, ClientIndexEntry>;
    return Object.prototype.hasOwnProperty.call(bucket, email.trim().toLowerCase())
      ? bucket[email.trim().toLowerCase()]
      : undefined;
  } catch {
    return undefined;
  }
}

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

/**
 * Cache values for the index: `values` (key → JSON) for putAll, plus `meta`, to be written under INDEX_META_KEY last so
 * readers switch to a build only once it is complete. The bucket count is the smallest power of two with every
 * bucket under `maxBytes`. An entry too large on its own loses its row list and result texts.
 */
export function splitForCache(
  index: ClientIndex,
  maxBytes = 100_000,
  generation = Date.parse(index.builtAt).toString(36),
): { meta: CacheIndexMeta; values: Record<string, string> } {
  const emails = Object.keys(index.entries).sort();
  const entries: Record<string, ClientIndexEntry> = {};
  for (const m of emails) entries[m] = fitEntry(m, index.entries[m], maxBytes);
  const sizes = emails.map((m) => utf8Bytes(JSON.stringify(m)) + utf8Bytes(JSON.stringify(entries[m])) + 2);
  const total = sizes.reduce((a, b) => a + b, 2);
  let buckets = 1;
  while (buckets < total / maxBytes) buckets *= 2;
  for (;;) {
    const fill = new Array<number>(buckets).fill(2);
    emails.forEach((m, i) => (fill[fnv1a(m) % buckets] += sizes[i]));
    if (fill.every((b) => b <= maxBytes)) break;
    buckets *= 2;
    if (buckets >= CACHE_MAX_ITEMS) throw new Error(`The client index needs more than ${CACHE_MAX_ITEMS} cache items.`);
  }
  const meta = { generation, buckets };
  const parts: Array<Record<string, ClientIndexEntry>> = Array.from({ length: buckets }, () => ({}));
  for (const m of emails) parts[fnv1a(m) % buckets][m] = entries[m];
  const values: Record<string, string> = {};
  // Empty buckets are written too: a missing value then always means the cache evicted it (rebuild), never "no client".
  parts.forEach((part, i) => (values[indexKeyFor(i, generation)] = JSON.stringify(part)));
  return { meta, values };
}

function fitEntry(email: string, entry: ClientIndexEntry, maxBytes: number): ClientIndexEntry {
  const size = (e: ClientIndexEntry) => utf8Bytes(JSON.stringify({ [email]: e }));
  if (size(entry) <= maxBytes) return entry;
  const slim: ClientIndexEntry = { ...entry, rows: [], recent: entry.recent.map((r) => ({ ...r, result: '' })) };
  if (size(slim) > maxBytes) throw new Error(`The index entry for ${email} does not fit in ${maxBytes} bytes.`);
  return slim;
}
