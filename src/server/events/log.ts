// Logging an event: the Reminders sidebar, the Gmail card and the CLI all come through here (changes: change.ts).
// Decisions:
// - one batch read (reference sheets, the Events header, the client's index row where the caller saw it), at most one
//   Calendar request, then ONE atomic batchUpdate appending the Events row (appendCells: two people logging at the
//   same moment both land) with its store row and the client's index row — they cannot disagree;
// - the calendar event is made first so the row is written whole, once; a Calendar failure leaves it without one;
// - rows are found by id, never by a position remembered from before (positions are hints, checked);
// - a call repeated after a lost answer (`retry`, or an id the client's index entry already lists) returns the row
//   the first attempt wrote, and finds the calendar event it made, instead of writing a second one.

import { checkLogInput, eventCells, EventRecord, newEventRecord, newEventTerms, orderTerms } from '../../core/events';
import type { EventView, LogEventInput } from '../../shared/events-dto';
import type { CellValue } from '../sheets/table';
import { redactForLog } from '../../core/redact';
import { announceIndexChange } from '../card-index/announce';
import { rememberWritten } from '../card-index/client-index';
import { indexRowCells } from '../card-index/index-sheet';
import { appendRows, cellData, rowData, updateAt, writeBatch } from '../sheets/values-batch';
import { commitChange } from './change';
import { DayRead, EVENTS_WINDOW, readDay } from './day-read';
import { indexAfter, locateEvent } from './event-target';
import { appendOpen, eventsEndAt } from './open-store';
import { addClientContact, newClientOf } from '../clients/add-client';
import { scriptClock } from '../clock';
import { syncCalendar } from './calendar';
import { ClientRef, eventClient } from '../clients/resolve';
import { crmLineAfter } from '../clients/crm-line';
import { accepted } from './messages';
import { isAddon } from '../card-index/announce';
import { writeThroughSheet } from '../gmail/sheet-writes';
import { underWriteLock } from '../sheets/write-lock';
import { OfficeContext } from './office';
import { eventView } from './views';

type Request = GoogleAppsScript.Sheets.Schema.Request;

function rowCells(event: EventRecord, office: OfficeContext): Record<string, CellValue> {
  return eventCells(event, office.locale, office.lists.statuses);
}

/** Logs an event: in the sheet project under the write lock; the add-on has the sheet project do it (write-lock.ts). */
export function logEvent(input: LogEventInput): EventView {
  if (isAddon()) return writeThroughSheet<EventView>('logEvent', [input]);
  return underWriteLock(() => logEventIn(new OfficeContext(), input));
}

/**
 * What an event's fields may still need once its client is known (a congratulation's day comes from the client's
 * birthday, its kind and reason from Settings): filled in after the one read, before anything is checked or written.
 */
export type CompleteEvent = (client: ClientRef, office: OfficeContext) => Partial<LogEventInput>;

export function logEventIn(office: OfficeContext, input: LogEventInput, complete?: CompleteEvent): EventView {
  // "New client": created, or found by its e-mail or phone; the event then names that contact.
  if (input?.newClient) input = withNewClient(input, office);
  // Refused before any read when the request itself says too little (unless it is completed after the read).
  if (!complete) accepted(checkLogInput(input), office);
  // One read: the reference sheets, the Events header, and the client's index row where the caller saw it.
  const read = readDay(office, {
    refs: ['settings', 'lists', 'staff'],
    store: [],
    index: [input.indexRow ?? 0],
    events: [],
    ...(input.eventsEnd ? { eventsAfter: input.eventsEnd } : {}),
  });
  const client = clientOf(input, read, office);
  if (complete) input = { ...input, ...complete(client, office) };
  const checked = accepted(checkLogInput(input), office);
  // A call repeating one whose answer was lost: the row the first attempt wrote is found, never written twice. The
  // client's index entry lists its latest events, which catches a second click on the card for free.
  const known = client.indexed?.entry;
  if (
    checked.id &&
    (input.retry || known?.recent.some((e) => e.id === checked.id) || known?.planned.some((e) => e.id === checked.id))
  ) {
    const again = retried(read, checked.id, office);
    if (again) return again;
  }
  const terms = accepted(newEventTerms(input, office, scriptClock), office);
  // An order's money, checked before anything is written (the currency defaults to the office's).
  const money = accepted(orderTerms(input, office.settings.get('currency')), office);
  const event: EventRecord = {
    ...newEventRecord(input, checked, terms, client, {
      clock: scriptClock,
      random: Math.random,
      createdBy: terms.createdBy,
    }),
    ...money,
  };
  // The calendar event first, so the row is written once, whole; a Calendar failure leaves it without a reminder.
  if (event.status === 'planned') event.calendarEventId = calendarOrNone(event, office, input.retry === true);
  // Where the row will land, when the rows after the end the caller knew were read: after the last one with data
  // (appendCells' own rule). Two people logging at once may swap places: the hint is checked by id before any use.
  const landing = landingRow(read);
  if (landing) event.rowNumber = landing;
  const index = client.indexed ? indexAfter(client.indexed, event) : undefined;
  const requests: Request[] = [appendRows(read.events!.sheetId, [rowData(eventRowCells(read, event, office))])];
  if (event.status === 'planned' && read.store)
    requests.push(appendOpen(read.store.sheetId, event, index?.rowNumber ?? 0));
  if (index && read.index)
    requests.push(
      updateAt(
        read.index.sheetId,
        index.rowNumber,
        0,
        indexRowCells(index).map((v) => cellData(v, 'UTC')),
      ),
    );
  if (landing && read.store && landing > read.store.eventsEnd) requests.push(eventsEndAt(read.store.sheetId, landing));
  writeBatch(office.ss, requests);
  if (index) {
    rememberWritten(index);
    announceIndexChange([index]);
    // The phone's view of the client (its contact note's CRM line), in this execution.
    crmLineAfter(client.indexed?.entry, index.entry, office);
  }
  return eventView(event);
}

