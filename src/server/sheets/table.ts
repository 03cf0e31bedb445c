// The CRM table of rows (core/ports/table.ts) over SpreadsheetApp, and the only code that writes CRM cells: every
// value goes through core sheetCell, so text a person or a file supplied is stored as text, never as a formula or a
// number. Columns are found by header (any of our languages, or the key), the header wherever it is among the top
// rows (core findTable: title lines above it are normal in offices).

import { columnLetter, findTable, HEADER_SEARCH_ROWS } from '../../core/events/table';
import type { FindOptions, RowRecord, RowTable, TableRow } from '../../core/ports/table';
import { CellValue, sheetCell } from '../../core/sheets/cell-text';
import { Locale } from '../../core/i18n/locale';
import { SheetKey, template } from '../../core/sheets/templates';
import { crmSheet, crmSpreadsheet } from './crm-spreadsheet';
import { contiguousRuns, GridRows } from './grid-rows';
import { underWriteLock } from './write-lock';

export type { CellValue, RowRecord, TableRow };

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Layout {
  /** 0-based index of the header row. */
  headerIndex: number;
  columns: Record<string, number>;
}

export class CrmTable implements RowTable {
  readonly headerRow: number;
  /** Cells a written row spans: up to the last template column (the office's own columns after it are left alone). */
  private readonly width: number;
  private readonly grid: GridRows;
  /** Where the next appendBlock writes, once this execution knows where the sheet ends. */
  private nextRow: number | undefined;

  private constructor(
    private readonly key: SheetKey,
    private readonly sheet: Sheet,
    private readonly layout: Layout,
    private cached: unknown[][] | undefined,
  ) {
    this.headerRow = layout.headerIndex + 1;
    this.width = Math.max(1, ...Object.values(layout.columns).map((c) => c + 1));
    this.grid = new GridRows(sheet);
  }

  /**
   * Opens a CRM sheet. With `read`, its whole contents come in the one request that finds the header; without, the
   * top rows are read (one request). `values` are the contents this execution already read.
   */
  static open(
    key: SheetKey,
    options: { read?: boolean; ss?: GoogleAppsScript.Spreadsheet.Spreadsheet; values?: unknown[][] } = {},
  ): CrmTable {
    const sheet = crmSheet(key, options.ss ?? crmSpreadsheet());
    if (!sheet) throw new Error(`The "${template(key).title.en}" sheet is missing: run CRM → Set up.`);
    return CrmTable.onSheet(key, sheet, options);
  }

  /** A sheet the caller already found (with its own wording for a missing one). */
  static onSheet(
    key: SheetKey,
    sheet: Sheet,
    options: { read?: boolean; values?: unknown[][]; partial?: boolean } = {},
  ): CrmTable {
    const values = options.values ?? (options.read ? sheet.getDataRange().getValues() : topRows(sheet));
    const found = findTable(values, template(key));
    const layout = found ?? { headerIndex: 0, columns: noColumns(key) };
    // `partial`: the values are the top rows only (read with others in one request), not the sheet's contents.
    const whole =
      !options.partial && (options.read || options.values !== undefined || values.length < HEADER_SEARCH_ROWS);
    return new CrmTable(key, sheet, layout, whole ? values : undefined);
  }

  /**
   * A sheet the CRM rebuilds whole, header included (the Card index): its header is row 1 and its columns are in
   * template order, so nothing needs reading to know where they are.
   */
  static fixed(key: SheetKey, sheet: Sheet, options: { read?: boolean } = {}): CrmTable {
    const columns: Record<string, number> = {};
    template(key).columns.forEach((c, i) => (columns[c.key] = i));
    return new CrmTable(
      key,
      sheet,
      { headerIndex: 0, columns },
      options.read ? sheet.getDataRange().getValues() : undefined,
    );
  }

  get columns(): Readonly<Record<string, number>> {
    return this.layout.columns;
  }

  /** The sheet's contents as read (one getDataRange request the first time). */
  values(): unknown[][] {
    return (this.cached ??= this.sheet.getDataRange().getValues());
  }

  /** Rows whose CRM columns are all empty are left out (what the office keeps in its own columns is not ours). */
  rows(): TableRow[] {
    const all = this.values();
    const columns = Object.entries(this.columns).filter(([, c]) => c >= 0);
    const out: TableRow[] = [];
    for (let i = this.layout.headerIndex + 1; i < all.length; i++) {
      const row = all[i];
      const values: Record<string, unknown> = {};
      let filled = false;
      // Each cell is touched once: a big sheet's rows cost what their CRM cells do.
      for (const [k, c] of columns) {
        const v = row[c];
        values[k] = v;
        if (v !== '' && v !== null && v !== undefined) filled = true;
      }
      if (filled) out.push({ rowNumber: i + 1, values });
    }
    return out;
  }

