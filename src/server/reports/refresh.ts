// Refreshing the Reports sheet and the Dashboard, and the report `crm report` asks for. Each refresh is: ONE
// values.batchGet of everything (reports/read.ts), the sheet's grid size (one getMaxRows, so the clearing write stays
// inside the grid), ONE batchUpdate of the values, and for the Dashboard the charts (getCharts, then insertChart or
// updateChart only where needed). Over 100,000 events that is 4 calls for Reports and 5–9 for the Dashboard.
// The nightly trigger does both from one read.

import { readMoment } from '../../core/events';
import { localDayKey } from '../../core/events/zone';
import {
  buildReport,
  dashboardData,
  parseGrouping,
  periodOf,
  ReportSources,
  reportsSheetData,
} from '../../core/reports';
import { dashboardLayout, DATA_COLUMN, DATA_WIDTH, KPI_ROWS } from '../../core/reports/dashboard-sheet';
import {
  CHOICE,
  CHOICE_END,
  choiceLabels,
  choicePeriod,
  LayoutRows,
  readReportChoice,
  REPORT_WIDTH,
  ReportChoice,
  reportRows,
} from '../../core/reports/report-sheet';
import { periodKindWord } from '../../core/reports/words';
import type {
  DashboardRefresh,
  RefreshReportsInput,
  RefreshReportsResult,
  ReportDto,
  ReportQuery,
} from '../../shared/reports-dto';
import { scriptClock } from '../clock';
import { accepted } from '../events/messages';
import { OfficeContext } from '../events/office';
import { DATE_PATTERN, writeBatch } from '../sheets/values-batch';
import { syncCharts } from './charts';
import { labelQuietDays, ReportRead, readForReports } from './read';
import {
  createDashboardSheet,
  createReportsSheet,
  findReportSheet,
  lookUpReportSheet,
  SheetLookup,
} from './report-sheets';
import { writeBox } from './write-box';
import { moneyRules } from '../orders/client-money';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Request = GoogleAppsScript.Sheets.Schema.Request;

function sources(office: OfficeContext, read: ReportRead, now: Date): ReportSources {
  return {
    events: read.events,
    clients: read.clients,
    open: read.open,
    stages: read.stages,
    shift: { shiftSplitHour: office.settings.get('shiftSplitHour') },
    // Quiet is counted as the head sees it today: everyone over their period, not the sidebar's daily share.
    quiet: {
      at: now,
      timeZone: office.timeZone,
      defaultDays: office.settings.get('quietDaysDefault'),
      daysByLabel: labelQuietDays(office),
      spread: false,
    },
    now,
    money: moneyRules(office),
    orderProblems: read.orderProblems,
  };
}

/**
 * A sheet insertSheet just made has Google's default grid, 1000 rows by 26 columns (what Sheets → "+" makes;
 * UNVERIFIED for insertSheet in the reference, which states no size): no need to ask.
 */
const NEW_SHEET_ROWS = 1000;

/** A sheet and whether this execution made it (then its grid and its charts are known without asking). */
interface Target {
  sheet: Sheet;
  created: boolean;
}

/** Rows enough for `needed`: one insertRowsAfter only when the grid is too small (a write past it is refused). */
function gridRows({ sheet, created }: Target, needed: number): number {
  const max = created ? NEW_SHEET_ROWS : sheet.getMaxRows();
  if (needed <= max) return max;
  sheet.insertRowsAfter(max, needed - max);
  return needed;
}

/** A typed day of the choice ('' = today): as the office zone reads it, or refused with the office's words. */
function dayOf(text: string | undefined, office: OfficeContext): string | undefined {
  if (text === undefined || String(text).trim() === '') return undefined;
  return localDayKey(accepted(readMoment(String(text), scriptClock, office.timeZone), office), office.timeZone);
}

