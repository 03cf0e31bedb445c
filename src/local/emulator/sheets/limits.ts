// Request sizes. Google documents no hard limit for the Sheets API, only "we recommend a 2 MB maximum payload"
// (https://developers.google.com/sheets/api/limits); what breaks in practice is the URL of a GET with many ranges
// (values.batchGet puts every range in the query string: public reports of failures at ~20k characters). The
// emulation is stricter than both, so the product stays far from where Google starts failing (all UNVERIFIED):
// - a batchGet URL longer than 2,048 characters (Apps Script's own URL limit for UrlFetchApp) is refused with the
//   sentence of Google's front end's 414 page;
// - a batchUpdate body over 2 MB is refused with Google's usual payload sentence.

import { GoogleJsonResponseException } from '../errors';
import { jsonBytes } from '../wire-size';

export const SHEETS_LIMITS = { urlChars: 2048, payloadBytes: 2 * 1024 * 1024 };

/** RFC 3986 strict: everything but unreserved characters escaped (' and ! too), the longest a client would send. */
const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The URL Apps Script would GET for a values.batchGet. */
export function batchGetUrl(spreadsheetId: string, query: Record<string, unknown>): string {
  const params: string[] = [];
  for (const [k, v] of Object.entries(query))
    for (const item of Array.isArray(v) ? v : [v]) params.push(`${k}=${encode(String(item))}`);
  return `https://sheets.googleapis.com/v4/spreadsheets/${encode(spreadsheetId)}/values:batchGet?${params.join('&')}`;
}

export function requireUrl(api: string, url: string): void {
  if (url.length > SHEETS_LIMITS.urlChars)
    throw new GoogleJsonResponseException(api, 414, 'URI_TOO_LONG', 'The requested URL is too large to process.');
}

export function requirePayload(api: string, body: unknown): void {
  const bytes = jsonBytes(body);
  if (bytes > SHEETS_LIMITS.payloadBytes)
    throw new GoogleJsonResponseException(
      api,
      413,
      'INVALID_ARGUMENT',
      `Request payload size exceeds the limit: ${SHEETS_LIMITS.payloadBytes} bytes.`,
      'badRequest',
    );
}
