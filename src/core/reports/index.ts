// Reports for the head, pure: from the Events sheet's parsed rows and the Card index's list lines to the rows the
// Reports sheet, the Dashboard and `crm report --json` show. Each function is one pass (or a fixed few) over the
// events, so 100,000 events cost linear time; Intl is asked once per quarter hour of the timeline (local-clock.ts).

import type { CountRow, ReportDimension, ReportDto, ReportPeriod } from '../../shared/reports-dto';
import type { FunnelStage } from '../events/lists';
import { countDone, ShiftOptions } from './done-counts';
import { funnel } from './funnel';
import { ReportClient, reportContext, ReportEvent } from './inputs';
import { moneyByManager } from './money';
import type { MoneyRules } from '../orders/totals';
import type { ProblemView } from '../../shared/events-dto';

export { moneyByManager } from './money';

export { periodOf } from './period';
export { countDone, shiftOf } from './done-counts';
export type { ShiftOptions } from './done-counts';
export { followUpsByManager, followUpState, onTimePercent } from './follow-ups';
export { firstDays, newClients, newClientsPerMonth, quietByLabel } from './clients';
export { funnel } from './funnel';
export { kpiCells, CALL_KINDS, MEETING_KINDS } from './kpi';
export { reportContext } from './inputs';
export { dashboardData, reportsSheetData } from './sheets';
export type { ReportSources } from './sheets';
export type { ReportClient, ReportContext, ReportEvent } from './inputs';

/** The groupings `crm report --by` accepts and the Reports sheet offers. */
export const REPORT_GROUPINGS: ReportDimension[][] = [
  ['manager', 'kind'],
  ['manager', 'reason'],
  ['kind', 'reason'],
  ['label'],
  ['manager', 'shift'],
];

/** `--by manager,kind` → ['manager', 'kind']; undefined for a dimension we do not know. */
export function parseGrouping(text: string): ReportDimension[] | undefined {
  const known: ReportDimension[] = ['manager', 'kind', 'reason', 'label', 'shift', 'day', 'week', 'month'];
  const dims = text
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d !== '');
  return dims.length && dims.every((d) => (known as string[]).includes(d)) ? (dims as ReportDimension[]) : undefined;
}

export interface ReportInput {
  period: ReportPeriod;
  by: ReportDimension[];
  events: ReportEvent[];
  clients: ReportClient[];
  stages: FunnelStage[];
  shift: ShiftOptions;
  money?: MoneyRules;
  orderProblems?: ProblemView[];
}

/** What `crm report --json` prints: the grouped counts of done events and the funnel. */
export function buildReport(input: ReportInput): ReportDto {
  const ctx = reportContext(input.period, input.clients);
  const rows: CountRow[] = countDone(input.events, input.by, ctx, input.shift);
  return {
    period: input.period,
    rows,
    funnel: funnel(input.events, input.stages, ctx),
    money: input.money ? moneyByManager(input.events, ctx, input.money) : [],
    orderProblems: input.orderProblems ?? [],
  };
}