  /**
   * Some columns of every row below the header, in one request that reads only as far right as the last of them
   * (a search reads short columns, not the wide ones beside them). Empty rows are left out, as rows() leaves them.
   */
  columnRows(keys: string[]): TableRow[] {
    const last = this.sheet.getLastRow();
    const at = keys.map((k) => this.columns[k] ?? -1);
    if (last <= this.headerRow || at.some((c) => c < 0)) return [];
    const grid = this.sheet.getRange(this.headerRow + 1, 1, last - this.headerRow, Math.max(...at) + 1).getValues();
    const out: TableRow[] = [];
    grid.forEach((row, i) => {
      const values: Record<string, unknown> = {};
      let filled = false;
      keys.forEach((k, j) => {
        values[k] = row[at[j]];
        if (row[at[j]] !== '' && row[at[j]] !== null && row[at[j]] !== undefined) filled = true;
      });
      if (filled) out.push({ rowNumber: this.headerRow + 1 + i, values });
    });
    return out;
  }

  /**
   * The cells of the given rows (up to the last template column), in as few requests as they allow: rows less than
   * `gap` apart come in one read spanning them, since a request costs far more than the rows between.
   */
  rowsAt(rowNumbers: number[], gap = 50): Array<{ rowNumber: number; cells: unknown[] }> {
    const wanted = [...new Set(rowNumbers.filter((n) => n > this.headerRow))].sort((a, b) => a - b);
    const out: Array<{ rowNumber: number; cells: unknown[] }> = [];
    for (let i = 0; i < wanted.length;) {
      let j = i;
      while (j + 1 < wanted.length && wanted[j + 1] - wanted[j] <= gap) j++;
      const first = wanted[i];
      const grid = this.sheet.getRange(first, 1, wanted[j] - first + 1, this.width).getValues();
      for (let k = i; k <= j; k++) out.push({ rowNumber: wanted[k], cells: grid[wanted[k] - first] ?? [] });
      i = j + 1;
    }
    return out;
  }

  readRow(rowNumber: number): Record<string, unknown> | undefined {
    if (rowNumber <= this.headerRow) return undefined;
    return this.byKey(this.sheet.getRange(rowNumber, 1, 1, this.width).getValues()[0]);
  }

  /**
   * Adds rows after the last one. One row goes through appendRow, which Google documents as atomic; several go in
   * one write under the CRM's write lock (write-lock.ts), so two people logging at once lose nothing.
   */
  append(records: RowRecord[]): void {
    if (!records.length) return;
    const cells = this.toRows(records);
    if (cells.length === 1) {
      this.sheet.appendRow(cells[0]);
      return;
    }
    underWriteLock(() => this.grid.write(this.sheet.getLastRow() + 1, cells));
  }

  /**
   * Appends many rows in one write without the lock: for sheets only one execution writes at a time (an import's
   * own staging and log), where the cost of a lock round trip buys nothing.
   */
  appendBlock(records: RowRecord[]): void {
    if (!records.length) return;
    const cells = this.toRows(records);
    // The first block reads where the sheet ends; later blocks of the same run continue from there.
    const first = this.nextRow ?? this.sheet.getLastRow() + 1;
    this.grid.write(first, cells);
    this.nextRow = first + cells.length;
  }

  /** Empties every row below the header (a sheet the CRM refills whole); the next appendBlock starts under it. */
  clearRows(): void {
    const last = this.sheet.getLastRow();
    if (last > this.headerRow)
      this.sheet.getRange(this.headerRow + 1, 1, last - this.headerRow, this.width).clearContent();
    this.nextRow = this.headerRow + 1;
    this.cached = undefined;
  }

  /**
   * Writes some columns of one row: one setValues when they are side by side, else one setValue each. Columns the
   * office added, those not named and those the sheet lacks keep what they hold.
   */
  update(rowNumber: number, changes: RowRecord): void {
    const entries = Object.entries(changes).filter(
      (e): e is [string, CellValue] => e[1] !== undefined && (this.columns[e[0]] ?? -1) >= 0,
    );
    if (!entries.length) return;
    const at = entries.map(([k]) => this.columns[k]);
    const min = Math.min(...at);
    if (Math.max(...at) - min + 1 === entries.length) {
      const row = new Array<CellValue>(entries.length);
      for (const [k, v] of entries) row[this.columns[k] - min] = sheetCell(v);
      this.sheet.getRange(rowNumber, min + 1, 1, entries.length).setValues([row]);
    } else {
      for (const [k, v] of entries) this.sheet.getRange(rowNumber, this.columns[k] + 1).setValue(sheetCell(v));
    }
  }

