// The office-local day and hour of many instants, fast: Intl (core/events/zone.ts) is asked once per quarter hour
// of the timeline, not once per event, so a pass over 100,000 events stays linear and cheap. Every IANA zone changes
// its offset on a quarter-hour boundary, so one offset holds for a whole bucket.

import { addDays, dayNumber, zoneOffsetMinutes } from '../events/zone';

const BUCKET_MS = 15 * 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

export interface LocalClock {
  /** 'yyyy-mm-dd' of the local day. */
  day(at: Date): string;
  /** 0–23 on the local wall clock. */
  hour(at: Date): number;
  /** 'yyyy-mm' of the local month. */
  month(at: Date): string;
  /** The Monday ('yyyy-mm-dd') of the local week: weeks start on Monday, as in our offices' calendars. */
  week(at: Date): string;
}

export function localClock(timeZone: string): LocalClock {
  const offsets = new Map<number, number>();
  const wall = (at: Date): Date => {
    const ms = at.getTime();
    const bucket = Math.floor(ms / BUCKET_MS);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = zoneOffsetMinutes(bucket * BUCKET_MS, timeZone);
      offsets.set(bucket, offset);
    }
    return new Date(ms + offset * 60_000);
  };
  const day = (at: Date) => {
    const w = wall(at);
    return `${String(w.getUTCFullYear()).padStart(4, '0')}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
  };
  return {
    day,
    hour: (at) => wall(at).getUTCHours(),
    month: (at) => day(at).slice(0, 7),
    week: (at) => mondayOf(day(at)),
  };
}

/** The Monday of the week holding a local day ('yyyy-mm-dd'). 1970-01-01 was a Thursday. */
export function mondayOf(day: string): string {
  const n = dayNumber(day);
  const weekday = (((n + 3) % 7) + 7) % 7; // 0 = Monday
  return addDays(day, -weekday);
}
