// Everything the Reports sheet and the Dashboard show, each in one call over the already-read events and list lines:
// the server reads the Events sheet, the Card index, the open-events store and Lists once and writes these. A fixed
// number of passes over the events, so the cost stays linear in their number.

import type { DashboardData, ReportPeriod, ReportsSheetData } from '../../shared/reports-dto';
import type { FunnelStage } from '../events/lists';
import type { OpenEvent } from '../events/open-events';
import type { QuietOptions } from '../events/reminders';
import { firstDays, newClients, newClientsPerMonth, quietByLabel } from './clients';
import { countDone, ShiftOptions } from './done-counts';
import { followUpsByManager } from './follow-ups';
import { funnel } from './funnel';
import { ReportClient, reportContext, ReportEvent } from './inputs';
import { kpiCells, KpiOptions } from './kpi';
import { moneyByManager } from './money';
import type { MoneyRules } from '../orders/totals';
import type { ProblemView } from '../../shared/events-dto';

export interface ReportSources {
  events: ReportEvent[];
  clients: ReportClient[];
  /** The open-events store: who is busy, for the quiet rule. */
  open: OpenEvent[];
  stages: FunnelStage[];
  shift: ShiftOptions;
  /** The quiet rule's options for today (core/events/reminders.ts quietOptions). */
  quiet: QuietOptions;
  now: Date;
  /** Settings' currency and forecast weights (core/orders/totals.ts). */
  money?: MoneyRules;
  /** The Events sheet's order cells that could not be counted. */
  orderProblems?: ProblemView[];
}

export function reportsSheetData(period: ReportPeriod, s: ReportSources): ReportsSheetData {
  const ctx = reportContext(period, s.clients);
  return {
    period,
    byManagerKind: countDone(s.events, ['manager', 'kind'], ctx, s.shift),
    byManagerReason: countDone(s.events, ['manager', 'reason'], ctx, s.shift),
    byKindReason: countDone(s.events, ['kind', 'reason'], ctx, s.shift),
    byLabel: countDone(s.events, ['label'], ctx, s.shift),
    byManagerShift: countDone(s.events, ['manager', 'shift'], ctx, s.shift),
    followUps: followUpsByManager(s.events, ctx, s.now),
    newClients: newClients(firstDays(s.events, s.clients, ctx), ctx),
    quietByLabel: quietByLabel(s.clients, s.open, s.quiet),
    funnel: funnel(s.events, s.stages, ctx),
    // Without the office's money rules (a caller that counts events only) there is no money section.
    money: s.money ? moneyByManager(s.events, ctx, s.money) : [],
    orderProblems: s.orderProblems ?? [],
  };
}

/** The Dashboard over `span` (e.g. the last quarter): charts' ranges and this month's KPI cells. */
export function dashboardData(
  span: ReportPeriod,
  s: ReportSources,
  kinds: Pick<KpiOptions, 'callKinds' | 'meetingKinds'> = {},
): DashboardData {
  const ctx = reportContext(span, s.clients);
  // Overdue is a state of today: every planned event before today counts, whenever it was planned.
  const all = reportContext(
    { ...span, start: new Date(-8.64e15).toISOString(), end: new Date(8.64e15).toISOString() },
    s.clients,
  );
  return {
    kpi: kpiCells(s.events, s.clients, { now: s.now, timeZone: span.timeZone, ...kinds }),
    eventsPerWeek: countDone(s.events, ['week', 'manager', 'kind'], ctx, s.shift),
    newClientsPerMonth: newClientsPerMonth(firstDays(s.events, s.clients, ctx), ctx),
    funnel: funnel(s.events, s.stages, ctx),
    overdueByManager: followUpsByManager(s.events, all, s.now)
      .filter((r) => r.overdue > 0)
      .map((r) => ({ group: { manager: r.manager }, count: r.overdue })),
  };
}
