// The Events sheet read in one request and turned into events, wherever the office moved the columns, sorted the
// rows or put title lines above the header. Rows we cannot read are reported with their row and column and left out;
// the rest of the log still works. Reading and writing cells is the table layer's (sheets/table.ts).

import { EventRecord, parseEventRows, RowProblem } from '../../core/events';
import { Locale } from '../../core/i18n/locale';
import { crmSheet } from '../sheets/crm-spreadsheet';
import { CrmTable } from '../sheets/table';
import { logText } from './messages';
import { OfficeContext } from './office';

export interface EventLog {
  /** The sheet as read: rows are written back through it by column key. */
  table: CrmTable;
  events: EventRecord[];
  problems: RowProblem[];
}

/** The Events table; without `read`, only the rows a header may be among are read (one request). */
export function eventsTable(office: OfficeContext, options: { read?: boolean } = {}): CrmTable {
  const sheet = crmSheet('events', office.ss);
  if (!sheet) throw new Error(logText(office.locale, 'noEventsSheet'));
  return CrmTable.onSheet('events', sheet, options);
}

/**
 * One getDataRange().getValues() of the Events sheet. Status words of every language we ship are known without the
 * Lists sheet; only when a row has a status nothing recognises is Lists read, for the office's own words.
 */
export function readEvents(office: OfficeContext, options: { now?: Date; locale?: Locale } = {}): EventLog {
  const table = eventsTable(office, { read: true });
  const values = table.values();
  const timeZone = office.timeZone;
  const parse = (statusNames?: Parameters<typeof parseEventRows>[1]['statusNames']) =>
    parseEventRows(values, { timeZone, locale: options.locale, now: options.now, statusNames });
  let parsed = parse();
  if (parsed.problems.some((p) => p.code === 'bad-status')) {
    const own = office.lists.statuses;
    if (Object.keys(own).length) parsed = parse(own);
  }
  return { table, events: parsed.events, problems: parsed.problems };
}
