// Dates as offices keep them: `12.03.1985`, `1.3.85`, `1985-03-12`, `--03-12`, `12.03` (a birthday without a year),
// `12 марта 1985`, an Excel serial number that lost its date format (`31118`), or a date cell the reader already
// typed. Day comes before month (the offices we serve write dates that way) unless the numbers say otherwise.

import { civilFromDays } from '../../civil-date';
import type { CalendarDate } from '../types';
import { collapseSpaces } from './spaces';

export type DateResult =
  { ok: true; date: CalendarDate } | { ok: false; reason: 'empty' | 'invalid' | 'impossible' | 'yearOnly' };

const MONTHS: Array<[number, RegExp]> = [
  [1, /^(?:янв|jan|იანვ)/],
  [2, /^(?:фев|feb|თებ)/],
  [3, /^(?:мар|mar|მარტ)/],
  [4, /^(?:апр|apr|აპრ)/],
  [5, /^(?:ма[йя]|may|მაის)/],
  [6, /^(?:июн|jun|ივნ)/],
  [7, /^(?:июл|jul|ივლ)/],
  [8, /^(?:авг|aug|აგვ)/],
  [9, /^(?:сен|sep|სექ)/],
  [10, /^(?:окт|oct|ოქტ)/],
  [11, /^(?:ноя|nov|ნოე)/],
  [12, /^(?:дек|dec|დეკ)/],
];

function monthByName(word: string): number | undefined {
  const w = word.toLowerCase();
  return MONTHS.find(([, re]) => re.test(w))?.[0];
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Two-digit years: 00–29 → 2000s, 30–99 → 1900s, the cut-off Excel itself uses. */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? (n <= 29 ? 2000 + n : 1900 + n) : n;
}

export function checkDate(year: number | undefined, month: number, day: number): DateResult {
  if (year !== undefined && (!Number.isInteger(year) || year < 1 || year > 9999))
    return { ok: false, reason: 'impossible' };
  if (!Number.isInteger(month) || month < 1 || month > 12) return { ok: false, reason: 'impossible' };
  if (!Number.isInteger(day) || day < 1 || day > daysIn(month, year)) return { ok: false, reason: 'impossible' };
  return { ok: true, date: year === undefined ? { month, day } : { year, month, day } };
}

/** Excel's 1900 date system, including its phantom 29 Feb 1900 (serial 60), which is no real day. */
function fromExcelSerial(serial: number): DateResult {
  if (serial === 60) return { ok: false, reason: 'impossible' };
  const date = civilFromDays(serial < 60 ? serial - 25568 : serial - 25569);
  return { ok: true, date };
}

export function parseDate(value: string | CalendarDate | undefined | null): DateResult {
  if (value === undefined || value === null) return { ok: false, reason: 'empty' };
  if (typeof value === 'object') {
    if (!value.year && !value.month && !value.day) return { ok: false, reason: 'empty' };
    return checkDate(value.year || undefined, value.month, value.day);
  }
  const s = collapseSpaces(value).replace(/\s*(?:г\.?|года?|წ\.?)$/i, '');
  if (!s) return { ok: false, reason: 'empty' };
  // Outlook writes an unset date as 0.0.00 (Russian) or 0/0/00.
  if (/^0{1,2}[./-]0{1,2}[./-]0{2,4}$/.test(s)) return { ok: false, reason: 'empty' };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$/.exec(s);
  if (m) return checkDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^--(\d{2})-?(\d{2})$/.exec(s);
  if (m) return checkDate(undefined, Number(m[1]), Number(m[2]));
  m = /^(\d{4})[./](\d{1,2})[./](\d{1,2})$/.exec(s);
  if (m) return checkDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:,? \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) {
    let [day, month] = [Number(m[1]), Number(m[3])];
    // With slashes an American month-first date is possible; only the numbers can tell, so only they decide.
    if (m[2] === '/' && day <= 12 && month > 12) [day, month] = [month, day];
    return checkDate(fullYear(m[4]), month, day);
  }
  m = /^(\d{1,2})[./](\d{1,2})\.?$/.exec(s);
  if (m) return checkDate(undefined, Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\.? ([\p{L}]+)\.?,? ?(\d{4})?$/u.exec(s);
  if (m && monthByName(m[2]))
    return checkDate(m[3] ? Number(m[3]) : undefined, monthByName(m[2]) as number, Number(m[1]));
  m = /^([\p{L}]+)\.? (\d{1,2}),? ?(\d{4})?$/u.exec(s);
  if (m && monthByName(m[1]))
    return checkDate(m[3] ? Number(m[3]) : undefined, monthByName(m[1]) as number, Number(m[2]));
  if (/^(?:1[89]|20)\d{2}$/.test(s)) return { ok: false, reason: 'yearOnly' };
  m = /^(\d{1,7})(?:[.,]\d+)?$/.exec(s);
  if (m) {
    const serial = Number(m[1]);
    // Excel's range ends at 2958465 (9999-12-31); below 1000 (before Oct 1902) a bare number is more likely a typo
    // or a counter than a client's date.
    if (serial >= 1000 && serial <= 2958465) return fromExcelSerial(serial);
  }
  return { ok: false, reason: 'invalid' };
}

export function dateAsText(value: string | CalendarDate): string {
  if (typeof value === 'string') return value.trim();
  const dd = String(value.day).padStart(2, '0');
  const mm = String(value.month).padStart(2, '0');
  return value.year ? `${dd}.${mm}.${value.year}` : `${dd}.${mm}`;
}
