// The follow-up lists through the built bundle: due today and overdue by manager with phone and last contact, damaged
// rows reported while the rest still lists, per-label quiet periods, interest without an order, missed calls, and the
// due list's cost (two service calls, whatever the size of the log: it reads the store of open events, not the log).

import { serverRpc } from '../../../src/local/gas/server-rpc';
import { DAY, eventsOffice, logEvent, typeRows, writeRows } from './office';

const iso = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();

test('due today and overdue, grouped by manager, each with the phone and the last contact', () => {
  const { office, clients } = eventsOffice();
  const now = office.workspace.clock.now(); // 09:00 Moscow
  logEvent(office, { client: clients.vip.email, kind: 'Встреча', reason: 'Презентация', at: iso(now - 10 * DAY) });
  logEvent(office, {
    client: clients.vip.email,
    kind: 'Звонок',
    reason: 'Заказ',
    at: iso(now + 3 * 3600_000),
    planned: true,
    manager: 'Нино Беридзе',
  });
  logEvent(office, {
    client: clients.regular.email,
    kind: 'Звонок',
    reason: '',
    at: iso(now - 2 * DAY),
    planned: true,
    manager: 'Дмитрий Ковалёв',
  });
  logEvent(office, {
    client: clients.sleepy.email,
    kind: 'Звонок',
    reason: '',
    at: iso(now + 2 * DAY),
    planned: true,
    manager: 'Дмитрий Ковалёв',
  });
  const due = office.rpc.getDue({});
  expect(due.timeZone).toBe('Europe/Moscow');
  expect(due.groups.map((g) => g.manager)).toEqual(['Дмитрий Ковалёв', 'Нино Беридзе']);
  const [dmitry, nino] = due.groups;
  expect(dmitry.events).toHaveLength(1);
  expect(dmitry.events[0]).toMatchObject({
    client: clients.regular.name,
    phone: clients.regular.phone,
    overdue: true,
    lastContact: null,
  });
  expect(nino.events[0]).toMatchObject({
    client: clients.vip.name,
    phone: clients.vip.phone,
    overdue: false,
    lastContact: { kind: 'Встреча', reason: 'Презентация' },
  });
  // A later day is not due yet; asking for that day lists it.
  const later = office.rpc.getDue({ at: iso(now + 2 * DAY) });
  expect(later.groups.flatMap((g) => g.events).map((e) => e.client)).toContain(clients.sleepy.name);
});

test('damaged rows are reported with row and column as they are typed; the rest is still listed', () => {
  const { office, clients } = eventsOffice();
  typeRows(office, 'events', [
    {
      id: 'E-a',
      date: '02.03.2026 12:00',
      kind: 'Звонок',
      client: clients.vip.name,
      clientId: clients.vip.resourceName,
      manager: 'Нино Беридзе',
      status: 'план',
    },
    { id: 'E-b', date: 'завтра', kind: 'Звонок', client: clients.regular.name, status: 'план' },
    { id: 'E-c', date: '01.03.2026 10:00', kind: 'Звонок', client: clients.sleepy.name, status: 'может быть' },
    { id: 'E-a', date: '01.03.2026 11:00', kind: 'Звонок', client: clients.sleepy.name, status: 'план' },
    { id: 'E-d', date: '', kind: 'Звонок', client: clients.sleepy.name, status: 'план' },
    { id: 'E-e', date: '28.02.2026 16:00', kind: 'Звонок', client: clients.regular.name, status: 'plan' },
  ]);
  // The typing itself (onEdit) checks the rows it touched; a repeated id is a question about the whole sheet.
  let view = office.rpc.getReminders();
  expect(view.problems.map((p) => [p.row, p.column])).toEqual([
    [3, 'Дата и время'],
    [4, 'Статус'],
    [6, 'Дата и время'],
  ]);
  expect(view.problems[0].message).toContain('завтра');
  expect(view.problems[1].message).toContain('может быть');
  // The periodic rebuild reads the whole sheet and finds the repeated id too.
  office.sheet.invoke('refreshIndexTrigger', [{}]);
  view = office.rpc.getReminders();
  expect(view.problems.map((p) => [p.row, p.column])).toEqual([
    [3, 'Дата и время'],
    [4, 'Статус'],
    [5, 'ID'],
    [6, 'Дата и время'],
  ]);
  const listed = view.due.groups.flatMap((g) => g.events).map((e) => e.id);
  expect(listed.sort()).toEqual(['E-a', 'E-e']);
  // The CLI's due list reports them too.
  expect(office.rpc.getDue({}).problems).toHaveLength(4);
});

