// The Calendar API's Event resource over the store CalendarApp uses, both ways: what a stored event looks like as
// JSON (Calendar.Events.get/list/insert/patch return it), and how a request's start/end/reminders/attendees parse.
//
// Ids: CalendarApp's CalendarEvent.getId() is the iCalUID (`<26 base32hex>@google.com`); the API's `id` of an event
// Google itself created is that iCalUID without `@google.com` (Google's docs only say "the iCalUID and the id are not
// identical"; the suffix relation is what real events show, UNVERIFIED as a rule). One stored event therefore has both.

import { HTTP } from '../errors';
import { isTimeZone, instantOf, midnightOf, wallTime } from '../script/time-zone';
import { SAY } from './advanced-wording';
import { isEmail } from './rules';
import { CalendarRecord, EventRecord, GuestStatusName } from './store';

type Event = GoogleAppsScript.Calendar.Schema.Event;
type EventDateTime = GoogleAppsScript.Calendar.Schema.EventDateTime;
type Body = Record<string, unknown>;

export const ICAL_SUFFIX = '@google.com';
/** The Calendar API allows up to 5 overrides, 0..40320 minutes (4 weeks) each (Events resource reference). */
export const MAX_OVERRIDES = 5;
export const MAX_REMINDER_MINUTES = 40320;

export const restIdOf = (iCalUID: string): string =>
  iCalUID.endsWith(ICAL_SUFFIX) ? iCalUID.slice(0, -ICAL_SUFFIX.length) : iCalUID;

/** The store key of a REST id; only ids shaped like Google's own (base32hex) can name an event. */
export const iCalUIDOf = (id: string): string | undefined =>
  /^[0-9a-v]{5,1024}$/.test(id) ? id + ICAL_SUFFIX : undefined;

const isObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** RFC 3339 with the zone's offset at that instant, as Google writes `dateTime` (`Z` for UTC). */
export function rfc3339(ms: number, zone: string): string {
  const w = wallTime(zone, ms);
  const off = w.offsetMinutes;
  const sign = off < 0 ? '-' : '+';
  const tz = off === 0 ? 'Z' : `${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${tz}`;
}

/** `created`/`updated`: UTC with milliseconds, as Google writes them. */
const utc = (ms: number): string => new Date(ms).toISOString();

export type When = { allDay: false; ms: number; timeZone?: string } | { allDay: true; date: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/i;

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * One `start` or `end`: `{date}` for an all-day event, `{dateTime[, timeZone]}` for a timed one. A dateTime without
 * an offset is wall time in `timeZone`, which is then required (Google: "Missing time zone definition ...").
 */
export function parseWhen(api: string, which: 'start' | 'end', value: unknown): When {
  if (!isObject(value)) throw HTTP.badRequest(api, which === 'end' ? SAY.missingEnd : SAY.missingStart);
  for (const k of Object.keys(value))
    if (!['date', 'dateTime', 'timeZone'].includes(k)) throw HTTP.badRequest(api, SAY.unknownField(k, which));
  const { date, dateTime, timeZone } = value as EventDateTime;
  if (timeZone !== undefined && timeZone !== null && !isTimeZone(timeZone))
    throw HTTP.badRequest(api, SAY.invalidTimeZone(which));
  if (date !== undefined && date !== null) {
    if (dateTime !== undefined && dateTime !== null) throw HTTP.badRequest(api, SAY.invalidTime(which));
    const m = DATE.exec(String(date));
    if (!m || !validDate(+m[1], +m[2], +m[3])) throw HTTP.badRequest(api, SAY.invalidTime(which));
    return { allDay: true, date: String(date) };
  }
  if (dateTime === undefined || dateTime === null)
    throw HTTP.badRequest(api, which === 'end' ? SAY.missingEnd : SAY.missingStart);
  const m = DATE_TIME.exec(String(dateTime));
  if (!m || !validDate(+m[1], +m[2], +m[3]) || +m[4] > 23 || +m[5] > 59 || +(m[6] ?? 0) > 59)
    throw HTTP.badRequest(api, SAY.invalidTime(which));
  const zone = timeZone ?? undefined;
  if (m[8]) return { allDay: false, ms: Date.parse(String(dateTime).toUpperCase()), timeZone: zone };
  if (!zone) throw HTTP.badRequest(api, SAY.missingTimeZone(which));
  const ms = instantOf(zone, {
    year: +m[1],
    month: +m[2],
    day: +m[3],
    hour: +m[4],
    minute: +m[5],
    second: +(m[6] ?? 0),
    millisecond: Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000),
  });
  return { allDay: false, ms, timeZone: zone };
}

