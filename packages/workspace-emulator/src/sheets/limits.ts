// Request sizes. Google documents no hard limit for the Sheets API, only "we recommend a 2 MB maximum payload"
// (https://developers.google.com/sheets/api/limits). What breaks in practice is the URL of a GET with many ranges:
// values.batchGet puts every range in the query string, and Google's API front end stops at 8,192 characters of URL
// (reported for Drive's files.list, googleapis/google-api-nodejs-client#972; a Sheets batchGet of ~20k characters
// failed in dust-tt/dust#4042). So, all UNVERIFIED for the Sheets API through Apps Script:
// - a batchGet URL over 8,192 characters, counted with every reserved character escaped (a Cyrillic letter of a sheet
//   title costs 6), is refused with the sentence of Google's front end's 414 page;
// - a batchUpdate body over 2 MB is refused with Google's usual payload sentence (stricter than Google, which only
//   recommends it).

import { GoogleJsonResponseException } from '../errors';
import { jsonBytes } from '../wire-size';
import { PAYLOAD_LIMITS } from '../limits';

export const SHEETS_LIMITS = {
  urlChars: PAYLOAD_LIMITS.sheetsApiUrlChars.value,
  payloadBytes: PAYLOAD_LIMITS.sheetsApiPayloadBytes.value,
};

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
