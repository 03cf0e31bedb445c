// What the Reminders sidebar (and the CLI through the same functions) exchange with the server about the event log.
// Instants travel as ISO 8601 strings: google.script.run cannot carry a Date.

import type { Locale } from '../core/i18n/locale';
import type { AddClientInput } from './clients-dto';

export type EventStatus = 'planned' | 'done' | 'cancelled';

/** Where an order stands (an order event's "Order state"): its funnel, offer → ordered → invoiced → paid. */
export type OrderState = 'offer' | 'ordered' | 'invoiced' | 'paid' | 'cancelled';

export interface LogEventInput {
  /**
   * Who: a contact resourceName (`people/c…`), an e-mail, a phone or a name as the office writes it. It must resolve to
   * ONE client (core/clients), else the event is refused with the candidates, unless `newClient` or `noClient` says
   * what the user chose instead.
   */
  client: string;
  /** The user chose "new client": the contact is created (or found by its e-mail/phone) and the event linked to it. */
  newClient?: AddClientInput;
  /** The user chose "without a client": the event names `client` as text only. */
  noClient?: boolean;
  kind: string;
  reason: string;
  /** When (ISO 8601); default now. For a planned event, when it is due. */
  at?: string;
  planned?: boolean;
  /** The responsible manager (a name from the Staff sheet); default: the person logging, if on staff. */
  manager?: string;
  note?: string;
  nextStep?: string;
  /**
   * The id to give the event, chosen by the caller so that a retry (a lost response, a double click) finds the row
   * the first attempt wrote instead of logging the event twice. Default: a new id.
   */
  id?: string;
  /** Set when this call repeats one whose answer was lost: only then is the log searched for `id` (one more call). */
  retry?: boolean;
  /** Where the client's Card index row was when the caller read it (ClientSummary.indexRow); checked, never trusted. */
  indexRow?: number;
  /** Where the Events sheet ended when the caller read the screen (RemindersView.eventsEnd): the new row's place. */
  eventsEnd?: number;
  /**
   * "Who am I" in a browser of the office's shared account: the Staff e-mail chosen there (AccessView.staff). It makes
   * that person the author and the default manager and applies their rules — a convenience, since Google cannot tell
   * who holds a shared account; ignored for anyone Google names (their own Staff row decides).
   */
  as?: string;
  /**
   * An order's money (the office's order kind and reason are the caller's to choose): a positive amount with at most
   * two decimals, up to 1e12; an ISO 4217 currency (default Settings → currency); its state. Checked before any write.
   */
  amount?: number;
  currency?: string;
  orderState?: OrderState;
}

/** What an event says, as the Events sheet holds it: the fields the core record and the view share. */
export interface EventFields {
  /** Our id ('' for a row typed by hand that has none yet: the adapter assigns one and writes it). */
  id: string;
  /** A date without a time: the event is for the whole day (its instant is local midnight). */
  allDay: boolean;
  kind: string;
  reason: string;
  /** The client's name as text (what people read and sort by). */
  client: string;
  /** The contact's resourceName ('people/c…'), or '' when the row names the client only by text. */
  clientId: string;
  /** A phone to call the client on, as the row holds it. */
  phone: string;
  /** The responsible manager's name, as in the Staff sheet. */
  manager: string;
  result: string;
  nextStep: string;
  status: EventStatus;
  calendarEventId: string;
  createdBy: string;
  /** An order event's money: the amount (a number, in `currency`), the ISO 4217 currency and the order's state. */
  amount?: number;
  currency?: string;
  orderState?: OrderState;
  /** A document made for the event (an offer or invoice PDF): its Drive link. */
  document?: string;
  /** 1-based sheet row when the event was read or written (0 when the write did not need to look it up); valid
   *  until the sheet is sorted again, so writes find the row by id. */
  rowNumber: number;
}

export interface EventView extends EventFields {
  /** ISO 8601 instant. */
  at: string;
  /** ISO 8601 instant a planned event was marked done (the Events sheet's "Done at"), when known. */
  doneAt?: string;
}

export interface LastContactView {
  at: string;
  kind: string;
  reason: string;
}

/**
 * Where a listed item was when the list was read: the row of its open-events store entry and of its client's Card
 * index row. Sent back with an action so it can read and patch those rows directly; the server checks the ids there
 * and searches when they moved (a sort, a row deleted by hand).
 */
export interface RowHints {
  storeRow?: number;
  indexRow?: number;
  /** The Events sheet row the store last saw the event at. */
  eventRow?: number;
  /**
   * Where the Events sheet ended when the list was read: an event appended since (its row not yet known) is looked
   * for in the rows just after it, in the same read as everything else, before any search.
   */
  eventsEnd?: number;
}

export interface DueEventView extends EventView {
  overdue: boolean;
  /** The local day it is due on ('yyyy-mm-dd', office zone). */
  day: string;
  lastContact: LastContactView | null;
  hints: RowHints;
}

export interface DueGroup {
  manager: string;
  events: DueEventView[];
  /** Events of this manager in the window (`events` may hold fewer: the rest is paged). */
  total: number;
}

export interface DueQuery {
  /** The moment the list is for (ISO; a time without an offset is office time). Default now. */
  at?: string;
  /** 0 (default) = today and overdue; 1 = also tomorrow; 7 = the week ahead. */
  days?: number;
  /** Only this manager's events (a Staff name); '' or absent = everyone's. */
  manager?: string;
  /** Paging over the whole sorted window: skip this many events. */
  offset?: number;
  /** At most this many events (default 50). */
  limit?: number;
  /** "Who am I" in a shared-account browser (LogEventInput.as): Settings → onlyOwn applies to that person. */
  as?: string;
}

