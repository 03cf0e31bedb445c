// Revenue, debt and forecast by manager (and currency) over a report's period. Which period an order belongs to:
// the order event's own date — the Events sheet keeps no date of each state change (a change rewrites the state in
// place), so "paid in March" cannot be told from "ordered in March and paid since". Revenue is thus the paid orders
// dated in the period; debt and forecast are those orders' current state (invoiced; offer/ordered weighted).
// One pass over the events; the per-order rule is core/orders/totals.ts, never repeated here.

import type { MoneyRow } from '../../shared/orders-dto';
import { addOrder, currencyOf, emptyTotals, isOrder, MoneyRules } from '../orders/totals';
import { headerKey } from '../sheets/template';
import { inContext, ReportContext, ReportEvent } from './inputs';

export function moneyByManager(events: ReportEvent[], ctx: ReportContext, rules: MoneyRules): MoneyRow[] {
  const rows = new Map<string, MoneyRow>();
  for (const e of events) {
    if (!isOrder(e) || !inContext(ctx, e.at)) continue;
    const currency = currencyOf(e, rules);
    // Managers typed "Boris" and "boris " are one manager (the Tally's rule for the counts).
    const key = `${headerKey(e.manager)}\u0001${currency}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { manager: e.manager.trim(), currency, ...zero() }));
    const t = { paid: row.revenue, debt: row.debt, forecast: row.forecast, orders: row.orders };
    addOrder(t, e, rules);
    Object.assign(row, { revenue: t.paid, debt: t.debt, forecast: t.forecast, orders: t.orders });
  }
  const blankLast = (a: string, b: string) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || a.localeCompare(b);
  return [...rows.values()]
    .filter((r) => r.orders > 0)
    .sort((a, b) => blankLast(a.manager, b.manager) || a.currency.localeCompare(b.currency));
}

function zero(): Omit<MoneyRow, 'manager' | 'currency'> {
  const t = emptyTotals();
  return { revenue: t.paid, debt: t.debt, forecast: t.forecast, orders: t.orders };
}
