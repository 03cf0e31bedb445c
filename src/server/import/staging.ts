// The cleaned contacts of an import wait in a hidden sheet between preview and write: a long import then resumes
// from the spreadsheet, not from the sidebar's memory, and the chunks google.script.run carries stay small.
// The sheet is shared by everyone in the office: each import's rows carry its id and stay until the import is over.
// A new stage replaces only its own rows and drops those of imports that are over (done or undone), that were staged
// and never started long ago, or that the Imports sheet no longer knows; an interrupted colleague's import keeps its
// rows, so its resume still finds them.
//
// Each chunk is ONE spreadsheets.batchUpdate (appendCells, atomic). The first chunk of an import also reads the
// Imports, Import queue and Import log sheets in one batchGet and writes, in its one batchUpdate, the import's Imports
// row, the file's problems to the Import log and the queue's clean-up: the queue is then left in the template's
// column order, so later chunks append without reading its header.

import { contactsDigest } from '../../core/import/execute/stage-digest';
import { CARD_LIMIT, cardFits } from '../../core/import/normalize/card-size';
import { importLogRow, stagedImportRow } from '../../core/import/journal-rows';
import type { ImportProblem, NormalizedContact } from '../../core/import/types';
import { template } from '../../core/sheets/templates';
import type { ImportRecord } from '../../shared/import-dto';
import type { TableRow } from '../../core/ports/table';
import { scriptClock } from '../clock';
import { crmSheet, crmSpreadsheet } from '../sheets/crm-spreadsheet';
import { uiLocale } from '../sheets/settings';
import { contiguousRuns } from '../sheets/grid-rows';
import { cellData, rowData, writeBatch } from '../sheets/values-batch';
import { appendRecords, readImportSheets, updateRecord, type ImportSheets, type ReadSheet } from './import-sheets';
import { allRecordsIn, recordIn, sheetLocale } from './journal';

type Request = GoogleAppsScript.Sheets.Schema.Request;
type RowData = GoogleAppsScript.Sheets.Schema.RowData;

/** A preview nobody went on with (the sidebar was closed) is dropped by the next stage after this long. */
const ABANDONED_STAGE_MS = 24 * 60 * 60 * 1000;

const QUEUE_KEYS = template('importStaging').columns.map((c) => c.key);

/** Whether an import's staged rows are still needed: it may still be run or resumed. */
function stillNeeded(record: ImportRecord | undefined, now: number): boolean {
  if (!record) return false;
  if (record.status === 'done' || record.status === 'undone') return false;
  if (record.status === 'staged') return now - Date.parse(record.startedAt) < ABANDONED_STAGE_MS;
  return true;
}

/** A queue row in the template's column order: the text of the JSON is stored exactly (a stringValue). */
function queueRow(importId: string, row: number, contact: string): RowData {
  return rowData([cellData(importId, 'UTC'), cellData(row, 'UTC'), cellData(contact, 'UTC')]);
}

function inTemplateOrder(queue: ReadSheet): boolean {
  return queue.table.headerRow === 1 && QUEUE_KEYS.every((k, i) => queue.table.columns[k] === i);
}

/**
 * The requests that empty the queue of `importId`'s rows and of rows no import needs, keeping the rest (and that put
 * the header back in template order if the office moved it); none when there is nothing to change.
 */
function startOver(sheets: ImportSheets, importId: string, reuse: Reuse | undefined): Request[] {
  const queue = sheets.queue!;
  const all = queue.table.rows();
  const records = new Map(allRecordsIn(sheets.imports!.table).map((r) => [r.id, r]));
  const now = scriptClock.now();
  const reused = new Set(reuse?.rows.map((r) => r.rowNumber));
  const kept = all.filter(
    (r) =>
      reused.has(r.rowNumber) ||
      (String(r.values.importId) !== importId && stillNeeded(records.get(String(r.values.importId)), now)),
  );
  if (kept.length === all.length && inTemplateOrder(queue)) return retag(queue, reuse, importId);
  const width = queue.table.values().reduce((w, r) => Math.max(w, r.length), QUEUE_KEYS.length);
  const locale = uiLocale(sheets.settings);
  const header = rowData(template('importStaging').columns.map((c) => cellData(c.title[locale], 'UTC')));
  const rows = kept.map((r) => queueRow(String(r.values.importId), Number(r.values.row), String(r.values.contact)));
  return [
    // Everything the read saw is cleared (a range with no rows clears it: the field mask names userEnteredValue)…
    {
      updateCells: {
        range: {
          sheetId: queue.sheetId,
          startRowIndex: 0,
          endRowIndex: Math.max(1, queue.height),
          startColumnIndex: 0,
          endColumnIndex: width,
        },
        fields: 'userEnteredValue',
      },
    },
    // …then the header and the kept rows are written from the top, and this import's rows are appended under them.
    {
      updateCells: {
        start: { sheetId: queue.sheetId, rowIndex: 0, columnIndex: 0 },
        rows: [header, ...rows],
        fields: 'userEnteredValue',
      },
    },
  ];
}

