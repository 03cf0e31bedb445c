// Logging an event and changing one: the Reminders sidebar, the Gmail card and the CLI all come through here.
// Decisions:
// - a new event is ONE appendRow (atomic in Sheets), so two people logging at the same moment both land; the row is
//   written first, so a Calendar failure never loses the event itself;
// - rows are found by id (TextFinder on the id column, or a fresh read), never by a position remembered from before;
// - a retried logEvent with the same `id` returns the row it already wrote instead of writing a second one;
// - changes run under the script lock: two people pressing Done on one event write one after the other.

import {
  canAssign,
  eventCells,
  EventRecord,
  newEventId,
  parseEventDate,
  ReferenceLists,
  RowProblem,
} from '../../core/events';
import type { EventChange, EventView, LogEventInput } from '../../shared/events-dto';
import type { CellValue } from '../sheets/table';
import { IndexedRow, noteEvent } from '../card-index/client-index';
import { syncCalendar } from './calendar';
import { resolveClient } from './resolve-contact';
import { logText } from './messages';
import { OfficeContext } from './office';
import { EventLog, eventsTable, readEvents } from './sheet';
import { eventView } from './views';

const ID = /^[A-Za-z0-9][\w.-]{0,63}$/;

function instant(text: string, office: OfficeContext): { at: Date; allDay: boolean } {
  const parsed = parseEventDate(String(text).trim(), office.timeZone);
  if (!parsed) throw new Error(logText(office.locale, 'badDate', { value: String(text).slice(0, 40) }));
  return parsed;
}

/** Ids must not collide between two executions started in the same millisecond, so the sequence part is random. */
function freshId(): string {
  return newEventId(Date.now(), Math.floor(Math.random() * 36 ** 4));
}

/** The index is a cache: failing to update it must not undo a logged event (the daily rebuild catches up). */
function touchIndex(event: EventRecord, known?: IndexedRow): void {
  try {
    noteEvent(event, known);
  } catch (e) {
    console.warn('The client index was not updated after an event change; the daily refresh will rebuild it.');
  }
}

function mayAssign(office: OfficeContext, manager: string): boolean {
  return canAssign(office.staff, office.actorEmail, manager);
}

function rowCells(event: EventRecord, office: OfficeContext): Record<string, CellValue> {
  return eventCells(event, office.locale, office.lists.statuses);
}

export function logEvent(input: LogEventInput): EventView {
  const office = new OfficeContext();
  const locale = office.locale;
  const kind = String(input?.kind ?? '').trim();
  if (!kind) throw new Error(logText(locale, 'noKind'));
  if (!String(input.client ?? '').trim()) throw new Error(logText(locale, 'noClient'));
  const requestedId = String(input.id ?? '').trim();
  if (requestedId && !ID.test(requestedId))
    throw new Error(logText(locale, 'badId', { value: requestedId.slice(0, 40) }));

  // A caller-chosen id may be a retry: the log is read to find the row the first attempt wrote.
  const log = requestedId ? readEvents(office, { now: new Date(), locale }) : undefined;
  const again = log && retried(log, requestedId, office);
  if (again) return again;

  const when = input.at ? instant(input.at, office) : { at: new Date(), allDay: false };
  const planned = input.planned === true;
  const manager = String(input.manager ?? '').trim() || office.actor?.name || '';
  // The office's shared account is not on the staff: it stands for the whole office, so it may name anyone. A staff
  // member may name themselves or, as a head, someone below them (core canAssign).
  if (input.manager && office.actor && !mayAssign(office, manager))
    throw new Error(logText(locale, 'cannotAssign', { manager }));
  const client = resolveClient(input.client, locale, office.settings.get('defaultCountry'));
  const note = String(input.note ?? '').trim();
  const nextStep = String(input.nextStep ?? '').trim();
  const event: EventRecord = {
    id: requestedId || freshId(),
    at: when.at,
    allDay: when.allDay,
    kind,
    reason: String(input.reason ?? '').trim(),
    client: client.name,
    clientId: client.clientId,
    phone: client.phone,
    manager,
    // A planned event's note is what to do, which the calendar reminder shows; a finished one's is what came of it.
    result: planned ? '' : note,
    nextStep: planned ? nextStep || note : nextStep,
    status: planned ? 'planned' : 'done',
    calendarEventId: '',
    createdBy: office.actorEmail,
    rowNumber: 0,
  };

  const table = log?.table ?? eventsTable(office);
  table.append([rowCells(event, office)]);
  if (planned) {
    event.calendarEventId = syncCalendar(undefined, event, office);
    event.rowNumber = table.findRow('id', event.id);
    if (event.rowNumber && event.calendarEventId)
      table.update(event.rowNumber, { calendarEventId: event.calendarEventId });
  }
  touchIndex(event, client.indexed);
  return eventView(event);
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

const CHANGED_KEYS = ['date', 'manager', 'result', 'nextStep', 'status', 'calendarEventId'] as const;

export function changeEvent(change: EventChange): EventView {
  const office = new OfficeContext();
  const locale = office.locale;
  const id = String(change?.id ?? '').trim();
  if (!id) throw new Error(logText(locale, 'badId', { value: '' }));
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(20_000)) throw new Error(logText(locale, 'busy'));
  try {
    const log = readEvents(office, { now: new Date(), locale });
    const before = log.events.find((e) => e.id === id);
    if (!before) throw new Error(logText(locale, 'notFound', { id }));
    const after: EventRecord = { ...before };
    switch (change.action) {
      case 'done':
        after.status = 'done';
        if (change.result !== undefined) after.result = String(change.result).trim();
        if (change.nextStep !== undefined) after.nextStep = String(change.nextStep).trim();
        break;
      case 'reschedule': {
        const when = instant(change.at, office);
        after.at = when.at;
        after.allDay = when.allDay;
        after.status = 'planned';
        break;
      }
      case 'cancel':
        after.status = 'cancelled';
        break;
      case 'assign': {
        const manager = String(change.manager ?? '').trim();
        if (!mayAssign(office, manager)) throw new Error(logText(locale, 'cannotAssign', { manager }));
        after.manager = manager;
        break;
      }
      default:
        throw new Error(
          logText(locale, 'unknownAction', { value: String((change as { action?: unknown }).action ?? '') }),
        );
    }
    after.calendarEventId = syncCalendar(before, after, office);
    const next = rowCells(after, office);
    const previous = rowCells(before, office);
    const changes: Record<string, CellValue> = {};
    for (const key of CHANGED_KEYS) {
      const a = next[key];
      const b = previous[key];
      const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
      if (!same) changes[key] = a;
    }
    log.table.update(before.rowNumber, changes);
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
