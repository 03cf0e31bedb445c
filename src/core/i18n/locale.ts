// The three languages the product speaks. The account locale decides (`ru_RU`, `en-GB`, `ka`…); anything else falls
// back to English.

export type Locale = 'ru' | 'en' | 'ka';
export const LOCALES: readonly Locale[] = ['ru', 'en', 'ka'];

/** The language a locale names (`ru_RU`, `en-GB`, `KA`), or undefined when it is none of ours. */
export function localeOf(raw: string | undefined | null): Locale | undefined {
  const base = String(raw ?? '')
    .toLowerCase()
    .split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : undefined;
}

export function toLocale(raw: string | undefined | null): Locale {
  return localeOf(raw) ?? 'en';
}

export type Localized = Record<Locale, string>;