export interface DueView {
  /** The moment the list is for (ISO) and the zone its days are counted in. */
  at: string;
  timeZone: string;
  /** The window: local days from..to inclusive ('yyyy-mm-dd'); overdue events are before `from`. */
  from: string;
  to: string;
  groups: DueGroup[];
  /** Events in the window (all managers, or the one asked for), and how many of them are overdue. */
  total: number;
  overdue: number;
  /** The paging that produced `groups`. */
  offset: number;
  /** Damaged rows of the store or the Events sheet (left out of the list), in the office's language. */
  problems?: ProblemView[];
}

export interface Page<T> {
  items: T[];
  /** How many there are in all (items may hold fewer). */
  total: number;
}

export interface InterestedView {
  clientId: string;
  client: string;
  phone: string;
  at: string;
  reason: string;
  hints: RowHints;
}

export interface MissedCallView {
  clientId: string;
  client: string;
  phone: string;
  /** The latest missed call (ISO) and how many since the last real contact. */
  at: string;
  count: number;
  hints: RowHints;
}

export interface BirthdayView {
  resourceName: string;
  name: string;
  phone: string;
  /** The local day of this year's birthday ('yyyy-mm-dd'), today or ahead. */
  day: string;
  /** Age on that day, when the birth year is known. */
  age: number | null;
  /** An event with the office's congratulation reason is already planned for the client: no second one is offered. */
  planned: boolean;
  hints: RowHints;
}

export interface QuietClientView {
  resourceName: string;
  name: string;
  phone: string;
  labels: string[];
  /** ISO, or null when the client was never contacted. */
  lastAt: string | null;
  days: number | null;
  dueDay: string;
  hints?: RowHints;
}

export interface ProblemView {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface RemindersView {
  locale: Locale;
  /** The office's zone (Settings → timeZone, else the spreadsheet's): every day and time shown is in it. */
  timeZone: string;
  /** The signed-in person's Staff name ('' when Google does not tell who it is, or they are not on the staff). */
  me: string;
  /** The manager filter applied ('' = everyone): the one asked for, else the signed-in staff member, else remembered. */
  manager: string;
  /** Where the Events sheet ended (a hint the log form sends back: LogEventInput.eventsEnd). */
  eventsEnd: number;
  /** Today and overdue (first page; getDue pages on and shows tomorrow / the week). */
  due: DueView;
  /** Planned events of tomorrow and of the 7 days ahead (counts only: getDue lists them). */
  ahead: { tomorrow: number; week: number };
  quiet: Page<QuietClientView>;
  interested: Page<InterestedView>;
  missedCalls: Page<MissedCallView>;
  /** Birthdays today and in the next 6 days. */
  birthdays: Page<BirthdayView>;
  /** Damaged rows, reported, never fatal. */
  problems: ProblemView[];
  /** For the forms: the office's reference lists. */
  kinds: string[];
  reasons: string[];
  managers: string[];
}

export interface ReminderQuery {
  at?: string;
  /** Only this manager's events (a Staff name); '' = everyone's; absent = the signed-in staff member's remembered choice. */
  manager?: string;
  /** "Who am I" in a shared-account browser (LogEventInput.as): whose tasks come first, and Settings → onlyOwn. */
  as?: string;
}

export type EventChange = (
  | { id: string; action: 'done'; result?: string; nextStep?: string }
  | { id: string; action: 'result'; result: string; nextStep?: string }
  | { id: string; action: 'reschedule'; at: string }
  | { id: string; action: 'cancel' }
  | { id: string; action: 'assign'; manager: string }
  /** An order's state, amount or currency changed (each optional, at least one): undone like the others. */
  | { id: string; action: 'order'; state?: OrderState; amount?: number; currency?: string }
) & {
  hints?: RowHints;
  /** "Who am I" in a shared-account browser (LogEventInput.as). */
  as?: string;
};

/**
 * What an undo needs: the event's fields before and after the change it reverts. Returned with the change and given
 * back by the sidebar (or kept by the CLI); the server refuses it when the event changed again since.
 */
export interface UndoToken {
  id: string;
  action: 'done' | 'cancel' | 'reschedule' | 'result' | 'order';
  before: EventView;
  after: EventView;
  /** Where the event's rows were right after the change. */
  hints?: RowHints;
  /** "Who am I" in a shared-account browser (LogEventInput.as), for the undo as for the change. */
  as?: string;
}

/** The answer to an action: what to patch in the list the sidebar shows, without reloading it. */
export interface EventPatch {
  event: EventView;
  /** The event left the open list (done, cancelled) — remove its row; otherwise replace it (rescheduled, restored). */
  open: boolean;
  /** Where the event's rows are now (for the next action on it). */
  hints: RowHints;
  /** The local day it is due on now ('yyyy-mm-dd'), for moving it between today / tomorrow / the week. */
  day: string;
  overdue: boolean;
  /** What the user is told, in their language and date format ("Перенесено на 02.12.2026 15:30"). */
  message: string;
  /** Present for done / cancel / reschedule / result: pass it to undoChange to revert. */
  undo?: UndoToken;
}
