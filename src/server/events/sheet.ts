// The Events sheet read in one request and turned into events, wherever the office moved the columns or sorted the
// rows. Rows we cannot read are reported with their row and column and left out; the rest of the log still works.

import { EventRecord, parseEventRows, RowProblem } from '../../core/events';
import { cellText, columnLetter, findTable } from '../../core/events/table';
import { Locale } from '../../core/i18n/locale';
import { template } from '../../core/sheets/templates';
import { crmSheet } from '../sheets/crm-spreadsheet';
import { logText } from './messages';
import { OfficeContext } from './office';

/** An event with the client's phone as the row holds it (the core record has no phone: the sheet gained it later). */
export interface LoggedEvent extends EventRecord {
  phone: string;
}

export interface EventLog {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** Column key → 0-based index (-1 when the office deleted the column). */
  columns: Record<string, number>;
  width: number;
  /** The rows as read, for writing a row back without touching the office's own columns. */
  values: unknown[][];
  events: LoggedEvent[];
  problems: RowProblem[];
}

const EVENTS = template('events');

export function eventsSheet(office: OfficeContext): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = crmSheet('events', office.ss);
  if (!sheet) throw new Error(logText(office.locale, 'noEventsSheet'));
  return sheet;
}

/**
 * One getDataRange().getValues() of the Events sheet. Status words of every language we ship are known without the
 * Lists sheet; only when a row has a status nothing recognises is Lists read, for the office's own words.
 */
export function readEvents(office: OfficeContext, options: { now?: Date; locale?: Locale } = {}): EventLog {
  const sheet = eventsSheet(office);
  const values = sheet.getDataRange().getValues() as unknown[][];
  const timeZone = office.timeZone;
  const parse = (statusNames?: Parameters<typeof parseEventRows>[1]['statusNames']) =>
    parseEventRows(values, { timeZone, locale: options.locale, now: options.now, statusNames });
  let parsed = parse();
  if (parsed.problems.some((p) => p.code === 'bad-status')) {
    const own = office.lists.statuses;
    if (Object.keys(own).length) parsed = parse(own);
  }
  const table = findTable(values, EVENTS);
  const columns = table?.columns ?? {};
  const phoneAt = columns.phone ?? -1;
  const events = parsed.events.map((e) => ({
    ...e,
    phone: phoneAt >= 0 ? cellText(values[e.rowNumber - 1] ?? [], phoneAt) : '',
  }));
  return { sheet, columns, width: table?.headers.length ?? 0, values, events, problems: parsed.problems };
}

/**
 * The sheet row that holds the event with this id, found by content (one TextFinder request over the id column), so
 * a sheet sorted or edited since it was read is still written in the right place. 0 when there is none.
 */
export function findRowById(sheet: GoogleAppsScript.Spreadsheet.Sheet, idColumn: number, id: string): number {
  if (!id || idColumn < 0) return 0;
  const letter = columnLetter(idColumn);
  const hit = sheet
    .getRange(`${letter}:${letter}`)
    .createTextFinder(id)
    .matchEntireCell(true)
    .matchCase(true)
    .findNext();
  return hit ? hit.getRow() : 0;
}
