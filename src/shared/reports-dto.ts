// What the Reports sheet, the Dashboard and `crm report` / `crm dashboard --json` exchange: counts as rows of
// `{ group, count }`, the funnel as stages with the conversion from the stage before. Instants travel as ISO strings.

import type { ProblemView } from './events-dto';
import type { MoneyRow } from './orders-dto';

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'custom';

/** A report's period: office-local days, first and last inclusive, and the instants that bound them. */
export interface ReportPeriod {
  kind: PeriodKind;
  /** 'yyyy-mm-dd', the first local day. */
  firstDay: string;
  /** 'yyyy-mm-dd', the last local day (inclusive). */
  lastDay: string;
  /** ISO instant of the first day's local midnight (inclusive). */
  start: string;
  /** ISO instant of the local midnight after the last day (exclusive). */
  end: string;
  timeZone: string;
}

/** What a row is grouped by. `week`/`month`/`day` are the local period keys of the event's instant. */
export type ReportDimension = 'manager' | 'kind' | 'reason' | 'label' | 'shift' | 'day' | 'week' | 'month';

export type Shift = 'morning' | 'evening' | 'all-day';

export interface CountRow {
  group: Partial<Record<ReportDimension, string>>;
  count: number;
}

export interface FunnelStageRow {
  /** The stage's reason as the Lists sheet names it now. */
  stage: string;
  /** Distinct clients with a done event of this stage in the period. */
  count: number;
  /** count / the previous stage's count, rounded to 3 decimals; null for the first stage or after an empty one. */
  conversion: number | null;
}

/** Follow-ups (events that were planned first) of one manager whose planned instant falls in the period. */
export interface FollowUpRow {
  manager: string;
  /** All of them: still to do, done on time, done late, overdue. */
  planned: number;
  onTime: number;
  late: number;
  overdue: number;
}

export interface KpiCells {
  /** The local month the cells are for, 'yyyy-mm'. */
  month: string;
  /** Distinct clients with a done event this month. */
  activeClients: number;
  newClients: number;
  calls: number;
  meetings: number;
  /** onTime / (onTime + late + overdue) × 100, rounded; null when no follow-up was due yet. */
  followUpsOnTimePercent: number | null;
}

export interface ReportDto {
  period: ReportPeriod;
  rows: CountRow[];
  funnel: FunnelStageRow[];
  /** Revenue, debt and forecast by manager and currency of the orders dated in the period (core/reports/money.ts). */
  money: MoneyRow[];
  /** Order cells of the Events sheet that could not be counted (an amount that is not a number…): fix them there. */
  orderProblems: ProblemView[];
}

/** Every section of the Reports sheet for one period, computed in one call so the server writes it in few. */
export interface ReportsSheetData {
  period: ReportPeriod;
  byManagerKind: CountRow[];
  byManagerReason: CountRow[];
  byKindReason: CountRow[];
  byLabel: CountRow[];
  byManagerShift: CountRow[];
  followUps: FollowUpRow[];
  newClients: { total: number; byLabel: CountRow[] };
  /** Today's quiet clients, whatever the period: quiet is a state, not an event. */
  quietByLabel: CountRow[];
  funnel: FunnelStageRow[];
  money: MoneyRow[];
  orderProblems: ProblemView[];
}

/** The Dashboard's chart ranges and KPI cells. */
export interface DashboardData {
  kpi: KpiCells;
  /** Done events per week (Monday key) × manager × kind over the chosen span: the stacked column chart. */
  eventsPerWeek: CountRow[];
  /** New clients per month over the span. */
  newClientsPerMonth: CountRow[];
  funnel: FunnelStageRow[];
  /** Overdue follow-ups per manager, today. */
  overdueByManager: CountRow[];
}

/** What the Reports sheet is refreshed for; absent fields keep the office's choice in the sheet's top cells. */
export interface RefreshReportsInput {
  kind?: PeriodKind;
  /** A day of the period (ISO 'yyyy-mm-dd' or a date-time; office zone); '' = today. */
  from?: string;
  /** The last day of a custom period. */
  to?: string;
}

export interface RefreshReportsResult {
  /** The sheet's title. */
  sheet: string;
  /** Rows written below the choice cells. */
  rows: number;
  /** Events sheet rows that could not be read and were left out. */
  skippedRows: number;
  data: ReportsSheetData;
}

/** `crm report` / getReport: a custom period from..to (ISO, office zone), grouped by `by` (default manager,kind). */
export interface ReportQuery {
  from: string;
  to: string;
  /** 'manager,kind' | 'manager,reason' | 'kind,reason' | 'label' | 'manager,shift'. */
  by?: string;
}

export interface DashboardRefresh extends DashboardData {
  sheet: string;
  /** The charts made now (first refresh) and those whose range moved; the rest were not touched. */
  charts: { created: string[]; updated: string[] };
}
