// What every part of the Telephony sidebar shares: the office's language and zone the server put on the body
// (src/server/ui/sidebars.ts), the words in that language, and instants shown on the office's wall clock.

import { formatLocal } from '../../../core/events/zone';
import type { Locale } from '../../../core/i18n/locale';
import { callsText, CallsTextKey } from './strings';

function bodyLocale(): Locale {
  const lang = (document.body.dataset.locale || navigator.language || 'en').slice(0, 2).toLowerCase();
  return lang === 'ru' || lang === 'ka' ? lang : 'en';
}

export const locale: Locale = bodyLocale();
const zone = document.body.dataset.zone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const say = (key: CallsTextKey, params?: object): string => callsText(locale, key, params);

/** 'dd.mm.yyyy hh:mm' in the office's zone; '' for no instant. */
export function when(iso: string): string {
  const at = iso ? new Date(iso) : undefined;
  return at && !isNaN(at.getTime()) ? formatLocal(at, zone) : '';
}