/** What the event has now as `start` or `end`, for a patch that changes only the other one. */
export function currentWhen(e: EventRecord, which: 'start' | 'end'): When {
  if (e.allDay) return { allDay: true, date: (which === 'start' ? e.startDate : e.endDate) ?? '' };
  return which === 'start'
    ? { allDay: false, ms: e.start, timeZone: e.startTimeZone }
    : { allDay: false, ms: e.end, timeZone: e.endTimeZone };
}

/** Sets the event's times from a parsed start and end, checking they make a non-empty range. */
export function applyTimes(api: string, e: EventRecord, start: When, end: When, calendarZone: string): void {
  if (start.allDay !== end.allDay) throw HTTP.badRequest(api, SAY.mixedKinds);
  if (start.allDay && end.allDay) {
    if (!(start.date < end.date)) throw HTTP.badRequest(api, SAY.emptyRange);
    e.allDay = true;
    e.startDate = start.date;
    e.endDate = end.date;
    e.start = midnightOf(calendarZone, start.date);
    e.end = midnightOf(calendarZone, end.date);
    delete e.startTimeZone;
    delete e.endTimeZone;
    return;
  }
  if (start.allDay || end.allDay) return;
  if (!(start.ms < end.ms)) throw HTTP.badRequest(api, SAY.emptyRange);
  e.allDay = false;
  e.start = start.ms;
  e.end = end.ms;
  delete e.startDate;
  delete e.endDate;
  if (start.timeZone) e.startTimeZone = start.timeZone;
  else delete e.startTimeZone;
  if (end.timeZone) e.endTimeZone = end.timeZone;
  else delete e.endTimeZone;
}

/** `reminders`: the calendar's defaults, or up to 5 overrides of 'popup'/'email', 0..40320 minutes. */
export function applyReminders(api: string, e: EventRecord, value: unknown): void {
  if (!isObject(value)) throw HTTP.badRequest(api, SAY.unknownField(String(value), 'reminders'));
  for (const k of Object.keys(value))
    if (!['useDefault', 'overrides'].includes(k)) throw HTTP.badRequest(api, SAY.unknownField(k, 'reminders'));
  const overrides = value.overrides ?? [];
  if (!Array.isArray(overrides)) throw HTTP.badRequest(api, SAY.unknownField('overrides', 'reminders'));
  if (value.useDefault === true && overrides.length > 0) throw HTTP.badRequest(api, SAY.bothReminderKinds);
  if (overrides.length > MAX_OVERRIDES) throw HTTP.badRequest(api, SAY.tooManyReminders);
  const popup: number[] = [];
  const email: number[] = [];
  for (const o of overrides as unknown[]) {
    if (!isObject(o)) throw HTTP.badRequest(api, SAY.reminderMethod(String(o)));
    const { method, minutes } = o;
    if (method !== 'popup' && method !== 'email') throw HTTP.badRequest(api, SAY.reminderMethod(String(method)));
    if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 0 || minutes > MAX_REMINDER_MINUTES)
      throw HTTP.badRequest(api, SAY.reminderMinutes);
    (method === 'popup' ? popup : email).push(minutes);
  }
  e.useDefaultReminders = value.useDefault === true;
  e.popupReminders = popup;
  e.emailReminders = email;
}

