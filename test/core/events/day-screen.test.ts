// The Reminders screen from the store of open events and the Card index's list lines (core/events/day-screen.ts).

import {
  aheadCounts,
  birthdaysFromIndex,
  byClient,
  congratulationTime,
  dueWindow,
  interestedFromIndex,
  missedFromIndex,
  nextBirthday,
  OpenEvent,
  openEventCells,
  openEventFromCells,
  openEventsFrom,
  quietFromIndex,
} from '../../../src/core/events';
import { summary } from '../clients/summaries';

const TZ = 'Europe/Moscow';
/** 09:00 in Moscow on Wednesday 2 December 2026. */
const NOW = new Date('2026-12-02T06:00:00Z');

let seq = 0;
function open(at: string, fields: Partial<OpenEvent> = {}): OpenEvent {
  seq++;
  return {
    id: `ev-${seq}`,
    at: new Date(at),
    allDay: false,
    kind: 'Визит',
    reason: 'Стрижка',
    client: `Клиент ${seq}`,
    clientId: `people/c${seq}`,
    phone: '',
    manager: 'Анна',
    result: '',
    nextStep: '',
    status: 'planned',
    calendarEventId: '',
    createdBy: '',
    rowNumber: 10 + seq,
    storeRow: 1 + seq,
    indexRow: 0,
    ...fields,
  };
}

describe('the open-events store row', () => {
  it('round-trips an event with its hints, and skips empty or damaged rows', () => {
    const e = open('2026-12-02T12:30:00Z', { phone: '+79123456789', nextStep: 'Перезвонить', calendarEventId: 'abc' });
    const cells = openEventCells(e, 7);
    const back = openEventFromCells(cells, 5)!;
    expect(back).toEqual({ ...e, storeRow: 5, indexRow: 7 });
    expect(openEventFromCells(['', '', ''], 3)).toBeUndefined();
    expect(openEventFromCells(['ev-x', 'not a date', '{}'], 3)).toBeUndefined();
    expect(openEventFromCells(['ev-x', '2026-12-02T10:00:00Z', '{broken'], 3)).toBeUndefined();
  });

  it('keeps the first of a repeated id (two appends of one event) and numbers rows from the first', () => {
    const e = open('2026-12-02T12:30:00Z');
    const rows = [openEventCells(e), ['', '', ''], openEventCells({ ...e, reason: 'Окрашивание' })];
    const list = openEventsFrom(rows, 2);
    expect(list).toHaveLength(1);
    expect(list[0].storeRow).toBe(2);
    expect(list[0].reason).toBe('Стрижка');
  });
});

describe('the due window', () => {
  const overdue = open('2026-11-30T08:00:00Z', { manager: 'Борис' });
  const today = open('2026-12-02T11:00:00Z');
  const lateToday = open('2026-12-02T20:30:00Z'); // 23:30 Moscow: still today
  const tomorrow = open('2026-12-02T21:30:00Z'); // 00:30 Moscow on the 3rd
  const inSixDays = open('2026-12-08T10:00:00Z', { manager: '' });
  const later = open('2026-12-20T10:00:00Z');
  const all = [later, inSixDays, tomorrow, lateToday, today, overdue];

  it('shows today and overdue in the office zone, overdue first, by manager with unassigned last', () => {
    const view = dueWindow(all, new Map(), { at: NOW, timeZone: TZ, days: 0 });
    expect(view.from).toBe('2026-12-02');
    expect(view.to).toBe('2026-12-02');
    expect(view.total).toBe(3);
    expect(view.overdue).toBe(1);
    expect(view.groups.map((g) => g.manager)).toEqual(['Анна', 'Борис']);
    expect(view.groups[0].events.map((e) => e.id)).toEqual([today.id, lateToday.id]);
    expect(view.groups[1].events[0]).toMatchObject({ id: overdue.id, overdue: true, day: '2026-11-30' });
    expect(view.groups[0].events[0].hints).toEqual({ storeRow: today.storeRow, eventRow: today.rowNumber });
  });

  it('takes in tomorrow and the week ahead, and counts them for the first screen', () => {
    expect(dueWindow(all, new Map(), { at: NOW, timeZone: TZ, days: 1 }).total).toBe(4);
    const week = dueWindow(all, new Map(), { at: NOW, timeZone: TZ, days: 7 });
    expect(week.total).toBe(5);
    expect(week.groups[week.groups.length - 1].manager).toBe('');
    expect(aheadCounts(all, NOW, TZ)).toEqual({ tomorrow: 1, week: 2 });
  });

  it('filters by manager and pages over the sorted window, each group saying its total', () => {
    const mine = dueWindow(all, new Map(), { at: NOW, timeZone: TZ, days: 7, manager: ' анна ' });
    expect(mine.total).toBe(3);
    const first = dueWindow(all, new Map(), { at: NOW, timeZone: TZ, days: 7, limit: 2 });
    const second = dueWindow(all, new Map(), { at: NOW, timeZone: TZ, days: 7, limit: 2, offset: 2 });
    const ids = [...first.groups, ...second.groups].flatMap((g) => g.events.map((e) => e.id));
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect(first.groups.find((g) => g.manager === 'Анна')!.total).toBe(3);
  });

  it('shows the client last contact from the index line', () => {
    const clients = byClient([
      summary(today.clientId, 'Клиент', {
        lastContact: '2026-11-01T10:00:00Z',
        lastKind: 'Звонок',
        lastReason: 'Запись',
        indexRow: 42,
      }),
    ]);
    const view = dueWindow([today], clients, { at: NOW, timeZone: TZ, days: 0 });
    expect(view.groups[0].events[0].lastContact).toEqual({
      at: '2026-11-01T10:00:00Z',
      kind: 'Звонок',
      reason: 'Запись',
    });
    expect(view.groups[0].events[0].hints.indexRow).toBe(42);
  });
});

