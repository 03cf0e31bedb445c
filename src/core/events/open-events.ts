// The compact store of open (planned) events: one row per planned event in the hidden "Open events" sheet, so the
// day's screens read a few hundred short rows instead of the whole history. Columns at fixed places (the CRM owns the
// sheet): A id, B the instant (ISO, sortable as text), C the rest as short-keyed JSON. A row is never moved while the
// office works: a finished event's row is emptied in place (rows found by one execution stay right while another
// writes), appends go after the last row, and the rebuild (every few hours, under the script lock) rewrites it whole
// from the Events sheet — which also heals anything typed, sorted or deleted by hand that the triggers missed.

import type { EventRecord } from './row';

/** A planned event as the store holds it, with where it is: its store row and the Events row it was last seen at. */
export interface OpenEvent extends EventRecord {
  /** 1-based row in the store sheet. */
  storeRow: number;
  /** The client's Card index row when the event was stored (a hint, checked by contact before any write); 0 if none. */
  indexRow: number;
}

interface OpenCell {
  k: string;
  r: string;
  c: string;
  ci?: string;
  ph?: string;
  m?: string;
  ns?: string;
  cal?: string;
  by?: string;
  d?: 1;
  /** The Events sheet row (a hint: checked by id before any write). */
  row?: number;
  /** The client's Card index row (a hint). */
  ir?: number;
}

export type OpenRowCells = [string, string, string];

/** The store's three cells for a planned event. */
export function openEventCells(e: EventRecord, indexRow = 0): OpenRowCells {
  const cell: OpenCell = { k: e.kind, r: e.reason, c: e.client };
  if (e.clientId) cell.ci = e.clientId;
  if (e.phone) cell.ph = e.phone;
  if (e.manager) cell.m = e.manager;
  if (e.nextStep) cell.ns = e.nextStep;
  if (e.calendarEventId) cell.cal = e.calendarEventId;
  if (e.createdBy) cell.by = e.createdBy;
  if (e.allDay) cell.d = 1;
  if (e.rowNumber > 0) cell.row = e.rowNumber;
  if (indexRow > 0) cell.ir = indexRow;
  return [e.id, e.at.toISOString(), JSON.stringify(cell)];
}

/** The cells of an emptied row. */
export const EMPTY_OPEN_ROW: OpenRowCells = ['', '', ''];

/** A store row back as an event; undefined for an empty or damaged row (the rebuild rewrites those). */
export function openEventFromCells(cells: unknown[] | undefined, storeRow: number): OpenEvent | undefined {
  if (!cells) return undefined;
  const id = String(cells[0] ?? '').trim();
  const at = new Date(String(cells[1] ?? ''));
  const text = String(cells[2] ?? '');
  if (!id || isNaN(at.getTime()) || !text.startsWith('{')) return undefined;
  let cell: OpenCell;
  try {
    cell = JSON.parse(text) as OpenCell;
  } catch {
    return undefined;
  }
  if (!cell || typeof cell.k !== 'string') return undefined;
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    id,
    at,
    allDay: cell.d === 1,
    kind: cell.k,
    reason: s(cell.r),
    client: s(cell.c),
    clientId: s(cell.ci),
    phone: s(cell.ph),
    manager: s(cell.m),
    result: '',
    nextStep: s(cell.ns),
    status: 'planned',
    calendarEventId: s(cell.cal),
    createdBy: s(cell.by),
    rowNumber: typeof cell.row === 'number' && cell.row > 0 ? cell.row : 0,
    storeRow,
    indexRow: typeof cell.ir === 'number' && cell.ir > 0 ? cell.ir : 0,
  };
}

/** Every readable store row (values as read from row `firstRow`, 1-based), keeping the first of a repeated id. */
export function openEventsFrom(values: unknown[][], firstRow: number): OpenEvent[] {
  const out: OpenEvent[] = [];
  const seen = new Set<string>();
  values.forEach((cells, i) => {
    const e = openEventFromCells(cells, firstRow + i);
    if (e && !seen.has(e.id)) {
      seen.add(e.id);
      out.push(e);
    }
  });
  return out;
}

/** Damaged Events rows the store keeps beside its header (D1), so the screens list them without reading the log. */
export const STORED_PROBLEMS = 100;

export interface StoredProblem {
  row: number;
  column: string;
  value: string;
  message: string;
}

export function problemsCell(problems: StoredProblem[]): string {
  const kept = problems.slice(0, STORED_PROBLEMS).map((p) => ({ ...p, value: p.value.slice(0, 100) }));
  return kept.length ? JSON.stringify(kept) : '';
}

export function problemsFromCell(cell: unknown): StoredProblem[] {
  const text = String(cell ?? '');
  if (!text.startsWith('[')) return [];
  try {
    const list = JSON.parse(text) as StoredProblem[];
    return Array.isArray(list)
      ? list.filter((p) => p && typeof p.row === 'number' && typeof p.message === 'string')
      : [];
  } catch {
    return [];
  }
}

/** The stored problems with those of rows `first..last` replaced by what a fresh read of them found. */
export function replaceProblems(
  stored: StoredProblem[],
  first: number,
  last: number,
  fresh: StoredProblem[],
): StoredProblem[] {
  return [...stored.filter((p) => p.row < first || p.row > last), ...fresh].sort((a, b) => a.row - b.row);
}
