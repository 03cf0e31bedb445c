// The change journal on the hidden Journal sheet (sheets-templates/journal.json): the ChangeLog port
// (core/ports/change-log.ts) every CRM write to a contact appends to, and the reads the Client sidebar's "Changes",
// `crm journal` and a revert make. The CRM writes the sheet itself, header in row 1 and columns in template order
// (setup creates it so), so an append needs no read: one appendCells request per batch, every cell a stringValue —
// stored as exactly that text, a client named "=HYPERLINK(…)" stays text. Not protected: the sidebar writes it as
// the person using it (a manager), and protection would refuse their saves; hidden, like the Import log.

import { changeOfRow, changeRow, JOURNAL_COLUMNS } from '../../core/backup/journal-row';
import { JournallingDirectory, type ChangeContext } from '../../core/backup/journal';
import type { ChangeSource, ContactChange } from '../../core/backup/types';
import type { ChangeLog } from '../../core/ports/change-log';
import type { PeopleDirectory } from '../../core/ports/people';
import { scriptClock } from '../clock';
import { crmSheet, crmSpreadsheet } from '../sheets/crm-spreadsheet';
import { uiLocale } from '../sheets/settings';
import { createMissingSheet } from '../sheets/setup';
import { appendRows, cellData, rowData, writeBatch } from '../sheets/values-batch';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Request = GoogleAppsScript.Sheets.Schema.Request;

const HEADER_ROW = 1;
const DEFAULT_LIMIT = 50;

/** The Journal sheet; an office set up before it existed gets it made now (setup's template), so no write refuses. */
function journalSheet(ss: Spreadsheet = crmSpreadsheet()): Sheet {
  return crmSheet('journal', ss) ?? createMissingSheet(ss, 'journal', uiLocale());
}

/** The appendCells request for these changes (none for none). */
export function journalRequests(sheetId: number, changes: ContactChange[]): Request[] {
  if (!changes.length) return [];
  return [
    appendRows(
      sheetId,
      changes.map((c) => {
        const row = changeRow(c);
        return rowData(JOURNAL_COLUMNS.map((k) => cellData(row[k], 'UTC')));
      }),
    ),
  ];
}

/**
 * The Journal sheet as a ChangeLog. Appends are gathered: `flush()` writes them in one request, `takeRequests()`
 * hands them to a caller that writes them with its own batch (the import's journal commit: no request of its own).
 * `immediate` (the default for single writes): every append is written at once — durable when it returns.
 */
export class JournalSheet implements ChangeLog {
  private pending: ContactChange[] = [];
  private readonly ss: Spreadsheet;
  private readonly sheetId: number;

  /** Finds the sheet now (sheet handles cost no request): a missing one refuses before anything is written. */
  constructor(private readonly options: { immediate?: boolean; ss?: Spreadsheet } = {}) {
    this.ss = options.ss ?? crmSpreadsheet();
    this.sheetId = journalSheet(this.ss).getSheetId();
  }

  append(changes: ContactChange[]): void {
    this.pending.push(...changes);
    if (this.options.immediate) this.flush();
  }

  /** The brief's name for append. */
  appendChanges(changes: ContactChange[]): void {
    this.append(changes);
  }

  /** What was appended and not written yet, as requests; taken out (whoever writes them owns them now). */
  takeRequests(): Request[] {
    if (!this.pending.length) return [];
    const out = journalRequests(this.sheetId, this.pending);
    this.pending = [];
    return out;
  }

  /** Writes what is pending (one request; none when nothing is). */
  flush(): void {
    const requests = this.takeRequests();
    if (requests.length) writeBatch(this.ss, requests);
  }
}

/**
 * Appends changes now, in one request (a sidebar save, an add, a revert), after the People write they describe: a
 * journal that cannot be written (its sheet deleted) must not turn a save that happened into an error the user
 * retries, so it is logged (no personal data) and the save stands.
 */
export function appendChanges(changes: ContactChange[]): void {
  if (!changes.length) return;
  try {
    new JournalSheet({ immediate: true }).append(changes);
  } catch (e) {
    console.warn(`The change journal was not written (${changes.length} change(s)): ${(e as Error).message}`);
  }
}

/**
 * `directory` with every write journalled as `source` by `actor` (a restore: journalled(peopleDirectory,
 * 'restore', office.actorEmail)). The changes are written after each People call (one Sheets request per call);
 * pass a `log` to gather them instead (and flush it yourself).
 */
