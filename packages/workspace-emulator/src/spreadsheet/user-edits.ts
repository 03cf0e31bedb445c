// What a person does to a spreadsheet in the Sheets UI: type into cells, sort a range, insert or delete rows. Each
// changes the store directly (no script, no counted call) and says what changed, so sheet-triggers.ts can fire the
// bound project's onEdit and the installed onEdit/onChange triggers, as Google does for a user's edits only.
//
// A user's input meets the cells' validation rules as in the UI: a rule that rejects invalid data refuses the edit
// (Sheets shows an error and keeps the old value); a warning-only rule lets it through. A protected sheet or range
// the person may not edit refuses the change the same way (ProtectedEditRefused, Google's sentence); a warning-only
// protection lets it through (Sheets asks the person to confirm: the emulated person always does).

import { GridBox, parseA1 } from './a1';
import {
  ProtectedEditRefused,
  requireEditable,
  requireRowsInsertable,
  shiftForDelete,
  shiftForInsert,
  Writer,
} from './protection-rules';
import { writeCells } from './range';
import { fail, MESSAGES } from './rules';
import { compareCells } from './sheet';
import { cellAt, CellRecord, requireCells, SheetRecord, SpreadsheetRecord, SpreadsheetStore } from './store';
import { CellValue, copyCell, toCell } from './values';

/** Google's Change event types this emulator produces (FORMAT, *_COLUMN and REMOVE_GRID are not modelled). */
export type ChangeType = 'EDIT' | 'INSERT_ROW' | 'REMOVE_ROW' | 'INSERT_GRID' | 'OTHER';

export interface SheetChange {
  spreadsheetId: string;
  sheetName: string;
  changeType: ChangeType;
  /** The edited cells (EDIT), or the sorted range (OTHER). */
  box?: GridBox;
  /** Single-cell edits: the cell's value before and after ('' when empty). */
  oldValue?: CellValue;
  value?: CellValue;
  /** Whether this change fires onEdit as well as onChange: only typing into cells does. */
  firesOnEdit: boolean;
}

function sheetOf(
  store: SpreadsheetStore,
  id: string,
  sheetName: string,
): { ss: SpreadsheetRecord; sheet: SheetRecord } {
  const ss = store.record(id);
  if (!ss) throw new Error(`No spreadsheet ${id}`);
  const sheet = ss.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`No sheet "${sheetName}" in ${id}`);
  return { ss, sheet };
}

function boxOf(sheet: SheetRecord, a1: string): GridBox {
  const box = parseA1(a1, sheet.maxRows, sheet.maxColumns);
  if (!box) throw new Error(`Not an A1 range: ${a1}`);
  if (box.row + box.numRows - 1 > sheet.maxRows || box.column + box.numColumns - 1 > sheet.maxColumns)
    throw new Error(`${sheet.name}!${a1} is outside the grid`);
  return box;
}

/** Sheets' refusal of a person's change to cells a protection bars them from (nothing changes). */
const refuse = (writer: Writer) => () => new ProtectedEditRefused(writer.email);

/** Typing (or pasting) `values` into the cells of `a1`; the shape must match the range. */
export function editCells(
  store: SpreadsheetStore,
  id: string,
  sheetName: string,
  a1: string,
  values: unknown[][],
  writer: Writer,
): SheetChange {
  const { ss, sheet } = sheetOf(store, id, sheetName);
  const box = boxOf(sheet, a1);
  if (values.length !== box.numRows || values.some((r) => r.length !== box.numColumns))
    throw new Error(`${values.length} rows of values for ${box.numRows}×${box.numColumns} cells at ${a1}`);
  requireEditable(ss.protections, sheet.sheetId, box, writer, refuse(writer));
  const typed = values.map((r) => r.map((v) => toCell(v, 'edit')));
  const single = box.numRows === 1 && box.numColumns === 1;
  const oldValue = single ? copyCell(cellAt(sheet, box.row, box.column)?.v ?? '') : undefined;
  writeCells(ss, sheet, box.row, box.column, typed);
  return {
    spreadsheetId: id,
    sheetName,
    changeType: 'EDIT',
    box,
    firesOnEdit: true,
    ...(single && { oldValue, value: copyCell(cellAt(sheet, box.row, box.column)?.v ?? '') }),
  };
}

