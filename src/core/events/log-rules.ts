// The rules of logging an event and changing one, without the sheet, the calendar or the contacts: what input is
// refused, who may be made responsible, what a new event's row says, what each change does to a record and which
// cells a change rewrites. The server adapter reads, calls these and writes; a refusal comes back as a message key
// and its parameters, which the adapter words in the office's language.

import type { EventChange, EventFields, LogEventInput } from '../../shared/events-dto';
import type { CellValue } from '../sheets/cell-text';
import type { Clock } from '../ports/clock';
import type { Identity } from '../roles/identity';
import { mayAssign, mayChange } from '../roles/event-rights';
import { StaffMember } from './lists';
import { freshEventId } from './ids';
import { EventRecord, parseEventDate } from './row';
import { hasOrder, newOrderFields, OrderCheck, orderChange } from '../orders/input';

/** An order check's value, or its problem as the log's refusal. */
function orderChecked<T>(check: OrderCheck<T>): Checked<T> {
  return check.ok ? accept(check.value) : refuse(check.problem.key, { value: check.problem.value });
}

/**
 * The money of an event being logged: none when the request names neither an amount nor a state, else the checked
 * amount, currency (default the office's) and state (default 'ordered').
 */
export function orderTerms(
  input: LogEventInput,
  officeCurrency: string,
): Checked<Pick<EventFields, 'amount' | 'currency' | 'orderState'>> {
  return hasOrder(input) ? orderChecked(newOrderFields(input, officeCurrency)) : accept({});
}

