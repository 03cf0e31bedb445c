// The import journal port (core/ports/journal.ts) on the spreadsheet: one row in the Imports sheet (when, who, file,
// counts, status) that the office can read, and the hidden Import log with what each batch created or changed,
// written around every batch so an interrupted import can be resumed and any import undone.

import type { ImportCounts, ImportJournal, JournalAction, JournalEntry } from '../../core/ports/journal';
import type { ImportRecord, ImportStatus } from '../../shared/import-dto';
import { CrmTable, TableRow } from '../sheets/table';

function iso(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v ?? '');
}

function num(v: unknown): number {
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
}

export function toRecord(row: TableRow): ImportRecord {
  const v = row.values;
  return {
    id: String(v.id),
    startedAt: iso(v.startedAt),
    by: String(v.by ?? ''),
    file: String(v.file ?? ''),
    created: num(v.created),
    updated: num(v.updated),
    skipped: num(v.skipped),
    errors: num(v.errors),
    status: String(v.status ?? ''),
    finishedAt: iso(v.finishedAt),
  };
}

export function findRecord(importId: string): { table: CrmTable; row?: TableRow } {
  const table = CrmTable.open('imports', { read: true });
  return { table, row: table.rows().find((r) => String(r.values.id) === importId) };
}

export function allRecords(): ImportRecord[] {
  return CrmTable.open('imports', { read: true })
    .rows()
    .filter((r) => String(r.values.id).trim())
    .map(toRecord)
    .reverse();
}

export function startRecord(importId: string, file: string, errors: number): void {
  const { table, row } = findRecord(importId);
  const values = {
    id: importId,
    startedAt: new Date(),
    by: Session.getEffectiveUser().getEmail(),
    file,
    created: 0,
    updated: 0,
    skipped: 0,
    errors,
    status: 'staged' as ImportStatus,
    finishedAt: '',
  };
  if (row) table.update(row.rowNumber, values);
  else table.append([values]);
}

/** Counts, status and finish time in one write (they are adjacent columns unless the office moved them). */
function updateRecord(table: CrmTable, rowNumber: number, counts: Partial<ImportCounts>, status: ImportStatus): void {
  const finished = status === 'done' || status === 'undone' || status === 'failed' ? new Date() : '';
  table.update(rowNumber, { ...counts, status, finishedAt: finished });
}

// One execution writes one import's log: open the sheet once and append to it from then on (Apps Script starts each
// execution with fresh globals, so this never outlives the run).
let logTable: CrmTable | undefined;

export function writeLog(entries: JournalEntry[]): void {
  if (!entries.length) return;
  logTable ??= CrmTable.open('importLog');
  logTable.appendBlock(
    entries.map((e) => ({
      importId: e.importId,
      resourceName: e.resourceName,
      action: e.action,
      before: e.before ? JSON.stringify(e.before) : '',
      fields: e.fields ?? '',
      labels: e.labels ?? '',
    })),
  );
}

export function readLog(importId: string): JournalEntry[] {
  const table = CrmTable.open('importLog', { read: true });
  // The header just read serves this execution's later writeLog calls too, instead of a second header read.
  logTable ??= table;
  return table
    .rows()
    .filter((r) => String(r.values.importId) === importId)
    .map((r) => ({
      importId,
      resourceName: String(r.values.resourceName ?? ''),
      action: String(r.values.action) as JournalAction,
      before: r.values.before ? (JSON.parse(String(r.values.before)) as JournalEntry['before']) : undefined,
      fields: String(r.values.fields ?? ''),
      labels: String(r.values.labels ?? ''),
    }));
}

/** The journal of one import whose Imports row is `rowNumber` of `table`. */
export function sheetJournal(table: CrmTable, rowNumber: number): ImportJournal {
  return {
    read: readLog,
    append: writeLog,
    progress: (counts, status) => updateRecord(table, rowNumber, counts, status),
  };
}
