// Finding what an action on one event touches — its Events row, its store row, its client's Card index row — from
// the hints the list gave (one batch read checks them all), searching only for what has moved since (a sort, a row
// deleted by hand, a rebuild): one TextFinder per stale hint.

import { applyEvent } from '../../core/card-index';
import { EventRecord, OpenEvent, parseEventRow } from '../../core/events';
import { columnLetter } from '../../core/events/table';
import type { RowHints } from '../../shared/events-dto';
import { IndexedRow, readRow, rowsOfContact } from '../card-index/index-sheet';
import { accepted, logText } from './messages';
import { OfficeContext } from './office';
import { DayRead, readDay } from './day-read';

export interface EventTarget {
  read: DayRead;
  /** The event as it is now: its Events row when the hint still names it, else the store's copy. */
  before: EventRecord;
  /** Its open-events row, when it is open. */
  open?: OpenEvent;
  /** The client's Card index row, when the client is indexed. */
  index?: IndexedRow;
}

const REFS: Array<'settings' | 'lists' | 'staff'> = ['settings', 'lists', 'staff'];

function eventsColumn(read: DayRead, key: string): number {
  return read.events?.table?.columns[key] ?? -1;
}

/** The Events row holding `id`: one TextFinder on the ID column (0 when none). */
export function searchEventRow(read: DayRead, id: string): number {
  const col = eventsColumn(read, 'id');
  const sheet = read.events?.sheet;
  if (!sheet || col < 0) return 0;
  const letter = columnLetter(col);
  const hit = sheet.getRange(`${letter}:${letter}`).createTextFinder(id).matchEntireCell(true).findNext();
  return hit ? hit.getRow() : 0;
}

/** The client's index row: the hinted one when it still holds the client, else found and read (two requests). */
function indexRowOf(read: DayRead, clientId: string, hinted: number): IndexedRow | undefined {
  if (!clientId || !read.index) return undefined;
  const at = read.index.rows.get(hinted);
  if (at && at.resourceName === clientId) return { ...at, rowNumber: hinted };
  const rowNumber = rowsOfContact(read.index.sheet, clientId)[0];
  const row = rowNumber ? readRow(read.index.sheet, rowNumber) : undefined;
  return row && rowNumber ? { ...row, rowNumber } : undefined;
}

/** Reads what an action on event `id` needs, in one batch when the hints are right. */
export function locateEvent(office: OfficeContext, id: string, hints: RowHints = {}): EventTarget {
  const storeRow = hints.storeRow ?? 0;
  let read = readDay(office, {
    refs: REFS,
    store: storeRow >= 2 ? [storeRow] : 'all',
    index: [hints.indexRow ?? 0],
    events: hints.eventRow ? [hints.eventRow] : [],
    ...(!hints.eventRow && hints.eventsEnd ? { eventsAfter: hints.eventsEnd } : {}),
  });
  const events = read.events;
  const table = events?.table;
  if (!events || !table) throw new Error(logText(office.locale, 'noEventsSheet'));
  let open = read.store?.rows.get(storeRow);
  if (open && open.id !== id) open = undefined;
  if (!open && storeRow >= 2 && read.store) {
    // The hinted store row holds something else now (the store was rebuilt): look through the whole store.
    const again = readDay(office, { store: 'all' });
    open = again.store?.open.find((e) => e.id === id);
    read = { ...read, store: again.store };
  } else if (!open) open = read.store?.open.find((e) => e.id === id);

  const parseOptions = { timeZone: office.timeZone, locale: office.locale, statusNames: office.lists.statuses };
  const fromRow = (cells: unknown[] | undefined, rowNumber: number) =>
    cells && String(cells[table.columns.id] ?? '').trim() === id
      ? parseEventRow(cells, rowNumber, table, parseOptions).event
      : undefined;
  let before = hints.eventRow ? fromRow(events.rows.get(hints.eventRow), hints.eventRow) : undefined;
  // Appended since the list was read: in the rows just after where the sheet ended then (read in the same batch).
  if (!before && events.after) {
    const i = events.after.rows.findIndex((cells) => String(cells?.[table.columns.id] ?? '').trim() === id);
    if (i >= 0) before = fromRow(events.after.rows[i], events.after.from + i);
  }
  if (!before) {
    const rowNumber = searchEventRow(read, id);
    if (!rowNumber) throw new Error(logText(office.locale, 'notFound', { id }));
    // The store's copy is what the CRM last wrote; the row itself is read only when there is no copy.
    if (open) before = { ...open, rowNumber };
    else {
      const width = Math.max(...Object.values(table.columns)) + 1;
      const cells = events.sheet.getRange(rowNumber, 1, 1, width).getValues()[0];
      before = fromRow(cells, rowNumber);
    }
  }
  const event = accepted(before ? { ok: true as const, value: before } : notFound(id), office);
  const index = indexRowOf(read, event.clientId, hints.indexRow || open?.indexRow || 0);
  return { read, before: event, ...(open ? { open } : {}), ...(index ? { index } : {}) };
}

function notFound(id: string) {
  return { ok: false as const, refusal: { key: 'notFound' as const, params: { id } } };
}

/** The index row after the event, for the batch write. */
export function indexAfter(index: IndexedRow | undefined, after: EventRecord): IndexedRow | undefined {
  return index ? { ...index, entry: applyEvent(index.entry, after) } : undefined;
}
