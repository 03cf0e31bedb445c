// What the Reminders sidebar (and the CLI through the same functions) exchange with the server about the event log.
// Instants travel as ISO 8601 strings: google.script.run cannot carry a Date.

import type { Locale } from '../core/i18n/locale';
import type { AddClientInput } from './clients-dto';

export type EventStatus = 'planned' | 'done' | 'cancelled';

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
  /** 1-based sheet row when the event was read or written (0 when the write did not need to look it up); valid
   *  until the sheet is sorted again, so writes find the row by id. */
  rowNumber: number;
}

export interface EventView extends EventFields {
  /** ISO 8601 instant. */
  at: string;
}

export interface LastContactView {
  at: string;
  kind: string;
  reason: string;
}

export interface DueEventView extends EventView {
  overdue: boolean;
  lastContact: LastContactView | null;
}

export interface DueView {
  /** The moment the list is for (ISO) and the zone its days are counted in. */
  at: string;
  timeZone: string;
  groups: Array<{ manager: string; events: DueEventView[] }>;
  /** Damaged rows of the Events sheet (left out of the list), worded in English: the due list reads nothing else. */
  problems?: ProblemView[];
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
}

export interface ProblemView {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface RemindersView {
  locale: Locale;
  due: DueView;
  quiet: QuietClientView[];
  interested: Array<{ clientId: string; client: string; phone: string; at: string; reason: string }>;
  missedCalls: EventView[];
  /** Damaged rows of the Events sheet, reported, never fatal. */
  problems: ProblemView[];
  /** For the forms: the office's reference lists. */
  kinds: string[];
  reasons: string[];
  managers: string[];
}

export type EventChange =
  | { id: string; action: 'done'; result?: string; nextStep?: string }
  | { id: string; action: 'reschedule'; at: string }
  | { id: string; action: 'cancel' }
  | { id: string; action: 'assign'; manager: string };
