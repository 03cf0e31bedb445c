// The office account's Google Drive: its files and folders (metadata and content), who made each (an Apps Script
// project, or the person in the Drive UI), and the account's storage quota. Scripts reach it through the Drive
// advanced service (service.ts); the uncounted host methods below (`files`, `content`, `usage`, `userCreate`,
// `userRename`, `userMove`, `userTrash`, `userDelete`, `setUsedElsewhere`) are for tests, the CLI and the sandbox: what a
// person does in drive.google.com.
//
// Content is kept as base64 text, not bytes: the state database fingerprints and serialises every store as JSON on
// each transaction (state/stores.ts), and a Uint8Array would become an object with one key per byte.
//
// Simplifications: one account's My Drive (no shared drives, no sharing, no revisions); the spreadsheets of
// SpreadsheetStore are not Drive files here; a file has at most one parent (Drive's rule since 2020).

import { createHash } from 'node:crypto';
import { PAYLOAD_LIMITS } from '../limits';
import { copyDoc, DocRecord } from '../docs/model';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const DOC_MIME = 'application/vnd.google-apps.document';
export const SHEET_MIME = 'application/vnd.google-apps.spreadsheet';

export interface DriveFileRecord {
  /** A Drive-like id: 33 characters of [A-Za-z0-9_-] starting with `1`. */
  id: string;
  name: string;
  mimeType: string;
  /** The parent folder's id (the root's id for My Drive's top level); at most one. */
  parents: string[];
  trashed: boolean;
  /** Trashed itself (true) or with its folder (false); Drive's `explicitlyTrashed`. */
  explicitlyTrashed: boolean;
  /** Epoch ms. */
  createdTime: number;
  modifiedTime: number;
  /** Epoch ms of the trashing, while trashed. */
  trashedTime?: number;
  description?: string;
  appProperties: Record<string, string>;
  /** The content, base64 (see the file comment); '' for a folder. */
  content: string;
  /** Bytes of content. */
  size: number;
  /** Hex MD5 of the content. */
  md5: string;
  /** The Apps Script project whose Drive call created it; null when the person made it in the Drive UI. */
  createdBy: string | null;
  /**
   * Projects the person opened the file with through Google Picker (host: userPick): drive.file reaches a file its
   * project created or one "the user opened or shared with the app". Absent: none.
   */
  pickedBy?: string[];
  /** A Google Doc's body (docs/model.ts); content stays '' (Docs take no storage quota). */
  doc?: DocRecord;
}

/** What the host sees of a file (ws.drive.files). */
export interface DriveFileView {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  explicitlyTrashed: boolean;
  createdTime: string;
  modifiedTime: string;
  /** Absent for folders, as Drive gives none. */
  size?: number;
  md5Checksum?: string;
  appProperties: Record<string, string>;
  webViewLink: string;
  /** The project that created it through the Drive API; null for a file the person made in the Drive UI. */
  ownerProject: string | null;
}

export interface DriveFilter {
  name?: string;
  /** A folder's id, or 'root'. */
  parent?: string;
  mimeType?: string;
  trashed?: boolean;
  /** null: the person's own files. */
  ownerProject?: string | null;
}

interface DriveJSON {
  files?: DriveFileRecord[];
  seq?: number;
  rootId?: string;
  usedElsewhere?: number;
  quotaBytes?: number;
}

const md5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** Whether drive.file lets `project` reach the file: it made it, or the person picked it for the project. */
export const reachableBy = (f: Pick<DriveFileRecord, 'createdBy' | 'pickedBy'>, project: string): boolean =>
  f.createdBy === project || (f.pickedBy ?? []).includes(project);

export const isFolder = (f: Pick<DriveFileRecord, 'mimeType'>): boolean => f.mimeType === FOLDER_MIME;
/** A Docs Editors file (a Doc, a Sheet): no binary content, no size, exported rather than downloaded. */
export const isEditorsFile = (f: Pick<DriveFileRecord, 'mimeType'>): boolean =>
  f.mimeType === DOC_MIME || f.mimeType === SHEET_MIME;

/** What the API's File and the host's view both say of a file, in the same words (ISO times, a copy of parents). */
export function sharedFields(f: DriveFileRecord) {
  return {
    id: f.id,
    name: f.name,
    mimeType: f.mimeType,
    parents: f.parents.slice(),
    trashed: f.trashed,
    explicitlyTrashed: f.explicitlyTrashed,
    createdTime: new Date(f.createdTime).toISOString(),
    modifiedTime: new Date(f.modifiedTime).toISOString(),
    webViewLink: webViewLink(f),
  };
}

