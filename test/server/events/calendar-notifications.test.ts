// Who is reminded of a planned event, on Google's per-person model (the emulator's calendar.notificationsFor): the
// reminders the CRM sets on the calendar event (Settings: popup 30, e-mail 60) reach the office account whose
// calendar holds it; the manager is invited as a guest (an e-mailed invitation) and is reminded by their OWN
// calendar's default notifications (a new calendar's: popup 30), not by the office's settings.

import type { EventChange } from '../../../src/shared/events-dto';
import { DAY, eventsOffice, liveCalendarEvents, logEvent } from './office';

const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;
const OFFICE = 'office@example.com';
const DMITRY = 'dmitry@example.com';
const NINO = 'nino@example.com';
const OLGA = 'olga@example.com';

type Setup = ReturnType<typeof eventsOffice>;

function plan({ office, clients }: Setup, manager = 'Дмитрий Ковалёв') {
  const at = minute(office.workspace.clock.now()) + DAY;
  const event = logEvent(office, {
    client: clients.vip.email,
    kind: 'Звонок',
    reason: 'Заказ',
    at: new Date(at).toISOString(),
    planned: true,
    manager,
  });
  return { event, at };
}

/** `user method minutes` for every reminder, in firing order. */
function whoIsReminded({ office }: Setup, calendarEventId: string): string[] {
  return office.workspace.calendar
    .notificationsFor(calendarEventId)
    .map((n) => `${n.user} ${n.method} ${n.minutesBefore}`);
}

const change = ({ office }: Setup, body: EventChange) => office.rpc.changeEvent(body).event;

test('the office account gets the e-mail 60 and popup 30 minutes before; the manager an invitation and their own popup', () => {
  const setup = eventsOffice();
  expect(setup.office.workspace.ctx.session.email).toBe(OFFICE);
  const { event, at } = plan(setup);
  expect(whoIsReminded(setup, event.calendarEventId)).toEqual([
    `${OFFICE} email 60`,
    `${DMITRY} popup 30`,
    `${OFFICE} popup 30`,
  ]);
  const [c] = liveCalendarEvents(setup.office);
  expect(c.invited).toEqual([DMITRY]);
  const notes = setup.office.workspace.calendar.notificationsFor(event.calendarEventId);
  expect(notes.map((n) => new Date(n.at).toISOString())).toEqual(
    [60, 30, 30].map((m) => new Date(at - m * 60_000).toISOString()),
  );
});

test('the manager’s reminders are whatever their own calendar says; declining silences them, not the office’s', () => {
  const setup = eventsOffice();
  setup.office.workspace.calendar.setDefaultReminders(DMITRY, [{ method: 'email', minutes: 1440 }]);
  const { event } = plan(setup);
  expect(whoIsReminded(setup, event.calendarEventId)).toEqual([
    `${DMITRY} email 1440`,
    `${OFFICE} email 60`,
    `${OFFICE} popup 30`,
  ]);
  setup.office.workspace.calendar.respond(liveCalendarEvents(setup.office)[0].id, DMITRY, 'NO');
  expect(whoIsReminded(setup, event.calendarEventId)).toEqual([`${OFFICE} email 60`, `${OFFICE} popup 30`]);
});

test('rescheduling moves every reminder with it; giving the event to another manager reminds the new one instead', () => {
  // A head's own session: the calendar is hers, so the office's reminders reach her.
  const setup = eventsOffice({ session: { email: OLGA } });
  const { event, at } = plan(setup);
  const later = at + DAY;
  change(setup, { id: event.id, action: 'reschedule', at: new Date(later).toISOString() });
  const moved = setup.office.workspace.calendar.notificationsFor(event.calendarEventId);
  expect(moved.map((n) => n.at)).toEqual([later - 60 * 60_000, later - 30 * 60_000, later - 30 * 60_000]);
  change(setup, { id: event.id, action: 'assign', manager: 'Нино Беридзе' });
  expect(whoIsReminded(setup, event.calendarEventId)).toEqual([
    `${OLGA} email 60`,
    `${NINO} popup 30`,
    `${OLGA} popup 30`,
  ]);
  expect(liveCalendarEvents(setup.office)[0].invited).toEqual([DMITRY, NINO]);
});

test('done before the call drops the office’s reminders and takes the manager off the guests: nobody is reminded', () => {
  const setup = eventsOffice();
  const { event } = plan(setup);
  setup.office.workspace.calls.reset();
  change(setup, { id: event.id, action: 'done', result: 'Заказал' });
  // Google gives the organiser no say over a guest's own notifications: only taking the guest off silences them.
  expect(whoIsReminded(setup, event.calendarEventId)).toEqual([]);
  expect(liveCalendarEvents(setup.office)[0].invited).toEqual([DMITRY]);
  expect(liveCalendarEvents(setup.office)[0].guests).toEqual([]);
  // Knowing who else is a guest (people the office added by hand stay) costs one read of the event.
  expect(setup.office.workspace.calls.count('Calendar.Events.get')).toBe(1);
});

test('done after the call has started changes no guest and reads nothing more', () => {
  const setup = eventsOffice();
  const { event } = plan(setup);
  setup.office.workspace.clock.advance(DAY + 60_000);
  setup.office.workspace.calls.reset();
  change(setup, { id: event.id, action: 'done', result: 'Заказал' });
  expect(setup.office.workspace.calls.count('Calendar.Events.get')).toBe(0);
  expect(liveCalendarEvents(setup.office)[0].guests.map((g) => g.email)).toEqual([DMITRY]);
});

test('an event of the office account itself has no guest: only the office is reminded', () => {
  const setup = eventsOffice({ session: { email: DMITRY } });
  const { event } = plan(setup);
  expect(liveCalendarEvents(setup.office)[0].guests).toEqual([]);
  expect(whoIsReminded(setup, event.calendarEventId)).toEqual([`${DMITRY} email 60`, `${DMITRY} popup 30`]);
});
