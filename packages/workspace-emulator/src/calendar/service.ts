// CalendarApp and Calendar for the Workspace's account. Every call that reaches Google's servers is a counted
// round trip (`CalendarApp.<method>`, `CalendarApp.Calendar.<method>`); limits and wording are in rules.ts.
// https://developers.google.com/apps-script/reference/calendar/calendar-app

import { ServiceContext } from '../context';
import { GasException } from '../errors';
import { Emulated, enumOf, signatureMismatch } from '../script/emulated';
import { dateKey, midnightOf } from '../script/time-zone';
import { CalendarEvent, setAllDay } from './event';
import { BURST, DAILY_QUOTA, parseGuests, requireDate, requireOrder, requireString } from './rules';
import { CalendarRecord, CalendarStore, EventRecord } from './store';
import { jsonBytes } from '../wire-size';

type Options = { [key: string]: unknown };

function optionsOf(value: unknown, method: string, args: readonly unknown[]): Options {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) throw signatureMismatch(method, args);
  return value as Options;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** Search terms match case-insensitively; every word must appear in the title, description, location or guests. */
function matches(e: EventRecord, search: string): boolean {
  const haystack = [e.title, e.description, e.location, ...e.guests.map((g) => g.email)].join('\n').toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** What Calendar and CalendarApp share: one calendar, found by id, with the account's e-mail as owner. */
class CalendarCore {
  constructor(
    readonly store: CalendarStore,
    readonly ctx: ServiceContext,
    readonly calendarId: string,
  ) {}

  record(): CalendarRecord {
    const c = this.store.calendar(this.calendarId);
    if (!c) throw new GasException(`Calendar not found: ${this.calendarId}`);
    return c;
  }

  /** Counts a creation against the daily quota (and the burst limit, when a test set one). */
  #admit(now: number): void {
    if (this.store.createdQuota.used(now) >= this.store.limits.eventsCreatedPerDay) throw new GasException(DAILY_QUOTA);
    if (!this.store.burstAllows(now)) throw new GasException(BURST);
    this.store.createdQuota.record(now);
  }

  #insert(title: string, options: Options, shape: (e: EventRecord, zone: string) => void): CalendarEvent {
    const guests = parseGuests(options.guests);
    const now = this.ctx.clock.now();
    this.#admit(now);
    const e: EventRecord = {
      id: this.store.newEventId(this.calendarId),
      calendarId: this.calendarId,
      title,
      description: text(options.description),
      location: text(options.location),
      allDay: false,
      start: 0,
      end: 0,
      guests: guests.map((email) => ({ email, status: 'INVITED' })),
      useDefaultReminders: true,
      popupReminders: [],
      emailReminders: [],
      tags: {},
      creator: this.ctx.session.email,
      created: now,
      updated: now,
      deleted: false,
      invited: options.sendInvites === true ? guests.slice() : [],
    };
    shape(e, this.record().timeZone);
    this.store.insert(e);
    return new CalendarEvent(this.store, this.ctx, e.id);
  }

  /** What events moved over the wire: their records' JSON (a CalendarEvent handle carries the event resource). */
  #eventBytes = (events: CalendarEvent | CalendarEvent[] | null): number => {
    const list = events === null ? [] : Array.isArray(events) ? events : [events];
    return jsonBytes(list.map((e) => this.store.live(e.getId()) ?? null));
  };

  createEvent(service: string, args: readonly unknown[]): CalendarEvent {
    const [title, startTime, endTime, options] = args;
    const t = requireString(title, service, args);
    const start = requireDate(startTime, service, args);
    const end = requireDate(endTime, service, args);
    const opts = optionsOf(options, service, args);
    return this.ctx.call(
      service,
      () => {
        requireOrder(start, end);
        return this.#insert(t, opts, (e) => {
          e.start = start;
          e.end = end;
        });
      },
      { sent: args, received: this.#eventBytes },
    );
  }

  /** (title, date[, options]) or (title, startDate, endDate[, options]); the end date is exclusive. */
  createAllDayEvent(service: string, args: readonly unknown[]): CalendarEvent {
    const [title, first, second, third] = args;
    const t = requireString(title, service, args);
    const startMs = requireDate(first, service, args);
    const endMs = second instanceof Date ? requireDate(second, service, args) : undefined;
    const opts = optionsOf(second instanceof Date ? third : second, service, args);
    return this.ctx.call(
      service,
      () => {
        const zone = this.record().timeZone;
        const from = dateKey(zone, startMs);
        const to = endMs === undefined ? dateKey(zone, midnightOf(zone, from, 1)) : dateKey(zone, endMs);
        requireOrder(Date.parse(from), Date.parse(to));
        return this.#insert(t, opts, (e, z) => setAllDay(e, z, from, to));
      },
      { sent: args, received: this.#eventBytes },
    );
  }

  #visible(e: EventRecord): boolean {
    return e.calendarId === this.calendarId && !e.deleted;
  }

  getEventById(service: string, iCalId: unknown): CalendarEvent | null {
    if (typeof iCalId !== 'string') throw signatureMismatch(service, [iCalId]);
    return this.ctx.call(
      service,
      () => {
        const e = this.store.live(iCalId);
        if (!e || e.calendarId !== this.calendarId) return null;
        if (e.deleted && !this.store.limits.deletedEventsFoundById) return null;
        return new CalendarEvent(this.store, this.ctx, e.id);
      },
      { sent: iCalId, received: this.#eventBytes },
    );
  }

  /** Events that start, end or are in progress in [start, end), in start order. */
  getEvents(service: string, args: readonly unknown[]): CalendarEvent[] {
    const [startTime, endTime, options] = args;
    const from = requireDate(startTime, service, args);
    const to = requireDate(endTime, service, args);
    const opts = optionsOf(options, service, args);
    return this.ctx.call(
      service,
      () => {
        let found = this.store
          .liveOf(this.calendarId)
          .filter((e) => this.#visible(e) && e.start < to && e.end > from)
          .filter((e) => opts.search === undefined || matches(e, String(opts.search)))
          .sort((a, b) => a.start - b.start || a.created - b.created);
        if (opts.start !== undefined) found = found.slice(Math.max(0, Number(opts.start)));
        if (opts.max !== undefined) found = found.slice(0, Math.max(0, Number(opts.max)));
        return found.map((e) => new CalendarEvent(this.store, this.ctx, e.id));
      },
      { sent: args, received: this.#eventBytes },
    );
  }

  getEventsForDay(service: string, args: readonly unknown[]): CalendarEvent[] {
    const [date, options] = args;
    const t = requireDate(date, service, args);
    const zone = this.record().timeZone;
    const day = dateKey(zone, t);
    return this.getEvents(service, [new Date(midnightOf(zone, day)), new Date(midnightOf(zone, day, 1)), options]);
  }
}

type CalendarApi = Emulated<
  GoogleAppsScript.Calendar.Calendar,
  | 'getId'
  | 'getName'
  | 'getTimeZone'
  | 'isMyPrimaryCalendar'
  | 'isOwnedByMe'
  | 'createEvent'
  | 'createAllDayEvent'
  | 'getEventById'
  | 'getEvents'
  | 'getEventsForDay'
>;

class Calendar implements CalendarApi {
  readonly #core: CalendarCore;

  constructor(core: CalendarCore) {
    this.#core = core;
  }

  getId(): string {
    return this.#core.calendarId;
  }

  getName(): string {
    return this.#core.record().name;
  }

  getTimeZone(): string {
    return this.#core.record().timeZone;
  }

  isMyPrimaryCalendar(): boolean {
    return this.#core.record().primary;
  }

  isOwnedByMe(): boolean {
    return this.#core.record().owned;
  }

  createEvent(
    title: string,
    startTime: GoogleAppsScript.Base.Date,
    endTime: GoogleAppsScript.Base.Date,
    options?: Options,
  ): CalendarEvent {
    return this.#core.createEvent('CalendarApp.Calendar.createEvent', [title, startTime, endTime, options]);
  }

  createAllDayEvent(
    title: string,
    date: GoogleAppsScript.Base.Date,
    endDateOrOptions?: GoogleAppsScript.Base.Date | Options,
    options?: Options,
  ): CalendarEvent {
    return this.#core.createAllDayEvent('CalendarApp.Calendar.createAllDayEvent', [
      title,
      date,
      endDateOrOptions,
      options,
    ]);
  }

  getEventById(iCalId: string): CalendarEvent | null {
    return this.#core.getEventById('CalendarApp.Calendar.getEventById', iCalId);
  }

  getEvents(
    startTime: GoogleAppsScript.Base.Date,
    endTime: GoogleAppsScript.Base.Date,
    options?: Options,
  ): CalendarEvent[] {
    return this.#core.getEvents('CalendarApp.Calendar.getEvents', [startTime, endTime, options]);
  }

  getEventsForDay(date: GoogleAppsScript.Base.Date, options?: Options): CalendarEvent[] {
    return this.#core.getEventsForDay('CalendarApp.Calendar.getEventsForDay', [date, options]);
  }
}

