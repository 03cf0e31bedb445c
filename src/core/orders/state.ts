// An order's state as the Events sheet's "Order state" cell holds it, in any of our languages; one word list for
// reading and writing, so a sheet the office typed in Russian and a CLI call in English mean the same order.

import type { OrderState } from '../../shared/events-dto';
import type { Locale } from '../i18n/locale';
import { headerKey } from '../sheets/template';

export const ORDER_STATES: readonly OrderState[] = ['offer', 'ordered', 'invoiced', 'paid', 'cancelled'];

const WORDS: Record<Locale, Record<OrderState, string>> = {
  ru: { offer: 'предложение', ordered: 'заказ', invoiced: 'счёт выставлен', paid: 'оплачен', cancelled: 'отменён' },
  en: { offer: 'offer', ordered: 'ordered', invoiced: 'invoiced', paid: 'paid', cancelled: 'cancelled' },
  ka: {
    offer: 'შეთავაზება',
    ordered: 'შეკვეთილი',
    invoiced: 'ინვოისი გაგზავნილია',
    paid: 'გადახდილი',
    cancelled: 'გაუქმებული',
  },
};

/** Other words offices write for the same states (compared as headerKey: case, spaces, ё/е folded). */
const ALSO: Record<OrderState, string[]> = {
  offer: ['кп', 'коммерческое предложение', 'quote', 'quotation'],
  ordered: ['заказан', 'заказано', 'order'],
  invoiced: ['счёт', 'выставлен', 'invoice', 'ინვოისი'],
  paid: ['оплачено', 'оплата'],
  cancelled: ['отменено', 'отмена', 'canceled'],
};

export function orderStateLabel(state: OrderState, locale: Locale): string {
  return WORDS[locale][state];
}

/** A cell or a CLI word → the state; undefined when it names none. */
export function parseOrderState(text: unknown): OrderState | undefined {
  const key = headerKey(text);
  if (key === '') return undefined;
  for (const state of ORDER_STATES) {
    const words = [state, ...Object.values(WORDS).map((w) => w[state]), ...ALSO[state]];
    if (words.some((w) => headerKey(w) === key)) return state;
  }
  return undefined;
}
