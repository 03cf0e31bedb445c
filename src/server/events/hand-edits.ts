// The office edits the Events sheet by hand: a date typed over, a status chosen from the dropdown, a row typed in,
// rows sorted or deleted. The open-events store must follow, or the Reminders screen would show what is no longer so:
// - onEdit (a simple trigger: Google runs it for edits made by a person, with limited authorisation — the spreadsheet
//   service only) re-reads the edited rows and brings their store rows in line; a row typed by hand gets its id here;
// - rows deleted or sorted do not come to onEdit: the installed onChange trigger (REMOVE_ROW, INSERT_ROW, OTHER)
//   rewrites the store from one read of the Events sheet, keeping the index-row hints it had;
// - the periodic rebuild rewrites it anyway, which heals anything both missed (changes made through the API);
// - both handlers write under the write lock every writer takes (sheets/write-lock.ts): a store row they found is
//   not moved by a rewrite meanwhile. A handler that cannot have it in time writes nothing (Google logs the lock
//   timeout; a person is not told of a trigger's failure), and the store follows that edit with the next rebuild.

import {
  EventRecord,
  handTypedIds,
  openEventCells,
  openEventsFrom,
  parseEventRows,
  EMPTY_OPEN_ROW,
  problemsFromCell,
  replaceProblems,
} from '../../core/events';
import { findTable, HEADER_SEARCH_ROWS } from '../../core/events/table';
import { sheetCell } from '../../core/sheets/cell-text';
import { sheetTitleMatches } from '../../core/sheets/template';
import { template } from '../../core/sheets/templates';
import { crmSheet } from '../sheets/crm-spreadsheet';
import { OfficeContext } from './office';
import { lastRow, openStoreSheet, PROBLEMS_CELL, rewriteOpenStore, writeProblems } from './open-store';
import { storedProblem } from './views';
import { readEvents } from './sheet';
import { underWriteLock } from '../sheets/write-lock';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** More edited rows than this and the store is rewritten whole instead of row by row. */
const BIG_PASTE = 20;

function isEventsSheet(sheet: Sheet, office: OfficeContext): boolean {
  if (sheetTitleMatches(template('events'), sheet.getName())) return true;
  const events = crmSheet('events', office.ss);
  return !!events && events.getSheetId() === sheet.getSheetId();
}

/** What the store holds now, by id → row (one read of the store's three columns). */
function storeRows(store: Sheet): Map<string, { row: number; indexRow: number }> {
  const last = store.getLastRow();
  const out = new Map<string, { row: number; indexRow: number }>();
  if (last < 2) return out;
  for (const e of openEventsFrom(store.getRange(2, 1, last - 1, 3).getValues(), 2))
    out.set(e.id, { row: e.storeRow, indexRow: e.indexRow });
  return out;
}

/** The store brought in line with the edited rows `first..last` of the Events sheet. */
export function syncEditedRows(sheet: Sheet, first: number, last: number, office: OfficeContext): number {
  const top = sheet.getRange(1, 1, HEADER_SEARCH_ROWS, Math.max(1, sheet.getLastColumn())).getValues();
  const table = findTable(top, template('events'));
  if (!table || last <= table.headerIndex + 1) return 0;
  const from = Math.max(first, table.headerIndex + 2);
  const width = Math.max(...Object.values(table.columns)) + 1;
  const block = sheet.getRange(from, 1, last - from + 1, width).getValues();
  // parseEventRows wants the header above the rows: the rows are read at their own numbers behind it.
  const values: unknown[][] = [...top.slice(0, table.headerIndex + 1)];
  for (let r = table.headerIndex + 2; r < from; r++) values.push([]);
  values.push(...block);
  const { events, problems } = parseEventRows(values, {
    timeZone: office.timeZone,
    now: new Date(),
    locale: office.locale,
  });
  giveIds(sheet, events, table.columns.id);
  const store = openStoreSheet(office.ss);
  if (!store) return 0;
  // A pasted block: one rewrite of the store from the sheet costs less than a write per row (and fits the 30 s).
  if (events.length > BIG_PASTE) return rereadOpenStore(office);
  // A repeated id is a whole-sheet question: the rebuild answers it; the edited rows answer for themselves.
  const fresh = problems.filter((p) => p.code !== 'duplicate-id' && p.row >= from).map(storedProblem);
  const stored = problemsFromCell(store.getRange(PROBLEMS_CELL).getValue());
  const next = replaceProblems(stored, from, last, fresh);
  if (JSON.stringify(next) !== JSON.stringify(stored)) writeProblems(store, next);
  const known = storeRows(store);
  let changed = 0;
  for (const e of events) {
    const at = known.get(e.id);
    if (e.status === 'planned') {
      const cells = openEventCells(e, at?.indexRow ?? 0).map(sheetCell);
      if (at) store.getRange(at.row, 1, 1, 3).setValues([cells]);
      else store.appendRow(cells);
      changed++;
    } else if (at) {
      store.getRange(at.row, 1, 1, 3).setValues([EMPTY_OPEN_ROW.slice()]);
      changed++;
    }
  }
  return changed;
}

