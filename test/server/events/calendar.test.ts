// Calendar reminders of planned events: one Google Calendar event per planned row, with a popup and an e-mail
// reminder and the responsible manager invited; moved when the row is rescheduled, ticked when done, deleted when
// cancelled; never a second one, even after a run that died before writing the calendar id back.

import type { EventChange, EventView } from '../../../src/shared/events-dto';
import { DAY, eventRows, eventsOffice, liveCalendarEvents, logEvent, typeRows } from './office';

/** CalendarApp's id is the Calendar API's id with `@google.com`: the row holds the API's. */
const apiId = (id: string) => id.replace(/@google\.com$/, '');

const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

function change(office: ReturnType<typeof eventsOffice>['office'], body: EventChange): EventView {
  return office.rpc.changeEvent(body).event;
}

test('a planned event gets one calendar event with popup and e-mail reminders, the manager as guest, the client and phone in it', () => {
  const { office, clients } = eventsOffice();
  const at = new Date(minute(office.workspace.clock.now()) + DAY).toISOString();
  const event = logEvent(office, {
    client: clients.vip.email,
    kind: 'Звонок',
    reason: 'Заказ',
    at,
    planned: true,
    manager: 'Дмитрий Ковалёв',
    note: 'обсудить скидку',
  });
  expect(event.status).toBe('planned');
  const calendar = liveCalendarEvents(office);
  expect(calendar).toHaveLength(1);
  const [c] = calendar;
  expect(apiId(c.id)).toBe(event.calendarEventId);
  expect(new Date(c.start).toISOString()).toBe(at);
  expect(c.popupReminders).toEqual([30]);
  expect(c.emailReminders).toEqual([60]);
  expect(c.guests.map((g) => g.email)).toEqual(['dmitry@example.com']);
  expect(c.invited).toEqual(['dmitry@example.com']);
  expect(c.title).toContain(clients.vip.name);
  for (const text of [clients.vip.name, clients.vip.phone, 'Заказ', 'обсудить скидку', `crm-event-id:${event.id}`])
    expect(c.description).toContain(text);
  // The calendar id went back into the event's row.
  expect(eventRows(office).find((r) => r.id === event.id)?.calendarEventId).toBe(event.calendarEventId);
});

test('rescheduling twice moves the one calendar event; done ticks it and drops its reminders; cancel deletes it', () => {
  const { office, clients } = eventsOffice();
  const now = minute(office.workspace.clock.now());
  const event = logEvent(office, {
    client: clients.vip.email,
    kind: 'Звонок',
    reason: 'Заказ',
    at: new Date(now + DAY).toISOString(),
    planned: true,
  });
  const later = new Date(now + 2 * DAY).toISOString();
  change(office, { id: event.id, action: 'reschedule', at: later });
  const moved = change(office, { id: event.id, action: 'reschedule', at: later });
  expect(moved.calendarEventId).toBe(event.calendarEventId);
  let calendar = liveCalendarEvents(office);
  expect(calendar).toHaveLength(1);
  expect(new Date(calendar[0].start).toISOString()).toBe(later);
  expect((eventRows(office)[0].date as Date).toISOString()).toBe(later);

  // A wall-clock time without a zone is the spreadsheet's (Moscow, UTC+3).
  change(office, { id: event.id, action: 'reschedule', at: '2026-03-05T15:30' });
  expect(new Date(liveCalendarEvents(office)[0].start).toISOString()).toBe('2026-03-05T12:30:00.000Z');

  const done = change(office, { id: event.id, action: 'done', result: 'Заказал', nextStep: 'Отправить счёт' });
  expect(done).toMatchObject({ status: 'done', result: 'Заказал', nextStep: 'Отправить счёт' });
  calendar = liveCalendarEvents(office);
  expect(calendar).toHaveLength(1);
  expect(calendar[0].title.startsWith('✓')).toBe(true);
  expect([...calendar[0].popupReminders, ...calendar[0].emailReminders]).toEqual([]);
  expect(eventRows(office)[0]).toMatchObject({ status: 'сделано', result: 'Заказал', nextStep: 'Отправить счёт' });

  const cancelled = change(office, { id: event.id, action: 'cancel' });
  expect(cancelled.calendarEventId).toBe('');
  expect(liveCalendarEvents(office)).toHaveLength(0);
  expect(eventRows(office)[0]).toMatchObject({ status: 'отменено', calendarEventId: '' });
});

