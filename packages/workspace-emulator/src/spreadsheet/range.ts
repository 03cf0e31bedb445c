// Range: a box on a sheet. Its coordinates are local (free); reading or writing its cells, formats or rules is a
// round trip `SpreadsheetApp.Range.<method>`. A data range (Sheet.getDataRange) learns its size from the server on
// first use: getDataRange().getValues() is one round trip, as a project expects.

import { Emulated, signatureMismatch } from '../script/emulated';
import { boxA1, GridBox } from './a1';
import { HandleContext, SheetRef } from './env';
import { displayText, requireFormat, typedValue } from './number-format';
import { fail, MESSAGES, unsupported } from './rules';
import {
  applyEntered,
  cellAt,
  cellFor,
  enteredValue,
  lastColumnOf,
  lastRowOf,
  SheetRecord,
  SpreadsheetRecord,
} from './store';
import type { Entered } from './user-entered';
import { guardCells, newProtection, Protection, writerOf } from './protection';
import { TextFinder } from './text-finder';
import { checkWrite, DataValidation, RangeSource, RULE, SOURCE } from './validation';
import { CellValue, toCell } from './values';

export function dataBox(sheet: SheetRecord): GridBox {
  return { row: 1, column: 1, numRows: Math.max(1, lastRowOf(sheet)), numColumns: Math.max(1, lastColumnOf(sheet)) };
}

export function requireInside(sheet: SheetRecord, box: GridBox): void {
  if (box.row + box.numRows - 1 > sheet.maxRows || box.column + box.numColumns - 1 > sheet.maxColumns)
    throw fail(MESSAGES.outsideSheet);
}

/** Checks a 2-D argument against the box, with Google's wording (rows first, then each row's length). */
export function requireShape(data: unknown, box: GridBox, method: string): unknown[][] {
  if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) throw signatureMismatch(method, [data]);
  if (data.length !== box.numRows) throw fail(MESSAGES.rowsMismatch(data.length, box.numRows));
  for (const row of data as unknown[][])
    if (row.length !== box.numColumns) throw fail(MESSAGES.columnsMismatch(row.length, box.numColumns));
  return data as unknown[][];
}

/**
 * Writes values into the sheet after the validation rules of the target cells allow what they become: a string is
 * entered as if typed (user-entered.ts), so a rule sees 7 for "007", as in Sheets.
 */
export function writeCells(
  ss: SpreadsheetRecord,
  sheet: SheetRecord,
  row: number,
  column: number,
  values: CellValue[][],
): void {
  const cells: Array<{ row: number; column: number; dv: number | undefined; value: CellValue; entered: Entered }> = [];
  const now = Date.now();
  values.forEach((vals, i) =>
    vals.forEach((written, j) => {
      const cell = cellAt(sheet, row + i, column + j);
      const entered = enteredValue(ss, cell, written, now);
      cells.push({ row: row + i, column: column + j, dv: cell?.dv, value: entered.value, entered });
    }),
  );
  checkWrite(ss, cells);
  for (const c of cells) {
    if (c.value === '' && !cellAt(sheet, c.row, c.column)) continue;
    applyEntered(cellFor(sheet, c.row, c.column), c.entered);
  }
}

type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

/** The methods that change the range's cells (values, formats, rules): refused on cells a protection bars. */
const WRITES = new Set([
  'setValues',
  'setValue',
  'setNumberFormat',
  'setNumberFormats',
  'setFontWeight',
  'setDataValidation',
  'setDataValidations',
  'clearContent',
  'clear',
]);

type RangeApi = Emulated<
  GoogleAppsScript.Spreadsheet.Range,
  | 'getValues'
  | 'getDisplayValues'
  | 'getFormulas'
  | 'getValue'
  | 'getDisplayValue'
  | 'getFormula'
  | 'setValues'
  | 'setValue'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getSheet'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getNumberFormat'
  | 'setFontWeight'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'clearContent'
  | 'clear'
  | 'createTextFinder'
  | 'protect'
>;

export class Range implements RangeApi, RangeSource {
  readonly #ref: SheetRef;
  #box: GridBox | undefined;

  /** Without `box`, the sheet's data range as it is at the first use. */
  constructor(ref: SheetRef, box?: GridBox) {
    this.#ref = ref;
    this.#box = box;
  }

