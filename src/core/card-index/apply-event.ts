// One logged, done, rescheduled or cancelled event folded into a client's index entry, without reading the event log:
// what the server writes between two full rebuilds.
//
// What it cannot know: the entry keeps only the next few planned and the last few done events (ENTRY_SIZES), so when
// one of them leaves the list (done, cancelled) a planned or done event the entry never held does not move up until
// the next full rebuild (every few hours). Everything the entry does hold stays right.

import type { EventRecord } from '../events/row';
import { ClientIndexEntry, ENTRY_SIZES } from './entry';

export function applyEvent(entry: ClientIndexEntry, event: EventRecord): ClientIndexEntry {
  const at = event.at.toISOString();
  const base = { id: event.id, row: event.rowNumber, at, kind: event.kind, reason: event.reason };
  const other = <T extends { id: string }>(list: T[]) => list.filter((e) => !event.id || e.id !== event.id);
  let planned = other(entry.planned);
  let recent = other(entry.recent);
  if (event.status === 'planned') {
    planned = [...planned, { ...base, manager: event.manager }]
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.row - b.row)
      .slice(0, ENTRY_SIZES.planned);
  } else if (event.status === 'done') {
    recent = [...recent, { ...base, result: event.result.slice(0, ENTRY_SIZES.resultChars) }]
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.row - a.row)
      .slice(0, ENTRY_SIZES.recent);
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
  return [row, ...rows].slice(0, ENTRY_SIZES.rows);
}
