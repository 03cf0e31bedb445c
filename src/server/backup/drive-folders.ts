// The backup's place in Drive, through the Drive advanced service v3 only (Drive.Files.*) under the drive.file scope:
// the CRM sees only the folders and files it created, which is all it needs (DriveApp would need the full, restricted
// drive scope). A root folder "CRM backups — <spreadsheet name>" made once (its id in a script property, so the office
// may move or rename it), one folder per night named YYYY-MM-DD inside, and the night's files in that. A file written
// again under the same name replaces its content; it is never a second file of that name.

import { crmSpreadsheet } from '../sheets/crm-spreadsheet';

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

export const FOLDER_PROPERTY = 'crm.backupFolderId';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';
/** Drive's documented simple/multipart upload limit; whether the advanced service goes resumable above it is not
 *  documented, so nothing bigger is sent (the backup's parts are ≤ 4,000,000 bytes). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const NIGHT_NAME = /^\d{4}-\d{2}-\d{2}$/;

function drive(): GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection {
  if (!Drive?.Files) throw new Error('The Drive advanced service is not enabled in the manifest.');
  return Drive.Files;
}

function status(e: unknown): number | undefined {
  const code = (e as { details?: { code?: number }; code?: number })?.details?.code ?? (e as { code?: number })?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Drive's 403 rate-limit, 429 and 5xx answers are retried with backoff (1, 2, 4 s); anything else surfaces. */
export function withDriveRetry<T>(fn: () => T, attempts = 4): T {
  for (let i = 1; ; i++) {
    try {
      return fn();
    } catch (e) {
      const code = status(e);
      const message = e instanceof Error ? e.message : String(e);
      const retryable = code === 429 || (code !== undefined && code >= 500) || /rate ?limit/i.test(message);
      if (i >= attempts || !retryable) throw e;
      Utilities.sleep(1000 * 2 ** (i - 1));
    }
  }
}

function isNotFound(e: unknown): boolean {
  return status(e) === 404 || /not ?found/i.test(e instanceof Error ? e.message : String(e));
}

