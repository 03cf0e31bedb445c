// One client's card and whole history, saving the card while someone else changed the contact, and adding a client
// without making a second one — through the built bundle on the emulated Workspace.

import type { Office } from '../../../src/local/office';
import { call, testOffice } from '../../support/office';
import { appendRows, DAY, phoneOf, seedClients } from '../card-index/support';

let office: Office;
let names: string[];
const CLIENT = 7;

beforeAll(() => {
  office = testOffice();
  office.rpc.runSetup();
  ({ names } = seedClients(office, 60));
  const now = office.workspace.clock.now();
  const rn = names[CLIENT];
  appendRows(office, 'events', [
    ...Array.from({ length: 30 }, (_, i) => ({
      id: `E-${i}`,
      date: new Date(now - (40 - i) * DAY),
      kind: 'Звонок',
      reason: 'Интерес',
      client: `Клиент${CLIENT} Иван`,
      clientId: rn,
      manager: 'Анна',
      result: `Итог ${i}`,
      status: i === 3 ? 'отменено' : 'сделано',
    })),
    // Someone else's events between: not this client's.
    ...Array.from({ length: 200 }, (_, i) => ({
      id: `O-${i}`,
      date: new Date(now - i * 3_600_000),
      kind: 'Звонок',
      reason: 'Интерес',
      client: `Клиент${i % 50 === CLIENT ? 8 : i % 50} Иван`,
      clientId: names[i % 50 === CLIENT ? 8 : i % 50],
      manager: 'Анна',
      status: 'сделано',
    })),
    {
      id: 'P-2',
      date: new Date(now + 5 * DAY),
      kind: 'Встреча',
      reason: 'Оплата',
      client: 'x',
      clientId: rn,
      status: 'план',
    },
    {
      id: 'P-1',
      date: new Date(now - 1 * DAY),
      kind: 'Звонок',
      reason: 'Оплата',
      client: 'x',
      clientId: rn,
      status: 'план',
    },
    // Restored by hand: the client's name only, no contact id.
    {
      id: 'T-1',
      date: new Date(now - 100 * DAY),
      kind: 'Визит',
      reason: 'Первый',
      client: `клиент${CLIENT} иван`,
      status: 'сделано',
    },
  ]);
  call(office.sheet, 'refreshIndexTrigger', {});
});

describe('getClient', () => {
  test('the card, planned events first (soonest first), then the history newest first, paged', () => {
    const view = office.rpc.getClient({ client: names[CLIENT], limit: 10 });
    expect(view.client).toMatchObject({
      resourceName: names[CLIENT],
      name: `Клиент${CLIENT} Иван`,
      familyName: `Клиент${CLIENT}`,
      givenName: 'Иван',
      phones: [phoneOf(CLIENT)],
      emails: [`client${CLIENT}@example.ru`],
      manager: 'Анна',
      labels: [],
    });
    expect(view.client.etag).toBeTruthy();
    expect(view.planned.map((e) => e.id)).toEqual(['P-1', 'P-2']);
    expect(view.client.nextPlanned).toBe(view.planned[0].at);
    expect(view.total).toBe(31);
    expect(view.events.map((e) => e.id)).toEqual([
      'E-29',
      'E-28',
      'E-27',
      'E-26',
      'E-25',
      'E-24',
      'E-23',
      'E-22',
      'E-21',
      'E-20',
    ]);
    expect(view.client.lastContact).toBe(view.events[0].at);
    const last = office.rpc.getClient({ client: names[CLIENT], offset: 30, limit: 10 });
    expect(last.events.map((e) => e.id)).toEqual(['T-1']);
    expect(last.planned).toHaveLength(2);
  });

  test('found by e-mail in any case or by phone in another format; text that names no one is refused', () => {
    expect(office.rpc.getClient({ client: `CLIENT${CLIENT}@Example.ru` }).client.resourceName).toBe(names[CLIENT]);
    expect(office.rpc.getClient({ client: `8 912 100-00-0${CLIENT}` }).client.resourceName).toBe(names[CLIENT]);
    expect(() => office.rpc.getClient({ client: 'nobody@example.org' })).toThrow(/nobody@example\.org/);
  });

  test('reads the found rows, not the whole log', () => {
    const { calls } = office.workspace.calls.measure(() => office.rpc.getClient({ client: names[CLIENT] }));
    expect(calls.length).toBeLessThanOrEqual(10);
  });
});

