// Processing the Inbox (trigger processInboxTrigger every 5 minutes; `crm process-inbox`), and the write both it and
// the call-log import share. Under the write lock:
//   one values.batchGet — Inbox rows after the cursor and the window's keys before it, Staff, Settings, Lists, the
//     open-events store's head, the Card index's list lines (phone → client), Callbacks, New callers, the Events
//     header; the Events sheet's last row (one call: where appended events land);
//   the pure plan (core/pbx/plan.ts);
//   a second small values.batchGet only when the plan needs it — the Card index rows of the clients it touches (their
//     entries take the events) and the Events rows earlier recordings attach to (their ids confirmed);
//   ONE atomic spreadsheets.batchUpdate — Events rows appended, Card index rows, E1 of the store, Callbacks and New
//     callers rows, the Inbox rows' key/state/result — so a crash never leaves an event without its Inbox mark;
//   then the CRM lines of the touched clients, then the cursor and crm.inboxProcessedAt.

import { ClientSummary } from '../../core/card-index';
import { parseEventRow } from '../../core/events/row';
import { withRecording } from '../../core/pbx/call-event';
import type { InboxRow } from '../../core/pbx/inbox';
import { ClientMatch, emptyCounts, Plan, planInbox, PlanRow, SeenKey } from '../../core/pbx/plan';
import { parseStaffPhones } from '../../core/pbx/staff-phones';
import type { SheetKey } from '../../core/sheets/templates';
import type { ProcessInboxResult } from '../../shared/pbx-dto';
import type { IndexedRow } from '../card-index/index-sheet';
import { scriptClock } from '../clock';
import { DayRead, readDay } from '../events/day-read';
import { searchEventRow } from '../events/event-target';
import { afterEventsWritten, eventsBatch } from '../events/append-batch';
import { OfficeContext } from '../events/office';
import { crmSheet } from '../sheets/crm-spreadsheet';
import { createMissingSheet } from '../sheets/setup';
import { BatchRead, cellData, updateCellsOfRow, writeBatch } from '../sheets/values-batch';
import { underWriteLock } from '../sheets/write-lock';
import { askCallbacks, callbackWrites, CallbacksRead } from './callbacks-sheet';
import { askCallers, callerWrites, CallersRead } from './callers-sheet';
import { askInbox, CURSOR_PROPERTY, inboxUpdates, noticesOf, PROCESSED_AT_PROPERTY } from './inbox-sheet';

type Request = GoogleAppsScript.Sheets.Schema.Request;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A trigger execution may run 6 minutes: rows stop being taken well before, so the write always lands. */
export const PROCESS_BUDGET_MS = 240_000;
/** At most this many Inbox rows per run (one batchUpdate stays small); the rest wait for the next run. */
export const MAX_ROWS_PER_RUN = 2_000;

export interface PlanSheets {
  callbacks: Sheet;
  callers: Sheet;
}

/** The sheet, created when an office set up before issue 15 lacks it. */
export function sheetOrCreate(office: OfficeContext, key: SheetKey): Sheet {
  return crmSheet(key, office.ss) ?? createMissingSheet(office.ss, key, office.locale);
}

/** What the first read gives the plan, besides the rows: phone → client, callbacks, callers, the Events layout. */
export interface PlanContext {
  day: DayRead;
  sheets: PlanSheets;
  callbacks: CallbacksRead;
  callers: CallersRead;
  clients: Map<string, ClientSummary>;
}

