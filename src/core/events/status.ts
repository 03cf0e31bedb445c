// Event status words. The sheet holds them as text in the office's language (the Lists sheet feeds the dropdown), so
// reading accepts every language we ship plus the office's own words; writing uses the office's words when known.

import { Locale } from '../i18n/locale';
import { headerKey } from '../sheets/template';

export type EventStatus = 'planned' | 'done' | 'cancelled';
export const STATUSES: readonly EventStatus[] = ['planned', 'done', 'cancelled'];

/** The words of the status column, in order planned / done / cancelled (the Lists sheet's "statuses" column order). */
export type StatusNames = Record<EventStatus, string[]>;

/** The shipped words (sheets-templates/lists.json) first; then forms people type instead. */
const BUILT_IN: Record<Locale, Record<EventStatus, string[]>> = {
  ru: {
    planned: ['план', 'запланировано', 'запланирован', 'в плане'],
    done: ['сделано', 'выполнено', 'выполнен', 'готово'],
    cancelled: ['отменено', 'отменен', 'отмена'],
  },
  en: {
    planned: ['planned', 'plan', 'scheduled'],
    done: ['done', 'completed', 'complete'],
    cancelled: ['cancelled', 'canceled'],
  },
  ka: { planned: ['დაგეგმილი'], done: ['შესრულებული'], cancelled: ['გაუქმებული'] },
};

export function statusLabel(status: EventStatus, locale: Locale, office?: Partial<StatusNames>): string {
  return office?.[status]?.[0] || BUILT_IN[locale][status][0];
}

/** undefined for a word that is no status; '' maps to undefined too (the caller decides what a blank means). */
export function parseStatus(text: unknown, office?: Partial<StatusNames>): EventStatus | undefined {
  const key = headerKey(text);
  if (key === '') return undefined;
  for (const status of STATUSES) {
    const words = [...(office?.[status] ?? []), ...BUILT_IN.ru[status], ...BUILT_IN.en[status], ...BUILT_IN.ka[status]];
    if (words.some((w) => headerKey(w) === key)) return status;
  }
  return undefined;
}
