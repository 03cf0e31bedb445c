// What Sheets makes of text written through SpreadsheetApp (setValue, setValues, appendRow) or typed by a person:
// it is parsed as if typed into the cell (the Sheets API calls this USER_ENTERED, "the same rules that are applied when
// entering text into a cell via the Google Sheets UI": https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption),
// in the spreadsheet's locale. The one place the emulation does this; every writer of typed text comes here.
//
// In order (the first rule that applies wins):
// 1. A cell formatted as plain text ('@') takes the text exactly: nothing is parsed, a leading apostrophe stays.
//    UNVERIFIED that the apostrophe stays (it is the stricter reading: a writer that escapes AND formats as text shows
//    the apostrophe to the office).
// 2. A leading apostrophe marks text; it is not part of the value (getValue/getDisplayValue/getFormula lack it).
// 3. A leading = is a formula: stored (getFormula returns it) and read as '#ERROR!', since the emulation evaluates no
//    formula (UNVERIFIED what each formula would give: Sheets would compute it, or show #NAME?/#ERROR!).
// 4. A number in the locale: optional sign, digits with the locale's grouping (en "1,234", ru "1 234") and decimal
//    separator (en "1.5", ru "1,5"), an exponent ("1e5"), a percent ("5%" is 0.05), a currency sign ("$5").
//    Leading zeros are lost ("007" is 7); "+79123456789" is the number 79123456789.
// 5. A date, time or both in the locale's order (en_US month first: "1/2" is 2 January of this year; ru day first:
//    "01.02.2026" is 1 February 2026, and "1.5", not a ru number, is 1 May), ISO "2026-02-01", English and Russian
//    month names ("Jan 2", "2 января 2026"), "9:30", "9:30 PM". Stored as a Date in the spreadsheet's zone, with a date
//    format when the cell's format is Automatic. UNVERIFIED in detail: which patterns Sheets knows per locale, the
//    two-digit year pivot (00-29 → 20xx here), and the format it gives the cell; the emulation converts more rather
//    than less (a dot date in en_US, "1-2", a month/year "12/2026").
// 6. TRUE/FALSE in any case; in a ru spreadsheet ИСТИНА/ЛОЖЬ too (UNVERIFIED: stricter than the English words alone).
// 7. Anything else starting with + or - is a formula that does not parse ("+7 912 345-67-89", "-звонок"): Sheets
//    shows #ERROR! (formula parse error); getFormula returns it with an = in front (UNVERIFIED: that form).
// 8. Text otherwise, as written (spaces kept).
// Not modelled: error literals typed as text ("#N/A" reads back as the same string either way), durations ("25:00"),
// fractions ("1 1/2"), and the number formats Sheets gives percents and currency (the cell keeps its own).

import { fromSerial, parseFormat } from './number-format';
import type { CellValue } from './values';

/** What a cell holds after text is entered into it. */
export interface Entered {
  value: CellValue;
  /** The formula, when the text was one (the value is then what it shows). */
  formula?: string;
  /** The number format Sheets gives an Automatic cell for what was recognised (a date's). */
  format?: string;
}

export interface EntryContext {
  locale: string;
  timeZone: string;
  /** The cell's number format; undefined = Automatic. */
  format: string | undefined;
  /** Now, for the year of a date typed without one. */
  now: number;
}

/** What the emulation shows for any formula: it evaluates none. */
export const FORMULA_VALUE = '#ERROR!';

export function enterText(text: string, cx: EntryContext): Entered {
  const f = cx.format ? parseFormat(cx.format) : undefined;
  if (f?.kind === 'text') return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { value: FORMULA_VALUE, formula: text };
  const trimmed = text.trim();
  if (!trimmed) return { value: text };
  const style = localeStyle(cx.locale);
  const n = parseNumber(trimmed, style);
  if (n !== undefined) return { value: n };
  // No date is longer; the bound keeps the date patterns linear on a 50,000-character cell.
  const d = trimmed.length <= 64 ? parseDateTime(trimmed, style, cx) : undefined;
  if (d) return d;
  const b = parseBoolean(trimmed, style);
  if (b !== undefined) return { value: b };
  if (text.length > 1 && /^[+-]/.test(text)) return { value: FORMULA_VALUE, formula: `=${text}` };
  return { value: text };
}