describe('saveClient', () => {
  test('a change made elsewhere since the card was read is kept beside ours (different fields)', () => {
    const rn = names[10];
    const seen = office.rpc.getClient({ client: rn }).client;
    office.workspace.people.editByUser(rn, { biographies: [{ value: 'Звонить после 12' }] });
    const result = office.rpc.saveClient({
      resourceName: rn,
      etag: seen.etag,
      base: seen,
      changes: { givenName: 'Пётр', phones: [...seen.phones, '8 343 222-33-44'] },
    });
    expect(result.saved).toBe(true);
    expect(result.conflicts).toEqual([]);
    expect(result.mergedFromElsewhere).toEqual(['notes']);
    const now = office.rpc.getClient({ client: rn }).client;
    expect(now).toMatchObject({
      givenName: 'Пётр',
      notes: 'Звонить после 12',
      phones: [phoneOf(10), '8 343 222-33-44'],
    });
    expect(now.etag).toBe(result.client.etag);
    // The card index (what the Gmail card reads) knows the new phone at once.
    expect(office.rpc.getClient({ client: '+73432223344' }).client.resourceName).toBe(rn);
  });

  test('the same field changed elsewhere to another value is a conflict: nothing is written', () => {
    const rn = names[11];
    const seen = office.rpc.getClient({ client: rn }).client;
    office.workspace.people.editByUser(rn, { biographies: [{ value: 'Только по e-mail' }] });
    const result = office.rpc.saveClient({
      resourceName: rn,
      etag: seen.etag,
      base: seen,
      changes: { notes: 'Звонить утром', givenName: 'Пётр' },
    });
    expect(result.saved).toBe(false);
    expect(result.conflicts).toEqual([{ field: 'notes', mine: 'Звонить утром', theirs: 'Только по e-mail' }]);
    const now = office.rpc.getClient({ client: rn }).client;
    expect(now).toMatchObject({ givenName: 'Иван', notes: 'Только по e-mail' });
  });

  test('labels, manager, birthday and first visit are saved as Google Contacts holds them', () => {
    const rn = names[12];
    const seen = office.rpc.getClient({ client: rn }).client;
    const result = office.rpc.saveClient({
      resourceName: rn,
      etag: seen.etag,
      base: seen,
      changes: { labels: ['Постоянные'], manager: 'Олег', birthday: '07.05.1980', firstVisit: '2020-01-15' },
    });
    expect(result.client).toMatchObject({
      labels: ['Постоянные'],
      manager: 'Олег',
      birthday: '1980-05-07',
      firstVisit: '2020-01-15',
    });
    const person = office.workspace.people.allContacts().find((p) => p.resourceName === rn)!;
    expect(person.userDefined).toEqual([expect.objectContaining({ key: 'Менеджер', value: 'Олег' })]);
    expect(person.events?.[0]).toMatchObject({ type: 'Первый визит', date: { year: 2020, month: 1, day: 15 } });
    const group = office.workspace.people.allGroups().find((g) => g.name === 'Постоянные')!;
    expect(JSON.stringify(person.memberships)).toContain(group.resourceName);
  });

  test('a phone that does not parse is refused and nothing is written', () => {
    const rn = names[13];
    const seen = office.rpc.getClient({ client: rn }).client;
    expect(() =>
      office.rpc.saveClient({ resourceName: rn, etag: seen.etag, base: seen, changes: { phones: ['12-34'] } }),
    ).toThrow(/12-34/);
    expect(office.rpc.getClient({ client: rn }).client.phones).toEqual([phoneOf(13)]);
  });
});

