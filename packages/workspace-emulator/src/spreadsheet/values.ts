// What a cell holds and how a value a script writes becomes one.
//
// Values are kept typed: number, string, boolean, Date, and '' for an empty cell. A string a script writes is checked
// here and then entered into its cell as if typed there (user-entered.ts: in the spreadsheet's locale and the cell's
// number format, so "007" becomes 7 and "+7 912 …" a formula), which writeCells does once it knows the cell.

import { signatureMismatch } from '../script/emulated';
import { fail, LIMITS, MESSAGES, unsupported } from './rules';

export type CellValue = string | number | boolean | Date;

/** A value a script passes to setValue(s)/appendRow, checked; a string is still to be entered (user-entered.ts). */
export function toCell(value: unknown, method: string): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    if (value.length > LIMITS.charactersPerCell) throw fail(MESSAGES.cellTooLong);
    return value;
  }
  if (typeof value === 'number') {
    // UNVERIFIED what Sheets makes of NaN/Infinity; refusing them is the stricter choice.
    if (!Number.isFinite(value)) throw unsupported(`writing ${value} to a cell`);
    return value;
  }
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw unsupported('writing an Invalid Date to a cell');
    return new Date(value.getTime());
  }
  // Apps Script writes some objects as their Java string form; nothing good comes of it, so we refuse.
  throw signatureMismatch(method, [value]);
}

export function copyCell(v: CellValue): CellValue {
  return v instanceof Date ? new Date(v.getTime()) : v;
}

export function sameCell(a: CellValue, b: CellValue): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return a === b;
}

/** JSON form: Dates tagged so they come back as Dates. */
export type CellJSON = string | number | boolean | { $date: string };

export function cellToJSON(v: CellValue): CellJSON {
  return v instanceof Date ? { $date: v.toISOString() } : v;
}

export function cellFromJSON(j: unknown): CellValue {
  if (j && typeof j === 'object' && typeof (j as { $date?: unknown }).$date === 'string')
    return new Date((j as { $date: string }).$date);
  if (typeof j === 'string' || typeof j === 'number' || typeof j === 'boolean') return j;
  return '';
}