interface LocaleStyle {
  lang: string;
  decimal: string;
  /** Group separators accepted: the locale's, and for space-like ones every space. */
  groups: string[];
  dayFirst: boolean;
}

const styles = new Map<string, LocaleStyle>();

function localeStyle(locale: string): LocaleStyle {
  const hit = styles.get(locale);
  if (hit) return hit;
  const tag = locale.replace('_', '-');
  let decimal = '.';
  let group = ',';
  let dayFirst = true;
  try {
    const parts = new Intl.NumberFormat(tag).formatToParts(12345.5);
    decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
    group = parts.find((p) => p.type === 'group')?.value ?? ',';
    const date = new Intl.DateTimeFormat(tag).formatToParts(new Date(Date.UTC(2026, 10, 22, 12)));
    dayFirst = date.findIndex((p) => p.type === 'day') < date.findIndex((p) => p.type === 'month');
  } catch {
    // An unknown tag: Sheets' defaults for en_US would apply; UNVERIFIED. Day first is kept (most locales).
  }
  const spaceLike = /\s/.test(group);
  const style: LocaleStyle = {
    lang: locale.toLowerCase().split(/[-_]/)[0],
    decimal,
    groups: spaceLike ? [' ', '\u00a0', '\u202f'] : [group],
    dayFirst,
  };
  styles.set(locale, style);
  return style;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const numberRes = new Map<LocaleStyle, RegExp>();

function numberRe(style: LocaleStyle): RegExp {
  let re = numberRes.get(style);
  if (!re) {
    const g = `[${style.groups.map(escapeRe).join('')}]`;
    const d = escapeRe(style.decimal);
    const int = `(?:\\d{1,3}(?:${g}\\d{3})+|\\d+)`;
    // Each optional sign takes its own spaces: two runs of \s* side by side backtrack quadratically on a long cell.
    re = new RegExp(
      `^([+-])?(?:\\s*([$€£¥₽]))?\\s*(${int}(?:${d}\\d*)?|${d}\\d+)(?:[eE]([+-]?\\d+))?(?:\\s*([$€£¥₽]))?(?:\\s*(%))?$`,
    );
    numberRes.set(style, re);
  }
  return re;
}

function parseNumber(text: string, style: LocaleStyle): number | undefined {
  const m = numberRe(style).exec(text);
  if (!m || (m[2] && m[5])) return undefined;
  const digits = m[3]
    .split('')
    .filter((c) => !style.groups.includes(c))
    .join('')
    .replace(style.decimal, '.');
  let n = Number(`${digits}${m[4] ? `e${m[4]}` : ''}`);
  if (!Number.isFinite(n)) return undefined;
  if (m[6]) n /= 100;
  return m[1] === '-' ? -n : n;
}

const MONTHS: Array<[RegExp, number]> = [
  /^(jan(uary)?|январ[ья]|янв)$/,
  /^(feb(ruary)?|феврал[ья]|фев)$/,
  /^(mar(ch)?|марта?|мар)$/,
  /^(apr(il)?|апрел[ья]|апр)$/,
  /^(may|ма[йя])$/,
  /^(june?|июн[ья]|июн)$/,
  /^(july?|июл[ья]|июл)$/,
  /^(aug(ust)?|августа?|авг)$/,
  /^(sep(t(ember)?)?|сентябр[ья]|сен)$/,
  /^(oct(ober)?|октябр[ья]|окт)$/,
  /^(nov(ember)?|ноябр[ья]|ноя)$/,
  /^(dec(ember)?|декабр[ья]|дек)$/,
].map((re, i) => [re, i + 1]);

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.find(([re]) => re.test(w))?.[1];
}

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