type CalendarAppApi = Emulated<
  GoogleAppsScript.Calendar.CalendarApp,
  | 'GuestStatus'
  | 'getDefaultCalendar'
  | 'getCalendarById'
  | 'getOwnedCalendarById'
  | 'createEvent'
  | 'createAllDayEvent'
  | 'getEventById'
  | 'getEvents'
  | 'getEventsForDay'
  | 'getTimeZone'
>;

class CalendarAppEmulation implements CalendarAppApi {
  readonly GuestStatus = enumOf<typeof GoogleAppsScript.Calendar.GuestStatus>([
    'INVITED',
    'MAYBE',
    'NO',
    'OWNER',
    'YES',
  ]);
  readonly #store: CalendarStore;
  readonly #ctx: ServiceContext;

  constructor(store: CalendarStore, ctx: ServiceContext) {
    this.#store = store;
    this.#ctx = ctx;
  }

  /** The account's primary calendar: CalendarApp's own create/get methods act on it. */
  #primary(): CalendarCore {
    const c = this.#store.ensurePrimary(this.#ctx.session.email, this.#ctx.session.timeZone);
    return new CalendarCore(this.#store, this.#ctx, c.id);
  }

  getDefaultCalendar(): Calendar {
    return this.#ctx.call('CalendarApp.getDefaultCalendar', () => new Calendar(this.#primary()));
  }

