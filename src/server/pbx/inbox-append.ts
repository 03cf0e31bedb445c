// One accepted PBX request → one row of the hidden Inbox sheet (sheets-templates/inbox.json), written by the web app
// in as few service calls as the API allows: the lock, then ONE Sheets spreadsheets.batchUpdate with an appendCells
// request (atomic; every cell a stringValue, so a payload beginning with "=" or "+7…" stays text). The sheet's id
// comes from the script properties the endpoint has already read (setup remembers it), so nothing is looked up; the
// columns are the template's order, as setup and createMissingSheet make them (the sheet is hidden and ours).

import { INBOX_COLUMNS, InboxPayload } from '../../core/pbx/inbox';
import type { PbxProvider } from '../../shared/pbx-dto';
import { crmSheet, SHEET_IDS } from '../sheets/crm-spreadsheet';
import { readSettings, uiLocale } from '../sheets/settings';
import { createMissingSheet } from '../sheets/setup';
import { appendRows, cellData, rowData, writeBatch } from '../sheets/values-batch';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * How long a webhook waits for the one before it. PBXs give up after 5–10 s; an append takes a fraction of a second,
 * so this is a queue of dozens of simultaneous calls, and a wait past it answers `busy` (nothing stored).
 */
export const INBOX_LOCK_WAIT_MS = 5_000;

function rememberedInboxId(props: Record<string, string>): number | undefined {
  try {
    const id = (JSON.parse(props[SHEET_IDS] ?? '{}') as Record<string, unknown>).inbox;
    return typeof id === 'number' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Inbox sheet found by title or remembered id, or made now for an office set up before issue 15: calls beyond the
 * three, once (setup remembers its id, so the next request is back to three).
 */
function inboxSheetId(ss: Spreadsheet): number {
  const sheet = crmSheet('inbox', ss) ?? createMissingSheet(ss, 'inbox', uiLocale(readSettings(ss)));
  return sheet.getSheetId();
}

/**
 * Appends the request. `props`: the script properties the endpoint read (the sheet ids among them). Throws Google's
 * "Lock timeout" when the wait runs out (the endpoint answers `busy`).
 */
export function appendToInbox(
  props: Record<string, string>,
  provider: PbxProvider,
  payload: InboxPayload,
  receivedAt: Date,
): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const values: Record<(typeof INBOX_COLUMNS)[number], string> = {
    receivedAt: receivedAt.toISOString(),
    provider,
    key: '',
    state: '',
    result: '',
    payload: JSON.stringify(payload),
  };
  const row = rowData(INBOX_COLUMNS.map((c) => cellData(values[c], 'UTC')));
  // The USER lock, not the script lock the CRM's writes take (sheets/write-lock.ts): every webhook execution runs as
  // the deploying user ("execute as me"), so the user lock lines them up among themselves, while an import or a
  // processing run holding the write lock for minutes never makes a PBX wait past its timeout. appendCells is atomic
  // on its own; the lock keeps simultaneous webhooks from hammering one spreadsheet with parallel writes (Sheets
  // answers those with errors and retries) and lands the rows in the order they were received.
  // No releaseLock: the execution ends right after this write, and Apps Script releases a lock when its execution
  // ends — a release would be a fourth service call for nothing.
  LockService.getUserLock().waitLock(INBOX_LOCK_WAIT_MS);
  const remembered = rememberedInboxId(props);
  if (remembered !== undefined) {
    try {
      writeBatch(ss, [appendRows(remembered, [row])]);
      return;
    } catch (e) {
      // The remembered sheet is gone (deleted by hand): found or made again below; anything else is the API's error.
      if (inboxSheetId(ss) === remembered) throw e;
    }
  }
  writeBatch(ss, [appendRows(inboxSheetId(ss), [row])]);
}
