// A CRM table of rows: one sheet of the CRM spreadsheet (Events, Imports, Import log, Card index, Settings…) read and
// written by column key, never by position, because the office reorders columns, adds its own, sorts rows and puts
// title lines above the header. The header is found wherever it is among the top rows (core findTable,
// src/core/events/table.ts); every string written passes the one escaping rule (src/core/sheets/cell-text.ts).
// Implemented over SpreadsheetApp by src/server/sheets/table.ts (CrmTable), the only code that writes CRM cells.

import type { CellValue } from '../sheets/cell-text';

/** Cells of one row by column key; keys the sheet has no column for, and undefined values, are not written. */
export type RowRecord = Record<string, CellValue | undefined>;

export interface TableRow {
  /** The spreadsheet row, 1-based, as the office sees it. */
  rowNumber: number;
  /** The row's values by column key (undefined for a column the sheet lacks). */
  values: Record<string, unknown>;
}

export interface FindOptions {
  /** Whole cell (default) or a part of it. */
  entireCell?: boolean;
  /** Case matters (default) or not. */
  matchCase?: boolean;
}

export interface RowTable {
  /** Column key → 0-based index; -1 for a template column the sheet lacks. */
  readonly columns: Readonly<Record<string, number>>;
  /** 1-based row of the header (title rows may stand above it). */
  readonly headerRow: number;
  /** The data rows below the header, blank ones left out. */
  rows(): TableRow[];
  /** One row's values by column key, read on its own (undefined above or on the header). */
  readRow(rowNumber: number): Record<string, unknown> | undefined;
  /** New rows after the last one, atomically: two people appending at once both land. */
  append(records: RowRecord[]): void;
  /** Some columns of one row; the office's own columns and those not named keep what they hold. */
  update(rowNumber: number, changes: RowRecord): void;
  /** The first data row whose `key` column holds `value` (by content, so a sorted sheet is still right); 0 if none. */
  findRow(key: string, value: string): number;
  /** Every data row whose `key` column holds `text`. */
  findRows(key: string, text: string, options?: FindOptions): number[];
}