describe('the lists from the index', () => {
  const quietOpts = { at: NOW, timeZone: TZ, defaultDays: 30, daysByLabel: { VIP: 14 }, spread: false };

  it('quiet: past their period, never with an open event, the label period winning', () => {
    const list = quietFromIndex(
      [
        summary('people/a', 'Давно', { lastContact: '2026-10-01T10:00:00Z' }),
        summary('people/b', 'Недавно', { lastContact: '2026-11-25T10:00:00Z' }),
        summary('people/c', 'VIP недавно', { lastContact: '2026-11-15T10:00:00Z', labels: ['vip'] }),
        summary('people/d', 'Записан', { lastContact: '2026-09-01T10:00:00Z' }),
      ],
      [open('2026-12-05T10:00:00Z', { clientId: 'people/d' })],
      quietOpts,
    );
    expect(list.map((q) => q.resourceName).sort()).toEqual(['people/a', 'people/c']);
  });

  it('interested with no order: the last done reason, and no planned order', () => {
    const people = [
      summary('people/a', 'Интерес', { lastContact: '2026-11-20T10:00:00Z', lastReason: 'интерес' }),
      summary('people/b', 'Заказал', { lastContact: '2026-11-21T10:00:00Z', lastReason: 'Заказ' }),
      summary('people/c', 'Заказ впереди', { lastContact: '2026-11-19T10:00:00Z', lastReason: 'Интерес' }),
    ];
    const list = interestedFromIndex(
      people,
      [open('2026-12-04T10:00:00Z', { clientId: 'people/c', reason: 'Заказ' })],
      'Интерес',
      'Заказ',
    );
    expect(list.map((i) => i.clientId)).toEqual(['people/a']);
  });

  it('missed calls waiting for a callback: longest waiting first, none once a callback is planned', () => {
    const people = [
      summary('people/a', 'А', { missed: { count: 2, at: '2026-12-01T10:00:00Z' }, phones: ['+79120000001'] }),
      summary('people/b', 'Б', { missed: { count: 1, at: '2026-11-30T10:00:00Z' } }),
      summary('people/c', 'В', { missed: { count: 1, at: '2026-11-29T10:00:00Z' } }),
    ];
    const list = missedFromIndex(people, [open('2026-12-02T12:00:00Z', { clientId: 'people/c' })]);
    expect(list.map((m) => [m.clientId, m.count])).toEqual([
      ['people/b', 1],
      ['people/a', 2],
    ]);
    expect(list[1].phone).toBe('+79120000001');
  });
});

describe('birthdays', () => {
  it('next occurrence, with the age when the year is known; 29 February kept on the 28th', () => {
    expect(nextBirthday('1990-12-05', '2026-12-02')).toEqual({ day: '2026-12-05', age: 36 });
    expect(nextBirthday('--12-01', '2026-12-02')).toEqual({ day: '2027-12-01', age: null });
    expect(nextBirthday('2000-02-29', '2027-01-10')).toEqual({ day: '2027-02-28', age: 27 });
    expect(nextBirthday('garbage', '2026-12-02')).toBeUndefined();
  });

  it('lists today and the coming days in the office zone, marking those already planned', () => {
    const people = [
      summary('people/a', 'Сегодня', { birthday: '1985-12-02' }),
      summary('people/b', 'Через неделю', { birthday: '--12-09' }),
      summary('people/c', 'Через шесть дней', { birthday: '--12-08' }),
      summary('people/d', 'Без даты'),
    ];
    const list = birthdaysFromIndex(
      people,
      [open('2026-12-08T07:00:00Z', { clientId: 'people/c', reason: 'Поздравление' })],
      NOW,
      TZ,
      7,
      'поздравление',
    );
    expect(list.map((b) => [b.resourceName, b.day, b.planned])).toEqual([
      ['people/a', '2026-12-02', false],
      ['people/c', '2026-12-08', true],
    ]);
    expect(list[0].age).toBe(41);
  });

  it('a congratulation is planned at the office hour, or the next hour when today is past it', () => {
    expect(congratulationTime('2026-12-05', 10, NOW, TZ)).toEqual({ y: 2026, m: 12, d: 5, h: 10 });
    const noon = new Date('2026-12-02T09:15:00Z'); // 12:15 Moscow
    expect(congratulationTime('2026-12-02', 10, noon, TZ)).toEqual({ y: 2026, m: 12, d: 2, h: 13 });
  });
});
