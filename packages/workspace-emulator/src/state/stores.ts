// The Workspace's stores as the state database keeps them: one row per store, its JSON (the store's own toJSON).
// Reloading a store another process changed happens IN PLACE: the services, the loaded bundles' globals and the
// Sheets user all hold the store object itself, so it must stay the same object with new contents.

/** The persisted stores, by the name of their row (and of the JSON file the folder format had). */
export const STORE_NAMES = [
  'people',
  'spreadsheets',
  'calendar',
  'properties',
  'cache',
  'triggers',
  'gmail',
  'urlfetch',
  'peopleQuota',
  'drive',
] as const;

export type StoreName = (typeof STORE_NAMES)[number];

/** What a store offers the state database: its JSON, and (on its class) `static fromJSON(json)`. */
export interface PersistentStore {
  toJSON(): unknown;
}

export type StoreTable = Record<StoreName, PersistentStore>;

/**
 * Fields a store keeps for this process only: what the loaded projects registered (web-app targets, fake routes),
 * one-time answers and tokens handed out in this process, and records for tests. Loading another process's version
 * keeps them; every other own field is replaced by the freshly loaded one.
 */
const PROCESS_LOCAL: Partial<Record<StoreName, readonly string[]>> = {
  calendar: ['recentChanges'],
  gmail: ['tokens'],
  urlfetch: ['runs', 'routes', 'targets', 'echoes', 'echoSeq'],
  // The figures a process was opened with and its clock; the usage is shared.
  peopleQuota: ['settings', 'now'],
  // The clock the Workspace hands it.
  drive: ['now'],
};

type StoreClass = { fromJSON(json: unknown): object };

/** Replaces what `store` holds with what `json` says, keeping the store object and its process-local fields. */
export function loadInPlace(name: StoreName, store: PersistentStore, json: unknown): void {
  const fresh = (store.constructor as unknown as StoreClass).fromJSON(json) as Record<string, unknown>;
  const keep = new Set(PROCESS_LOCAL[name] ?? []);
  const target = store as unknown as Record<string, unknown>;
  for (const key of Object.keys(fresh)) if (!keep.has(key)) target[key] = fresh[key];
}

/** The text a store is written as. */
export function serialize(store: PersistentStore): string {
  return JSON.stringify(store.toJSON());
}

/** Maps and Sets as their entries, so a fingerprint sees what they hold. */
const entries = (_key: string, value: unknown): unknown =>
  value instanceof Map || value instanceof Set ? [...value] : value;

/**
 * An exact picture of what a store holds (every field but the process-local ones), to tell whether it changed
 * without building its JSON: toJSON copies every record (a 25k-contact People store: over a second), this only reads
 * them (a third of that). Two fingerprints are equal only when the contents are.
 */
export function fingerprint(name: StoreName, store: PersistentStore): string {
  const keep = PROCESS_LOCAL[name] ?? [];
  return JSON.stringify(
    Object.entries(store).filter(([key]) => !keep.includes(key)),
    entries,
  );
}
