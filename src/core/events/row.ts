// One row of the Events sheet ⇄ one EventRecord. The office edits this sheet by hand: columns may be reordered or
// titled in another of our languages, rows sorted, dates typed as text. A row we cannot read is reported with its row
// and column and skipped, so one typo never hides the rest of the log.

import { nameTokens } from '../clients/normalize';
import type { EventFields } from '../../shared/events-dto';
import { Locale } from '../i18n/locale';
import type { CellValue } from '../sheets/cell-text';
import { template } from '../sheets/templates';
import { eventText } from './messages';
import { parseStatus, statusLabel, StatusNames } from './status';
import { cellText, findTable, isBlankRow, isDate } from './table';
import { localParts, zonedInstant } from './zone';
import { parseAmount } from '../orders/amount';
import { orderStateLabel, parseOrderState } from '../orders/state';

/** One event of the Events sheet. */
export interface EventRecord extends EventFields {
  /** The instant. A date without a time is local midnight with allDay set. */
  at: Date;
  /**
   * When a planned event was marked done (the "Done at" column), for the reports' on-time follow-ups. Absent for an
   * event logged as done, one still open, and in an office whose Events sheet has no such column yet.
   */
  doneAt?: Date;
}

export interface RowProblem {
  row: number;
  /** The column's header as the sheet shows it. */
  column: string;
  value: string;
  code: 'no-header' | 'no-date' | 'bad-date' | 'bad-status' | 'duplicate-id';
  message: string;
}

export interface ParseOptions {
  /** The spreadsheet's IANA zone: text dates are wall-clock times there. */
  timeZone: string;
  /** Language of problem messages. */
  locale?: Locale;
  /** The office's status words from the Lists sheet, if it renamed them. */
  statusNames?: Partial<StatusNames>;
  /**
   * A row with an empty status is history when dated up to `now` and planned when later — veterans restoring old
   * histories do not fill the status. Without `now` a blank status reads as done.
   */
  now?: Date;
}

const EVENTS = template('events');

/** Sheets' serial day 0 (30 Dec 1899), for date cells formatted as plain numbers. */
const SERIAL_EPOCH_DAYS = 25569;

export function parseEventRows(
  values: unknown[][],
  options: ParseOptions,
): { events: EventRecord[]; problems: RowProblem[] } {
  const locale = options.locale ?? 'en';
  const table = findTable(values, EVENTS);
  const problems: RowProblem[] = [];
  const events: EventRecord[] = [];
  if (!table || table.columns.date < 0) {
    if (values.some((r) => !isBlankRow(r))) {
      problems.push({ row: 1, column: '', value: '', code: 'no-header', message: eventText(locale, 'noHeader') });
    }
    return { events, problems };
  }
  const header = (key: string) => table.headers[table.columns[key]] || key;
  const seen = new Map<string, number>();
  for (let i = table.headerIndex + 1; i < values.length; i++) {
    const row = values[i] ?? [];
    if (isBlankRow(row)) continue;
    const rowNumber = i + 1;
    const report: ReportProblem = (key, code, value, params = {}) =>
      problems.push({
        row: rowNumber,
        column: header(key),
        value,
        code,
        message: eventText(locale, messageKey(code), { value, ...params }),
      });
    const event = readEventRow(row, rowNumber, table.columns, options, report);
    if (!event) continue;
    if (event.id !== '') {
      const other = seen.get(event.id);
      if (other !== undefined) {
        report('id', 'duplicate-id', event.id, { other });
        continue;
      }
      seen.set(event.id, rowNumber);
    }
    events.push(event);
  }
  return { events, problems };
}

/** One row read on its own (an action's row, found by its hint or a search), with the header found above it. */
export function parseEventRow(
  row: unknown[],
  rowNumber: number,
  table: { headers: string[]; columns: Record<string, number> },
  options: ParseOptions,
): { event?: EventRecord; problems: RowProblem[] } {
  const locale = options.locale ?? 'en';
  const problems: RowProblem[] = [];
  const report: ReportProblem = (key, code, value, params = {}) =>
    problems.push({
      row: rowNumber,
      column: table.headers[table.columns[key]] || key,
      value,
      code,
      message: eventText(locale, messageKey(code), { value, ...params }),
    });
  const event = readEventRow(row, rowNumber, table.columns, options, report);
  return event ? { event, problems } : { problems };
}

type ReportProblem = (
  key: string,
  code: RowProblem['code'],
  value: string,
  params?: Record<string, string | number>,
) => void;

/** One row as an event, or undefined (the problem reported) when its date or status cannot be read. */
function readEventRow(
  row: unknown[],
  rowNumber: number,
  c: Record<string, number>,
  options: ParseOptions,
  report: ReportProblem,
): EventRecord | undefined {
  const dateText = cellText(row, c.date);
  if (dateText === '') {
    report('date', 'no-date', '');
    return undefined;
  }
  const when = parseEventDate(row[c.date], options.timeZone);
  if (!when) {
    report('date', 'bad-date', dateText);
    return undefined;
  }
  const statusText = cellText(row, c.status);
  let status = parseStatus(statusText, options.statusNames);
  if (!status) {
    if (statusText !== '') {
      report('status', 'bad-status', statusText);
      return undefined;
    }
    status = options.now && when.at.getTime() > options.now.getTime() ? 'planned' : 'done';
  }
  const doneAt =
    c.doneAt >= 0 && cellText(row, c.doneAt) !== '' ? parseEventDate(row[c.doneAt], options.timeZone) : undefined;
  return {
    id: cellText(row, c.id),
    at: when.at,
    allDay: when.allDay,
    kind: cellText(row, c.kind),
    reason: cellText(row, c.reason),
    client: cellText(row, c.client),
    clientId: cellText(row, c.clientId),
    phone: cellText(row, c.phone),
    manager: cellText(row, c.manager),
    result: cellText(row, c.result),
    nextStep: cellText(row, c.nextStep),
    status,
    calendarEventId: cellText(row, c.calendarEventId),
    createdBy: cellText(row, c.createdBy),
    rowNumber,
    ...orderFields(row, c),
    // A "Done at" cell that cannot be read is left out rather than refusing the row: it only serves the reports.
    ...(doneAt ? { doneAt: doneAt.at } : {}),
  };
}

