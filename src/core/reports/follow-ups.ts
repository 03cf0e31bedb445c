// Planned vs done on time vs done late vs overdue, per manager, for the follow-ups whose planned instant falls in the
// period. A follow-up is an event that was planned first: one still planned, or one done with its done instant known.
//
// "On time" means done no later than the office-local day of its planned instant: a call planned for 10:00 and made
// at 18:00 the same day is on time, one made the next morning is late. Overdue: still planned and its local day is
// before today's (the due list's rule, core/events/day-screen.ts isOverdueDay). Cancelled events are not follow-ups.

import type { FollowUpRow } from '../../shared/reports-dto';
import { isOverdueDay } from '../events/day-screen';
import { headerKey } from '../sheets/template';
import { inContext, ReportContext, ReportEvent } from './inputs';

export type FollowUpState = 'pending' | 'onTime' | 'late' | 'overdue' | null;

/** Where one event stands; null when it is no follow-up (cancelled, or done with no done instant: logged directly). */
export function followUpState(event: ReportEvent, ctx: ReportContext, today: string): FollowUpState {
  if (event.status === 'planned') return isOverdueDay(ctx.clock.day(event.at), today) ? 'overdue' : 'pending';
  if (event.status === 'done' && event.doneAt) {
    return ctx.clock.day(event.doneAt) <= ctx.clock.day(event.at) ? 'onTime' : 'late';
  }
  return null;
}

export function followUpsByManager(events: ReportEvent[], ctx: ReportContext, now: Date): FollowUpRow[] {
  const today = ctx.clock.day(now);
  const rows = new Map<string, FollowUpRow>();
  for (const event of events) {
    if (!inContext(ctx, event.at)) continue;
    const state = followUpState(event, ctx, today);
    if (!state) continue;
    const key = headerKey(event.manager);
    let row = rows.get(key);
    if (!row) {
      row = { manager: event.manager.trim(), planned: 0, onTime: 0, late: 0, overdue: 0 };
      rows.set(key, row);
    }
    row.planned++;
    if (state !== 'pending') row[state]++;
  }
  return [...rows.values()].sort(
    (a, b) => (a.manager === '' ? 1 : 0) - (b.manager === '' ? 1 : 0) || a.manager.localeCompare(b.manager),
  );
}

/** onTime / (onTime + late + overdue) as a whole percent; null when nothing was due yet. */
export function onTimePercent(rows: FollowUpRow[]): number | null {
  let onTime = 0;
  let due = 0;
  for (const r of rows) {
    onTime += r.onTime;
    due += r.onTime + r.late + r.overdue;
  }
  return due ? Math.round((onTime * 100) / due) : null;
}
