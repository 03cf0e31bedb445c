// Orders and money, pure: a client's totals per currency with the Settings weights, the order input rules, the
// cells that cannot be counted, and revenue / debt / forecast by manager over a report's period.

import { parseEventRows } from '../../../src/core/events/row';
import { checkAmount, newOrderFields, orderChange } from '../../../src/core/orders/input';
import { clientTotals, MoneyRules, orderProblems } from '../../../src/core/orders/totals';
import { moneyByManager, periodOf, reportContext } from '../../../src/core/reports';
import type { ReportEvent } from '../../../src/core/reports';
import type { OrderState } from '../../../src/shared/events-dto';

const RULES: MoneyRules = { currency: 'RUB', offerPercent: 30, orderedPercent: 70 };
const TZ = 'Europe/Moscow';

function order(at: string, orderState: OrderState | undefined, amount?: number, more: Partial<ReportEvent> = {}) {
  return {
    id: `e-${at}-${orderState}-${amount}`,
    at: new Date(at),
    allDay: false,
    kind: 'Заказ',
    reason: 'Заказ',
    client: 'Иванов Иван',
    clientId: 'people/c1',
    phone: '',
    manager: 'Анна',
    result: '',
    nextStep: '',
    status: 'done' as const,
    calendarEventId: '',
    createdBy: '',
    rowNumber: 0,
    ...(orderState ? { orderState } : {}),
    ...(amount !== undefined ? { amount } : {}),
    ...more,
  };
}

test('a client: paid, debt, forecast weighted by the Settings percents, currencies apart, cancelled out', () => {
  const events = [
    order('2026-03-01T10:00:00Z', 'paid', 10_000),
    order('2026-03-02T10:00:00Z', 'paid', 0.1),
    order('2026-03-03T10:00:00Z', 'paid', 0.2),
    order('2026-03-04T10:00:00Z', 'invoiced', 5_000),
    order('2026-03-05T10:00:00Z', 'offer', 1_000),
    order('2026-03-06T10:00:00Z', 'ordered', 2_000),
    order('2026-03-07T10:00:00Z', 'cancelled', 99_999),
    // The event itself cancelled: its order is out too, whatever the state cell says.
    order('2026-03-08T10:00:00Z', 'invoiced', 7_777, { status: 'cancelled' }),
    order('2026-03-09T10:00:00Z', 'invoiced', 300, { currency: 'GEL' }),
    // Not an order: no state.
    order('2026-03-10T10:00:00Z', undefined),
  ];
  const { totals, orders } = clientTotals(events, RULES);
  expect(totals).toEqual({
    RUB: { paid: 10_000.3, debt: 5_000, forecast: 1_000 * 0.3 + 2_000 * 0.7, orders: 6 },
    GEL: { paid: 0, debt: 300, forecast: 0, orders: 1 },
  });
  // Newest first, the office's currency filled in where the row named none; cancelled ones listed.
  expect(orders.map((o) => [o.orderState, o.currency])[0]).toEqual(['invoiced', 'GEL']);
  expect(orders).toHaveLength(9);
  expect(orders.every((o) => o.currency)).toBe(true);
  // Other weights, other forecast.
  expect(clientTotals(events, { ...RULES, offerPercent: 10, orderedPercent: 50 }).totals.RUB.forecast).toBe(1_100);
});

test('order input: a positive amount up to 1e12 with at most two decimals, an ISO currency, a known state', () => {
  expect(checkAmount('15 000,50')).toEqual({ ok: true, value: 15000.5 });
  expect(checkAmount(1e12)).toEqual({ ok: true, value: 1e12 });
  for (const bad of [0, -5, 1e12 + 1, 10.005, 'abc', '', NaN])
    expect(checkAmount(bad)).toMatchObject({ ok: false, problem: { key: 'badAmountInput' } });
  expect(newOrderFields({ amount: 100 }, 'RUB')).toEqual({
    ok: true,
    value: { amount: 100, currency: 'RUB', orderState: 'ordered' },
  });
  expect(newOrderFields({ amount: 100, currency: 'gel', orderState: 'счёт выставлен' }, 'RUB')).toEqual({
    ok: true,
    value: { amount: 100, currency: 'GEL', orderState: 'invoiced' },
  });
  expect(newOrderFields({ amount: 100, currency: 'рубли' }, 'RUB')).toMatchObject({
    ok: false,
    problem: { key: 'badCurrency' },
  });
  expect(newOrderFields({ orderState: 'half paid' }, 'RUB')).toMatchObject({
    ok: false,
    problem: { key: 'badOrderState', value: 'half paid' },
  });
  expect(orderChange({ state: 'paid' })).toEqual({ ok: true, value: { orderState: 'paid' } });
  expect(orderChange({})).toMatchObject({ ok: false });
});