function validDate(d: Ymd): Ymd | undefined {
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.year < 1 || d.year > 9999) return undefined;
  const last = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  return d.day <= last ? d : undefined;
}

/** A date without time: numeric in the locale's order, ISO, or with a month name. */
function parseDate(text: string, style: LocaleStyle, thisYear: number): Ymd | undefined {
  const iso = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (iso) return validDate({ year: Number(iso[1]), month: Number(iso[3]), day: Number(iso[4]) });
  const num = /^(\d{1,2})([-/.])(\d{1,4})(?:\2(\d{2}|\d{4}))?$/.exec(text);
  if (num) {
    const [a, b] = [Number(num[1]), Number(num[3])];
    if (num[3].length === 4 && num[4] === undefined) return validDate({ year: b, month: a, day: 1 });
    if (num[3].length > 2) return undefined;
    const year = num[4] ? fullYear(num[4]) : thisYear;
    return validDate(style.dayFirst ? { year, month: b, day: a } : { year, month: a, day: b });
  }
  const named =
    /^(?:(\d{1,2})[\s.-]*([^\d\s.,-]+\.?)|([^\d\s.,-]+\.?)[\s.-]*(\d{1,2}))(?:,?[\s.-]*(\d{2}|\d{4}))?(?:\s*г\.?)?$/i.exec(
      text,
    );
  if (named) {
    const month = monthOf(named[2] ?? named[3]);
    if (!month) return undefined;
    const day = Number(named[1] ?? named[4]);
    return validDate({ year: named[5] ? fullYear(named[5]) : thisYear, month, day });
  }
  return undefined;
}

interface Hms {
  hour: number;
  minute: number;
  second: number;
  withSeconds: boolean;
}

function parseTime(text: string): Hms | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]\.?m\.?)?$/i.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const [minute, second] = [Number(m[2]), Number(m[3] ?? 0)];
  if (m[4]) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = m[4].toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { hour, minute, second, withSeconds: m[3] !== undefined };
}

const DAY_MS = 86_400_000;
const EPOCH_1899 = Date.UTC(1899, 11, 30);

function dateFormat(style: LocaleStyle): string {
  return style.dayFirst ? 'dd.mm.yyyy' : 'm/d/yyyy';
}

function parseDateTime(text: string, style: LocaleStyle, cx: EntryContext): Entered | undefined {
  const thisYear = new Date(cx.now).getUTCFullYear();
  let date: Ymd | undefined;
  let time = parseTime(text);
  if (!time) {
    date = parseDate(text, style, thisYear);
    if (!date) {
      // A date, then a time ("01.02.2026 10:00", "2026-02-01T10:00", "Jan 2, 9:30 PM").
      const both = /^(.*?)[\sT,]+(\d{1,2}:\d{2}\S*(?:\s*[ap]\.?m\.?)?)$/i.exec(text);
      if (!both) return undefined;
      date = parseDate(both[1].trim(), style, thisYear);
      time = parseTime(both[2]);
      if (!date || !time) return undefined;
    }
  }
  const day = date ? (Date.UTC(date.year, date.month - 1, date.day) - EPOCH_1899) / DAY_MS : 0;
  const secs = time ? time.hour * 3600 + time.minute * 60 + time.second : 0;
  const value = fromSerial(day + secs / 86_400, cx.timeZone);
  const clock = time?.withSeconds ? 'h:mm:ss' : 'h:mm';
  const format = date && time ? `${dateFormat(style)} ${clock}` : date ? dateFormat(style) : clock;
  return { value, format: cx.format === undefined ? format : undefined };
}

function parseBoolean(text: string, style: LocaleStyle): boolean | undefined {
  const w = text.toLowerCase();
  if (w === 'true' || (style.lang === 'ru' && w === 'истина')) return true;
  if (w === 'false' || (style.lang === 'ru' && w === 'ложь')) return false;
  return undefined;
}