/** A Drive query's quoted string ('' escaped the way the v3 query language wants). */
export function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Every file a query finds (1000 a page, the most Drive gives). */
export function listAll(q: string, fields = 'id,name'): DriveFile[] {
  const out: DriveFile[] = [];
  let pageToken: string | undefined;
  do {
    const page = withDriveRetry(() =>
      drive().list({ q, pageSize: 1000, pageToken, fields: `nextPageToken,files(${fields})`, orderBy: 'name' }),
    );
    out.push(...(page.files ?? []));
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
  return out;
}

export interface RootFolder {
  id: string;
  /** Made now: the first backup, or the old one was deleted or trashed by hand. */
  created: boolean;
  /** The old folder was gone (deleted or in the trash). */
  replaced: boolean;
}

/** The root folder: the remembered one while it exists and is not in the trash, else a new one. */
export function rootFolder(): RootFolder {
  return keptFolder(FOLDER_PROPERTY, `CRM backups — ${crmSpreadsheet().getName()}`);
}

/**
 * A folder of the CRM's own, remembered by its id in a script property (so the office may move or rename it): the
 * remembered one while it exists and is not in the trash, else a new one named `name` (the backup's root, the
 * documents' root).
 */
export function keptFolder(
  property: string,
  name: string,
  /** The property's value when the caller has read the properties already (undefined: read here). */
  kept?: string | null,
): RootFolder {
  const props = PropertiesService.getScriptProperties();
  const known = kept !== undefined ? kept : props.getProperty(property);
  if (known) {
    try {
      const f = withDriveRetry(() => drive().get(known, { fields: 'id,trashed,mimeType' }));
      if (!f.trashed && f.mimeType === FOLDER_MIME) return { id: known, created: false, replaced: false };
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
  const made = withDriveRetry(() => drive().create({ name, mimeType: FOLDER_MIME }));
  props.setProperty(property, String(made.id));
  if (known) console.warn(`The folder "${property}" was deleted or trashed by hand: a new one was made.`);
  return { id: String(made.id), created: true, replaced: !!known };
}

/** The root folder's id when one exists (no folder is made): listing and restore read only. */
export function existingRootFolder(): string | undefined {
  const known = PropertiesService.getScriptProperties().getProperty(FOLDER_PROPERTY);
  if (!known) return undefined;
  try {
    const f = withDriveRetry(() => drive().get(known, { fields: 'id,trashed' }));
    return f.trashed ? undefined : known;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

export interface NightFolder {
  night: string;
  id: string;
}

/** The night folders of the root, oldest first. */
export function listNights(root: string): NightFolder[] {
  return listAll(`${quoted(root)} in parents and mimeType = '${FOLDER_MIME}' and trashed = false`)
    .filter((f) => NIGHT_NAME.test(String(f.name)))
    .map((f) => ({ night: String(f.name), id: String(f.id) }))
    .sort((a, b) => (a.night < b.night ? -1 : a.night > b.night ? 1 : 0));
}

/** The night's folder, made when it does not exist yet. */
export function nightFolder(root: string, night: string): string {
  const found = listAll(
    `${quoted(root)} in parents and name = ${quoted(night)} and mimeType = '${FOLDER_MIME}' and trashed = false`,
  );
  if (found.length) return String(found[0].id);
  const made = withDriveRetry(() => drive().create({ name: night, mimeType: FOLDER_MIME, parents: [root] }));
  return String(made.id);
}

export interface StoredFileMeta {
  id: string;
  name: string;
  md5: string;
  bytes: number;
  appProperties: Record<string, string>;
}

const META_FIELDS = 'id,name,md5Checksum,size,appProperties';

function meta(f: DriveFile): StoredFileMeta {
  return {
    id: String(f.id),
    name: String(f.name),
    md5: String(f.md5Checksum ?? ''),
    bytes: Number(f.size ?? 0),
    appProperties: (f.appProperties ?? {}) as Record<string, string>,
  };
}

/** The files (not folders) of a folder with Drive's MD5 and size. */
export function folderFiles(folder: string): StoredFileMeta[] {
  return listAll(`${quoted(folder)} in parents and mimeType != '${FOLDER_MIME}' and trashed = false`, META_FIELDS).map(
    meta,
  );
}

function hex(bytes: number[]): string {
  return bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

export interface Written {
  id: string;
  md5: string;
  bytes: number;
}

/**
 * Writes `content` as `name` in `folder`: replaces the content of the file of that name when `existingId` (or a
 * lookup) finds one, creates it otherwise. MD5 and size are of the bytes sent, for the verification to compare.
 */
export function writeFile(
  folder: string,
  name: string,
  content: string | Uint8Array,
  mime: string,
  /** existingId: the file of that name (null: known to be absent, no lookup); absent: looked up. */
  options: { existingId?: string | null; appProperties?: Record<string, string> } = {},
): Written {
  const blob =
    typeof content === 'string'
      ? Utilities.newBlob(content, mime, name)
      : Utilities.newBlob(
          Array.from(content, (b) => (b > 127 ? b - 256 : b)),
          mime,
          name,
        );
  const bytes = blob.getBytes();
  if (bytes.length > MAX_UPLOAD_BYTES) throw new Error(`${name} is ${bytes.length} bytes, over Drive's 5 MB upload`);
  const md5 = hex(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, bytes));
  const existing =
    options.existingId !== undefined
      ? options.existingId
      : listAll(`${quoted(folder)} in parents and name = ${quoted(name)} and trashed = false`).map((f) =>
          String(f.id),
        )[0];
  const resource: DriveFile = options.appProperties ? { appProperties: options.appProperties } : {};
  const saved = existing
    ? withDriveRetry(() => drive().update({ ...resource, mimeType: mime }, existing, blob, { fields: 'id' }))
    : withDriveRetry(() =>
        drive().create({ ...resource, name, mimeType: mime, parents: [folder] }, blob, { fields: 'id' }),
      );
  return { id: String(saved.id), md5, bytes: bytes.length };
}

/** A text file's content (json, vcf, csv; binary content would not survive as a string). */
export function readText(id: string): string {
  return String(withDriveRetry(() => drive().get(id, { alt: 'media' })));
}

/** To the trash (Drive keeps it 30 days there), not deleted. */
export function trash(id: string): void {
  withDriveRetry(() => drive().update({ trashed: true }, id));
}

export function folderUrl(id: string): string {
  return `https://drive.google.com/drive/folders/${encodeURIComponent(id)}`;
}
