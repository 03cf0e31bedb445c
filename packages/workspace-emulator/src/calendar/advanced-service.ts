// The `Calendar` advanced service (Calendar API v3), as a project sees it once its manifest enables
// `{"userSymbol":"Calendar","serviceId":"calendar","version":"v3"}`: a strict subset of Calendar.Events (insert,
// patch, remove, get, list) over the same CalendarStore as CalendarApp, so an event made by one is found by the other
// (ids: advanced-resource.ts). Each method is one counted round trip `Calendar.Events.<method>`; failures are
// GoogleJsonResponseExceptions naming Google's method (`calendar.events.delete` for remove, as real errors do).
// https://developers.google.com/calendar/api/v3/reference/events

import { ServiceContext, apiMethodName } from '../context';
import { GasException, HTTP } from '../errors';
import { Emulated, signatureMismatch } from '../script/emulated';
import { boolArg, intArg, listArg, queryArgs } from '../people/args';
import {
  applyAttendees,
  applyReminders,
  applyTimes,
  currentWhen,
  iCalUIDOf,
  parseWhen,
  privateProperties,
  toResource,
} from './advanced-resource';
import { SAY } from './advanced-wording';
import { applyTag } from './rules';
import { CalendarRecord, CalendarStore, EventRecord } from './store';

type Event = GoogleAppsScript.Calendar.Schema.Event;
type Events = GoogleAppsScript.Calendar.Schema.Events;
type Body = Record<string, unknown>;

/** Body fields this emulator models; Google's read-only ones (echoed back from a get) are accepted and ignored. */
const WRITABLE = ['summary', 'description', 'location', 'start', 'end', 'attendees', 'reminders', 'extendedProperties'];
const READ_ONLY = [
  'kind',
  'etag',
  'status',
  'htmlLink',
  'created',
  'updated',
  'creator',
  'organizer',
  'iCalUID',
  'sequence',
  'eventType',
];
const SEND_UPDATES = ['all', 'externalOnly', 'none'] as const;
/** events.list: "maxResults ... The default is 250 events ... never larger than 2500" (reference page). */
const LIST_DEFAULT = 250;
const LIST_MAX = 2500;

const isObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);

export type EventsApi = Emulated<
  GoogleAppsScript.Calendar.Collection.EventsCollection,
  'insert' | 'patch' | 'remove' | 'get' | 'list'
>;

export class CalendarEventsCollection implements EventsApi {
  readonly #store: CalendarStore;
  readonly #ctx: ServiceContext;

  constructor(store: CalendarStore, ctx: ServiceContext) {
    this.#store = store;
    this.#ctx = ctx;
  }