/** The first batch read: the reference sheets, index list lines, store head, Events header, lists, plus `extra`. */
export function readPlanContext(office: OfficeContext, extra: (batch: BatchRead) => void): PlanContext {
  const sheets = { callbacks: sheetOrCreate(office, 'callbacks'), callers: sheetOrCreate(office, 'callers') };
  let callbacks: CallbacksRead = { table: undefined, items: [] };
  let callers: CallersRead = { table: undefined, items: [] };
  const tz = () => office.timeZone;
  const day = readDay(office, {
    refs: ['settings', 'lists', 'staff'],
    store: [],
    index: 'summaries',
    events: [],
    extra: (batch) => {
      askCallbacks(batch, sheets.callbacks.getName(), tz, (r) => (callbacks = r));
      askCallers(batch, sheets.callers.getName(), tz, (r) => (callers = r));
      extra(batch);
    },
  });
  if (!day.events?.table) throw new Error('The Events sheet has no header row.');
  const clients = new Map<string, ClientSummary>();
  for (const s of day.index?.summaries ?? []) for (const p of s.phones) if (!clients.has(p)) clients.set(p, s);
  return { day, sheets, callbacks, callers, clients };
}

export function planFor(office: OfficeContext, ctx: PlanContext, rows: PlanRow[], seen: Map<string, SeenKey>): Plan {
  const settings = office.settings;
  const country = settings.get('defaultCountry');
  return planInbox({
    rows,
    seen,
    callbacks: ctx.callbacks.items,
    callers: ctx.callers.items,
    clientOf: (e164): ClientMatch | undefined => {
      const s = ctx.clients.get(e164);
      return s ? { clientId: s.resourceName, name: s.name, manager: s.manager } : undefined;
    },
    staff: parseStaffPhones(office.values('staff'), country),
    settings: {
      callKind: settings.get('callKind'),
      callReason: settings.get('callReason'),
      defaultCountry: country,
      locale: office.locale,
    },
    now: new Date(scriptClock.now()),
  });
}

export interface Written {
  /** Card index entries of the clients whose events were written (their CRM lines follow). */
  touched: IndexedRow[];
  /** Event id → the Events row it landed on. */
  landed: Map<string, number>;
}

/** The plan's writes (and the caller's `more(landed)` requests: Inbox rows) in ONE batchUpdate. */
export function writePlan(
  office: OfficeContext,
  ctx: PlanContext,
  plan: Plan,
  more: (landed: Map<string, number>) => Request[],
): Written {
  const locale = office.locale;
  const tz = office.timeZone;
  // The events with their clients' index rows (events/append-batch.ts); the recordings' Events rows in the same read.
  const batch = eventsBatch(
    office,
    ctx.day,
    plan.events.map((p) => p.event),
    plan.recordings.map((r) => r.eventRow),
  );
  const requests: Request[] = [...batch.requests];
  requests.push(...recordingWrites(office, ctx, plan, batch.second));
  requests.push(...callbackWrites(ctx.sheets.callbacks.getSheetId(), ctx.callbacks.table, plan.callbacks, locale, tz));
  requests.push(...callerWrites(ctx.sheets.callers.getSheetId(), ctx.callers.table, plan.callers, locale, tz));
  requests.push(...more(batch.landed));
  writeBatch(office.ss, requests);
  afterEventsWritten(batch, office);
  return { touched: batch.touched, landed: batch.landed };
}

/** The result cells of events earlier runs wrote, their recording added; each row's id checked first. */
function recordingWrites(office: OfficeContext, ctx: PlanContext, plan: Plan, second: DayRead | undefined): Request[] {
  const events = ctx.day.events!;
  const table = events.table!;
  const resultColumn = table.columns.result ?? -1;
  if (resultColumn < 0) return [];
  const out: Request[] = [];
  const results = new Map<number, string>();
  for (const r of plan.recordings) {
    let row = r.eventRow;
    let cells = second?.events?.rows.get(row);
    const idAt = (c: unknown[] | undefined) => String(c?.[table.columns.id] ?? '').trim();
    if (idAt(cells) !== r.eventId) {
      // Rows sorted or moved by hand since: the id searched (one TextFinder), the row read.
      row = searchEventRow(ctx.day, r.eventId);
      cells = row ? (events.sheet.getRange(row, 1, 1, table.headers.length).getValues()[0] as unknown[]) : undefined;
      if (idAt(cells) !== r.eventId) continue;
    }
    const parsed = parseEventRow(cells ?? [], row, table, { timeZone: office.timeZone, locale: office.locale });
    const before = results.get(row) ?? parsed.event?.result ?? '';
    const after = withRecording(before, r.recording, office.locale);
    if (after !== before) results.set(row, after);
  }
  for (const [row, result] of results)
    out.push(...updateCellsOfRow(events.sheetId, row, new Map([[resultColumn, cellData(result, office.timeZone)]])));
  return out;
}

