// The Gmail add-on's writes to the CRM spreadsheet, made by the sheet project. The two projects share no lock
// (sheets/write-lock.ts says why), so the add-on never writes the spreadsheet itself: it POSTs what it wants written
// to the sheet project's web app (events/write-service.ts; executes as the deploying user, guarded by the shared
// secret both projects hold), which writes it under the sheet project's script lock, the one every writer takes.
// The answer carries the result and the Card index rows the write changed: the add-on announces them itself, one
// cache write (card-index/announce.ts), and its redrawn card reads them from memory.
//
// Setup (README): the sheet project deployed as a web app, its /exec URL in the add-on's script properties
// (SHEET_WRITE_PROPERTY), the same secret in both (CARD_PUSH_PROPERTIES.secret). Without them nothing is written and
// the card says so.

import type { ClientIndexEntry } from '../../core/card-index';
import { MIN_SECRET_CHARS } from '../../core/secret';
import { announceIndexChange, AnnouncedRow, CARD_PUSH_PROPERTIES } from '../card-index/announce';
import { rememberWritten } from '../card-index/client-index';

/** The add-on's script property holding the sheet project's web app URL (…/exec). */
export const SHEET_WRITE_PROPERTY = 'crm.sheet.writeUrl';

/** The writes the sheet project makes for the add-on, by name (the web app refuses any other). */
export type SheetWrite = 'logEvent' | 'changeEvent' | 'undoChange' | 'noteContact';

/** What the add-on sends. */
export interface SheetWriteRequest {
  secret: string;
  /** The add-on's user (what the event records as its author; the web app runs as the account that deployed it). */
  actor: string;
  write: SheetWrite;
  args: unknown[];
}

/** What the sheet project answers: the write's result and the index rows it changed, or why it refused. */
export type SheetWriteReply =
  { ok: true; result: unknown; rows: AnnouncedRow[] } | { ok: false; error?: string; busy?: boolean };

/** A write the add-on could not have made: the card tells the user in their language (gmail/actions.ts guarded). */
export class NotSaved extends Error {
  constructor(readonly reason: 'cardNotConnected' | 'cardSheetBusy') {
    super(reason);
  }
}

/**
 * Has the sheet project make `write(...args)` and returns its result. Throws NotSaved when the sheet project cannot
 * be reached or is busy past the lock's wait, and the sheet project's own message when it refused the write.
 */
export function writeThroughSheet<T>(write: SheetWrite, args: unknown[]): T {
  const all = PropertiesService.getScriptProperties().getProperties();
  const url = all[SHEET_WRITE_PROPERTY] ?? '';
  const secret = all[CARD_PUSH_PROPERTIES.secret] ?? '';
  if (!/^https:\/\//.test(url) || secret.length < MIN_SECRET_CHARS) throw new NotSaved('cardNotConnected');
  const actor = String(Session.getActiveUser().getEmail() ?? '');
  const reply = post(url, { secret, actor, write, args });
  if (!reply.ok) {
    if (reply.error && !reply.busy) throw new Error(reply.error);
    throw new NotSaved(reply.busy ? 'cardSheetBusy' : 'cardNotConnected');
  }
  for (const row of reply.rows)
    if (row.rowNumber) rememberWritten({ ...row, resourceName: row.entry.resourceName, rowNumber: row.rowNumber });
  if (reply.rows.length) announceIndexChange(reply.rows);
  return reply.result as T;
}

function post(url: string, request: SheetWriteRequest): SheetWriteReply {
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(url, {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify(request),
      muteHttpExceptions: true,
      followRedirects: true,
    });
  } catch {
    // No answer (UrlFetch's own timeout or quota): the write may or may not have landed. Each forwarded write carries
    // its own id, so doing it again finds the row instead of writing a second one.
    return { ok: false, busy: true };
  }
  if (response.getResponseCode() !== 200) return { ok: false, busy: true };
  try {
    const reply = JSON.parse(response.getContentText()) as SheetWriteReply;
    if (reply && typeof reply === 'object' && typeof reply.ok === 'boolean') return withRows(reply);
  } catch {
    // An HTML page (a web app that threw, a URL that is not the sheet project): not an answer.
  }
  return { ok: false };
}

function withRows(reply: SheetWriteReply): SheetWriteReply {
  if (!reply.ok) return reply;
  const rows = Array.isArray(reply.rows) ? reply.rows.filter(isRow) : [];
  return { ...reply, rows };
}

function isRow(row: unknown): row is AnnouncedRow {
  const r = row as { keys?: unknown; entry?: Partial<ClientIndexEntry> };
  return !!r && Array.isArray(r.keys) && !!r.entry && typeof r.entry.resourceName === 'string';
}
