// What the Client sidebar, `crm order` and the reports exchange about orders and money. An order is an event with an
// "Order state" (core/orders/state.ts); its money is the event's amount in its currency (Settings → currency when the
// row names none). Sums are per currency: roubles and lari are never added together.

import type { EventView, OrderState, ProblemView } from './events-dto';

/** One currency's figures: paid (state paid), debt (invoiced, not yet paid), forecast (open offers and orders
 *  weighted by Settings forecastOfferPercent / forecastOrderedPercent), and how many orders are not cancelled. */
export interface MoneyTotals {
  paid: number;
  debt: number;
  forecast: number;
  orders: number;
}

export interface ClientMoney {
  /** Currency (ISO 4217) → its figures; a currency appears once one of the client's orders is in it. */
  totals: Record<string, MoneyTotals>;
  /** The client's orders, newest first, each with its currency filled in (cancelled ones included, marked so). */
  orders: EventView[];
  /** Order cells that could not be read (an amount that is not a number, a state we do not know): row and column. */
  problems: ProblemView[];
  /** The office's currency (Settings → currency): the order form's default. */
  currency: string;
  /** The office's order kind and reason (Settings → orderKind / orderReason): what a new order is logged as. */
  kind: string;
  reason: string;
  /** The forecast's weights (Settings), so the sidebar can say what the forecast counts. */
  offerPercent: number;
  orderedPercent: number;
}

/** What the sidebar and `crm order` log: an order event for a client (the rest of LogEventInput is the usual). */
export interface OrderFields {
  amount?: number;
  currency?: string;
  orderState?: OrderState;
}

/** Revenue (paid), debt (invoiced) and forecast of one manager in one currency over a report's period. */
export interface MoneyRow {
  manager: string;
  currency: string;
  revenue: number;
  debt: number;
  forecast: number;
  /** Orders of the period (not cancelled). */
  orders: number;
}
