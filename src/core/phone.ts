// Phone numbers as offices write them (`8 (912) 345-67-89`, `+7 912 3456789`, `9123456789`, `8-10-995 …`,
// `… доб. 100`) turned into E.164, the form Google Contacts and our dedupe keys compare.
//
// libphonenumber-js with its 'min' metadata: this code ships twice (the Apps Script bundle and the sidebar), and a
// minified bundle of parse + validate weighs ~121 KB with 'min' against ~194 KB with 'max' (esbuild 0.28, measured).
// This is the only module that imports the library, so a bundle holds one copy of its metadata. What 'max' would
// add is number-type detection (mobile vs fixed line); 'min' still checks each country's possible lengths and
// national number pattern, which is what tells a real number from a typo.

import { getCountries, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CountryCode } from 'libphonenumber-js/min';

export interface ParsedPhone {
  /** `+79123456789`: no extension, no separators. */
  e164: string;
  extension?: string;
  /** ISO country the number belongs to, when the metadata can tell. */
  country?: string;
}

/** Whether `code` is an ISO country code the phone metadata knows (upper case, as the Settings sheet stores it). */
export function isCountryCode(code: string): boolean {
  return isSupportedCountry(code);
}

/** Every country code isCountryCode accepts, sorted: the allowed values of a default country. */
export function countryCodes(): string[] {
  return getCountries().slice().sort();
}

