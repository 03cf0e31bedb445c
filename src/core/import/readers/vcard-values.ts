// How vCard writers spell the kind of a value (TEL;TYPE=CELL, Apple's `_$!<Mobile>!$_` labels) and its dates, read
// into the words Google Contacts uses.

import type { CalendarDate } from '../types';

/** Apple writes its standard labels as `_$!<Mobile>!$_` and custom ones as plain text. */
export function cleanLabel(label: string): string {
  const m = /^_\$!<(.*)>!\$_$/.exec(label.trim());
  return (m ? m[1] : label).trim();
}

const PHONE_LABELS: Record<string, string> = {
  mobile: 'mobile',
  iphone: 'mobile',
  cell: 'mobile',
  home: 'home',
  work: 'work',
  main: 'main',
  homefax: 'homeFax',
  workfax: 'workFax',
  otherfax: 'otherFax',
  pager: 'pager',
  other: 'other',
};

export function phoneType(types: string[], label?: string): string | undefined {
  if (label) return PHONE_LABELS[label.toLowerCase().replace(/\s+/g, '')] ?? label;
  const t = new Set(types);
  const work = t.has('work');
  if (t.has('fax')) return t.has('home') ? 'homeFax' : work ? 'workFax' : 'otherFax';
  if (t.has('pager')) return work ? 'workPager' : 'pager';
  if (t.has('cell') || t.has('mobile') || t.has('iphone')) return work ? 'workMobile' : 'mobile';
  if (t.has('main')) return 'main';
  if (t.has('home')) return 'home';
  if (work) return 'work';
  if (t.has('other')) return 'other';
  return undefined;
}

export function placeType(types: string[], label?: string): string | undefined {
  if (label) return ['home', 'work', 'other'].includes(label.toLowerCase()) ? label.toLowerCase() : label;
  for (const t of ['home', 'work', 'other']) if (types.includes(t)) return t;
  return undefined;
}

export function urlType(types: string[], label?: string): string | undefined {
  if (label) return label.toLowerCase() === 'homepage' ? 'homePage' : placeType([], label);
  return placeType(types);
}

function daysIn(year: number | undefined, month: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * BDAY/ANNIVERSARY as a calendar date when the card writes one (YYYYMMDD, YYYY-MM-DD, with or without a time,
 * --MMDD and --MM-DD for a birthday without a year), otherwise the text as written for the cleaner to judge.
 */
export function vcardDate(text: string, omitYear?: string): string | CalendarDate {
  const t = text.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(T[\d:.]*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  let date: CalendarDate | undefined;
  if (m) date = { year: +m[1], month: +m[2], day: +m[3] };
  else if ((m = /^--(\d{2})-?(\d{2})$/.exec(t))) date = { month: +m[1], day: +m[2] };
  if (!date || date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysIn(date.year, date.month)) return t;
  // Apple stores a birthday without a year as 1604 and says so in X-APPLE-OMIT-YEAR.
  if (date.year !== undefined && (String(date.year) === omitYear || date.year === 1604)) delete date.year;
  return date;
}
