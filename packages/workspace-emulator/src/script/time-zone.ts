// Wall-clock arithmetic in a named time zone, for Utilities.formatDate, all-day calendar events and clock triggers.
// The host runs in UTC (test/setup-env.js) and product code must never depend on it, so nothing here uses the host's
// local time: zone offsets come from Intl (IANA data), or are parsed for Java's custom `GMT+03:00` ids, which Apps
// Script accepts because it formats with java.util.TimeZone and Node's Intl does not.

import { GasException } from '../errors';

export interface WallTime {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `GMT+3`, `GMT+03:00`, `GMT-0530`, `UTC`, `GMT`: Java's custom ids, as a fixed offset in minutes. */
function fixedOffset(zone: string): number | undefined {
  if (zone === 'UTC' || zone === 'GMT' || zone === 'Etc/UTC' || zone === 'Etc/GMT') return 0;
  const m = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] ? Number(m[3]) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function formatterFor(zone: string): Intl.DateTimeFormat | undefined {
  let f = formatters.get(zone);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    return undefined;
  }
  formatters.set(zone, f);
  return f;
}

export function isTimeZone(zone: unknown): zone is string {
  return typeof zone === 'string' && (fixedOffset(zone) !== undefined || formatterFor(zone) !== undefined);
}

/**
 * Apps Script (java.util.TimeZone) silently falls back to GMT for an id it does not know; we refuse it instead, so a
 * typo'd zone shows up in tests rather than as times silently shifted by hours for the user. (Stricter than Google.)
 */
export function requireTimeZone(zone: unknown, argument = 'timeZone'): string {
  if (!isTimeZone(zone)) throw new GasException(`Invalid argument: ${argument}`);
  return zone;
}

/** Offset of `zone` from UTC at the instant `epochMs`, in minutes (Moscow: +180). */
export function offsetMinutes(zone: string, epochMs: number): number {
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) return fixed;
  const f = formatterFor(zone);
  if (!f) throw new GasException('Invalid argument: timeZone');
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(wholeSecond))) p[part.type] = part.value;
  let year = Number(p.year);
  if (p.era === 'BC' || p.era === 'B') year = 1 - year;
  const asUtc = Date.UTC(year, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear undoes that for the rare tiny year.
  const d = new Date(asUtc);
  if (year >= 0 && year < 100) d.setUTCFullYear(year);
  return Math.round((d.getTime() - wholeSecond) / 60000);
}

/** The wall-clock reading in `zone` at `epochMs`. */
export function wallTime(zone: string, epochMs: number): WallTime & { offsetMinutes: number; weekday: number } {
  const off = offsetMinutes(zone, epochMs);
  const d = new Date(epochMs + off * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    offsetMinutes: off,
    /** 0 = Sunday, as Date#getDay. */
    weekday: d.getUTCDay(),
  };
}

/**
 * The instant at which the wall clock in `zone` reads `t`. A reading that falls in a DST gap does not exist; it is
 * moved forward by the gap, as Java's lenient calendar does (Berlin 02:30 on the spring-forward day → 03:30). A reading
 * that occurs twice (fall back) resolves to the earlier instant, as java.time does.
 */
export function instantOf(zone: string, t: WallTime): number {
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
  const day = 24 * 3600000;
  const before = offsetMinutes(zone, asUtc - day);
  const after = offsetMinutes(zone, asUtc + day);
  const valid = [...new Set([before, after])]
    .map((o) => asUtc - o * 60000)
    .filter((instant) => instant + offsetMinutes(zone, instant) * 60000 === asUtc)
    .sort((a, b) => a - b);
  if (valid.length > 0) return valid[0];
  return asUtc - before * 60000;
}

/** Midnight at the start of the calendar day containing `epochMs`, in `zone`. */
export function startOfDay(zone: string, epochMs: number): number {
  const w = wallTime(zone, epochMs);
  return instantOf(zone, { year: w.year, month: w.month, day: w.day, hour: 0, minute: 0, second: 0, millisecond: 0 });
}

/** `YYYY-MM-DD` of the day containing `epochMs` in `zone`. */
export function dateKey(zone: string, epochMs: number): string {
  const w = wallTime(zone, epochMs);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Midnight of the `YYYY-MM-DD` day in `zone`, plus `addDays` days. */
export function midnightOf(zone: string, key: string, addDays = 0): number {
  const [y, m, d] = key.split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1, d + addDays));
  return instantOf(zone, {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
  });
}
