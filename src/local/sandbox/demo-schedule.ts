// The demo salon's event log, relative to the moment it is seeded: months of visits and calls at office hours
// (09:00–20:00 in the office's zone, never the host's), and the day a salon opens the CRM to — visits planned today,
// tomorrow and later this week for each master, a few nobody marked done, two clients who asked about a service and
// did not book, a missed call nobody returned, and a few regulars gone quiet. Deterministic for a given clock.

import { addDays, localDayKey, localParts, zonedInstant } from '../../core/events/zone';

export interface DemoClient {
  resourceName: string;
  name: string;
  email: string;
  phone: string;
  manager: string;
}

/** The one deterministic source of the demo's variety: every choice draws from it, in a fixed order. */
export interface Dice {
  random: () => number;
  pick: <T>(list: readonly T[]) => T;
}

/** The salon's Lists sheet: kinds, reasons (Интерес and Заказ mark "interested, no order"), statuses. */
export const DEMO_KINDS = [
  'Визит',
  'Звонок',
  'Напоминание',
  'Сообщение',
  'E-mail',
  'Пропущенный звонок',
  // Settings smsKind and orderKind: the events mailings by SMS and orders become.
  'SMS',
  'Заказ',
];
export const DEMO_REASONS = [
  'Стрижка',
  'Окрашивание',
  'Маникюр',
  'Консультация',
  'Запись',
  'Оплата',
  'Поздравление',
  'Интерес',
  'Заказ',
];

export type DemoStatus = 'план' | 'сделано' | 'отменено';

export interface DemoEvent {
  at: Date;
  kind: string;
  reason: string;
  client: DemoClient;
  manager: string;
  status: DemoStatus;
  result: string;
  nextStep: string;
}

/** What a salon logs, as kind + reason pairs that go together. */
const DONE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['Визит', 'Стрижка'],
  ['Визит', 'Окрашивание'],
  ['Визит', 'Маникюр'],
  ['Визит', 'Консультация'],
  ['Звонок', 'Запись'],
  ['Звонок', 'Оплата'],
  ['Сообщение', 'Запись'],
  ['Напоминание', 'Запись'],
  ['E-mail', 'Оплата'],
];
const RESULTS = ['Довольна результатом', 'Записана на следующий визит', 'Оплачено картой', 'Не дозвонились', ''];
const PLANNED_PAIRS: ReadonlyArray<readonly [string, string, string]> = [
  ['Визит', 'Стрижка', ''],
  ['Визит', 'Окрашивание', 'Подготовить краску по карте клиента'],
  ['Визит', 'Маникюр', ''],
  ['Напоминание', 'Запись', 'Напомнить о визите накануне'],
  ['Звонок', 'Консультация', 'Подобрать уход после окрашивания'],
  ['Звонок', 'Оплата', 'Напомнить об оплате абонемента'],
];

/** A regular who stopped coming: every ninth client. */
export const isQuietDemoClient = (i: number) => i % 9 === 0;

/** Clients with a part in the day's story (indexes into the client list; none of them is quiet). */
export const DEMO_ROLES = {
  missedCall: 3,
  interested: [2, 11],
  ordered: 20,
  birthdays: [1, 4, 7],
} as const;

/** The office clock: a local day (offset from today) at a wall-clock time, in the office's zone. */
function officeClock(now: number, zone: string) {
  const today = localDayKey(now, zone);
  return (dayOffset: number, hour: number, minute = 0): Date => {
    const [y, m, d] = addDays(today, dayOffset).split('-').map(Number);
    return zonedInstant(y, m, d, hour, minute, zone);
  };
}

/**
 * Today's planned visits: on the whole hours still ahead (from 10:00 at the earliest, up to 19:00), spread out; when
 * the day is nearly over, every quarter of an hour from now, so "today" is never empty.
 */
function todaySlots(now: number, zone: string, count: number): Date[] {
  const at = officeClock(now, zone);
  const ahead: Date[] = [];
  for (let hour = 10; hour <= 19; hour++) {
    const slot = at(0, hour);
    if (slot.getTime() > now) ahead.push(slot);
  }
  if (ahead.length >= count) {
    const step = Math.floor(ahead.length / count);
    return Array.from({ length: count }, (_, k) => ahead[k * step]);
  }
  const { minute } = localParts(now, zone);
  const start = now + (15 - (minute % 15)) * 60_000;
  return Array.from({ length: count }, (_, k) => new Date(Math.floor((start + k * 15 * 60_000) / 60_000) * 60_000));
}

