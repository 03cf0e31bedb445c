// One logged, done, rescheduled or cancelled event folded into a client's index entry, without reading the event log:
// what noteEvent writes between two full rebuilds. Pure.
//
// What it cannot know: the entry keeps only the next three planned and the last five done events, so when one of
// them leaves the list (done, cancelled) a fourth planned or sixth done event the entry never held does not move
// up until the next full rebuild (every few hours). Everything the entry does hold stays right.

import type { ClientIndexEntry, EventRecord } from '../../core/events';

/** The same sizes as core buildClientIndex. */
const PLANNED = 3;
const RECENT = 5;
const MAX_ROWS = 200;
const RESULT_CHARS = 300;

export function applyEvent(entry: ClientIndexEntry, event: EventRecord): ClientIndexEntry {
  const at = event.at.toISOString();
  const base = { id: event.id, row: event.rowNumber, at, kind: event.kind, reason: event.reason };
  const other = <T extends { id: string }>(list: T[]) => list.filter((e) => !event.id || e.id !== event.id);
  let planned = other(entry.planned);
  let recent = other(entry.recent);
  if (event.status === 'planned') {
    planned = [...planned, { ...base, manager: event.manager }]
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.row - b.row)
      .slice(0, PLANNED);
  } else if (event.status === 'done') {
    recent = [...recent, { ...base, result: event.result.slice(0, RESULT_CHARS) }]
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.row - a.row)
      .slice(0, RECENT);
  }
  const next: ClientIndexEntry = { ...entry, planned, recent, rows: withRow(entry.rows, event.rowNumber) };
  // The last contact is the newest done event, the head of `recent` (as buildClientIndex makes it).
  const last = recent[0];
  if (last) next.lastContact = { at: last.at, kind: last.kind, reason: last.reason };
  else delete next.lastContact;
  return next;
}

function withRow(rows: number[], row: number): number[] {
  if (!(row > 0) || rows.includes(row)) return rows;
  return [row, ...rows].slice(0, MAX_ROWS);
}

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

/**
 * The entry as stored in one sheet cell (50,000 characters at most): a client with a huge history loses its row
 * list and result texts first, which the card can live without.
 */
export function fitEntry(entry: ClientIndexEntry, maxChars: number): ClientIndexEntry {
  if (JSON.stringify(entry).length <= maxChars) return entry;
  const slim: ClientIndexEntry = {
    ...entry,
    rows: entry.rows.slice(0, 20),
    recent: entry.recent.map((r) => ({ ...r, result: '' })),
  };
  if (JSON.stringify(slim).length <= maxChars) return slim;
  return { ...slim, rows: [], labels: slim.labels.slice(0, 20), phones: slim.phones.slice(0, 20) };
}