/**
 * An order event's money and document cells, present only when filled: an amount that is not a number is left out
 * here (the orders' reader lists it as a problem with its row), so one typo never hides the event itself.
 */
function orderFields(row: unknown[], c: Record<string, number>): Partial<EventFields> {
  const out: Partial<EventFields> = {};
  const amount = c.amount >= 0 && cellText(row, c.amount) !== '' ? parseAmount(row[c.amount]) : undefined;
  if (amount !== undefined) out.amount = amount;
  const currency = cellText(row, c.currency).toUpperCase();
  if (currency) out.currency = currency;
  const state = parseOrderState(cellText(row, c.orderState));
  if (state) out.orderState = state;
  const document = cellText(row, c.document);
  if (document) out.document = document;
  return out;
}

function messageKey(code: RowProblem['code']) {
  return (
    {
      'no-header': 'noHeader',
      'no-date': 'noDate',
      'bad-date': 'badDate',
      'bad-status': 'badStatus',
      'duplicate-id': 'duplicateId',
    } as const
  )[code];
}

/**
 * A date cell: a Date from getValues (already the instant), a serial number (a date cell formatted as a number), or
 * text — 'dd.mm.yyyy[ hh:mm[:ss]]' (also with / or -) or ISO 'yyyy-mm-dd[Thh:mm[:ss]][Z|±hh:mm]' — read in `timeZone`.
 */
export function parseEventDate(value: unknown, timeZone: string): { at: Date; allDay: boolean } | undefined {
  if (isDate(value)) {
    const p = localParts(value, timeZone);
    return { at: new Date(value.getTime()), allDay: p.hour === 0 && p.minute === 0 && p.second === 0 };
  }
  if (typeof value === 'number') {
    if (!isFinite(value) || value < 1 || value > 2_958_465) return undefined;
    const wall = new Date(Math.round((value - SERIAL_EPOCH_DAYS) * 86_400_000));
    return wallClock(
      wall.getUTCFullYear(),
      wall.getUTCMonth() + 1,
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
      timeZone,
      value === Math.floor(value),
    );
  }
  const text = String(value ?? '').trim();
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[\sT,]+(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (dmy) {
    const timed = dmy[4] !== undefined;
    return wallClock(
      +dmy[3],
      +dmy[2],
      +dmy[1],
      timed ? +dmy[4] : 0,
      timed ? +dmy[5] : 0,
      +(dmy[6] ?? 0),
      timeZone,
      !timed,
    );
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
    text,
  );
  if (iso) {
    const timed = iso[4] !== undefined;
    const [y, mo, d, h, mi, s] = [+iso[1], +iso[2], +iso[3], timed ? +iso[4] : 0, timed ? +iso[5] : 0, +(iso[6] ?? 0)];
    if (!validWall(y, mo, d, h, mi, s)) return undefined;
    if (iso[7]) {
      const zone = iso[7].toUpperCase();
      const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(-2));
      return { at: new Date(Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000), allDay: false };
    }
    return wallClock(y, mo, d, h, mi, s, timeZone, !timed);
  }
  return undefined;
}

function validWall(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function wallClock(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  timeZone: string,
  allDay: boolean,
) {
  if (!validWall(y, mo, d, h, mi, s)) return undefined;
  return { at: zonedInstant(y, mo, d, h, mi, timeZone, s), allDay };
}

/**
 * The Events row codec's other half: an event's cells by column key, for the table layer to place wherever the office
 * moved the columns (and to escape). Status is written in the office's words so the sheet's dropdown accepts it.
 */
export function eventCells(
  event: EventRecord,
  locale: Locale,
  statusNames?: Partial<StatusNames>,
): Record<string, CellValue> {
  return {
    id: event.id,
    date: new Date(event.at.getTime()),
    kind: event.kind,
    reason: event.reason,
    client: event.client,
    clientId: event.clientId,
    phone: event.phone,
    manager: event.manager,
    result: event.result,
    nextStep: event.nextStep,
    status: statusLabel(event.status, locale, statusNames),
    calendarEventId: event.calendarEventId,
    createdBy: event.createdBy,
    doneAt: event.doneAt ? new Date(event.doneAt.getTime()) : '',
    amount: event.amount ?? '',
    currency: event.currency ?? '',
    orderState: event.orderState ? orderStateLabel(event.orderState, locale) : '',
    document: event.document ?? '',
  };
}

/** The key events of one client share: the contact's resourceName, else the name text (rows restored by hand). */
export function clientKey(event: Pick<EventRecord, 'clientId' | 'client'>): string {
  if (event.clientId) return event.clientId;
  // A row typed by hand names the client in any order ("Иван Петров" for the card's "Петров Иван"): the words as a
  // set, compared the way the resolver compares names (core/clients/normalize.ts).
  const name = [...nameTokens(event.client)].sort().join(' ');
  return name ? `name:${name}` : '';
}
