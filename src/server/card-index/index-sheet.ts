// The hidden "Card index" sheet: one row per client — keys (`,e-mail,+phone,`), resourceName, the entry as JSON.
// The sheet is the CRM's own (rebuilt whole, header included, by every rebuild), so its columns are at fixed
// places: A keys, B contact, C JSON. Every text cell is written with a leading apostrophe so Sheets never reads
// "+7…" as a number or anything as a formula.

import { ClientIndexEntry, fitEntry, jsonChars, keysCell, keysFromCell, utf8Bytes } from '../../core/card-index';
import { Locale } from '../../core/i18n/locale';
import { template } from '../../core/sheets/templates';
import { crmSheet } from '../sheets/crm-spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface IndexRow {
  keys: string[];
  resourceName: string;
  entry: ClientIndexEntry;
  /** UTF-8 size of the JSON as read (sizing the cache without writing every entry out again). */
  bytes?: number;
}

const WIDTH = 3;
/** Sheets holds at most 50,000 characters in a cell; the apostrophe and some slack stay under it. */
const MAX_JSON = 49_000;
const TEMPLATE = template('cardIndex');

const text = (value: string) => `'${value}`;

export function indexSheet(ss: Spreadsheet): Sheet | undefined {
  return crmSheet('cardIndex', ss);
}

/** For a rebuild that finds no index sheet (a spreadsheet set up before the index existed). */
export function createIndexSheet(ss: Spreadsheet, locale: Locale): Sheet {
  const sheet = ss.insertSheet(TEMPLATE.title[locale]);
  sheet.hideSheet();
  return sheet;
}

function toCells(row: IndexRow): string[] {
  return [
    text(keysCell(row.keys)),
    text(row.resourceName),
    text(JSON.stringify(fitEntry(row.entry, MAX_JSON, jsonChars))),
  ];
}

function fromCells(cells: unknown[]): IndexRow | undefined {
  const keys = keysFromCell(cells[0]);
  const resourceName = String(cells[1] ?? '').trim();
  const json = String(cells[2] ?? '');
  if (!keys.length || !resourceName || !json.startsWith('{')) return undefined;
  try {
    const entry = JSON.parse(json) as ClientIndexEntry;
    return entry && typeof entry === 'object' && Array.isArray(entry.planned) && Array.isArray(entry.recent)
      ? { keys, resourceName, entry, bytes: utf8Bytes(json) }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Replaces the whole index: one write for header and rows, then the rows a shorter index left behind are emptied.
 * About five requests whatever the number of clients.
 */
export function writeIndex(sheet: Sheet, rows: IndexRow[], locale: Locale): void {
  const values = [TEMPLATE.columns.map((c) => text(c.title[locale])), ...rows.map(toCells)];
  const before = sheet.getLastRow();
  const maxRows = sheet.getMaxRows();
  if (values.length > maxRows) sheet.insertRowsAfter(maxRows, values.length - maxRows);
  sheet.getRange(1, 1, values.length, WIDTH).setValues(values);
  if (before > values.length) sheet.getRange(values.length + 1, 1, before - values.length, WIDTH).clearContent();
}

/** Every readable row, in one request. Rows someone damaged by hand are skipped: the next rebuild rewrites them. */
export function readIndex(sheet: Sheet): IndexRow[] {
  const values = sheet.getDataRange().getValues() as unknown[][];
  const out: IndexRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = fromCells(values[i]);
    if (row) out.push(row);
  }
  return out;
}

/** Sheet rows of a contact: one TextFinder request on the contact column. */
export function rowsOfContact(sheet: Sheet, resourceName: string): number[] {
  return sheet
    .getRange('B:B')
    .createTextFinder(resourceName)
    .matchEntireCell(true)
    .matchCase(true)
    .findAll()
    .map((r) => r.getRow())
    .filter((r) => r > 1);
}

export function readRow(sheet: Sheet, rowNumber: number): IndexRow | undefined {
  return fromCells(sheet.getRange(rowNumber, 1, 1, WIDTH).getValues()[0]);
}

export function writeRow(sheet: Sheet, rowNumber: number, row: IndexRow): void {
  sheet.getRange(rowNumber, 1, 1, WIDTH).setValues([toCells(row)]);
}

/** appendRow is atomic: two people adding clients at once both land. */
export function appendIndexRow(sheet: Sheet, row: IndexRow): void {
  sheet.appendRow(toCells(row));
}

/**
 * The row holding `key`, found without reading the sheet: one TextFinder request for `,key,` on the keys column, then
 * the candidate row (normally exactly one).
 */
export function findByKey(sheet: Sheet, key: string): (IndexRow & { rowNumber: number }) | undefined {
  const hits = sheet.getRange('A:A').createTextFinder(`,${key},`).findAll();
  for (const hit of hits) {
    const rowNumber = hit.getRow();
    if (rowNumber < 2) continue;
    const row = readRow(sheet, rowNumber);
    if (row && row.keys.includes(key)) return { ...row, rowNumber };
  }
  return undefined;
}