/** `attendees`: a whole new list of `{email}`; a guest who stays keeps their answer. */
export function applyAttendees(api: string, e: EventRecord, value: unknown): void {
  if (!Array.isArray(value)) throw HTTP.badRequest(api, SAY.unknownField('attendees'));
  const next: EventRecord['guests'] = [];
  for (const a of value as unknown[]) {
    if (!isObject(a)) throw HTTP.badRequest(api, SAY.invalidAttendee);
    for (const k of Object.keys(a))
      if (!['email', 'displayName', 'responseStatus', 'optional'].includes(k))
        throw HTTP.badRequest(api, SAY.unknownField(k, 'attendees'));
    const email = typeof a.email === 'string' ? a.email.trim() : '';
    if (!isEmail(email)) throw HTTP.badRequest(api, SAY.invalidAttendee);
    if (next.some((g) => g.email.toLowerCase() === email.toLowerCase())) continue;
    const kept = e.guests.find((g) => g.email.toLowerCase() === email.toLowerCase());
    next.push({ email, status: kept?.status ?? 'INVITED' });
  }
  e.guests = next;
}

/** `extendedProperties.private`: replaces the event's private properties (CalendarApp's tags) with these. */
export function privateProperties(api: string, value: unknown): Record<string, string> {
  if (!isObject(value)) throw HTTP.badRequest(api, SAY.unknownField(String(value), 'extendedProperties'));
  for (const k of Object.keys(value))
    if (k !== 'private') throw HTTP.badRequest(api, SAY.notEmulated(`extendedProperties.${k}`));
  const props = value.private ?? {};
  if (!isObject(props)) throw HTTP.badRequest(api, SAY.unknownField('private', 'extendedProperties'));
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, String(v)]));
}

const RESPONSE: Record<GuestStatusName, string> = {
  INVITED: 'needsAction',
  YES: 'accepted',
  NO: 'declined',
  MAYBE: 'tentative',
  OWNER: 'accepted',
};

/** An opaque version of the event: changes whenever it is updated (Google's are quoted decimal strings). */
export const etagOf = (e: EventRecord): string => `"${e.updated * 1000}"`;

function when(e: EventRecord, which: 'start' | 'end', calendarZone: string): EventDateTime {
  if (e.allDay) return { date: which === 'start' ? e.startDate : e.endDate };
  const zone = which === 'start' ? e.startTimeZone : e.endTimeZone;
  const ms = which === 'start' ? e.start : e.end;
  return zone ? { dateTime: rfc3339(ms, zone), timeZone: zone } : { dateTime: rfc3339(ms, calendarZone) };
}

/** The Event resource of a stored event, with Google's empty fields left out. */
export function toResource(e: EventRecord, calendar: CalendarRecord): Event {
  const id = restIdOf(e.id);
  const out: Event = {
    kind: 'calendar#event',
    etag: etagOf(e),
    id,
    status: e.deleted ? 'cancelled' : 'confirmed',
    htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${calendar.id}`).toString('base64url')}`,
    created: utc(e.created),
    updated: utc(e.updated),
    creator: { email: e.creator, self: true },
    organizer: { email: calendar.id, self: true },
    start: when(e, 'start', calendar.timeZone),
    end: when(e, 'end', calendar.timeZone),
    iCalUID: e.id,
    sequence: 0,
    reminders: e.useDefaultReminders
      ? { useDefault: true }
      : {
          useDefault: false,
          ...(e.popupReminders.length + e.emailReminders.length > 0 && {
            overrides: [
              ...e.popupReminders.map((minutes) => ({ method: 'popup', minutes })),
              ...e.emailReminders.map((minutes) => ({ method: 'email', minutes })),
            ],
          }),
        },
    eventType: 'default',
  };
  if (e.title) out.summary = e.title;
  if (e.description) out.description = e.description;
  if (e.location) out.location = e.location;
  if (e.guests.length) out.attendees = e.guests.map((g) => ({ email: g.email, responseStatus: RESPONSE[g.status] }));
  if (Object.keys(e.tags).length) out.extendedProperties = { private: { ...e.tags } };
  return out;
}
