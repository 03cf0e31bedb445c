// A report's period in the office's zone: a day, the Monday-first week, the month or the quarter holding the anchor
// day, or custom first/last days. Bounds are local midnights, so an event at 23:30 office time on the last day is in,
// whatever UTC says.

import type { PeriodKind, ReportPeriod } from '../../shared/reports-dto';
import { addDays, localDayKey, zonedInstant } from '../events/zone';
import { mondayOf } from './local-clock';

/** A day given as 'yyyy-mm-dd' (already office-local) or as an instant (its office-local day). */
export type DayInput = string | Date;

function dayOf(input: DayInput, timeZone: string): string {
  if (typeof input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input.trim())) return input.trim();
  const at = input instanceof Date ? input : new Date(input);
  if (isNaN(at.getTime())) throw new RangeError(`Not a day: ${String(input)}`);
  return localDayKey(at, timeZone);
}

function midnight(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return zonedInstant(y, m, d, 0, 0, timeZone);
}

function lastOfMonth(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
}

/**
 * The period of `kind` holding `from` (for custom: from `from` to `to`, both days inclusive; swapped when given in
 * the wrong order). `to` is read only for custom.
 */
export function periodOf(kind: PeriodKind, from: DayInput, to: DayInput | undefined, timeZone: string): ReportPeriod {
  const anchor = dayOf(from, timeZone);
  const [y, m] = anchor.split('-').map(Number);
  let firstDay = anchor;
  let lastDay = anchor;
  if (kind === 'week') {
    firstDay = mondayOf(anchor);
    lastDay = addDays(firstDay, 6);
  } else if (kind === 'month') {
    firstDay = `${anchor.slice(0, 7)}-01`;
    lastDay = lastOfMonth(y, m);
  } else if (kind === 'quarter') {
    const q = Math.floor((m - 1) / 3) * 3 + 1;
    firstDay = `${anchor.slice(0, 4)}-${String(q).padStart(2, '0')}-01`;
    lastDay = lastOfMonth(y, q + 2);
  } else if (kind === 'custom') {
    const other = dayOf(to ?? from, timeZone);
    [firstDay, lastDay] = other < anchor ? [other, anchor] : [anchor, other];
  }
  return {
    kind,
    firstDay,
    lastDay,
    start: midnight(firstDay, timeZone).toISOString(),
    end: midnight(addDays(lastDay, 1), timeZone).toISOString(),
    timeZone,
  };
}

/** The period's bounds as milliseconds: an event is in when start ≤ at < end, two comparisons per event. */
export function periodBounds(period: ReportPeriod): { startMs: number; endMs: number } {
  return { startMs: Date.parse(period.start), endMs: Date.parse(period.end) };
}