/** The Inbox result of a row that became an event: `E…@row` (the row it landed on). */
export function withLanding(result: string, eventId: string | undefined, landed: Map<string, number>): string {
  const row = eventId ? landed.get(eventId) : undefined;
  return eventId && row ? result.replace(eventId, `${eventId}@${row}`) : result;
}

export function processInbox(options: { budgetMs?: number } = {}): ProcessInboxResult {
  return underWriteLock(() => processIn(new OfficeContext(), options.budgetMs ?? PROCESS_BUDGET_MS));
}

function emptyResult(left = 0): ProcessInboxResult {
  return { ...emptyCounts(), left };
}

/** A row emptied by hand: nothing to process, the cursor passes it. */
const blankRow = (r: InboxRow) => r.payload === '' && String(r.provider) === '';

function processIn(office: OfficeContext, budgetMs: number): ProcessInboxResult {
  const started = Date.now();
  const props = PropertiesService.getScriptProperties();
  const inbox = crmSheet('inbox', office.ss);
  const now = new Date(scriptClock.now()).toISOString();
  if (!inbox) {
    // An office set up before issue 15 that no PBX has reached yet: the Inbox is made, there is nothing in it.
    createMissingSheet(office.ss, 'inbox', office.locale);
    props.setProperty(PROCESSED_AT_PROPERTY, now);
    return emptyResult();
  }
  const cursor = Math.max(1, Math.floor(Number(props.getProperty(CURSOR_PROPERTY)) || 1));
  let rows: InboxRow[] = [];
  let seen = new Map<string, SeenKey>();
  const ctx = readPlanContext(office, (batch) =>
    askInbox(
      batch,
      inbox.getName(),
      cursor,
      () => office.timeZone,
      (r, s) => ((rows = r), (seen = s)),
    ),
  );
  const options = { timeZone: office.timeZone, locale: office.locale };
  const taken: PlanRow[] = [];
  for (const r of rows) {
    if (r.state !== '' && r.state !== 'waiting') continue;
    if (blankRow(r)) continue;
    if (taken.length >= MAX_ROWS_PER_RUN || Date.now() - started >= budgetMs) break;
    const receivedAt = r.receivedAt ? new Date(r.receivedAt) : undefined;
    taken.push({ row: r.row, ...(receivedAt ? { receivedAt } : {}), read: noticesOf(r, options) });
  }
  const plan = planFor(office, ctx, taken, seen);
  for (const p of plan.counts.problems) p.source = rows.find((r) => r.row === p.row)?.provider ?? p.source;
  const updates = new Map(plan.inbox.map((u) => [u.row, u]));
  writePlan(office, ctx, plan, (landed) =>
    inboxUpdates(
      inbox.getSheetId(),
      plan.inbox.map((u) => ({ ...u, result: withLanding(u.result, u.eventId, landed) })),
    ),
  );
  // The cursor stops before the first row not finished (a recording waiting for its call, a row left for later).
  let newCursor = cursor;
  let left = 0;
  let stopped = false;
  for (const r of rows) {
    const state = updates.get(r.row)?.state ?? r.state;
    const finished = blankRow(r) || state === 'done' || state === 'duplicate' || state === 'problem';
    if (!finished) left++;
    if (!finished) stopped = true;
    if (!stopped) newCursor = r.row;
  }
  props.setProperties({ [CURSOR_PROPERTY]: String(newCursor), [PROCESSED_AT_PROPERTY]: now });
  return { ...plan.counts, left };
}
