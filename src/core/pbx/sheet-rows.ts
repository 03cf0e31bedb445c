// Reading and writing the rows of the Callbacks and New callers sheets wherever the office moved their columns: the
// header found by the template (core/events/table.ts), each row by column key.

import { cellText, findTable, isBlankRow, Table } from '../events/table';
import { parseEventDate } from '../events/row';
import type { CellValue } from '../sheets/cell-text';
import { SheetKey, template } from '../sheets/templates';

export interface SheetRows {
  table: Table | undefined;
  rows: Array<{ row: number; cells: unknown[] }>;
}

/** The header and the data rows (1-based sheet rows) of a sheet read whole from A1. */
export function sheetRows(values: unknown[][], key: SheetKey): SheetRows {
  const table = findTable(values, template(key));
  if (!table) return { table, rows: [] };
  const rows: SheetRows['rows'] = [];
  for (let i = table.headerIndex + 1; i < values.length; i++)
    if (!isBlankRow(values[i])) rows.push({ row: i + 1, cells: values[i] ?? [] });
  return { table, rows };
}

export function textAt(table: Table, cells: unknown[], key: string): string {
  return cellText(cells, table.columns[key] ?? -1);
}

export function dateAt(table: Table, cells: unknown[], key: string, timeZone: string): Date | undefined {
  const i = table.columns[key] ?? -1;
  if (i < 0 || cellText(cells, i) === '') return undefined;
  return parseEventDate(cells[i], timeZone)?.at;
}

export function numberAt(table: Table, cells: unknown[], key: string): number {
  const n = Number(textAt(table, cells, key).replace(',', '.'));
  return Number.isFinite(n) ? n : 0;
}

/** A record's cells placed at the sheet's columns (0-based); keys the sheet lacks are left out. */
export function placeCells(
  table: Table | undefined,
  key: SheetKey,
  values: Record<string, CellValue>,
): Map<number, CellValue> {
  const columns = table?.columns ?? Object.fromEntries(template(key).columns.map((c, i) => [c.key, i]));
  const out = new Map<number, CellValue>();
  for (const [k, v] of Object.entries(values)) {
    const c = columns[k] ?? -1;
    if (c >= 0) out.set(c, v);
  }
  return out;
}
