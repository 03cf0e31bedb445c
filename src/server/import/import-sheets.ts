// The import's sheets (Imports, Import log, Import queue) and Settings, read in ONE values.batchGet and written
// through spreadsheets.batchUpdate requests (sheets/values-batch.ts): an execution of the import pays one read for
// everything it needs to know, and each of its writes — a staged chunk, a People batch's journal entries with the
// import's progress — is one atomic request, where the spreadsheet service needed a request per range and per
// sheet (and a getLastRow and a getMaxRows before each block of rows).

import { findTable, HEADER_SEARCH_ROWS } from '../../core/events/table';
import { localParts } from '../../core/events/zone';
import type { RowRecord } from '../../core/ports/table';
import type { CellValue } from '../../core/sheets/cell-text';
import { SheetKey, template } from '../../core/sheets/templates';
import { officeSettings, type StoredSettings } from '../sheets/settings';
import { crmSheet, crmSpreadsheet } from '../sheets/crm-spreadsheet';
import { CrmTable } from '../sheets/table';
import { a1, appendRows, cellData, readRanges, rowData, updateCellsOfRow } from '../sheets/values-batch';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;

/** Sheets' day 0 is 30 December 1899: the serial of 1970-01-01 is 25569. */
const SERIAL_EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;

/** One sheet of the read: its table (columns found by header, contents as read) and its id for write requests. */
export interface ReadSheet {
  table: CrmTable;
  sheetId: number;
  /** Rows the read saw, header included (where an append lands is the API's business, not ours). */
  height: number;
}

export interface ImportSheets {
  ss: Spreadsheet;
  settings: StoredSettings;
  /** The office's zone, for the dates written (Settings → timeZone; the script's zone if it is blank). */
  timeZone: string;
  imports?: ReadSheet;
  log?: ReadSheet;
  queue?: ReadSheet;
}

/** 'all': the whole sheet; 'header': the rows a header may be among (enough to write rows under it). */
export type Want = 'all' | 'header';

/**
 * batchGet leaves out trailing blank cells and rows and gives dates as serial numbers: the rows are padded to the
 * widest so the table layer reads a blank as '' (as getValues gives it), and the template's date columns are turned
 * back into Dates in the office's zone.
 */
function asGetValues(key: SheetKey, values: unknown[][], timeZone: string): unknown[][] {
  // A reduce, not Math.max(...rows): a log of 100,000 rows would pass the engine's limit on arguments.
  const width = values.reduce((w, r) => Math.max(w, r.length), 1);
  const rows = values.map((r) => {
    const out = r.slice();
    for (let i = out.length; i < width; i++) out.push('');
    for (let i = 0; i < out.length; i++) if (out[i] === null || out[i] === undefined) out[i] = '';
    return out;
  });
  const dated = template(key)
    .columns.filter((c) => c.type === 'datetime')
    .map((c) => c.key);
  if (!dated.length) return rows;
  const found = findTable(rows, template(key));
  if (!found) return rows;
  const at = dated.map((k) => found.columns[k] ?? -1).filter((c) => c >= 0);
  for (let i = found.headerIndex + 1; i < rows.length; i++)
    for (const c of at) if (typeof rows[i][c] === 'number') rows[i][c] = dateOfSerial(rows[i][c] as number, timeZone);
  return rows;
}

/** The instant Sheets shows as `serial` in `timeZone` (the inverse of values-batch serialOf). */
export function dateOfSerial(serial: number, timeZone: string): Date {
  const wall = Math.round((serial - SERIAL_EPOCH_DAYS) * DAY_MS);
  // The zone's offset at about that instant (exact except within the hour a clock change skips or repeats).
  const p = localParts(wall, timeZone);
  const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return new Date(wall - (shown - Math.floor(wall / 1000) * 1000));
}

/** Reads the named sheets and Settings in one request. A sheet the spreadsheet lacks is an error naming it. */
export function readImportSheets(want: { imports?: Want; log?: Want; queue?: Want }): ImportSheets {
  const ss = crmSpreadsheet();
  const keys = { imports: 'imports', log: 'importLog', queue: 'importStaging' } as const;
  const parts = (Object.keys(want) as Array<keyof typeof keys>).filter((k) => want[k]);
  const sheets = parts.map((part) => {
    const sheet = crmSheet(keys[part], ss);
    if (!sheet) throw new Error(`The "${template(keys[part]).title.en}" sheet is missing: run CRM → Set up.`);
    return sheet;
  });
  const settingsSheet = crmSheet('settings', ss);
  const ranges = sheets.map((s, i) =>
    a1(s.getName(), want[parts[i]] === 'all' ? undefined : `1:${HEADER_SEARCH_ROWS}`),
  );
  if (settingsSheet) ranges.push(a1(settingsSheet.getName()));
  const values = readRanges(ss, ranges);
  const settingsRows = settingsSheet ? (values[values.length - 1] as unknown[][]) : undefined;
  const settings: StoredSettings = Object.assign(officeSettings(settingsRows ?? []), { rows: settingsRows });
  const timeZone = settings.get('timeZone') || Session.getScriptTimeZone();
  const out: ImportSheets = { ss, settings, timeZone };
  parts.forEach((part, i) => {
    const rows = asGetValues(keys[part], values[i], timeZone);
    // A header-only read is not the sheet's contents: the table must not take it for them.
    const table = CrmTable.onSheet(keys[part], sheets[i], { values: rows, partial: want[part] !== 'all' });
    out[part] = { table, sheetId: sheets[i].getSheetId(), height: rows.length };
  });
  return out;
}

/** A record as the cells of one row across the table's columns (gaps left blank: the office's columns keep theirs). */
export function rowCells(table: CrmTable, record: RowRecord, timeZone: string): CellData[] {
  const width = Math.max(1, ...Object.values(table.columns).map((c) => c + 1));
  const cells: CellData[] = Array.from({ length: width }, () => ({}));
  for (const [k, v] of Object.entries(record)) {
    const at = table.columns[k] ?? -1;
    if (v !== undefined && at >= 0) cells[at] = cellData(v as CellValue, timeZone);
  }
  return cells;
}

/** Rows added under a table's last row with data, in one request (none for no rows). */
export function appendRecords(sheet: ReadSheet, records: RowRecord[], timeZone: string): Request[] {
  if (!records.length) return [];
  const missing = Object.keys(sheet.table.columns).filter((k) => sheet.table.columns[k] < 0);
  if (missing.length)
    throw new Error(`An import sheet has lost columns (${missing.join(', ')}): run CRM → Set up to repair it.`);
  return [
    appendRows(
      sheet.sheetId,
      records.map((r) => rowData(rowCells(sheet.table, r, timeZone))),
    ),
  ];
}

/** Some cells of one row (only the named columns the sheet has), as few updateCells as their runs allow. */
export function updateRecord(sheet: ReadSheet, rowNumber: number, changes: RowRecord, timeZone: string): Request[] {
  const cells = new Map<number, CellData>();
  for (const [k, v] of Object.entries(changes)) {
    const at = sheet.table.columns[k] ?? -1;
    // An empty value is written as a cell without one: the field mask names userEnteredValue, so it is cleared.
    if (v !== undefined && at >= 0) cells.set(at, cellData(v as CellValue, timeZone));
  }
  return updateCellsOfRow(sheet.sheetId, rowNumber, cells);
}