export function demoSchedule(clients: DemoClient[], masters: string[], now: number, zone: string, dice: Dice) {
  const at = officeClock(now, zone);
  const events: DemoEvent[] = [];
  const add = (client: DemoClient, when: Date, kind: string, reason: string, status: DemoStatus, more = {}) =>
    events.push({ at: when, kind, reason, client, manager: client.manager, status, result: '', nextStep: '', ...more });
  /** An office hour on a past day: 09:00 to 19:45 in quarters. */
  const pastHour = (daysAgo: number) =>
    at(-daysAgo, 9 + Math.floor(dice.random() * 11), 15 * Math.floor(dice.random() * 4));

  clients.forEach((c, i) => {
    const quiet = isQuietDemoClient(i);
    const count = 4 + Math.floor(dice.random() * 6);
    // The missed call and the interest are the client's latest events: nothing logged with them in the last days.
    const storyteller = i === DEMO_ROLES.missedCall || (DEMO_ROLES.interested as readonly number[]).includes(i);
    const recent = storyteller ? 12 : 1;
    for (let k = 0; k < count; k++) {
      const daysAgo = quiet ? 120 + Math.floor(dice.random() * 200) : recent + Math.floor(dice.random() * 100);
      const [kind, reason] = dice.pick(DONE_PAIRS);
      add(c, pastHour(daysAgo), kind, reason, 'сделано', { result: dice.pick(RESULTS) });
    }
  });

  const missed = clients[DEMO_ROLES.missedCall];
  add(missed, at(-1, 18, 40), 'Пропущенный звонок', 'Запись', 'сделано');
  for (const [k, i] of DEMO_ROLES.interested.entries())
    add(clients[i], at(-(3 + k * 4), 12 + k, 30), 'Звонок', 'Интерес', 'сделано', {
      result: k ? 'Спрашивала про абонемент на маникюр' : 'Интересовалась кератиновым выпрямлением',
    });
  const ordered = clients[DEMO_ROLES.ordered];
  add(ordered, at(-20, 11, 0), 'Сообщение', 'Интерес', 'сделано', { result: 'Спросила про уходовый набор' });
  add(ordered, at(-12, 16, 15), 'Звонок', 'Заказ', 'сделано', { result: 'Заказала набор, заберёт в салоне' });

  // The planned visits, each with a master: clients with no part above, in a fixed order.
  const busy = new Set<number>([DEMO_ROLES.missedCall, ...DEMO_ROLES.interested, DEMO_ROLES.ordered]);
  const free = clients.filter((_, i) => !isQuietDemoClient(i) && !busy.has(i));
  let next = 0;
  const plan = (when: Date, master: string) => {
    const client = free[(next++ * 7) % free.length];
    const [kind, reason, nextStep] = PLANNED_PAIRS[next % PLANNED_PAIRS.length];
    events.push({ at: when, kind, reason, client, manager: master, status: 'план', result: '', nextStep });
  };
  const [head, second, third] = masters;
  todaySlots(now, zone, 4).forEach((slot, k) => plan(slot, [second, third, head, second][k]));
  plan(at(1, 10, 0), head);
  plan(at(1, 12, 30), third);
  plan(at(1, 16, 0), second);
  plan(at(2, 11, 0), third);
  plan(at(3, 14, 0), second);
  plan(at(4, 17, 30), head);
  plan(at(6, 10, 30), third);
  // Nobody marked these: overdue.
  plan(at(-1, 12, 0), second);
  plan(at(-2, 15, 30), third);
  plan(at(-3, 11, 0), head);
  // One cancelled last week, as a salon's log has.
  plan(at(-5, 13, 0), head);
  events[events.length - 1].status = 'отменено';

  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * A birthday that is `inDays` days after today's office date (year of birth kept), for the clients whose birthday
 * falls this week; every other client's is kept out of the week, so the demo shows exactly those.
 */
export function demoBirthday(now: number, zone: string, inDays: number, year: number) {
  const [, month, day] = addDays(localDayKey(now, zone), inDays).split('-').map(Number);
  return { year, month, day };
}

/** A generated birthday moved out of the coming week (by three weeks), so it does not join the week's list. */
export function outsideWeek(now: number, zone: string, date: { year: number; month: number; day: number }) {
  const today = localDayKey(now, zone);
  for (let k = 0; k < 7; k++) {
    const [, m, d] = addDays(today, k).split('-').map(Number);
    if (m === date.month && d === date.day) {
      const [, month, day] = addDays(today, k + 21)
        .split('-')
        .map(Number);
      return { year: date.year, month, day };
    }
  }
  return date;
}
