// A block of cells written in one updateCells request over a range: the rows given are written, and what the range
// holds beyond them is cleared ("If the data in rows does not cover the entire requested range, the fields matching
// those set in fields will be cleared", UpdateCellsRequest.range, Sheets API v4). So a refresh that writes fewer rows
// than the last one leaves nothing of the last one behind, without reading it first.
//
// Every cell goes through values-batch cellData: text as a typed stringValue, which Sheets stores as exactly that text
// — a manager named "=cmd" stays the text "=cmd", never a formula.

import type { LayoutRows } from '../../core/reports/report-sheet';
import { cellData } from '../sheets/values-batch';

type Request = GoogleAppsScript.Sheets.Schema.Request;

export interface Box {
  /** 1-based first row and column. */
  row: number;
  column: number;
  /** How many rows and columns the range covers (cleared where `rows` gives nothing). */
  rows: number;
  columns: number;
}

/** Whole days in `timeZone`: a Date at local midnight is written as a date, anything else as a date and time. */
export function writeBox(
  sheetId: number,
  box: Box,
  rows: LayoutRows,
  timeZone: string,
  dates: 'day' | 'time' = 'time',
) {
  const request: Request = {
    updateCells: {
      range: {
        sheetId,
        startRowIndex: box.row - 1,
        endRowIndex: box.row - 1 + box.rows,
        startColumnIndex: box.column - 1,
        endColumnIndex: box.column - 1 + box.columns,
      },
      rows: rows.slice(0, box.rows).map((r) => ({
        values: r.slice(0, box.columns).map((v) => cellData(v, timeZone, dates === 'day')),
      })),
      // The number format too: a date we wrote last time must not leave its format on the number written there now.
      fields: 'userEnteredValue,userEnteredFormat.numberFormat',
    },
  };
  return request;
}