/** Why a log or change was refused: a key of the event log's messages and what fills its placeholders. */
export interface Refusal {
  key:
    | 'noKind'
    | 'noClient'
    | 'badId'
    | 'badDate'
    | 'cannotAssign'
    | 'cannotChange'
    | 'notOnStaff'
    | 'unknownAction'
    | 'notFound'
    // An order's money refused (core/orders/input.ts; worded by core/orders/messages.ts).
    | 'badAmountInput'
    | 'badCurrency'
    | 'badOrderState'
    | 'notAnOrder';
  params: Record<string, string>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

const accept = <T>(value: T): Checked<T> => ({ ok: true, value });
const refuse = <T>(key: Refusal['key'], params: Record<string, string> = {}): Checked<T> => ({
  ok: false,
  refusal: { key, params },
});

/**
 * Who is acting and the office around them. Each field is read only when a decision needs it, so an adapter may
 * fetch it lazily (a getter): a done event without a date or a manager never costs the Staff sheet or the zone.
 */
export interface ActingOffice {
  /** The spreadsheet's zone: typed dates are wall-clock times there. */
  readonly timeZone: string;
  /** Lower-case e-mail of the person acting ('' when unknown). */
  readonly actorEmail: string;
  /** Their Staff row; undefined for the office's shared account, which stands for the whole office. */
  readonly actor: StaffMember | undefined;
  readonly staff: StaffMember[];
  /**
   * Who is acting and with which role (core/roles/identity.ts); `chosen` is the staff member a shared-account browser
   * says it is. Asked only when a rule needs it: telling the office account from a stranger costs the owner lookup.
   */
  identity(chosen?: string): Identity;
}

/** Ids people and scripts may choose: they go into cells, calendar descriptions and CLI arguments. */
const ID = /^[A-Za-z0-9][\w.-]{0,63}$/;

/** Quoted values are cut: a refusal must stay one readable line whatever was pasted. */
const quoted = (value: unknown) => String(value).slice(0, 40);

/** A typed date or date-time read in the office's zone, or the badDate refusal. */
export function readEventDate(text: string, timeZone: string): Checked<{ at: Date; allDay: boolean }> {
  const parsed = parseEventDate(String(text).trim(), timeZone);
  return parsed ? accept(parsed) : refuse('badDate', { value: quoted(text) });
}

/** The moment a list is asked for (ISO), now when not given, or the badDate refusal. */
export function readMoment(at: string | undefined, clock: Clock, timeZone?: string): Checked<Date> {
  if (at === undefined || at === null || at === '') return accept(new Date(clock.now()));
  // A wall-clock time without an offset ("2026-12-02T10:00") is the office's, wherever the caller runs.
  const zoned = timeZone ? parseEventDate(String(at), timeZone) : undefined;
  if (zoned) return accept(zoned.at);
  const moment = new Date(String(at));
  return isNaN(moment.getTime()) ? refuse('badDate', { value: quoted(at) }) : accept(moment);
}

/** What a log request must say before anything is read: a kind, a client and, if chosen, a well-formed id. */
export function checkLogInput(input: LogEventInput): Checked<{ kind: string; id: string }> {
  const kind = String(input?.kind ?? '').trim();
  if (!kind) return refuse('noKind');
  if (!String(input.client ?? '').trim()) return refuse('noClient');
  const id = String(input.id ?? '').trim();
  if (id && !ID.test(id)) return refuse('badId', { value: quoted(id) });
  return accept({ kind, id });
}

export interface NewEventTerms {
  at: Date;
  allDay: boolean;
  manager: string;
  /** Who the event records as its author: the person acting, or the staff member a shared browser chose to be. */
  createdBy: string;
}

/**
 * When a new event is and who is responsible: the given date (else now) and the given manager (else the person
 * logging, when on the staff). Who may be named is core/roles/event-rights.ts: the office account anyone, a staff
 * member themselves or someone below them, a user Google leaves blank or who is not on the staff no one (the event
 * stays unassigned). A shared-account browser's "who am I" (`as`) makes that person the author, the default manager
 * and the one whose rules apply; for anyone else `as` is ignored.
 */
export function newEventTerms(input: LogEventInput, office: ActingOffice, clock: Clock): Checked<NewEventTerms> {
  let when = { at: new Date(clock.now()), allDay: false };
  if (input.at) {
    const read = readEventDate(input.at, office.timeZone);
    if (!read.ok) return read;
    when = read.value;
  }
  const named = String(input.manager ?? '').trim();
  const chosen = String(input.as ?? '').trim();
  // Who is acting is asked only when it matters: the plain case (no manager named, no choice) costs no owner lookup.
  const who = named || chosen ? office.identity(chosen || undefined) : undefined;
  const member = who ? who.member : office.actor;
  const manager = named || member?.name || '';
  if (named && who && !mayAssign(who, office.staff, named)) return refuse('cannotAssign', { manager: named });
  const createdBy = authorOf(chosen, who, office);
  return accept({ ...when, manager, createdBy });
}

/**
 * Who a write records as its author: the staff member a shared-account browser chose to be (`chosen`, when the
 * identity is the shared account's), else the person acting. Events and mailings alike.
 */
export function authorOf(chosen: string, who: Identity | undefined, office: Pick<ActingOffice, 'actorEmail'>): string {
  return (chosen && who?.mode === 'shared' && who.member?.email) || office.actorEmail;
}

/** The client as the contacts resolved it. */
export interface EventClient {
  name: string;
  clientId: string;
  phone: string;
}

export interface NewEventSources {
  clock: Clock;
  /** [0, 1): the sequence part of a fresh id, so two executions started in the same millisecond do not collide. */
  random: () => number;
  createdBy: string;
}

/**
 * The record a log request writes. A planned event's note is what to do, which the calendar reminder shows; a
 * finished one's is what came of it. The calendar event id and the row are the adapter's to fill once written.
 */
export function newEventRecord(
  input: LogEventInput,
  checked: { kind: string; id: string },
  terms: Omit<NewEventTerms, 'createdBy'>,
  client: EventClient,
  sources: NewEventSources,
): EventRecord {
  const planned = input.planned === true;
  const note = String(input.note ?? '').trim();
  const nextStep = String(input.nextStep ?? '').trim();
  return {
    id: checked.id || freshEventId(sources.clock.now(), sources.random),
    at: terms.at,
    allDay: terms.allDay,
    kind: checked.kind,
    reason: String(input.reason ?? '').trim(),
    client: client.name,
    clientId: client.clientId,
    phone: client.phone,
    manager: terms.manager,
    result: planned ? '' : note,
    nextStep: planned ? nextStep || note : nextStep,
    status: planned ? 'planned' : 'done',
    calendarEventId: '',
    createdBy: sources.createdBy,
    rowNumber: 0,
  };
}

/** The id a change names, checked before the lock is taken and the log read. */
export function changeTarget(change: EventChange): Checked<string> {
  const id = String(change?.id ?? '').trim();
  return id ? accept(id) : refuse('badId', { value: '' });
}

/** The event a change names among those read, or the notFound refusal (someone may have deleted the row). */
export function findEvent(events: EventRecord[], id: string): Checked<EventRecord> {
  const event = events.find((e) => e.id === id);
  return event ? accept(event) : refuse('notFound', { id });
}

const ACTIONS: string[] = ['done', 'result', 'reschedule', 'cancel', 'assign', 'order'];

/**
 * Whether the person acting may change `event` at all (core/roles/event-rights.ts mayChange): the identity it was
 * decided for, or why not — someone not on the staff is told so, a colleague whose event it is not is told whose it is.
 */
export function mayChangeEvent(event: EventRecord, office: ActingOffice, chosen?: string): Checked<Identity> {
  const who = office.identity(String(chosen ?? '').trim() || undefined);
  if (mayChange(who, office.staff, event.manager)) return accept(who);
  return who.member ? refuse('cannotChange', { manager: event.manager }) : refuse('notOnStaff');
}

/**
 * The record after a change. Done keeps the date and takes the result and next step given; reschedule moves the
 * event and makes it planned again, even one already done or cancelled (it is happening after all), forgetting when it
 * was done; done records `now` as the done instant of an event that was planned; cancel keeps
 * everything but the status; assign is refused unless the person acting may make that manager responsible.
 */
export function appliedChange(
  before: EventRecord,
  change: EventChange,
  office: ActingOffice,
  now: Date = new Date(),
): Checked<EventRecord> {
  const action = String((change as { action?: unknown }).action ?? '');
  if (!ACTIONS.includes(action)) return refuse('unknownAction', { value: action });
  const rights = mayChangeEvent(before, office, change.as);
  if (!rights.ok) return rights;
  const after: EventRecord = { ...before };
  switch (change.action) {
    case 'done':
      // The instant it was done, for "done on time vs late": set when a planned event is closed, kept when one already
      // done is marked again (a second click, a result added), never invented for an event logged as done.
      if (before.status === 'planned') after.doneAt = new Date(now.getTime());
      after.status = 'done';
      if (change.result !== undefined) after.result = String(change.result).trim();
      if (change.nextStep !== undefined) after.nextStep = String(change.nextStep).trim();
      return accept(after);
    case 'result':
      after.result = String(change.result ?? '').trim();
      if (change.nextStep !== undefined) after.nextStep = String(change.nextStep).trim();
      return accept(after);
    case 'reschedule': {
      const when = readEventDate(change.at, office.timeZone);
      if (!when.ok) return when;
      // Planned again: whenever it was done before no longer says when this follow-up is done.
      const { doneAt: _done, ...open } = after;
      return accept({ ...open, at: when.value.at, allDay: when.value.allDay, status: 'planned' });
    }
    case 'cancel':
      return accept({ ...after, status: 'cancelled' });
    case 'assign': {
      const manager = String(change.manager ?? '').trim();
      return mayAssign(rights.value, office.staff, manager)
        ? accept({ ...after, manager })
        : refuse('cannotAssign', { manager });
    }
    case 'order': {
      // The state, amount or currency given; the event's status and date are left as they are (paying an invoice is
      // not the event being done or moved). An event that is not an order yet becomes one only by naming a state.
      const money = orderChecked(orderChange(change));
      if (!money.ok) return money;
      if (!before.orderState && !money.value.orderState) return refuse('notAnOrder');
      return accept({ ...after, ...money.value });
    }
    default:
      return refuse('unknownAction', { value: String((change as { action?: unknown }).action ?? '') });
  }
}

/** The cells a change may rewrite: the id, client and who logged it stay as first written. */
const CHANGEABLE = [
  'date',
  'manager',
  'result',
  'nextStep',
  'status',
  'calendarEventId',
  'doneAt',
  'amount',
  'currency',
  'orderState',
  'document',
] as const;

/** The changeable cells whose value differs (dates by instant), so a change writes only what it changed. */
export function changedCells(
  before: Record<string, CellValue>,
  after: Record<string, CellValue>,
): Record<string, CellValue> {
  const changes: Record<string, CellValue> = {};
  for (const key of CHANGEABLE) {
    const a = after[key];
    const b = before[key];
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    if (!same) changes[key] = a;
  }
  return changes;
}
