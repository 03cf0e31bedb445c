// The hidden "Open events" sheet (core/events/open-events.ts): the planned events, one short row each, kept in step
// with the Events sheet by every write the CRM makes (in the same batchUpdate as the Events row), by the triggers that
// see the office's hand edits (hand-edits.ts), and rewritten whole from the Events sheet by the periodic rebuild.

import { EMPTY_OPEN_ROW, EventRecord, openEventCells, problemsCell, StoredProblem } from '../../core/events';
import { Locale } from '../../core/i18n/locale';
import { sheetCell } from '../../core/sheets/cell-text';
import { template } from '../../core/sheets/templates';
import { crmSheet } from '../sheets/crm-spreadsheet';
import { CrmTable } from '../sheets/table';
import { appendRows, cellData, rowData, updateAt } from '../sheets/values-batch';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Request = GoogleAppsScript.Sheets.Schema.Request;

export function openStoreSheet(ss: Spreadsheet): Sheet | undefined {
  return crmSheet('openEvents', ss);
}

/** The store rewritten from the planned events of a full read of the Events sheet (header included). */
export function rewriteOpenStore(
  ss: Spreadsheet,
  events: EventRecord[],
  locale: Locale,
  indexRowOf: (clientId: string) => number = () => 0,
  problems: StoredProblem[] = [],
  eventsEnd = 0,
): number {
  let sheet = openStoreSheet(ss);
  if (!sheet) {
    sheet = ss.insertSheet(template('openEvents').title[locale]);
    sheet.hideSheet();
  }
  const planned = events.filter((e) => e.status === 'planned' && e.id).sort((a, b) => a.at.getTime() - b.at.getTime());
  const records = planned.map((e) => {
    const [id, at, event] = openEventCells(e, e.clientId ? indexRowOf(e.clientId) : 0);
    return { id, at, event };
  });
  CrmTable.fixed('openEvents', sheet).rewrite(records, locale);
  writeProblems(sheet, problems);
  sheet.getRange(EVENTS_END_CELL).setValue(sheetCell(eventsEnd > 0 ? eventsEnd : ''));
  return planned.length;
}

const cells = (values: readonly string[]) => values.map((v) => cellData(v, 'UTC'));

/** A planned event appended to the store (atomic: two executions appending both land). */
export function appendOpen(sheetId: number, event: EventRecord, indexRow = 0): Request {
  return appendRows(sheetId, [rowData(cells(openEventCells(event, indexRow)))]);
}

/** The store row rewritten for the event as it is now. */
export function replaceOpen(sheetId: number, row: number, event: EventRecord, indexRow = 0): Request {
  return updateAt(sheetId, row, 0, cells(openEventCells(event, indexRow)));
}

/** The row of an event that is no longer open, emptied in place (rows never move between rebuilds). */
export function emptyOpen(sheetId: number, row: number): Request {
  return updateAt(
    sheetId,
    row,
    0,
    EMPTY_OPEN_ROW.map(() => ({})),
  );
}

/** The damaged Events rows, in the cell beside the store's header (D1). */
export const PROBLEMS_CELL = 'D1';

export function writeProblems(sheet: Sheet, problems: StoredProblem[]): void {
  const cell = problemsCell(problems);
  sheet.getRange(PROBLEMS_CELL).setValue(sheetCell(cell));
}

/** The last Events row the store knows of, beside its header (E1): where appended events are looked for first. */
export const EVENTS_END_CELL = 'E1';

/** E1 moved on to `row` (written with the change that learnt it). */
export function eventsEndAt(sheetId: number, row: number): Request {
  return updateAt(sheetId, 1, 4, [cellData(row, 'UTC')]);
}

/** The last Events row a full read saw (an event's or a damaged row's; the header's when there is none). */
export function lastRow(events: Array<{ rowNumber: number }>, problems: Array<{ row: number }>, headerRow = 1): number {
  let last = headerRow;
  for (const e of events) last = Math.max(last, e.rowNumber);
  for (const p of problems) last = Math.max(last, p.row);
  return last;
}
