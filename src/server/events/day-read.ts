// One values.batchGet for what a screen or an action needs: the reference sheets (Settings, Lists, Staff, Labels),
// the open-events store (whole, or the rows the caller's hints name), the Card index (every list line, or the rows
// hinted), and the Events sheet's header rows and hinted rows. Everything an action then checks — that the id is still
// in the row the hint names — is checked against this one read; only a hint that has gone stale costs a search.

import { ClientSummary, summaryOfRowCells } from '../../core/card-index';
import { OpenEvent, openEventFromCells, openEventsFrom, problemsFromCell, StoredProblem } from '../../core/events';
import { findTable, HEADER_SEARCH_ROWS, Table } from '../../core/events/table';
import { template, SheetKey } from '../../core/sheets/templates';
import { crmSheet } from '../sheets/crm-spreadsheet';
import { a1, BatchRead } from '../sheets/values-batch';
import { IndexRow, indexRowFromCells, indexSheet } from '../card-index/index-sheet';
import { OfficeContext } from './office';
import { logText } from './messages';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ReadPlan {
  refs?: Array<'settings' | 'lists' | 'staff' | 'labels'>;
  /** 'all' = the whole store; numbers = those rows only. */
  store?: 'all' | number[];
  /** 'summaries' = every client's list line (A:C); numbers = those rows whole (A:D). */
  index?: 'summaries' | number[];
  /** The Events sheet's header rows, and these rows. */
  events?: number[];
  /** Also the Events rows just after this one (where appended events land): EVENTS_WINDOW rows. */
  eventsAfter?: number;
  /** More ranges read in the same request (telephony's Inbox, Callbacks and New callers: server/pbx/process.ts). */
  extra?: (batch: BatchRead) => void;
}

/** How many rows after the last known end of the Events sheet a read looks at for events appended since. */
export const EVENTS_WINDOW = 200;

export interface SheetRef {
  sheet: Sheet;
  sheetId: number;
  title: string;
}

export interface DayRead {
  store?: SheetRef & {
    open: OpenEvent[];
    rows: Map<number, OpenEvent>;
    problems: StoredProblem[];
    /** The last Events row the store knows of (E1): a hint where the sheet ends. */
    eventsEnd: number;
  };
  index?: SheetRef & { summaries: ClientSummary[]; rows: Map<number, IndexRow> };
  events?: SheetRef & {
    table: Table | undefined;
    rows: Map<number, unknown[]>;
    after?: { from: number; rows: unknown[][] };
  };
}

function ref(sheet: Sheet): SheetRef {
  return { sheet, sheetId: sheet.getSheetId(), title: sheet.getName() };
}

const valid = (n: number) => Number.isInteger(n) && n >= 2;

/** Reads what `plan` names in one request and primes the office's reference values with it. */
export function readDay(office: OfficeContext, plan: ReadPlan): DayRead {
  const ss = office.ss;
  const batch = new BatchRead();
  const ask = batch.ask.bind(batch);
  askReferenceSheets(batch, office, plan.refs ?? []);
  const out: DayRead = {};
  if (plan.store) {
    const sheet = crmSheet('openEvents', ss);
    if (sheet) {
      const store = (out.store = {
        ...ref(sheet),
        open: [] as OpenEvent[],
        rows: new Map<number, OpenEvent>(),
        problems: [] as StoredProblem[],
        eventsEnd: 0,
      });
      const head = (row: unknown[] | undefined) => {
        store.problems = problemsFromCell(row?.[3]);
        const end = Number(row?.[4]);
        store.eventsEnd = Number.isInteger(end) && end > 0 ? end : 0;
      };
      if (plan.store === 'all')
        // Row 1 is the header, with the damaged Events rows (D1) and where the Events sheet ends (E1) beside it.
        ask(a1(store.title, 'A1:E'), (v) => {
          head(v[0]);
          store.open = openEventsFrom(
            v.slice(1).map((r) => r.slice(0, 3)),
            2,
          );
          for (const e of store.open) store.rows.set(e.storeRow, e);
        });
      else {
        ask(a1(store.title, 'A1:E1'), (v) => head(v[0]));
        for (const row of plan.store.filter(valid))
          ask(a1(store.title, `A${row}:C${row}`), (v) => {
            const e = openEventFromCells(v[0], row);
            if (e) {
              store.rows.set(row, e);
              store.open.push(e);
            }
          });
      }
    }
  }
  if (plan.index) {
    const sheet = indexSheet(ss);
    if (sheet) {
      const index = (out.index = {
        ...ref(sheet),
        summaries: [] as ClientSummary[],
        rows: new Map<number, IndexRow>(),
      });
      if (plan.index === 'summaries')
        ask(a1(index.title, 'A2:C'), (v) => {
          v.forEach((cells, i) => {
            const s = summaryOfRowCells(cells[0], cells[1], cells[2]);
            if (s) index.summaries.push({ ...s, indexRow: i + 2 });
          });
        });
      else
        for (const row of plan.index.filter(valid))
          ask(a1(index.title, `A${row}:D${row}`), (v) => {
            const r = indexRowFromCells(v[0]);
            if (r) index.rows.set(row, r);
          });
    }
  }
  if (plan.events) {
    const sheet = crmSheet('events', ss);
    if (!sheet) throw new Error(logText(office.locale, 'noEventsSheet'));
    const events: NonNullable<DayRead['events']> = (out.events = {
      ...ref(sheet),
      table: undefined,
      rows: new Map<number, unknown[]>(),
    });
    ask(a1(events.title, `1:${HEADER_SEARCH_ROWS}`), (v) => (events.table = findTable(v, template('events'))));
    for (const row of plan.events.filter((n) => Number.isInteger(n) && n > 1))
      ask(a1(events.title, `${row}:${row}`), (v) => events.rows.set(row, v[0] ?? []));
    const after = plan.eventsAfter;
    if (after !== undefined && Number.isInteger(after) && after >= 1)
      ask(
        a1(events.title, `${after + 1}:${after + EVENTS_WINDOW}`),
        (v) => (events.after = { from: after + 1, rows: v }),
      );
  }
  plan.extra?.(batch);
  batch.read(ss);
  return out;
}

/** The reference sheets whole, in the same request; each primes the office (an absent sheet reads as empty). */
export function askReferenceSheets(batch: BatchRead, office: OfficeContext, keys: SheetKey[]): void {
  for (const key of keys) {
    const sheet = crmSheet(key, office.ss);
    if (sheet) batch.ask(a1(sheet.getName()), (v) => office.prime(key, v));
    else office.prime(key, []);
  }
}