function choiceFrom(input: RefreshReportsInput | undefined, sheetChoice: ReportChoice, office: OfficeContext) {
  if (!input || (input.kind === undefined && input.from === undefined && input.to === undefined)) return sheetChoice;
  const kind = input.kind ?? sheetChoice.kind;
  return {
    kind,
    from: input.from !== undefined ? dayOf(input.from, office) : sheetChoice.from,
    to: input.to !== undefined ? dayOf(input.to, office) : sheetChoice.to,
    kindMissing: true,
  };
}

/** The choice block's words (column A, C), and column B where the refresh was told a new choice or found none. */
function choiceRequests(sheetId: number, office: OfficeContext, choice: ReportChoice, given: boolean): Request[] {
  const { title, labels, hints } = choiceLabels(office.locale);
  const tz = office.timeZone;
  const requests = [
    writeBox(sheetId, { row: 1, column: 1, rows: 1, columns: 1 }, [[title]], tz),
    writeBox(
      sheetId,
      { row: CHOICE.kind, column: 1, rows: 3, columns: 1 },
      labels.map((l) => [l]),
      tz,
    ),
    writeBox(
      sheetId,
      { row: CHOICE.kind, column: 3, rows: 3, columns: 1 },
      hints.map((h) => [h]),
      tz,
    ),
  ];
  if (choice.kindMissing)
    requests.push(
      writeBox(
        sheetId,
        { row: CHOICE.kind, column: 2, rows: 1, columns: 1 },
        [[periodKindWord(choice.kind, office.locale)]],
        tz,
      ),
    );
  if (given) {
    // The office's choice cells as a person would have typed them: the day itself (local midnight), or empty.
    const day = (d: string | undefined) => [[d ? new Date(periodOf('day', d, undefined, tz).start) : '']];
    requests.push(writeBox(sheetId, { row: CHOICE.from, column: 2, rows: 1, columns: 1 }, day(choice.from), tz, 'day'));
    requests.push(writeBox(sheetId, { row: CHOICE.to, column: 2, rows: 1, columns: 1 }, day(choice.to), tz, 'day'));
  }
  // The choice's days show as dates, whatever was typed there (only the format: the values are the office's).
  requests.push({
    updateCells: {
      range: {
        sheetId,
        startRowIndex: CHOICE.from - 1,
        endRowIndex: CHOICE.to,
        startColumnIndex: 1,
        endColumnIndex: 2,
      },
      rows: [CHOICE.from, CHOICE.to].map(() => ({
        values: [{ userEnteredFormat: { numberFormat: { type: 'DATE', pattern: DATE_PATTERN } } }],
      })),
      fields: 'userEnteredFormat.numberFormat',
    },
  });
  return requests;
}

function writeReports(
  office: OfficeContext,
  target: Target,
  read: ReportRead,
  input: RefreshReportsInput | undefined,
  now: Date,
): RefreshReportsResult {
  const tz = office.timeZone;
  const top = read.extra.top ?? [];
  const inSheet = readReportChoice(top, tz);
  const choice = choiceFrom(input, inSheet, office);
  const period = choicePeriod(choice, now, tz);
  const data = reportsSheetData(period, sources(office, read, now));
  const rows: LayoutRows = reportRows({ data, locale: office.locale, now });
  const max = gridRows(target, CHOICE_END + rows.length);
  const sheet = target.sheet;
  const sheetId = sheet.getSheetId();
  const given = choice !== inSheet;
  writeBatch(office.ss, [
    ...choiceRequests(sheetId, office, choice, given),
    writeBox(sheetId, { row: CHOICE_END + 1, column: 1, rows: max - CHOICE_END, columns: REPORT_WIDTH }, rows, tz),
  ]);
  return { sheet: sheet.getName(), rows: rows.length, skippedRows: read.problems, data };
}

/** CRM → Reports → Refresh, the ServerApi method and the nightly trigger: the Reports sheet for the office's choice. */
export function refreshReports(input?: RefreshReportsInput): RefreshReportsResult {
  const office = new OfficeContext();
  const now = new Date(scriptClock.now());
  const found = lookUpReportSheet(office.ss, 'reports');
  const read = readForReports(office, topOf(found.sheet));
  return writeReports(office, reportsTarget(office, found), read, input, now);
}

