// The `Drive` advanced service (Drive API v3), as a project sees it once its manifest enables
// `{"userSymbol":"Drive","serviceId":"drive","version":"v3"}`: a strict subset of Drive.Files (create, get, list,
// update, remove) over the account's DriveStore. Each method is one counted round trip `Drive.Files.<method>` whose
// bytes include the media sent or read; failures are GoogleJsonResponseExceptions naming Google's method
// (`drive.files.delete` for remove). https://developers.google.com/drive/api/reference/rest/v3/files
//
// Scopes (auth/member-scopes.ts): drive or drive.file for every method, drive.readonly also for get and list. A run
// whose manifest grants drive.file but not drive (nor drive.readonly, for reads) sees only the files its own project
// created: list leaves the others out and get/update/remove answer 404 "File not found", as Drive answers an app for a
// file it was never given (https://developers.google.com/drive/api/guides/api-specific-auth#drive-file). "Its own
// project": each Apps Script project has its own Cloud project, which is the app drive.file means.

import { ServiceContext, apiMethodName } from '../context';
import { Blob, decodeText } from '../script/blob';
import { signatureMismatch } from '../script/emulated';
import { PAYLOAD_LIMITS } from '../limits';
import { utf8Bytes, jsonBytes } from '../wire-size';
import { checkFile, parseFields, Selection, selectFile, selectList } from './fields';
import { matches, parseQuery } from './query';
import {
  DOC_MIME,
  DriveFileRecord,
  DriveStore,
  FOLDER_MIME,
  isEditorsFile,
  isFolder,
  reachableBy,
  sharedFields,
  SHEET_MIME,
} from './store';
import { copyDoc, emptyDoc } from '../docs/model';
import type { SpreadsheetStore } from '../spreadsheet/store';
import { driveError, SAY } from './wording';

type File = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type FileList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;
type Json = Record<string, unknown>;

const AUTH = 'https://www.googleapis.com/auth/';
const DRIVE = `${AUTH}drive`;
const DRIVE_READONLY = `${AUTH}drive.readonly`;

/** files.list: "pageSize … Acceptable values are 1 to 1000, inclusive. (Default: 100)" (reference page). */
const PAGE_DEFAULT = 100;
const PAGE_MAX = 1000;

/** Body fields a write may set; read-only fields echoed from a get (kind) are accepted and ignored. */
const CREATE_FIELDS = ['name', 'mimeType', 'parents', 'appProperties', 'description'];
const UPDATE_FIELDS = ['name', 'mimeType', 'trashed', 'appProperties', 'description'];
const COPY_FIELDS = ['name', 'parents', 'appProperties', 'description'];
const IGNORED = ['kind'];
/** Shared-drive and revision switches that change nothing in a My Drive of one account. */
const HARMLESS = ['supportsAllDrives', 'supportsTeamDrives', 'keepRevisionForever', 'useContentAsIndexableText'];
const ORDER_KEYS = ['name', 'name_natural', 'createdTime', 'modifiedTime', 'folder'] as const;
const GOOGLE_ORDER_KEYS = [
  'modifiedByMeTime',
  'quotaBytesUsed',
  'recency',
  'sharedWithMeTime',
  'starred',
  'viewedByMeTime',
];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The query parameters of a call: an unknown one is Google's 400 (optionalArgs become query parameters). */
function queryArgs(api: string, value: unknown, allowed: readonly string[]): Json {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw driveError(api, 400, SAY.unknownParam(String(value)), 'badRequest');
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === null) continue;
    if (!allowed.includes(k) && !HARMLESS.includes(k)) throw driveError(api, 400, SAY.unknownParam(k), 'badRequest');
    out[k] = v;
  }
  return out;
}

/** The body of a write: known fields kept, read-only ones dropped, schema fields not modelled refused. */
function bodyArgs(api: string, value: unknown, allowed: readonly string[]): Json {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw driveError(api, 400, SAY.unknownField(String(value)), 'badRequest');
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || IGNORED.includes(k)) continue;
    if (k === 'parents' && api === 'drive.files.update')
      throw driveError(api, 403, SAY.parentsNotWritable, 'fieldNotWritable');
    if (!allowed.includes(k))
      throw driveError(api, 400, SAY.notEmulated(`the File field ${k} in a request`), 'badRequest');
    out[k] = v;
  }
  return out;
}

