// The Google Calendar event that reminds of a planned CRM event, described as data: the adapter turns it into
// CalendarApp calls. Keeping the decision pure makes saving twice, editing and cancelling provable without Google.

import { Locale } from '../i18n/locale';
import { eventText } from './messages';
import { settingDefault } from '../settings/definitions';
import { EventRecord } from './row';
import { endOfLocalDay, formatLocal } from './zone';

export interface CalendarPlan {
  title: string;
  start: Date;
  end: Date;
  /** Create with createAllDayEvent (start is local midnight, end the next local midnight). */
  allDay: boolean;
  description: string;
  guests: string[];
  /** null for a done event: the call has happened, nothing should nag any more. */
  reminders: { popupMinutes: number; emailMinutes: number } | null;
}

export interface CalendarPlanOptions {
  clientName?: string;
  phone?: string;
  managerEmail?: string;
  /** The calendar's owner: not invited to their own event. */
  ownerEmail?: string;
  timeZone: string;
  locale: Locale;
  durationMinutes?: number;
  /** A timed event's reminders, minutes before it (Settings; all-day events have theirs at 17:00 the day before). */
  popupMinutes?: number;
  emailMinutes?: number;
}

/** Prefix of the description line that carries our event id, so a rerun after a crash can find the calendar event. */
export const EVENT_TAG = 'crm-event-id:';

/** All-day events: both reminders at 17:00 the day before. Timed ones: the office's Settings (see core/settings). */
const ALL_DAY_REMINDERS = { popupMinutes: 420, emailMinutes: 420 };

export function calendarEventFor(event: EventRecord, options: CalendarPlanOptions): CalendarPlan {
  const t = (key: Parameters<typeof eventText>[1]) => eventText(options.locale, key);
  const client = (options.clientName || event.client).trim();
  const head = [event.kind.trim(), client].filter(Boolean).join(': ');
  const title = `${event.status === 'done' ? '✓ ' : ''}${[head, event.reason.trim()].filter(Boolean).join(' — ')}`;
  const start = new Date(event.at.getTime());
  const end = event.allDay
    ? endOfLocalDay(start, options.timeZone)
    : new Date(start.getTime() + Math.max(1, options.durationMinutes ?? 30) * 60_000);
  const lines = [
    client && `${t('client')}: ${client}`,
    options.phone && `${t('phone')}: ${options.phone}`,
    event.reason && `${t('reason')}: ${event.reason}`,
    event.nextStep && `${t('nextStep')}: ${event.nextStep}`,
    event.manager && `${t('manager')}: ${event.manager}`,
    event.allDay ? '' : formatLocal(start, options.timeZone),
  ].filter((l): l is string => !!l);
  lines.push('', `${t('eventTag')} ${EVENT_TAG}${event.id}`);
  const guest = (options.managerEmail ?? '').trim().toLowerCase();
  const owner = (options.ownerEmail ?? '').trim().toLowerCase();
  const locale = () => options.locale;
  const reminders = event.allDay
    ? ALL_DAY_REMINDERS
    : {
        popupMinutes: options.popupMinutes ?? settingDefault('reminderPopupMinutes', locale),
        emailMinutes: options.emailMinutes ?? settingDefault('reminderEmailMinutes', locale),
      };
  return {
    title,
    start,
    end,
    allDay: event.allDay,
    description: lines.join('\n'),
    // A done event invites nobody: a guest's reminders are their own calendar's defaults, which the organiser cannot
    // turn off, so the only way a call finished early stops reminding its manager is to take them off the guests.
    guests: guest && guest !== owner && event.status !== 'done' ? [guest] : [],
    reminders: event.status === 'done' ? null : reminders,
  };
}

/**
 * The guests to take off and to invite so an existing calendar event matches the plan (e-mails compared without
 * case). Only the guests we invited (the former manager) are taken off: people the office added by hand stay.
 */
export function guestChanges(
  plan: CalendarPlan,
  present: string[],
  formerGuests: string[],
): { remove: string[]; add: string[] } {
  const wanted = plan.guests.map((g) => g.toLowerCase());
  const there = present.map((g) => g.toLowerCase());
  return {
    remove: formerGuests
      .map((g) => g.toLowerCase())
      .filter((old) => old && !wanted.includes(old) && there.includes(old)),
    add: wanted.filter((g) => !there.includes(g)),
  };
}

const sameList = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * What to do to an existing calendar event's reminders: keep them, clear them (a done event nags no more), or reset
 * them to the plan's one popup and one e-mail.
 */
export function reminderChange(plan: CalendarPlan, popup: number[], email: number[]): 'keep' | 'clear' | 'reset' {
  const sorted = (list: number[]) => list.slice().sort();
  if (!plan.reminders) return popup.length || email.length ? 'clear' : 'keep';
  const same =
    sameList(sorted(popup), [plan.reminders.popupMinutes]) && sameList(sorted(email), [plan.reminders.emailMinutes]);
  return same ? 'keep' : 'reset';
}

/** Our event id from a calendar event's description, or undefined. */
export function eventIdFromDescription(description: string): string | undefined {
  const i = String(description ?? '').lastIndexOf(EVENT_TAG);
  if (i < 0) return undefined;
  const id = description.slice(i + EVENT_TAG.length).split(/\s/)[0];
  return id || undefined;
}

export type CalendarAction = 'create' | 'update' | 'delete' | 'none';

/** The fields that show in the calendar event: a change to anything else (result text, logged by) is no update. */
function shown(e: EventRecord): string {
  return JSON.stringify([
    e.at.getTime(),
    e.allDay,
    e.kind,
    e.reason,
    e.client,
    e.clientId,
    e.manager,
    e.nextStep,
    e.status,
  ]);
}

/**
 * What to do to the calendar when a row goes from `before` (undefined for a new row) to `after`. Decisions:
 * - planned without a calendar event → create; with one → update when a shown field changed, else none;
 * - cancelled with a calendar event → delete (the adapter then clears the id in the row); without → none;
 * - done with a calendar event → update: the event stays as history in the calendar, its title gets a tick and its
 *   reminders go, so a call finished early does not nag; done without one → none (history gets no calendar event);
 * - a row the adapter has no `before` for but that already carries a calendar event id → update, which is harmless
 *   to repeat: never a second create.
 */
export function calendarAction(before: EventRecord | undefined, after: EventRecord): CalendarAction {
  const calendarId = after.calendarEventId || before?.calendarEventId || '';
  if (after.status === 'cancelled') return calendarId ? 'delete' : 'none';
  if (!calendarId) return after.status === 'planned' ? 'create' : 'none';
  if (!before) return 'update';
  return shown(before) === shown(after) ? 'none' : 'update';
}
