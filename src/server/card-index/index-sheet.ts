// The hidden "Card index" sheet: one row per client — keys (`,e-mail,+phone,`), resourceName, the list line
// (summary), the entry as JSON. The sheet is the CRM's own (rebuilt whole, header included, by every rebuild), so its
// columns are at fixed places, in template order: A keys, B contact, C summary, D JSON — the short columns first, so
// a search reads A:C and never the histories beside them. Between rebuilds rows are rewritten
// in place, appended, or emptied (a removed contact), never deleted: a row number found by one execution stays right
// while another writes. Cells are read and written through the table layer, which escapes them like every CRM cell.

import {
  ClientIndexEntry,
  ClientSummary,
  fitEntry,
  jsonChars,
  keysCell,
  keysFromCell,
  summaryCell,
  entryFromCell,
  summaryOfRowCells,
  utf8Bytes,
} from '../../core/card-index';
import { Locale } from '../../core/i18n/locale';
import { template } from '../../core/sheets/templates';
import { crmSheet } from '../sheets/crm-spreadsheet';
import { CrmTable, RowRecord } from '../sheets/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface IndexRow {
  keys: string[];
  resourceName: string;
  entry: ClientIndexEntry;
  /** UTF-8 size of the JSON as read (sizing the cache without writing every entry out again). */
  bytes?: number;
}

/** An index row with where it is in the sheet. */
export type IndexedRow = IndexRow & { rowNumber: number };

/** Sheets holds at most 50,000 characters in a cell; an escaping apostrophe and some slack stay under it. */
const MAX_JSON = 49_000;
const TEMPLATE = template('cardIndex');

const table = (sheet: Sheet, options: { read?: boolean } = {}) => CrmTable.fixed('cardIndex', sheet, options);

export function indexSheet(ss: Spreadsheet): Sheet | undefined {
  return crmSheet('cardIndex', ss);
}

/** For a rebuild that finds no index sheet (a spreadsheet set up before the index existed). */
export function createIndexSheet(ss: Spreadsheet, locale: Locale): Sheet {
  const sheet = ss.insertSheet(TEMPLATE.title[locale]);
  sheet.hideSheet();
  return sheet;
}

/** The Card index row codec. */
function toRecord(row: IndexRow): RowRecord {
  return {
    keys: keysCell(row.keys),
    resourceName: row.resourceName,
    json: JSON.stringify(fitEntry(row.entry, MAX_JSON, jsonChars)),
    summary: summaryCell(row.entry),
  };
}

function fromRecord(values: Record<string, unknown>): IndexRow | undefined {
  const keys = keysFromCell(values.keys);
  const resourceName = String(values.resourceName ?? '').trim();
  if (!keys.length || !resourceName) return undefined;
  // An index written before the list line had its column holds the JSON one column to the left: it still reads, so
  // an update never leaves the card blind until the next rebuild rewrites the sheet in today's order.
  for (const cell of [values.json, values.summary]) {
    const entry = entryFromCell(cell);
    if (entry) return { keys, resourceName, entry, bytes: utf8Bytes(String(cell)) };
  }
  return undefined;
}

/**
 * Replaces the whole index: one write for header and rows, then the rows a shorter index left behind are emptied.
 * About five requests whatever the number of clients.
 */
export function writeIndex(sheet: Sheet, rows: IndexRow[], locale: Locale): void {
  table(sheet).rewrite(rows.map(toRecord), locale);
}

/** Every readable row, in one request. Rows someone damaged by hand are skipped: the next rebuild rewrites them. */
export function readIndex(sheet: Sheet): IndexRow[] {
  const out: IndexRow[] = [];
  for (const row of table(sheet, { read: true }).rows()) {
    const read = fromRecord(row.values);
    if (read) out.push(read);
  }
  return out;
}

/**
 * Every client's list line (keys, contact, summary columns only: a search never reads the entries' histories), in
 * one request. Rows someone damaged by hand are skipped, as readIndex skips them.
 */
export function readSummaries(sheet: Sheet): ClientSummary[] {
  const out: ClientSummary[] = [];
  for (const { rowNumber, values } of table(sheet).columnRows(['keys', 'resourceName', 'summary'])) {
    const summary = summaryOfRowCells(values.keys, values.resourceName, values.summary);
    if (summary) out.push({ ...summary, indexRow: rowNumber });
  }
  return out;
}

/** Sheet rows of a contact: one TextFinder request on the contact column. */
export function rowsOfContact(sheet: Sheet, resourceName: string): number[] {
  return table(sheet).findRows('resourceName', resourceName);
}

export function readRow(sheet: Sheet, rowNumber: number): IndexRow | undefined {
  const values = table(sheet).readRow(rowNumber);
  return values && fromRecord(values);
}