/** A File as Drive v3 gives it in full (fields.ts picks what the request asked for). */
function toResource(f: DriveFileRecord): Json {
  const out: Json = {
    kind: 'drive#file',
    ...sharedFields(f),
    ownedByMe: true,
    // int64 fields come as strings in v3's JSON.
    quotaBytesUsed: String(isEditorsFile(f) ? 0 : f.size),
  };
  if (f.trashed && f.trashedTime !== undefined) out.trashedTime = new Date(f.trashedTime).toISOString();
  if (f.description !== undefined) out.description = f.description;
  if (Object.keys(f.appProperties).length) out.appProperties = { ...f.appProperties };
  // Docs Editors files have no binary content: Drive gives them no size nor md5Checksum.
  if (!isFolder(f) && !isEditorsFile(f)) {
    out.size = String(f.size);
    out.md5Checksum = f.md5;
  }
  return out;
}

/** What the collection shares; out of reach of script code (a private field). */
class DriveCore {
  constructor(
    readonly store: DriveStore,
    readonly ctx: ServiceContext,
    readonly project: string,
    readonly spreadsheets?: SpreadsheetStore,
  ) {}

  /** A new empty Google Sheet's id (made in SpreadsheetStore, where SpreadsheetApp and the Sheets API find it). */
  newSpreadsheet(api: string, name: string): string {
    if (!this.spreadsheets) throw driveError(api, 400, SAY.notEmulated('creating a spreadsheet here'), 'badRequest');
    return this.spreadsheets.create(name, { timeZone: this.ctx.session.timeZone, locale: this.ctx.session.locale });
  }

  /** The parents a new file or copy goes into: the body's (one, visible) or `fallback`. */
  parentsOf(api: string, value: unknown, fallback: string[]): string[] {
    if (value === undefined) return fallback;
    if (!Array.isArray(value)) throw driveError(api, 400, SAY.invalidValue, 'invalid', 'parents');
    if (value.length > 1) throw driveError(api, 403, SAY.oneParent, 'cannotAddParent');
    const parents = value.map((p) => this.folder(api, String(p)));
    return parents.length ? parents : [this.store.rootId];
  }

  /** One counted call; `received` measures the answer (media as its UTF-8 bytes). */
  call<T>(method: string, sent: unknown[], fn: (api: string) => T): T {
    const service = `Drive.Files.${method}`;
    return this.ctx.call(service, () => fn(apiMethodName(service)), {
      sent,
      received: (r) => (typeof r === 'string' ? utf8Bytes(r) : jsonBytes(r)),
    });
  }

  /** Whether the run sees only its own project's files (drive.file without drive; for reads, nor drive.readonly). */
  narrow(write: boolean): boolean {
    const grants = this.ctx.execution?.grants;
    if (!grants || grants.includes(DRIVE)) return false;
    return write || !grants.includes(DRIVE_READONLY);
  }

  visible(f: DriveFileRecord, write: boolean): boolean {
    return !this.narrow(write) || reachableBy(f, this.project);
  }

  /** The file `id` names, or Drive's 404 for one that does not exist or the run may not see. */
  file(api: string, id: string, write: boolean): DriveFileRecord {
    const f = this.store.record(id);
    if (!f || !this.visible(f, write)) throw driveError(api, 404, SAY.notFound(id), 'notFound', 'fileId');
    return f;
  }

  /** A folder a write may put a file in: 'root', or a visible folder (else 404 naming it, as Drive does). */
  folder(api: string, id: string): string {
    if (id === 'root' || id === this.store.rootId) return this.store.rootId;
    const f = this.store.record(id);
    if (!f || !this.visible(f, true) || !isFolder(f))
      throw driveError(api, 404, SAY.notFound(id), 'notFound', 'parents');
    return f.id;
  }

  /** The media's bytes; undefined without media. A non-Blob fails in Apps Script's binding, before any request. */
  media(method: string, args: unknown[], mediaData: unknown): Uint8Array | undefined {
    if (mediaData === undefined || mediaData === null) return undefined;
    if (!(mediaData instanceof Blob)) throw signatureMismatch(`Drive.Files.${method}`, args);
    return Blob.octets(mediaData);
  }

