// Writing a block of rows where the grid may be too short. A range past the sheet's last row is an error in Sheets
// (unlike appendRow), so the grid grows first; the sheet's size is asked once per table and then tracked.

import type { CellValue } from '../../core/sheets/cell-text';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows added at least, when appends grow a sheet: a long run of appends then does not pay for a grow each time. */
const GROW_BY = 2000;

export class GridRows {
  private maxRows: number | undefined;

  constructor(private readonly sheet: Sheet) {}

  /**
   * Rows of cells (already escaped) from row `first` in one setValues. `exact` grows the grid only as far as needed:
   * for a sheet rewritten whole, which is not appended to afterwards.
   */
  write(first: number, rows: CellValue[][], options: { exact?: boolean } = {}): void {
    if (!rows.length) return;
    this.ensureRows(first + rows.length - 1, options.exact ? 0 : GROW_BY);
    this.sheet.getRange(first, 1, rows.length, rows[0].length).setValues(rows);
  }

  private ensureRows(lastRow: number, ahead: number): void {
    const max = this.maxRows ?? this.sheet.getMaxRows();
    if (lastRow > max) {
      const add = Math.max(lastRow - max, ahead);
      this.sheet.insertRowsAfter(max, add);
      this.maxRows = max + add;
    } else this.maxRows = max;
  }
}

/** Cells of one column grouped into runs of adjacent rows, in row order: one write per run. */
export function contiguousRuns<T extends { rowNumber: number }>(cells: T[]): T[][] {
  const sorted = [...cells].sort((a, b) => a.rowNumber - b.rowNumber);
  const runs: T[][] = [];
  for (const cell of sorted) {
    const run = runs[runs.length - 1];
    if (run && cell.rowNumber === run[run.length - 1].rowNumber + 1) run.push(cell);
    else if (!run || cell.rowNumber !== run[run.length - 1].rowNumber) runs.push([cell]);
  }
  return runs;
}
