// New clients and clients gone quiet, per label. A client is new on the local day of its first done event, or of its
// card's first-visit day when that is earlier (a visit before the CRM was used). Planned and cancelled events do not
// make a client new: nobody has come yet. Quiet is the Reminders rule itself (core/events/day-screen.ts), unspread:
// the report counts everyone over their period today, not the share the sidebar hands out per day.

import type { CountRow } from '../../shared/reports-dto';
import { quietFromIndex } from '../events/day-screen';
import type { OpenEvent } from '../events/open-events';
import type { QuietOptions } from '../events/reminders';
import { ReportClient, ReportContext, ReportEvent, Tally } from './inputs';

/** Each client's first local day ('yyyy-mm-dd'), keyed as ReportContext.clientOf keys them. One pass. */
export function firstDays(events: ReportEvent[], clients: ReportClient[], ctx: ReportContext): Map<string, string> {
  const first = new Map<string, string>();
  const earliest = (client: string, day: string) => {
    const known = first.get(client);
    if (known === undefined || day < known) first.set(client, day);
  };
  const firstAt = new Map<string, number>();
  for (const event of events) {
    if (event.status !== 'done') continue;
    const client = ctx.clientOf(event);
    if (!client) continue;
    const ms = event.at.getTime();
    const known = firstAt.get(client);
    if (known === undefined || ms < known) firstAt.set(client, ms);
  }
  for (const [client, ms] of firstAt) earliest(client, ctx.clock.day(new Date(ms)));
  for (const c of clients) {
    const day = (c.firstVisit ?? '').trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) earliest(c.resourceName, day);
  }
  return first;
}

/** New clients of the period: the total and per label (a client with two labels counts under each; '' = none). */
export function newClients(first: Map<string, string>, ctx: ReportContext): { total: number; byLabel: CountRow[] } {
  const tally = new Tally();
  let total = 0;
  for (const [client, day] of first) {
    if (day < ctx.period.firstDay || day > ctx.period.lastDay) continue;
    total++;
    const labels = ctx.labelsOf(client);
    for (const label of labels.length ? labels : ['']) tally.add([label]);
  }
  return { total, byLabel: tally.entries().map(({ shown, count }) => ({ group: { label: shown[0] }, count })) };
}

/** New clients per local month of the period: the Dashboard's "new clients per month" series. */
export function newClientsPerMonth(first: Map<string, string>, ctx: ReportContext): CountRow[] {
  const tally = new Tally();
  for (const day of first.values()) {
    if (day >= ctx.period.firstDay && day <= ctx.period.lastDay) tally.add([day.slice(0, 7)]);
  }
  return tally.entries().map(({ shown, count }) => ({ group: { month: shown[0] }, count }));
}

/** Clients gone quiet today, per label, by the quiet rule the Reminders screen uses. */
export function quietByLabel(clients: ReportClient[], open: OpenEvent[], options: QuietOptions): CountRow[] {
  const labels = new Map(clients.map((c) => [c.resourceName, c.labels]));
  const tally = new Tally();
  for (const q of quietFromIndex(clients, open, { ...options, spread: false, includeLater: true })) {
    const own = labels.get(q.resourceName) ?? [];
    for (const label of own.length ? own : ['']) tally.add([label]);
  }
  return tally.entries().map(({ shown, count }) => ({ group: { label: shown[0] }, count }));
}
