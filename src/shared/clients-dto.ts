// What the Client sidebar, the Reminders form, the Gmail card's actions and the CLI exchange with the server about
// clients: finding one, reading their card and history, changing the card, adding one. Instants are ISO strings.

import type { ClientSummary } from '../core/card-index/summary';
import type { Locale } from '../core/i18n/locale';
import type { EventView } from './events-dto';
import type { ClientMoney } from './orders-dto';

export type { ClientSummary };

export interface FindClientsInput {
  /** Name (any order, prefix, ё = е), phone (E.164 or a tail of 6+ digits), e-mail, label or manager. '' lists all. */
  query: string;
  label?: string;
  manager?: string;
  /** Only clients not contacted for the office's quiet period (Settings quietDays). */
  quiet?: boolean;
  /** Only clients whose birthday falls in the seven days from today. */
  birthdayThisWeek?: boolean;
  /** At most this many (default 50). */
  limit?: number;
  /** "Who am I" in a shared-account browser (events-dto LogEventInput.as): Settings → onlyOwn applies to that person. */
  as?: string;
}

export interface FindClientsResult {
  /** Best match first. */
  clients: ClientSummary[];
  /** How many matched before `limit`. */
  total: number;
  /** The limit applied (the input's, else the default). */
  limit: number;
}

/** What a text names: one client, several candidates (with what tells them apart), or no one. */
export type ResolveView =
  | { kind: 'one'; client: ClientSummary }
  | { kind: 'several'; candidates: ClientSummary[] }
  | { kind: 'none'; query: string };

/** Every field of the seed card, as the Client sidebar edits it and Google Contacts stores it. */
export interface ClientCard {
  resourceName: string;
  /** The contact's etag when it was read: a save sends it back so a change made elsewhere is never overwritten. */
  etag: string;
  familyName: string;
  givenName: string;
  middleName: string;
  labels: string[];
  phones: string[];
  emails: string[];
  /** `YYYY-MM-DD`, `--MM-DD` without a year, or ''. */
  birthday: string;
  /** `YYYY-MM-DD` or ''. */
  firstVisit: string;
  notes: string;
  /** Formatted addresses, one per line as Google shows them. */
  addresses: string[];
  company: string;
  title: string;
  manager: string;
}

export type ClientCardField = Exclude<keyof ClientCard, 'resourceName' | 'etag'>;
export type ClientCardChanges = Partial<Pick<ClientCard, ClientCardField>>;

export interface ClientHistoryInput {
  /** A resourceName, or any text the resolver takes (it must name one client). */
  client: string;
  /** Done and cancelled events to skip, newest first (default 0). */
  offset?: number;
  /** Page size (default 20). */
  limit?: number;
  /** "Who am I" in a shared-account browser (events-dto LogEventInput.as): Settings → onlyOwn applies to that person. */
  as?: string;
}

export interface ClientView {
  client: ClientCard & { name: string; lastContact: string | null; nextPlanned: string | null };
  /** Planned events, soonest first (overdue ones included): always whole. */
  planned: EventView[];
  /** Done and cancelled events, newest first: one page. */
  events: EventView[];
  /** How many done and cancelled events there are in all. */
  total: number;
  offset: number;
  limit: number;
  /** The client's orders and money per currency (core/orders/totals.ts), over the whole history, not the page. */
  money: ClientMoney;
}

export interface SaveClientInput {
  resourceName: string;
  /** The etag of the card as the user saw it. */
  etag: string;
  /** The card as the user saw it: what a change elsewhere is told apart from. */
  base: ClientCard;
  changes: ClientCardChanges;
}

export interface SaveClientResult {
  /** false when a field the user changed was also changed elsewhere, differently: nothing was written. */
  saved: boolean;
  client: ClientCard;
  /** Fields changed elsewhere since the user read the card, kept beside the user's own changes. */
  mergedFromElsewhere: ClientCardField[];
  /** Fields both changed, differently: the user decides (the card shows both values). */
  conflicts: Array<{ field: ClientCardField; mine: string | string[]; theirs: string | string[] }>;
}

export interface AddClientInput {
  /** "Name <e-mail>", a bare e-mail or a name. */
  from: string;
  phone?: string;
  labels?: string[];
  manager?: string;
}

export interface AddClientResult {
  /** false: a contact with this e-mail or phone exists; `client` is that contact and `matchedBy` says why. */
  created: boolean;
  client: ClientSummary;
  matchedBy?: 'email' | 'phone';
}

export type { EventView };

/** What the Client sidebar needs before its first search: its language, the office's zone and reference lists. */
export interface ClientSidebarSetup {
  locale: Locale;
  /** The spreadsheet's zone: dates and times are shown in it. */
  timeZone: string;
  /** The Lists sheet's kinds and reasons (the log form's choices), the Staff names, the contact labels. */
  kinds: string[];
  reasons: string[];
  managers: string[];
  labels: string[];
}
