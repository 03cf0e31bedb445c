// What a cell holds and how a value a script writes becomes one.
//
// Values are kept typed, as written: number, string, boolean, Date, and '' for an empty cell. Sheets reads a string a
// script writes as if it were typed into the cell. What it does with it in every locale is done here too: a leading
// apostrophe marks text and is not part of the value; "007" or "+79123456789" become numbers; "true"/"FALSE" become
// booleans; a leading = + - starts a formula, which the emulation refuses (it has no formula engine, and the project
// must escape such text itself). What depends on the spreadsheet's locale is NOT done: "01.02.2024"
// is a date in ru and text in en, "1,5" a number in ru; those strings are kept as written.

import { signatureMismatch } from '../script/emulated';
import { fail, LIMITS, MESSAGES, unsupported } from './rules';

export type CellValue = string | number | boolean | Date;

/** A value a script passes to setValue(s)/appendRow, checked and stored the way Sheets keeps it. */
export function toCell(value: unknown, method: string): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    if (value.length > LIMITS.charactersPerCell) throw fail(MESSAGES.cellTooLong);
    // A leading apostrophe forces text in Sheets and is not part of the value.
    if (value.startsWith("'")) return value.slice(1);
    return typedText(value);
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

const INTEGER = /^\s*[+-]?\d+\s*$/;
const BOOLEAN = /^\s*(true|false)\s*$/i;

/** A string as Sheets stores it when typed: a number, a boolean, or text; a formula is refused. */
function typedText(value: string): CellValue {
  if (INTEGER.test(value)) return Number(value);
  const bool = BOOLEAN.exec(value);
  if (bool) return bool[1].toLowerCase() === 'true';
  // Sheets would store a formula ("+7 912 …" is one, and shows #ERROR!); the emulation has no formula engine and the
  // product must never write one, so this fails loudly instead of storing something untrue.
  if (value.length > 1 && /^[=+-]/.test(value))
    throw unsupported(`writing a formula (${JSON.stringify(value.slice(0, 40))})`);
  return value;
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