test('a run that died before writing the calendar id back: the next save finds the calendar event by its tag', () => {
  const { office, clients } = eventsOffice();
  const now = minute(office.workspace.clock.now());
  // The run is killed at its one write, after the calendar event was made: nothing of the row landed.
  office.workspace.faults.add({ service: 'Sheets.Spreadsheets.batchUpdate', kind: 'kill', nth: [1] });
  const crash = {
    id: 'E-crash-1',
    client: clients.vip.email,
    kind: 'Звонок',
    reason: '',
    at: new Date(now + DAY).toISOString(),
    planned: true,
  };
  expect(() => office.rpc.logEvent(crash)).toThrow();
  office.workspace.faults.clear();
  expect(eventRows(office)).toHaveLength(0);
  expect(liveCalendarEvents(office)).toHaveLength(1);

  // The sidebar repeats the call (its answer was lost): the calendar event is found by our id, not made twice.
  const again = office.rpc.logEvent({ ...crash, retry: true });
  const calendar = liveCalendarEvents(office);
  expect(calendar).toHaveLength(1);
  expect(again.calendarEventId).toBe(apiId(calendar[0].id));
  expect(eventRows(office)).toHaveLength(1);
  expect(eventRows(office)[0]).toMatchObject({ id: 'E-crash-1', calendarEventId: apiId(calendar[0].id) });

  const later = new Date(now + 3 * DAY).toISOString();
  const moved = change(office, { id: 'E-crash-1', action: 'reschedule', at: later });
  expect(liveCalendarEvents(office)).toHaveLength(1);
  expect(moved.calendarEventId).toBe(apiId(calendar[0].id));
  expect(new Date(liveCalendarEvents(office)[0].start).toISOString()).toBe(later);
});

test('a calendar event deleted by hand comes back on the next change', () => {
  const { office, clients } = eventsOffice();
  const now = minute(office.workspace.clock.now());
  const event = logEvent(office, {
    client: clients.regular.email,
    kind: 'Встреча',
    reason: '',
    at: new Date(now + DAY).toISOString(),
    planned: true,
  });
  office.workspace.calendar.deleteByUser(`${event.calendarEventId}@google.com`, office.workspace.clock.now());
  const moved = change(office, { id: event.id, action: 'reschedule', at: new Date(now + 2 * DAY).toISOString() });
  expect(liveCalendarEvents(office).map((e) => apiId(e.id))).toEqual([moved.calendarEventId]);
  expect(moved.calendarEventId).not.toBe(event.calendarEventId);
});

test('a planned row typed by hand (no id) gets an id as it is typed and its calendar event on the first change', () => {
  const { office, clients } = eventsOffice();
  typeRows(office, 'events', [
    {
      date: '02.03.2026 18:00',
      kind: 'Звонок',
      client: clients.sleepy.name,
      phone: `'${clients.sleepy.phone}`,
      manager: 'Нино Беридзе',
      status: 'план',
    },
  ]);
  const view = office.rpc.getReminders();
  const [typed] = view.due.groups.flatMap((g) => g.events);
  expect(typed).toMatchObject({ client: clients.sleepy.name, phone: clients.sleepy.phone, calendarEventId: '' });
  expect(typed.id).not.toBe('');
  expect(eventRows(office)[0].id).toBe(typed.id);
  const moved = change(office, { id: typed.id, action: 'reschedule', at: '2026-03-03T10:00' });
  const calendar = liveCalendarEvents(office);
  expect(calendar.map((e) => apiId(e.id))).toEqual([moved.calendarEventId]);
  expect(calendar[0].guests.map((g) => g.email)).toEqual(['nino@example.com']);
});

test('a head may give an event to a subordinate; a manager may not give one to their head', () => {
  const head = eventsOffice({ session: { email: 'olga@example.com' } });
  const event = logEvent(head.office, {
    client: head.clients.vip.email,
    kind: 'Звонок',
    reason: '',
    at: new Date(minute(head.office.workspace.clock.now()) + DAY).toISOString(),
    planned: true,
  });
  expect(event.manager).toBe('Ольга Смирнова');
  const given = change(head.office, { id: event.id, action: 'assign', manager: 'Нино Беридзе' });
  expect(given.manager).toBe('Нино Беридзе');
  const [c] = liveCalendarEvents(head.office);
  // Olga owns the calendar, so she was never a guest; Nino is now.
  expect(c.guests.map((g) => g.email)).toEqual(['nino@example.com']);
  expect(eventRows(head.office)[0].manager).toBe('Нино Беридзе');

  // Nino signed in with her own account (the owner, the office account, may give anything to anyone).
  const manager = eventsOffice();
  const asNino = <T>(fn: () => T) => manager.office.workspace.runAs({ email: 'nino@example.com' }, fn);
  const own = asNino(() => logEvent(manager.office, { client: manager.clients.vip.email, kind: 'Звонок', reason: '' }));
  expect(() =>
    asNino(() => manager.office.rpc.changeEvent({ id: own.id, action: 'assign', manager: 'Ольга Смирнова' })),
  ).toThrow('Вы не можете назначить ответственным Ольга Смирнова: это может сделать только руководитель.');
  expect(eventRows(manager.office)[0].manager).toBe('Нино Беридзе');
});

test('an unknown id is refused with a message, not a crash', () => {
  const { office } = eventsOffice();
  expect(() => office.rpc.changeEvent({ id: 'E-nope', action: 'done' })).toThrow('E-nope');
});
