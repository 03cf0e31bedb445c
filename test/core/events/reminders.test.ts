import {
  dueList,
  groupByManager,
  lastContactByClient,
  quietClients,
  quietDailyCap,
  EventRecord,
  QuietClientInput,
} from '../../../src/core/events';

let seq = 0;
function ev(at: string, fields: Partial<EventRecord> = {}): EventRecord {
  seq++;
  return {
    id: `E${seq}`,
    at: new Date(at),
    allDay: false,
    kind: 'Звонок',
    reason: '',
    client: 'Иванов',
    clientId: 'people/c1',
    phone: '',
    manager: 'Ольга',
    result: '',
    nextStep: '',
    status: 'done',
    calendarEventId: '',
    createdBy: '',
    rowNumber: seq + 1,
    ...fields,
  };
}
const DAY = 86_400_000;

describe('due list', () => {
  // 22:30 UTC on 10 March is already 01:30 on 11 March in Moscow.
  const now = new Date('2025-03-10T22:30:00Z');
  const lateOn10th = ev('2025-03-10T20:00:00Z', { status: 'planned', id: 'late10' }); // 23:00 Moscow, 10 March
  const eveningOn11th = ev('2025-03-11T19:00:00Z', { status: 'planned', id: 'eve11', manager: 'Анна' }); // 22:00 Moscow, 11 March
  const doneOld = ev('2025-03-01T08:00:00Z', { reason: 'Заказ' });
  const events = [eveningOn11th, lateOn10th, doneOld, ev('2025-03-09T08:00:00Z', { status: 'cancelled' })];

  test('in Moscow the 10th is yesterday: overdue; the 11th evening is due today', () => {
    const list = dueList(events, now, 'Europe/Moscow');
    expect(list.map((i) => [i.event.id, i.overdue, i.dueToday])).toEqual([
      ['late10', true, false],
      ['eve11', false, true],
    ]);
    expect(list[0].lastContact).toEqual({ at: doneOld.at, kind: 'Звонок', reason: 'Заказ' });
  });

  test('in UTC the same instant is still the 10th: nothing overdue, the 11th not yet due', () => {
    expect(dueList(events, now, 'UTC').map((i) => [i.event.id, i.overdue])).toEqual([['late10', false]]);
  });

  test('grouped by manager, alphabetically, unassigned last', () => {
    const list = dueList(
      [...events, ev('2025-03-10T05:00:00Z', { status: 'planned', manager: '' })],
      now,
      'Europe/Moscow',
    );
    expect(groupByManager(list).map((g) => [g.manager, g.items.length])).toEqual([
      ['Анна', 1],
      ['Ольга', 1],
      ['', 1],
    ]);
  });

  test('last contact counts done events only', () => {
    const m = lastContactByClient([
      ev('2025-01-01T00:00:00Z'),
      ev('2025-02-01T00:00:00Z', { status: 'cancelled' }),
      ev('2025-03-01T00:00:00Z', { status: 'planned' }),
    ]);
    expect(m.get('people/c1')?.at.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('gone quiet', () => {
  const at = new Date('2025-06-01T09:00:00Z');
  const daysAgo = (n: number) => new Date(at.getTime() - n * DAY).toISOString();
  const options = { at, timeZone: 'Europe/Moscow', defaultDays: 90, daysByLabel: { VIP: 30, Постоянный: 90 } };
  const vipRegular: QuietClientInput = {
    resourceName: 'people/c1',
    name: 'Иванов',
    labels: ['постоянный', 'vip'],
    phone: '+7 900',
  };
  const regular: QuietClientInput = { resourceName: 'people/c2', name: 'Петров', labels: ['Постоянный'] };

  test('the smallest period among the labels wins, label names without case', () => {
    const events = [
      ev(daysAgo(40), { clientId: 'people/c1' }),
      ev(daysAgo(40), { clientId: 'people/c2', client: 'Петров' }),
    ];
    const quiet = quietClients([vipRegular, regular], events, options);
    expect(quiet).toMatchObject([
      { resourceName: 'people/c1', days: 40, period: 30, phone: '+7 900', dueDay: '2025-05-22' },
    ]); // crossed 10 days ago
  });

  test('any done event resets the clock; a planned one means someone is on it; a cancelled one changes nothing', () => {
    const old = ev(daysAgo(100), { clientId: 'people/c2', client: 'Петров' });
    expect(quietClients([regular], [old], options)).toHaveLength(1);
    expect(
      quietClients([regular], [old, ev(daysAgo(5), { clientId: 'people/c2', kind: 'SMS', reason: 'Жалоба' })], options),
    ).toEqual([]);
    expect(
      quietClients([regular], [old, ev(daysAgo(-3), { clientId: 'people/c2', status: 'planned' })], options),
    ).toEqual([]);
    expect(
      quietClients([regular], [old, ev(daysAgo(5), { clientId: 'people/c2', status: 'cancelled' })], options),
    ).toHaveLength(1);
    // A row restored by hand with the name only still counts as a contact.
    expect(quietClients([regular], [old, ev(daysAgo(5), { clientId: '', client: ' петров ' })], options)).toEqual([]);
  });

  test('never contacted: from the first visit when known, else quiet at once', () => {
    const fresh = { ...regular, since: new Date(daysAgo(10)) };
    expect(quietClients([fresh], [], options)).toEqual([]);
    expect(quietClients([{ ...regular }], [], options)).toMatchObject([{ lastAt: null, days: null }]);
  });

  test('200 clients crossing on the same day are spread: no day over the cap, and the spread is stable', () => {
    const clients: QuietClientInput[] = Array.from({ length: 200 }, (_, i) => ({
      resourceName: `people/c${1000 + i}`,
      name: `Клиент ${i}`,
      labels: ['Постоянный'],
    }));
    const events = clients.map((c) => ev(daysAgo(90), { clientId: c.resourceName, client: c.name }));
    const cap = quietDailyCap(clients, 90, options.daysByLabel);
    expect(cap).toBe(3);
    const all = quietClients(clients, events, { ...options, includeLater: true });
    expect(all).toHaveLength(200);
    const perDay = new Map<string, number>();
    for (const q of all) perDay.set(q.dueDay, (perDay.get(q.dueDay) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(cap);
    expect(perDay.size).toBe(Math.ceil(200 / cap));
    const today = quietClients(clients, events, options);
    expect(today).toHaveLength(cap);
    // Next day: yesterday's three are still there (nobody called them) and three more join.
    const tomorrow = quietClients(clients, events, { ...options, at: new Date(at.getTime() + DAY) });
    expect(tomorrow.map((q) => q.resourceName).slice(0, cap)).toEqual(today.map((q) => q.resourceName));
    expect(tomorrow).toHaveLength(2 * cap);
    // Calling today's three leaves everyone else's day unchanged.
    const called = [...events, ...today.map((q) => ev(at.toISOString(), { clientId: q.resourceName }))];
    const after = quietClients(clients, called, { ...options, includeLater: true });
    const dayOf = new Map(all.map((q) => [q.resourceName, q.dueDay]));
    expect(after.every((q) => q.dueDay <= dayOf.get(q.resourceName)!)).toBe(true);
    expect(quietClients(clients, events, { ...options, spread: false })).toHaveLength(200);
  });

  test('a base imported with everyone last seen on one old day is spread from the start day', () => {
    const clients: QuietClientInput[] = Array.from({ length: 50 }, (_, i) => ({
      resourceName: `people/d${i}`,
      name: `D${i}`,
      labels: [],
    }));
    const events = clients.map((c) => ev(daysAgo(400), { clientId: c.resourceName, client: c.name }));
    const list = quietClients(clients, events, { ...options, startDay: at, perDay: 5 });
    expect(list).toHaveLength(5);
  });
});
