// Text that people typed goes into cells as text, never as a formula: Sheets reads a leading = + - @ as the start of
// a formula (a phone number "+7 …" included), and a leading apostrophe is swallowed as the "this is text" mark. One
// apostrophe in front keeps such text exactly as typed.

import type { Cell } from '../sheets/table';

const NEEDS_QUOTE = /^[=+\-@'\t\r]/;

export function textCell(value: unknown): string {
  const text = String(value ?? '');
  return NEEDS_QUOTE.test(text) ? `'${text}` : text;
}

/**
 * Writes some columns of one row: one setValues when the columns are side by side, else one setValue each. Columns
 * the office added, and those we do not change, keep what they hold.
 */
export function writeCells(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: Record<string, number>,
  rowNumber: number,
  changes: Record<string, Cell>,
): void {
  const entries = Object.keys(changes)
    .filter((k) => columns[k] !== undefined && columns[k] >= 0)
    .map((k) => [k, changes[k]] as const);
  if (!entries.length) return;
  const cols = entries.map(([k]) => columns[k]);
  const min = Math.min(...cols);
  const max = Math.max(...cols);
  if (max - min + 1 === entries.length) {
    const row = new Array<Cell>(entries.length);
    for (const [k, v] of entries) row[columns[k] - min] = v;
    sheet.getRange(rowNumber, min + 1, 1, entries.length).setValues([row]);
  } else {
    for (const [k, v] of entries) sheet.getRange(rowNumber, columns[k] + 1).setValue(v);
  }
}
