// Logging an event and changing one: the Reminders sidebar, the Gmail card and the CLI all come through here.
// Decisions:
// - a new event is ONE appendRow (atomic in Sheets), so two people logging at the same moment both land; the row is
//   written first, so a Calendar failure never loses the event itself;
// - rows are found by id (TextFinder on the id column, or a fresh read), never by a position remembered from before;
// - a retried logEvent with the same `id` returns the row it already wrote instead of writing a second one;
// - changes run under the script lock: two people pressing Done on one event write one after the other.

import {
  appliedChange,
  changedCells,
  changeTarget,
  checkLogInput,
  eventCells,
  EventRecord,
  findEvent,
  newEventRecord,
  newEventTerms,
  ReferenceLists,
  RowProblem,
} from '../../core/events';
import type { EventChange, EventView, LogEventInput } from '../../shared/events-dto';
import type { CellValue } from '../sheets/table';
import { IndexedRow, noteEvent } from '../card-index/client-index';
import { addClientContact, newClientOf } from '../clients/add-client';
import { scriptClock } from '../clock';
import { syncCalendar } from './calendar';
import { eventClient } from '../clients/resolve';
import { accepted, logText } from './messages';
import { OfficeContext } from './office';
import { EventLog, eventsTable, readEvents } from './sheet';
import { eventView } from './views';

/** The index is a cache: failing to update it must not undo a logged event (the daily rebuild catches up). */
function touchIndex(event: EventRecord, known?: IndexedRow): void {
  try {
    noteEvent(event, known);
  } catch (e) {
    console.warn('The client index was not updated after an event change; the daily refresh will rebuild it.');
  }
}

function rowCells(event: EventRecord, office: OfficeContext): Record<string, CellValue> {
  return eventCells(event, office.locale, office.lists.statuses);
}

export function logEvent(input: LogEventInput): EventView {
  const office = new OfficeContext();
  // "New client": created, or found by its e-mail or phone; the event then names that contact.
  if (input?.newClient) input = withNewClient(input, office);
  const locale = office.locale;
  const checked = accepted(checkLogInput(input), office);

  // A caller-chosen id may be a retry: the log is read to find the row the first attempt wrote.
  const log = checked.id ? readEvents(office, { now: new Date(), locale }) : undefined;
  const again = log && retried(log, checked.id, office);
  if (again) return again;

  const terms = accepted(newEventTerms(input, office, scriptClock), office);
  // Who the event is with: ONE client the text resolves to (core/clients), or the text alone when the user chose
  // "without a client"; anything else is refused with the candidates before anything is written.
  const client = eventClient(input, office);
  const event = newEventRecord(input, checked, terms, client, {
    clock: scriptClock,
    random: Math.random,
    createdBy: office.actorEmail,
  });

  const table = log?.table ?? eventsTable(office);
  table.append([rowCells(event, office)]);
  if (event.status === 'planned') {
    event.calendarEventId = syncCalendar(undefined, event, office);
    event.rowNumber = table.findRow('id', event.id);
    if (event.rowNumber && event.calendarEventId)
      table.update(event.rowNumber, { calendarEventId: event.calendarEventId });
  }
  touchIndex(event, client.indexed);
  return eventView(event);
}

function withNewClient(input: LogEventInput, office: OfficeContext): LogEventInput {
  const { newClient, ...rest } = input;
  const added = addClientContact(newClientOf({ ...newClient!, from: newClient!.from || input.client }), office);
  return { ...rest, client: added.client.resourceName };
}

/** A logEvent repeated with the id it already wrote: finish what the first run may not have (its calendar event). */
function retried(log: EventLog, id: string, office: OfficeContext): EventView | undefined {
  const existing = log.events.find((e) => e.id === id);
  if (!existing) return undefined;
  if (existing.status === 'planned' && !existing.calendarEventId) {
    const calendarEventId = syncCalendar({ ...existing }, existing, office);
    if (calendarEventId) {
      log.table.update(existing.rowNumber, { calendarEventId });
      existing.calendarEventId = calendarEventId;
    }
  }
  return eventView(existing);
}

export function changeEvent(change: EventChange): EventView {
  const office = new OfficeContext();
  const locale = office.locale;
  const id = accepted(changeTarget(change), office);
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(20_000)) throw new Error(logText(locale, 'busy'));
  try {
    const log = readEvents(office, { now: new Date(), locale });
    const before = accepted(findEvent(log.events, id), office);
    const after = accepted(appliedChange(before, change, office), office);
    after.calendarEventId = syncCalendar(before, after, office);
    log.table.update(before.rowNumber, changedCells(rowCells(before, office), rowCells(after, office)));
    touchIndex(after);
    return eventView(after);
  } finally {
    lock.releaseLock();
  }
}

export interface EventLogRead {
  events: EventRecord[];
  problems: RowProblem[];
  timeZone: string;
  lists: ReferenceLists;
}

/** The whole log for adapters that need every event (the index, the daily routine): one read of Events and Lists. */
export function readEventLog(now: Date = new Date()): EventLogRead {
  const office = new OfficeContext();
  const log = readEvents(office, { now, locale: office.locale });
  return { events: log.events, problems: log.problems, timeZone: office.timeZone, lists: office.lists };
}

export type { EventRecord };
