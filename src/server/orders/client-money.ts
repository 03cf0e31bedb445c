// The Client sidebar's money section (and `crm order`'s totals): the client's orders and their totals per currency,
// from the events getClient has already read, weighted by the office's Settings. No read of its own.

import type { EventRecord } from '../../core/events';
import { eventViewOf } from '../../core/events/view';
import { clientTotals, MoneyRules } from '../../core/orders/totals';
import type { ProblemView } from '../../shared/events-dto';
import type { ClientMoney } from '../../shared/orders-dto';
import type { OfficeContext } from '../events/office';

/** The office's money rules from Settings (already read with the office's reference sheets). */
export function moneyRules(office: OfficeContext): MoneyRules {
  const s = office.settings;
  return {
    currency: s.get('currency'),
    offerPercent: s.get('forecastOfferPercent'),
    orderedPercent: s.get('forecastOrderedPercent'),
  };
}

export function clientMoney(office: OfficeContext, events: EventRecord[], problems: ProblemView[]): ClientMoney {
  const rules = moneyRules(office);
  const { totals, orders } = clientTotals(events, rules);
  return {
    totals,
    orders: orders.map(eventViewOf),
    problems,
    currency: rules.currency,
    kind: office.settings.get('orderKind'),
    reason: office.settings.get('orderReason'),
    offerPercent: rules.offerPercent,
    orderedPercent: rules.orderedPercent,
  };
}
