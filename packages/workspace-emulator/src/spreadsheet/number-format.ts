// Sheets number formats, for getDisplayValues and for the type getValues returns. Only the formats the project uses
// (and close relatives) are understood: dates like 'dd.mm.yyyy' / 'dd.mm.yyyy hh:mm', plain text '@', numbers like
// '0', '0.00', '#,##0'. Any other format is refused when it is set, so nothing is displayed by guesswork.
// Format syntax: https://developers.google.com/sheets/api/guides/formats
//
// Sheets keeps a date as a serial number (days since 1899-12-30, in the spreadsheet's time zone) and the format decides
// what getValues returns: a number in a date-formatted cell reads back as a Date, a Date in a number-formatted cell
// reads back as its serial number.

import { instantOf, wallTime } from '../script/time-zone';
import { unsupported } from './rules';
import { CellValue } from './values';

const DAY_MS = 86_400_000;
const EPOCH_1899 = Date.UTC(1899, 11, 30);

type Token =
  | {
      kind:
        | 'year4'
        | 'year2'
        | 'month'
        | 'month2'
        | 'day'
        | 'day2'
        | 'hour'
        | 'hour2'
        | 'minute'
        | 'minute2'
        | 'second'
        | 'second2';
    }
  | { kind: 'text'; text: string };

export type ParsedFormat =
  { kind: 'text' } | { kind: 'number'; decimals: number; grouping: boolean } | { kind: 'date'; tokens: Token[] };

const cache = new Map<string, ParsedFormat>();

function parseDate(pattern: string): Token[] | undefined {
  const tokens: Token[] = [];
  const re = /(yyyy|yy|mm|m|dd|d|hh|h|ss|s)|("[^"]*")|(\\.)|([.\-/:, ])/giy;
  let at = 0;
  while (at < pattern.length) {
    re.lastIndex = at;
    const m = re.exec(pattern);
    if (!m) return undefined;
    at = re.lastIndex;
    if (m[2]) tokens.push({ kind: 'text', text: m[2].slice(1, -1) });
    else if (m[3]) tokens.push({ kind: 'text', text: m[3].slice(1) });
    else if (m[4]) tokens.push({ kind: 'text', text: m[4] });
    else {
      const t = m[1].toLowerCase();
      const kind = (
        {
          yyyy: 'year4',
          yy: 'year2',
          mm: 'month2',
          m: 'month',
          dd: 'day2',
          d: 'day',
          hh: 'hour2',
          h: 'hour',
          ss: 'second2',
          s: 'second',
        } as const
      )[t as 'yyyy'];
      tokens.push({ kind });
    }
  }
  // 'm'/'mm' right after hours or right before seconds means minutes (Sheets' rule).
  const fields = tokens.map((t, i) => ({ t, i })).filter((x) => x.t.kind !== 'text');
  fields.forEach((x, j) => {
    if (x.t.kind !== 'month' && x.t.kind !== 'month2') return;
    const prev = fields[j - 1]?.t.kind;
    const next = fields[j + 1]?.t.kind;
    if (prev === 'hour' || prev === 'hour2' || next === 'second' || next === 'second2')
      tokens[x.i] = { kind: x.t.kind === 'month' ? 'minute' : 'minute2' };
  });
  return fields.length ? tokens : undefined;
}