/** The Reports sheet's choice block, read in the same batch as everything else. */
function topOf(sheet: Sheet | undefined): Record<string, { sheet: Sheet; range?: string }> {
  return sheet ? { top: { sheet, range: `A1:C${CHOICE_END}` } } : {};
}

function reportsTarget(office: OfficeContext, found: SheetLookup): Target {
  return found.sheet
    ? { sheet: found.sheet, created: false }
    : { sheet: createReportsSheet(office.ss, office.locale, found.ids), created: true };
}

function dashboardTarget(office: OfficeContext): Target {
  const sheet = findReportSheet(office.ss, 'dashboard');
  return sheet ? { sheet, created: false } : { sheet: createDashboardSheet(office.ss, office.locale), created: true };
}

/** The months the Dashboard covers: this one and the eleven before it. */
function dashboardSpan(now: Date, timeZone: string) {
  const today = localDayKey(now, timeZone);
  const [y, m] = today.split('-').map(Number);
  const back = y * 12 + (m - 1) - 11;
  const first = `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, '0')}-01`;
  const thisMonth = periodOf('month', today, undefined, timeZone);
  return { today, span: periodOf('custom', first, thisMonth.lastDay, timeZone) };
}

function writeDashboard(office: OfficeContext, target: Target, read: ReportRead, now: Date): DashboardRefresh {
  const tz = office.timeZone;
  const { today, span } = dashboardSpan(now, tz);
  const data = dashboardData(span, sources(office, read, now));
  const layout = dashboardLayout(data, { locale: office.locale, now, today, span });
  const max = gridRows(target, Math.max(KPI_ROWS, layout.data.length));
  const sheet = target.sheet;
  const sheetId = sheet.getSheetId();
  writeBatch(office.ss, [
    writeBox(sheetId, { row: 1, column: 1, rows: KPI_ROWS, columns: 2 }, layout.kpi, tz),
    writeBox(sheetId, { row: 1, column: DATA_COLUMN, rows: max, columns: DATA_WIDTH }, layout.data, tz),
  ]);
  const charts = syncCharts(sheet, layout.charts, target.created);
  return { ...data, sheet: sheet.getName(), charts };
}

/** CRM → Dashboard → Refresh and the ServerApi method: the KPI cells, the chart blocks and the four charts. */
export function refreshDashboard(): DashboardRefresh {
  const office = new OfficeContext();
  const now = new Date(scriptClock.now());
  const read = readForReports(office);
  return writeDashboard(office, dashboardTarget(office), read, now);
}

/** Nightly (time-driven, installed by setup): both sheets from one read. */
export function refreshReportsNightly(): { reports: RefreshReportsResult; dashboard: DashboardRefresh } {
  const office = new OfficeContext();
  const now = new Date(scriptClock.now());
  const found = lookUpReportSheet(office.ss, 'reports');
  const read = readForReports(office, topOf(found.sheet));
  const reports = writeReports(office, reportsTarget(office, found), read, undefined, now);
  return { reports, dashboard: writeDashboard(office, dashboardTarget(office), read, now) };
}

/** `crm report`: counts of done events from..to (office days, inclusive) by a grouping, and the funnel; no writes. */
export function getReport(query: ReportQuery): ReportDto {
  const office = new OfficeContext();
  const now = new Date(scriptClock.now());
  const by = parseGrouping(String(query?.by ?? 'manager,kind'));
  if (!by)
    throw new Error(`Unknown grouping "${String(query?.by)}": use manager,kind | manager,reason | kind,reason | label`);
  const read = readForReports(office);
  const tz = office.timeZone;
  const from = dayOf(query?.from, office) ?? localDayKey(now, tz);
  const to = dayOf(query?.to, office) ?? from;
  const s = sources(office, read, now);
  return buildReport({
    period: periodOf('custom', from, to, tz),
    by,
    events: s.events,
    clients: s.clients,
    stages: s.stages,
    shift: s.shift,
    money: s.money,
    orderProblems: s.orderProblems,
  });
}
