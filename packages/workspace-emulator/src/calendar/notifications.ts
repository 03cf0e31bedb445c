// Who is reminded of an event, and how. Google keeps reminders per person: "Reminders are private information,
// specific to an authenticated user; they're not shared across multiple users"
// (https://developers.google.com/calendar/api/concepts/reminders), and "Invited guests or those who have access to
// your events will receive reminders according to their own Google Calendar reminder settings"
// (https://support.google.com/calendar/answer/83117). So an event's `reminders` (useDefault/overrides, CalendarApp's
// addPopupReminder...) notify the owner of the calendar it is on — the account that wrote them — and nobody else;
// each guest who has not declined is notified by their own calendar's default reminders.

import type { EventRecord } from './store';

export type ReminderMethod = 'popup' | 'email';

export interface Reminder {
  method: ReminderMethod;
  minutes: number;
}

export interface CalendarNotification {
  /** The e-mail of the person reminded. */
  user: string;
  method: ReminderMethod;
  minutesBefore: number;
  /** When it fires (epoch ms): the start minus minutesBefore. */
  at: number;
  /** Whose setting it is: the event's own reminders (the owner's), or the person's calendar defaults. */
  source: 'event' | 'default';
}

/**
 * A new Google calendar's default reminders for timed events. UNVERIFIED: one popup 30 minutes before is what the
 * emulator's calendarList answers; some university help pages describe 10 minutes. Anyone can change theirs.
 */
export const NEW_CALENDAR_DEFAULT_REMINDERS: readonly Reminder[] = [{ method: 'popup', minutes: 30 }];

/**
 * A new calendar's default reminders for all-day events. UNVERIFIED; none is assumed, so a test never counts on a
 * guest being reminded of an all-day event someone else created.
 */
export const NEW_CALENDAR_ALL_DAY_DEFAULT_REMINDERS: readonly Reminder[] = [];

export interface PersonDefaults {
  timed: Reminder[];
  allDay: Reminder[];
}

function fire(e: EventRecord, user: string, source: CalendarNotification['source'], r: Reminder): CalendarNotification {
  return { user, method: r.method, minutesBefore: r.minutes, at: e.start - r.minutes * 60_000, source };
}

/** The event's own reminders, as the owner of its calendar gets them. */
function ownerReminders(e: EventRecord, defaults: PersonDefaults): Reminder[] {
  if (e.useDefaultReminders) return e.allDay ? defaults.allDay : defaults.timed;
  return [
    ...e.popupReminders.map((minutes) => ({ method: 'popup' as const, minutes })),
    ...e.emailReminders.map((minutes) => ({ method: 'email' as const, minutes })),
  ];
}

/**
 * Every reminder the event will give, in firing order. `owner` is the account whose calendar holds the event;
 * `defaultsOf` answers a person's calendar defaults. A deleted event reminds nobody. A guest's copy is assumed to be
 * on their calendar whatever sendUpdates was (UNVERIFIED: Google's "add invitations to my calendar" setting can keep
 * invitations from unknown senders off it), and a declined one reminds them of nothing (UNVERIFIED).
 */
export function notificationsOf(
  e: EventRecord,
  owner: string,
  defaultsOf: (email: string) => PersonDefaults,
): CalendarNotification[] {
  if (e.deleted) return [];
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const out = ownerReminders(e, defaultsOf(owner)).map((r) =>
    fire(e, owner, e.useDefaultReminders ? 'default' : 'event', r),
  );
  for (const g of e.guests) {
    if (same(g.email, owner) || g.status === 'NO') continue;
    const d = defaultsOf(g.email);
    for (const r of e.allDay ? d.allDay : d.timed) out.push(fire(e, g.email, 'default', r));
  }
  return out.sort((a, b) => a.at - b.at || a.user.localeCompare(b.user) || a.method.localeCompare(b.method));
}