/** Drive's links: folders open in the Drive UI, Docs and Sheets in their editors, files in the viewer. */
export function webViewLink(f: Pick<DriveFileRecord, 'id' | 'mimeType'>): string {
  if (f.mimeType === DOC_MIME) return `https://docs.google.com/document/d/${f.id}/edit?usp=drivesdk`;
  if (f.mimeType === SHEET_MIME) return `https://docs.google.com/spreadsheets/d/${f.id}/edit?usp=drivesdk`;
  return isFolder(f)
    ? `https://drive.google.com/drive/folders/${f.id}`
    : `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk`;
}

export class DriveStore {
  private records: DriveFileRecord[];
  /** The virtual clock, for the host's changes (process-local: the Workspace sets it). */
  now: () => number = () => Date.now();
  private seq: number;
  /** My Drive's own id (real root ids are 19 characters ending in `Uk9PVA`, base64 of "ROOT"). */
  readonly rootId: string;
  /** Storage the account uses outside Drive (Gmail, Photos): the 15 GB are shared (host: setUsedElsewhere). */
  private usedElsewhere: number;
  /** The account's storage quota in bytes. */
  quotaBytes: number;

  private constructor(json: DriveJSON) {
    this.records = Array.isArray(json.files)
      ? json.files.map((f) => ({ ...f, ...(f.doc ? { doc: copyDoc(f.doc) } : {}) }))
      : [];
    this.seq = typeof json.seq === 'number' ? json.seq : this.records.length;
    this.rootId = typeof json.rootId === 'string' ? json.rootId : '0AOfficeMyDriveUk9PVA';
    this.usedElsewhere = typeof json.usedElsewhere === 'number' ? json.usedElsewhere : 0;
    this.quotaBytes = typeof json.quotaBytes === 'number' ? json.quotaBytes : PAYLOAD_LIMITS.driveStorageBytes.value;
  }

  static fromJSON(json: unknown): DriveStore {
    return new DriveStore(json && typeof json === 'object' ? (json as DriveJSON) : {});
  }

  toJSON(): DriveJSON {
    return {
      files: this.records.map((f) => ({
        ...f,
        parents: f.parents.slice(),
        appProperties: { ...f.appProperties },
        ...(f.doc ? { doc: copyDoc(f.doc) } : {}),
        ...(f.pickedBy ? { pickedBy: f.pickedBy.slice() } : {}),
      })),
      seq: this.seq,
      rootId: this.rootId,
      usedElsewhere: this.usedElsewhere,
      quotaBytes: this.quotaBytes,
    };
  }

  /** A new Drive-like id, stable for a given store history. */
  private newId(): string {
    this.seq += 1;
    return `1${createHash('sha256').update(`drive-file:${this.seq}`).digest('base64url').slice(0, 32)}`;
  }

  // ---- for the Drive service (service.ts) ----

  /** @internal The live record (or undefined); 'root' names My Drive, which is not a record. */
  record(id: string): DriveFileRecord | undefined {
    return this.records.find((f) => f.id === id);
  }

  /** @internal Every record, in creation order. */
  all(): readonly DriveFileRecord[] {
    return this.records;
  }

  /** Bytes the account uses (host too): every Drive file's content, trashed ones included, + what is used elsewhere. */
  usage(): number {
    let n = this.usedElsewhere;
    for (const f of this.records) n += f.size;
    return n;
  }

  /** @internal A new file or folder; the caller checked quota, parents and names. */
  insert(f: {
    /** A given id (a spreadsheet's, made by SpreadsheetStore); a new one otherwise. */
    id?: string;
    doc?: DocRecord;
    name: string;
    mimeType: string;
    parents: string[];
    content?: Uint8Array;
    appProperties?: Record<string, string>;
    description?: string;
    createdBy: string | null;
    now: number;
  }): DriveFileRecord {
    const bytes = f.content ?? new Uint8Array(0);
    const folder = f.mimeType === FOLDER_MIME;
    const record: DriveFileRecord = {
      id: f.id ?? this.newId(),
      name: f.name,
      mimeType: f.mimeType,
      parents: f.parents.slice(),
      trashed: false,
      explicitlyTrashed: false,
      createdTime: f.now,
      modifiedTime: f.now,
      appProperties: { ...f.appProperties },
      content: folder ? '' : b64(bytes),
      size: folder ? 0 : bytes.length,
      md5: folder ? '' : md5(bytes),
      createdBy: f.createdBy,
    };
    if (f.description !== undefined) record.description = f.description;
    if (f.doc) record.doc = f.doc;
    this.records.push(record);
    return record;
  }

