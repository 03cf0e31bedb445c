// The Inbox sheet's rows (sheets-templates/inbox.json): every PBX request whose secret was right, as it came, appended
// by the web app under a lock (server/pbx/endpoint.ts) and turned into events later (server/pbx/process.ts).

import type { PbxProvider } from '../../shared/pbx-dto';

/**
 * '' = received, not processed yet; done = processed (its outcome in `result`); duplicate = a notification already
 * processed; problem = could not be read (the reason in `result`); waiting = a recording whose call has not ended yet.
 */
export type InboxState = '' | 'done' | 'duplicate' | 'problem' | 'waiting';

/** What the web app stores of one request: everything the PBX sent except our secret. */
export interface InboxPayload {
  /** e.pathInfo ('' when none): Mango appends events/summary etc. to the URL. */
  path: string;
  /** Query and form parameters, first values (Mango: vpbx_api_key, sign, json; Zadarma: event, pbx_call_id…). */
  params: Record<string, string>;
  /** The raw body when it was not a form (a JSON POST); absent otherwise. */
  body?: string;
}

export interface InboxRow {
  /** Sheet row. */
  row: number;
  /** ISO instant the web app received it. */
  receivedAt: string;
  provider: PbxProvider | 'asterisk' | 'csv';
  /** noticeKey of the notice(s) it held, written by processing ('' before). */
  key: string;
  state: InboxState;
  /** Processing's outcome: the event id (`E…@row`), 'callback', 'caller', or a problem's message. */
  result: string;
  /** JSON of InboxPayload. */
  payload: string;
}

/** Inbox columns in order (the template's keys): the web app writes receivedAt, provider and payload. */
export const INBOX_COLUMNS = ['receivedAt', 'provider', 'key', 'state', 'result', 'payload'] as const;

/** A payload longer than a Sheets cell holds (50,000 characters) is refused by the web app, not cut. */
export const INBOX_PAYLOAD_MAX_CHARS = 50_000;
