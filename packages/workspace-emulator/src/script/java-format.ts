// Java's formatting as Apps Script exposes it: Utilities.formatDate takes a java.text.SimpleDateFormat pattern
// (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String), pattern
// reference: https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html), and formatString/Logger.log
// take printf-style templates. Names are English (Locale.US), as Apps Script's formatDate produces them.
//
// The classic traps are reproduced on purpose because users hit them: `YYYY` is the week-based year (Dec 30, 2024 →
// 2025), `DD` is the day of the year, `mm` is minutes, `hh` is the 12-hour clock.

import { GasException } from '../errors';
import { wallTime } from './time-zone';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Java's names for the zones a project's users live in (approximate: they differ between Java versions); other zones
 * take Intl's abbreviation when it has a real one (CET, CEST, BST...) and Java's GMT+hh:mm form otherwise.
 */
const SHORT_ZONE_NAMES: Record<string, [string, string]> = {
  'Europe/Moscow': ['MSK', 'Moscow Standard Time'],
  'Europe/Minsk': ['MSK', 'Moscow Standard Time'],
  'Europe/Simferopol': ['MSK', 'Moscow Standard Time'],
  'Asia/Tbilisi': ['GET', 'Georgia Standard Time'],
  UTC: ['UTC', 'Coordinated Universal Time'],
  'Etc/UTC': ['UTC', 'Coordinated Universal Time'],
  GMT: ['GMT', 'Greenwich Mean Time'],
};

const pad = (n: number, width: number): string => {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
};

function offsetText(minutes: number, style: 'rfc822' | 'iso1' | 'iso2' | 'iso3' | 'gmt'): string {
  const sign = minutes < 0 ? '-' : '+';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  switch (style) {
    case 'rfc822':
      return `${sign}${pad(h, 2)}${pad(m, 2)}`;
    case 'iso1':
      return minutes === 0 ? 'Z' : `${sign}${pad(h, 2)}`;
    case 'iso2':
      return minutes === 0 ? 'Z' : `${sign}${pad(h, 2)}${pad(m, 2)}`;
    case 'iso3':
      return minutes === 0 ? 'Z' : `${sign}${pad(h, 2)}:${pad(m, 2)}`;
    case 'gmt':
      return minutes === 0 ? 'GMT' : `GMT${sign}${pad(h, 2)}:${pad(m, 2)}`;
  }
}

function zoneName(zone: string, epochMs: number, offset: number, long: boolean): string {
  const known = SHORT_ZONE_NAMES[zone];
  if (known) return known[long ? 1 : 0];
  try {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      timeZoneName: long ? 'long' : 'short',
    }).formatToParts(new Date(epochMs));
    const name = parts.find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
  } catch {
    // Java's custom GMT+hh:mm ids are not IANA zones; fall through.
  }
  return offsetText(offset, 'gmt');
}

/** Day of the year, 1-based, of a proleptic Gregorian date. */
function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86400000) + 1;
}

/**
 * Java's week fields with Locale.US rules: weeks start on Sunday and week 1 is the week containing January 1. The
 * week-based year of the last days of December is the next year when their week contains the next January 1.
 */
function usWeek(year: number, month: number, day: number): { weekYear: number; week: number } {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const saturday = new Date(Date.UTC(year, month - 1, day + (6 - weekday)));
  if (saturday.getUTCFullYear() > year) return { weekYear: year + 1, week: 1 };
  const jan1Weekday = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  return { weekYear: year, week: Math.floor((dayOfYear(year, month, day) - 1 + jan1Weekday) / 7) + 1 };
}

