// Drive's REST endpoints for content, as UrlFetchApp reaches them with the script's own token
// (`Authorization: Bearer ` + ScriptApp.getOAuthToken()):
//   GET https://www.googleapis.com/drive/v3/files/{id}/export?mimeType=…   a Doc or a Sheet converted
//   GET https://www.googleapis.com/drive/v3/files/{id}?alt=media           a binary file's bytes
// (https://developers.google.com/drive/api/reference/rest/v3/files/export, …/files/get, guides/manage-downloads).
//
// Conversions: a Doc → application/pdf (docs/model's paragraphs on A4, export/pdf.ts) or text/plain; a Sheet →
// application/pdf (the grids) or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet. Google's other
// documented targets (docx, odt, rtf, html, epub, csv, ods…) answer 400 as not emulated; a target Drive does not
// offer for the type answers Drive's "The requested conversion is not supported.". "Note that the exported content
// is limited to 10MB" (files.export reference): past it 403 exportSizeLimitExceeded.
//
// Errors are Drive's JSON ({"error": {code, message, errors: [{domain, reason, message, location, locationType}],
// status}}). Without a token 401 "Login Required."; a token the emulator did not mint, or past its hour, 401
// "Invalid Credentials"; a token without a Drive scope 403 insufficientPermissions; with drive.file (no drive, no
// drive.readonly) only the files the token's project created or copied, others 404 "File not found: <id>." as the
// Drive API answers. Wording of the 401/403/404 bodies: as Google's public responses show them; the exportSize and
// fileNotExportable sentences UNVERIFIED.

import { DOC_MIME, DriveFileRecord, DriveStore, isEditorsFile, isFolder, reachableBy, SHEET_MIME } from './store';
import { SpreadsheetStore } from '../spreadsheet/store';
import { readToken } from '../auth/oauth-token';
import type { RouteHandler, RouteReply } from '../urlfetch/network';
import { renderPdf } from '../export/pdf';
import { docLayout, docPlainText } from '../export/from-doc';
import { sheetLayout, sheetXlsx } from '../export/from-sheet';
import { encodeText } from '../script/blob';
import { SAY } from './wording';

export const DRIVE_FILES_URL = 'https://www.googleapis.com/drive/v3/files/';
export const PDF = 'application/pdf';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** "the exported content is limited to 10MB" (files.export); read as 10 × 2^20 bytes. */
export const EXPORT_LIMIT_BYTES = 10 * 1024 * 1024;

const AUTH = 'https://www.googleapis.com/auth/';
const SEE_ALL = [`${AUTH}drive`, `${AUTH}drive.readonly`];
const DRIVE_ANY = [...SEE_ALL, `${AUTH}drive.file`];

/** Google's documented export targets per type, beyond what the emulator renders (refused as not emulated). */
const OTHER_TARGETS: Record<string, string[]> = {
  [DOC_MIME]: [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text',
    'application/rtf',
    'text/html',
    'application/zip',
    'application/epub+zip',
    'text/markdown',
  ],
  [SHEET_MIME]: [
    'application/x-vnd.oasis.opendocument.spreadsheet',
    'text/csv',
    'text/tab-separated-values',
    'application/zip',
  ],
};

interface Deps {
  drive: DriveStore;
  spreadsheets: SpreadsheetStore;
  now: () => number;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): RouteReply {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=UTF-8', ...headers },
    body: JSON.stringify(body, null, 2),
  };
}

const STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
};

function error(
  code: number,
  message: string,
  reason: string,
  location?: { location: string; locationType: string },
  headers?: Record<string, string>,
  itemMessage = message,
): RouteReply {
  const item = { message: itemMessage, domain: 'global', reason, ...location };
  return json(code, { error: { code, message, errors: [item], status: STATUS[code] } }, headers);
}

const SEE = 'See https://developers.google.com/identity/sign-in/web/devconsole-project.';
const CREDENTIAL = 'Expected OAuth 2 access token, login cookie or other valid authentication credential.';
const AT_HEADER = { location: 'Authorization', locationType: 'header' };
const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"' };

