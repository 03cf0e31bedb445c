// The Client sidebar's money section: the client's totals per currency (paid, debt, forecast), the orders newest
// first with their state (changeable in place), the order cells to fix, and a form to log a new order. The server
// computes every figure (core/orders/totals.ts through getClient's `money`); this only shows them and sends the two
// actions (logEvent with the order's money, changeEvent 'order'). Rendered with textContent (lib/dom.ts element()).
// Each order's row has a `.order-actions` box that what else acts on an order fills (the documents' buttons),
// through onOrderShown: that code stays in its own file.

import { freshEventId } from '../../../core/events/ids';
import type { Locale } from '../../../core/i18n/locale';
import { checkAmount, checkCurrency } from '../../../core/orders/input';
import { orderText } from '../../../core/orders/messages';
import { ORDER_STATES, orderStateLabel } from '../../../core/orders/state';
import type { ClientView } from '../../../shared/clients-dto';
import type { EventView, OrderState, UndoToken } from '../../../shared/events-dto';
import type { ClientMoney } from '../../../shared/orders-dto';
import { byId, element, fillTexts, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { actingAs } from '../../lib/access';
import { errorText, showStatus } from '../../lib/status';
import { moneyText, MoneyTextKey } from './money-strings';

export interface MoneyContext {
  locale: () => Locale;
  /** An instant as the sidebar shows dates (office zone). */
  date: (iso: string) => string;
  /** The client shown (its resourceName), or '' when none. */
  client: () => string;
  /** After an order is logged or changed: the client's view read again (history and money). */
  reload: () => Promise<void>;
}

let ctx: MoneyContext | undefined;
let money: ClientMoney | undefined;
/** The id of the order being logged, kept until the server confirms (a second click after a lost answer reuses it). */
let pendingId = '';

const say = (key: MoneyTextKey, params?: object) => moneyText(ctx?.locale() ?? 'en', key, params);

/** "15 000,00 ₽" in the sidebar's language; a code Intl does not know is written after the number. */
export function moneyAmount(amount: number, currency: string, locale: Locale): string {
  const tag = { ru: 'ru-RU', en: 'en-GB', ka: 'ka-GE' }[locale];
  try {
    return new Intl.NumberFormat(tag, { style: 'currency', currency, minimumFractionDigits: 2 }).format(amount);
  } catch {
    const n = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
    return `${n} ${currency}`;
  }
}

function totalsBlock(m: ClientMoney, locale: Locale): HTMLElement[] {
  return Object.entries(m.totals)
    .sort(([a], [b]) => (a === m.currency ? -1 : b === m.currency ? 1 : a.localeCompare(b)))
    .map(([currency, t]) =>
      element(
        'div',
        { class: 'money-totals', 'data-currency': currency },
        element('span', { 'data-figure': 'paid' }, `${say('paid')}: ${moneyAmount(t.paid, currency, locale)}`),
        ' · ',
        element('span', { 'data-figure': 'debt' }, `${say('debt')}: ${moneyAmount(t.debt, currency, locale)}`),
        ' · ',
        element(
          'span',
          {
            'data-figure': 'forecast',
            title: say('forecastHint', { offer: m.offerPercent, ordered: m.orderedPercent }),
          },
          `${say('forecast')}: ${moneyAmount(t.forecast, currency, locale)}`,
        ),
        ' · ',
        element('span', { 'data-figure': 'orders' }, `${say('orders')}: ${t.orders}`),
      ),
    );
}

function stateSelect(selected: OrderState | undefined, locale: Locale): HTMLSelectElement {
  const select = element('select', {});
  for (const s of ORDER_STATES) select.appendChild(element('option', { value: s }, orderStateLabel(s, locale)));
  if (selected) select.value = selected;
  return select;
}

function orderItem(o: EventView, locale: Locale, mayLog: boolean): HTMLElement {
  const state = stateSelect(o.orderState, locale);
  state.setAttribute('aria-label', say('change'));
  state.setAttribute('data-action', 'order-state');
  state.disabled = !mayLog;
  state.addEventListener('change', () => void changeState(o, state));
  const cancelled = o.orderState === 'cancelled' || o.status === 'cancelled';
  return element(
    'li',
    { 'data-event-id': o.id, 'data-order-state': o.orderState ?? '', class: cancelled ? 'cancelled' : '' },
    element(
      'div',
      { class: 'head' },
      element('span', { class: 'time' }, ctx?.date(o.at) ?? o.at),
      element(
        'span',
        { class: 'what', 'data-figure': 'amount' },
        o.amount !== undefined ? moneyAmount(o.amount, o.currency ?? '', locale) : '—',
      ),
      state,
    ),
    o.result ? element('div', { class: 'meta' }, o.result) : null,
    actionsBox(o),
  );
}

function actionsBox(o: EventView): HTMLElement {
  const box = element('div', { class: 'order-actions', 'data-event-id': o.id });
  for (const fill of orderActions) fill(box, o);
  return box;
}

/** What fills each order's `.order-actions` box when the list is drawn (registered once, at start). */
type OrderActions = (box: HTMLElement, order: EventView) => void;
const orderActions: OrderActions[] = [];

export function onOrderShown(fill: OrderActions): void {
  orderActions.push(fill);
}

let mayLogOrders = true;
let shownClient = '';

/** Shows the money of the client just read (getClient's `money`); the form keeps what is being typed. */
export function showMoney(view: ClientView): void {
  // Another client: the last change's undo was about someone else.
  if (money && view.client.resourceName !== shownClient) offerUndo(undefined);
  shownClient = view.client.resourceName;
  money = view.money;
  const locale = ctx?.locale() ?? 'en';
  const m = view.money;
  replaceChildren(byId('money-totals'), ...(m ? totalsBlock(m, locale) : []));
  replaceChildren(
    byId('orders'),
    ...(m?.orders.length
      ? m.orders.map((o) => orderItem(o, locale, mayLogOrders))
      : [element('li', { class: 'empty' }, say('noOrders'))]),
  );
  const problems = byId('money-problems');
  problems.hidden = !m?.problems.length;
  replaceChildren(
    problems,
    ...(m?.problems.length
      ? [
          element('div', {}, say('problems')),
          ...m.problems.map((p) => element('div', { 'data-row': String(p.row) }, say('problem', p))),
        ]
      : []),
  );
}

/** Whether the person may log and change orders (the logEvents right; the server checks it too). */
export function allowOrders(may: boolean): void {
  mayLogOrders = may;
  byId('order-new').hidden = !may;
  if (!may) closeForm();
}

function openForm(): void {
  const form = byId<HTMLFormElement>('order-form');
  form.reset();
  pendingId = '';
  byId<HTMLInputElement>('order-currency').value = money?.currency ?? '';
  byId<HTMLSelectElement>('order-state').value = 'offer';
  form.hidden = false;
  byId<HTMLInputElement>('order-amount').focus();
}

export function closeForm(): void {
  byId<HTMLFormElement>('order-form').hidden = true;
  pendingId = '';
}

async function submit(): Promise<void> {
  const client = ctx?.client();
  if (!ctx || !client || !money) return;
  const locale = ctx.locale();
  // The one rule the server applies too (core/orders/input.ts): a typo is said at once, nothing sent.
  const amount = checkAmount(byId<HTMLInputElement>('order-amount').value);
  const currency = checkCurrency(byId<HTMLInputElement>('order-currency').value || money.currency);
  const bad = !amount.ok ? amount.problem : !currency.ok ? currency.problem : undefined;
  if (bad || !amount.ok || !currency.ok) {
    if (bad) showStatus(orderText(locale, bad.key, { value: bad.value }), 'error');
    return;
  }
  const button = byId<HTMLButtonElement>('order-submit');
  button.disabled = true;
  try {
    const note = byId<HTMLTextAreaElement>('order-note').value.trim();
    await rpc.logEvent({
      client,
      kind: money.kind,
      reason: money.reason,
      amount: amount.value,
      currency: currency.value,
      orderState: byId<HTMLSelectElement>('order-state').value as OrderState,
      ...(note ? { note } : {}),
      id: pendingId || (pendingId = freshEventId(Date.now(), Math.random)),
      ...actingAs(),
    });
    closeForm();
    showStatus(say('logged', { amount: moneyAmount(amount.value, currency.value, locale) }), 'ok');
    await ctx.reload();
  } catch (e) {
    showStatus(errorText(e), 'error');
  } finally {
    button.disabled = false;
  }
}

async function changeState(o: EventView, select: HTMLSelectElement): Promise<void> {
  if (!ctx) return;
  select.disabled = true;
  try {
    const patch = await rpc.changeEvent({
      id: o.id,
      action: 'order',
      state: select.value as OrderState,
      ...(o.rowNumber ? { hints: { eventRow: o.rowNumber } } : {}),
      ...actingAs(),
    });
    showStatus(patch.message, 'ok');
    offerUndo(patch.undo);
    await ctx.reload();
  } catch (e) {
    if (o.orderState) select.value = o.orderState;
    showStatus(errorText(e), 'error');
  } finally {
    select.disabled = !mayLogOrders;
  }
}

/** The last state change can be undone (the server refuses when the order changed again since). */
function offerUndo(token: UndoToken | undefined): void {
  const button = byId<HTMLButtonElement>('order-undo');
  undoToken = token;
  button.hidden = !token;
}

let undoToken: UndoToken | undefined;

async function undo(): Promise<void> {
  const token = undoToken;
  if (!ctx || !token) return;
  const button = byId<HTMLButtonElement>('order-undo');
  button.disabled = true;
  try {
    const patch = await rpc.undoChange({ ...token, ...actingAs() });
    offerUndo(undefined);
    showStatus(patch.message, 'ok');
    await ctx.reload();
  } catch (e) {
    showStatus(errorText(e), 'error');
  } finally {
    button.disabled = false;
  }
}

const TEXTS = {
  'money-title': 'title',
  'order-new': 'newOrder',
  'order-amount-label': 'amount',
  'order-currency-label': 'currency',
  'order-state-label': 'state',
  'order-note-label': 'note',
  'order-submit': 'save',
  'order-cancel': 'cancel',
  'order-undo': 'undo',
} as const;

/** Once, at start: the section's words (after the sidebar knows its language) and its buttons. */
export function wireMoney(context: MoneyContext): void {
  ctx = context;
  fillTexts(TEXTS, (key) => say(key));
  const state = byId<HTMLSelectElement>('order-state');
  replaceChildren(state, ...stateSelect('offer', context.locale()).childNodes);
  byId('order-new').addEventListener('click', openForm);
  byId('order-cancel').addEventListener('click', closeForm);
  byId('order-undo').addEventListener('click', () => void undo());
  // Changing what is being logged makes it another order, with a new id.
  byId('order-form').addEventListener('input', () => {
    pendingId = '';
  });
  byId('order-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void submit();
  });
}
