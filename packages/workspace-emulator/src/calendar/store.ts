// The account's calendars and events. Times are instants (epoch ms); an all-day event also keeps its dates, because an
// all-day event is a date range, not a time range, and its instants depend on the calendar's zone.
//
// Uncounted accessors (`allEvents`, `eventsOf`, `event`...) are for tests and the sandbox; they return copies. Hooks
// that stand for what people do in the Calendar UI (`respond`, `deleteByUser`) let tests check that a project
// copes with it.

import { createHash } from 'node:crypto';
import { DailyQuota } from '../script/daily-quota';
import {
  NEW_CALENDAR_ALL_DAY_DEFAULT_REMINDERS,
  NEW_CALENDAR_DEFAULT_REMINDERS,
  CalendarNotification,
  notificationsOf,
  PersonDefaults,
  Reminder,
} from './notifications';

export type GuestStatusName = 'INVITED' | 'YES' | 'NO' | 'MAYBE' | 'OWNER';

export interface GuestRecord {
  email: string;
  status: GuestStatusName;
}

export interface CalendarRecord {
  id: string;
  name: string;
  timeZone: string;
  /** The account's primary calendar (its id is the account's e-mail). */
  primary: boolean;
  /** Owned by the account, as opposed to subscribed. */
  owned: boolean;
}

export interface EventRecord {
  /** iCalUID, e.g. `a1b2…@google.com`: what CalendarEvent.getId() returns. */
  id: string;
  calendarId: string;
  title: string;
  description: string;
  location: string;
  allDay: boolean;
  /** Start instant; for an all-day event, midnight of `startDate` in the calendar's zone. */
  start: number;
  /** End instant (exclusive); for an all-day event, midnight of `endDate` (exclusive) in the calendar's zone. */
  end: number;
  /** All-day events: `YYYY-MM-DD`. */
  startDate?: string;
  /** All-day events: `YYYY-MM-DD`, exclusive. */
  endDate?: string;
  /** The zone a Calendar API client gave with `start.timeZone` (CalendarApp never sets one). */
  startTimeZone?: string;
  /** The zone a Calendar API client gave with `end.timeZone`. */
  endTimeZone?: string;
  guests: GuestRecord[];
  /** New events use the calendar's default reminders until the script sets its own. */
  useDefaultReminders: boolean;
  popupReminders: number[];
  emailReminders: number[];
  /** CalendarEvent tags: the Calendar API's private extended properties. */
  tags: Record<string, string>;
  creator: string;
  created: number;
  updated: number;
  deleted: boolean;
  /** Guests that were e-mailed an invitation (createEvent with `sendInvites: true`). */
  invited: string[];
}

export interface CalendarLimits {
  /**
   * "Calendar events created: 5,000 / day" for consumer accounts, 10,000 for Workspace
   * (https://developers.google.com/apps-script/guides/services/quotas).
   */
  eventsCreatedPerDay: number;
  /**
   * Opt-in burst limit on creations and deletions: Google rejects bursts with "You have been creating or deleting too
   * many calendars or calendar events in a short time. Please try again later." but publishes no threshold, so it is
   * off unless a test sets one.
   */
  burst?: { count: number; windowMs: number };
  /**
   * UNVERIFIED Google behaviour, off by default: getEventById may return an event that was deleted (the Calendar API
   * keeps it as "cancelled"). Turn on to check a project does not rely on getting null.
   */
  deletedEventsFoundById?: boolean;
}

interface CalendarJSON {
  seq?: number;
  calendars?: CalendarRecord[];
  events?: EventRecord[];
  created?: unknown;
  limits?: Partial<CalendarLimits>;
  defaultReminders?: Record<string, PersonDefaults>;
}

const copyEvent = (e: EventRecord): EventRecord => ({
  ...e,
  guests: e.guests.map((g) => ({ ...g })),
  popupReminders: e.popupReminders.slice(),
  emailReminders: e.emailReminders.slice(),
  tags: { ...e.tags },
  invited: e.invited.slice(),
});

export class CalendarStore {
  private readonly calendars = new Map<string, CalendarRecord>();
  private readonly events = new Map<string, EventRecord>();
  private seq: number;
  readonly limits: CalendarLimits;
  readonly createdQuota: DailyQuota;
  private recentChanges: number[] = [];
  /** People's own calendar defaults (lower-cased e-mail); anyone not here has a new calendar's. */
  private readonly defaults = new Map<string, PersonDefaults>();

  private constructor(json: CalendarJSON) {
    this.seq = json.seq ?? 0;
    for (const c of json.calendars ?? []) this.calendars.set(c.id, { ...c });
    for (const e of json.events ?? []) this.events.set(e.id, copyEvent(e));
    this.limits = { eventsCreatedPerDay: 5000, ...json.limits };
    this.createdQuota = new DailyQuota(this.limits.eventsCreatedPerDay, json.created);
    for (const [email, d] of Object.entries(json.defaultReminders ?? {})) this.defaults.set(email, d);
  }

  static fromJSON(json: unknown): CalendarStore {
    return new CalendarStore(json && typeof json === 'object' ? (json as CalendarJSON) : {});
  }

  toJSON(): CalendarJSON {
    return {
      seq: this.seq,
      calendars: this.allCalendars(),
      events: this.allEvents({ includeDeleted: true }),
      created: this.createdQuota.toJSON(),
      limits: { ...this.limits },
      defaultReminders: Object.fromEntries(this.defaults),
    };
  }

