// The import journal port (core/ports/journal.ts) on the spreadsheet: one row in the Imports sheet (when, who, file,
// counts, status) that the office can read, and the hidden Import log with what each batch created or changed,
// written around every batch so an interrupted import can be resumed and any import undone. The rows themselves are
// core/import/journal-rows.ts; this file only reads and writes them through the table layer.

import {
  importLogRow,
  importProgressRow,
  importRecord,
  journalEntry,
  stagedImportRow,
} from '../../core/import/journal-rows';
import { headerLanguage } from '../../core/import/import-status';
import type { Locale } from '../../core/i18n/locale';
import type { ImportCounts, ImportJournal, JournalEntry } from '../../core/ports/journal';
import { template } from '../../core/sheets/templates';
import type { ImportRecord, ImportStatus } from '../../shared/import-dto';
import { CrmTable } from '../sheets/table';

/** An import's row in the Imports sheet, if it has one. */
interface FoundImport {
  rowNumber: number;
  record: ImportRecord;
}

export function findRecord(importId: string): { table: CrmTable; found?: FoundImport } {
  const table = CrmTable.open('imports', { read: true });
  const row = table.rows().find((r) => String(r.values.id) === importId);
  return { table, found: row && { rowNumber: row.rowNumber, record: importRecord(row.values) } };
}

export function allRecords(): ImportRecord[] {
  return CrmTable.open('imports', { read: true })
    .rows()
    .filter((r) => String(r.values.id).trim())
    .map((r) => importRecord(r.values))
    .reverse();
}

/** The language of the Imports sheet's header (read with its rows, so no Settings read): statuses are written in it. */
function sheetLocale(table: CrmTable): Locale {
  return headerLanguage(template('imports'), table.values()[table.headerRow - 1] ?? []) ?? 'en';
}

export function startRecord(importId: string, file: string, errors: number): void {
  const { table, found } = findRecord(importId);
  const by = Session.getEffectiveUser().getEmail();
  const locale = sheetLocale(table);
  const values = stagedImportRow({ importId, file, by, errors, startedAt: new Date(), locale });
  if (found) table.update(found.rowNumber, values);
  else table.append([values]);
}

function updateRecord(
  table: CrmTable,
  rowNumber: number,
  counts: Partial<ImportCounts>,
  status: ImportStatus,
  locale: Locale,
): void {
  table.update(rowNumber, importProgressRow(counts, status, new Date(), locale));
}

// One execution writes one import's log: open the sheet once and append to it from then on (Apps Script starts each
// execution with fresh globals, so this never outlives the run).
let logTable: CrmTable | undefined;

export function writeLog(entries: JournalEntry[]): void {
  if (!entries.length) return;
  logTable ??= CrmTable.open('importLog');
  logTable.appendBlock(entries.map(importLogRow));
}

export function readLog(importId: string): JournalEntry[] {
  const table = CrmTable.open('importLog', { read: true });
  // The header just read serves this execution's later writeLog calls too, instead of a second header read.
  logTable ??= table;
  return table
    .rows()
    .filter((r) => String(r.values.importId) === importId)
    .map(journalEntry);
}

/** The journal of one import whose Imports row is `rowNumber` of `table`. */
export function sheetJournal(table: CrmTable, rowNumber: number): ImportJournal {
  // Decided now, while the rows findRecord read are still in hand (a write drops them).
  const locale = sheetLocale(table);
  return {
    read: readLog,
    append: writeLog,
    progress: (counts, status) => updateRecord(table, rowNumber, counts, status, locale),
  };
}
