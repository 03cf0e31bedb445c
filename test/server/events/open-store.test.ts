// The store of open events stays what the Events sheet says, whatever the office does to the sheet by hand: a date or
// a status typed over, a planned row typed in, the sheet sorted, rows deleted. And each action on the Reminders screen
// patches the list it came from, in a handful of requests, with an undo.

import type { DueEventView, RemindersView } from '../../../src/shared/events-dto';
import { serverRpc } from '../../../src/local/gas/server-rpc';
import {
  DAY,
  eventRows,
  eventsOffice,
  liveCalendarEvents,
  logEvent,
  typeRows,
  WRITE_LOCK_CALLS,
  CRM_LINE_CALLS,
} from './office';

const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;
const dueOf = (view: RemindersView): DueEventView[] => view.due.groups.flatMap((g) => g.events);
const EVENTS = 'События';

function planned(office: ReturnType<typeof eventsOffice>['office'], client: string, at: number) {
  return logEvent(office, { client, kind: 'Визит', reason: 'Стрижка', planned: true, at: new Date(at).toISOString() });
}

/** The sheet row and column letter of an event's cell, as the office sees the sheet now. */
function cellOf(office: ReturnType<typeof eventsOffice>['office'], id: string, key: string): string {
  const rows = eventRows(office);
  const row = rows.find((r) => r.id === id)!;
  const header = office.workspace.spreadsheets.values(office.spreadsheetId, EVENTS)[0].map(String);
  const titles: Record<string, string> = { date: 'Дата и время', status: 'Статус', manager: 'Менеджер' };
  return `${String.fromCharCode(65 + header.indexOf(titles[key]))}${row.row}`;
}

test('a date or a status typed over in the Events sheet moves or closes the event on the next screen', () => {
  const { office, clients } = eventsOffice();
  const now = minute(office.workspace.clock.now());
  const a = planned(office, clients.vip.email, now + 3600_000);
  const b = planned(office, clients.regular.email, now + 2 * 3600_000);
  expect(dueOf(office.rpc.getReminders()).map((e) => e.id)).toEqual([a.id, b.id]);

  const user = office.workspace.sheetsUser;
  user.edit(office.spreadsheetId, EVENTS, cellOf(office, a.id, 'date'), [['05.03.2026 12:00']]);
  user.edit(office.spreadsheetId, EVENTS, cellOf(office, b.id, 'status'), [['сделано']]);
  const view = office.rpc.getReminders();
  expect(dueOf(view)).toEqual([]);
  expect(view.ahead.week).toBe(1);
  const week = office.rpc.getDue({ days: 7 });
  expect(week.groups.flatMap((g) => g.events).map((e) => [e.id, e.day])).toEqual([[a.id, '2026-03-05']]);
});

test('a planned row typed in by hand is on the screen at once, with an id the sheet shows', () => {
  const { office, clients } = eventsOffice();
  typeRows(office, 'events', [
    { date: '02.03.2026 16:00', kind: 'Визит', client: clients.sleepy.name, manager: 'Нино Беридзе', status: 'план' },
  ]);
  const [typed] = dueOf(office.rpc.getReminders());
  expect(typed).toMatchObject({ client: clients.sleepy.name, manager: 'Нино Беридзе' });
  expect(eventRows(office)[0].id).toBe(typed.id);
});

test('after a sort by hand the hints are stale: an action still finds its row by id and writes only that row', () => {
  const { office, clients } = eventsOffice();
  const now = minute(office.workspace.clock.now());
  const late = planned(office, clients.vip.email, now + 5 * 3600_000);
  const early = planned(office, clients.regular.email, now + 3600_000);
  const view = office.rpc.getReminders();
  const item = dueOf(view).find((e) => e.id === late.id)!;
  const before = eventRows(office).find((r) => r.id === late.id)!.row;
  // Sorted by date: the later event moves down a row.
  office.workspace.sheetsUser.sort(office.spreadsheetId, EVENTS, 'A2:M3', 2, true);
  expect(eventRows(office).find((r) => r.id === late.id)!.row).not.toBe(before);
  const patch = office.rpc.changeEvent({ id: late.id, action: 'done', result: 'Пришла', hints: item.hints });
  expect(patch).toMatchObject({ open: false, event: { status: 'done', result: 'Пришла' } });
  const rows = eventRows(office);
  expect(rows.find((r) => r.id === late.id)).toMatchObject({ status: 'сделано', result: 'Пришла' });
  expect(rows.find((r) => r.id === early.id)).toMatchObject({ status: 'план', result: '' });
  expect(dueOf(office.rpc.getReminders()).map((e) => e.id)).toEqual([early.id]);
});

