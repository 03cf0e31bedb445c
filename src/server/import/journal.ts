// The import journal port (core/ports/journal.ts) on the spreadsheet: one row in the Imports sheet (when, who, file,
// counts, status) that the office can read, and the hidden Import log with what each batch created or changed,
// written around every batch so an interrupted import can be resumed and any import undone. The rows themselves are
// core/import/journal-rows.ts; this file reads them (with the other import sheets, import-sheets.ts) and writes them.

import { headerLanguage } from '../../core/import/import-status';
import { importLogRow, importProgressRow, importRecord, journalEntry } from '../../core/import/journal-rows';
import type { Locale } from '../../core/i18n/locale';
import { template } from '../../core/sheets/templates';
import type { ImportCounts, ImportJournal, JournalEntry } from '../../core/ports/journal';
import type { RowRecord } from '../../core/ports/table';
import type { ImportRecord, ImportStatus } from '../../shared/import-dto';
import { CrmTable } from '../sheets/table';
import { writeBatch } from '../sheets/values-batch';
import { appendRecords, updateRecord, type ImportSheets } from './import-sheets';

/** An import's row in the Imports sheet, if it has one. */
export interface FoundImport {
  rowNumber: number;
  record: ImportRecord;
}

export function allRecords(): ImportRecord[] {
  return allRecordsIn(CrmTable.open('imports', { read: true }));
}

/** Every import of the Imports rows read, newest first. */
export function allRecordsIn(table: CrmTable): ImportRecord[] {
  return table
    .rows()
    .filter((r) => String(r.values.id).trim())
    .map((r) => importRecord(r.values))
    .reverse();
}

/** The language of the Imports sheet's header (read with its rows, so no Settings read): statuses are written in it. */
export function sheetLocale(table: CrmTable): Locale {
  return headerLanguage(template('imports'), table.values()[table.headerRow - 1] ?? []) ?? 'en';
}

/** The Imports row of `importId` among the rows the execution read. */
export function recordIn(table: CrmTable, importId: string): FoundImport | undefined {
  const row = table.rows().find((r) => String(r.values.id) === importId);
  return row && { rowNumber: row.rowNumber, record: importRecord(row.values) };
}

/** `importId`'s entries among the Import log rows the execution read. */
export function logEntries(table: CrmTable, importId: string): JournalEntry[] {
  return table
    .rows()
    .filter((r) => String(r.values.importId) === importId)
    .map(journalEntry);
}

/**
 * The journal of one import whose Imports row is `rowNumber`, over the sheets this execution read in one request.
 * Entries and the progress are gathered and written at each commit in ONE batchUpdate (the entries appended to the
 * Import log, the counts and status into the Imports row), which Google applies whole or not at all. The executor
 * commits before every People write, so the write-ahead holds: what undo needs is stored before the call is sent.
 */
export class SheetJournal implements ImportJournal {
  private rows: RowRecord[] = [];
  private status: RowRecord | undefined;
  private readonly entries: JournalEntry[];
  private readonly locale: Locale;

  constructor(
    private readonly sheets: ImportSheets,
    private readonly importId: string,
    private readonly rowNumber: number,
    /** The change journal's rows gathered since the last commit (backup/journal-sheet.ts), written with the entries. */
    private readonly changes?: { takeRequests(): GoogleAppsScript.Sheets.Schema.Request[] },
  ) {
    // Read once, here: a damaged cell is an error before anything is written.
    this.entries = logEntries(sheets.log!.table, importId);
    this.locale = sheetLocale(sheets.imports!.table);
  }

  read(importId: string): JournalEntry[] {
    if (importId !== this.importId) throw new Error(`This journal is import ${this.importId}'s, not ${importId}'s.`);
    return this.entries.slice();
  }

  append(entries: JournalEntry[]): void {
    this.entries.push(...entries);
    for (const e of entries) this.rows.push(importLogRow(e));
  }

  progress(counts: Partial<ImportCounts>, status: ImportStatus): void {
    this.status = { ...this.status, ...importProgressRow(counts, status, new Date(), this.locale) };
  }

  commit(): void {
    const { ss, timeZone } = this.sheets;
    const rows = this.rows;
    const status = this.status;
    // Taken out before the write: a write that fails after it was applied (its answer lost) must not be sent again
    // by the failed run's last commit, or the log would hold its entries twice. A write that failed unapplied loses
    // nothing undo needs: the People call it was to precede is never sent, and created contacts carry the import's
    // id in the account.
    this.rows = [];
    this.status = undefined;
    writeBatch(ss, [
      ...appendRecords(this.sheets.log!, rows, timeZone),
      ...(status ? updateRecord(this.sheets.imports!, this.rowNumber, status, timeZone) : []),
      ...(this.changes?.takeRequests() ?? []),
    ]);
  }
}