/** Formats the instant `epochMs` in `zone` with a SimpleDateFormat pattern. */
export function formatSimpleDate(epochMs: number, zone: string, pattern: string): string {
  const t = wallTime(zone, epochMs);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // A quoted run of literal text; '' inside it is a literal quote.
      let j = i + 1;
      let text = '';
      for (;;) {
        const close = pattern.indexOf("'", j);
        if (close < 0) throw new GasException('Unterminated quote');
        text += pattern.slice(j, close);
        if (pattern[close + 1] === "'") {
          text += "'";
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      out += text;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    out += field(c, n, t, zone, epochMs);
  }
  return out;
}

function field(c: string, n: number, t: ReturnType<typeof wallTime>, zone: string, epochMs: number): string {
  switch (c) {
    case 'G':
      return t.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y': {
      const year = c === 'y' ? t.year : usWeek(t.year, t.month, t.day).weekYear;
      return n === 2 ? pad(year % 100, 2) : pad(year, n);
    }
    case 'M':
    case 'L':
      if (n >= 4) return MONTHS[t.month - 1];
      if (n === 3) return MONTHS[t.month - 1].slice(0, 3);
      return pad(t.month, n);
    case 'w':
      return pad(usWeek(t.year, t.month, t.day).week, n);
    case 'W': {
      const firstWeekday = new Date(Date.UTC(t.year, t.month - 1, 1)).getUTCDay();
      return pad(Math.floor((t.day - 1 + firstWeekday) / 7) + 1, n);
    }
    case 'D':
      return pad(dayOfYear(t.year, t.month, t.day), n);
    case 'd':
      return pad(t.day, n);
    case 'F':
      return pad(Math.floor((t.day - 1) / 7) + 1, n);
    case 'E':
      return n >= 4 ? WEEKDAYS[t.weekday] : WEEKDAYS[t.weekday].slice(0, 3);
    case 'u':
      return pad(t.weekday === 0 ? 7 : t.weekday, n);
    case 'a':
      return t.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(t.hour, n);
    case 'k':
      return pad(t.hour === 0 ? 24 : t.hour, n);
    case 'K':
      return pad(t.hour % 12, n);
    case 'h':
      return pad(t.hour % 12 === 0 ? 12 : t.hour % 12, n);
    case 'm':
      return pad(t.minute, n);
    case 's':
      return pad(t.second, n);
    case 'S':
      return pad(t.millisecond, n);
    case 'z':
      return zoneName(zone, epochMs, t.offsetMinutes, n >= 4);
    case 'Z':
      return offsetText(t.offsetMinutes, 'rfc822');
    case 'X':
      if (n > 3) throw new GasException(`invalid ISO 8601 format: length=${n}`);
      return offsetText(t.offsetMinutes, n === 1 ? 'iso1' : n === 2 ? 'iso2' : 'iso3');
    default:
      throw new GasException(`Illegal pattern character '${c}'`);
  }
}

/**
 * printf-style formatting for Utilities.formatString and Logger.log(format, ...values): %s %d %i %f %e %x %o %c %b %%
 * with flags `-+ 0`, width and precision. Arguments beyond the template are ignored; a missing one prints as-is.
 */
export function formatPrintf(template: string, args: readonly unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%([-+ 0]*)(\d+)?(?:\.(\d+))?([sdifexXocb%])/g,
    (whole, flags: string, width?: string, precision?: string, conv?: string) => {
      if (conv === '%') return '%';
      if (next >= args.length) return whole;
      const arg = args[next++];
      let body: string;
      const num = Number(arg);
      switch (conv) {
        case 's':
          body = typeof arg === 'object' && arg !== null && !(arg instanceof Date) ? JSON.stringify(arg) : String(arg);
          if (precision !== undefined) body = body.slice(0, Number(precision));
          break;
        case 'd':
        case 'i':
          body = Number.isFinite(num) ? String(Math.trunc(num)) : 'NaN';
          break;
        case 'f':
          body = Number.isFinite(num) ? num.toFixed(precision === undefined ? 6 : Number(precision)) : String(num);
          break;
        case 'e':
          body = Number.isFinite(num)
            ? num.toExponential(precision === undefined ? 6 : Number(precision))
            : String(num);
          break;
        case 'x':
          body = Math.trunc(num).toString(16);
          break;
        case 'X':
          body = Math.trunc(num).toString(16).toUpperCase();
          break;
        case 'o':
          body = Math.trunc(num).toString(8);
          break;
        case 'c':
          body = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
          break;
        default:
          body = String(Boolean(arg));
      }
      if (/[dfeixXo]/.test(conv!) && Number.isFinite(num) && num >= 0) {
        if (flags.includes('+')) body = `+${body}`;
        else if (flags.includes(' ')) body = ` ${body}`;
      }
      const w = width ? Number(width) : 0;
      if (body.length < w) {
        if (flags.includes('-')) body = body.padEnd(w);
        else if (flags.includes('0') && /[dfeixXo]/.test(conv!)) {
          const sign = /^[+\- ]/.test(body) ? body[0] : '';
          body = sign + body.slice(sign.length).padStart(w - sign.length, '0');
        } else body = body.padStart(w);
      }
      return body;
    },
  );
}
