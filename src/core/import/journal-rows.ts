// The import journal's two sheets, row by row (their columns: sheets-templates/imports.json and import-log.json):
// an Imports row ⇄ ImportRecord, what the office reads about each import; an Import log row ⇄ JournalEntry
// (core/ports/journal.ts), what resume and undo read back. Pure: the table layer (core/ports/table.ts) stores and
// escapes the cells, src/server/import/journal.ts only moves rows between the two.

import type { ImportRecord, ImportStatus } from '../../shared/import-dto';
import type { Locale } from '../i18n/locale';
import { importStatusWord, parseImportStatus } from './import-status';
import type { ImportCounts, JournalAction, JournalEntry } from '../ports/journal';
import type { RowRecord, TableRow } from '../ports/table';
import { template } from '../sheets/templates';

/** Statuses after which the import has nothing left to do: its row gets a finish time. */
const FINISHED: readonly ImportStatus[] = ['done', 'undone', 'failed'];

function isoText(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v ?? '');
}

/** A count the office may have typed over or cleared: anything not a number reads as 0. */
function count(v: unknown): number {
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
}

/** The Imports row of an import just staged: nothing written yet, the file's unreadable rows counted as errors; the
 *  status in `locale`, the language the office reads the sheet in. */
export function stagedImportRow(start: {
  importId: string;
  file: string;
  by: string;
  errors: number;
  startedAt: Date;
  locale?: Locale;
}): RowRecord {
  return {
    id: start.importId,
    startedAt: start.startedAt,
    by: start.by,
    file: start.file,
    created: 0,
    updated: 0,
    skipped: 0,
    errors: start.errors,
    status: importStatusWord('staged', start.locale ?? 'en'),
    finishedAt: '',
  };
}

/**
 * Counts, status and finish time, written together (adjacent columns unless the office moved them): an import that
 * finished gets `now`, one still running an empty finish time.
 */
export function importProgressRow(
  counts: Partial<ImportCounts>,
  status: ImportStatus,
  now: Date,
  locale: Locale = 'en',
): RowRecord {
  return { ...counts, status: importStatusWord(status, locale), finishedAt: FINISHED.includes(status) ? now : '' };
}

/** An Imports row as the sidebar lists it (dates as ISO text: no Date crosses google.script.run), its status the
 *  machine word whatever language the cell is in (a word nobody knows is kept as it is). */
export function importRecord(values: Record<string, unknown>): ImportRecord {
  return {
    id: String(values.id),
    startedAt: isoText(values.startedAt),
    by: String(values.by ?? ''),
    file: String(values.file ?? ''),
    created: count(values.created),
    updated: count(values.updated),
    skipped: count(values.skipped),
    errors: count(values.errors),
    status: parseImportStatus(values.status) ?? String(values.status ?? ''),
    finishedAt: isoText(values.finishedAt),
  };
}

/** One journal entry as an Import log row: `before` as JSON text, absent parts as empty cells. */
export function importLogRow(entry: JournalEntry): RowRecord {
  return {
    importId: entry.importId,
    resourceName: entry.resourceName,
    action: entry.action,
    before: entry.before ? JSON.stringify(entry.before) : '',
    fields: entry.fields ?? '',
    labels: entry.labels ?? '',
  };
}

const BEFORE_TITLE = template('importLog').columns.find((c) => c.key === 'before')?.title.en ?? 'before';

/**
 * An Import log row read back. A `before` cell that is not JSON (edited or cut short by hand) is an error naming its
 * row: undo cannot restore what that row held, and skipping it would leave those contacts changed without a word.
 */
export function journalEntry(row: TableRow): JournalEntry {
  const v = row.values;
  return {
    importId: String(v.importId ?? ''),
    resourceName: String(v.resourceName ?? ''),
    action: String(v.action) as JournalAction,
    before: v.before ? parseBefore(String(v.before), row.rowNumber) : undefined,
    fields: String(v.fields ?? ''),
    labels: String(v.labels ?? ''),
  };
}

function parseBefore(text: string, rowNumber: number): JournalEntry['before'] {
  try {
    return JSON.parse(text) as JournalEntry['before'];
  } catch {
    // The parser's message quotes the cell, which holds a contact's fields: it stays out of the error (and the logs).
    throw new Error(
      `Import log row ${rowNumber}: the "${BEFORE_TITLE}" cell is not the JSON the import wrote; ` +
        `restore it from the sheet's version history.`,
    );
  }
}
