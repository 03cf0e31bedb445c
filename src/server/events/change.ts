// Done, Result, Reschedule, Cancel, Assign and their Undo, each in as few requests as the APIs allow: one batch read
// of what the action touches (event-target.ts), at most one Calendar request, ONE atomic batchUpdate writing the
// Events row, the open-events store and the client's Card index row together, and the Gmail card told. The answer
// is a patch for the list the user is looking at (no reload) with a token to undo it.

import {
  appliedChange,
  changedCells,
  changeTarget,
  eventCells,
  EventRecord,
  eventViewOf,
  mayChangeEvent,
} from '../../core/events';
import { dayNumber, formatLocal, localDayKey } from '../../core/events/zone';
import type { EventChange, EventPatch, EventView, UndoToken } from '../../shared/events-dto';
import { announceIndexChange } from '../card-index/announce';
import { rememberWritten } from '../card-index/client-index';
import { indexRowCells } from '../card-index/index-sheet';
import { cellData, updateAt, updateCellsOfRow, writeBatch } from '../sheets/values-batch';
import { syncCalendar } from './calendar';
import { crmLineAfter } from '../clients/crm-line';
import { EventTarget, indexAfter, locateEvent } from './event-target';
import { accepted, logText } from './messages';
import { OfficeContext } from './office';
import { appendOpen, emptyOpen, eventsEndAt, replaceOpen } from './open-store';
import { scriptClock } from '../clock';
import { underWriteLock } from '../sheets/write-lock';
import { isAddon } from '../card-index/announce';
import { writeThroughSheet } from '../gmail/sheet-writes';
import { orderText } from '../../core/orders/messages';
import { orderStateLabel } from '../../core/orders/state';

type Request = GoogleAppsScript.Sheets.Schema.Request;
type Action = UndoToken['action'] | 'assign' | 'undo' | 'plan';

/** "Стрижка — Иванова Мария" : what the user recognises the event by in a message. */
function what(e: EventRecord): string {
  return [e.reason || e.kind, e.client].filter((s) => s.trim() !== '').join(' — ');
}

export function patchMessage(action: Action, e: EventRecord, office: OfficeContext): string {
  const params = { what: what(e), when: formatLocal(e.at, office.timeZone), manager: e.manager };
  if (action === 'order')
    return orderText(office.locale, 'patchOrder', {
      ...params,
      state: e.orderState ? orderStateLabel(e.orderState, office.locale) : '',
    });
  const key = (
    {
      done: 'patchDone',
      result: 'patchResult',
      reschedule: 'patchRescheduled',
      cancel: 'patchCancelled',
      assign: 'patchAssigned',
      undo: 'patchUndone',
      plan: 'patchPlanned',
    } as const
  )[action];
  return logText(office.locale, key, params);
}

/** The Events cells that differ between the two states, by the sheet's own column positions. */
function eventRequests(target: EventTarget, after: EventRecord, office: OfficeContext): Request[] {
  const events = target.read.events!;
  const statuses = office.lists.statuses;
  const changed = changedCells(
    eventCells(target.before, office.locale, statuses),
    eventCells(after, office.locale, statuses),
  );
  const cells = new Map<number, ReturnType<typeof cellData>>();
  for (const [key, value] of Object.entries(changed)) {
    const column = events.table!.columns[key] ?? -1;
    if (column >= 0) cells.set(column, cellData(value, office.timeZone, after.allDay));
  }
  return updateCellsOfRow(events.sheetId, target.before.rowNumber, cells);
}

/**
 * Writes the event's new state everywhere it shows, in one batchUpdate, and tells the Gmail card. The store row is
 * rewritten in place while the event stays open, emptied when it closes, and appended when it opens again (an emptied
 * row is never written into again: an append by someone else may have taken it).
 */
export function commitChange(target: EventTarget, after: EventRecord, office: OfficeContext) {
  const index = indexAfter(target.index, after);
  const indexRow = index?.rowNumber ?? 0;
  const requests: Request[] = eventRequests(target, after, office);
  const store = target.read.store;
  let storeRow = 0;
  if (store) {
    if (after.status === 'planned') {
      if (target.open) {
        storeRow = target.open.storeRow;
        requests.push(replaceOpen(store.sheetId, storeRow, after, indexRow));
      } else requests.push(appendOpen(store.sheetId, after, indexRow));
    } else if (target.open) requests.push(emptyOpen(store.sheetId, target.open.storeRow));
  }
  if (index) requests.push(updateAt(target.read.index!.sheetId, index.rowNumber, 0, cellsOf(indexRowCells(index))));
  if (store && after.rowNumber > store.eventsEnd) requests.push(eventsEndAt(store.sheetId, after.rowNumber));
  writeBatch(office.ss, requests);
  if (index) {
    rememberWritten(index);
    announceIndexChange([index]);
    // The phone's view of the client (its contact note's CRM line), in this execution.
    crmLineAfter(target.index?.entry, index.entry, office);
  }
  return { storeRow, indexRow };
}