/** A separator splitPhoneCell splits on. */
const SEVERAL_NUMBERS = /[,;/\r\n]|\s(?:и|или|and|or|და|ან)\s/i;
const EXTENSION_MARK = /^(?:доб|вн|ext|extension|x|#|დამ)/i;

/**
 * One cell may hold several numbers: `8 912 345-67-89, 8 343 222-33-44`, `… / …`, `… и …`, one per line.
 * A separator followed by an extension (`…, доб. 100`) stays with its number.
 */
export function splitPhoneCell(text: string): string[] {
  const all = String(text ?? '');
  if (!SEVERAL_NUMBERS.test(all)) {
    // One number (the usual cell): what the split below would give, without the split.
    const piece = all.trim();
    return piece ? [piece] : [];
  }
  const pieces = all.split(/\s*(?:[,;/\r\n]+|\s(?:и|или|and|or|და|ან)\s)\s*/i);
  const out: string[] = [];
  for (const raw of pieces) {
    const piece = raw.trim();
    if (!piece) continue;
    if (out.length && EXTENSION_MARK.test(piece) && !/\d{5,}/.test(piece.replace(/\D+/g, ''))) {
      out[out.length - 1] = `${out[out.length - 1]}, ${piece}`;
    } else {
      out.push(piece);
    }
  }
  return out;
}

/** Excel shows long numbers it stored as numeric in scientific form: `7.9123456789E+10`. */
function expandScientific(text: string): string {
  const m = /^(\d)(?:[.,](\d+))?e\+?(\d{1,2})$/i.exec(text.trim());
  if (!m) return text;
  const digits = m[1] + (m[2] ?? '');
  const length = Number(m[3]) + 1;
  return digits.length <= length ? digits.padEnd(length, '0') : text;
}

function attempt(text: string, country: CountryCode | undefined): ParsedPhone | undefined {
  const parsed = country ? parsePhoneNumberFromString(text, country) : parsePhoneNumberFromString(text);
  if (!parsed || !parsed.isValid()) return undefined;
  const result: ParsedPhone = { e164: String(parsed.number) };
  if (parsed.ext) result.extension = String(parsed.ext);
  if (parsed.country) result.country = parsed.country;
  return result;
}

// isSupportedCountry builds a metadata object per call, and the plan asks once per number: the answers for the few
// codes an office uses are remembered (a bounded list, whatever callers pass).
const countries = new Map<string, CountryCode | undefined>();

function countryOf(defaultCountry: string | undefined): CountryCode | undefined {
  const code = String(defaultCountry ?? '')
    .trim()
    .toUpperCase();
  if (countries.has(code)) return countries.get(code);
  const country = isSupportedCountry(code) ? (code as CountryCode) : undefined;
  if (countries.size < 256) countries.set(code, country);
  return country;
}

// Without a country libphonenumber can only read a number that carries its own `+`: for any other text it throws
// (and catches) an INVALID_COUNTRY error, which costs more than a successful parse. Text with no plus sign at all
// (ASCII or full-width) and no `00` prefix can never give a number then, so it is answered without the library.
const PLUS_ANYWHERE = /[+\uFF0B]/;
const IDD_PREFIX = /^\s*00\s*(?=[1-9])/;

function parseCleaned(cleaned: string, country: CountryCode | undefined): ParsedPhone | undefined {
  if (!/\d/.test(cleaned)) return undefined;
  if (!country && !PLUS_ANYWHERE.test(cleaned) && !IDD_PREFIX.test(cleaned)) return undefined;
  const direct = attempt(cleaned, country);
  if (direct) return direct;
  // `00` is the international prefix almost everywhere but Russia (8-10); offices use it anyway.
  const idd = IDD_PREFIX.exec(cleaned);
  return idd ? attempt(`+${cleaned.slice(idd[0].length)}`, country) : undefined;
}

function parseWith(text: string, country: CountryCode | undefined): ParsedPhone | undefined {
  return parseCleaned(
    expandScientific(
      String(text ?? '')
        .trim()
        .replace(/^'/, ''),
    ),
    country,
  );
}

/** Parses one number; `defaultCountry` decides what a number without +country code means. */
export function parsePhone(text: string, defaultCountry: string): ParsedPhone | undefined {
  return parseWith(text, countryOf(defaultCountry));
}

/** What parsePhone reads starts with `+` (after the spaces and the apostrophe it drops). */
const WRITTEN_INTERNATIONAL = /^\s*'?\+/;

/** The parses of the latest run over a file (phoneParser), until the next one starts. */
let latestRun: { country: CountryCode | undefined; seen: Map<string, ParsedPhone | null> } | undefined;

/**
 * parsePhone for one run over a file: each distinct text is parsed once (a base repeats the office's own number on
 * many rows), and the plan of the same preview finds the numbers the cleaning just parsed (phoneKey). The parses are
 * kept until the next run starts. A text read twice gets the same object both times: it is not to be changed.
 */
export function phoneParser(defaultCountry: string): (text: string) => Readonly<ParsedPhone> | undefined {
  const country = countryOf(defaultCountry);
  const seen = new Map<string, ParsedPhone | null>();
  latestRun = { country, seen };
  return (text) => {
    const key = String(text ?? '');
    let hit = seen.get(key);
    if (hit === undefined) {
      hit = parseWith(key, country) ?? null;
      seen.set(key, hit);
    }
    return hit ?? undefined;
  };
}

/** E.164 without extension, or undefined when the text is not a valid number. */
export function toE164(text: string, defaultCountry: string): string | undefined {
  return parsePhone(text, defaultCountry)?.e164;
}

/**
 * Dedupe key of a stored or imported number: E.164 without extension. Without a country only international numbers
 * (`+…`) have a key — a national number's country cannot be guessed; Google's own `canonicalForm` covers stored ones.
 */
export function phoneKey(raw: string, defaultCountry?: string): string | undefined {
  const text = String(raw ?? '');
  const country = countryOf(defaultCountry);
  const hit = latestRun?.seen.get(text);
  // A number written with its + is read the same under any default country: libphonenumber then takes the country
  // from the number (the default only decides what a number without + means). So the latest run's parse, made under
  // the office's country, also answers for another country or none.
  if (hit !== undefined && (latestRun?.country === country || WRITTEN_INTERNATIONAL.test(text)))
    return hit ? hit.e164 : undefined;
  return parseWith(text, country)?.e164;
}

/**
 * A number as Google Contacts shows it to the office: in the national format when it belongs to the office's
 * country (`8 (912) 345-67-89`), else international (`+995 555 12 34 56`), with its extension; the text as written
 * when it is not a valid number (Contacts shows those as typed too).
 */
export function formatPhone(text: string, defaultCountry: string): string {
  const parsed = parsePhone(text, defaultCountry);
  if (!parsed) return String(text ?? '').trim();
  const number = parsePhoneNumberFromString(parsed.e164);
  if (!number) return parsed.e164;
  if (parsed.extension) number.ext = parsed.extension as typeof number.ext;
  const home = countryOf(defaultCountry);
  return home && number.country === home ? number.formatNational() : number.formatInternational();
}