export function parseFormat(pattern: string): ParsedFormat | undefined {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let parsed: ParsedFormat | undefined;
  if (pattern === '@') parsed = { kind: 'text' };
  else if (/^[#0]*(,[#0]{3})*[#0]*(\.0+)?$/.test(pattern) && pattern.includes('0')) {
    const dot = pattern.indexOf('.');
    parsed = { kind: 'number', decimals: dot < 0 ? 0 : pattern.length - dot - 1, grouping: pattern.includes(',') };
  } else {
    const tokens = parseDate(pattern);
    if (tokens) parsed = { kind: 'date', tokens };
  }
  if (parsed) cache.set(pattern, parsed);
  return parsed;
}

/** Refuses a format the emulation cannot display faithfully. */
export function requireFormat(pattern: unknown): string {
  if (typeof pattern !== 'string' || !parseFormat(pattern))
    throw unsupported(`the number format ${JSON.stringify(pattern)}`);
  return pattern;
}

export function toSerial(d: Date, zone: string): number {
  const w = wallTime(zone, d.getTime());
  return (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - EPOCH_1899) / DAY_MS;
}

export function fromSerial(serial: number, zone: string): Date {
  const u = new Date(EPOCH_1899 + Math.round(serial * DAY_MS));
  return new Date(
    instantOf(zone, {
      year: u.getUTCFullYear(),
      month: u.getUTCMonth() + 1,
      day: u.getUTCDate(),
      hour: u.getUTCHours(),
      minute: u.getUTCMinutes(),
      second: u.getUTCSeconds(),
      millisecond: u.getUTCMilliseconds(),
    }),
  );
}

/** What getValues returns for a stored value under a cell's format. */
export function typedValue(v: CellValue, format: string | undefined, zone: string): CellValue {
  const f = format ? parseFormat(format) : undefined;
  if (typeof v === 'number' && f?.kind === 'date') return fromSerial(v, zone);
  if (v instanceof Date && f?.kind === 'number') return toSerial(v, zone);
  return v instanceof Date ? new Date(v.getTime()) : v;
}

const separatorCache = new Map<string, { decimal: string; group: string }>();

function separators(locale: string): { decimal: string; group: string } {
  const hit = separatorCache.get(locale);
  if (hit) return hit;
  const parts = new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(12345.5);
  const found = {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
  separatorCache.set(locale, found);
  return found;
}

function formatNumber(n: number, decimals: number | undefined, grouping: boolean, locale: string): string {
  const { decimal, group } = separators(locale);
  let text: string;
  if (decimals === undefined) text = String(n);
  else {
    // Sheets rounds half away from zero; toFixed rounds binary halves unpredictably.
    const scale = 10 ** decimals;
    const rounded = (Math.sign(n) * Math.round(Math.abs(n) * scale + 1e-9)) / scale;
    text = rounded.toFixed(decimals);
    if (text === '-0' || /^-0\.0*$/.test(text)) text = text.slice(1);
  }
  const [int, frac] = text.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = grouping ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, group) : digits;
  return sign + grouped + (frac !== undefined ? decimal + frac : '');
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function formatDate(d: Date, tokens: Token[], zone: string): string {
  const w = wallTime(zone, d.getTime());
  return tokens
    .map((t) => {
      switch (t.kind) {
        case 'text':
          return t.text;
        case 'year4':
          return pad(w.year, 4);
        case 'year2':
          return pad(w.year % 100, 2);
        case 'month':
          return String(w.month);
        case 'month2':
          return pad(w.month, 2);
        case 'day':
          return String(w.day);
        case 'day2':
          return pad(w.day, 2);
        case 'hour':
          return String(w.hour);
        case 'hour2':
          return pad(w.hour, 2);
        case 'minute':
          return String(w.minute);
        case 'minute2':
          return pad(w.minute, 2);
        case 'second':
          return String(w.second);
        case 'second2':
          return pad(w.second, 2);
      }
    })
    .join('');
}

/**
 * The date-time format Sheets gives a cell a script writes a Date into, by locale. UNVERIFIED beyond ru and en (the
 * two the emulator is tested in), where these are what Sheets shows for a script-written date-time.
 */
function defaultDateFormat(locale: string): string {
  const lang = locale.toLowerCase().split(/[-_]/)[0];
  if (lang === 'en') return 'm/d/yyyy h:mm:ss';
  return 'dd.mm.yyyy h:mm:ss';
}

/** Booleans display in the spreadsheet's language (UNVERIFIED beyond ru/en). */
function booleanText(v: boolean, locale: string): string {
  const lang = locale.toLowerCase().split(/[-_]/)[0];
  if (lang === 'ru') return v ? 'ИСТИНА' : 'ЛОЖЬ';
  return v ? 'TRUE' : 'FALSE';
}

/** The text a cell shows (getDisplayValues, TextFinder). */
export function displayText(v: CellValue, format: string | undefined, zone: string, locale: string): string {
  if (v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return booleanText(v, locale);
  const f = format ? parseFormat(format) : undefined;
  if (v instanceof Date) {
    if (f?.kind === 'date') return formatDate(v, f.tokens, zone);
    if (f?.kind === 'number') return formatNumber(toSerial(v, zone), f.decimals, f.grouping, locale);
    const tokens = (parseFormat(defaultDateFormat(locale)) as { kind: 'date'; tokens: Token[] }).tokens;
    return formatDate(v, tokens, zone);
  }
  if (f?.kind === 'date') return formatDate(fromSerial(v, zone), f.tokens, zone);
  if (f?.kind === 'number') return formatNumber(v, f.decimals, f.grouping, locale);
  return formatNumber(v, undefined, false, locale);
}