  /** Refuses media over the upload limit (limits.ts): the request went out, its bytes counted, nothing written. */
  uploadable(api: string, bytes: Uint8Array | undefined): void {
    if (bytes && bytes.length > PAYLOAD_LIMITS.driveMediaUploadBytes.value)
      throw driveError(api, 400, SAY.mediaTooLarge(bytes.length), 'badRequest');
  }

  /** Refuses a write that would take the account past its storage quota (trashed files count). */
  room(api: string, added: number): void {
    if (added > 0 && this.store.usage() + added > this.store.quotaBytes)
      throw driveError(api, 403, SAY.storageQuota, 'storageQuotaExceeded');
  }

  appProperties(api: string, value: unknown, old: Record<string, string>): Record<string, string> {
    if (!isObject(value)) throw driveError(api, 400, SAY.invalidValue, 'invalid', 'appProperties');
    const out = { ...old };
    for (const [k, v] of Object.entries(value)) {
      // "Entries with null values are cleared in update and copy requests" (Schema.File.appProperties).
      if (v === null) {
        delete out[k];
        continue;
      }
      const text = String(v);
      if (utf8Bytes(k) + utf8Bytes(text) > PAYLOAD_LIMITS.driveAppPropertyBytes.value)
        throw driveError(api, 400, SAY.propertyTooLarge(k), 'badRequest', 'appProperties');
      out[k] = text;
    }
    if (Object.keys(out).length > PAYLOAD_LIMITS.driveAppPropertiesPerApp.value)
      throw driveError(api, 400, SAY.tooManyProperties, 'badRequest', 'appProperties');
    return out;
  }
}

type FilesApi = {
  create(resource: File, mediaData?: GoogleAppsScript.Base.Blob, optionalArgs?: Record<string, unknown>): File;
  list(optionalArgs?: Record<string, unknown>): FileList;
  update(
    resource: File,
    fileId: string,
    mediaData?: GoogleAppsScript.Base.Blob,
    optionalArgs?: Record<string, unknown>,
  ): File;
  remove(fileId: string, optionalArgs?: Record<string, unknown>): void;
  copy(resource: File, fileId: string, optionalArgs?: Record<string, unknown>): File;
};
/**
 * Google's signatures (@types/google-apps-script, Drive_v3 FilesCollection): the class must fit wherever typed script
 * code expects Google's methods, so a drift of either fails the type check.
 */
type GoogleFiles = Pick<
  GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection,
  'create' | 'get' | 'list' | 'update' | 'remove' | 'copy' | 'export'
>;

export class DriveFilesCollection implements FilesApi, GoogleFiles {
  readonly #core: DriveCore;

  constructor(core: DriveCore) {
    this.#core = core;
  }

  /** files.create: a folder (mimeType folder, no media) or a file with the blob's bytes as content. */
  create(resource: File, mediaData?: GoogleAppsScript.Base.Blob, optionalArgs?: Record<string, unknown>): File {
    const core = this.#core;
    const args = [resource, mediaData, optionalArgs];
    const bytes = core.media('create', args, mediaData);
    return core.call('create', [resource, bytes, optionalArgs], (api) => {
      core.uploadable(api, bytes);
      const query = queryArgs(api, optionalArgs, ['fields', 'uploadType', 'ignoreDefaultVisibility', 'ocrLanguage']);
      const fields = fileFields(api, query.fields);
      const body = bodyArgs(api, resource, CREATE_FIELDS);
      const blobType = mediaData instanceof Blob ? mediaData.getContentType() : null;
      // A file created with nothing is "Untitled", application/octet-stream
      // (https://developers.google.com/drive/api/guides/create-file); with media, the blob's type (UNVERIFIED which one
      // Apps Script sends when the body names none).
      const mimeType = body.mimeType !== undefined ? String(body.mimeType) : (blobType ?? 'application/octet-stream');
      const editors = mimeType === DOC_MIME || mimeType === SHEET_MIME;
      if (!editors) checkMimeType(api, mimeType);
      if (mimeType === FOLDER_MIME && bytes) throw driveError(api, 400, SAY.folderMedia, 'badRequest');
      // Uploading a .docx/.xlsx as a Google type converts it in Drive: not emulated (an empty Doc/Sheet is).
      if (editors && bytes)
        throw driveError(api, 400, SAY.notEmulated(`converting an upload into ${mimeType}`), 'badRequest');
      const parents = core.parentsOf(api, body.parents, [core.store.rootId]);
      core.room(api, bytes?.length ?? 0);
      const name = body.name === undefined ? 'Untitled' : String(body.name);
      const f = core.store.insert({
        id: mimeType === SHEET_MIME ? core.newSpreadsheet(api, name) : undefined,
        doc: mimeType === DOC_MIME ? emptyDoc() : undefined,
        name,
        mimeType,
        parents,
        content: bytes,
        appProperties: body.appProperties === undefined ? {} : core.appProperties(api, body.appProperties, {}),
        description: body.description === undefined ? undefined : String(body.description),
        createdBy: core.project,
        now: core.ctx.clock.now(),
      });
      return selectFile(api, toResource(f), fields) as File;
    });
  }

