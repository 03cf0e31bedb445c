// Reading a CRM sheet's getValues() when the office may have reordered columns, renamed them into another of our
// languages, inserted blank rows above the header or sorted the data.

import { headerKey, locateColumns, SheetTemplate } from '../sheets/template';

export interface Table {
  /** 0-based index of the header row in the values. */
  headerIndex: number;
  headers: string[];
  columns: Record<string, number>;
}

/** How many leading rows may precede the header (a title line, a blank line) before we give up. */
export const HEADER_SEARCH_ROWS = 5;

/**
 * The header is the first of the top rows that names the most template columns (at least `minColumns`).
 * Returns undefined when none does: the sheet is not this table.
 */
export function findTable(values: unknown[][], template: SheetTemplate, minColumns = 1): Table | undefined {
  let best: Table | undefined;
  let bestCount = 0;
  for (let i = 0; i < Math.min(values.length, HEADER_SEARCH_ROWS); i++) {
    const row = values[i] ?? [];
    const columns = locateColumns(template, row);
    const count = Object.keys(columns).filter((k) => columns[k] >= 0).length;
    if (count > bestCount) {
      best = { headerIndex: i, headers: row.map((h) => String(h ?? '')), columns };
      bestCount = count;
    }
  }
  return bestCount >= minColumns ? best : undefined;
}

export function isBlankRow(row: unknown[] | undefined): boolean {
  return (
    !row || row.every((c) => c === '' || c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))
  );
}

export function cellText(row: unknown[], index: number): string {
  if (index < 0) return '';
  const v = row[index];
  if (v === null || v === undefined) return '';
  return (isDate(v) ? v.toISOString() : String(v)).trim();
}

/** Cross-realm safe: script code runs in another vm realm, where `instanceof Date` fails for our Dates and theirs. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !isNaN((v as Date).getTime());
}

/** Compare names typed by people: case, spaces, punctuation and ё/е do not matter. */
export function sameText(a: unknown, b: unknown): boolean {
  const ka = headerKey(a);
  return ka !== '' && ka === headerKey(b);
}

/** A1-style column letter for messages ("column C"). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
