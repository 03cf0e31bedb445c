// Keeps the Google Calendar reminder of a planned event in step with its row: created once, moved when the row
// moves, ticked when done, deleted when cancelled — ONE request each, through the Calendar API (the `Calendar`
// advanced service), where CalendarApp needs one per field and one per reminder. The row holds the calendar event's
// id; the event carries ours as a private extended property (and in its description, for people), so a run that died
// between creating the calendar event and writing its id is found again instead of creating a second one.

import {
  calendarAction,
  calendarEventFor,
  CalendarPlan,
  EVENT_TAG,
  eventIdFromDescription,
  guestChanges,
} from '../../core/events';
import type { EventRecord } from '../../core/events';
import { localDayKey, addDays } from '../../core/events/zone';
import { OfficeContext } from './office';

type CalEvent = GoogleAppsScript.Calendar.Schema.Event;

const CALENDAR = 'primary';
/** The private extended property that names our event. */
const CRM_ID = 'crmEventId';

/**
 * The calendar event for the row. Who is acting (the calendar's owner, never invited to their own event) is asked only
 * when the guests are sent: creating, or giving the event to another manager.
 */
function planFor(event: EventRecord, office: OfficeContext, withGuests = true): CalendarPlan {
  return calendarEventFor(event, {
    clientName: event.client,
    phone: event.phone,
    managerEmail: office.managerEmail(event.manager),
    ownerEmail: withGuests ? office.actorEmail : '',
    timeZone: office.timeZone,
    locale: office.locale,
    popupMinutes: office.settings.get('reminderPopupMinutes'),
    emailMinutes: office.settings.get('reminderEmailMinutes'),
  });
}

/** CalendarApp's ids are the iCalUID (`…@google.com`); the Calendar API's event id is the part before it. */
export function apiEventId(id: string): string {
  return id.replace(/@google\.com$/i, '');
}

/** The plan as the Calendar API's event: times in the office's zone; all-day events by date (end exclusive). */
function resource(plan: CalendarPlan, timeZone: string, eventId: string, withGuests: boolean): CalEvent {
  const when = plan.allDay
    ? {
        start: { date: localDayKey(plan.start, timeZone) },
        end: { date: addDays(localDayKey(plan.start, timeZone), 1) },
      }
    : {
        start: { dateTime: plan.start.toISOString(), timeZone },
        end: { dateTime: plan.end.toISOString(), timeZone },
      };
  return {
    summary: plan.title,
    description: plan.description,
    ...when,
    // Reminders are per person: these reach only the account whose calendar holds the event (the office's, or the
    // signed-in staff member's). The manager is a guest: the invitation puts the event on their own calendar, where
    // their own default notifications remind them; nothing set here can (support.google.com/calendar/answer/83117).
    reminders: {
      useDefault: false,
      overrides: plan.reminders
        ? [
            { method: 'popup', minutes: plan.reminders.popupMinutes },
            { method: 'email', minutes: plan.reminders.emailMinutes },
          ]
        : [],
    },
    extendedProperties: { private: { [CRM_ID]: eventId } },
    ...(withGuests ? { attendees: plan.guests.map((email) => ({ email })) } : {}),
  };
}

const gone = (e: unknown) => /\b(404|410)\b|not found|deleted/i.test(String((e as Error)?.message ?? e));

/** Our calendar event for `eventId`, found by its private property (the crash-recovery path: one request). */
function findTagged(eventId: string): CalEvent | undefined {
  const found = Calendar!.Events!.list(CALENDAR, { privateExtendedProperty: `${CRM_ID}=${eventId}`, maxResults: 5 });
  return (found.items ?? []).find(
    (e) =>
      e.status !== 'cancelled' &&
      (e.extendedProperties?.private?.[CRM_ID] === eventId || eventIdFromDescription(e.description ?? '') === eventId),
  );
}

function create(plan: CalendarPlan, after: EventRecord, office: OfficeContext): string {
  const made = Calendar!.Events!.insert(resource(plan, office.timeZone, after.id, true), CALENDAR, {
    sendUpdates: plan.guests.length ? 'all' : 'none',
  });
  return String(made.id ?? '');
}

/**
 * Applies the core's decision (calendarAction) for a row going from `before` to `after`; returns the calendar event
 * id the row should hold afterwards ('' when there is none). One request, except: a changed manager reads the event's
 * guests first (people the office invited by hand stay), and a retry after a crash looks for the event it made.
 */
export function syncCalendar(
  before: EventRecord | undefined,
  after: EventRecord,
  office: OfficeContext,
  options: { recovering?: boolean } = {},
): string {
  const action = calendarAction(before, after);
  const knownId = apiEventId(after.calendarEventId || before?.calendarEventId || '');
  if (action === 'none') return knownId;
  if (action === 'delete') {
    try {
      Calendar!.Events!.remove(CALENDAR, knownId);
    } catch (e) {
      if (!gone(e)) throw e;
    }
    return '';
  }
  const guests = action === 'create' || (!!before && before.manager !== after.manager);
  const plan = planFor(after, office, guests);
  if (action === 'create') {
    const existing = options.recovering ? findTagged(after.id) : undefined;
    if (!existing?.id) return create(plan, after, office);
    return patch(existing.id, plan, before, after, office) ?? create(plan, after, office);
  }
  const patched = patch(knownId, plan, before, after, office);
  if (patched !== undefined) return patched;
  // Deleted by hand from the calendar: a planned event gets its reminder back; a finished one needs none.
  return after.status === 'planned' ? create(guests ? plan : planFor(after, office), after, office) : '';
}

/** The calendar event brought to the plan; undefined when it no longer exists. */
function patch(
  id: string,
  plan: CalendarPlan,
  before: EventRecord | undefined,
  after: EventRecord,
  office: OfficeContext,
): string | undefined {
  const managerChanged = !!before && before.manager !== after.manager;
  // Finished before it starts: the manager's own default reminder would still fire (Google reminds each guest by
  // their calendar's defaults), so the manager comes off the guests. One read more, only then.
  const finishedEarly =
    !!before && before.status === 'planned' && after.status === 'done' && plan.start.getTime() > Date.now();
  try {
    const body = resource(plan, office.timeZone, after.id, false);
    if (managerChanged || finishedEarly) {
      const present = (Calendar!.Events!.get(CALENDAR, id).attendees ?? []).map((a) => String(a.email ?? ''));
      const change = guestChanges(plan, present, [office.managerEmail(before.manager)]);
      const kept = present.filter((g) => !change.remove.includes(g.toLowerCase()));
      body.attendees = [...kept, ...change.add].map((email) => ({ email }));
    }
    const done = Calendar!.Events!.patch(body, CALENDAR, id, { sendUpdates: managerChanged ? 'all' : 'none' });
    return String(done.id ?? id);
  } catch (e) {
    if (gone(e)) return undefined;
    throw e;
  }
}

export { EVENT_TAG };
