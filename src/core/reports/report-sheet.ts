// The Reports sheet's layout, pure: the office's choice at the top (period kind, from, to: cells people edit) and,
// below, every section of ReportsSheetData with headers in the office's language. The server reads the choice cells
// in its one batch read and writes `reportRows` from CHOICE_END + 1 down in one batchUpdate, clearing what is below.

import type { Locale } from '../i18n/locale';
import type { CellValue } from '../sheets/cell-text';
import { localDayKey } from '../events/zone';
import { parseEventDate } from '../events/row';
import type { CountRow, PeriodKind, ReportPeriod, ReportsSheetData, Shift } from '../../shared/reports-dto';
import { periodOf } from './period';
import { parsePeriodKind, periodKindWord, ReportWord, reportWord } from './words';

/** A cell as the layout writes it: '' is an empty cell. */
export type LayoutCell = CellValue;
export type LayoutRows = LayoutCell[][];

/** 1-based rows of the choice cells, in column B; their labels in A and hints in C. */
export const CHOICE = { kind: 2, from: 3, to: 4 } as const;
/** The last row of the choice block: the refresh writes from the row after it. */
export const CHOICE_END = 4;
/** The columns the sheet uses (A:F): what a refresh clears below the choice block. */
export const REPORT_WIDTH = 6;

export interface ReportChoice {
  kind: PeriodKind;
  /** 'yyyy-mm-dd' as typed, when a day is; undefined = the period holding today. */
  from?: string;
  to?: string;
  /** Whether the kind cell was empty or unreadable (the refresh then writes the default word into it). */
  kindMissing: boolean;
}

function dayCell(value: unknown, timeZone: string): string | undefined {
  if (value === undefined || value === null || String(value).trim() === '') return undefined;
  const read = parseEventDate(value, timeZone);
  return read ? localDayKey(read.at, timeZone) : undefined;
}

/** The choice from the sheet's top rows (values as the batch read gives them: serial numbers for date cells). */
export function readReportChoice(top: unknown[][], timeZone: string): ReportChoice {
  const cell = (row: number) => top[row - 1]?.[1];
  const kind = parsePeriodKind(String(cell(CHOICE.kind) ?? ''));
  return {
    kind: kind ?? 'month',
    from: dayCell(cell(CHOICE.from), timeZone),
    to: dayCell(cell(CHOICE.to), timeZone),
    kindMissing: !kind,
  };
}

/** The period the choice names, today (`now`) filling an empty "from". */
export function choicePeriod(choice: ReportChoice, now: Date, timeZone: string): ReportPeriod {
  const from = choice.from ?? now;
  return periodOf(choice.kind, from, choice.kind === 'custom' ? (choice.to ?? from) : undefined, timeZone);
}

/** Column A's labels and column C's hints of the choice block (column B is the office's own). */
export function choiceLabels(locale: Locale): { title: string; labels: string[]; hints: string[] } {
  const w = (k: ReportWord) => reportWord(locale, k);
  return {
    title: w('reportsTitle'),
    labels: [w('period'), w('from'), w('to')],
    hints: [w('periodHint'), w('fromHint'), w('toHint')],
  };
}

export function defaultKindWord(locale: Locale): string {
  return periodKindWord('month', locale);
}

function dd(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}.${m}.${y}`;
}

export interface ReportRowsInput {
  data: ReportsSheetData;
  locale: Locale;
  /** When the refresh ran (written as a date cell). */
  now: Date;
}

/**
 * The rows from CHOICE_END + 1 down: when it was refreshed and the period shown, then each section — a title row, a
 * header row, its rows (or one "nothing" row) and a blank row. Blank group values read "(none)".
 */
export function reportRows({ data, locale, now }: ReportRowsInput): LayoutRows {
  const w = (k: ReportWord) => reportWord(locale, k);
  const shown = (v: string | undefined) => (v && v.trim() !== '' ? v : w('none'));
  const shift = (v: string | undefined) =>
    ({ morning: w('morning'), evening: w('evening'), 'all-day': w('allDay') })[v as Shift] ?? shown(v);
  const rows: LayoutRows = [
    [w('updated'), now],
    [w('shown'), `${dd(data.period.firstDay)} – ${dd(data.period.lastDay)}`, w('refreshHint')],
    [],
  ];
  const section = (title: ReportWord, header: string[], body: LayoutRows, empty: ReportWord = 'nothing') => {
    rows.push([w(title)], header, ...(body.length ? body : [[w(empty)]]), []);
  };
  const counts = (list: CountRow[], dims: Array<'manager' | 'kind' | 'reason' | 'label' | 'shift'>): LayoutRows =>
    list.map((r) => [...dims.map((d) => (d === 'shift' ? shift(r.group[d]) : shown(r.group[d]))), r.count]);
  section('byManagerKind', [w('manager'), w('kind'), w('count')], counts(data.byManagerKind, ['manager', 'kind']));
  section(
    'byManagerReason',
    [w('manager'), w('reason'), w('count')],
    counts(data.byManagerReason, ['manager', 'reason']),
  );
  section('byKindReason', [w('kind'), w('reason'), w('count')], counts(data.byKindReason, ['kind', 'reason']));
  section('byLabel', [w('label'), w('count')], counts(data.byLabel, ['label']));
  section('byManagerShift', [w('manager'), w('shift'), w('count')], counts(data.byManagerShift, ['manager', 'shift']));
  section(
    'followUps',
    [w('manager'), w('planned'), w('onTime'), w('late'), w('overdue')],
    data.followUps.map((f) => [shown(f.manager), f.planned, f.onTime, f.late, f.overdue]),
  );
  rows.push([w('newClients')], [w('newTotal'), data.newClients.total], [w('label'), w('newClients')]);
  rows.push(...counts(data.newClients.byLabel, ['label']), []);
  section('quiet', [w('label'), w('quietCount')], counts(data.quietByLabel, ['label']), 'nobodyQuiet');
  section(
    'funnel',
    [w('stage'), w('clients'), w('conversion')],
    data.funnel.map((s) => [s.stage, s.count, s.conversion === null ? '' : Math.round(s.conversion * 1000) / 10]),
    'noStages',
  );
  section(
    'money',
    [w('manager'), w('currency'), w('revenue'), w('debt'), w('forecast'), w('orders')],
    (data.money ?? []).map((m) => [shown(m.manager), m.currency, m.revenue, m.debt, m.forecast, m.orders]),
    'noOrders',
  );
  // Only when there is something to fix; the first ones only, so a damaged sheet does not bury the report.
  const problems = data.orderProblems ?? [];
  if (problems.length)
    section(
      'orderProblems',
      [w('row'), w('column'), w('value'), w('problem')],
      problems.slice(0, MAX_PROBLEM_ROWS).map((p) => [p.row, p.column, p.value, p.message]),
    );
  return rows;
}

/** How many order problems the sheet lists (`crm report --json` gives them all). */
const MAX_PROBLEM_ROWS = 50;
