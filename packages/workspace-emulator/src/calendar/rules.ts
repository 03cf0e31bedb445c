// CalendarApp's argument rules and Google's wording for breaking them.
//
// Sources:
// - Reminders: "The reminder must be at least 5 minutes, and at most 4 weeks (40320 minutes), before the event";
//   throws "if there are more than 5 reminders on the event or the time is not within the legal range"
//   (https://developers.google.com/apps-script/reference/calendar/calendar-event#addEmailReminder(Integer)). The
//   Calendar API itself allows 0..40320; we follow Apps Script's stricter 5. Error wording UNVERIFIED.
// - Tags are private extended properties: "The maximum size of a property's key is 44 characters, and properties with
//   longer keys will be silently dropped. The maximum size of a property's value is 1024 characters, and properties
//   with longer values will be silently truncated. An event can have up to 300 properties totaling up to 32kB"
//   (https://developers.google.com/calendar/api/guides/extended-properties). The silent drop/truncation is reproduced;
//   the error wording past 300 properties / 32 kB is UNVERIFIED.
// - "Event start date must be before event end date." is the wording quoted in community reports for createEvent with
//   the end before the start (UNVERIFIED in the docs). We also refuse an end equal to the start (stricter).
// - Daily creation quota: "Service invoked too many times for one day: calendar." (quoted from real executions);
//   burst: "You have been creating or deleting too many calendars or calendar events in a short time. Please try again
//   later." (quoted from real executions, many reports).

import { GasException } from '../errors';
import { signatureMismatch } from '../script/emulated';

export const REMINDER_MIN_MINUTES = 5;
export const REMINDER_MAX_MINUTES = 40320;
export const MAX_REMINDERS = 5;
export const TAG_KEY_MAX = 44;
export const TAG_VALUE_MAX = 1024;
export const TAGS_MAX = 300;
export const TAGS_MAX_BYTES = 32 * 1024;

export const START_AFTER_END = 'Event start date must be before event end date.';
export const DAILY_QUOTA = 'Service invoked too many times for one day: calendar.';
export const BURST =
  'You have been creating or deleting too many calendars or calendar events in a short time. Please try again later.';
/** UNVERIFIED wording. */
export const DELETED = 'The event has been deleted.';
/** UNVERIFIED wording. */
export const TOO_MANY_REMINDERS = 'Too many reminders.';
/** UNVERIFIED wording (the docs only say getAllDayStartDate/EndDate throw for a timed event). */
export const NOT_ALL_DAY = 'The event is not an all-day event.';

/** A simple, strict address check: one @, a dot in the domain, no spaces or list separators. */
const EMAIL = /^[^\s@,;<>()"]+@[^\s@,;<>()".]+(\.[^\s@,;<>()".]+)+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

export function requireDate(value: unknown, method: string, args: readonly unknown[]): number {
  if (!(value instanceof Date)) throw signatureMismatch(method, args);
  const t = value.getTime();
  if (Number.isNaN(t)) throw new GasException('Invalid argument: date');
  return t;
}

export function requireString(value: unknown, method: string, args: readonly unknown[]): string {
  if (typeof value !== 'string') throw signatureMismatch(method, args);
  return value;
}

export function requireOrder(start: number, end: number): void {
  if (!(start < end)) throw new GasException(START_AFTER_END);
}

export function requireReminderMinutes(minutes: unknown): number {
  if (
    typeof minutes !== 'number' ||
    !Number.isInteger(minutes) ||
    minutes < REMINDER_MIN_MINUTES ||
    minutes > REMINDER_MAX_MINUTES
  ) {
    throw new GasException('Invalid argument: minutesBefore');
  }
  return minutes;
}

/** The `guests` option: comma-separated addresses; each must be valid. */
export function parseGuests(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value !== 'string') throw new GasException('Invalid argument: guests');
  const out: string[] = [];
  for (const raw of value.split(',')) {
    const email = raw.trim();
    if (!email) continue;
    if (!isEmail(email)) throw new GasException('Invalid argument: guests');
    if (!out.some((g) => g.toLowerCase() === email.toLowerCase())) out.push(email);
  }
  return out;
}

/** Applies one tag the way the Calendar API stores it: long keys dropped, long values truncated, silently. */
export function applyTag(tags: Record<string, string>, key: string, value: string): void {
  if (key.length > TAG_KEY_MAX) return;
  const next = { ...tags, [key]: value.slice(0, TAG_VALUE_MAX) };
  const keys = Object.keys(next);
  const bytes = keys.reduce((s, k) => s + Buffer.byteLength(k, 'utf8') + Buffer.byteLength(next[k], 'utf8'), 0);
  if (keys.length > TAGS_MAX || bytes > TAGS_MAX_BYTES)
    throw new GasException('Invalid argument: too many tags on the event');
  tags[key] = next[key];
}
