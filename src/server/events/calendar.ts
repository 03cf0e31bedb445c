// Keeps the Google Calendar reminder of a planned event in step with its row: created once, moved when the row
// moves, ticked when done, deleted when cancelled. The row holds the calendar event's id; the description carries our
// event id (core EVENT_TAG), so a run that died between creating the calendar event and writing its id back is
// found again instead of creating a second one.

import { calendarAction, calendarEventFor, CalendarPlan, eventIdFromDescription, EVENT_TAG } from '../../core/events';
import type { EventRecord } from '../../core/events';
import { OfficeContext } from './office';

type CalEvent = GoogleAppsScript.Calendar.CalendarEvent;

const DAY = 86_400_000;

function planFor(event: EventRecord, office: OfficeContext): CalendarPlan {
  return calendarEventFor(event, {
    clientName: event.client,
    phone: event.phone,
    managerEmail: office.managerEmail(event.manager),
    ownerEmail: office.actorEmail,
    timeZone: office.timeZone,
    locale: office.locale,
    popupMinutes: office.settings.get('reminderPopupMinutes'),
    emailMinutes: office.settings.get('reminderEmailMinutes'),
  });
}

function getById(id: string): CalEvent | null {
  if (!id) return null;
  try {
    return CalendarApp.getEventById(id);
  } catch (e) {
    return null;
  }
}

/** Our calendar event for `eventId` near any of the given instants, found by the tag in its description. */
function findTagged(eventId: string, near: Date[]): CalEvent | null {
  if (!eventId || !near.length) return null;
  const times = near.map((d) => d.getTime());
  const from = new Date(Math.min(...times) - DAY);
  const to = new Date(Math.max(...times) + 2 * DAY);
  const found = CalendarApp.getEvents(from, to, { search: `${EVENT_TAG}${eventId}` });
  return found.find((e) => eventIdFromDescription(e.getDescription()) === eventId) ?? null;
}

function create(plan: CalendarPlan): CalEvent {
  const options = { description: plan.description, guests: plan.guests.join(','), sendInvites: plan.guests.length > 0 };
  const event = plan.allDay
    ? CalendarApp.createAllDayEvent(plan.title, plan.start, options)
    : CalendarApp.createEvent(plan.title, plan.start, plan.end, options);
  if (plan.reminders) {
    event.addPopupReminder(plan.reminders.popupMinutes);
    event.addEmailReminder(plan.reminders.emailMinutes);
  }
  return event;
}

function isDeleted(e: unknown): boolean {
  return /deleted/i.test(String((e as Error)?.message ?? ''));
}

const sameList = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Brings an existing calendar event to the plan, one request per field that differs. */
function apply(event: CalEvent, plan: CalendarPlan, formerGuests: string[]): void {
  if (event.getTitle() !== plan.title) event.setTitle(plan.title);
  if (event.getDescription() !== plan.description) event.setDescription(plan.description);
  if (plan.allDay) {
    if (!event.isAllDayEvent() || event.getAllDayStartDate().getTime() !== plan.start.getTime())
      event.setAllDayDate(plan.start);
  } else if (
    event.isAllDayEvent() ||
    event.getStartTime().getTime() !== plan.start.getTime() ||
    event.getEndTime().getTime() !== plan.end.getTime()
  ) {
    event.setTime(plan.start, plan.end);
  }
  const wanted = plan.guests.map((g) => g.toLowerCase());
  const present = event.getGuestList().map((g) => g.getEmail().toLowerCase());
  // Only the guests we invited (the former manager) are taken off: people the office added by hand stay.
  for (const old of formerGuests.map((g) => g.toLowerCase()))
    if (old && !wanted.includes(old) && present.includes(old)) event.removeGuest(old);
  for (const g of wanted) if (!present.includes(g)) event.addGuest(g);
  const popup = event.getPopupReminders().slice().sort();
  const email = event.getEmailReminders().slice().sort();
  if (!plan.reminders) {
    if (popup.length || email.length) event.removeAllReminders();
  } else if (!sameList(popup, [plan.reminders.popupMinutes]) || !sameList(email, [plan.reminders.emailMinutes])) {
    event.removeAllReminders();
    event.addPopupReminder(plan.reminders.popupMinutes);
    event.addEmailReminder(plan.reminders.emailMinutes);
  }
}

/**
 * Applies the core's decision (calendarAction) for a row going from `before` to `after`; returns the calendar event
 * id the row should hold afterwards ('' when there is none).
 */
export function syncCalendar(before: EventRecord | undefined, after: EventRecord, office: OfficeContext): string {
  const action = calendarAction(before, after);
  const knownId = after.calendarEventId || before?.calendarEventId || '';
  if (action === 'none') return knownId;
  const near = [after.at, ...(before ? [before.at] : [])];
  if (action === 'delete') {
    const existing = getById(knownId) ?? findTagged(after.id, near);
    try {
      existing?.deleteEvent();
    } catch (e) {
      if (!isDeleted(e)) throw e;
    }
    return '';
  }
  const formerGuests = before ? [office.managerEmail(before.manager)] : [];
  const existing = (knownId ? getById(knownId) : null) ?? (before || knownId ? findTagged(after.id, near) : null);
  if (existing) {
    try {
      apply(existing, planFor(after, office), formerGuests);
      return existing.getId();
    } catch (e) {
      // getEventById may still hand out an event someone deleted in Calendar; it cannot be changed, so start afresh.
      if (!isDeleted(e)) throw e;
    }
  }
  // Deleted by hand from the calendar: a planned event gets its reminder back; a finished one needs none.
  if (after.status !== 'planned') return '';
  return create(planFor(after, office)).getId();
}
