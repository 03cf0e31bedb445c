// The Inbox sheet's read side for processing: the rows after the cursor (script property crm.inboxCursor: every row
// above it is handled), the key/state/result of the rows before it (the idempotency window), and the rows' updates.
// The sheet is the CRM's own, hidden, at fixed columns (core/pbx/inbox.ts INBOX_COLUMNS, A..F).

import type { PbxProvider } from '../../shared/pbx-dto';
import { parseEventDate } from '../../core/events/row';
import { INBOX_COLUMNS, InboxPayload, InboxRow, InboxState } from '../../core/pbx/inbox';
import type { NoticeRead } from '../../core/pbx/notice';
import type { InboxUpdate, SeenKey } from '../../core/pbx/plan';
import { pbxText } from '../../core/pbx/messages';
import { readNotice } from '../../core/pbx/read-notice';
import type { Locale } from '../../core/i18n/locale';
import { redactForLog } from '../../core/redact';
import { a1, BatchRead } from '../sheets/values-batch';

type Request = GoogleAppsScript.Sheets.Schema.Request;

export {
  INBOX_CURSOR_PROPERTY as CURSOR_PROPERTY,
  INBOX_PROCESSED_AT_PROPERTY as PROCESSED_AT_PROPERTY,
} from './setup-view';
/** How many rows before the cursor are checked for a key already processed (a PBX retries within minutes). */
export const WINDOW_ROWS = 5_000;

const COLUMN = Object.fromEntries(INBOX_COLUMNS.map((k, i) => [k, i])) as Record<
  (typeof INBOX_COLUMNS)[number],
  number
>;
const STATES: InboxState[] = ['', 'done', 'duplicate', 'problem', 'waiting'];

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const stateOf = (v: unknown): InboxState => {
  const s = text(v).toLowerCase() as InboxState;
  return STATES.includes(s) ? s : '';
};

export function inboxRowOf(cells: unknown[], row: number, timeZone: string): InboxRow {
  const received = cells[COLUMN.receivedAt];
  const at = typeof received === 'string' && !isNaN(Date.parse(received)) ? received : '';
  return {
    row,
    receivedAt: at || (parseEventDate(received, timeZone)?.at.toISOString() ?? ''),
    provider: text(cells[COLUMN.provider]).toLowerCase() as InboxRow['provider'],
    key: text(cells[COLUMN.key]),
    state: stateOf(cells[COLUMN.state]),
    result: text(cells[COLUMN.result]),
    payload: text(cells[COLUMN.payload]),
  };
}

/** Asks, in the caller's batch, for the rows after the cursor and the window before it. */
export function askInbox(
  batch: BatchRead,
  title: string,
  cursor: number,
  timeZone: () => string,
  got: (rows: InboxRow[], seen: Map<string, SeenKey>) => void,
): void {
  const rows: InboxRow[] = [];
  const seen = new Map<string, SeenKey>();
  const from = Math.max(2, cursor - WINDOW_ROWS + 1);
  if (cursor >= 2)
    batch.ask(a1(title, `C${from}:E${cursor}`), (v) =>
      v.forEach((cells, i) => noteKeys(seen, text(cells[0]), from + i, stateOf(cells[1]), text(cells[2]))),
    );
  batch.ask(a1(title, `A${cursor + 1}:F`), (v) => {
    v.forEach((cells, i) => rows.push(inboxRowOf(cells ?? [], cursor + 1 + i, timeZone())));
    // Rows after the cursor already handled (the cursor stopped at a recording waiting before them) count too.
    for (const r of rows) noteKeys(seen, r.key, r.row, r.state, r.result);
    got(rows, seen);
  });
}

/** Every key the Inbox holds (an import checks the whole column: call logs overlap by months). */
export function askAllKeys(batch: BatchRead, title: string, got: (seen: Map<string, SeenKey>) => void): void {
  batch.ask(a1(title, 'C2:E'), (v) => {
    const seen = new Map<string, SeenKey>();
    v.forEach((cells, i) => noteKeys(seen, text(cells[0]), i + 2, 'done', text(cells[2])));
    got(seen);
  });
}

function noteKeys(seen: Map<string, SeenKey>, keys: string, row: number, state: InboxState, result: string): void {
  if (state !== 'done' && state !== 'duplicate') return;
  for (const key of keys.split(/\s+/).filter(Boolean))
    if (!seen.has(key)) seen.set(key, { row, state: 'done', result });
}

/** The notices of one stored request, or why it cannot be read (kept in the row's result). */
export function noticesOf(row: InboxRow, options: { timeZone: string; locale: Locale }): NoticeRead {
  const provider = row.provider;
  if (provider !== 'mango' && provider !== 'zadarma')
    return { ok: false, problem: pbxText(options.locale, 'unknownProvider', { provider }) };
  let payload: InboxPayload;
  try {
    payload = JSON.parse(row.payload) as InboxPayload;
    if (!payload || typeof payload !== 'object') throw new Error('not an object');
  } catch {
    return { ok: false, problem: pbxText(options.locale, 'badPayload') };
  }
  try {
    return readNotice(
      provider as PbxProvider,
      {
        path: payload.path ?? '',
        params: payload.params ?? {},
        ...(payload.body !== undefined ? { body: payload.body } : {}),
      },
      { timeZone: options.timeZone, locale: options.locale },
    );
  } catch (e) {
    return { ok: false, problem: pbxText(options.locale, 'readFailed', { message: redactForLog(e) }) };
  }
}

/** key, state, result of the rows (C..E), one updateCells per run of adjacent rows. */
export function inboxUpdates(
  sheetId: number,
  updates: Array<Pick<InboxUpdate, 'row' | 'key' | 'state' | 'result'>>,
): Request[] {
  const sorted = [...updates].sort((a, b) => a.row - b.row);
  const out: Request[] = [];
  let run: typeof sorted = [];
  const flush = () => {
    if (!run.length) return;
    out.push({
      updateCells: {
        start: { sheetId, rowIndex: run[0].row - 1, columnIndex: COLUMN.key },
        rows: run.map((u) => ({
          values: [u.key, u.state, u.result].map((v) => ({ userEnteredValue: { stringValue: v } })),
        })),
        fields: 'userEnteredValue',
      },
    });
    run = [];
  };
  for (const u of sorted) {
    if (run.length && u.row !== run[run.length - 1].row + 1) flush();
    run.push(u);
  }
  flush();
  return out;
}

/** Whole Inbox rows (an import's calls, kept as done so a re-import finds their keys). */
export function inboxRowCells(row: Omit<InboxRow, 'row'>): GoogleAppsScript.Sheets.Schema.RowData {
  const values = INBOX_COLUMNS.map((k) => ({ userEnteredValue: { stringValue: String(row[k] ?? '') } }));
  return { values };
}
