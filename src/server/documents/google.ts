// The Google calls a document needs, each as Google documents it: the Docs advanced service (v1), the Drive advanced
// service (v3) and Drive's REST export, all under the drive.file scope (the CRM reaches the files it created). Drive's
// advanced-service Files.export is typed `void` in Apps Script (it hands back no bytes), so the export is the documented
// REST URL through UrlFetchApp with the script's own OAuth token.

import { withDriveRetry } from '../backup/drive-folders';

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type Document = GoogleAppsScript.Docs.Schema.Document;
type StructuralElement = GoogleAppsScript.Docs.Schema.StructuralElement;
type Blob = GoogleAppsScript.Base.Blob;

export const DOC_MIME = 'application/vnd.google-apps.document';
export const SHEET_MIME = 'application/vnd.google-apps.spreadsheet';
export const PDF_MIME = 'application/pdf';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function files(): GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection {
  if (!Drive?.Files) throw new Error('The Drive advanced service is not enabled in the manifest.');
  return Drive.Files;
}

export function docs(): GoogleAppsScript.Docs.Collection.DocumentsCollection {
  if (!Docs?.Documents) throw new Error('The Docs advanced service is not enabled in the manifest.');
  return Docs.Documents;
}

/** Google's HTTP status of a failed advanced-service call, when it says one. */
export function statusOf(e: unknown): number | undefined {
  const code = (e as { details?: { code?: number }; code?: number })?.details?.code ?? (e as { code?: number })?.code;
  if (typeof code === 'number') return code;
  const m = /\b(40[0-9]|5\d\d)\b/.exec(e instanceof Error ? e.message : String(e));
  return m ? Number(m[1]) : undefined;
}

/** A new Google Doc holding `text` (two calls: create, one insertText): the project's own file, which drive.file reaches. */
export function createDocWithText(title: string, text: string): string {
  const id = String(docs().create({ title }).documentId);
  if (text) docs().batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text } }] }, id);
  return id;
}

export function fileMeta(id: string): DriveFile {
  return withDriveRetry(() => files().get(id, { fields: 'id,name,mimeType,trashed' }));
}

/** A copy of `id` named `name` in `folder`: it belongs to the project, as every file it creates (drive.file). */
export function copyFile(id: string, name: string, folder: string): string {
  const made = withDriveRetry(() => files().copy({ name, parents: [folder] }, id, { fields: 'id' }));
  return String(made.id);
}

export function saveFile(blob: Blob, name: string, mimeType: string, folder: string): string {
  const made = withDriveRetry(() => files().create({ name, mimeType, parents: [folder] }, blob, { fields: 'id' }));
  return String(made.id);
}

/** Deleted outright, not trashed: the filled copy is a step on the way to the PDF, not a document of its own. */
export function removeFile(id: string): void {
  withDriveRetry(() => files().remove(id));
}

function authorized(url: string): GoogleAppsScript.URL_Fetch.HTTPResponse {
  return UrlFetchApp.fetch(url, {
    headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
    muteHttpExceptions: true,
  });
}

export interface Fetched {
  status: number;
  blob?: Blob;
}

/** A Google Doc or Sheet exported as `mimeType` (Drive: "exported content is limited to 10MB"). */
export function exportFile(id: string, mimeType: string): Fetched {
  const url = `https://www.googleapis.com/drive/v3/files/${encodeURIComponent(id)}/export?mimeType=${encodeURIComponent(mimeType)}`;
  for (let attempt = 1; ; attempt++) {
    const response = authorized(url);
    const status = response.getResponseCode();
    if (status === 200) return { status, blob: response.getBlob() };
    // Rate limits and Google's own failures are retried (1, 2 s); anything else is the answer.
    if (attempt >= 3 || !(status === 429 || status >= 500)) return { status };
    Utilities.sleep(1000 * attempt);
  }
}

/** A binary file's bytes (the PDF an e-mail attaches): Drive's `alt=media`. */
export function downloadFile(id: string): Fetched {
  const response = authorized(`https://www.googleapis.com/drive/v3/files/${encodeURIComponent(id)}?alt=media`);
  const status = response.getResponseCode();
  return status === 200 ? { status, blob: response.getBlob() } : { status };
}

function elementsText(content: StructuralElement[] | undefined, out: string[]): void {
  for (const element of content ?? []) {
    for (const e of element.paragraph?.elements ?? []) out.push(e.textRun?.content ?? '');
    for (const row of element.table?.tableRows ?? [])
      for (const cell of row.tableCells ?? []) elementsText(cell.content, out);
  }
}

/** The Doc's body (its tables' cells included), paragraph by paragraph, each ending with its "\n". */
export function docBodyText(doc: Document): string {
  const out: string[] = [];
  elementsText(doc.body?.content, out);
  return out.join('');
}

/**
 * A Doc's text: body, tables, headers and footers, paragraph by paragraph (each ends with its "\n", so a placeholder
 * never spans two of them) — what replaceAllText searches.
 */
export function documentText(doc: Document): string {
  const out = [docBodyText(doc)];
  for (const part of [doc.headers, doc.footers, doc.footnotes] as Array<
    Record<string, { content?: StructuralElement[] }> | undefined
  >)
    for (const h of Object.values(part ?? {})) elementsText(h.content, out);
  return out.join('');
}