  /**
   * files.get: the metadata `fields` asks for, or with `alt: 'media'` the content. Apps Script returns media as a
   * string; here it is the content decoded as UTF-8 (UNVERIFIED how Apps Script decodes, or whether it hands binary
   * content over intact: read back only text files).
   */
  get(fileId: string): File;
  get(fileId: string, optionalArgs: Record<string, unknown> & { alt: 'media' }): string;
  get(fileId: string, optionalArgs: Record<string, unknown>): File;
  get(fileId: string, optionalArgs?: Record<string, unknown>): File | string {
    const core = this.#core;
    if (typeof fileId !== 'string') throw signatureMismatch('Drive.Files.get', [fileId, optionalArgs]);
    return core.call('get', [fileId, optionalArgs], (api) => {
      const query = queryArgs(api, optionalArgs, ['fields', 'alt', 'acknowledgeAbuse', 'includeLabels']);
      const fields = fileFields(api, query.fields);
      if (query.alt !== undefined && query.alt !== 'json' && query.alt !== 'media')
        throw driveError(api, 400, SAY.invalidValue, 'invalid', 'alt');
      if (fileId === 'root' || fileId === core.store.rootId) {
        if (query.alt === 'media') throw driveError(api, 403, SAY.notDownloadable, 'fileNotDownloadable');
        // UNVERIFIED: whether drive.file alone may read My Drive's own metadata (allowed here).
        const root = { kind: 'drive#file', id: core.store.rootId, name: 'My Drive', mimeType: FOLDER_MIME };
        return selectFile(api, { ...root, parents: [], trashed: false, ownedByMe: true }, fields) as File;
      }
      const f = core.file(api, fileId, false);
      if (query.alt === 'media') {
        if (isFolder(f) || f.mimeType.startsWith('application/vnd.google-apps.'))
          throw driveError(api, 403, SAY.notDownloadable, 'fileNotDownloadable');
        return decodeText(core.store.bytes(f));
      }
      return selectFile(api, toResource(f), fields) as File;
    });
  }

  /**
   * files.list: the files `q` matches that the run may see, trashed ones included unless `q` says `trashed = false`
   * (as Drive does), a page at a time. Without orderBy the order is creation order (UNVERIFIED: Drive promises none).
   * The page token is bound to the query: another query's token is 400. A page walk while files are added or removed
   * may skip or repeat some, as Drive warns ("your expected results might differ").
   */
  list(optionalArgs?: Record<string, unknown>): FileList {
    const core = this.#core;
    return core.call('list', [optionalArgs], (api) => {
      const query = queryArgs(api, optionalArgs, [
        'q',
        'pageSize',
        'pageToken',
        'orderBy',
        'fields',
        'spaces',
        'corpora',
        'includeItemsFromAllDrives',
        'includeTeamDriveItems',
        'includeLabels',
      ]);
      if (query.spaces !== undefined && query.spaces !== 'drive')
        throw driveError(api, 400, SAY.notEmulated(`spaces ${String(query.spaces)}`), 'badRequest', 'spaces');
      if (query.corpora !== undefined && query.corpora !== 'user')
        throw driveError(api, 400, SAY.notEmulated(`corpora ${String(query.corpora)}`), 'badRequest', 'corpora');
      const fields = parseFields(api, query.fields);
      const terms = parseQuery(api, query.q);
      const size = pageSize(api, query.pageSize);
      const order = orderBy(api, query.orderBy);
      const narrow = core.narrow(false);
      const key = `${String(query.q ?? '')}|${String(query.orderBy ?? '')}|${narrow}`;
      const offset = query.pageToken === undefined ? 0 : readToken(api, String(query.pageToken), key);
      const found = core.store
        .all()
        .filter((f) => core.visible(f, false) && matches(f, terms, core.store.rootId))
        .slice();
      if (order) found.sort(order);
      const page = found.slice(offset, offset + size);
      const list: Json & { files: Json[] } = {
        kind: 'drive#fileList',
        incompleteSearch: false,
        files: page.map(toResource),
      };
      if (offset + size < found.length) list.nextPageToken = makeToken(offset + size, key);
      return selectList(api, list, fields) as FileList;
    });
  }

