// Users Google does not name (Session.getActiveUser().getEmail() is blank: a consumer account, another domain, a
// simple trigger run by a colleague) are neither the office's shared account nor a staff member.

import { eventRows, eventsOffice, logEvent, typeRows } from './office';

const GUEST = { email: 'guest@gmail.com' };
const DMITRY = { email: 'dmitry@example.com' };

test('a consumer guest may not make a manager responsible; an event they log stays unassigned and unsigned', () => {
  const { office, clients } = eventsOffice();
  const ws = office.workspace;
  const base = { client: clients.vip.email, kind: 'Звонок', reason: 'Заказ' };
  // The shared account may name anyone; the same call from the guest is refused.
  expect(() => ws.runAs(GUEST, () => logEvent(office, { ...base, manager: 'Ольга Смирнова' }))).toThrow(
    /Ольга Смирнова/,
  );
  const logged = ws.runAs(GUEST, () => logEvent(office, base));
  expect(logged.manager).toBe('');
  const row = eventRows(office).find((r) => r.id === logged.id);
  expect(row?.manager ?? '').toBe('');
  expect(logEvent(office, { ...base, manager: 'Ольга Смирнова' }).manager).toBe('Ольга Смирнова');
});

test("the Reminders open on the signed-in colleague's tasks; a guest gets no one's (nothing remembered)", () => {
  const { office } = eventsOffice();
  const ws = office.workspace;
  expect(ws.runAs(DMITRY, () => office.rpc.getReminders())).toMatchObject({ me: 'Дмитрий Ковалёв' });
  expect(ws.runAs(GUEST, () => office.rpc.getReminders())).toMatchObject({ me: '', manager: '' });
});

test('a colleague typing into Events fires the simple onEdit, where Google names no one: the rows are still checked', () => {
  const { office, clients } = eventsOffice();
  const ws = office.workspace;
  ws.runAs(DMITRY, () =>
    typeRows(office, 'events', [
      {
        id: 'E-x',
        date: 'завтра',
        kind: 'Звонок',
        client: clients.vip.name,
        manager: 'Дмитрий Ковалёв',
        status: 'план',
      },
    ]),
  );
  const view = ws.runAs(DMITRY, () => office.rpc.getReminders());
  expect(view.problems.length).toBeGreaterThan(0);
});
