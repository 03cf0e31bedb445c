// An embedded chart as the spreadsheet keeps it: kept on its sheet's record (so it persists with the spreadsheet store
// and goes away with its sheet), its source ranges as boxes over the spreadsheet's sheets. Pure functions over the
// records: ids, the A1 form hosts read, the shift when rows are inserted or deleted, and the table a chart draws.

import { createHash } from 'node:crypto';
import { boxA1, GridBox } from './a1';
import type { SheetRecord, SpreadsheetRecord } from './store';
import { CellValue, copyCell } from './values';

/** A source range: a box on one sheet of the chart's own spreadsheet (charts cannot read another file). */
export interface ChartRangeRecord extends GridBox {
  sheetId: number;
}

export interface ChartPositionRecord {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

/** Values allowed in a chart option: what Google's chart options are made of (JSON). */
export type ChartOptionValue =
  string | number | boolean | null | ChartOptionValue[] | { [k: string]: ChartOptionValue };

export interface ChartSpecRecord {
  /** A Charts.ChartType name, e.g. 'COLUMN'. */
  type: string;
  ranges: ChartRangeRecord[];
  /** Options by their Gviz path ('title', 'isStacked', 'legend.position'), as setOption stores them. */
  options: Record<string, ChartOptionValue>;
  position: ChartPositionRecord;
  /** -1: Sheets guesses whether the first row is a header (UNVERIFIED default). */
  numHeaders: number;
  mergeStrategy: 'MERGE_COLUMNS' | 'MERGE_ROWS';
  hiddenDimensionStrategy: 'IGNORE_BOTH' | 'IGNORE_ROWS' | 'IGNORE_COLUMNS' | 'SHOW_BOTH';
  transpose: boolean;
}

export interface ChartRecord extends ChartSpecRecord {
  chartId: number;
}

/** What a host reads of one chart (uncounted): ranges in A1 with their sheet's name. */
export interface ChartSnapshot {
  chartId: number;
  sheet: string;
  type: string;
  ranges: string[];
  options: Record<string, ChartOptionValue>;
  position: ChartPositionRecord;
  numHeaders: number;
  mergeStrategy: ChartSpecRecord['mergeStrategy'];
  transpose: boolean;
}

/**
 * The table a chart draws, as Sheets reads it from its ranges: the header row (series names; the first column's
 * header names the categories) and the data rows (category, then one value per series): cell values as typed (a
 * Date a copy), null for an empty cell. Header cells as text (a Date header as its ISO form).
 */
export interface ChartTable {
  headers: string[];
  rows: Array<Array<CellValue | null>>;
}

/** Google quotes the range with its sheet name when the name is not a plain word (Sheets' own A1 rule). */
export function quotedSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function chartsOf(sheet: SheetRecord): ChartRecord[] {
  if (!sheet.charts) sheet.charts = [];
  return sheet.charts;
}

/** Every chart id and sheet id in the spreadsheet: Sheets' object ids share one space (UNVERIFIED; stricter). */
function takenIds(ss: SpreadsheetRecord): Set<number> {
  const ids = new Set<number>();
  for (const s of ss.sheets) {
    ids.add(s.sheetId);
    for (const c of s.charts ?? []) ids.add(c.chartId);
  }
  return ids;
}

/** A new chart id: a positive 31-bit integer as the Sheets API's chartId, deterministic so runs replay. */
export function newChartId(ss: SpreadsheetRecord): number {
  const taken = takenIds(ss);
  let id: number;
  do {
    ss.chartSeq = (ss.chartSeq ?? 0) + 1;
    id = createHash('sha256').update(`${ss.id}:chart:${ss.chartSeq}`).digest().readUInt32BE(0) & 0x7fffffff;
  } while (id === 0 || taken.has(id));
  return id;
}

/** The chart with this id anywhere in the spreadsheet, with its sheet. */
export function findChart(ss: SpreadsheetRecord, chartId: number): { sheet: SheetRecord; chart: ChartRecord } | null {
  for (const sheet of ss.sheets) {
    const chart = sheet.charts?.find((c) => c.chartId === chartId);
    if (chart) return { sheet, chart };
  }
  return null;
}

export function copySpec<T extends ChartSpecRecord>(spec: T): T {
  return JSON.parse(JSON.stringify(spec)) as T;
}

export function rangeA1(ss: SpreadsheetRecord, r: ChartRangeRecord): string {
  const sheet = ss.sheets.find((s) => s.sheetId === r.sheetId);
  // A source sheet deleted since: Sheets shows #REF!; we keep the box and say so.
  return `${sheet ? quotedSheet(sheet.name) : '#REF!'}!${boxA1(r)}`;
}

export function snapshotOf(ss: SpreadsheetRecord, sheet: SheetRecord, c: ChartRecord): ChartSnapshot {
  const copy = copySpec(c);
  return {
    chartId: c.chartId,
    sheet: sheet.name,
    type: c.type,
    ranges: c.ranges.map((r) => rangeA1(ss, r)),
    options: copy.options,
    position: copy.position,
    numHeaders: c.numHeaders,
    mergeStrategy: c.mergeStrategy,
    transpose: c.transpose,
  };
}

/**
 * Rows inserted on a sheet: Sheets moves what refers to the rows below, so a chart's range over A1:C10 becomes
 * A1:C12 when two rows go in after row 5, and A3:C12 when they go in above it. Its anchor moves with its cell
 * (UNVERIFIED for the anchor; the range shift is how every Sheets reference behaves).
 */
export function shiftForInsertedRows(ss: SpreadsheetRecord, sheetId: number, after: number, count: number): void {
  for (const s of ss.sheets)
    for (const c of s.charts ?? []) {
      for (const r of c.ranges) {
        if (r.sheetId !== sheetId) continue;
        if (r.row > after) r.row += count;
        else if (r.row + r.numRows - 1 > after) r.numRows += count;
      }
      if (s.sheetId === sheetId && c.position.anchorRow > after) c.position.anchorRow += count;
    }
}

/**
 * Rows deleted: a range loses the deleted rows it covered and moves up past those above it. A range left with no row
 * would be #REF! in Sheets: not emulated, so it keeps one row there (UNVERIFIED). The anchor moves up likewise.
 */
export function shiftForDeletedRows(ss: SpreadsheetRecord, sheetId: number, first: number, count: number): void {
  const last = first + count - 1;
  const cut = (row: number, numRows: number): [number, number] => {
    const end = row + numRows - 1;
    const above = Math.max(0, Math.min(end, first - 1) - row + 1);
    const below = Math.max(0, end - Math.max(row, last + 1) + 1);
    const newRow = row < first ? row : Math.max(first, row - count);
    return [newRow, Math.max(1, above + below)];
  };
  for (const s of ss.sheets)
    for (const c of s.charts ?? []) {
      for (const r of c.ranges) {
        if (r.sheetId !== sheetId) continue;
        [r.row, r.numRows] = cut(r.row, r.numRows);
      }
      if (s.sheetId === sheetId && c.position.anchorRow > last) c.position.anchorRow -= count;
      else if (s.sheetId === sheetId && c.position.anchorRow >= first) c.position.anchorRow = first;
    }
}

const tableCell = (v: CellValue): CellValue | null => (v === '' ? null : v);
const headerText = (v: CellValue): string => (v instanceof Date ? v.toISOString() : String(v));

function rangeValues(ss: SpreadsheetRecord, r: ChartRangeRecord): CellValue[][] {
  const sheet = ss.sheets.find((s) => s.sheetId === r.sheetId);
  const out: CellValue[][] = [];
  for (let i = 0; i < r.numRows; i++) {
    const row: CellValue[] = [];
    for (let j = 0; j < r.numColumns; j++) row.push(copyCell(sheet?.rows[r.row + i - 1]?.[r.column + j - 1]?.v ?? ''));
    out.push(row);
  }
  return out;
}

/** Ranges side by side (MERGE_COLUMNS: each adds columns, rows aligned) or one under another (MERGE_ROWS). */
function merged(blocks: CellValue[][][], strategy: ChartSpecRecord['mergeStrategy']): CellValue[][] {
  if (strategy === 'MERGE_ROWS') return blocks.flat();
  const height = Math.max(0, ...blocks.map((b) => b.length));
  return Array.from({ length: height }, (_, i) => blocks.flatMap((b) => b[i] ?? b[0]?.map(() => '') ?? []));
}

const transposed = (t: CellValue[][]): CellValue[][] => (t[0] ?? []).map((_, j) => t.map((row) => row[j]));

/** How many header rows: as set, or Sheets' guess: the first row is a header when its series cells are not numbers. */
function headerRows(table: CellValue[][], numHeaders: number): number {
  if (numHeaders >= 0) return Math.min(numHeaders, table.length);
  const first = table[0];
  if (!first || table.length < 2) return 0;
  return first.slice(1).every((v) => typeof v === 'string' && v !== '') ? 1 : 0;
}

/** The table the chart draws from its ranges' current values (chart.js in the sandbox draws this). */
export function chartTable(ss: SpreadsheetRecord, c: ChartSpecRecord): ChartTable {
  let table = merged(
    c.ranges.map((r) => rangeValues(ss, r)),
    c.mergeStrategy,
  );
  if (c.transpose) table = transposed(table);
  const heads = headerRows(table, c.numHeaders);
  const width = table[0]?.length ?? 0;
  const headers =
    heads > 0
      ? table[heads - 1].map(headerText)
      : Array.from({ length: width }, (_, j) => (j === 0 ? '' : `Series ${j}`));
  return { headers, rows: table.slice(heads).map((row) => row.map(tableCell)) };
}
