// The one escaping rule for text written into a Google Sheets cell. Sheets reads a value a script writes as if the
// office had typed it: a leading = + - starts a formula (a phone "+7 912 …" becomes #ERROR!, a file named `=1+2.csv`
// a sum), "89123456789" or "007" become numbers (the zero is lost, the phone shown as 8.9E+10), "12.03.2024" a date,
// "TRUE" a boolean, and a leading apostrophe is swallowed as the "this is text" mark. Such text is written with one
// apostrophe in front: Sheets then stores exactly the text, and the apostrophe is not part of the value
// (getValues/getDisplayValue return the text without it, getFormula is empty). Values that are numbers, booleans or
// Dates are written as they are. The sheet-table layer (src/server/sheets/table.ts) applies this to every cell.
//
// Two sinks, two rules, deliberately:
// | sink                        | rule                                   | escaped                                     |
// | Sheets cell (sheetCell)     | this file                              | = + - @ ' tab CR starts, number-, date-,    |
// |                             |                                        | phone-shaped text, TRUE/FALSE               |
// | CSV/Excel file (csvField)   | src/core/export/cells.ts neutralizeCell | = + - @ tab CR starts, except "+7 …" phones |
// |                             |                                        | in phone columns                            |
// A CSV is opened by Excel or re-imported by Google Contacts, which must get "+7 912…" back unchanged, and in a file
// the apostrophe would be read as part of the text; in Sheets it is the text mark and never shows.

export type CellValue = string | number | boolean | Date;

/** Sheets starts a formula at = + - (and @ in some locales); an apostrophe there is the text mark itself. */
const FORMULA_OR_MARK = /^[=+\-@'\t\r]/;
/** Only digits and what numbers, dates, times, percents, money and phones are written with. */
const NUMBER_CHARS = /^[\s\d()+\-.,/:%$€£¥₽]+$/;
const DIGIT = /\d/;
const EXPONENT = /^\s*\d+(?:[.,]\d+)?e[+-]?\d+\s*$/i;
const BOOLEAN = /^\s*(?:true|false)\s*$/i;

/** Whether Sheets would make something other than this text of it (a formula, number, date or boolean). */
export function sheetsWouldParse(text: string): boolean {
  if (FORMULA_OR_MARK.test(text)) return true;
  // Two linear tests rather than one pattern with a digit in the middle, which backtracks on a long cell.
  if (NUMBER_CHARS.test(text) && DIGIT.test(text)) return true;
  return EXPONENT.test(text) || BOOLEAN.test(text);
}

/** Text as Sheets must receive it to keep it exactly. */
export function sheetText(text: string): string {
  return sheetsWouldParse(text) ? `'${text}` : text;
}

/** A value for a cell: text escaped as above, numbers, booleans and Dates as they are, nothing as an empty cell. */
export function sheetCell(value: CellValue | null | undefined): CellValue {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? sheetText(value) : value;
}
