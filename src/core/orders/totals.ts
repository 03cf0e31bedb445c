// Per client (and per report row) money from the Events sheet, the one source: an order is an event with an
// "Order state"; paid = state paid, debt = invoiced (not yet paid), forecast = open offers × forecastOfferPercent +
// orders placed × forecastOrderedPercent (Settings); a cancelled order (its state, or the event itself cancelled)
// counts nowhere. Each currency is summed apart. A typed amount that is not a number is never a silent 0: the row
// codec leaves it out (the order counts without money) and orderProblems lists the cell with its row and column, so
// the screens that show the sums also say which cell to fix.

import type { EventFields, OrderState, ProblemView } from '../../shared/events-dto';
import type { MoneyTotals } from '../../shared/orders-dto';
import type { Locale } from '../i18n/locale';
import { findTable, isBlankRow, cellText } from '../events/table';
import { template } from '../sheets/templates';
import { currencyCode } from '../settings/definitions';
import { cents, parseAmount } from './amount';
import { orderText } from './messages';
import { parseOrderState } from './state';

export interface MoneyRules {
  /** Settings → currency: the currency of an order whose row names none. */
  currency: string;
  /** Settings → forecastOfferPercent / forecastOrderedPercent (0–100). */
  offerPercent: number;
  orderedPercent: number;
}

type OrderEvent = Pick<EventFields, 'orderState' | 'amount' | 'currency' | 'status'>;

export function emptyTotals(): MoneyTotals {
  return { paid: 0, debt: 0, forecast: 0, orders: 0 };
}

export function isOrder(e: Pick<EventFields, 'orderState'>): boolean {
  return e.orderState !== undefined;
}

/** The order's state as the sums read it: a cancelled event cancels its order whatever the state cell says. */
export function effectiveState(e: OrderEvent): OrderState | undefined {
  if (!e.orderState) return undefined;
  return e.status === 'cancelled' ? 'cancelled' : e.orderState;
}

export function currencyOf(e: Pick<EventFields, 'currency'>, rules: Pick<MoneyRules, 'currency'>): string {
  return e.currency || rules.currency;
}

/** What one order adds to its currency's totals (nothing when cancelled or not an order). */
export function addOrder(totals: MoneyTotals, e: OrderEvent, rules: MoneyRules): void {
  const state = effectiveState(e);
  if (!state || state === 'cancelled') return;
  const amount = e.amount ?? 0;
  totals.orders += 1;
  if (state === 'paid') totals.paid = cents(totals.paid + amount);
  else if (state === 'invoiced') totals.debt = cents(totals.debt + amount);
  else {
    const percent = state === 'offer' ? rules.offerPercent : rules.orderedPercent;
    totals.forecast = cents(totals.forecast + (amount * percent) / 100);
  }
}

/** A client's orders (newest first, currency filled in) and their totals per currency. */
export function clientTotals<E extends EventFields & { at: Date }>(
  events: E[],
  rules: MoneyRules,
): { totals: Record<string, MoneyTotals>; orders: E[] } {
  const orders = events
    .filter(isOrder)
    .map((e) => ({ ...e, currency: currencyOf(e, rules) }))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const totals: Record<string, MoneyTotals> = {};
  for (const o of orders) addOrder((totals[o.currency] ??= emptyTotals()), o, rules);
  return { totals, orders };
}

const EVENTS = template('events');

function columnTitle(key: string, locale: Locale): string {
  return EVENTS.columns.find((c) => c.key === key)?.title[locale] ?? key;
}

/**
 * The order cells of Events rows that cannot be counted: an amount that is not a number, a state we do not know,
 * an amount without a state. `values` is a header row and rows under it (the whole sheet, or the found rows under a
 * header of column keys); `rowOf` gives a values index's sheet row (default: index + 1).
 */
export function orderProblems(
  values: unknown[][],
  locale: Locale,
  rowOf: (index: number) => number = (i) => i + 1,
): ProblemView[] {
  const table = findTable(values, EVENTS);
  if (!table) return [];
  const c = table.columns;
  if ((c.amount ?? -1) < 0 && (c.orderState ?? -1) < 0) return [];
  const problems: ProblemView[] = [];
  const add = (row: number, key: string, value: string, message: string) =>
    problems.push({ row, column: columnTitle(key, locale), value, message });
  for (let i = table.headerIndex + 1; i < values.length; i++) {
    const row = values[i] ?? [];
    if (isBlankRow(row)) continue;
    const amountText = cellText(row, c.amount ?? -1);
    const stateText = cellText(row, c.orderState ?? -1);
    if (amountText !== '' && parseAmount(row[c.amount]) === undefined)
      add(rowOf(i), 'amount', amountText, orderText(locale, 'badAmount', { value: amountText }));
    const currencyText = cellText(row, c.currency ?? -1);
    if (currencyText !== '' && !currencyCode(currencyText))
      add(rowOf(i), 'currency', currencyText, orderText(locale, 'badCurrency', { value: currencyText }));
    if (stateText !== '' && !parseOrderState(stateText))
      add(rowOf(i), 'orderState', stateText, orderText(locale, 'badOrderState', { value: stateText }));
    else if (stateText === '' && amountText !== '')
      add(rowOf(i), 'orderState', '', orderText(locale, 'noState', { value: amountText }));
  }
  return problems;
}