  /** @internal Replaces a file's content. */
  setContent(f: DriveFileRecord, bytes: Uint8Array, now: number): void {
    f.content = b64(bytes);
    f.size = bytes.length;
    f.md5 = md5(bytes);
    f.modifiedTime = now;
  }

  /** @internal The file's content as bytes. */
  bytes(f: DriveFileRecord): Uint8Array {
    return new Uint8Array(Buffer.from(f.content, 'base64'));
  }

  /** @internal Every file under a folder, at any depth. */
  descendants(folderId: string): DriveFileRecord[] {
    const out: DriveFileRecord[] = [];
    const queue = [folderId];
    while (queue.length) {
      const parent = queue.shift()!;
      for (const f of this.records)
        if (f.parents.includes(parent)) {
          out.push(f);
          if (isFolder(f)) queue.push(f.id);
        }
    }
    return out;
  }

  /**
   * @internal Trashing a folder trashes what it holds (explicitlyTrashed false); restoring it restores those, not what
   * was trashed on its own before (Drive's behaviour: https://developers.google.com/drive/api/guides/delete).
   */
  setTrashed(f: DriveFileRecord, trashed: boolean, now: number): void {
    if (trashed) {
      f.trashed = true;
      f.explicitlyTrashed = true;
      f.trashedTime = now;
      for (const d of this.descendants(f.id))
        if (!d.trashed) {
          d.trashed = true;
          d.explicitlyTrashed = false;
          d.trashedTime = now;
        }
    } else {
      f.trashed = false;
      f.explicitlyTrashed = false;
      delete f.trashedTime;
      for (const d of this.descendants(f.id))
        if (d.trashed && !d.explicitlyTrashed) {
          d.trashed = false;
          delete d.trashedTime;
        }
    }
  }

  /** @internal Permanent deletion of a file, or of a folder with everything under it. */
  delete(f: DriveFileRecord): void {
    const gone = new Set([f.id, ...this.descendants(f.id).map((d) => d.id)]);
    this.records = this.records.filter((x) => !gone.has(x.id));
  }

  // ---- host API (uncounted): tests, CLI, sandbox ----

  /** The files and folders, with trashed ones and who made them; `filter` narrows (all its fields must match). */
  files(filter: DriveFilter = {}): DriveFileView[] {
    const parent = filter.parent === 'root' ? this.rootId : filter.parent;
    return this.records
      .filter(
        (f) =>
          (filter.name === undefined || f.name === filter.name) &&
          (parent === undefined || f.parents.includes(parent)) &&
          (filter.mimeType === undefined || f.mimeType === filter.mimeType) &&
          (filter.trashed === undefined || f.trashed === filter.trashed) &&
          (filter.ownerProject === undefined || f.createdBy === filter.ownerProject),
      )
      .map((f) => this.view(f));
  }

  view(f: DriveFileRecord): DriveFileView {
    const out: DriveFileView = {
      ...sharedFields(f),
      appProperties: { ...f.appProperties },
      ownerProject: f.createdBy,
    };
    if (!isFolder(f) && !isEditorsFile(f)) {
      out.size = f.size;
      out.md5Checksum = f.md5;
    }
    return out;
  }

  /** A Google Doc's text as a person reads it (paragraphs joined by newlines); host-side, uncounted. */
  docText(id: string): string {
    const f = this.#require(id);
    if (!f.doc) throw new Error(`ws.drive: ${id} is not a Google Doc`);
    return f.doc.text.replace(/\n$/, '');
  }

  /**
   * A Google Doc the person made in Docs (no project created it: drive.file never reaches it). `text`: its body,
   * paragraphs separated by newlines.
   */
  userCreateDoc(name: string, text = '', parent = 'root'): DriveFileView {
    const to = parent === 'root' ? this.rootId : parent;
    if (to !== this.rootId && !this.record(to)) throw new Error(`ws.drive: no folder ${parent}`);
    const body = `${text}\n`;
    const doc: DocRecord = { text: body, styles: Array(body.split('\n').length - 1).fill('NORMAL_TEXT'), revision: 1 };
    return this.view(this.insert({ name, mimeType: DOC_MIME, parents: [to], doc, createdBy: null, now: this.now() }));
  }