/** The row an append will take: after the last non-empty row of the window read after the known end; 0 unknown. */
function landingRow(read: DayRead): number {
  const after = read.events?.after;
  if (!after) return 0;
  let last = after.from - 1;
  after.rows.forEach((cells, i) => {
    if ((cells ?? []).some((c) => c !== '' && c !== null && c !== undefined)) last = after.from + i;
  });
  // A full window means the sheet goes on beyond it: the place is not known.
  return last >= after.from + EVENTS_WINDOW - 1 ? 0 : last + 1;
}

/** The calendar reminder of a new planned event; a Calendar failure is reported, not fatal (the row still lands). */
function calendarOrNone(event: EventRecord, office: OfficeContext, recovering: boolean): string {
  try {
    // A repeated call may have made the calendar event before it died: found by our id rather than made twice.
    return syncCalendar(undefined, event, office, { recovering });
  } catch (e) {
    console.warn(`The calendar reminder was not created: ${redactForLog(e)}`);
    return '';
  }
}

/** The whole row, each value at its column (the office's own columns left empty). */
function eventRowCells(read: DayRead, event: EventRecord, office: OfficeContext) {
  return eventRowCellsAt(read.events!.table!.columns, event, office);
}

/** An event's whole row for the office's Events column layout (telephony appends its call events with it too). */
export function eventRowCellsAt(columns: Record<string, number>, event: EventRecord, office: OfficeContext) {
  const width = Math.max(...Object.values(columns)) + 1;
  const cells = Array.from({ length: width }, () => ({}) as ReturnType<typeof cellData>);
  const values = rowCells(event, office);
  for (const [key, value] of Object.entries(values)) {
    const column = columns[key] ?? -1;
    if (column >= 0) cells[column] = cellData(value, office.timeZone, event.allDay);
  }
  return cells;
}

/** Who the event is with: the index row the caller saw when it still holds that contact, else the resolver. */
function clientOf(input: LogEventInput, read: DayRead, office: OfficeContext): ClientRef {
  const hinted = read.index?.rows.get(input.indexRow ?? 0);
  if (hinted && input.noClient !== true && hinted.resourceName === String(input.client ?? '').trim()) {
    const indexed = { ...hinted, rowNumber: input.indexRow! };
    return { clientId: hinted.resourceName, name: hinted.entry.name, phone: hinted.entry.phones[0] ?? '', indexed };
  }
  return eventClient(input, office);
}

function withNewClient(input: LogEventInput, office: OfficeContext): LogEventInput {
  const { newClient, ...rest } = input;
  const added = addClientContact(newClientOf({ ...newClient!, from: newClient!.from || input.client }), office);
  return { ...rest, client: added.client.resourceName };
}

/** A logEvent repeated with the id it already wrote: finish what the first run may not have (its calendar event). */
function retried(read: DayRead, id: string, office: OfficeContext): EventView | undefined {
  let target;
  try {
    target = locateEvent(office, id, {});
  } catch {
    return undefined;
  }
  const existing = target.before;
  if (existing.status === 'planned' && !existing.calendarEventId) {
    const calendarEventId = syncCalendar({ ...existing }, existing, office, { recovering: true });
    if (calendarEventId) commitChange(target, { ...existing, calendarEventId }, office);
    existing.calendarEventId = calendarEventId;
  }
  void read;
  return eventView(existing);
}

export { changeEvent } from './change';

export type { EventRecord };