/** Rows an earlier import of the same contacts left in the queue, which this import takes over. */
interface Reuse {
  rows: TableRow[];
}

/**
 * The queue rows of one import whose contacts have `digest`: this import's own (staged again) or those of an import
 * that is over (its rows are no longer needed by it). Undefined when there are none.
 */
function reusable(sheets: ImportSheets, importId: string, digest: string | undefined): Reuse | undefined {
  if (!digest) return undefined;
  const count = Number(digest.split(':')[0]);
  const records = new Map(allRecordsIn(sheets.imports!.table).map((r) => [r.id, r]));
  const byImport = new Map<string, TableRow[]>();
  for (const r of sheets.queue!.table.rows()) {
    const id = String(r.values.importId);
    const list = byImport.get(id);
    if (list) list.push(r);
    else byImport.set(id, [r]);
  }
  for (const [id, rows] of byImport) {
    if (rows.length !== count) continue;
    const status = records.get(id)?.status;
    if (id !== importId && status !== 'done' && status !== 'undone') continue;
    try {
      const contacts = rows.map((r) => JSON.parse(String(r.values.contact)) as NormalizedContact);
      if (contactsDigest(contacts) === digest) return { rows };
    } catch {
      // A damaged row: these rows cannot serve; the chunks are sent again.
    }
  }
  return undefined;
}

/** The import-id cells of the reused rows set to this import's id, one updateCells per run of adjacent rows. */
function retag(queue: ReadSheet, reuse: Reuse | undefined, importId: string): Request[] {
  if (!reuse) return [];
  const column = queue.table.columns.importId;
  const todo = reuse.rows.filter((r) => String(r.values.importId) !== importId);
  return contiguousRuns(todo).map((run) => ({
    updateCells: {
      start: { sheetId: queue.sheetId, rowIndex: run[0].rowNumber - 1, columnIndex: column },
      rows: run.map(() => rowData([cellData(importId, 'UTC')])),
      fields: 'userEnteredValue',
    },
  }));
}

function stagedRows(importId: string, contacts: NormalizedContact[]): RowData[] {
  return contacts.map((c) => {
    // The preview already refused such a row (core/import/normalize/card-size.ts): this is the same rule, kept as a
    // guard for a caller that staged without previewing.
    if (!cardFits(c))
      throw new Error(
        `Row ${c.rowNumber}: this client's card is over ${CARD_LIMIT} characters and cannot be imported.`,
      );
    return queueRow(importId, c.rowNumber, JSON.stringify(c));
  });
}

/**
 * The first chunk: the Imports row, the file's problems, the queue's clean-up and the rows, in one write. With the
 * `digest` of rows still in the queue (the same file imported before), those rows become this import's and the
 * answer says every contact is staged.
 */
export function stageFirst(
  start: { importId: string; file: string; problems: ImportProblem[]; digest?: string },
  contacts: NormalizedContact[],
): { staged: number; complete?: boolean } {
  const { importId, file, problems } = start;
  const sheets = readImportSheets({ imports: 'all', queue: 'all', log: 'header' });
  const { ss, timeZone } = sheets;
  const reuse = reusable(sheets, importId, start.digest);
  const rows = reuse ? [] : stagedRows(importId, contacts);
  const by = Session.getEffectiveUser().getEmail();
  const locale = sheetLocale(sheets.imports!.table);
  const record = stagedImportRow({ importId, file, by, errors: problems.length, startedAt: new Date(), locale });
  const found = recordIn(sheets.imports!.table, importId);
  const log = problems.map((p) => importLogRow({ importId, resourceName: '', action: 'problem', before: p }));
  writeBatch(ss, [
    ...(found
      ? updateRecord(sheets.imports!, found.rowNumber, record, timeZone)
      : appendRecords(sheets.imports!, [record], timeZone)),
    ...appendRecords(sheets.log!, log, timeZone),
    ...startOver(sheets, importId, reuse),
    ...(rows.length ? [{ appendCells: { sheetId: sheets.queue!.sheetId, rows, fields: 'userEnteredValue' } }] : []),
  ]);
  return reuse ? { staged: reuse.rows.length, complete: true } : { staged: rows.length };
}

/** A later chunk: its rows appended to the queue, which the first chunk left in template order. */
export function stageMore(importId: string, contacts: NormalizedContact[]): number {
  const ss = crmSpreadsheet();
  const sheet = crmSheet('importStaging', ss);
  if (!sheet) throw new Error(`The "${template('importStaging').title.en}" sheet is missing: run CRM → Set up.`);
  const rows = stagedRows(importId, contacts);
  if (rows.length) writeBatch(ss, [{ appendCells: { sheetId: sheet.getSheetId(), rows, fields: 'userEnteredValue' } }]);
  return rows.length;
}

/** `importId`'s staged contacts among the queue rows the execution read. */
export function stagedIn(queue: ReadSheet, importId: string): NormalizedContact[] {
  const out: NormalizedContact[] = [];
  for (const row of queue.table.rows()) {
    if (String(row.values.importId) !== importId) continue;
    out.push(JSON.parse(String(row.values.contact)) as NormalizedContact);
  }
  return out;
}
