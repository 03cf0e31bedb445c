// What an order's money may be when someone logs or changes it (the sidebar's form, `crm order`, the ServerApi):
// checked before anything is read or written, so a typo never reaches the Events sheet. A cell the office typed by
// hand is read, not refused: its problems are listed by totals.ts instead.

import type { OrderState } from '../../shared/events-dto';
import { currencyCode } from '../settings/definitions';
import { parseAmount } from './amount';
import { parseOrderState } from './state';

/** The largest amount an order may carry: beyond it the sheet's doubles stop holding cents exactly. */
export const MAX_AMOUNT = 1e12;

export type OrderProblem =
  | { key: 'badAmountInput'; value: string }
  | { key: 'badCurrency'; value: string }
  | { key: 'badOrderState'; value: string };

export type OrderCheck<T> = { ok: true; value: T } | { ok: false; problem: OrderProblem };

const quoted = (value: unknown) => String(value ?? '').slice(0, 40);

/** A positive amount, at most MAX_AMOUNT, whole cents: a number, or text as offices type it ("15 000,50"). */
export function checkAmount(value: unknown): OrderCheck<number> {
  const n = typeof value === 'number' ? value : parseAmount(value);
  const cents = n === undefined ? NaN : n * 100;
  if (n === undefined || !(n > 0) || n > MAX_AMOUNT || Math.abs(cents - Math.round(cents)) > 1e-6)
    return { ok: false, problem: { key: 'badAmountInput', value: quoted(value) } };
  return { ok: true, value: Math.round(cents) / 100 };
}

export function checkCurrency(value: unknown): OrderCheck<string> {
  const code = currencyCode(String(value ?? ''));
  return code ? { ok: true, value: code } : { ok: false, problem: { key: 'badCurrency', value: quoted(value) } };
}

export function checkOrderState(value: unknown): OrderCheck<OrderState> {
  const state = parseOrderState(value);
  return state ? { ok: true, value: state } : { ok: false, problem: { key: 'badOrderState', value: quoted(value) } };
}

export interface OrderInput {
  amount?: unknown;
  currency?: unknown;
  orderState?: unknown;
}

const given = (v: unknown) => v !== undefined && v !== null && String(v).trim() !== '';

/** Whether a log request carries an order at all (an amount or a state: a currency alone says nothing). */
export function hasOrder(input: OrderInput): boolean {
  return given(input.amount) || given(input.orderState);
}

/**
 * A new order's money: the amount (may be left out, e.g. an offer not priced yet), the currency (default the
 * office's) and the state (default 'ordered': an amount logged without one is an order placed).
 */
export function newOrderFields(
  input: OrderInput,
  officeCurrency: string,
): OrderCheck<{ amount?: number; currency: string; orderState: OrderState }> {
  const state: OrderCheck<OrderState> = given(input.orderState)
    ? checkOrderState(input.orderState)
    : { ok: true, value: 'ordered' };
  if (!state.ok) return state;
  const currency = given(input.currency) ? checkCurrency(input.currency) : checkCurrency(officeCurrency);
  if (!currency.ok) return currency;
  if (!given(input.amount)) return { ok: true, value: { currency: currency.value, orderState: state.value } };
  const amount = checkAmount(input.amount);
  if (!amount.ok) return amount;
  return { ok: true, value: { amount: amount.value, currency: currency.value, orderState: state.value } };
}

/** A change of an existing order: only what is given, each checked; at least one of them. */
export function orderChange(input: {
  state?: unknown;
  amount?: unknown;
  currency?: unknown;
}): OrderCheck<{ amount?: number; currency?: string; orderState?: OrderState }> {
  const out: { amount?: number; currency?: string; orderState?: OrderState } = {};
  if (given(input.state)) {
    const state = checkOrderState(input.state);
    if (!state.ok) return state;
    out.orderState = state.value;
  }
  if (given(input.amount)) {
    const amount = checkAmount(input.amount);
    if (!amount.ok) return amount;
    out.amount = amount.value;
  }
  if (given(input.currency)) {
    const currency = checkCurrency(input.currency);
    if (!currency.ok) return currency;
    out.currency = currency.value;
  }
  if (!Object.keys(out).length) return { ok: false, problem: { key: 'badOrderState', value: '' } };
  return { ok: true, value: out };
}