describe('addClient', () => {
  const count = () => office.workspace.people.allContacts().length;

  test('an existing e-mail in any case or phone in another format creates nothing and returns that client', () => {
    const before = count();
    const byEmail = office.rpc.addClient({ from: `Иван <CLIENT20@EXAMPLE.RU>` });
    expect(byEmail).toMatchObject({ created: false, matchedBy: 'email', client: { resourceName: names[20] } });
    const byPhone = office.rpc.addClient({ from: 'Новый <new20@example.org>', phone: '8 (912) 100-00-21' });
    expect(byPhone).toMatchObject({ created: false, matchedBy: 'phone', client: { resourceName: names[21] } });
    expect(count()).toBe(before);
  });

  test('a contact the index does not know yet (added elsewhere, just imported) is found in the account', () => {
    const ws = office.workspace;
    const [fresh] = ws.people.seed(
      [
        {
          names: [{ givenName: 'Мария', familyName: 'Петрова' }],
          emailAddresses: [{ value: 'maria@example.ru' }],
          phoneNumbers: [{ value: '+7 900 555-44-33' }],
        },
      ],
      ws.clock.now(),
    );
    const before = count();
    expect(office.rpc.addClient({ from: 'M <Maria@Example.ru>' })).toMatchObject({
      created: false,
      matchedBy: 'email',
      client: { resourceName: fresh },
    });
    expect(office.rpc.addClient({ from: 'Другая <other@example.ru>', phone: '89005554433' })).toMatchObject({
      created: false,
      matchedBy: 'phone',
      client: { resourceName: fresh },
    });
    expect(count()).toBe(before);
    // …and the index now knows it, so the Gmail card does too.
    expect(office.rpc.getClient({ client: 'maria@example.ru' }).client.resourceName).toBe(fresh);
  });

  test('a new one is created once, with its phone, label and manager; the second time it is found', () => {
    const before = count();
    const first = office.rpc.addClient({
      from: 'Гия Беридзе <gia@example.ge>',
      phone: '+995 555 12 34 56',
      labels: ['VIP'],
      manager: 'Олег',
    });
    expect(first).toMatchObject({
      created: true,
      client: {
        name: 'Беридзе Гия',
        phones: ['+995555123456'],
        emails: ['gia@example.ge'],
        labels: ['VIP'],
        manager: 'Олег',
      },
    });
    expect(count()).toBe(before + 1);
    expect(office.rpc.addClient({ from: 'gia@example.ge' })).toMatchObject({
      created: false,
      client: { resourceName: first.client.resourceName },
    });
    expect(count()).toBe(before + 1);
  });

  test('logEvent with "new client" creates or finds the contact and links the event to it', () => {
    const before = count();
    const known = office.rpc.logEvent({
      client: `client30@example.ru`,
      newClient: { from: 'client30@example.ru' },
      kind: 'Звонок',
      reason: 'Интерес',
    });
    expect(known.clientId).toBe(names[30]);
    expect(count()).toBe(before);
    const made = office.rpc.logEvent({
      client: 'Сидоров Пётр',
      newClient: { from: 'Сидоров Пётр', phone: '+7 912 777-66-55' },
      kind: 'Звонок',
      reason: 'Интерес',
    });
    expect(made.clientId).toMatch(/^people\/c/);
    expect(count()).toBe(before + 1);
    const person = office.workspace.people.allContacts().find((p) => p.resourceName === made.clientId)!;
    expect(person.names?.[0]).toMatchObject({ familyName: 'Сидоров', givenName: 'Пётр' });
    expect(office.rpc.getClient({ client: made.clientId }).events.map((e) => e.id)).toEqual([made.id]);
  });
});
