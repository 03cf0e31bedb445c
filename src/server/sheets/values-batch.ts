// Many ranges in one request, many writes in one request: the Sheets API (the `Sheets` advanced service) where the
// spreadsheet service would need a request per range. The day's screens read Settings, Lists, Staff, Labels, the open
// events and the Card index in ONE values.batchGet, and a click writes the Events row, the store row and the index row
// in ONE spreadsheets.batchUpdate, which Google applies atomically (all requests or none).
//
// Cells written here are CellData with a typed userEnteredValue: a stringValue is stored as exactly that text — never
// a formula, number or date — so no escaping apostrophe is needed (the spreadsheet service's setValues parses text the
// way a person's typing is parsed; core/sheets/cell-text.ts escapes for that path). Dates are serial numbers in the
// office's zone, which is the spreadsheet's (Settings → timeZone is applied to the spreadsheet when saved), with the
// date format the template gives the column.

import type { CellValue } from '../../core/sheets/cell-text';
import { localParts } from '../../core/events/zone';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type RowData = GoogleAppsScript.Sheets.Schema.RowData;

/** Sheets' day 0 is 30 December 1899: the serial of 1970-01-01 is 25569. */
const SERIAL_EPOCH_DAYS = 25569;
export const DATE_TIME_PATTERN = 'dd.mm.yyyy hh:mm';
export const DATE_PATTERN = 'dd.mm.yyyy';

/** `'Card index'!A2:C` — a sheet title quoted as A1 notation requires (an apostrophe doubled). */
export function a1(title: string, range?: string): string {
  const quoted = `'${title.replace(/'/g, "''")}'`;
  return range ? `${quoted}!${range}` : quoted;
}

/**
 * The values of each range, in order, as the API gives them unformatted: numbers, booleans and strings; dates as
 * serial numbers (core parseEventDate reads them in the office's zone); trailing blank rows and cells left out.
 */
export function readRanges(ss: Spreadsheet, ranges: string[]): unknown[][][] {
  const out: unknown[][][] = [];
  for (const chunk of urlSizedChunks(ss.getId(), ranges)) {
    const reply = Sheets!.Spreadsheets!.Values!.batchGet(ss.getId(), {
      ranges: chunk,
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    const got = reply.valueRanges ?? [];
    chunk.forEach((_, i) => out.push((got[i]?.values ?? []) as unknown[][]));
  }
  return out;
}

/**
 * values.batchGet sends its ranges in the URL, and Google's front end refuses a URL over 8,192 characters (414;
 * UNVERIFIED for Sheets, see the emulator's sheets/limits.ts). Many scattered rows (a run touching a hundred clients'
 * index rows) are therefore read in as few requests as fit, each range counted escaped as the client sends it.
 */
const BATCH_GET_URL_CHARS = 8_000;
const escapedLength = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, '%XX').length;

export function urlSizedChunks(spreadsheetId: string, ranges: string[]): string[][] {
  const fixed =
    'https://sheets.googleapis.com/v4/spreadsheets//values:batchGet?valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=SERIAL_NUMBER'
      .length + escapedLength(spreadsheetId);
  const chunks: string[][] = [];
  let current: string[] = [];
  let length = fixed;
  for (const range of ranges) {
    const cost = '&ranges='.length + escapedLength(range);
    if (current.length && length + cost > BATCH_GET_URL_CHARS) {
      chunks.push(current);
      current = [];
      length = fixed;
    }
    current.push(range);
    length += cost;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** Ranges asked for one by one as a read is planned, then read in ONE values.batchGet, each answer to its reader. */
export class BatchRead {
  private readonly ranges: string[] = [];
  private readonly readers: Array<(values: unknown[][]) => void> = [];

  ask(range: string, use: (values: unknown[][]) => void): void {
    this.ranges.push(range);
    this.readers.push(use);
  }

  read(ss: Spreadsheet): void {
    readRanges(ss, this.ranges).forEach((values, i) => this.readers[i](values));
  }
}

/** Applies the requests in one atomic batchUpdate (nothing when there are none). */
export function writeBatch(ss: Spreadsheet, requests: Request[]): void {
  if (!requests.length) return;
  Sheets!.Spreadsheets!.batchUpdate({ requests }, ss.getId());
}

/** The serial number Sheets shows as `at`'s wall-clock time in `timeZone`. */
export function serialOf(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall / 86_400_000 + SERIAL_EPOCH_DAYS;
}

/** One cell as typed data; a Date with the column's date format (date only for a whole-day event). */
export function cellData(value: CellValue | null | undefined, timeZone: string, allDay = false): CellData {
  if (value === null || value === undefined || value === '') return {};
  if (value instanceof Date)
    return {
      userEnteredValue: { numberValue: serialOf(value, timeZone) },
      userEnteredFormat: { numberFormat: { type: 'DATE_TIME', pattern: allDay ? DATE_PATTERN : DATE_TIME_PATTERN } },
    };
  if (typeof value === 'number') return { userEnteredValue: { numberValue: value } };
  if (typeof value === 'boolean') return { userEnteredValue: { boolValue: value } };
  return { userEnteredValue: { stringValue: value } };
}

export function rowData(cells: CellData[]): RowData {
  return { values: cells };
}

/** The fields a write sets: values, and the number format where a date is written. */
function fieldsOf(rows: RowData[]): string {
  const dated = rows.some((r) => (r.values ?? []).some((c) => c.userEnteredFormat));
  return dated ? 'userEnteredValue,userEnteredFormat.numberFormat' : 'userEnteredValue';
}

/** Cells written at a 1-based row and 0-based column (one contiguous run of a row). */
export function updateAt(sheetId: number, row: number, column: number, cells: CellData[]): Request {
  const rows = [rowData(cells)];
  return {
    updateCells: { start: { sheetId, rowIndex: row - 1, columnIndex: column }, rows, fields: fieldsOf(rows) },
  };
}

/** Rows added after the sheet's last row with data (atomic: two executions appending both land). */
export function appendRows(sheetId: number, rows: RowData[]): Request {
  return { appendCells: { sheetId, rows, fields: fieldsOf(rows) } };
}

/**
 * Writes the given cells of one row (by 0-based column) as few runs as they form: one updateCells per run of adjacent
 * columns, so the office's own columns between ours are left alone.
 */
export function updateCellsOfRow(sheetId: number, row: number, cells: Map<number, CellData>): Request[] {
  const columns = [...cells.keys()].sort((a, b) => a - b);
  const out: Request[] = [];
  let start = -1;
  let run: CellData[] = [];
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    if (start < 0 || c !== columns[i - 1] + 1) {
      if (run.length) out.push(updateAt(sheetId, row, start, run));
      start = c;
      run = [];
    }
    run.push(cells.get(c)!);
  }
  if (run.length) out.push(updateAt(sheetId, row, start, run));
  return out;
}
