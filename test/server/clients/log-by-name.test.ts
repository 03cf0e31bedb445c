// Logging an event by what the office types — a full name, "Фамилия Имя", a phone tail — links it to the one client
// the text names; namesakes or a stranger are refused with the candidates and nothing is written; "without a client"
// writes a text-only row. Through the built bundle, on the emulated Workspace. (The row names the client as the Card
// index does: the contact's display name, given name first in the emulator as in Google.)

import { eventRows } from '../events/office';
import { resolverOffice } from './office';

const log = (office: ReturnType<typeof resolverOffice>['office'], client: string, extra = {}) =>
  office.rpc.logEvent({ client, kind: 'Звонок', reason: 'Заказ', ...extra });

test('a full name, "Фамилия Имя" reversed or by prefixes, a phone tail: the event is linked (contact id and phone)', () => {
  const { office, ids } = resolverOffice();
  const full = log(office, 'Козлова Елена Петровна');
  const reversed = log(office, 'елена козлова');
  const prefix = log(office, 'Козлова Ел');
  const tail = log(office, '4567 89');
  const yo = log(office, 'Елкина');
  const email = log(office, 'elena.kozlova@example.RU');
  expect([full, reversed, prefix, email].map((e) => [e.clientId, e.client, e.phone])).toEqual(
    Array(4).fill([ids.elena, 'Козлова Елена Петровна', '+7 916 111-22-33']),
  );
  expect([tail.clientId, tail.client, tail.phone]).toEqual([ids.maria1, 'Петрова Мария', '+7 912 345-67-89']);
  expect([yo.clientId, yo.client]).toEqual([ids.olga, 'Ёлкина Ольга']);
  const rows = eventRows(office);
  expect(rows.map((r) => r.clientId)).toEqual([ids.elena, ids.elena, ids.elena, ids.maria1, ids.olga, ids.elena]);
  expect(rows[3]).toMatchObject({ client: 'Петрова Мария', phone: '+7 912 345-67-89' });
  // The index learnt of the events: the search shows the last contact.
  const found = office.rpc.findClients({ query: 'козлова' });
  expect(found.clients.map((c) => [c.resourceName, c.lastContact])).toEqual([
    [ids.elena, full.at > email.at ? full.at : email.at],
  ]);
});

test('namesakes are refused with the candidates (name and phone) and nothing is written', () => {
  const { office } = resolverOffice();
  for (const text of ['Мария Петрова', 'Петрова Ма']) {
    expect(() => log(office, text)).toThrow(`Под «${text}» подходят несколько клиентов: Петрова Мария (+79`);
    expect(() => log(office, text)).toThrow('Выберите одного или запишите без клиента.');
    expect(() => log(office, text)).toThrow('Петрова Мария (+79123456789)');
    expect(() => log(office, text)).toThrow('Петрова Мария (+79990001122)');
  }
  // The family name alone: both Марии and Анна Петрова.
  expect(() => log(office, 'Петрова')).toThrow(/Петрова Анна \(\+79124445566\), Петрова Мария .*, Петрова Мария/);
  expect(() => log(office, 'Сергеев Пётр')).toThrow('Клиент «Сергеев Пётр» не найден.');
  expect(eventRows(office)).toHaveLength(0);
  // What the form asks before logging: the same answer, with what tells the candidates apart.
  const view = office.rpc.resolveClient('мария петрова');
  expect(view.kind).toBe('several');
  expect(view.kind === 'several' && view.candidates.map((c) => c.phones[0]).sort()).toEqual([
    '+79123456789',
    '+79990001122',
  ]);
  expect(office.rpc.resolveClient('Сергеев')).toEqual({ kind: 'none', query: 'Сергеев' });
});

test('"without a client" writes a text-only row: the text, no contact id', () => {
  const { office } = resolverOffice();
  const event = log(office, 'Мария Петрова', { noClient: true });
  expect(event).toMatchObject({ client: 'Мария Петрова', clientId: '', phone: '' });
  expect(eventRows(office)).toEqual([expect.objectContaining({ client: 'Мария Петрова', clientId: '', phone: '' })]);
});

test('a contact the index does not hold yet is still found by its resourceName or e-mail (People)', () => {
  const { office, clients } = resolverOffice();
  const ws = office.workspace;
  const late = ws.people.seed(
    [{ names: [{ familyName: 'Новиков', givenName: 'Пётр' }], emailAddresses: [{ value: 'novikov@example.ru' }] }],
    ws.clock.now(),
  )[0];
  expect(log(office, late)).toMatchObject({ clientId: late, client: 'Новиков Пётр' });
  expect(log(office, 'NOVIKOV@example.ru')).toMatchObject({ clientId: late, client: 'Новиков Пётр' });
  expect(log(office, clients.vip.resourceName)).toMatchObject({ clientId: clients.vip.resourceName });
  expect(() => log(office, 'people/c999999')).toThrow('Контакта people/c999999 больше нет в Google Контактах.');
});

test('findClients: best match first, with total and limit, from one read of the index', () => {
  const { office, ids } = resolverOffice();
  // Петрова Мария ×2, Петрова Анна, Козлова Елена Петровна.
  const result = office.rpc.findClients({ query: 'петр', limit: 1 });
  expect(result).toMatchObject({ total: 4, limit: 1 });
  expect(result.clients).toHaveLength(1);
  expect(
    office.rpc
      .findClients({ query: 'Петрова Мария' })
      .clients.map((c) => c.resourceName)
      .sort(),
  ).toEqual([ids.maria1, ids.maria2].sort());
  office.workspace.calls.reset();
  office.rpc.findClients({ query: '4567' });
  const calls = office.workspace.calls.byService();
  const reads = Object.entries(calls).filter(([k]) => /getValues/.test(k));
  expect(reads).toEqual([['SpreadsheetApp.Range.getValues', 2]]);
});