test('a typed amount that is not a number is a listed problem with its row and column, not a silent 0', () => {
  const values = [
    ['ID', 'Дата и время', 'Клиент', 'Сумма', 'Валюта', 'Состояние заказа', 'Статус'],
    ['e1', '01.03.2026 10:00', 'Иванов', 'пятьсот', 'RUB', 'оплачен', 'сделано'],
    ['e2', '02.03.2026 10:00', 'Иванов', '1 500,00', 'RUB', 'счёт выставлен', 'сделано'],
    ['e3', '03.03.2026 10:00', 'Иванов', 700, '', '', 'сделано'],
    ['e4', '04.03.2026 10:00', 'Иванов', 800, 'рубли', 'полуоплачен', 'сделано'],
  ];
  const problems = orderProblems(values, 'ru');
  expect(problems.map((p) => [p.row, p.column, p.value])).toEqual([
    [2, 'Сумма', 'пятьсот'],
    [4, 'Состояние заказа', ''],
    [5, 'Валюта', 'рубли'],
    [5, 'Состояние заказа', 'полуоплачен'],
  ]);
  expect(problems[0].message).toMatch(/не число/);
  // The event itself still reads (one typo never hides it), without the amount it could not read.
  const { events } = parseEventRows(values, { timeZone: TZ, locale: 'ru' });
  expect(events.find((e) => e.id === 'e1')).toMatchObject({ orderState: 'paid' });
  expect(events.find((e) => e.id === 'e1')?.amount).toBeUndefined();
  expect(events.find((e) => e.id === 'e2')).toMatchObject({ amount: 1500, orderState: 'invoiced' });
});

test('revenue, debt and forecast by manager and currency, of the orders dated in the period (office days)', () => {
  const march = periodOf('month', '2026-03-15', undefined, TZ);
  const events = [
    order('2026-03-01T10:00:00Z', 'paid', 1_000),
    order('2026-03-10T10:00:00Z', 'invoiced', 400, { manager: 'анна ' }),
    order('2026-03-11T10:00:00Z', 'offer', 1_000, { manager: 'Борис' }),
    order('2026-03-12T10:00:00Z', 'ordered', 1_000, { manager: 'Борис', currency: 'GEL' }),
    order('2026-03-13T10:00:00Z', 'cancelled', 5_000, { manager: 'Борис' }),
    // 00:30 on 1 April in Moscow is 31 March in UTC: April's, not March's.
    order('2026-03-31T21:30:00Z', 'paid', 9_000),
    // 28 February 23:00 UTC is 1 March 02:00 in Moscow: March's.
    order('2026-02-28T23:00:00Z', 'paid', 50, { manager: '' }),
    order('2026-03-05T10:00:00Z', undefined, undefined, { manager: 'Вера' }),
  ];
  expect(moneyByManager(events as ReportEvent[], reportContext(march, []), RULES)).toEqual([
    { manager: 'Анна', currency: 'RUB', revenue: 1_000, debt: 400, forecast: 0, orders: 2 },
    { manager: 'Борис', currency: 'GEL', revenue: 0, debt: 0, forecast: 700, orders: 1 },
    { manager: 'Борис', currency: 'RUB', revenue: 0, debt: 0, forecast: 300, orders: 1 },
    { manager: '', currency: 'RUB', revenue: 50, debt: 0, forecast: 0, orders: 1 },
  ]);
});
