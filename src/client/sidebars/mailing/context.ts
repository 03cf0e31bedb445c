// What every part of the Mailing sidebar shares: the office's language the server put on the body
// (src/server/ui/sidebars.ts) and the words in that language.

import type { Locale } from '../../../core/i18n/locale';
import { mailingText, MailingTextKey } from './strings';

function bodyLocale(): Locale {
  const lang = (document.body.dataset.locale || navigator.language || 'en').slice(0, 2).toLowerCase();
  return lang === 'ru' || lang === 'ka' ? lang : 'en';
}

export const locale: Locale = bodyLocale();

export const say = (key: MailingTextKey, params?: object): string => mailingText(locale, key, params);