  /** One counted call; a wrong-typed positional argument fails before the request, as Apps Script's binding does. */
  #call<T>(method: string, sent: unknown[], fn: (api: string) => T): T {
    const service = `Calendar.Events.${method}`;
    return this.#ctx.call(service, () => fn(apiMethodName(service)), { sent });
  }

  #ids(method: string, args: unknown[], count: number): void {
    for (let i = 0; i < count; i++)
      if (typeof args[i] !== 'string') throw signatureMismatch(`Calendar.Events.${method}`, args);
  }

  /**
   * `primary` is the account's default calendar; a calendar the account has in the store is found by its id (Google
   * does the same for calendars the account can see). Anything else is 404.
   */
  #calendar(api: string, calendarId: string): CalendarRecord {
    const session = this.#ctx.session;
    if (calendarId === 'primary' || calendarId === session.email)
      return this.#store.ensurePrimary(session.email, session.timeZone);
    const c = this.#store.calendar(calendarId);
    if (!c) throw HTTP.notFound(api, SAY.notFound);
    return c;
  }

  /** The live event of a calendar; 404 when unknown there, 410 once deleted (unless `deletedOk`, as get allows). */
  #event(api: string, calendar: CalendarRecord, eventId: string, deletedOk = false): EventRecord {
    const key = iCalUIDOf(eventId);
    const e = key === undefined ? undefined : this.#store.live(key);
    if (!e || e.calendarId !== calendar.id) throw HTTP.notFound(api, SAY.notFound);
    if (e.deleted && !deletedOk) throw HTTP.gone(api, SAY.deleted);
    return e;
  }

  #body(api: string, resource: unknown): Body {
    if (!isObject(resource)) throw HTTP.badRequest(api, SAY.unknownField(String(resource)));
    const out: Body = {};
    for (const [k, v] of Object.entries(resource)) {
      if (v === undefined || READ_ONLY.includes(k)) continue;
      if (!WRITABLE.includes(k)) throw HTTP.badRequest(api, SAY.notEmulated(k));
      out[k] = v;
    }
    return out;
  }

  /** Applies the body's fields to `e` (a copy until it is stored); lists and reminders replace the old ones wholly. */
  #apply(api: string, e: EventRecord, body: Body, zone: string): void {
    if ('summary' in body) e.title = body.summary === null ? '' : String(body.summary);
    if ('description' in body) e.description = body.description === null ? '' : String(body.description);
    if ('location' in body) e.location = body.location === null ? '' : String(body.location);
    if ('start' in body || 'end' in body) {
      const start = 'start' in body ? parseWhen(api, 'start', body.start) : currentWhen(e, 'start');
      const end = 'end' in body ? parseWhen(api, 'end', body.end) : currentWhen(e, 'end');
      applyTimes(api, e, start, end, zone);
    }
    if ('attendees' in body) applyAttendees(api, e, body.attendees ?? []);
    if ('reminders' in body) applyReminders(api, e, body.reminders ?? { useDefault: true });
    if ('extendedProperties' in body) {
      const tags: Record<string, string> = {};
      try {
        for (const [k, v] of Object.entries(privateProperties(api, body.extendedProperties ?? {})))
          applyTag(tags, k, v);
      } catch (error) {
        throw error instanceof GasException ? HTTP.badRequest(api, error.message) : error;
      }
      e.tags = tags;
    }
  }

  /**
   * Who gets an e-mail for this change. `externalOnly` means guests who do not use Google Calendar; the emulator
   * cannot know that and counts addresses outside the account's own domain (UNVERIFIED approximation).
   */
  #notify(api: string, e: EventRecord, sendUpdates: unknown): void {
    if (sendUpdates !== undefined && !SEND_UPDATES.includes(sendUpdates as (typeof SEND_UPDATES)[number]))
      throw HTTP.badRequest(api, SAY.invalidParam('sendUpdates', String(sendUpdates)));
    if (sendUpdates === undefined || sendUpdates === 'none') return;
    const domain = this.#ctx.session.email.split('@')[1]?.toLowerCase();
    for (const g of e.guests) {
      if (sendUpdates === 'externalOnly' && g.email.split('@')[1]?.toLowerCase() === domain) continue;
      if (!e.invited.some((x) => x.toLowerCase() === g.email.toLowerCase())) e.invited.push(g.email);
    }
  }

  /** Creations count against the account's daily event quota and the burst limit CalendarApp also uses. */
  #admit(api: string, now: number): void {
    if (this.#store.createdQuota.used(now) >= this.#store.limits.eventsCreatedPerDay)
      throw HTTP.forbidden(api, SAY.usageLimits, 'quotaExceeded');
    if (!this.#store.burstAllows(now)) throw HTTP.forbidden(api, SAY.rateLimit, 'rateLimitExceeded');
    this.#store.createdQuota.record(now);
  }

  insert(resource: Event, calendarId: string, optionalArgs?: object, headers?: object): Event {
    const args = [resource, calendarId, optionalArgs, headers];
    this.#ids('insert', [calendarId], 1);
    return this.#call('insert', args, (api) => {
      const query = queryArgs(api, optionalArgs, ['sendUpdates', 'sendNotifications', 'conferenceDataVersion']);
      const calendar = this.#calendar(api, calendarId);
      const body = this.#body(api, resource);
      if (!('start' in body)) throw HTTP.badRequest(api, SAY.missingStart);
      if (!('end' in body)) throw HTTP.badRequest(api, SAY.missingEnd);
      const now = this.#ctx.clock.now();
      const e: EventRecord = {
        id: '',
        calendarId: calendar.id,
        title: '',
        description: '',
        location: '',
        allDay: false,
        start: 0,
        end: 0,
        guests: [],
        useDefaultReminders: true,
        popupReminders: [],
        emailReminders: [],
        tags: {},
        creator: this.#ctx.session.email,
        created: now,
        updated: now,
        deleted: false,
        invited: [],
      };
      this.#apply(api, e, body, calendar.timeZone);
      const sendUpdates = query.sendUpdates ?? (boolArg(api, 'sendNotifications', query.sendNotifications) && 'all');
      this.#notify(api, e, sendUpdates || undefined);
      this.#admit(api, now);
      e.id = this.#store.newEventId(calendar.id);
      this.#store.insert(e);
      return toResource(e, calendar);
    });
  }

  patch(resource: Event, calendarId: string, eventId: string, optionalArgs?: object, headers?: object): Event {
    const args = [resource, calendarId, eventId, optionalArgs, headers];
    this.#ids('patch', [calendarId, eventId], 2);
    return this.#call('patch', args, (api) => {
      const query = queryArgs(api, optionalArgs, ['sendUpdates', 'sendNotifications', 'conferenceDataVersion']);
      const calendar = this.#calendar(api, calendarId);
      const live = this.#event(api, calendar, eventId);
      const body = this.#body(api, resource);
      // Work on a copy so a rejected field leaves the stored event as it was.
      const e: EventRecord = {
        ...live,
        guests: live.guests.map((g) => ({ ...g })),
        popupReminders: live.popupReminders.slice(),
        emailReminders: live.emailReminders.slice(),
        tags: { ...live.tags },
        invited: live.invited.slice(),
      };
      this.#apply(api, e, body, calendar.timeZone);
      const sendUpdates = query.sendUpdates ?? (boolArg(api, 'sendNotifications', query.sendNotifications) && 'all');
      this.#notify(api, e, sendUpdates || undefined);
      e.updated = this.#ctx.clock.now();
      Object.assign(live, e);
      for (const k of ['startDate', 'endDate', 'startTimeZone', 'endTimeZone'] as const) if (!(k in e)) delete live[k];
      return toResource(live, calendar);
    });
  }

  remove(calendarId: string, eventId: string, optionalArgs?: object, headers?: object): void {
    this.#ids('remove', [calendarId, eventId], 2);
    this.#call('remove', [calendarId, eventId, optionalArgs, headers], (api) => {
      const query = queryArgs(api, optionalArgs, ['sendUpdates', 'sendNotifications']);
      const calendar = this.#calendar(api, calendarId);
      const e = this.#event(api, calendar, eventId);
      const now = this.#ctx.clock.now();
      if (!this.#store.burstAllows(now)) throw HTTP.forbidden(api, SAY.rateLimit, 'rateLimitExceeded');
      this.#notify(api, e, query.sendUpdates);
      e.deleted = true;
      e.updated = now;
    });
  }

  /** A deleted event is still returned, with status "cancelled", as the Calendar API does. */
  get(calendarId: string, eventId: string, optionalArgs?: object, headers?: object): Event {
    this.#ids('get', [calendarId, eventId], 2);
    return this.#call('get', [calendarId, eventId, optionalArgs, headers], (api) => {
      queryArgs(api, optionalArgs, ['timeZone', 'maxAttendees']);
      const calendar = this.#calendar(api, calendarId);
      return toResource(this.#event(api, calendar, eventId, true), calendar);
    });
  }

  /**
   * Events overlapping [timeMin, timeMax) (each bound optional, RFC 3339 with an offset), filtered by
   * `privateExtendedProperty` ("key=value", all must match), in start order. Cancelled events only with showDeleted.
   */
  list(calendarId: string, optionalArgs?: object, headers?: object): Events {
    this.#ids('list', [calendarId], 1);
    return this.#call('list', [calendarId, optionalArgs, headers], (api) => {
      const q = queryArgs(api, optionalArgs, [
        'privateExtendedProperty',
        'timeMin',
        'timeMax',
        'singleEvents',
        'maxResults',
        'orderBy',
        'showDeleted',
        'pageToken',
        'timeZone',
      ]);
      const calendar = this.#calendar(api, calendarId);
      const bound = (name: string): number | undefined => {
        if (q[name] === undefined) return undefined;
        const text = String(q[name]);
        const ms = /(Z|[+-]\d{2}:\d{2})$/i.test(text) ? Date.parse(text) : NaN;
        if (Number.isNaN(ms)) throw HTTP.badRequest(api, SAY.invalidParam(name, text));
        return ms;
      };
      const from = bound('timeMin');
      const to = bound('timeMax');
      const singleEvents = boolArg(api, 'singleEvents', q.singleEvents);
      const showDeleted = boolArg(api, 'showDeleted', q.showDeleted);
      if (q.orderBy !== undefined && q.orderBy !== 'startTime' && q.orderBy !== 'updated')
        throw HTTP.badRequest(api, SAY.invalidParam('orderBy', String(q.orderBy)));
      if (q.orderBy === 'startTime' && !singleEvents) throw HTTP.badRequest(api, SAY.badOrdering);
      const max = intArg(api, 'maxResults', q.maxResults) ?? LIST_DEFAULT;
      if (max < 1) throw HTTP.badRequest(api, SAY.invalidParam('maxResults', String(max)));
      const filters = listArg(q.privateExtendedProperty).map((f) => {
        const eq = f.indexOf('=');
        if (eq <= 0) throw HTTP.badRequest(api, SAY.invalidParam('privateExtendedProperty', f));
        return [f.slice(0, eq), f.slice(eq + 1)] as const;
      });
      const found = this.#store
        .liveOf(calendar.id)
        .filter((e) => showDeleted || !e.deleted)
        .filter((e) => (from === undefined || e.end > from) && (to === undefined || e.start < to))
        .filter((e) => filters.every(([k, v]) => e.tags[k] === v))
        .sort((a, b) => (q.orderBy === 'updated' ? a.updated - b.updated : a.start - b.start || a.created - b.created));
      const offset = this.#pageOffset(api, q.pageToken, found.length);
      const page = found.slice(offset, offset + Math.min(max, LIST_MAX));
      const next = offset + page.length < found.length ? offset + page.length : undefined;
      const updated = Math.max(0, ...found.map((e) => e.updated));
      return {
        kind: 'calendar#events',
        etag: `"${updated * 1000}"`,
        summary: calendar.name,
        updated: new Date(updated || this.#ctx.clock.now()).toISOString(),
        timeZone: calendar.timeZone,
        accessRole: 'owner',
        // The authenticated user's own defaults for the calendar (notifications.ts: a new calendar's unless set).
        defaultReminders: this.#store.defaultRemindersOf(this.#ctx.session.email).timed,
        items: page.map((e) => toResource(e, calendar)),
        ...(next !== undefined && { nextPageToken: Buffer.from(`offset:${next}`).toString('base64url') }),
      };
    });
  }

  /** Our page tokens carry the offset into the (stable) result order; anything else is refused. */
  #pageOffset(api: string, token: unknown, total: number): number {
    if (token === undefined) return 0;
    const m = /^offset:(\d+)$/.exec(Buffer.from(String(token), 'base64url').toString('utf8'));
    if (!m || Number(m[1]) > total) throw HTTP.badRequest(api, SAY.badPageToken);
    return Number(m[1]);
  }
}

export class CalendarAdvancedService {
  readonly Events: CalendarEventsCollection;

  constructor(store: CalendarStore, ctx: ServiceContext) {
    this.Events = new CalendarEventsCollection(store, ctx);
  }
}

export function createCalendarAdvanced(store: CalendarStore, ctx: ServiceContext): CalendarAdvancedService {
  return new CalendarAdvancedService(store, ctx);
}