  /** Null when the account has no calendar with that id. */
  getCalendarById(id: string): Calendar | null {
    if (typeof id !== 'string') throw signatureMismatch('CalendarApp.getCalendarById', [id]);
    return this.#ctx.call('CalendarApp.getCalendarById', () => {
      if (id === this.#ctx.session.email) return new Calendar(this.#primary());
      return this.#store.calendar(id) ? new Calendar(new CalendarCore(this.#store, this.#ctx, id)) : null;
    });
  }

  getOwnedCalendarById(id: string): Calendar | null {
    if (typeof id !== 'string') throw signatureMismatch('CalendarApp.getOwnedCalendarById', [id]);
    return this.#ctx.call('CalendarApp.getOwnedCalendarById', () => {
      if (id === this.#ctx.session.email) return new Calendar(this.#primary());
      return this.#store.calendar(id)?.owned ? new Calendar(new CalendarCore(this.#store, this.#ctx, id)) : null;
    });
  }

  createEvent(
    title: string,
    startTime: GoogleAppsScript.Base.Date,
    endTime: GoogleAppsScript.Base.Date,
    options?: Options,
  ): CalendarEvent {
    return this.#primary().createEvent('CalendarApp.createEvent', [title, startTime, endTime, options]);
  }

  createAllDayEvent(
    title: string,
    date: GoogleAppsScript.Base.Date,
    endDateOrOptions?: GoogleAppsScript.Base.Date | Options,
    options?: Options,
  ): CalendarEvent {
    return this.#primary().createAllDayEvent('CalendarApp.createAllDayEvent', [title, date, endDateOrOptions, options]);
  }

  /**
   * Only the default calendar is searched: Google's docs say that for an event in another calendar this method "must
   * be called from that Calendar", and CalendarApp.getEventById returns null for it.
   */
  getEventById(iCalId: string): CalendarEvent | null {
    return this.#primary().getEventById('CalendarApp.getEventById', iCalId);
  }

  getEvents(
    startTime: GoogleAppsScript.Base.Date,
    endTime: GoogleAppsScript.Base.Date,
    options?: Options,
  ): CalendarEvent[] {
    return this.#primary().getEvents('CalendarApp.getEvents', [startTime, endTime, options]);
  }

  getEventsForDay(date: GoogleAppsScript.Base.Date, options?: Options): CalendarEvent[] {
    return this.#primary().getEventsForDay('CalendarApp.getEventsForDay', [date, options]);
  }

  getTimeZone(): string {
    return this.#ctx.call('CalendarApp.getTimeZone', () => this.#primary().record().timeZone);
  }
}

export function createCalendarApp(store: CalendarStore, ctx: ServiceContext): CalendarAppEmulation {
  return new CalendarAppEmulation(store, ctx);
}
