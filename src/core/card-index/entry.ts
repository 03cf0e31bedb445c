// What the Gmail card shows about a client, as the card index stores it: one entry per client, filed under each of
// the client's e-mails and phones. The sizes below bound an entry whatever the client's history, so that an index
// of a whole base stays one sheet read and fits the add-on's cache.

export interface IndexContact {
  resourceName: string;
  name: string;
  emails: string[];
  phones: string[];
  labels: string[];
  manager?: string;
  /** `YYYY-MM-DD`, or `--MM-DD` without a year (core/export/contact-view.ts dateText 'iso'); '' when unknown. */
  birthday?: string;
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
  /** `YYYY-MM-DD` or `--MM-DD`; absent when the contact has none (entries built before it existed lack it too). */
  birthday?: string;
  lastContact?: { at: string; kind: string; reason: string };
  /** The next planned events (overdue ones first: they are still to do). */
  planned: Array<IndexedEvent & { manager: string }>;
  /** The last done events, newest first. */
  recent: Array<IndexedEvent & { result: string }>;
  /** Rows of all the client's events, newest first (at most ENTRY_SIZES.rows). */
  rows: number[];
}

export interface ClientIndex {
  builtAt: string;
  /** Lower-case e-mail → entry. A contact with several e-mails appears under each. */
  entries: Record<string, ClientIndexEntry>;
}

/** How much of a client's history an entry keeps, whether built whole or updated one event at a time. */
export const ENTRY_SIZES = {
  planned: 3,
  recent: 5,
  rows: 200,
  /** A card shows a line of the result, not the whole minutes of a meeting. */
  resultChars: 300,
} as const;

/** An entry for a contact the index has not seen yet: no events. */
export function emptyEntry(
  resourceName: string,
  name: string,
  phones: string[],
  labels: string[],
  manager: string,
): ClientIndexEntry {
  return { resourceName, name, labels, manager, phones, planned: [], recent: [], rows: [] };
}