export function writeRow(sheet: Sheet, rowNumber: number, row: IndexRow): void {
  table(sheet).update(rowNumber, toRecord(row));
}

/** appendRow is atomic: two people adding clients at once both land. */
export function appendIndexRow(sheet: Sheet, row: IndexRow): void {
  table(sheet).append([toRecord(row)]);
}

/**
 * Every row holding `key` (normally one; two contacts may share an e-mail or a phone): one TextFinder request for
 * `,key,` on the keys column, then each candidate row.
 */
export function rowsByKey(sheet: Sheet, key: string): IndexedRow[] {
  const index = table(sheet);
  const out: IndexedRow[] = [];
  for (const rowNumber of index.findRows('keys', `,${key},`, { entireCell: false, matchCase: false })) {
    const values = index.readRow(rowNumber);
    const row = values && fromRecord(values);
    if (row && row.keys.includes(key)) out.push({ ...row, rowNumber });
  }
  return out;
}

/**
 * The row holding `key`, found without reading the sheet: one TextFinder request for `,key,` on the keys column, then
 * the candidate row (normally exactly one).
 */
export function findByKey(sheet: Sheet, key: string): IndexedRow | undefined {
  const index = table(sheet);
  for (const rowNumber of index.findRows('keys', `,${key},`, { entireCell: false, matchCase: false })) {
    const values = index.readRow(rowNumber);
    const row = values && fromRecord(values);
    if (row && row.keys.includes(key)) return { ...row, rowNumber };
  }
  return undefined;
}

/** What an upsert does to one contact: its row built from the row it had (undefined when it had none). */
export interface RowChange {
  resourceName: string;
  row: (existing: IndexRow | undefined) => IndexRow | undefined;
}

/**
 * Many contacts' rows in one pass: the sheet read ONCE, each changed contact's row rewritten in place (a second row
 * of the same contact, left by two appends at once, emptied), new contacts appended in one write, removed contacts'
 * rows emptied (not deleted: rows never move, so a row number another execution just found stays right until the
 * next rebuild compacts the sheet). Writes go one per run of adjacent rows, or one over their span when scattered
 * (CrmTable.writeRowsAt). Returns the rows written.
 */
export function upsertIndex(sheet: Sheet, changes: RowChange[], removed: string[]): IndexRow[] {
  const index = table(sheet, { read: true });
  const rowsOf = new Map<string, Array<{ rowNumber: number; row: IndexRow | undefined }>>();
  for (const { rowNumber, values } of index.rows()) {
    const resourceName = String(values.resourceName ?? '').trim();
    if (!resourceName) continue;
    const list = rowsOf.get(resourceName) ?? [];
    list.push({ rowNumber, row: fromRecord(values) });
    rowsOf.set(resourceName, list);
  }
  const writes: Array<{ rowNumber: number; record: RowRecord | null }> = [];
  const appended: RowRecord[] = [];
  const written: IndexRow[] = [];
  for (const change of changes) {
    const [first, ...others] = rowsOf.get(change.resourceName) ?? [];
    const next = change.row(first?.row);
    others.forEach((o) => writes.push({ rowNumber: o.rowNumber, record: null }));
    if (!next) {
      if (first) writes.push({ rowNumber: first.rowNumber, record: null });
      continue;
    }
    written.push(next);
    if (first) writes.push({ rowNumber: first.rowNumber, record: toRecord(next) });
    else appended.push(toRecord(next));
    rowsOf.delete(change.resourceName);
  }
  for (const resourceName of removed)
    for (const { rowNumber } of rowsOf.get(resourceName) ?? []) writes.push({ rowNumber, record: null });
  index.writeRowsAt(writes);
  index.append(appended);
  return written;
}

/** Empties one row (a removed contact's), leaving every other row where it is. */
export function clearRow(sheet: Sheet, rowNumber: number): void {
  table(sheet).writeRowsAt([{ rowNumber, record: null }]);
}

/** The index's columns in sheet order (A keys, B contact, C summary, D JSON: the sheet is the CRM's, rebuilt whole). */
const ORDER = TEMPLATE.columns.map((c) => c.key);

/** One row's cells (A:D) as a batch read gives them → the row; undefined when empty or damaged. */
export function indexRowFromCells(cells: unknown[] | undefined): IndexRow | undefined {
  if (!cells) return undefined;
  const values: Record<string, unknown> = {};
  ORDER.forEach((key, i) => (values[key] = cells[i]));
  return fromRecord(values);
}

/** The row's cells in sheet order, for a batch write (text exactly as is: the batch path needs no escaping). */
export function indexRowCells(row: IndexRow): string[] {
  const record = toRecord(row);
  return ORDER.map((key) => String(record[key] ?? ''));
}
