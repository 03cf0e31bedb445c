// A1 notation both ways. Columns are letters (A..Z, AA..), rows 1-based, as Sheets shows them.

export interface GridBox {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function boxA1(b: GridBox): string {
  const first = cellA1(b.row, b.column);
  return b.numRows === 1 && b.numColumns === 1
    ? first
    : `${first}:${cellA1(b.row + b.numRows - 1, b.column + b.numColumns - 1)}`;
}

function letterValue(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Ref {
  column?: number;
  row?: number;
}

function parseRef(s: string): Ref | undefined {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(s);
  if (!m || (!m[1] && !m[2])) return undefined;
  const ref: Ref = {};
  if (m[1]) ref.column = letterValue(m[1]);
  if (m[2]) {
    ref.row = Number(m[2]);
    if (ref.row < 1) return undefined;
  }
  return ref;
}

/**
 * `B2`, `B2:C5`, whole columns `A:C`, whole rows `2:4`, open-ended `A2:A` (to the sheet's last row). `undefined` for
 * anything else (including a sheet-qualified reference, which Sheet.getRange does not take here).
 */
export function parseA1(text: string, maxRows: number, maxColumns: number): GridBox | undefined {
  const parts = text.trim().split(':');
  if (parts.length > 2 || parts.some((p) => !p)) return undefined;
  const a = parseRef(parts[0]);
  const b = parts.length === 2 ? parseRef(parts[1]) : a;
  if (!a || !b) return undefined;
  if (parts.length === 1 && (a.row === undefined || a.column === undefined)) return undefined;
  const c1 = a.column ?? 1;
  const c2 = b.column ?? (a.column === undefined ? maxColumns : a.column);
  const r1 = a.row ?? 1;
  const r2 = b.row ?? maxRows;
  if ((a.column === undefined) !== (b.column === undefined) && a.row === undefined) return undefined;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
}
