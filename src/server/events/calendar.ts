// Keeps the Google Calendar reminder of a planned event in step with its row: created once, moved when the row
// moves, ticked when done, deleted when cancelled. The row holds the calendar event's id; the description carries our
// event id (core EVENT_TAG), so a run that died between creating the calendar event and writing its id back is
// found again instead of creating a second one.

import {
  calendarAction,
  calendarEventFor,
  CalendarPlan,
  eventIdFromDescription,
  EVENT_TAG,
  guestChanges,
  reminderChange,
} from '../../core/events';
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

/** The plan's one popup and one e-mail reminder (none for a done event). */
function addReminders(event: CalEvent, plan: CalendarPlan): void {
  if (!plan.reminders) return;
  event.addPopupReminder(plan.reminders.popupMinutes);
  event.addEmailReminder(plan.reminders.emailMinutes);
}

function create(plan: CalendarPlan): CalEvent {
  const options = { description: plan.description, guests: plan.guests.join(','), sendInvites: plan.guests.length > 0 };
  const event = plan.allDay
    ? CalendarApp.createAllDayEvent(plan.title, plan.start, options)
    : CalendarApp.createEvent(plan.title, plan.start, plan.end, options);
  addReminders(event, plan);
  return event;
}

function isDeleted(e: unknown): boolean {
  return /deleted/i.test(String((e as Error)?.message ?? ''));
}

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
  const guests = guestChanges(
    plan,
    event.getGuestList().map((g) => g.getEmail()),
    formerGuests,
  );
  for (const old of guests.remove) event.removeGuest(old);
  for (const g of guests.add) event.addGuest(g);
  const reminders = reminderChange(plan, event.getPopupReminders(), event.getEmailReminders());
  if (reminders !== 'keep') event.removeAllReminders();
  if (reminders === 'reset') addReminders(event, plan);
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