  get #env(): HandleContext {
    return this.#ref.env;
  }

  /** The box, learning a data range's size with one round trip if nothing did yet. */
  #coordinates(): GridBox {
    if (!this.#box)
      this.#env.ctx.call('SpreadsheetApp.Sheet.getDataRange', () => (this.#box = dataBox(this.#ref.sheet())));
    return this.#box as GridBox;
  }

  /**
   * One round trip on the cells of this range. `moves` says that the call reads or writes every cell of the box (its
   * price grows with them, latency.ts); calls on formats, rules or the top-left cell alone are priced by their bytes.
   */
  #call<T>(
    method: string,
    fn: (ss: SpreadsheetRecord, sheet: SheetRecord, box: GridBox) => T,
    sent?: unknown,
    moves = false,
  ): T {
    let cells = 0;
    return this.#env.ctx.call(
      `SpreadsheetApp.Range.${method}`,
      () => {
        const ss = this.#ref.ss();
        const sheet = this.#ref.sheet();
        const box = this.#box ?? (this.#box = dataBox(sheet));
        requireInside(sheet, box);
        if (WRITES.has(method)) guardCells(this.#env, ss, this.#ref.sheetId, box);
        const result = fn(ss, sheet, box);
        if (moves) cells = box.numRows * box.numColumns;
        return result;
      },
      { sent, units: () => ({ cells }) },
    );
  }

  #each<T>(sheet: SheetRecord, box: GridBox, fn: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = box.row; r < box.row + box.numRows; r++) {
      const line: T[] = [];
      for (let c = box.column; c < box.column + box.numColumns; c++) line.push(fn(r, c));
      out.push(line);
    }
    return out;
  }

  /** For DataValidationBuilder.requireValueInRange. */
  [SOURCE](): {
    spreadsheetId: string;
    sheetId: number;
    row: number;
    column: number;
    numRows: number;
    numColumns: number;
  } {
    return { spreadsheetId: this.#ref.spreadsheetId, sheetId: this.#ref.sheetId, ...this.#coordinates() };
  }

  getRow(): number {
    return this.#coordinates().row;
  }

  getColumn(): number {
    return this.#coordinates().column;
  }

  getNumRows(): number {
    return this.#coordinates().numRows;
  }

  getNumColumns(): number {
    return this.#coordinates().numColumns;
  }

  getLastRow(): number {
    const b = this.#coordinates();
    return b.row + b.numRows - 1;
  }

  getLastColumn(): number {
    const b = this.#coordinates();
    return b.column + b.numColumns - 1;
  }

  getA1Notation(): string {
    return boxA1(this.#coordinates());
  }

  getSheet(): object {
    return this.#env.sheet(this.#ref);
  }

  getValues(): CellValue[][] {
    return this.#call(
      'getValues',
      (ss, sheet, box) =>
        this.#each(sheet, box, (r, c) => typedValue(cellAt(sheet, r, c)?.v ?? '', cellAt(sheet, r, c)?.f, ss.timeZone)),
      undefined,
      true,
    );
  }

  getValue(): CellValue {
    return this.#call('getValue', (ss, sheet, box) =>
      typedValue(cellAt(sheet, box.row, box.column)?.v ?? '', cellAt(sheet, box.row, box.column)?.f, ss.timeZone),
    );
  }

  getDisplayValues(): string[][] {
    return this.#call(
      'getDisplayValues',
      (ss, sheet, box) =>
        this.#each(sheet, box, (r, c) =>
          displayText(cellAt(sheet, r, c)?.v ?? '', cellAt(sheet, r, c)?.f, ss.timeZone, ss.locale),
        ),
      undefined,
      true,
    );
  }

  /** The formula of each cell ("=…" as entered, user-entered.ts), '' for a cell without one. */
  getFormulas(): string[][] {
    return this.#call(
      'getFormulas',
      (_ss, sheet, box) => this.#each(sheet, box, (r, c) => cellAt(sheet, r, c)?.fx ?? ''),
      undefined,
      true,
    );
  }

  getDisplayValue(): string {
    return this.#call('getDisplayValue', (ss, sheet, box) => {
      const cell = cellAt(sheet, box.row, box.column);
      return displayText(cell?.v ?? '', cell?.f, ss.timeZone, ss.locale);
    });
  }

  /** The top-left cell's formula, '' for a value. */
  getFormula(): string {
    return this.#call('getFormula', (_ss, sheet, box) => cellAt(sheet, box.row, box.column)?.fx ?? '');
  }

  setValues(values: unknown[][]): this {
    this.#call(
      'setValues',
      (ss, sheet, box) => {
        const rows = requireShape(values, box, 'Range.setValues').map((row) =>
          row.map((v) => toCell(v, 'Range.setValues')),
        );
        writeCells(ss, sheet, box.row, box.column, rows);
      },
      values,
      true,
    );
    return this;
  }

  /** Sets every cell of the range to the value. */
  setValue(value: unknown): this {
    this.#call(
      'setValue',
      (ss, sheet, box) => {
        const v = toCell(value, 'Range.setValue');
        writeCells(
          ss,
          sheet,
          box.row,
          box.column,
          this.#each(sheet, box, () => v),
        );
      },
      value,
      true,
    );
    return this;
  }

  setNumberFormat(numberFormat: string): this {
    const format = requireFormat(numberFormat);
    this.#call('setNumberFormat', (_ss, sheet, box) =>
      this.#each(sheet, box, (r, c) => (cellFor(sheet, r, c).f = format)),
    );
    return this;
  }

  setNumberFormats(numberFormats: string[][]): this {
    this.#call('setNumberFormats', (_ss, sheet, box) => {
      const formats = requireShape(numberFormats, box, 'Range.setNumberFormats').map((row) => row.map(requireFormat));
      this.#each(sheet, box, (r, c) => (cellFor(sheet, r, c).f = formats[r - box.row][c - box.column]));
    });
    return this;
  }

  /** The top-left cell's format; Automatic reads as 'General' in Apps Script (UNVERIFIED for every locale). */
  getNumberFormat(): string {
    return this.#call('getNumberFormat', (_ss, sheet, box) => cellAt(sheet, box.row, box.column)?.f ?? 'General');
  }

  setFontWeight(fontWeight: FontWeight | null): this {
    const w = fontWeight as unknown;
    if (w !== null && w !== 'bold' && w !== 'normal') throw signatureMismatch('Range.setFontWeight', [fontWeight]);
    this.#call('setFontWeight', (_ss, sheet, box) =>
      this.#each(sheet, box, (r, c) => (cellFor(sheet, r, c).bold = w === 'bold' ? true : undefined)),
    );
    return this;
  }

  #ruleIndex(ss: SpreadsheetRecord, rule: unknown, method: string): number | undefined {
    if (rule === null) return undefined;
    if (!(rule instanceof DataValidation)) throw signatureMismatch(method, [rule]);
    const { rule: record, spreadsheetId } = rule[RULE]();
    // UNVERIFIED what Sheets does with a range rule pointing into another spreadsheet; Apps Script cannot build one.
    if (record.type === 'VALUE_IN_RANGE' && spreadsheetId !== ss.id)
      throw unsupported('a validation range in another spreadsheet');
    return this.#env.store.ruleIndex(ss, record);
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | DataValidation | null): this {
    this.#call('setDataValidation', (ss, sheet, box) => {
      const dv = this.#ruleIndex(ss, rule, 'Range.setDataValidation');
      this.#each(sheet, box, (r, c) => (cellFor(sheet, r, c).dv = dv));
    });
    return this;
  }

  setDataValidations(rules: Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | DataValidation | null>>): this {
    this.#call('setDataValidations', (ss, sheet, box) => {
      const grid = requireShape(rules, box, 'Range.setDataValidations').map((row) =>
        row.map((rule) => this.#ruleIndex(ss, rule, 'Range.setDataValidations')),
      );
      this.#each(sheet, box, (r, c) => (cellFor(sheet, r, c).dv = grid[r - box.row][c - box.column]));
    });
    return this;
  }

  #validationAt(ss: SpreadsheetRecord, sheet: SheetRecord, row: number, column: number): DataValidation | null {
    const dv = cellAt(sheet, row, column)?.dv;
    const rule = dv === undefined ? undefined : ss.rules[dv];
    if (!rule) return null;
    const source =
      rule.type === 'VALUE_IN_RANGE'
        ? new Range(new SheetRef(this.#env, ss.id, rule.sheetId), {
            row: rule.row,
            column: rule.column,
            numRows: rule.numRows,
            numColumns: rule.numColumns,
          })
        : undefined;
    return new DataValidation({ ...rule }, ss.id, source);
  }

  getDataValidation(): DataValidation | null {
    return this.#call('getDataValidation', (ss, sheet, box) => this.#validationAt(ss, sheet, box.row, box.column));
  }

  getDataValidations(): Array<Array<DataValidation | null>> {
    return this.#call('getDataValidations', (ss, sheet, box) =>
      this.#each(sheet, box, (r, c) => this.#validationAt(ss, sheet, r, c)),
    );
  }

  /** Empties the cells, keeping their formats and validation rules. */
  clearContent(): this {
    this.#call('clearContent', (_ss, sheet, box) =>
      this.#each(sheet, box, (r, c) => {
        const cell = cellAt(sheet, r, c);
        if (cell) {
          cell.v = '';
          delete cell.fx;
        }
      }),
    );
    return this;
  }

  /** Empties the cells and drops their formats; validation rules stay (Range.clearDataValidations removes those). */
  clear(): this {
    this.#call('clear', (_ss, sheet, box) =>
      this.#each(sheet, box, (r, c) => {
        const cell = cellAt(sheet, r, c);
        if (cell) sheet.rows[r - 1]![c - 1] = cell.dv === undefined ? undefined : { v: '', dv: cell.dv };
      }),
    );
    return this;
  }

  createTextFinder(findText: string): TextFinder {
    if (typeof findText !== 'string') throw signatureMismatch('Range.createTextFinder', [findText]);
    return new TextFinder(this.#ref, this.#box, findText);
  }

  /**
   * A new protected range over these cells, even where one exists: several may overlap, and any that bars a user
   * bars the cell (UNVERIFIED: Google's Range.protect reference says so as far as we recall; the text was not found).
   */
  protect(): Protection {
    return this.#call('protect', (ss, _sheet, box) => {
      const record = newProtection(ss, 'RANGE', this.#ref.sheetId, box, writerOf(this.#env.ctx));
      return new Protection(this.#env, ss.id, record.id);
    });
  }
}