  /**
   * A spreadsheet the person made in Sheets (ws.spreadsheets.create), as the Drive file it is: Drive's copy and export
   * then find it (a spreadsheet not registered so is invisible to Drive here). No project made it.
   */
  userAddSpreadsheet(id: string, name: string, parent = 'root'): DriveFileView {
    if (this.record(id)) throw new Error(`ws.drive: ${id} is already a Drive file`);
    const to = parent === 'root' ? this.rootId : parent;
    return this.view(this.insert({ id, name, mimeType: SHEET_MIME, parents: [to], createdBy: null, now: this.now() }));
  }

  /** The person edits a Doc's body in Docs (its whole text replaced; every paragraph NORMAL_TEXT). */
  userEditDoc(id: string, text: string): void {
    const f = this.#require(id);
    if (!f.doc) throw new Error(`ws.drive: ${id} is not a Google Doc`);
    const body = `${text}\n`;
    f.doc = {
      text: body,
      styles: Array(body.split('\n').length - 1).fill('NORMAL_TEXT'),
      revision: f.doc.revision + 1,
    };
    f.modifiedTime = this.now();
  }

  #require(id: string): DriveFileRecord {
    const f = this.record(id);
    if (!f) throw new Error(`ws.drive: no file ${id}`);
    return f;
  }

  /** A file's content (a copy). */
  content(id: string): Uint8Array {
    return this.bytes(this.#require(id));
  }

  /**
   * A file or folder the person made in the Drive UI (no project created it, so drive.file never shows it to a
   * script). Quota is not checked: the Drive UI refuses uploads over it too, but that is not what tests exercise.
   */
  userCreate(f: { name: string; parents?: string[]; mimeType?: string; content?: Uint8Array | string }): DriveFileView {
    const content = typeof f.content === 'string' ? new Uint8Array(Buffer.from(f.content, 'utf8')) : f.content;
    const parents = (f.parents ?? [this.rootId]).map((p) => (p === 'root' ? this.rootId : p));
    for (const p of parents) if (p !== this.rootId && !this.record(p)) throw new Error(`ws.drive: no folder ${p}`);
    return this.view(
      this.insert({
        name: f.name,
        mimeType: f.mimeType ?? 'application/octet-stream',
        parents,
        content,
        createdBy: null,
        now: this.now(),
      }),
    );
  }

  /**
   * The person picks the file for a project in Google Picker (or opens it with the app from Drive): from then on the
   * project's drive.file runs reach it as if it had made it (https://developers.google.com/drive/api/guides/api-specific-auth#drive-file).
   */
  userPick(id: string, project: string): void {
    const f = this.#require(id);
    f.pickedBy = [...new Set([...(f.pickedBy ?? []), project])];
  }

  /** The person renames a file or folder in the Drive UI (its id stays). */
  userRename(id: string, name: string): void {
    const f = this.#require(id);
    f.name = name;
    f.modifiedTime = this.now();
  }

  /** The person moves a file or folder into another folder ('root': My Drive) in the Drive UI (its id stays). */
  userMove(id: string, parent: string): void {
    const f = this.#require(id);
    const to = parent === 'root' ? this.rootId : parent;
    if (to !== this.rootId && !(this.record(to) && isFolder(this.record(to)!)))
      throw new Error(`ws.drive: no folder ${parent}`);
    if (to === id || this.descendants(id).some((d) => d.id === to))
      throw new Error('ws.drive: a folder cannot go inside itself');
    f.parents = [to];
  }

  /** The person moves a file or folder to the trash in the Drive UI (a folder's contents go with it). */
  userTrash(id: string): void {
    this.setTrashed(this.#require(id), true, this.now());
  }

  /** The person deletes a file or folder forever (Trash → Delete forever): a folder's contents go with it. */
  userDelete(id: string): void {
    this.delete(this.#require(id));
  }

  /** Storage the account uses outside Drive (Gmail, Photos), which shares the quota with Drive. */
  setUsedElsewhere(bytes: number): void {
    this.usedElsewhere = bytes;
  }
}