test('per-label quiet periods: VIP after 30 days, regular clients after 90; any event resets the clock', () => {
  const { office, clients } = eventsOffice();
  const now = office.workspace.clock.now();
  // The office has used reminders for a year: crossings are not held back to spread a first-day burst.
  office.workspace.properties.poke(
    'sheet',
    'script',
    'crm.reminders.startDay',
    new Date(now - 365 * DAY).toISOString(),
  );
  logEvent(office, { client: clients.vip.email, kind: 'Звонок', reason: '', at: iso(now - 40 * DAY) });
  logEvent(office, { client: clients.regular.email, kind: 'Звонок', reason: '', at: iso(now - 40 * DAY) });
  logEvent(office, { client: clients.sleepy.email, kind: 'Звонок', reason: '', at: iso(now - 100 * DAY) });
  const quiet = office.rpc.getQuietClients();
  expect(quiet.map((q) => q.name).sort()).toEqual([clients.vip.name, clients.sleepy.name].sort());
  const vip = quiet.find((q) => q.resourceName === clients.vip.resourceName)!;
  // The list line's phone is the normalised one (E.164: what a tel: link dials).
  expect(vip).toMatchObject({ labels: ['VIP'], phone: '+79121112233', days: 40 });

  // `days` replaces every period.
  expect(
    office.rpc
      .getQuietClients(undefined, 35)
      .map((q) => q.name)
      .sort(),
  ).toEqual([clients.vip.name, clients.regular.name, clients.sleepy.name].sort());
  expect(office.rpc.getQuietClients(undefined, 200)).toEqual([]);

  // A call today takes the VIP off the list.
  logEvent(office, { client: clients.vip.email, kind: 'Звонок', reason: '' });
  expect(office.rpc.getQuietClients().map((q) => q.name)).toEqual([clients.sleepy.name]);
});

test('interest without an order, and missed calls waiting for a callback', () => {
  const { office, clients } = eventsOffice();
  const now = office.workspace.clock.now();
  logEvent(office, { client: clients.vip.email, kind: 'Встреча', reason: 'Интерес', at: iso(now - 5 * DAY) });
  logEvent(office, { client: clients.regular.email, kind: 'Встреча', reason: 'Интерес', at: iso(now - 6 * DAY) });
  logEvent(office, { client: clients.regular.email, kind: 'Звонок', reason: 'Заказ', at: iso(now - 4 * DAY) });
  logEvent(office, { client: '+7 912 777-88-99', kind: 'Пропущенный звонок', reason: '', at: iso(now - 3600_000) });
  const view = office.rpc.getReminders();
  expect(view.interested.items.map((i) => i.client)).toEqual([clients.vip.name]);
  expect(view.interested.items[0].phone).toBe(clients.vip.phone.replace(/[^\d+]/g, ''));
  expect(view.missedCalls.items.map((m) => m.client)).toEqual([clients.sleepy.name]);
  expect(view.missedCalls.items[0].count).toBe(1);
  // The forms' lists come from the Lists and Staff sheets.
  expect(view.kinds).toContain('Пропущенный звонок');
  expect(view.reasons).toContain('Интерес');
  expect(view.managers).toEqual(['Ольга Смирнова', 'Дмитрий Ковалёв', 'Нино Беридзе']);
  expect(view.locale).toBe('ru');

  // A callback clears the missed call.
  logEvent(office, { client: clients.sleepy.email, kind: 'Звонок', reason: '' });
  expect(office.rpc.getReminders().missedCalls).toEqual({ items: [], total: 0 });
});

test('the due list costs at most three service calls on a log of 5,000 events (after the store caught up with them)', () => {
  const { office, clients } = eventsOffice();
  const now = office.workspace.clock.now();
  const all = Object.values(clients);
  const managers = ['Ольга Смирнова', 'Дмитрий Ковалёв', 'Нино Беридзе'];
  const rows = Array.from({ length: 5000 }, (_, i) => {
    const c = all[i % all.length];
    const planned = i % 50 === 0;
    return {
      id: `E-bulk-${i}`,
      date: new Date(now - (planned ? (i % 3) - 1 : 1 + (i % 400)) * DAY),
      kind: 'Звонок',
      reason: 'Заказ',
      client: c.name,
      clientId: c.resourceName,
      phone: `'${c.phone}`,
      manager: managers[i % 3],
      status: planned ? 'план' : 'сделано',
    };
  });
  writeRows(office, 'events', rows);
  // Rows a script wrote (no person's edit fires a trigger) reach the store with the periodic rebuild.
  office.sheet.invoke('refreshIndexTrigger', [{}]);
  let calls = 0;
  const due = serverRpc(office.sheet, { afterRun: (run) => (calls = run.report.serviceCalls) }).getDue({
    limit: 1000,
  });
  expect(due.groups.flatMap((g) => g.events).length).toBeGreaterThan(50);
  expect(due.groups.flatMap((g) => g.events).every((e) => e.phone !== '')).toBe(true);
  // The store, the shown clients' list lines, and the zone (only while Settings names none).
  expect(calls).toBeLessThanOrEqual(3);
});