  /**
   * files.update: renames, trashes or restores (a folder's contents follow), moves (addParents/removeParents: the
   * body's `parents` is not writable, as in Drive), changes appProperties (null clears one) and, with media,
   * replaces the content.
   */
  update(
    resource: File,
    fileId: string,
    mediaData?: GoogleAppsScript.Base.Blob,
    optionalArgs?: Record<string, unknown>,
  ): File {
    const core = this.#core;
    const args = [resource, fileId, mediaData, optionalArgs];
    if (typeof fileId !== 'string') throw signatureMismatch('Drive.Files.update', args);
    const bytes = core.media('update', args, mediaData);
    return core.call('update', [resource, fileId, bytes, optionalArgs], (api) => {
      core.uploadable(api, bytes);
      const query = queryArgs(api, optionalArgs, [
        'fields',
        'addParents',
        'removeParents',
        'uploadType',
        'ocrLanguage',
      ]);
      const fields = parseFields(api, query.fields);
      const body = bodyArgs(api, resource, UPDATE_FIELDS);
      const f = core.file(api, fileId, true);
      if (bytes && isFolder(f)) throw driveError(api, 400, SAY.folderMedia, 'badRequest');
      if (bytes && isEditorsFile(f))
        throw driveError(api, 400, SAY.notEmulated(`replacing the content of a ${f.mimeType} file`), 'badRequest');
      if (body.mimeType !== undefined && isEditorsFile(f) !== isEditorsFile({ mimeType: String(body.mimeType) }))
        throw driveError(api, 400, SAY.notEmulated('changing the type of a Docs Editors file'), 'badRequest');
      const ids = (v: unknown) =>
        v === undefined
          ? []
          : String(v)
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean);
      const add = ids(query.addParents).map((p) => core.folder(api, p));
      const remove = ids(query.removeParents).map((p) => (p === 'root' ? core.store.rootId : p));
      const parents = f.parents.filter((p) => !remove.includes(p));
      for (const p of add) if (!parents.includes(p)) parents.push(p);
      if (parents.length > 1) throw driveError(api, 403, SAY.oneParent, 'cannotAddParent');
      if (isFolder(f) && add.some((p) => p === f.id || core.store.descendants(f.id).some((d) => d.id === p)))
        throw driveError(api, 400, SAY.cycle, 'badRequest', 'addParents');
      const appProperties =
        body.appProperties === undefined ? undefined : core.appProperties(api, body.appProperties, f.appProperties);
      if (body.trashed !== undefined && typeof body.trashed !== 'boolean')
        throw driveError(api, 400, SAY.invalidValue, 'invalid', 'trashed');
      if (body.mimeType !== undefined && !isEditorsFile({ mimeType: String(body.mimeType) }))
        checkMimeType(api, String(body.mimeType));
      if (body.mimeType !== undefined && (String(body.mimeType) === FOLDER_MIME) !== isFolder(f))
        throw driveError(api, 400, SAY.notEmulated('changing a file into a folder or back'), 'badRequest');
      if (bytes) core.room(api, bytes.length - f.size);
      // Every check passed: apply.
      const now = core.ctx.clock.now();
      let modified = false;
      if (body.name !== undefined) {
        f.name = String(body.name);
        modified = true;
      }
      if (body.mimeType !== undefined) f.mimeType = String(body.mimeType);
      if (body.description !== undefined) f.description = String(body.description);
      if (appProperties) f.appProperties = appProperties;
      if (query.addParents !== undefined || query.removeParents !== undefined) f.parents = parents;
      if (body.trashed !== undefined && body.trashed !== f.trashed)
        core.store.setTrashed(f, body.trashed === true, now);
      if (bytes) core.store.setContent(f, bytes, now);
      else if (modified) f.modifiedTime = now;
      return selectFile(api, toResource(f), fields) as File;
    });
  }

  /**
   * files.copy: a copy owned by this project (so drive.file reaches it), in the body's parent or, as Drive documents
   * ("the file inherits any discoverable parents of the source file"), the source's folder when the run sees it, else
   * My Drive. Name: the body's, else "Copy of <name>" (UNVERIFIED for v3). appProperties: the source's, merged with the
   * body's (null clears one, as for update). A Doc copies its body; a Sheet its whole spreadsheet (a new id that
   * SpreadsheetApp and the Sheets API open). Folders cannot be copied (403 cannotCopyFile, wording UNVERIFIED).
   */
  copy(resource: File, fileId: string, optionalArgs?: Record<string, unknown>): File {
    const core = this.#core;
    const args = [resource, fileId, optionalArgs];
    if (typeof fileId !== 'string') throw signatureMismatch('Drive.Files.copy', args);
    return core.call('copy', args, (api) => {
      const query = queryArgs(api, optionalArgs, ['fields', 'ignoreDefaultVisibility', 'ocrLanguage', 'includeLabels']);
      const fields = fileFields(api, query.fields);
      const body = bodyArgs(api, resource, COPY_FIELDS);
      const f = core.file(api, fileId, false);
      if (isFolder(f)) throw driveError(api, 403, SAY.cannotCopyFolder, 'cannotCopyFile');
      const inherited = f.parents.filter(
        (p) => p === core.store.rootId || (core.store.record(p) && core.visible(core.store.record(p)!, true)),
      );
      const parents = core.parentsOf(api, body.parents, inherited.length ? inherited : [core.store.rootId]);
      const appProperties =
        body.appProperties === undefined
          ? { ...f.appProperties }
          : core.appProperties(api, body.appProperties, f.appProperties);
      if (!isEditorsFile(f)) core.room(api, f.size);
      const name = body.name === undefined ? `Copy of ${f.name}` : String(body.name);
      if (f.mimeType === SHEET_MIME && !core.spreadsheets?.has(f.id))
        throw driveError(api, 404, SAY.notFound(fileId), 'notFound', 'fileId');
      const copy = core.store.insert({
        id: f.mimeType === SHEET_MIME ? core.spreadsheets!.copy(f.id, name) : undefined,
        doc: f.doc ? { ...copyDoc(f.doc), revision: 1 } : undefined,
        name,
        mimeType: f.mimeType,
        parents,
        content: isEditorsFile(f) ? undefined : core.store.bytes(f),
        appProperties,
        description: body.description === undefined ? f.description : String(body.description),
        createdBy: core.project,
        now: core.ctx.clock.now(),
      });
      return selectFile(api, toResource(copy), fields) as File;
    });
  }

  /**
   * files.export through the advanced service: live Apps Script answers "Export requires alt=media to download the
   * exported content." without `{alt: 'media'}` (public report: brucemcpherson/gas-fakes#117, Google issue 468534237),
   * and what it returns with it is UNVERIFIED, so the emulator refuses that too and points at the documented REST
   * call: UrlFetchApp.fetch('https://www.googleapis.com/drive/v3/files/<id>/export?mimeType=…', {headers:
   * {Authorization: 'Bearer ' + ScriptApp.getOAuthToken()}}) (drive/http.ts).
   */
  export(fileId: string, mimeType: string, optionalArgs?: Record<string, unknown>): void {
    const core = this.#core;
    const args = [fileId, mimeType, optionalArgs];
    if (typeof fileId !== 'string' || typeof mimeType !== 'string') throw signatureMismatch('Drive.Files.export', args);
    core.call('export', args, (api) => {
      const query = queryArgs(api, optionalArgs, ['alt']);
      if (query.alt !== 'media') throw driveError(api, 400, SAY.exportNeedsAlt, 'badRequest');
      throw driveError(api, 400, SAY.notEmulated(SAY.exportThroughUrlFetch), 'badRequest');
    });
  }

  /** files.delete: permanent (no trash); a folder goes with everything under it. */
  remove(fileId: string, optionalArgs?: Record<string, unknown>): void {
    const core = this.#core;
    if (typeof fileId !== 'string') throw signatureMismatch('Drive.Files.remove', [fileId, optionalArgs]);
    core.call('remove', [fileId, optionalArgs], (api) => {
      queryArgs(api, optionalArgs, []);
      const f = core.file(api, fileId, true);
      const gone = [f, ...core.store.descendants(f.id)].filter((d) => d.mimeType === SHEET_MIME).map((d) => d.id);
      core.store.delete(f);
      for (const id of gone) core.spreadsheets?.remove(id);
      return undefined;
    });
  }
}

