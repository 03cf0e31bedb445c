// An amount as an offer or an invoice prints it: "15 000,00" in Russian and Georgian (a no-break space groups the
// thousands, so a line never breaks inside a number), "15,000.00" in English. Always two decimals: it is money.

import type { Locale } from '../i18n/locale';
import { cents } from '../orders/amount';

const NBSP = '\u00a0';

export function formatAmount(amount: number, locale: Locale): string {
  const negative = amount < 0;
  const [whole, fraction] = Math.abs(cents(amount)).toFixed(2).split('.');
  const group = locale === 'en' ? ',' : NBSP;
  const decimal = locale === 'en' ? '.' : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? '-' : ''}${grouped}${decimal}${fraction}`;
}