/**
 * Rows typed by hand get their id (core handTypedIds): the store and every action find rows by it. One write per run
 * of adjacent rows (a pasted block is one write).
 */
function giveIds(sheet: Sheet, events: EventRecord[], idColumn: number | undefined): void {
  if (idColumn === undefined || idColumn < 0) return;
  const fresh = handTypedIds(events).sort((a, b) => a.event.rowNumber - b.event.rowNumber);
  for (let i = 0; i < fresh.length;) {
    let j = i;
    while (j + 1 < fresh.length && fresh[j + 1].event.rowNumber === fresh[j].event.rowNumber + 1) j++;
    const run = fresh.slice(i, j + 1);
    sheet.getRange(run[0].event.rowNumber, idColumn + 1, run.length, 1).setValues(run.map((f) => [sheetCell(f.id)]));
    for (const f of run) f.event.id = f.id;
    i = j + 1;
  }
}

/** Answers whether the edit was in the Events sheet (the simple onEdit then has nothing else to look at). */
export function onEventsEdit(e: GoogleAppsScript.Events.SheetsOnEdit): boolean {
  const range = e?.range;
  if (!range) return false;
  const sheet = range.getSheet();
  const office = new OfficeContext(e.source);
  if (!isEventsSheet(sheet, office)) return false;
  // The store is brought in line under the write lock, so no other writer's store row or E1 is overwritten meanwhile.
  underWriteLock(() => syncEditedRows(sheet, range.getRow(), range.getLastRow(), office));
  return true;
}

/** Rows deleted, inserted or sorted: the store rewritten from the sheet, keeping its index-row hints. */
export function onEventsStructureChange(e?: GoogleAppsScript.Events.SheetsOnChange): number {
  const type = String(e?.changeType ?? 'OTHER');
  if (!['REMOVE_ROW', 'INSERT_ROW', 'OTHER'].includes(type)) return 0;
  return rereadOpenStore(new OfficeContext(e?.source as GoogleAppsScript.Spreadsheet.Spreadsheet | undefined));
}

/** The store rewritten from one read of the Events sheet, keeping the index-row hints it had. */
export function rereadOpenStore(office: OfficeContext): number {
  return underWriteLock(() => rereadNow(office));
}

function rereadNow(office: OfficeContext): number {
  const store = openStoreSheet(office.ss);
  const hints = store ? storeRows(store) : new Map();
  const { events, problems } = readEvents(office, { now: new Date(), locale: office.locale });
  const indexRows = new Map<string, number>();
  for (const ev of events) {
    const hint = hints.get(ev.id);
    if (hint?.indexRow && ev.clientId) indexRows.set(ev.clientId, hint.indexRow);
  }
  return rewriteOpenStore(
    office.ss,
    events,
    office.locale,
    (id) => indexRows.get(id) ?? 0,
    problems.map(storedProblem),
    lastRow(events, problems),
  );
}
