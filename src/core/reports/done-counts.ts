// Done events of the period counted by any grouping the Reports sheet offers: manager × kind, manager × reason,
// kind × reason, label, shift, or a local day/week/month series (the Dashboard's "events per week by manager, stacked
// by kind"). One pass over the events per grouping. Cancelled and planned events are not counted: nothing happened.

import type { CountRow, ReportDimension, Shift } from '../../shared/reports-dto';
import { inContext, ReportContext, ReportEvent, Tally } from './inputs';

/** Where the morning shift ends and the evening one starts, as the Settings sheet's shiftSplitHour says. */
export interface ShiftOptions {
  shiftSplitHour: number;
}

/** Morning before the split hour on the office clock, evening from it; an all-day event belongs to no shift. */
export function shiftOf(event: ReportEvent, ctx: ReportContext, options: ShiftOptions): Shift {
  if (event.allDay) return 'all-day';
  return ctx.clock.hour(event.at) < options.shiftSplitHour ? 'morning' : 'evening';
}

/** An event's value along one dimension; the label dimension gives one value per label of the client ('' for none). */
function valuesOf(event: ReportEvent, dim: ReportDimension, ctx: ReportContext, options: ShiftOptions): string[] {
  switch (dim) {
    case 'manager':
      return [event.manager];
    case 'kind':
      return [event.kind];
    case 'reason':
      return [event.reason];
    case 'label': {
      const labels = ctx.labelsOf(ctx.clientOf(event));
      return labels.length ? labels : [''];
    }
    case 'shift':
      return [shiftOf(event, ctx, options)];
    case 'day':
      return [ctx.clock.day(event.at)];
    case 'week':
      return [ctx.clock.week(event.at)];
    case 'month':
      return [ctx.clock.month(event.at)];
  }
}

/** Every combination of the dimensions' values (a client with two labels counts once under each). */
function combinations(lists: string[][]): string[][] {
  let out: string[][] = [[]];
  for (const list of lists) out = out.flatMap((prefix) => list.map((v) => [...prefix, v]));
  return out;
}

export function countDone(
  events: ReportEvent[],
  by: ReportDimension[],
  ctx: ReportContext,
  options: ShiftOptions,
): CountRow[] {
  const tally = new Tally();
  for (const event of events) {
    if (event.status !== 'done' || !inContext(ctx, event.at)) continue;
    for (const parts of combinations(by.map((dim) => valuesOf(event, dim, ctx, options)))) tally.add(parts);
  }
  return tally.entries().map(({ shown, count }) => ({
    group: Object.fromEntries(by.map((dim, i) => [dim, shown[i]])),
    count,
  }));
}