function cellsOf(values: string[]) {
  return values.map((v) => cellData(v, 'UTC'));
}

export function patchOf(
  after: EventRecord,
  rows: { storeRow: number; indexRow: number },
  message: string,
  office: OfficeContext,
  undo?: UndoToken,
): EventPatch {
  const tz = office.timeZone;
  const day = localDayKey(after.at, tz);
  const hints = {
    ...(rows.storeRow ? { storeRow: rows.storeRow } : {}),
    ...(rows.indexRow ? { indexRow: rows.indexRow } : {}),
    ...(after.rowNumber ? { eventRow: after.rowNumber } : {}),
  };
  return {
    event: eventViewOf(after),
    open: after.status === 'planned',
    hints,
    day,
    overdue: after.status === 'planned' && dayNumber(day) < dayNumber(localDayKey(scriptClock.now(), tz)),
    message,
    ...(undo ? { undo: { ...undo, hints } } : {}),
  };
}

/**
 * Done, Result, Reschedule, Cancel, Assign: read and written under the write lock (sheets/write-lock.ts); the add-on
 * has the sheet project do it.
 */
export function changeEvent(change: EventChange): EventPatch {
  if (isAddon()) return writeThroughSheet<EventPatch>('changeEvent', [change]);
  return underWriteLock(() => changeEventNow(change));
}

function changeEventNow(change: EventChange): EventPatch {
  const office = new OfficeContext();
  const id = accepted(changeTarget(change), office);
  const target = locateEvent(office, id, change.hints);
  const before = target.before;
  const after = accepted(appliedChange(before, change, office, new Date(scriptClock.now())), office);
  after.calendarEventId = syncCalendar(before, after, office);
  const rows = commitChange(target, after, office);
  const undoable = change.action !== 'assign';
  return patchOf(
    after,
    rows,
    patchMessage(change.action, after, office),
    office,
    undoable
      ? {
          id,
          action: change.action as UndoToken['action'],
          before: eventViewOf(before),
          after: eventViewOf(after),
          ...(change.as ? { as: change.as } : {}),
        }
      : undefined,
  );
}

/** What an undo compares: the fields a person sees change (the calendar id is the CRM's own). */
function sameState(a: EventRecord, b: EventView): boolean {
  return (
    a.status === b.status &&
    a.at.getTime() === Date.parse(b.at) &&
    a.result === b.result &&
    a.nextStep === b.nextStep &&
    a.manager === b.manager &&
    a.amount === b.amount &&
    a.currency === b.currency &&
    a.orderState === b.orderState
  );
}

export function undoChange(token: UndoToken): EventPatch {
  if (isAddon()) return writeThroughSheet<EventPatch>('undoChange', [token]);
  return underWriteLock(() => undoChangeNow(token));
}

function undoChangeNow(token: UndoToken): EventPatch {
  const office = new OfficeContext();
  const id = accepted(changeTarget({ id: token?.id, action: 'cancel' }), office);
  if (!token.before || !token.after || token.before.id !== id || token.after.id !== id)
    throw new Error(logText(office.locale, 'badId', { value: id }));
  const target = locateEvent(office, id, token.hints);
  const now = target.before;
  // An undo is a change like any other: refused to whoever may not change this event now.
  accepted(mayChangeEvent(now, office, token.as), office);
  if (!sameState(now, token.after)) throw new Error(logText(office.locale, 'changedSince', { what: what(now) }));
  const b = token.before;
  // Back to the fields it had; the row, the client and who logged it are the row's own.
  const { doneAt: _doneAt, amount: _amount, currency: _currency, orderState: _state, ...rest } = now;
  const restored: EventRecord = {
    ...rest,
    // An order's money as it was (an event that was not an order before is not one again).
    ...(b.amount !== undefined ? { amount: b.amount } : {}),
    ...(b.currency !== undefined ? { currency: b.currency } : {}),
    ...(b.orderState !== undefined ? { orderState: b.orderState } : {}),
    at: new Date(b.at),
    allDay: b.allDay,
    status: b.status,
    result: b.result,
    nextStep: b.nextStep,
    manager: b.manager,
    // Undoing "done" makes it planned again (no done instant); undoing a reschedule of a done event restores it.
    ...(b.doneAt ? { doneAt: new Date(b.doneAt) } : {}),
  };
  restored.calendarEventId = syncCalendar(now, restored, office);
  const rows = commitChange(target, restored, office);
  return patchOf(restored, rows, patchMessage('undo', restored, office), office);
}
