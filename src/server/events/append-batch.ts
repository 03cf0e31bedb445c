// Many new events in one spreadsheets.batchUpdate with what they move: the Events rows appended (each numbered
// where it lands), their clients' Card index rows with the events applied (core/card-index applyEvent), and E1 of the
// open-events store when the sheet grew past it. Telephony's processing (pbx/process.ts) and the mailing runs
// (mailing/send.ts) both write their events this way, the caller adding its own requests to the same batch so a crash
// never leaves an event without its mark (an Inbox row's state, a queue row's 'sent'). Then, after the write, the
// touched clients' CRM lines (clients/crm-line.ts) and the Gmail card's cache, as logEventIn does for one event.
// Must run under the write lock (sheets/write-lock.ts): the rows' landing places assume nobody appends meanwhile.

import { applyEvent } from '../../core/card-index';
import type { EventRecord } from '../../core/events/row';
import { announceIndexChange } from '../card-index/announce';
import { rememberWritten } from '../card-index/client-index';
import { IndexedRow, indexRowCells } from '../card-index/index-sheet';
import { updateCrmLines } from '../clients/crm-line';
import { DayRead, readDay } from './day-read';
import { eventRowCellsAt } from './log';
import type { OfficeContext } from './office';
import { eventsEndAt } from './open-store';
import { appendRows, cellData, rowData, updateAt } from '../sheets/values-batch';

type Request = GoogleAppsScript.Sheets.Schema.Request;

export interface EventsBatch {
  requests: Request[];
  /** Card index entries of the clients whose events are written (their CRM lines follow the write). */
  touched: IndexedRow[];
  /** Event id → the Events row it lands on. */
  landed: Map<string, number>;
  /** The second read (the touched clients' index rows, and the Events rows the caller asked for), if one was made. */
  second?: DayRead;
}

/**
 * The requests that append `events` and move their clients' index rows. `day` is the caller's first read: the
 * Events header (events: []), the store's head (store: []) and the index's list lines (index: 'summaries') give the
 * layout, the store's end and each client's index row; the index rows themselves are read here, whole, in one
 * values.batchGet (with `alsoRead`, Events rows the caller needs), only when some event has a client or rows are asked.
 */
export function eventsBatch(
  office: OfficeContext,
  day: DayRead,
  events: EventRecord[],
  alsoRead: number[] = [],
): EventsBatch {
  const sheet = day.events;
  if (!sheet?.table) throw new Error('The Events sheet has no header row.');
  const columns = sheet.table.columns;
  // Where appends land: after the sheet's last row with data (appendCells' rule); every writer of Events holds the
  // write lock, so nobody appends between this call and the batchUpdate.
  const landed = new Map<string, number>();
  let next = events.length ? sheet.sheet.getLastRow() + 1 : 0;
  for (const e of events) {
    e.rowNumber = next++;
    landed.set(e.id, e.rowNumber);
  }
  const byClient = new Map<string, EventRecord[]>();
  for (const e of events) if (e.clientId) byClient.set(e.clientId, [...(byClient.get(e.clientId) ?? []), e]);
  const rowOf = new Map((day.index?.summaries ?? []).map((s) => [s.resourceName, s.indexRow ?? 0] as const));
  const indexRows = [...byClient.keys()].map((rn) => rowOf.get(rn) ?? 0).filter((r) => r >= 2);
  const rows = alsoRead.filter((r) => r >= 2);
  const second = indexRows.length || rows.length ? readDay(office, { index: indexRows, events: rows }) : undefined;
  const requests: Request[] = [];
  if (events.length)
    requests.push(
      appendRows(
        sheet.sheetId,
        events.map((e) => rowData(eventRowCellsAt(columns, e, office))),
      ),
    );
  const touched: IndexedRow[] = [];
  for (const [rowNumber, row] of second?.index?.rows ?? []) {
    const mine = byClient.get(row.resourceName);
    if (!mine) continue;
    const entry = mine.reduce((e, ev) => applyEvent(e, ev), row.entry);
    const indexed = { ...row, entry, rowNumber };
    touched.push(indexed);
    requests.push(
      updateAt(
        day.index!.sheetId,
        rowNumber,
        0,
        indexRowCells(indexed).map((v) => cellData(v, 'UTC')),
      ),
    );
  }
  const store = day.store;
  const last = next - 1;
  if (store && events.length && last > store.eventsEnd) requests.push(eventsEndAt(store.sheetId, last));
  return { requests, touched, landed, ...(second ? { second } : {}) };
}

/** After the batch landed: the index rows remembered for this execution, the card's cache told, the CRM lines. */
export function afterEventsWritten(batch: Pick<EventsBatch, 'touched'>, office: OfficeContext): void {
  for (const t of batch.touched) rememberWritten(t);
  if (!batch.touched.length) return;
  announceIndexChange(batch.touched);
  updateCrmLines(
    batch.touched.map((t) => t.entry),
    office,
  );
}
