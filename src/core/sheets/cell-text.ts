// The one escaping rule for text written into a Google Sheets cell. Sheets reads a value a script writes as if the
// office had typed it: a leading = + - starts a formula (a phone "+7 912 …" becomes #ERROR!, a file named `=1+2.csv`
// a sum), "89123456789" or "007" become numbers (the zero is lost, the phone shown as 8.9E+10), "12.03.2024" a date,
// "TRUE" (or, in a Russian spreadsheet, "ИСТИНА") a boolean, "Jan 2" or "2 января" a date, and a leading apostrophe
// is swallowed as the "this is text" mark. Such text is written with one
// apostrophe in front: Sheets then stores exactly the text, and the apostrophe is not part of the value
// (getValues/getDisplayValue return the text without it, getFormula is empty). Values that are numbers, booleans or
// Dates are written as they are. The sheet-table layer (src/server/sheets/table.ts) applies this to every cell, and
// every other SpreadsheetApp writer in src/server calls sheetCell too; the Sheets API writers need nothing
// (src/server/sheets/values-batch.ts: a typed stringValue is never parsed).
// The rule is wider than Google's parsing on purpose (an apostrophe on text Sheets would have kept costs nothing):
// the emulation's model of that parsing, packages/workspace-emulator/src/spreadsheet/user-entered.ts, must never
// turn an escaped text into anything else (test/server/sheets/typed-text.test.ts writes the cases through it).
// Why not the plain-text format '@' instead: it is a state of the cell the office changes without knowing (a pasted
// or cleared range is Automatic again), while the apostrophe travels with the value; and text written with an
// apostrophe into a '@' cell keeps the apostrophe, so the CRM formats no column as text.
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
const BOOLEAN = /^\s*(?:true|false|истина|ложь)\s*$/i;
/** Digits and separators around one word: "Jan 2", "2 января 2026 г.", "9:30 pm", "5 шт" (a date's month name). */
const ONE_WORD_AND_DIGITS = /^[\s\d()+\-.,/:%]*[A-Za-zА-Яа-яЁё]{1,10}\.?[\s\d()+\-.,/:%]*(?:г\.?)?\s*$/;
/** An ISO date-time ("2026-12-01T10:00:00.000Z"). */
const ISO_DATE_TIME = /^\s*\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?\s*$/;

/** Whether Sheets would make something other than this text of it (a formula, number, date or boolean). */
export function sheetsWouldParse(text: string): boolean {
  if (FORMULA_OR_MARK.test(text)) return true;
  // Two linear tests rather than one pattern with a digit in the middle, which backtracks on a long cell.
  if (NUMBER_CHARS.test(text) && DIGIT.test(text)) return true;
  if (text.length <= 40 && DIGIT.test(text) && (ONE_WORD_AND_DIGITS.test(text) || ISO_DATE_TIME.test(text)))
    return true;
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