test('rows deleted by hand leave the screen (onChange), and an action on one says it is gone', () => {
  const { office, clients } = eventsOffice();
  const now = minute(office.workspace.clock.now());
  const a = planned(office, clients.vip.email, now + 3600_000);
  const b = planned(office, clients.regular.email, now + 2 * 3600_000);
  const item = dueOf(office.rpc.getReminders()).find((e) => e.id === a.id)!;
  const row = eventRows(office).find((r) => r.id === a.id)!.row;
  const deleted = office.workspace.sheetsUser.deleteRows(office.spreadsheetId, EVENTS, row, 1);
  expect(deleted.fired.map((f) => [f.handler, f.error])).toContainEqual(['onEventsChange', undefined]);
  expect(dueOf(office.rpc.getReminders()).map((e) => e.id)).toEqual([b.id]);
  expect(() => office.rpc.changeEvent({ id: a.id, action: 'done', hints: item.hints })).toThrow(/нет события с ID/);
});

test('Done, Undo, Reschedule, Cancel: each a patch for the list, each in a handful of requests', () => {
  const { office, clients } = eventsOffice();
  const now = minute(office.workspace.clock.now());
  const a = planned(office, clients.vip.email, now + 3600_000);
  planned(office, clients.regular.email, now + 2 * 3600_000);
  const [first, second] = dueOf(office.rpc.getReminders());
  expect(first.id).toBe(a.id);
  const ws = office.workspace;
  // The requests of the action's own execution (the add-on's web app, told of the change, runs on its own): a
  // handful, plus the write lock's two (waitLock, releaseLock: sheets/write-lock.ts).
  let calls = 0;
  const rpc = serverRpc(office.sheet, { afterRun: (run) => (calls = run.report.serviceCalls) });
  const roundTrips = () => calls;

  ws.calls.reset();
  const done = rpc.changeEvent({ id: first.id, action: 'done', result: 'Пришла', hints: first.hints });
  // Done an hour before the call: one read more, of the calendar event's guests, so its manager comes off them (their
  // own calendar's reminder would still fire: calendar.ts).
  expect(roundTrips()).toBeLessThanOrEqual(5 + WRITE_LOCK_CALLS + CRM_LINE_CALLS + 1);
  expect(done).toMatchObject({ open: false, message: expect.stringContaining('Выполнено') });
  expect(done.undo).toBeDefined();

  ws.calls.reset();
  const undone = rpc.undoChange(done.undo!);
  expect(undone).toMatchObject({ open: true, event: { status: 'planned', result: '' } });
  expect(roundTrips()).toBeLessThanOrEqual(5 + WRITE_LOCK_CALLS + CRM_LINE_CALLS);
  expect(dueOf(office.rpc.getReminders()).map((e) => e.id)).toContain(first.id);
  // An undo whose event changed again since is refused, saying so.
  expect(() => office.rpc.undoChange(done.undo!)).toThrow(/изменили/);

  ws.calls.reset();
  const moved = rpc.changeEvent({
    id: second.id,
    action: 'reschedule',
    at: '2026-03-03T15:30',
    hints: second.hints,
  });
  expect(moved).toMatchObject({
    open: true,
    day: '2026-03-03',
    message: 'Перенесено на 03.03.2026 15:30: Стрижка — Петрова Анна.',
  });
  expect(roundTrips()).toBeLessThanOrEqual(5 + WRITE_LOCK_CALLS + CRM_LINE_CALLS);

  const [again] = dueOf(office.rpc.getReminders());
  const calendarBefore = liveCalendarEvents(office).length;
  ws.calls.reset();
  const cancelled = rpc.changeEvent({ id: again.id, action: 'cancel', hints: again.hints });
  expect(cancelled.open).toBe(false);
  expect(roundTrips()).toBeLessThanOrEqual(5 + WRITE_LOCK_CALLS + CRM_LINE_CALLS);
  expect(liveCalendarEvents(office)).toHaveLength(calendarBefore - 1);
  const back = office.rpc.undoChange(cancelled.undo!);
  expect(back.event.calendarEventId).not.toBe('');
  expect(liveCalendarEvents(office)).toHaveLength(calendarBefore);
  expect(eventRows(office).find((r) => r.id === again.id)).toMatchObject({ status: 'план' });
  void DAY;
});
