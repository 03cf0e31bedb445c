// The few cells a head reads first on the Dashboard, for the local month holding `now`: active clients, new clients,
// calls and meetings (by kind: the activity that pay may reward), and follow-ups done on time.

import type { KpiCells } from '../../shared/reports-dto';
import { headerKey } from '../sheets/template';
import { firstDays, newClients } from './clients';
import { followUpsByManager, onTimePercent } from './follow-ups';
import { inContext, ReportClient, reportContext, ReportEvent } from './inputs';
import { periodOf } from './period';

/** The Lists template's call and meeting kinds in each of our languages; an office with other words passes its own. */
export const CALL_KINDS = ['Звонок', 'Call', 'ზარი'];
export const MEETING_KINDS = ['Встреча', 'Meeting', 'შეხვედრა'];

export interface KpiOptions {
  now: Date;
  timeZone: string;
  callKinds?: string[];
  meetingKinds?: string[];
}

export function kpiCells(events: ReportEvent[], clients: ReportClient[], options: KpiOptions): KpiCells {
  const period = periodOf('month', options.now, undefined, options.timeZone);
  const ctx = reportContext(period, clients);
  const calls = new Set((options.callKinds ?? CALL_KINDS).map(headerKey));
  const meetings = new Set((options.meetingKinds ?? MEETING_KINDS).map(headerKey));
  const active = new Set<string>();
  let callCount = 0;
  let meetingCount = 0;
  for (const event of events) {
    if (event.status !== 'done' || !inContext(ctx, event.at)) continue;
    const client = ctx.clientOf(event);
    if (client) active.add(client);
    const kind = headerKey(event.kind);
    if (calls.has(kind)) callCount++;
    else if (meetings.has(kind)) meetingCount++;
  }
  return {
    month: period.firstDay.slice(0, 7),
    activeClients: active.size,
    newClients: newClients(firstDays(events, clients, ctx), ctx).total,
    calls: callCount,
    meetings: meetingCount,
    followUpsOnTimePercent: onTimePercent(followUpsByManager(events, ctx, options.now)),
  };
}
