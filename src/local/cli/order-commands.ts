// `crm order`: log an order for a client, or change one's state / amount, through the same server functions the
// Client sidebar calls (logEvent with the order's money, changeEvent with the 'order' action); prints the event and
// the client's money per currency. A change is remembered for `crm undo-last` like done / cancel / reschedule.

import { checkAmount, checkCurrency, checkOrderState, OrderCheck } from '../../core/orders/input';
import { orderText } from '../../core/orders/messages';
import type { EventView, LogEventInput } from '../../shared/events-dto';
import type { ClientMoney } from '../../shared/orders-dto';
import type { Office } from '../office';
import { flag, ParsedArgs, UsageError } from './args';
import { refusing } from './client-commands';
import { resolveOne } from './find-commands';
import { atOption } from './office-zone';
import { rememberUndo } from './undo-state';

export interface OrderOutput {
  event: EventView;
  /** The client's money after the order (core/orders/totals.ts): currency → {paid, debt, forecast, orders}. */
  totals: ClientMoney['totals'];
  /** Order cells of the client's rows that could not be counted (row, column, value, message). */
  problems: ClientMoney['problems'];
  /** What was changed, in the office's words (a change only). */
  message?: string;
}

/** A flag's value checked by the one order rule (core/orders/input.ts): a typo is exit 2, nothing sent. */
function checked<T>(args: ParsedArgs, name: string, check: (v: unknown) => OrderCheck<T>): T | undefined {
  const text = flag(args, name);
  if (text === undefined) return undefined;
  const result = check(text);
  if (!result.ok) throw new UsageError(orderText('en', result.problem.key, { value: result.problem.value }));
  return result.value;
}

function moneyOf(office: Office, clientId: string): ClientMoney | undefined {
  if (!clientId) return undefined;
  return refusing(() => office.rpc.getClient({ client: clientId, offset: 0, limit: 1 })).money;
}

export function orderCommand(office: Office, args: ParsedArgs): OrderOutput {
  if (args.positional.length) throw new UsageError('crm order takes no positional arguments: --client or --event');
  const amount = checked(args, 'amount', checkAmount);
  const currency = checked(args, 'currency', checkCurrency);
  const state = checked(args, 'state', checkOrderState);
  const event = flag(args, 'event');
  const client = flag(args, 'client');
  if (event && client) throw new UsageError('crm order: --client (a new order) or --event (change one), not both');
  if (event) return changeOrder(office, event, { amount, currency, state });
  if (!client) throw new UsageError('crm order needs --client QUERY (a new order) or --event ID (change one)');
  if (amount === undefined && state === undefined)
    throw new UsageError('crm order --client needs --amount N and/or --state offer|ordered|invoiced|paid|cancelled');
  const resourceName = resolveOne(office, client).resourceName;
  // The office's order kind and reason (Settings), unless named: read with the client's card, which also checks
  // that this person may open it.
  const kind = flag(args, 'kind');
  const reason = flag(args, 'reason');
  const defaults = kind && reason !== undefined ? undefined : moneyOf(office, resourceName);
  const at = atOption(office, args);
  const input: LogEventInput = {
    client: resourceName,
    kind: kind ?? defaults?.kind ?? '',
    reason: reason ?? defaults?.reason ?? '',
    ...(at ? { at } : {}),
    ...(flag(args, 'manager') ? { manager: flag(args, 'manager') } : {}),
    ...(flag(args, 'note') ? { note: flag(args, 'note') } : {}),
    ...(amount !== undefined ? { amount } : {}),
    ...(currency ? { currency } : {}),
    ...(state ? { orderState: state } : {}),
  };
  const logged = refusing(() => office.rpc.logEvent(input));
  const money = moneyOf(office, logged.clientId);
  return { event: logged, totals: money?.totals ?? {}, problems: money?.problems ?? [] };
}

function changeOrder(
  office: Office,
  id: string,
  change: { amount?: number; currency?: string; state?: string },
): OrderOutput {
  if (change.amount === undefined && change.currency === undefined && change.state === undefined)
    throw new UsageError('crm order --event ID needs --state, --amount or --currency');
  const patch = refusing(() =>
    office.rpc.changeEvent({
      id,
      action: 'order',
      ...(change.state ? { state: change.state as NonNullable<EventView['orderState']> } : {}),
      ...(change.amount !== undefined ? { amount: change.amount } : {}),
      ...(change.currency ? { currency: change.currency } : {}),
    }),
  );
  rememberUndo(office, patch.undo);
  const money = moneyOf(office, patch.event.clientId);
  return { event: patch.event, totals: money?.totals ?? {}, problems: money?.problems ?? [], message: patch.message };
}
