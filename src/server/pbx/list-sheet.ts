// Writing the rows of the Callbacks and New callers sheets in a batch: a changed row's cells in place (the office's
// own columns between ours left alone), new rows appended (atomic), dates in the office's zone.

import type { Table } from '../../core/events/table';
import type { CellValue } from '../../core/sheets/cell-text';
import type { SheetKey } from '../../core/sheets/templates';
import { placeCells } from '../../core/pbx/sheet-rows';
import { appendRows, cellData, rowData, updateCellsOfRow } from '../sheets/values-batch';

type Request = GoogleAppsScript.Sheets.Schema.Request;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;

export function listWrites(
  sheetId: number,
  key: SheetKey,
  table: Table | undefined,
  items: Array<{ row: number; cells: Record<string, CellValue> }>,
  timeZone: string,
): Request[] {
  const out: Request[] = [];
  const appended: CellData[][] = [];
  for (const item of items) {
    const placed = placeCells(table, key, item.cells);
    const cells = new Map<number, CellData>();
    for (const [c, v] of placed)
      cells.set(c, v === '' ? { userEnteredValue: { stringValue: '' } } : cellData(v, timeZone));
    if (item.row > 0) out.push(...updateCellsOfRow(sheetId, item.row, cells));
    else {
      const width = Math.max(...cells.keys()) + 1;
      appended.push(Array.from({ length: width }, (_, i) => cells.get(i) ?? {}));
    }
  }
  if (appended.length) out.push(appendRows(sheetId, appended.map(rowData)));
  return out;
}