/** The emulated Drive REST endpoints (register under DRIVE_FILES_URL). */
export function driveHttp(deps: Deps): RouteHandler {
  return (request) => {
    const header = request.headers['authorization'] ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!bearer)
      return error(
        401,
        `Request is missing required authentication credential. ${CREDENTIAL} ${SEE}`,
        'required',
        AT_HEADER,
        CHALLENGE,
        'Login Required.',
      );
    const claims = readToken(bearer, deps.now());
    if (typeof claims === 'string')
      return error(
        401,
        `Request had invalid authentication credentials. ${CREDENTIAL} ${SEE}`,
        'authError',
        AT_HEADER,
        { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
        'Invalid Credentials',
      );
    if (claims.scopes && !claims.scopes.some((s) => DRIVE_ANY.includes(s)))
      return error(403, 'Request had insufficient authentication scopes.', 'insufficientPermissions', undefined, {
        'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="insufficient_scope"',
      });
    const url = new URL(request.url);
    const m = /^\/drive\/v3\/files\/([^/]+)(\/export)?$/.exec(url.pathname);
    if (!m) return error(404, SAY.notEmulated(`the Drive endpoint ${url.pathname}`), 'notFound');
    if (request.method !== 'GET') return error(405, SAY.notEmulated(`${request.method} ${url.pathname}`), 'badRequest');
    const id = decodeURIComponent(m[1]);
    const f = deps.drive.record(id);
    const narrow = !!claims.scopes && !claims.scopes.some((s) => SEE_ALL.includes(s));
    if (!f || (narrow && !reachableBy(f, claims.project)))
      return error(404, SAY.notFound(id), 'notFound', { location: 'fileId', locationType: 'parameter' });
    return m[2] ? exportFile(deps, f, url.searchParams.get('mimeType')) : download(deps, f, url.searchParams);
  };
}

function exportFile(deps: Deps, f: DriveFileRecord, mimeType: string | null): RouteReply {
  if (mimeType === null || mimeType === '')
    return error(400, 'Required parameter: mimeType', 'required', { location: 'mimeType', locationType: 'parameter' });
  if (!isEditorsFile(f)) return error(403, 'Export only supports Docs Editors files.', 'fileNotExportable');
  let bytes: Uint8Array;
  if (f.mimeType === DOC_MIME && f.doc && mimeType === PDF) bytes = renderPdf(docLayout(f.name, f.doc));
  else if (f.mimeType === DOC_MIME && f.doc && mimeType === 'text/plain') bytes = encodeText(docPlainText(f.doc));
  else if (f.mimeType === SHEET_MIME && mimeType === PDF) bytes = renderPdf(sheetLayout(deps.spreadsheets, f.id));
  else if (f.mimeType === SHEET_MIME && mimeType === XLSX_MIME) bytes = sheetXlsx(deps.spreadsheets, f.id);
  else if (OTHER_TARGETS[f.mimeType]?.includes(mimeType))
    return error(400, SAY.notEmulated(`exporting ${f.mimeType} as ${mimeType}`), 'badRequest');
  else
    return error(400, 'The requested conversion is not supported.', 'badRequest', {
      location: 'convertTo',
      locationType: 'parameter',
    });
  if (bytes.length > EXPORT_LIMIT_BYTES)
    return error(403, 'This file is too large to be exported.', 'exportSizeLimitExceeded');
  const type = mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : mimeType;
  // Converting takes Google a moment: a base and the bytes made (UNVERIFIED figures).
  return {
    status: 200,
    headers: { 'Content-Type': type },
    body: bytes,
    latencyMs: 600 + Math.round(bytes.length / 1024),
  };
}

function download(deps: Deps, f: DriveFileRecord, query: URLSearchParams): RouteReply {
  if (query.get('alt') !== 'media')
    return error(400, SAY.notEmulated('file metadata over UrlFetchApp (use the Drive advanced service)'), 'badRequest');
  if (isFolder(f) || isEditorsFile(f)) return error(403, SAY.notDownloadable, 'fileNotDownloadable');
  const bytes = deps.drive.bytes(f);
  return {
    status: 200,
    headers: { 'Content-Type': f.mimeType, 'Content-Length': String(bytes.length) },
    body: bytes,
    latencyMs: 200 + Math.round(bytes.length / 5120),
  };
}
