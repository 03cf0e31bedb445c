// Sheet: one tab. Its name, id and position are known to the handle (free); reading its size or content and changing
// its structure are round trips `SpreadsheetApp.Sheet.<method>`.

import { Emulated, signatureMismatch } from '../script/emulated';
import { GridBox, parseA1 } from './a1';
import { HandleContext, SheetRef } from './env';
import { Range, requireInside, writeCells } from './range';
import { fail, MESSAGES } from './rules';
import { CellRecord, lastColumnOf, lastRowOf, requireCells, SheetRecord, SpreadsheetRecord } from './store';
import { guardCells, guardSheet, newProtection, Protection, writerOf } from './protection';
import { requireRowsInsertable, shiftForDelete, shiftForInsert } from './protection-rules';
import { TextFinder } from './text-finder';
import { CellValue, toCell } from './values';
import { ChartRecord, chartsOf, copySpec, newChartId, shiftForDeletedRows, shiftForInsertedRows } from './chart-record';
import { CHART_MESSAGES, chartState, ChartState, defaultSpec, EmbeddedChart, EmbeddedChartBuilder } from './charts';
import { jsonBytes } from '../wire-size';

type SheetApi = Emulated<
  GoogleAppsScript.Spreadsheet.Sheet,
  | 'getName'
  | 'getSheetId'
  | 'getIndex'
  | 'getParent'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'appendRow'
  | 'insertRowsAfter'
  | 'insertRowAfter'
  | 'deleteRow'
  | 'deleteRows'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setColumnWidth'
  | 'getColumnWidth'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'clear'
  | 'sort'
  | 'createTextFinder'
  | 'protect'
  | 'getProtections'
  | 'newChart'
  | 'insertChart'
  | 'getCharts'
  | 'updateChart'
  | 'removeChart'
