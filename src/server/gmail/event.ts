// What a Gmail add-on callback receives: the user's locale and time zone, the open message, the action's parameters
// and the card's form values. https://developers.google.com/workspace/add-ons/concepts/event-objects
// Current events carry form values in commonEventObject.formInputs ({field: {stringInputs: {value: [...]}}} for text
// and selections, {dateTimeInput: {msSinceEpoch, hasDate, hasTime}} for a date-time picker); the legacy `formInput`
// (strings only) is the fallback for text and selections.

import { Locale, localeOf, toLocale } from '../../core/i18n/locale';
import { scriptCache } from '../card-index/script-cache';
import { officeLanguage } from './office-language';

export type AddonEvent = GoogleAppsScript.Addons.EventObject;

/** The action parameter with the language of the card that made the action. */
export const LANG_PARAM = 'lang';

interface FormValue {
  stringInputs?: { value?: string[] };
  /** msSinceEpoch: Google's reference says an int64 string; accept a number as well. */
  dateTimeInput?: { msSinceEpoch?: number | string; hasDate?: boolean; hasTime?: boolean };
}

interface Common {
  userLocale?: string;
  timeZone?: { id?: string; offset?: number };
  parameters?: Record<string, string>;
  formInputs?: Record<string, FormValue>;
}

function common(e: AddonEvent): Common {
  return ((e as unknown as { commonEventObject?: Common }).commonEventObject ?? {}) as Common;
}

interface Legacy {
  userLocale?: string;
  userTimezone?: { id?: string };
}

const legacy = (e: AddonEvent) => e as unknown as Legacy;

/**
 * The language of the cards: the office's choice in Settings; else the user's locale, which Gmail puts in the event
 * (the manifest's useLocaleFromApp + the script.locale scope; a locale none of ours reads as English); else Russian.
 * The Settings language is free once this execution's card index lookup read the cache (office-language.ts): call
 * this after the lookup. A card's actions carry the language the card was drawn in (LANG_PARAM), so that its forms
 * and notifications speak it at no request at all.
 */
export function eventLocale(e: AddonEvent): Locale {
  const drawn = localeOf(param(e, LANG_PARAM));
  if (drawn) return drawn;
  const office = officeLanguage(scriptCache);
  if (office) return office;
  const user = common(e).userLocale || legacy(e).userLocale;
  return user ? toLocale(user) : 'ru';
}

/** The user's zone as Gmail reports it; the script's zone (the office's, set in the manifest) when the event has none. */
export function eventTimeZone(e: AddonEvent): string {
  return common(e).timeZone?.id || legacy(e).userTimezone?.id || Session.getScriptTimeZone();
}

export function param(e: AddonEvent, key: string): string {
  const legacy = (e as unknown as { parameters?: Record<string, string> }).parameters;
  return String(common(e).parameters?.[key] ?? legacy?.[key] ?? '');
}

function formValue(e: AddonEvent, field: string): FormValue | undefined {
  return common(e).formInputs?.[field];
}

/** A text input's or a dropdown's value, trimmed ('' when the field was left empty). */
export function input(e: AddonEvent, field: string): string {
  const value = formValue(e, field)?.stringInputs?.value?.[0];
  if (value !== undefined) return String(value).trim();
  const legacy = (e as unknown as { formInput?: Record<string, unknown> }).formInput?.[field];
  return legacy === undefined || legacy === null || typeof legacy === 'object' ? '' : String(legacy).trim();
}

/**
 * A date-time picker's value as an instant: Gmail sends {dateTimeInput: {msSinceEpoch, hasDate, hasTime}}, never a
 * string. A picked day with no time is no follow-up time yet (undefined); so is a cleared picker (no field at all).
 */
export function dateTimeInput(e: AddonEvent, field: string): Date | undefined {
  const picked = formValue(e, field)?.dateTimeInput;
  if (!picked || picked.hasDate === false || picked.hasTime === false) return undefined;
  const ms = Number(picked.msSinceEpoch);
  return picked.msSinceEpoch !== '' && Number.isFinite(ms) ? new Date(ms) : undefined;
}
