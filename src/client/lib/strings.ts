// A sidebar's words: one catalog per language, `{name}` placeholders filled from an object (a DTO can be passed as is).

import type { Locale } from '../../core/i18n/locale';

export function catalog<S extends Record<string, string>>(languages: Record<Locale, S>) {
  return (locale: Locale, key: keyof S, params: object = {}): string => {
    const values = params as Record<string, unknown>;
    return languages[locale][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
  };
}