>;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Sheets' sort order: numbers and dates, then text (case-insensitive), then booleans; empty cells always last. */
function sortRank(v: CellValue): number {
  if (v === '') return 3;
  if (typeof v === 'number' || v instanceof Date) return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

export function compareCells(a: CellValue, b: CellValue): number {
  const ra = sortRank(a);
  const rb = sortRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return Number(a) - Number(b);
  if (ra === 1) return String(a).localeCompare(String(b), undefined, { sensitivity: 'base' });
  if (ra === 2) return Number(a) - Number(b);
  return 0;
}

export class Sheet implements SheetApi {
  readonly #ref: SheetRef;

  constructor(ref: SheetRef) {
    this.#ref = ref;
  }

  get #env(): HandleContext {
    return this.#ref.env;
  }

  /** One round trip on this sheet; `cells`, when given, is how many cells it writes (its price grows with them). */
  #call<T>(method: string, fn: (ss: SpreadsheetRecord, sheet: SheetRecord) => T, sent?: unknown, cells?: number): T {
    return this.#env.ctx.call(`SpreadsheetApp.Sheet.${method}`, () => fn(this.#ref.ss(), this.#ref.sheet()), {
      sent,
      units: () => ({ cells }),
    });
  }

  getName(): string {
    return this.#ref.sheet().name;
  }

  getSheetId(): number {
    return this.#ref.sheetId;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    return this.#ref.ss().sheets.findIndex((s) => s.sheetId === this.#ref.sheetId) + 1;
  }

  getParent(): object {
    return this.#env.spreadsheet(this.#ref.spreadsheetId);
  }

  /** (row, column[, numRows[, numColumns]]) or A1 notation. Free, but the box must lie inside the grid. */
  getRange(...args: [string] | [number, number, number?, number?]): Range {
    const sheet = this.#ref.sheet();
    let box: GridBox;
    if (typeof args[0] === 'string' && args.length === 1) {
      const parsed = parseA1(args[0], sheet.maxRows, sheet.maxColumns);
      if (!parsed) throw fail(MESSAGES.rangeNotFound);
      box = parsed;
    } else {
      const [row, column, numRows = 1, numColumns = 1] = args as [unknown, unknown, unknown, unknown];
      if (!isInt(row) || !isInt(column) || !isInt(numRows) || !isInt(numColumns))
        throw signatureMismatch('Sheet.getRange', args);
      if (row < 1) throw fail(MESSAGES.startRowTooSmall);
      if (column < 1) throw fail(MESSAGES.startColumnTooSmall);
      if (numRows < 1) throw fail(MESSAGES.rowsAtLeastOne);
      if (numColumns < 1) throw fail(MESSAGES.columnsAtLeastOne);
      box = { row, column, numRows, numColumns };
    }
    requireInside(sheet, box);
    return new Range(this.#ref, box);
  }

  /** A1 to the last row and column with content (A1 alone on an empty sheet); its size is read on first use. */
  getDataRange(): Range {
    this.#ref.sheet();
    return new Range(this.#ref);
  }

  getLastRow(): number {
    return this.#call('getLastRow', (_ss, sheet) => lastRowOf(sheet));
  }

  getLastColumn(): number {
    return this.#call('getLastColumn', (_ss, sheet) => lastColumnOf(sheet));
  }

  getMaxRows(): number {
    return this.#call('getMaxRows', (_ss, sheet) => sheet.maxRows);
  }

  getMaxColumns(): number {
    return this.#call('getMaxColumns', (_ss, sheet) => sheet.maxColumns);
  }

  /**
   * Adds a row after the last row with content, in one step on Google's side: two scripts appending at once both
   * land ("prevents issues where a user asks for the last row, and then writes to that row", appendRow reference).
   * The grid grows when the sheet is full.
   */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) throw signatureMismatch('Sheet.appendRow', [rowContents]);
    this.#call(
      'appendRow',
      (ss, sheet) => {
        if (rowContents.length === 0) throw fail(MESSAGES.columnsAtLeastOne);
        const values = rowContents.map((v) => toCell(v, 'Sheet.appendRow'));
        const row = lastRowOf(sheet) + 1;
        guardCells(this.#env, ss, sheet.sheetId, { row, column: 1, numRows: 1, numColumns: values.length });
        const addRows = row > sheet.maxRows ? 1 : 0;
        const addColumns = Math.max(0, values.length - sheet.maxColumns);
        requireCells(ss, addRows * (sheet.maxColumns + addColumns) + addColumns * sheet.maxRows);
        writeCells(ss, sheet, row, 1, [values]);
        sheet.maxRows += addRows;
        sheet.maxColumns += addColumns;
      },
      rowContents,
      rowContents.length,
    );
    return this;
  }

  #insertRows(method: string, afterPosition: unknown, howMany: unknown): this {
    if (!isInt(afterPosition) || !isInt(howMany)) throw signatureMismatch(`Sheet.${method}`, [afterPosition, howMany]);
    this.#call(method, (ss, sheet) => {
      if (afterPosition < 1 || afterPosition > sheet.maxRows) throw fail(MESSAGES.rowsOutOfBounds);
      // UNVERIFIED wording for a count below 1.
      if (howMany < 1) throw fail(MESSAGES.rowsAtLeastOne);
      requireRowsInsertable(ss.protections, sheet.sheetId, afterPosition, writerOf(this.#env.ctx), fail);
      requireCells(ss, howMany * sheet.maxColumns);
      // New rows take the formatting (and validation) of the row above, as in Sheets.
      const above = sheet.rows[afterPosition - 1];
      const template = (): Array<CellRecord | undefined> | undefined =>
        above?.map((c) =>
          c && (c.f !== undefined || c.bold || c.dv !== undefined)
            ? { v: '', f: c.f, bold: c.bold, dv: c.dv }
            : undefined,
        );
      while (sheet.rows.length < afterPosition) sheet.rows.push(undefined);
      sheet.rows.splice(afterPosition, 0, ...Array.from({ length: howMany }, template));
      sheet.maxRows += howMany;
      shiftForInsert(ss.protections, sheet.sheetId, afterPosition, howMany);
      shiftForInsertedRows(ss, sheet.sheetId, afterPosition, howMany);
    });
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    return this.#insertRows('insertRowsAfter', afterPosition, howMany);
  }

  insertRowAfter(afterPosition: number): this {
    return this.#insertRows('insertRowAfter', afterPosition, 1);
  }

  #deleteRows(method: string, rowPosition: unknown, howMany: unknown): void {
    if (!isInt(rowPosition) || !isInt(howMany)) throw signatureMismatch(`Sheet.${method}`, [rowPosition, howMany]);
    this.#call(method, (ss, sheet) => {
      if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > sheet.maxRows)
        throw fail(MESSAGES.rowsOutOfBounds);
      if (sheet.maxRows - howMany <= sheet.frozenRows) throw fail(MESSAGES.deleteAllRows);
      // Deleting rows changes every cell of them, the full width.
      guardCells(this.#env, ss, sheet.sheetId, {
        row: rowPosition,
        column: 1,
        numRows: howMany,
        numColumns: sheet.maxColumns,
      });
      sheet.rows.splice(rowPosition - 1, howMany);
      sheet.maxRows -= howMany;
      shiftForDelete(ss.protections, sheet.sheetId, rowPosition, howMany);
      shiftForDeletedRows(ss, sheet.sheetId, rowPosition, howMany);
    });
  }

  deleteRow(rowPosition: number): this {
    this.#deleteRows('deleteRow', rowPosition, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.#deleteRows('deleteRows', rowPosition, howMany);
  }

  setFrozenRows(rows: number): void {
    if (!isInt(rows) || rows < 0) throw signatureMismatch('Sheet.setFrozenRows', [rows]);
    this.#call('setFrozenRows', (ss, sheet) => {
      // UNVERIFIED wording; Sheets refuses to freeze every row of a sheet.
      if (rows >= sheet.maxRows) throw fail(MESSAGES.rowsOutOfBounds);
      guardSheet(this.#env, ss, sheet.sheetId);
      sheet.frozenRows = rows;
    });
  }

  getFrozenRows(): number {
    return this.#call('getFrozenRows', (_ss, sheet) => sheet.frozenRows);
  }

  setColumnWidth(columnPosition: number, width: number): this {
    if (!isInt(columnPosition) || !isInt(width) || width < 0)
      throw signatureMismatch('Sheet.setColumnWidth', [columnPosition, width]);
    this.#call('setColumnWidth', (ss, sheet) => {
      if (columnPosition < 1 || columnPosition > sheet.maxColumns) throw fail(MESSAGES.columnsOutOfBounds);
      guardSheet(this.#env, ss, sheet.sheetId);
      sheet.columnWidths[String(columnPosition)] = width;
    });
    return this;
  }

  /** Default width of a column nobody resized: 100 px. */
  getColumnWidth(columnPosition: number): number {
    if (!isInt(columnPosition)) throw signatureMismatch('Sheet.getColumnWidth', [columnPosition]);
    return this.#call('getColumnWidth', (_ss, sheet) => {
      if (columnPosition < 1 || columnPosition > sheet.maxColumns) throw fail(MESSAGES.columnsOutOfBounds);
      return sheet.columnWidths[String(columnPosition)] ?? 100;
    });
  }

  hideSheet(): this {
    this.#call('hideSheet', (ss, sheet) => {
      if (!sheet.hidden && ss.sheets.filter((s) => !s.hidden).length <= 1) throw fail(MESSAGES.hideAll);
      guardSheet(this.#env, ss, sheet.sheetId);
      sheet.hidden = true;
    });
    return this;
  }

  showSheet(): this {
    this.#call('showSheet', (ss, sheet) => {
      guardSheet(this.#env, ss, sheet.sheetId);
      sheet.hidden = false;
    });
    return this;
  }

  isSheetHidden(): boolean {
    return this.#call('isSheetHidden', (_ss, sheet) => sheet.hidden);
  }

  /** Everything, or only contents / only formats. Validation rules stay, as in Sheets. */
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): this {
    if (options !== undefined && (options === null || typeof options !== 'object'))
      throw signatureMismatch('Sheet.clear', [options]);
    const contents = !options?.formatOnly || !!options?.contentsOnly;
    const formats = !options?.contentsOnly || !!options?.formatOnly;
    this.#call('clear', (ss, sheet) => {
      // Formats may lie beyond the data: the whole grid changes.
      guardCells(this.#env, ss, sheet.sheetId, {
        row: 1,
        column: 1,
        numRows: sheet.maxRows,
        numColumns: sheet.maxColumns,
      });
      for (const row of sheet.rows)
        row?.forEach((cell) => {
          if (!cell) return;
          if (contents) {
            cell.v = '';
            delete cell.fx;
          }
          if (formats) {
            delete cell.f;
            delete cell.bold;
          }
        });
    });
    return this;
  }

  /** Sorts the rows below the frozen ones by a column (whole rows move, with their formats and rules). */
  sort(columnPosition: number, ascending = true): this {
    if (!isInt(columnPosition) || typeof ascending !== 'boolean')
      throw signatureMismatch('Sheet.sort', [columnPosition, ascending]);
    this.#call('sort', (ss, sheet) => {
      if (columnPosition < 1 || columnPosition > sheet.maxColumns) throw fail(MESSAGES.columnsOutOfBounds);
      const first = sheet.frozenRows + 1;
      const last = lastRowOf(sheet);
      if (last < first) return;
      // Whole rows move: every cell of the sorted rows changes.
      guardCells(this.#env, ss, sheet.sheetId, {
        row: first,
        column: 1,
        numRows: last - first + 1,
        numColumns: sheet.maxColumns,
      });
      while (sheet.rows.length < last) sheet.rows.push(undefined);
      const block = sheet.rows.slice(first - 1, last);
      const key = (r: Array<CellRecord | undefined> | undefined): CellValue => r?.[columnPosition - 1]?.v ?? '';
      block.sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        if (ka === '' || kb === '') return compareCells(ka, kb);
        return ascending ? compareCells(ka, kb) : compareCells(kb, ka);
      });
      sheet.rows.splice(first - 1, block.length, ...block);
    });
    return this;
  }

  createTextFinder(findText: string): TextFinder {
    if (typeof findText !== 'string') throw signatureMismatch('Sheet.createTextFinder', [findText]);
    return new TextFinder(this.#ref, undefined, findText);
  }

  /** "If the sheet is already protected, this method returns an object representing its existing protection". */
  protect(): Protection {
    return this.#call('protect', (ss, sheet) => {
      const existing = ss.protections.find((p) => p.type === 'SHEET' && p.sheetId === sheet.sheetId);
      const record = existing ?? newProtection(ss, 'SHEET', sheet.sheetId, undefined, writerOf(this.#env.ctx));
      return new Protection(this.#env, ss.id, record.id);
    });
  }

  /** "All protected ranges in the sheet, or a single-element array representing the protection on the sheet itself." */
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): Protection[] {
    const kind = protectionKind(type, 'Sheet.getProtections');
    return this.#call('getProtections', (ss, sheet) =>
      ss.protections
        .filter((p) => p.type === kind && p.sheetId === sheet.sheetId)
        .map((p) => new Protection(this.#env, ss.id, p.id)),
    );
  }

  // Charts (charts.ts). newChart is local: a builder holds no server state until insertChart sends the chart.

  newChart(): EmbeddedChartBuilder {
    this.#ref.sheet();
    return new EmbeddedChartBuilder({ origin: this.#ref, spec: defaultSpec(), chartId: null, inserted: false });
  }

  /** The chart's object, checked: a chart this emulation made (a script cannot forge one). */
  #chartOf(method: string, chart: unknown): ChartState {
    const state = chartState(chart);
    if (!state || !(chart instanceof EmbeddedChart)) throw signatureMismatch(`Sheet.${method}`, [chart]);
    return state;
  }

  /** Its ranges still name sheets of this spreadsheet, inside their grids; its anchor lies on this sheet's grid. */
  #requirePlaceable(ss: SpreadsheetRecord, sheet: SheetRecord, state: ChartState): void {
    for (const r of state.spec.ranges) {
      const source = ss.sheets.find((s) => s.sheetId === r.sheetId);
      if (!source) throw fail(CHART_MESSAGES.sourceGone);
      requireInside(source, r);
    }
    const p = state.spec.position;
    if (p.anchorRow > sheet.maxRows || p.anchorColumn > sheet.maxColumns) throw fail(CHART_MESSAGES.anchorOutside);
  }

  /**
   * One round trip: the chart goes on this sheet with a new id. Strict (UNVERIFIED what Google does): a chart built
   * from another sheet's newChart(), a chart read from a sheet (use updateChart), or the same built object twice.
   */
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart | EmbeddedChart): void {
    const state = this.#chartOf('insertChart', chart);
    this.#env.ctx.call(
      'SpreadsheetApp.Sheet.insertChart',
      () => {
        const ss = this.#ref.ss();
        const sheet = this.#ref.sheet();
        // A chart is part of its sheet: a protected sheet keeps it from non-editors (UNVERIFIED; stricter).
        guardSheet(this.#env, ss, sheet.sheetId);
        if (state.inserted || state.chartId !== null) throw fail(CHART_MESSAGES.alreadyInserted);
        if (state.origin.spreadsheetId !== this.#ref.spreadsheetId || state.origin.sheetId !== this.#ref.sheetId)
          throw fail(CHART_MESSAGES.otherSheet);
        this.#requirePlaceable(ss, sheet, state);
        chartsOf(sheet).push({ chartId: newChartId(ss), ...copySpec(state.spec) });
        state.inserted = true;
      },
      { sent: state.spec },
    );
  }

  /** One round trip: this sheet's charts as they are now, in the order they were inserted. */
  getCharts(): EmbeddedChart[] {
    let records: ChartRecord[] = [];
    return this.#env.ctx.call(
      'SpreadsheetApp.Sheet.getCharts',
      () => {
        records = (this.#ref.sheet().charts ?? []).map(copySpec);
        return records.map(
          ({ chartId, ...spec }) => new EmbeddedChart({ origin: this.#ref, spec, chartId, inserted: true }),
        );
      },
      { received: () => jsonBytes(records) },
    );
  }

  /** The chart with this id on this sheet (a chart of another sheet, removed, or never inserted: refused). */
  #placed(sheet: SheetRecord, state: ChartState): number {
    const at = state.chartId === null ? -1 : (sheet.charts ?? []).findIndex((c) => c.chartId === state.chartId);
    if (at < 0 || state.origin.spreadsheetId !== this.#ref.spreadsheetId) throw fail(CHART_MESSAGES.notOnSheet);
    return at;
  }

  /** One round trip: the chart (from getCharts().modify()...build()) replaces the one with its id. */
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart | EmbeddedChart): void {
    const state = this.#chartOf('updateChart', chart);
    this.#env.ctx.call(
      'SpreadsheetApp.Sheet.updateChart',
      () => {
        const ss = this.#ref.ss();
        const sheet = this.#ref.sheet();
        const at = this.#placed(sheet, state);
        guardSheet(this.#env, ss, sheet.sheetId);
        this.#requirePlaceable(ss, sheet, state);
        chartsOf(sheet)[at] = { chartId: state.chartId as number, ...copySpec(state.spec) };
      },
      { sent: state.spec },
    );
  }

  /** One round trip: the chart leaves the sheet. */
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart | EmbeddedChart): void {
    const state = this.#chartOf('removeChart', chart);
    this.#env.ctx.call(
      'SpreadsheetApp.Sheet.removeChart',
      () => {
        const sheet = this.#ref.sheet();
        const at = this.#placed(sheet, state);
        guardSheet(this.#env, this.#ref.ss(), sheet.sheetId);
        chartsOf(sheet).splice(at, 1);
      },
      { sent: { chartId: state.chartId } },
    );
  }
}

/** The ProtectionType a script passed, as the record names it. */
export function protectionKind(type: unknown, method: string): 'SHEET' | 'RANGE' {
  const name = String(type);
  if (name !== 'SHEET' && name !== 'RANGE') throw signatureMismatch(method, [type]);
  return name;
}
