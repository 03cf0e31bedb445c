// Logging events through the built bundle: one appended row per event, the client resolved from Google Contacts, text
// that looks like a formula kept as text, and two people logging at the same moment losing nothing.

import { DAY, eventRows, eventsOffice, logEvent } from './office';

test('logging an event appends one row with the client found in Contacts and returns the event', () => {
  const { office, clients } = eventsOffice();
  const at = new Date(Math.floor(office.workspace.clock.now() / 60_000) * 60_000 - 2 * 3600_000).toISOString();
  const event = logEvent(office, {
    client: clients.vip.email,
    kind: 'Звонок',
    reason: 'Заказ',
    at,
    note: '=HYPERLINK("http://x")',
  });
  expect(event).toMatchObject({
    clientId: clients.vip.resourceName,
    client: clients.vip.name,
    phone: clients.vip.phone,
    kind: 'Звонок',
    reason: 'Заказ',
    status: 'done',
    at,
    calendarEventId: '',
    createdBy: 'office@example.com',
  });
  const rows = eventRows(office);
  expect(rows).toHaveLength(1);
  // The note is kept as text: the apostrophe Sheets swallows was there, so no formula was written.
  expect(rows[0]).toMatchObject({
    id: event.id,
    client: clients.vip.name,
    clientId: clients.vip.resourceName,
    phone: clients.vip.phone,
    status: 'сделано',
    result: '=HYPERLINK("http://x")',
  });
  expect((rows[0].date as Date).toISOString()).toBe(at);
  expect(office.workspace.calendar.allEvents()).toHaveLength(0);
});

test('a client named by phone in another spelling, or by resourceName, is the same contact', () => {
  const { office, clients } = eventsOffice();
  const byPhone = logEvent(office, { client: '8 (912) 444-55-66', kind: 'Звонок', reason: '' });
  expect(byPhone.clientId).toBe(clients.regular.resourceName);
  const byId = logEvent(office, { client: clients.regular.resourceName, kind: 'Встреча', reason: '' });
  expect(byId).toMatchObject({
    clientId: clients.regular.resourceName,
    client: clients.regular.name,
    phone: clients.regular.phone,
  });
  // A number nobody has is refused (never an unlinked "logged"), unless the user chose "without a client".
  expect(() => logEvent(office, { client: '+995 555 12 34 56', kind: 'Пропущенный звонок', reason: '' })).toThrow(
    'Клиент «+995 555 12 34 56» не найден. Выберите клиента, добавьте нового или запишите без клиента.',
  );
  expect(eventRows(office)).toHaveLength(2);
  const stranger = logEvent(office, {
    client: '+995 555 12 34 56',
    noClient: true,
    kind: 'Пропущенный звонок',
    reason: '',
  });
  expect(stranger).toMatchObject({ clientId: '', client: '+995 555 12 34 56', phone: '+995 555 12 34 56' });
  // The phone that starts with "+" went in as text.
  expect(eventRows(office).map((r) => r.phone)).toContain('+995 555 12 34 56');
});

test('the default manager is the staff member logging; refusals are worded for people', () => {
  // Dmitry signed in with his own account (the spreadsheet's owner is the office account, which may do anything).
  const { office, clients } = eventsOffice();
  const asDmitry = <T>(fn: () => T) => office.workspace.runAs({ email: 'dmitry@example.com' }, fn);
  expect(asDmitry(() => logEvent(office, { client: clients.vip.email, kind: 'Звонок', reason: '' })).manager).toBe(
    'Дмитрий Ковалёв',
  );
  expect(() => asDmitry(() => office.rpc.logEvent({ client: clients.vip.email, kind: '', reason: '' }))).toThrow(
    /^Выберите вид события\.$/,
  );
  // A manager may not hand an event to their head.
  expect(() =>
    asDmitry(() =>
      office.rpc.logEvent({ client: clients.vip.email, kind: 'Звонок', reason: '', manager: 'Ольга Смирнова' }),
    ),
  ).toThrow('Ольга Смирнова');
  expect(eventRows(office)).toHaveLength(1);
});

test('two people logging at the same moment both land: the second, let in between the first one’s reads and its append, waits for the write lock and is told', () => {
  const { office, clients } = eventsOffice();
  let second: ReturnType<typeof office.sheet.invoke> | undefined;
  const input = { id: 'E-second', client: clients.regular.email, kind: 'Встреча', reason: 'Заказ' };
  office.workspace.interleave({
    of: (e) => e.functionName === 'logEvent',
    beforeService: 'Sheets.Spreadsheets.batchUpdate',
    run: () => (second = office.sheet.invoke('logEvent', [input])),
  });
  const first = logEvent(office, { client: clients.vip.email, kind: 'Звонок', reason: 'Заказ' });
  // The first still held the lock (suspended): the second gave up waiting, wrote nothing, and said so.
  expect((second?.error as Error)?.message).toMatch(/^Lock timeout/);
  expect(eventRows(office).map((r) => r.id)).toEqual([first.id]);
  // Done again, it lands; nothing is lost or doubled.
  const again = logEvent(office, input);
  const rows = eventRows(office);
  expect(rows.map((r) => r.id).sort()).toEqual([first.id, again.id].sort());
  expect(rows.map((r) => r.clientId).sort()).toEqual([clients.vip.resourceName, clients.regular.resourceName].sort());
});

test('logging again with the same id (a retry after a lost answer) writes nothing twice', () => {
  const { office, clients } = eventsOffice();
  const at = new Date(office.workspace.clock.now() + DAY).toISOString();
  const input = { id: 'E-retry-1', client: clients.vip.email, kind: 'Звонок', reason: 'Заказ', at, planned: true };
  const first = logEvent(office, input);
  const again = logEvent(office, input);
  expect(again.id).toBe(first.id);
  expect(again.calendarEventId).toBe(first.calendarEventId);
  expect(eventRows(office)).toHaveLength(1);
  expect(office.workspace.calendar.allEvents()).toHaveLength(1);
});

test('readable through getReminders right after logging', () => {
  const { office, clients } = eventsOffice();
  logEvent(office, {
    client: clients.vip.email,
    kind: 'Звонок',
    reason: 'Заказ',
    planned: true,
    at: new Date(office.workspace.clock.now() + 3600_000).toISOString(),
  });
  const view = office.rpc.getReminders();
  expect(view.due.groups.flatMap((g) => g.events).map((e) => e.client)).toEqual([clients.vip.name]);
});
