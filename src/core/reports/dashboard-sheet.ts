// The Dashboard sheet's layout, pure: the KPI cells a head reads first (A1:B8), four chart data blocks stacked in
// columns L onwards, and the four native charts over them, each anchored at a fixed cell under the KPIs. The server
// writes the cells in one batchUpdate and creates a chart once, then only changes a chart's range when its block grew
// or shrank; a chart is found again by its anchor cell (the one thing of it a refresh never moves).
//
// "Events per week by manager, stacked by kind": one row per (week, manager) — the category "2026-03-02 · Anna" —
// and one column per kind, so a stacked column chart shows each manager's week as one bar split by kind. One chart
// for every manager keeps the Dashboard at four charts however many managers the office has.

import type { Locale } from '../i18n/locale';
import { addDays } from '../events/zone';
import type { DashboardData } from '../../shared/reports-dto';
import { mondayOf } from './local-clock';
import type { LayoutRows } from './report-sheet';
import { ReportWord, reportWord } from './words';

export type ChartKey = 'eventsPerWeek' | 'newPerMonth' | 'funnel' | 'overdue';

/** A block of cells, 1-based. */
export interface CellBox {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface ChartSpec {
  key: ChartKey;
  title: string;
  /** Column chart (stacked for events per week) or bar chart (the funnel, overdue). */
  type: 'column' | 'bar';
  stacked: boolean;
  /** The header row and the data rows the chart draws (first column = categories, the rest = series). */
  range: CellBox;
  /** The cell its top-left corner is anchored at: how a refresh finds it again. */
  anchor: { row: number; column: number };
}

/** The KPI block: A1:B8. */
export const KPI_ROWS = 8;
/** Column L: the data blocks start here (the charts cover A10:J45). */
export const DATA_COLUMN = 12;
/** Columns L:Z — what the grid of a new sheet holds (26 columns); events per week keeps to it. */
export const DATA_WIDTH = 15;
export const CHART_SIZE = { width: 480, height: 320 };

const ANCHORS: Record<ChartKey, { row: number; column: number }> = {
  eventsPerWeek: { row: 10, column: 1 },
  newPerMonth: { row: 10, column: 6 },
  funnel: { row: 28, column: 1 },
  overdue: { row: 28, column: 6 },
};

/** The anchor cells, for finding the Dashboard's own charts among any the office added. */
export function chartAt(row: number, column: number): ChartKey | undefined {
  return (Object.keys(ANCHORS) as ChartKey[]).find((k) => ANCHORS[k].row === row && ANCHORS[k].column === column);
}

/** How many weeks of "events per week" the Dashboard shows: a quarter. */
export const WEEKS_SHOWN = 13;

export interface DashboardLayout {
  /** A1:B8. */
  kpi: LayoutRows;
  /** From L1 down (DATA_COLUMN). */
  data: LayoutRows;
  charts: ChartSpec[];
}

/** Months 'yyyy-mm' from the first to the last, inclusive. */
function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * `span` is the months the Dashboard covers (firstDay..lastDay, as dashboardData was given); `today` the office's day
 * ('yyyy-mm-dd'), from which the last WEEKS_SHOWN weeks are kept.
 */
export function dashboardLayout(
  data: DashboardData,
  options: { locale: Locale; now: Date; today: string; span: { firstDay: string; lastDay: string } },
): DashboardLayout {
  const w = (k: ReportWord) => reportWord(options.locale, k);
  const none = w('none');
  const k = data.kpi;
  const kpi: LayoutRows = [
    [w('dashboardTitle')],
    [w('updated'), options.now],
    [w('kpiMonth'), k.month],
    [w('kpiActive'), k.activeClients],
    [w('kpiNew'), k.newClients],
    [w('kpiCalls'), k.calls],
    [w('kpiMeetings'), k.meetings],
    [w('kpiOnTime'), k.followUpsOnTimePercent ?? ''],
  ];
  const rows: LayoutRows = [];
  const charts: ChartSpec[] = [];
  const block = (key: ChartKey, title: ReportWord, type: ChartSpec['type'], header: string[], body: LayoutRows) => {
    const filled = body.length ? body : [[none, ...header.slice(1).map(() => 0)]];
    rows.push([w(title)]);
    const range = { row: rows.length + 1, column: DATA_COLUMN, rows: filled.length + 1, columns: header.length };
    rows.push(header, ...filled, []);
    charts.push({ key, title: w(title), type, stacked: key === 'eventsPerWeek', range, anchor: ANCHORS[key] });
  };
  const shown = (v: string | undefined) => (v && v.trim() !== '' ? v : none);
  // Fixed-size blocks first, so the long weekly block's growth moves no other chart's range.
  block(
    'overdue',
    'chartOverdue',
    'bar',
    [w('manager'), w('overdueCount')],
    data.overdueByManager.map((r) => [shown(r.group.manager), r.count]),
  );
  const perMonth = new Map(data.newClientsPerMonth.map((r) => [r.group.month ?? '', r.count]));
  block(
    'newPerMonth',
    'chartNewPerMonth',
    'column',
    [w('month'), w('newClients')],
    monthsBetween(options.span.firstDay.slice(0, 7), options.span.lastDay.slice(0, 7)).map((m) => [
      m,
      perMonth.get(m) ?? 0,
    ]),
  );
  block(
    'funnel',
    'chartFunnel',
    'bar',
    [w('stage'), w('clients')],
    data.funnel.map((s) => [s.stage, s.count]),
  );
  const { header, body } = weeklyTable(data, options.today, none);
  // No kinds yet: one empty series, so the chart still has something to draw.
  block('eventsPerWeek', 'chartEventsPerWeek', 'column', [w('week'), ...(header.length ? header : [w('count')])], body);
  return { kpi, data: rows, charts };
}

/** Rows = (week, manager) of the last WEEKS_SHOWN weeks; columns = kinds, most frequent first, the rest summed. */
function weeklyTable(data: DashboardData, today: string, none: string): { header: string[]; body: LayoutRows } {
  const since = addDays(mondayOf(today), -7 * (WEEKS_SHOWN - 1));
  const rows = data.eventsPerWeek.filter((r) => (r.group.week ?? '') >= since);
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.group.kind ?? '', (totals.get(r.group.kind ?? '') ?? 0) + r.count);
  const kinds = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([kind]) => kind);
  // The grid's columns L:Z: the category column and at most 14 series; more kinds share the last one.
  const room = DATA_WIDTH - 1;
  const own = kinds.length > room ? kinds.slice(0, room - 1) : kinds;
  const column = new Map(own.map((kind, i) => [kind, i]));
  const other = kinds.length > room ? own.length : -1;
  const series = [...own.map((kind) => (kind.trim() === '' ? none : kind)), ...(other >= 0 ? ['…'] : [])];
  const byCategory = new Map<string, number[]>();
  for (const r of rows) {
    const category = `${r.group.week ?? ''} · ${r.group.manager?.trim() || none}`;
    let counts = byCategory.get(category);
    if (!counts) byCategory.set(category, (counts = series.map(() => 0)));
    const i = column.get(r.group.kind ?? '') ?? other;
    counts[i] += r.count;
  }
  const body = [...byCategory.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([category, counts]) => [category, ...counts]);
  return { header: series, body };
}
