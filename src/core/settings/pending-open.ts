// "Open in the CRM" from the Gmail card, handed over through the spreadsheet. The add-on is a standalone project and
// shares no storage with the sheet-bound one, and a URL parameter is not readable when the spreadsheet opens; the
// spreadsheet itself is what both can read and write. So the card writes a row into the Settings sheet — key
// `openInCrm`, value {client, user, at} — and the bound project's onOpen, which reads the Settings sheet anyway (for
// the language), finds it in the same request: a record of the user who opened it, under five minutes old, opens the
// Client sidebar on that client and is cleared. One row per user (the writer reuses its own row, or one that has gone
// stale), so two people clicking at once never overwrite each other. The key names no setting: settings ignore it.

import { findTable } from '../events/table';
import { headerKey } from '../sheets/template';
import { template } from '../sheets/templates';

export const PENDING_OPEN_KEY = 'openInCrm';
/**
 * The Settings sheet is protected (only the office account and the directors edit it), but anyone who clicks "Open in
 * the CRM" writes their record and their onOpen clears it. So records live from this row down, which the protection
 * leaves open (server/sheets/protect.ts) and the settings reader ignores (core/settings/read.ts): a key typed there
 * changes no setting.
 */
export const PENDING_OPEN_FIRST_ROW = 101;
/** How long a click on the card waits for the spreadsheet to open: past that, a later open shows the menu only. */
export const PENDING_OPEN_MAX_AGE_MS = 5 * 60 * 1000;
/** A client's text longer than this is not a client (resourceNames are ~20 characters; the resolver takes names). */
const MAX_CLIENT = 200;

export interface PendingOpen {
  /** What the Client sidebar opens on: a resourceName (or an e-mail the resolver takes). */
  client: string;
  /** The e-mail of the user who clicked, lower case. */
  user: string;
  /** When, ISO. */
  at: string;
}

export interface PendingOpenRow {
  /** 0-based index in the values. */
  index: number;
  record?: PendingOpen;
}

/** The cell's text → a record; undefined for an empty, cleared or malformed cell. */
export function parsePendingOpen(cell: unknown): PendingOpen | undefined {
  const text = typeof cell === 'string' ? cell.trim() : '';
  if (!text.startsWith('{')) return undefined;
  try {
    const r = JSON.parse(text) as Partial<PendingOpen>;
    if (typeof r.client !== 'string' || typeof r.user !== 'string' || typeof r.at !== 'string') return undefined;
    if (!r.client || r.client.length > MAX_CLIENT || !r.user || !Number.isFinite(Date.parse(r.at))) return undefined;
    return { client: r.client, user: r.user.toLowerCase(), at: r.at };
  } catch {
    return undefined;
  }
}

export function pendingOpenText(record: PendingOpen): string {
  return JSON.stringify({ client: record.client, user: record.user.toLowerCase(), at: record.at });
}

/** Every `openInCrm` row of the Settings sheet's values (none when the values hold no Settings table). */
export function pendingOpenRows(values: unknown[][]): PendingOpenRow[] {
  const table = findTable(values, template('settings'), 2);
  if (!table || table.columns.key < 0 || table.columns.value < 0) return [];
  const key = headerKey(PENDING_OPEN_KEY);
  const out: PendingOpenRow[] = [];
  for (let i = table.headerIndex + 1; i < values.length; i++) {
    const row = values[i] ?? [];
    if (headerKey(row[table.columns.key]) !== key) continue;
    out.push({ index: i, record: parsePendingOpen(row[table.columns.value]) });
  }
  return out;
}

/** A record written under five minutes ago (and not in the future by more than a minute's clock skew). */
export function isFresh(record: PendingOpen, now: number): boolean {
  const age = now - Date.parse(record.at);
  return age < PENDING_OPEN_MAX_AGE_MS && age > -60_000;
}

/** The fresh records waiting; a cheap test before asking who the user is (a service call). */
export function freshRows(rows: PendingOpenRow[], now: number): PendingOpenRow[] {
  return rows.filter((r) => r.record && isFresh(r.record, now));
}

/** The row `user`'s record waits in, when fresh. */
export function pendingFor(rows: PendingOpenRow[], user: string, now: number): PendingOpenRow | undefined {
  const me = user.trim().toLowerCase();
  if (!me) return undefined;
  return freshRows(rows, now).find((r) => r.record?.user === me);
}

/** Where the card writes `user`'s record: their own row, else one cleared or gone stale; undefined: append a row. */
export function rowToWrite(rows: PendingOpenRow[], user: string, now: number): PendingOpenRow | undefined {
  const me = user.trim().toLowerCase();
  // Only rows in the open zone: a record an older version wrote among the settings is protected now.
  const open = rows.filter((r) => r.index >= PENDING_OPEN_FIRST_ROW - 1);
  return open.find((r) => r.record?.user === me) ?? open.find((r) => !r.record || !isFresh(r.record, now));
}
