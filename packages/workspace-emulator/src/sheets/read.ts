// What spreadsheets.values.* reads return for a box of cells: ValueRange.values, with Google's trimming (trailing empty
// rows and each row's trailing empty cells are left out; empty cells inside a row are ""; no `values` at all when
// nothing is left) and its render options.
// https://developers.google.com/sheets/api/reference/rest/v4/ValueRenderOption
// https://developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption
//
// FORMATTED_VALUE is the text the cell shows, the same text SpreadsheetApp's getDisplayValues gives (number-format.ts:
// only the formats the emulation understands exist in its cells). UNFORMATTED_VALUE gives numbers, booleans and
// strings; a date-time cell (a Date, or a number under a date format) is its serial number in the spreadsheet's zone
// (SERIAL_NUMBER) or its shown text (FORMATTED_STRING); a formula cell gives what it shows (#ERROR!, user-entered.ts).
// FORMULA is refused: not modelled (the product reads no formulas).

import { GridBox } from '../spreadsheet/a1';
import { displayText, parseFormat, toSerial } from '../spreadsheet/number-format';
import { CellRecord, SheetRecord, SpreadsheetRecord } from '../spreadsheet/store';

export const VALUE_RENDER = ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'] as const;
export const DATE_RENDER = ['SERIAL_NUMBER', 'FORMATTED_STRING'] as const;
export const DIMENSIONS = ['ROWS', 'COLUMNS'] as const;

export interface ReadOptions {
  valueRender: 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE';
  dateRender: (typeof DATE_RENDER)[number];
  majorDimension: (typeof DIMENSIONS)[number];
}

export type ApiValue = string | number | boolean;

export function renderCell(ss: SpreadsheetRecord, cell: CellRecord | undefined, opts: ReadOptions): ApiValue {
  const v = cell?.v ?? '';
  if (v === '') return '';
  if (opts.valueRender === 'FORMATTED_VALUE') return displayText(v, cell?.f, ss.timeZone, ss.locale);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  const format = cell?.f ? parseFormat(cell.f) : undefined;
  const isDateTime = v instanceof Date ? format?.kind !== 'number' : format?.kind === 'date';
  if (isDateTime && opts.dateRender === 'FORMATTED_STRING') return displayText(v, cell?.f, ss.timeZone, ss.locale);
  return v instanceof Date ? toSerial(v, ss.timeZone) : v;
}

/** Drops trailing "" of a line, then trailing empty lines. */
function trim(lines: ApiValue[][]): ApiValue[][] {
  for (const line of lines) while (line.length && line[line.length - 1] === '') line.pop();
  while (lines.length && !lines[lines.length - 1].length) lines.pop();
  return lines;
}

/** The box's values, trimmed as Google trims them; `cells` counts the stored cells the read had to look at. */
export function readBox(
  ss: SpreadsheetRecord,
  sheet: SheetRecord,
  box: GridBox,
  opts: ReadOptions,
): { values: ApiValue[][]; cells: number } {
  // Only rows that exist in the store can hold anything: a 25,000-row open range over 300 rows of data reads 300.
  const lastRow = Math.min(box.row + box.numRows - 1, sheet.rows.length);
  const lastColumn = box.column + box.numColumns - 1;
  const rows: ApiValue[][] = [];
  let cells = 0;
  for (let r = box.row; r <= lastRow; r++) {
    const stored = sheet.rows[r - 1];
    const line: ApiValue[] = [];
    if (stored) {
      const end = Math.min(lastColumn, stored.length);
      for (let c = box.column; c <= end; c++) line.push(renderCell(ss, stored[c - 1], opts));
      cells += Math.max(0, end - box.column + 1);
    }
    rows.push(line);
  }
  if (opts.majorDimension === 'ROWS') return { values: trim(rows), cells };
  const width = rows.reduce((m, l) => Math.max(m, l.length), 0);
  const columns: ApiValue[][] = [];
  for (let c = 0; c < width; c++) columns.push(rows.map((l) => l[c] ?? ''));
  return { values: trim(columns), cells };
}