  /** One column of many rows: one write per run of adjacent rows (rows typed by hand usually come together). */
  updateColumn(key: string, cells: Array<{ rowNumber: number; value: CellValue }>): void {
    const column = this.columns[key] ?? -1;
    if (column < 0) return;
    for (const run of contiguousRuns(cells))
      this.sheet.getRange(run[0].rowNumber, column + 1, run.length, 1).setValues(run.map((c) => [sheetCell(c.value)]));
  }

  /**
   * Whole rows at their row numbers (null: an emptied row), for a sheet the CRM owns (the Card index): one setValues
   * per run of adjacent rows; rows scattered into more than `maxRuns` runs go in ONE setValues over their span, the
   * rows between written back as this execution read them (so it needs the table opened with `read`).
   */
  writeRowsAt(rows: Array<{ rowNumber: number; record: RowRecord | null }>, maxRuns = 20): void {
    const below = rows.filter((r) => r.rowNumber > this.headerRow);
    if (!below.length) return;
    const cells = (r: { record: RowRecord | null }) =>
      r.record ? this.toRow(r.record) : new Array<CellValue>(this.width).fill('');
    const runs = contiguousRuns(below);
    if (runs.length <= maxRuns || !this.cached) {
      for (const run of runs) this.grid.write(run[0].rowNumber, run.map(cells));
      return;
    }
    const first = runs[0][0].rowNumber;
    const last = runs[runs.length - 1][runs[runs.length - 1].length - 1].rowNumber;
    const byRow = new Map(below.map((r) => [r.rowNumber, r]));
    const read = this.cached;
    const block: CellValue[][] = [];
    for (let n = first; n <= last; n++) {
      const changed = byRow.get(n);
      if (changed) block.push(cells(changed));
      else {
        const as = read[n - 1] ?? [];
        block.push(Array.from({ length: this.width }, (_, c) => sheetCell(as[c] as CellValue | undefined)));
      }
    }
    this.grid.write(first, block);
  }

  /**
   * Replaces the whole sheet, header included, in one write, then empties what a longer earlier version left below:
   * for a sheet the CRM owns and rebuilds (the Card index). About five requests whatever the number of rows.
   */
  rewrite(records: RowRecord[], locale: Locale): void {
    const header = Object.fromEntries(template(this.key).columns.map((c) => [c.key, c.title[locale]]));
    const rows = [this.toRow(header), ...this.toRows(records)];
    const before = this.sheet.getLastRow();
    this.grid.write(1, rows, { exact: true });
    if (before > rows.length) this.sheet.getRange(rows.length + 1, 1, before - rows.length, this.width).clearContent();
    this.cached = undefined;
  }

  /** One TextFinder request on the column, below the header. */
  findRow(key: string, value: string): number {
    if (!value) return 0;
    const hit = this.finder(key, value, {})?.findNext();
    return hit ? hit.getRow() : 0;
  }

  findRows(key: string, text: string, options: FindOptions = {}): number[] {
    if (!text) return [];
    return (this.finder(key, text, options)?.findAll() ?? []).map((r) => r.getRow());
  }

  private finder(key: string, text: string, options: FindOptions): GoogleAppsScript.Spreadsheet.TextFinder | undefined {
    const column = this.columns[key] ?? -1;
    if (column < 0) return undefined;
    const letter = columnLetter(column);
    return this.sheet
      .getRange(`${letter}${this.headerRow + 1}:${letter}`)
      .createTextFinder(text)
      .matchEntireCell(options.entireCell ?? true)
      .matchCase(options.matchCase ?? true);
  }

  private byKey(row: unknown[]): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [k, c] of Object.entries(this.columns)) values[k] = c >= 0 ? row[c] : undefined;
    return values;
  }

  /** New rows need every column: a row written where a column is missing would lose that part of it. */
  private toRows(records: RowRecord[]): CellValue[][] {
    const missing = Object.keys(this.columns).filter((k) => this.columns[k] < 0);
    if (missing.length)
      throw new Error(
        `The "${this.sheet.getName()}" sheet has lost columns (${missing.join(', ')}): run CRM → Set up to repair it.`,
      );
    return records.map((r) => this.toRow(r));
  }

  private toRow(record: RowRecord): CellValue[] {
    const row = new Array<CellValue>(this.width).fill('');
    for (const [k, v] of Object.entries(record)) {
      const at = this.columns[k] ?? -1;
      if (v !== undefined && at >= 0) row[at] = sheetCell(v);
    }
    return row;
  }
}

/** The rows a header may be among, in one request: whole rows span every column the sheet has. */
function topRows(sheet: Sheet): unknown[][] {
  try {
    return sheet.getRange(`1:${HEADER_SEARCH_ROWS}`).getValues();
  } catch {
    // A sheet shorter than the rows searched: it is small, read it whole.
    return sheet.getDataRange().getValues();
  }
}

function noColumns(key: SheetKey): Record<string, number> {
  return Object.fromEntries(template(key).columns.map((c) => [c.key, -1]));
}
