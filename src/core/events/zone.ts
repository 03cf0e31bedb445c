// Wall-clock arithmetic in an IANA time zone without a date library. The office's zone is the spreadsheet's, not the
// host's: Apps Script runs in the script's zone and our tests in UTC, so nothing here may read the host's local time.
// Intl.DateTimeFormat with `timeZone` is in ES5's Intl (ECMA-402) and formatToParts in ES2017, both in V8/Apps Script.

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const formatters: Record<string, Intl.DateTimeFormat> = {};

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters[timeZone];
  if (!f) {
    // Throws RangeError for an unknown zone: a misconfigured spreadsheet must not silently fall back to UTC.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hour12: false,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters[timeZone] = f;
  }
  return f;
}

export function localParts(at: Date | number, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(typeof at === 'number' ? at : at.getTime())) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  // Some ICU versions print midnight as 24 with hour12: false.
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour % 24,
    minute: out.minute,
    second: out.second,
  };
}

/** Minutes to add to UTC to get the zone's wall clock at that instant (Moscow: +180). */
export function zoneOffsetMinutes(at: Date | number, timeZone: string): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time names in the zone. Like Temporal's 'compatible' choice: a time repeated when clocks
 * go back is the earlier one; a time skipped when clocks go forward is read with the offset before the jump (later).
 */
export function zonedInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
  second = 0,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Zones change offset at most once a day: the offsets a day either side are the only candidates.
  const before = zoneOffsetMinutes(wall - DAY_MS, timeZone);
  const after = zoneOffsetMinutes(wall + DAY_MS, timeZone);
  const valid = [before, after]
    .map((offset) => ({ offset, at: wall - offset * 60_000 }))
    .filter((c) => zoneOffsetMinutes(c.at, timeZone) === c.offset)
    .map((c) => c.at);
  return new Date(valid.length ? Math.min(...valid) : wall - before * 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'yyyy-mm-dd' of the local day. */
export function localDayKey(at: Date | number, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Days since 1970-01-01 for a 'yyyy-mm-dd' key: calendar days, independent of DST. */
export function dayNumber(key: string): number {
  const [y, m, d] = key.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function dayKeyFromNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(key: string, days: number): string {
  return dayKeyFromNumber(dayNumber(key) + days);
}

export function startOfLocalDay(at: Date | number, timeZone: string): Date {
  const p = localParts(at, timeZone);
  return zonedInstant(p.year, p.month, p.day, 0, 0, timeZone);
}

/** The first instant of the next local day (exclusive end of the day; 23 or 25 hours on DST days). */
export function endOfLocalDay(at: Date | number, timeZone: string): Date {
  const next = addDays(localDayKey(at, timeZone), 1);
  const [y, m, d] = next.split('-').map(Number);
  return zonedInstant(y, m, d, 0, 0, timeZone);
}

/** 'dd.mm.yyyy' of the local day: how the offices write dates. */
export function formatLocalDate(at: Date | number, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${pad(p.day)}.${pad(p.month)}.${pad(p.year, 4)}`;
}

/** 'hh:mm' on the zone's wall clock, 24-hour. */
export function formatLocalTime(at: Date | number, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** 'dd.mm.yyyy hh:mm' in the zone. */
export function formatLocal(at: Date | number, timeZone: string): string {
  return `${formatLocalDate(at, timeZone)} ${formatLocalTime(at, timeZone)}`;
}

/** 'yyyy-mm-ddThh:mm' in the zone: the value of a datetime-local input showing that instant. */
export function formatLocalInput(at: Date | number, timeZone: string): string {
  return `${localDayKey(at, timeZone)}T${formatLocalTime(at, timeZone)}`;
}

/**
 * The next whole hour on the zone's clock (10:00 at 09:00 sharp and at 09:20), as an instant: what a date-time picker
 * starts at. Stepped back to the local hour's start by the local minutes, so zones a half or three quarters of an
 * hour off UTC get their own whole hour, and a DST jump gives the hour the wall clock shows next.
 */
export function nextRoundHour(now: Date | number, timeZone: string): Date {
  const ms = typeof now === 'number' ? now : now.getTime();
  const startOfHour = Math.floor(ms / 60_000) * 60_000 - localParts(ms, timeZone).minute * 60_000;
  return new Date(startOfHour + 3_600_000);
}
