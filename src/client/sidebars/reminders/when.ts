// Dates and times as the sidebar shows them: in the office's zone (RemindersView.timeZone, never this browser's) and in
// the user's format — "02.12.2026 15:30" in Russian and Georgian (how the offices write dates), "12/2/2026, 3:30 PM"
// in English (Intl's own convention for the locale). Pure: no DOM, so the unit tests run it in Node.

import {
  formatLocalInput,
  localDayKey,
  nextRoundHour as nextRoundHourInstant,
  zonedInstant,
} from '../../../core/events/zone';
import type { Locale } from '../../../core/i18n/locale';

const formatters: Record<string, Intl.DateTimeFormat> = {};

type Shape = 'date' | 'time' | 'both';

function formatter(locale: Locale, timeZone: string, shape: Shape): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${shape}`;
  let f = formatters[key];
  if (!f) {
    const date: Intl.DateTimeFormatOptions =
      locale === 'en'
        ? { year: 'numeric', month: 'numeric', day: 'numeric' }
        : { year: 'numeric', month: '2-digit', day: '2-digit' };
    const time: Intl.DateTimeFormatOptions =
      locale === 'en' ? { hour: 'numeric', minute: '2-digit' } : { hour: '2-digit', minute: '2-digit', hour12: false };
    const options = { timeZone, ...(shape === 'time' ? {} : date), ...(shape === 'date' ? {} : time) };
    // ru/ka: the parts are put in the dd.mm.yyyy order below, so the locale only has to give digits ('en-GB' does,
    // whatever ICU thinks Georgian dates look like).
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'en-GB', options);
    formatters[key] = f;
  }
  return f;
}

function format(at: Date | number, locale: Locale, timeZone: string, shape: Shape): string {
  const f = formatter(locale, timeZone, shape);
  if (locale === 'en') return f.format(at);
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(at)) if (part.type !== 'literal') p[part.type] = part.value;
  // Some ICU versions print midnight as 24 with hour12: false.
  const hour = p.hour === '24' ? '00' : p.hour;
  const date = `${p.day}.${p.month}.${p.year}`;
  const time = `${hour}:${p.minute}`;
  return shape === 'date' ? date : shape === 'time' ? time : `${date} ${time}`;
}

export interface When {
  /** "02.12.2026 15:30" */
  dateTime(iso: string): string;
  /** "02.12.2026" */
  date(iso: string): string;
  /** "15:30" */
  time(iso: string): string;
  /** A local day 'yyyy-mm-dd' (a birthday, a due day) as the user writes it: "02.12.2026". */
  day(key: string): string;
}

export function when(locale: Locale, timeZone: string): When {
  return {
    dateTime: (iso) => format(new Date(iso), locale, timeZone, 'both'),
    date: (iso) => format(new Date(iso), locale, timeZone, 'date'),
    time: (iso) => format(new Date(iso), locale, timeZone, 'time'),
    day: (key) => {
      const [y, m, d] = key.split('-').map(Number);
      // Noon of that day in the zone: the same calendar day whatever the zone's offset or a DST jump at midnight.
      return format(zonedInstant(y, m, d, 12, 0, timeZone), locale, timeZone, 'date');
    },
  };
}

/** The office's local day of an instant. */
export function dayOf(iso: string, timeZone: string): string {
  return localDayKey(new Date(iso), timeZone);
}

/** The value the log form's date-time picker starts with: the next whole hour on the office's clock (core). */
export function nextRoundHour(now: Date | number, timeZone: string): string {
  return formatLocalInput(nextRoundHourInstant(now, timeZone), timeZone);
}