/** A File's `fields`, checked before anything is done (Google refuses a bad selection without writing). */
function fileFields(api: string, value: unknown): Selection | undefined {
  const sel = parseFields(api, value);
  if (sel) checkFile(api, sel);
  return sel;
}

/** Google's own types other than folders (Docs, Sheets, shortcuts…) are other services' files: not emulated here. */
function checkMimeType(api: string, mimeType: string): void {
  if (mimeType.startsWith('application/vnd.google-apps.') && mimeType !== FOLDER_MIME)
    throw driveError(api, 400, SAY.notEmulated(`creating a ${mimeType} file through Drive`), 'badRequest');
}

function pageSize(api: string, value: unknown): number {
  if (value === undefined) return PAGE_DEFAULT;
  const n = typeof value === 'number' ? value : /^-?\d+$/.test(String(value).trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > PAGE_MAX)
    throw driveError(api, 400, SAY.outOfRange(value, 1, PAGE_MAX), 'invalid', 'pageSize');
  return n;
}

type Order = (a: DriveFileRecord, b: DriveFileRecord) => number;

/** `orderBy`: comma-separated keys, each optionally followed by `desc`. */
function orderBy(api: string, value: unknown): Order | undefined {
  if (value === undefined || String(value).trim() === '') return undefined;
  const keys = String(value)
    .split(',')
    .map((part) => {
      const [key, dir, ...rest] = part.trim().split(/\s+/);
      if (GOOGLE_ORDER_KEYS.includes(key))
        throw driveError(api, 400, SAY.notEmulated(`orderBy ${key}`), 'badRequest', 'orderBy');
      if (!(ORDER_KEYS as readonly string[]).includes(key) || rest.length || (dir !== undefined && dir !== 'desc'))
        throw driveError(api, 400, SAY.invalidValue, 'invalid', 'orderBy');
      return { key: key as (typeof ORDER_KEYS)[number], sign: dir === 'desc' ? -1 : 1 };
    });
  const compare = (a: DriveFileRecord, b: DriveFileRecord, key: (typeof ORDER_KEYS)[number]): number => {
    switch (key) {
      case 'name':
        return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
      case 'name_natural':
        return a.name.localeCompare(b.name, undefined, { numeric: true });
      case 'createdTime':
        return a.createdTime - b.createdTime;
      case 'modifiedTime':
        return a.modifiedTime - b.modifiedTime;
      case 'folder':
        // Folders first.
        return Number(isFolder(b)) - Number(isFolder(a));
    }
  };
  return (a, b) => {
    for (const { key, sign } of keys) {
      const c = compare(a, b, key) * sign;
      if (c) return c;
    }
    return 0;
  };
}

function makeToken(offset: number, key: string): string {
  return Buffer.from(JSON.stringify({ o: offset, k: key }), 'utf8').toString('base64url');
}

function readToken(api: string, token: string, key: string): number {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; k?: unknown };
    if (typeof t.o === 'number' && Number.isInteger(t.o) && t.o >= 0 && t.k === key) return t.o;
  } catch {
    // falls through to Google's refusal
  }
  throw driveError(api, 400, SAY.invalidValue, 'invalid', 'pageToken');
}

/** The subset of GoogleAppsScript.Drive (v3) the emulator has: Files. */
export class DriveService {
  readonly Files: DriveFilesCollection;

  constructor(store: DriveStore, ctx: ServiceContext, project: string, spreadsheets?: SpreadsheetStore) {
    this.Files = new DriveFilesCollection(new DriveCore(store, ctx, project, spreadsheets));
  }

  /** Drive.newFile(): an empty File resource to fill in. */
  newFile(): File {
    return {};
  }
}

export function createDriveAdvanced(
  store: DriveStore,
  ctx: ServiceContext,
  project: string,
  spreadsheets?: SpreadsheetStore,
): DriveService {
  return new DriveService(store, ctx, project, spreadsheets);
}
