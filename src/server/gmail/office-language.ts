// The office's language (the Settings sheet's `language`) for the add-on's cards, at no extra request on the warm
// card. The add-on keeps it in its script cache under OFFICE_KEY, and that key rides along in the requests the card
// makes anyway:
// - every getAll the add-on makes through scriptCache() (the card index lookup, the forms' lists) also asks for
//   OFFICE_KEY: the same single request answers both;
// - when that getAll found no OFFICE_KEY (cold, expired, evicted) and the execution draws a card (wantOfficeLanguage),
//   the next putAll of at least OFFICE_SECONDS — the index refill after the spreadsheet was read — carries it, taken
//   from the add-on's script properties, read anyway to open the spreadsheet (the Settings sheet is read only by the
//   very first card, which keeps the answer there). The sheet project's push tells the add-on when Settings change
//   the language (web-app.ts), so the next card speaks it; a bare lookup (the CLI, the bench) pays nothing for it;
// - a card that needs the language without such a getAll (no sender, a refused form) asks for it alone (one getAll)
//   and, on a miss, reads the Settings sheet and caches it.
// A failure to read the sheet is never the card's failure: the user's locale decides then.

import { KEY_TTL_SECONDS } from '../../core/card-index/key-cache';
import { Locale, localeOf } from '../../core/i18n/locale';
import type { KeyValueCache } from '../../core/ports/cache';
import { addonProperties, setAddonProperty } from '../sheets/crm-spreadsheet';
import { readSettings } from '../sheets/settings';

export const OFFICE_KEY = 'crm.gmail.office';
/** As long as a cached card index key (core/card-index/key-cache.ts KEY_TTL_SECONDS): they renew together. */
export const OFFICE_SECONDS = KEY_TTL_SECONDS;

interface OfficeEntry {
  /** '' = the user's own language. */
  language: '' | Locale;
}

/**
 * What this execution knows: undefined = not asked yet; null = asked, the cache had nothing. Apps Script starts every
 * execution with fresh globals, so this never outlives the run.
 */
let known: OfficeEntry | null | undefined;
/** This execution draws a card: a refill should bring the language along. */
let wanted = false;

/** Called before the lookup of an execution that will draw a card. */
export function wantOfficeLanguage(): void {
  wanted = true;
}

function parse(raw: string | undefined): OfficeEntry | null {
  if (!raw) return null;
  try {
    const value = (JSON.parse(raw) as Partial<OfficeEntry>).language;
    return { language: localeOf(value) ?? '' };
  } catch {
    return null;
  }
}

/** The add-on's script property holding the office's language, written by the sheet project's push (web-app.ts). */
export const LANGUAGE_PROPERTY = 'crm.gmail.officeLanguage';

/**
 * The language without reading the Settings sheet when the add-on's properties have it: they are read anyway to open
 * the spreadsheet, and the sheet project's push keeps them current when Settings change (api.ts saveSettings). The
 * first card ever reads the Settings sheet once and keeps the answer there.
 */
function readOffice(): OfficeEntry {
  const stored = addonProperties()[LANGUAGE_PROPERTY];
  if (stored !== undefined) return { language: localeOf(stored) ?? '' };
  const language = readSettings().sheet.written.language || '';
  setAddonProperty(LANGUAGE_PROPERTY, language);
  return { language };
}

/** The push's news that Settings changed the language: kept in the properties and in the cache entry at once. */
export function storeOfficeLanguage(cache: KeyValueCache, language: unknown): void {
  const value = typeof language === 'string' ? (localeOf(language) ?? '') : '';
  setAddonProperty(LANGUAGE_PROPERTY, value);
  cache.putAll({ [OFFICE_KEY]: JSON.stringify({ language: value }) }, OFFICE_SECONDS);
  known = { language: value };
}

/** `cache` with OFFICE_KEY riding on its getAll calls, and written by its next long putAll when it was missing. */
export function withOfficeEntry(cache: KeyValueCache): KeyValueCache {
  return {
    getAll(keys) {
      const asked = keys.includes(OFFICE_KEY);
      const got = cache.getAll(asked ? keys : [...keys, OFFICE_KEY]);
      if (known === undefined || known === null) known = parse(got[OFFICE_KEY]);
      if (!asked) delete got[OFFICE_KEY];
      return got;
    },
    putAll(values, ttlSeconds) {
      if (wanted && known === null && ttlSeconds >= OFFICE_SECONDS && !(OFFICE_KEY in values)) {
        try {
          known = readOffice();
          values = { ...values, [OFFICE_KEY]: JSON.stringify(known) };
        } catch (e) {
          console.warn(`The office's language was not read: ${e instanceof Error ? e.name : 'error'}`);
        }
      }
      cache.putAll(values, ttlSeconds);
    },
    remove(key) {
      cache.remove(key);
    },
  };
}

/** The Settings sheet's language ('' = not set) — free when a getAll of this execution brought it. */
export function officeLanguage(cache: () => KeyValueCache): '' | Locale {
  if (known) return known.language;
  try {
    if (known === undefined) known = parse(cache().getAll([OFFICE_KEY])[OFFICE_KEY]);
    if (!known) {
      known = readOffice();
      cache().putAll({ [OFFICE_KEY]: JSON.stringify(known) }, OFFICE_SECONDS);
    }
    return known.language;
  } catch (e) {
    console.warn(`The office's language was not read: ${e instanceof Error ? e.name : 'error'}`);
    return '';
  }
}
