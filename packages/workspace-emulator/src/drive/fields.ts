// Drive's partial responses: the `fields` parameter (https://developers.google.com/drive/api/guides/fields-parameter).
// Grammar: a comma-separated list of paths (`id,name`), `a/b` for a sub-field, `a(b,c)` for several, `*` for all.
// Without `fields` Drive v3 answers only a default set: a File is `kind,id,name,mimeType`; a FileList is
// `kind,incompleteSearch,nextPageToken,files` with default Files. With `fields`, only what it names comes back — a list
// whose `fields` leaves out nextPageToken gets none, however many pages follow (as Google does).
//
// A name the File schema does not have is Google's 400 "Invalid field selection <name>"; a name it has that the
// emulator does not model is refused as not emulated (stricter than ignoring it: the product would read undefined).

import { driveError, SAY } from './wording';

/** Selected sub-fields; `true`: the whole value. */
export type Selection = Map<string, Selection | true>;

/** Every field of Drive v3's File (@types/google-apps-script apis/drive_v3.d.ts, Schema.File). */
const FILE_SCHEMA = new Set(
  (
    'appProperties capabilities contentHints contentRestrictions copyRequiresWriterPermission createdTime description ' +
    'driveId explicitlyTrashed exportLinks fileExtension folderColorRgb fullFileExtension hasAugmentedPermissions ' +
    'hasThumbnail headRevisionId iconLink id imageMediaMetadata isAppAuthorized kind labelInfo lastModifyingUser ' +
    'linkShareMetadata md5Checksum mimeType modifiedByMe modifiedByMeTime modifiedTime name originalFilename ' +
    'ownedByMe owners parents permissionIds permissions properties quotaBytesUsed resourceKey sha1Checksum ' +
    'sha256Checksum shared sharedWithMeTime sharingUser shortcutDetails size spaces starred teamDriveId thumbnailLink ' +
    'thumbnailVersion trashed trashedTime trashingUser version videoMediaMetadata viewedByMe viewedByMeTime ' +
    'viewersCanCopyContent webContentLink webViewLink writersCanShare'
  ).split(' '),
);

/** The File fields the emulator answers (service.ts fills them). */
export const FILE_MODELLED = [
  'kind',
  'id',
  'name',
  'mimeType',
  'parents',
  'trashed',
  'explicitlyTrashed',
  'trashedTime',
  'createdTime',
  'modifiedTime',
  'description',
  'appProperties',
  'size',
  'quotaBytesUsed',
  'md5Checksum',
  'webViewLink',
  'ownedByMe',
] as const;

const FILE_DEFAULT = ['kind', 'id', 'name', 'mimeType'];
const LIST_FIELDS = ['kind', 'nextPageToken', 'incompleteSearch', 'files'];

function parseList(api: string, text: string, at: { i: number }, depth: number): Selection {
  const out: Selection = new Map();
  for (;;) {
    const m = /^\s*([A-Za-z*][A-Za-z0-9_*]*(?:\/[A-Za-z*][A-Za-z0-9_*]*)*)\s*/.exec(text.slice(at.i));
    if (!m) throw driveError(api, 400, SAY.invalidField(text.slice(at.i) || text), 'invalidParameter', 'fields');
    at.i += m[0].length;
    const path = m[1].split('/');
    let sub: Selection | true = true;
    if (text[at.i] === '(') {
      at.i += 1;
      sub = parseList(api, text, at, depth + 1);
      if (text[at.i] !== ')') throw driveError(api, 400, SAY.invalidField(text), 'invalidParameter', 'fields');
      at.i += 1;
      while (text[at.i] === ' ') at.i += 1;
    }
    insert(out, path, sub);
    if (text[at.i] === ',') {
      at.i += 1;
      continue;
    }
    if (depth > 0 && text[at.i] === ')') return out;
    if (at.i >= text.length && depth === 0) return out;
    throw driveError(api, 400, SAY.invalidField(text.slice(at.i)), 'invalidParameter', 'fields');
  }
}

/** Adds `a/b/c` (with its sub-selection) to `node`; a field already selected whole stays whole. */
function insert(node: Selection, path: string[], sub: Selection | true): void {
  const [head, ...rest] = path;
  let value: Selection | true = sub;
  if (rest.length) {
    value = new Map();
    insert(value, rest, sub);
  }
  const old = node.get(head);
  if (old === true) return;
  node.set(head, value === true || !old ? value : merge(old, value));
}

function merge(a: Selection, b: Selection): Selection {
  for (const [k, v] of b) {
    const old = a.get(k);
    if (old === true) continue;
    a.set(k, v === true || !old ? v : merge(old, v));
  }
  return a;
}

/** The parsed `fields` parameter, undefined when absent. */
export function parseFields(api: string, fields: unknown): Selection | undefined {
  if (fields === undefined || fields === null) return undefined;
  const text = String(fields).trim();
  if (!text) return undefined;
  return parseList(api, text, { i: 0 }, 0);
}

/** Checks a File-level selection's names against the schema and what is modelled (before a write is applied). */
export function checkFile(api: string, sel: Selection): void {
  for (const name of sel.keys()) {
    if (name === '*') continue;
    if (!FILE_SCHEMA.has(name)) throw driveError(api, 400, SAY.invalidField(name), 'invalidParameter', 'fields');
    if (!(FILE_MODELLED as readonly string[]).includes(name))
      throw driveError(api, 400, SAY.notEmulated(`field ${name}`), 'badRequest', 'fields');
  }
}

type Json = Record<string, unknown>;

/** Keeps what `sel` names of `value` (arrays: of each element). */
function pick(value: unknown, sel: Selection | true): unknown {
  if (sel === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => pick(v, sel));
  if (sel.has('*')) return value;
  const out: Json = {};
  for (const [k, s] of sel) if ((value as Json)[k] !== undefined) out[k] = pick((value as Json)[k], s);
  return out;
}

/** A File answer as `fields` asks (the default set without it). */
export function selectFile(api: string, file: Json, sel: Selection | undefined): Json {
  if (!sel) return pick(file, new Map(FILE_DEFAULT.map((k) => [k, true]))) as Json;
  checkFile(api, sel);
  return pick(file, sel) as Json;
}

/** A FileList answer as `fields` asks (the default set without it). */
export function selectList(api: string, list: Json & { files: Json[] }, sel: Selection | undefined): Json {
  if (!sel) {
    const out: Json = { ...list, files: list.files.map((f) => selectFile(api, f, undefined)) };
    return out;
  }
  for (const name of sel.keys())
    if (name !== '*' && !LIST_FIELDS.includes(name))
      throw driveError(api, 400, SAY.invalidField(name), 'invalidParameter', 'fields');
  const files = sel.has('*') ? true : sel.get('files');
  if (files instanceof Map) checkFile(api, files);
  return pick(list, sel) as Json;
}
