// The three languages the product speaks. The account locale decides (`ru_RU`, `en-GB`, `ka`…); anything else falls
// back to English.

export type Locale = 'ru' | 'en' | 'ka';
export const LOCALES: readonly Locale[] = ['ru', 'en', 'ka'];

export function toLocale(raw: string | undefined | null): Locale {
  const base = String(raw ?? '')
    .toLowerCase()
    .split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
}

export type Localized = Record<Locale, string>;