export function journalled(
  directory: PeopleDirectory,
  source: ChangeSource,
  actor: string,
  options: { log?: ChangeLog; revertOf?: string } = {},
): JournallingDirectory {
  const context: ChangeContext = { source, actor, clock: scriptClock, revertOf: options.revertOf };
  return new JournallingDirectory(directory, options.log ?? new JournalSheet({ immediate: true }), context);
}

function rowValues(cells: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  JOURNAL_COLUMNS.forEach((k, i) => (out[k] = cells[i]));
  return out;
}

function rowsAt(sheet: Sheet, rowNumbers: number[]): ContactChange[] {
  const wanted = [...new Set(rowNumbers.filter((n) => n > HEADER_ROW))].sort((a, b) => a - b);
  if (!wanted.length) return [];
  // One read from the first to the last: a client's rows are few, and a request costs more than the rows between.
  const first = wanted[0];
  const grid = sheet.getRange(first, 1, wanted[wanted.length - 1] - first + 1, JOURNAL_COLUMNS.length).getValues();
  return wanted.map((n) => changeOfRow(rowValues(grid[n - first] ?? []))).filter((c): c is ContactChange => !!c);
}

function columnFinder(sheet: Sheet, key: (typeof JOURNAL_COLUMNS)[number], text: string): number[] {
  const col = JOURNAL_COLUMNS.indexOf(key) + 1;
  if (!text || sheet.getLastRow() <= HEADER_ROW) return [];
  return sheet
    .getRange(HEADER_ROW + 1, col, sheet.getLastRow() - HEADER_ROW, 1)
    .createTextFinder(text)
    .matchEntireCell(true)
    .matchCase(true)
    .findAll()
    .map((r) => r.getRow());
}

function allRows(sheet: Sheet, lastRows?: number): ContactChange[] {
  const last = sheet.getLastRow();
  if (last <= HEADER_ROW) return [];
  const first = lastRows ? Math.max(HEADER_ROW + 1, last - lastRows + 1) : HEADER_ROW + 1;
  return sheet
    .getRange(first, 1, last - first + 1, JOURNAL_COLUMNS.length)
    .getValues()
    .map((cells) => changeOfRow(rowValues(cells)))
    .filter((c): c is ContactChange => !!c);
}

export interface ChangeQuery {
  resourceName?: string;
  /** Matched in the client's name and the values before/after, case-insensitively. */
  text?: string;
  limit?: number;
}

export interface JournalRead {
  /** Newest first. */
  changes: ContactChange[];
  /** Ids of the changes a later revert undid. */
  reverted: Set<string>;
}

/** Changes, newest first: a client's (found by its contact), those matching a text, or the latest. */
export function readChanges(query: ChangeQuery = {}, ss?: Spreadsheet): JournalRead {
  const sheet = journalSheet(ss);
  const limit = Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT));
  let found: ContactChange[];
  if (query.resourceName) found = rowsAt(sheet, columnFinder(sheet, 'resourceName', query.resourceName));
  else if (query.text) {
    const needle = query.text.trim().toLowerCase();
    found = allRows(sheet).filter((c) =>
      [c.client, c.actor, JSON.stringify(c.before ?? ''), JSON.stringify(c.after ?? '')].some((t) =>
        t.toLowerCase().includes(needle),
      ),
    );
  } else found = allRows(sheet, limit * 2);
  const reverted = new Set(found.map((c) => c.revertOf).filter((id): id is string => !!id));
  // A revert of a deletion made a new contact: its row is under that one; asked by id for what is listed.
  const unknown = found.filter((c) => c.action === 'deleted' && !reverted.has(c.id));
  for (const c of unknown) if (columnFinder(sheet, 'revertOf', c.id).length) reverted.add(c.id);
  const changes = found.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, limit);
  return { changes, reverted };
}

/** One change by id, and whether a later change reverted it. */
export function findChange(id: string, ss?: Spreadsheet): { change: ContactChange; reverted: boolean } | undefined {
  const sheet = journalSheet(ss);
  const rows = columnFinder(sheet, 'id', id.trim());
  const change = rowsAt(sheet, rows)[0];
  if (!change) return undefined;
  return { change, reverted: columnFinder(sheet, 'revertOf', change.id).length > 0 };
}
