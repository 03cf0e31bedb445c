// Page and sync tokens. Google's are opaque; ours carry what the next request needs (where to resume, the store
// revision the listing started from, the parameters of the first call) so that a token outlives a restart of the
// emulator like Google's outlive an Apps Script execution.

import { HTTP } from '../errors';
import { SAY } from './wording';

export interface PageState {
  /** Items already returned. */
  offset: number;
  /** The parameters of the first call, which later pages must repeat. */
  params: string;
  /** Store revision when the listing started (what its sync token will resume from). */
  rev: number;
  /** When the full sync this listing belongs to started (sync tokens expire 7 days after it). */
  syncStart?: number;
  /** For an incremental listing: the revision of the sync token it answers. */
  since?: number;
}

export interface SyncState {
  rev: number;
  params: string;
  syncStart: number;
}

const encode = (kind: string, state: object): string =>
  Buffer.from(JSON.stringify({ k: kind, ...state })).toString('base64url');

function decode<T>(api: string, kind: string, token: string, message: string): T {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { k?: string };
    if (parsed && parsed.k === kind) return parsed as T;
  } catch {
    // fall through to Google's error
  }
  throw HTTP.badRequest(api, message);
}

export const pageToken = {
  make: (kind: string, s: PageState) => encode(`p${kind}`, s),
  read: (api: string, kind: string, token: string, params: string): PageState => {
    const s = decode<PageState>(api, `p${kind}`, token, SAY.badPageToken);
    // "When the pageToken or syncToken is specified, all other request parameters must match the first call."
    if (s.params !== params) throw HTTP.badRequest(api, SAY.pageTokenMismatch);
    return s;
  },
};

export const syncToken = {
  make: (kind: string, s: SyncState) => encode(`s${kind}`, s),
  read: (api: string, kind: string, token: string): SyncState =>
    decode<SyncState>(api, `s${kind}`, token, SAY.badSyncToken),
};

/** "Sync tokens expire 7 days after the full sync" (people.connections.list reference). */
export const SYNC_TOKEN_TTL_MS = 7 * 24 * 3600_000;