  /** A person set their calendar's default notifications (Calendar settings → Event notifications). */
  setDefaultReminders(email: string, timed: Reminder[], allDay: Reminder[] = []): void {
    this.defaults.set(email.toLowerCase(), {
      timed: timed.map((r) => ({ ...r })),
      allDay: allDay.map((r) => ({ ...r })),
    });
  }

  /** A person's calendar defaults: theirs if set, else a new calendar's. */
  defaultRemindersOf(email: string): PersonDefaults {
    const d = this.defaults.get(email.toLowerCase());
    return {
      timed: (d?.timed ?? NEW_CALENDAR_DEFAULT_REMINDERS).map((r) => ({ ...r })),
      allDay: (d?.allDay ?? NEW_CALENDAR_ALL_DAY_DEFAULT_REMINDERS).map((r) => ({ ...r })),
    };
  }

  /**
   * Who will be reminded of an event and how (notifications.ts): the event's own reminders go to the account that
   * owns its calendar, each guest who has not declined gets their own defaults. Takes the iCalUID or the Calendar
   * API's id (the iCalUID without `@google.com`). E-mailed invitations are the event's `invited`.
   */
  notificationsFor(eventId: string): CalendarNotification[] {
    const e = this.events.get(eventId) ?? this.events.get(`${eventId}@google.com`);
    if (!e) throw new Error(`no event ${eventId}`);
    return notificationsOf(e, e.creator, (email) => this.defaultRemindersOf(email));
  }

  /** Workspace accounts may create 10,000 events a day; consumer accounts 5,000. */
  setDailyCreateLimit(limit: number): void {
    this.limits.eventsCreatedPerDay = limit;
    this.createdQuota.limit = limit;
  }

  /** The account's primary calendar, created on first use (its id is the account's e-mail). */
  ensurePrimary(email: string, timeZone: string): CalendarRecord {
    let c = this.calendars.get(email);
    if (!c) {
      c = { id: email, name: email, timeZone, primary: true, owned: true };
      this.calendars.set(email, c);
    }
    return { ...c };
  }

  /** Another calendar the account owns or is subscribed to (tests, the sandbox). */
  addCalendar(c: { id: string; name: string; timeZone: string; owned?: boolean }): CalendarRecord {
    const record: CalendarRecord = {
      id: c.id,
      name: c.name,
      timeZone: c.timeZone,
      primary: false,
      owned: c.owned ?? true,
    };
    this.calendars.set(c.id, record);
    return { ...record };
  }

  calendar(id: string): CalendarRecord | undefined {
    const c = this.calendars.get(id);
    return c && { ...c };
  }

  allCalendars(): CalendarRecord[] {
    return [...this.calendars.values()].map((c) => ({ ...c }));
  }

  /** Every event, in start order (copies). Deleted events only when asked. */
  allEvents(options: { includeDeleted?: boolean } = {}): EventRecord[] {
    return [...this.events.values()]
      .filter((e) => options.includeDeleted || !e.deleted)
      .sort((a, b) => a.start - b.start || a.created - b.created)
      .map(copyEvent);
  }

  eventsOf(calendarId: string, options: { includeDeleted?: boolean } = {}): EventRecord[] {
    return this.allEvents(options).filter((e) => e.calendarId === calendarId);
  }

  /** One event by iCalUID, deleted or not (a copy). */
  event(id: string): EventRecord | undefined {
    const e = this.events.get(id);
    return e && copyEvent(e);
  }

  /** A guest answered the invitation in their own calendar. */
  respond(eventId: string, email: string, status: Exclude<GuestStatusName, 'OWNER'>): void {
    const g = this.events.get(eventId)?.guests.find((x) => x.email.toLowerCase() === email.toLowerCase());
    if (!g) throw new Error(`${email} is not a guest of ${eventId}`);
    g.status = status;
  }

  /** Someone deleted the event in the Calendar UI. */
  deleteByUser(eventId: string, at: number): void {
    const e = this.events.get(eventId);
    if (!e) throw new Error(`no event ${eventId}`);
    e.deleted = true;
    e.updated = at;
  }

  /** @internal The live record, for the service. */
  live(id: string): EventRecord | undefined {
    return this.events.get(id);
  }

  /** @internal */
  liveOf(calendarId: string): EventRecord[] {
    return [...this.events.values()].filter((e) => e.calendarId === calendarId);
  }

  /** @internal A fresh Google-like iCalUID: 26 base32hex characters `@google.com`. */
  newEventId(calendarId: string): string {
    this.seq += 1;
    const digest = createHash('sha256').update(`${calendarId}\n${this.seq}`).digest();
    const alphabet = '0123456789abcdefghijklmnopqrstuv';
    let id = '';
    for (let i = 0; i < 26; i++) id += alphabet[digest[i] % 32];
    return `${id}@google.com`;
  }

  /** @internal */
  insert(e: EventRecord): void {
    this.events.set(e.id, e);
  }

  /** @internal Burst check for creations and deletions; true if allowed (and recorded). */
  burstAllows(now: number): boolean {
    const burst = this.limits.burst;
    if (!burst) return true;
    this.recentChanges = this.recentChanges.filter((t) => t > now - burst.windowMs);
    if (this.recentChanges.length >= burst.count) return false;
    this.recentChanges.push(now);
    return true;
  }
}