/** Data → Sort range: the rows of `a1` reordered by one sheet column; cells outside the range stay. */
export function sortRange(
  store: SpreadsheetStore,
  id: string,
  sheetName: string,
  a1: string,
  column: number,
  ascending: boolean,
  writer: Writer,
): SheetChange {
  const { ss, sheet } = sheetOf(store, id, sheetName);
  const box = boxOf(sheet, a1);
  if (column < box.column || column >= box.column + box.numColumns)
    throw new Error(`Column ${column} is outside the sorted range ${a1}`);
  requireEditable(ss.protections, sheet.sheetId, box, writer, refuse(writer));
  const rows: Array<Array<CellRecord | undefined>> = [];
  for (let r = box.row; r < box.row + box.numRows; r++) {
    const line: Array<CellRecord | undefined> = [];
    for (let c = box.column; c < box.column + box.numColumns; c++) line.push(cellAt(sheet, r, c));
    rows.push(line);
  }
  const key = (line: Array<CellRecord | undefined>): CellValue => line[column - box.column]?.v ?? '';
  // Empty keys sort last either way, as in Sheets.
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === '' || kb === '') return compareCells(ka, kb);
    return ascending ? compareCells(ka, kb) : compareCells(kb, ka);
  });
  while (sheet.rows.length < box.row + box.numRows - 1) sheet.rows.push(undefined);
  rows.forEach((line, i) => {
    const r = box.row + i;
    const target = sheet.rows[r - 1] ?? (sheet.rows[r - 1] = []);
    while (target.length < box.column - 1 + box.numColumns) target.push(undefined);
    line.forEach((cell, j) => (target[box.column - 1 + j] = cell));
  });
  // UNVERIFIED: Google's changeType for a sort (not documented; OTHER is our choice). Whether a sort fires onEdit is
  // not documented either; it does not here (stricter: a project must not rely on it and listens to onChange).
  return { spreadsheetId: id, sheetName, changeType: 'OTHER', box, firesOnEdit: false };
}

/** Right-click → Insert rows: `count` empty rows after `afterRow` (they take the formats of the row above). */
export function insertRows(
  store: SpreadsheetStore,
  id: string,
  sheetName: string,
  afterRow: number,
  count: number,
  writer: Writer,
): SheetChange {
  const { ss, sheet } = sheetOf(store, id, sheetName);
  if (!Number.isInteger(afterRow) || afterRow < 0 || afterRow > sheet.maxRows) throw fail(MESSAGES.rowsOutOfBounds);
  if (!Number.isInteger(count) || count < 1) throw fail(MESSAGES.rowsAtLeastOne);
  requireRowsInsertable(ss.protections, sheet.sheetId, afterRow, writer, refuse(writer));
  requireCells(ss, count * sheet.maxColumns);
  const above = afterRow > 0 ? sheet.rows[afterRow - 1] : undefined;
  const template = (): Array<CellRecord | undefined> | undefined =>
    above?.map((c) =>
      c && (c.f !== undefined || c.bold || c.dv !== undefined) ? { v: '', f: c.f, bold: c.bold, dv: c.dv } : undefined,
    );
  while (sheet.rows.length < afterRow) sheet.rows.push(undefined);
  sheet.rows.splice(afterRow, 0, ...Array.from({ length: count }, template));
  sheet.maxRows += count;
  shiftForInsert(ss.protections, sheet.sheetId, afterRow, count);
  return { spreadsheetId: id, sheetName, changeType: 'INSERT_ROW', firesOnEdit: false };
}

/** Right-click → Delete rows `startRow`..`startRow + count - 1`. */
export function deleteRows(
  store: SpreadsheetStore,
  id: string,
  sheetName: string,
  startRow: number,
  count: number,
  writer: Writer,
): SheetChange {
  const { ss, sheet } = sheetOf(store, id, sheetName);
  if (!Number.isInteger(startRow) || !Number.isInteger(count) || startRow < 1 || count < 1)
    throw fail(MESSAGES.rowsOutOfBounds);
  if (startRow + count - 1 > sheet.maxRows) throw fail(MESSAGES.rowsOutOfBounds);
  if (sheet.maxRows - count <= sheet.frozenRows) throw fail(MESSAGES.deleteAllRows);
  const rows = { row: startRow, column: 1, numRows: count, numColumns: sheet.maxColumns };
  requireEditable(ss.protections, sheet.sheetId, rows, writer, refuse(writer));
  sheet.rows.splice(startRow - 1, count);
  sheet.maxRows -= count;
  shiftForDelete(ss.protections, sheet.sheetId, startRow, count);
  return { spreadsheetId: id, sheetName, changeType: 'REMOVE_ROW', firesOnEdit: false };
}

/** The "+" at the bottom left: a new sheet. */
export function insertSheet(store: SpreadsheetStore, id: string, sheetName: string): SheetChange {
  const ss = store.record(id);
  if (!ss) throw new Error(`No spreadsheet ${id}`);
  if (ss.sheets.some((s) => s.name.toLowerCase() === sheetName.toLowerCase()))
    throw new Error(`A sheet named "${sheetName}" already exists`);
  const sheet = store.newSheet(ss, sheetName);
  requireCells(ss, sheet.maxRows * sheet.maxColumns);
  ss.sheets.push(sheet);
  return { spreadsheetId: id, sheetName, changeType: 'INSERT_GRID', firesOnEdit: false };
}
