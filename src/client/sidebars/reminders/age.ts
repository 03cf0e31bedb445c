// A birthday's age in words: "35 лет", "31 год", "32 года" — the language's plural rule (Intl.PluralRules) picks the
// form. Pure, for the unit tests.

import type { Locale } from '../../../core/i18n/locale';
import { remindersText } from './strings';

type Key = Parameters<typeof remindersText>[1];
const AGE_FORMS: Record<string, Key> = { one: 'ageOne', few: 'ageFew', many: 'ageMany' };

export function ageText(locale: Locale, age: number): string {
  const form = new Intl.PluralRules(locale).select(age);
  return remindersText(locale, AGE_FORMS[form] ?? 'ageMany', { age });
}
