// The `Docs` advanced service (Google Docs API v1), as a project sees it once its manifest enables
// `{"userSymbol":"Docs","serviceId":"docs","version":"v1"}`: Documents.create, get and batchUpdate over the Google Docs
// the account's Drive holds (a Doc is a Drive file of type application/vnd.google-apps.document, so Drive's
// files.list/get/copy/delete see it). Each method is one counted round trip `Docs.Documents.<method>`; failures are
// GoogleJsonResponseExceptions naming docs.documents.<method>. https://developers.google.com/docs/api/reference/rest
//
// Scopes (auth/member-scopes.ts): create and batchUpdate need documents, drive or drive.file; get also
// documents.readonly or drive.readonly. Holding only drive.file, a run reaches the Docs its own project created (or
// copied, or the person picked for it: ws.drive.userPick): another Doc answers 403 "The caller does not have permission" (UNVERIFIED that drive.file's refusal is
// this 403 rather than a 404). An id that names nothing: 404 "Requested entity was not found.".
//
// batchUpdate (https://developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate): requests apply in
// order, each seeing the document the previous ones left; any invalid request fails the whole batch and nothing is
// applied. Emulated kinds: insertText, deleteContentRange, replaceAllText, updateParagraphStyle (namedStyleType
// only). Any other kind, a header/footer segment, a tab, a text style: refused as not emulated, never ignored.
// Replies: one per request, `{}` for the kinds that give none; replaceAllText's occurrencesChanged is left out when 0,
// as proto3 JSON leaves out a zero (UNVERIFIED for this field, the rule is Google's for every int32).
//
// Quotas (https://developers.google.com/docs/api/limits): 300 reads and 60 writes a minute per user per project, 429
// past them (the Sheets-style sentence naming docs.googleapis.com; UNVERIFIED wording).

import { ServiceContext, apiMethodName } from '../context';
import { signatureMismatch } from '../script/emulated';
import { jsonBytes } from '../wire-size';
import { DOC_MIME, DriveFileRecord, DriveStore, reachableBy } from '../drive/store';
import {
  bodyEnd,
  copyDoc,
  deleteRange,
  DocRecord,
  emptyDoc,
  insertText,
  NAMED_STYLES,
  NamedStyle,
  paragraphs,
  replaceAll,
  setParagraphStyle,
} from './model';
import { docsError, DOCS_SAY } from './wording';
import { usePerMinute } from '../sheets/quota';

/**
 * "Read requests: per minute per user per project 300; Write requests: … 60" (https://developers.google.com/docs/api/limits);
 * past them Google answers 429. create and batchUpdate are writes, get a read. The per-project figures (3000/600)
 * cannot bite first for the one account a project runs as.
 */
export const DOCS_PER_MINUTE = { read: 300, write: 60 };

type Document = GoogleAppsScript.Docs.Schema.Document;
type BatchUpdateRequest = GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest;
type BatchUpdateResponse = GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse;
type Json = Record<string, unknown>;

const AUTH = 'https://www.googleapis.com/auth/';
const WIDE_WRITE = [`${AUTH}documents`, `${AUTH}drive`];
const WIDE_READ = [...WIDE_WRITE, `${AUTH}documents.readonly`, `${AUTH}drive.readonly`];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Characters insertText strips (documented: U+0000–U+0008, U+000C–U+001F, and the BMP Private Use Area). */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what Google strips
const STRIPPED = /[\u0000-\u0008\u000C-\u001F\uE000-\uF8FF]/g;

/** A revision id shaped like Google's opaque ones, stable for a document's revision. */
function revisionId(id: string, revision: number): string {
  return `ALBJ4Ls${Buffer.from(`${id}:${revision}`).toString('base64url').slice(-40)}`;
}

const PT = (magnitude: number) => ({ magnitude, unit: 'PT' });

/** The Document resource as the Docs API gives it (what the model holds; documentStyle as a new A4 Doc's). */
function toDocument(f: DriveFileRecord, doc: DocRecord): Document {
  const content: Json[] = [
    {
      endIndex: 1,
      sectionBreak: {
        sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT', sectionType: 'CONTINUOUS' },
      },
    },
  ];
  for (const p of paragraphs(doc))
    content.push({
      startIndex: p.startIndex,
      endIndex: p.endIndex,
      paragraph: {
        elements: [{ startIndex: p.startIndex, endIndex: p.endIndex, textRun: { content: p.content, textStyle: {} } }],
        paragraphStyle: { namedStyleType: p.style, direction: 'LEFT_TO_RIGHT' },
      },
    });
  return {
    title: f.name,
    body: { content },
    documentStyle: {
      background: { color: {} },
      pageNumberStart: 1,
      marginTop: PT(72),
      marginBottom: PT(72),
      marginRight: PT(72),
      marginLeft: PT(72),
      pageSize: { height: PT(841.8897637795277), width: PT(595.2755905511812) },
    },
    revisionId: revisionId(f.id, doc.revision),
    suggestionsViewMode: 'SUGGESTIONS_INLINE',
    documentId: f.id,
  } as Document;
}

class DocsCore {
  constructor(
    readonly store: DriveStore,
    readonly ctx: ServiceContext,
    readonly project: string,
  ) {}

  call<T>(method: string, sent: unknown[], fn: (api: string) => T): T {
    const service = `Docs.Documents.${method}`;
    const kind = method === 'get' ? 'read' : 'write';
    return this.ctx.call(
      service,
      () => {
        const api = apiMethodName(service);
        usePerMinute(this.ctx, api, kind, this.project, { service: 'docs', limit: DOCS_PER_MINUTE[kind] });
        return fn(api);
      },
      { sent, received: (r) => jsonBytes(r) },
    );
  }

  /** The Doc `id` names, if the run may reach it (see the file comment). */
  doc(api: string, id: string, write: boolean): DriveFileRecord & { doc: DocRecord } {
    const f = this.store.record(id);
    if (!f) throw docsError(api, 404, DOCS_SAY.notFound);
    const grants = this.ctx.execution?.grants;
    const wide = !grants || (write ? WIDE_WRITE : WIDE_READ).some((s) => grants.includes(s));
    if (!wide && !reachableBy(f, this.project)) throw docsError(api, 403, DOCS_SAY.noPermission);
    if (f.mimeType !== DOC_MIME || !f.doc) throw docsError(api, 400, DOCS_SAY.notADocument);
    return f as DriveFileRecord & { doc: DocRecord };
  }
}

function only(api: string, value: Json, allowed: readonly string[], at: string): void {
  for (const k of Object.keys(value))
    if (value[k] !== undefined && !allowed.includes(k)) throw docsError(api, 400, DOCS_SAY.unknownField(k, at));
}

function intOf(api: string, v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw docsError(api, 400, what);
  return v;
}

/** Segment and tab: the body only. */
/** A request's `range` in the body: both indexes whole numbers, the end after the start ("emptyRange" otherwise). */
function rangeOf(api: string, bad: (what: string) => string, range: unknown): { start: number; stop: number } {
  if (!isObject(range)) throw docsError(api, 400, bad(DOCS_SAY.emptyRange));
  bodyOnly(api, bad, range);
  const start = intOf(api, range.startIndex ?? 0, bad(DOCS_SAY.emptyRange));
  const stop = intOf(api, range.endIndex ?? 0, bad(DOCS_SAY.emptyRange));
  if (stop <= start) throw docsError(api, 400, bad(DOCS_SAY.emptyRange));
  return { start, stop };
}

function bodyOnly(api: string, bad: (what: string) => string, where: Json): void {
  if (where.segmentId !== undefined && where.segmentId !== '')
    throw docsError(api, 400, bad(DOCS_SAY.notEmulated('a header, footer or footnote segment')));
  if (where.tabId !== undefined) throw docsError(api, 400, bad(DOCS_SAY.notEmulated('document tabs')));
}

const KINDS = ['insertText', 'deleteContentRange', 'replaceAllText', 'updateParagraphStyle'] as const;

/** Applies request `i` to `doc` (a working copy); its reply. */
function apply(api: string, doc: DocRecord, request: unknown, i: number): Json {
  if (!isObject(request)) throw docsError(api, 400, DOCS_SAY.invalid(i, '', DOCS_SAY.oneKind).replace('.: ', ': '));
  const set = Object.keys(request).filter((k) => request[k] !== undefined);
  if (set.length !== 1) throw docsError(api, 400, `Invalid requests[${i}]: ${DOCS_SAY.oneKind}`);
  const kind = set[0];
  if (!(KINDS as readonly string[]).includes(kind)) {
    // A kind the Docs API has but the emulator does not model, or a misspelt one (Google's unknown-field answer).
    if (/^[a-z][A-Za-z]+$/.test(kind) && GOOGLE_KINDS.includes(kind))
      throw docsError(api, 400, `Invalid requests[${i}].${kind}: ${DOCS_SAY.notEmulated(kind)}`);
    throw docsError(api, 400, DOCS_SAY.unknownField(kind, `requests[${i}]`));
  }
  const body = request[kind];
  const bad = (what: string) => DOCS_SAY.invalid(i, kind, what);
  if (!isObject(body)) throw docsError(api, 400, bad('the request must be an object'));
  const end = bodyEnd(doc);
  switch (kind) {
    case 'insertText': {
      only(api, body, ['text', 'location', 'endOfSegmentLocation'], `requests[${i}].insert_text`);
      if (typeof body.text !== 'string') throw docsError(api, 400, bad(DOCS_SAY.emptyInsert));
      const text = body.text.replace(STRIPPED, '');
      if (text === '') throw docsError(api, 400, bad(DOCS_SAY.emptyInsert));
      if ((body.location === undefined) === (body.endOfSegmentLocation === undefined))
        throw docsError(api, 400, bad('exactly one of location and endOfSegmentLocation must be set'));
      let index: number;
      if (body.location !== undefined) {
        if (!isObject(body.location)) throw docsError(api, 400, bad(DOCS_SAY.outsideParagraph));
        bodyOnly(api, bad, body.location);
        index = intOf(api, body.location.index ?? 0, bad(DOCS_SAY.outsideParagraph));
        if (index < 1) throw docsError(api, 400, bad(DOCS_SAY.outsideParagraph));
        if (index >= end) throw docsError(api, 400, bad(DOCS_SAY.pastEnd(index, end)));
      } else {
        if (!isObject(body.endOfSegmentLocation)) throw docsError(api, 400, bad(DOCS_SAY.outsideParagraph));
        bodyOnly(api, bad, body.endOfSegmentLocation);
        // Before the body's final newline.
        index = end - 1;
      }
      insertText(doc, index, text);
      return {};
    }
    case 'deleteContentRange': {
      only(api, body, ['range'], `requests[${i}].delete_content_range`);
      const { start, stop } = rangeOf(api, bad, body.range);
      if (start < 1) throw docsError(api, 400, bad(DOCS_SAY.outsideParagraph));
      if (stop > end) throw docsError(api, 400, bad(DOCS_SAY.pastEnd(stop, end)));
      if (stop === end) throw docsError(api, 400, bad(DOCS_SAY.finalNewline));
      deleteRange(doc, start, stop);
      return {};
    }
    case 'replaceAllText': {
      only(api, body, ['replaceText', 'containsText', 'tabsCriteria'], `requests[${i}].replace_all_text`);
      if (body.tabsCriteria !== undefined) throw docsError(api, 400, bad(DOCS_SAY.notEmulated('tabsCriteria')));
      const crit = body.containsText;
      if (!isObject(crit) || typeof crit.text !== 'string' || crit.text === '')
        throw docsError(api, 400, bad(DOCS_SAY.emptyFind));
      only(api, crit, ['text', 'matchCase', 'searchByRegex'], `requests[${i}].replace_all_text.contains_text`);
      if (crit.searchByRegex) throw docsError(api, 400, bad(DOCS_SAY.notEmulated('searchByRegex')));
      const replace = typeof body.replaceText === 'string' ? body.replaceText.replace(STRIPPED, '') : '';
      const n = replaceAll(doc, crit.text, replace, crit.matchCase === true);
      return { replaceAllText: n ? { occurrencesChanged: n } : {} };
    }
    default: {
      // updateParagraphStyle
      only(api, body, ['range', 'paragraphStyle', 'fields'], `requests[${i}].update_paragraph_style`);
      const { start, stop } = rangeOf(api, bad, body.range);
      if (start < 1 || stop > end) throw docsError(api, 400, bad(DOCS_SAY.pastEnd(stop, end)));
      if (body.fields !== 'namedStyleType')
        throw docsError(api, 400, bad(DOCS_SAY.notEmulated(`paragraph style fields other than namedStyleType`)));
      const style = isObject(body.paragraphStyle) ? body.paragraphStyle.namedStyleType : undefined;
      if (typeof style !== 'string' || !(NAMED_STYLES as readonly string[]).includes(style))
        throw docsError(
          api,
          400,
          bad(`Invalid value at 'requests[${i}].update_paragraph_style.paragraph_style.named_style_type'`),
        );
      setParagraphStyle(doc, start, stop, style as NamedStyle);
      return {};
    }
  }
}

/** The Docs API's other request kinds (refused as not emulated rather than as unknown). */
const GOOGLE_KINDS = [
  'createParagraphBullets',
  'deleteParagraphBullets',
  'createNamedRange',
  'deleteNamedRange',
  'updateTextStyle',
  'insertTable',
  'insertTableRow',
  'insertTableColumn',
  'deleteTableRow',
  'deleteTableColumn',
  'insertPageBreak',
  'deletePositionedObject',
  'updateTableColumnProperties',
  'updateTableCellStyle',
  'updateTableRowStyle',
  'replaceImage',
  'updateDocumentStyle',
  'mergeTableCells',
  'unmergeTableCells',
  'createHeader',
  'createFooter',
  'createFootnote',
  'replaceNamedRangeContent',
  'updateSectionStyle',
  'insertSectionBreak',
  'deleteHeader',
  'deleteFooter',
  'pinTableHeaderRows',
  'insertInlineImage',
  'addDocumentTab',
  'deleteTab',
  'updateDocumentTabProperties',
  'insertPerson',
  'insertDate',
];

type GoogleDocuments = Pick<GoogleAppsScript.Docs.Collection.DocumentsCollection, 'create' | 'get' | 'batchUpdate'>;

export class DocsDocumentsCollection implements GoogleDocuments {
  readonly #core: DocsCore;

  constructor(core: DocsCore) {
    this.#core = core;
  }

  /**
   * documents.create: "Creates a blank document using the title given in the request. Other fields in the request,
   * including any provided content, are ignored." A new Doc in My Drive, owned by this project (drive.file reaches it).
   */
  create(resource: Document): Document {
    const core = this.#core;
    if (!isObject(resource)) throw signatureMismatch('Docs.Documents.create', [resource]);
    return core.call('create', [resource], () => {
      const title = typeof resource.title === 'string' && resource.title !== '' ? resource.title : 'Untitled document';
      const f = core.store.insert({
        name: title,
        mimeType: DOC_MIME,
        parents: [core.store.rootId],
        doc: emptyDoc(),
        createdBy: core.project,
        now: core.ctx.clock.now(),
      });
      return toDocument(f, f.doc!);
    });
  }

  /** documents.get: the latest version. optionalArgs: suggestionsViewMode (any mode reads the same: no suggestions). */
  get(documentId: string, optionalArgs?: object): Document {
    const core = this.#core;
    if (typeof documentId !== 'string') throw signatureMismatch('Docs.Documents.get', [documentId, optionalArgs]);
    return core.call('get', [documentId, optionalArgs], (api) => {
      if (optionalArgs !== undefined && optionalArgs !== null) {
        if (!isObject(optionalArgs)) throw docsError(api, 400, DOCS_SAY.unknownParam(String(optionalArgs)));
        for (const [k, v] of Object.entries(optionalArgs)) {
          if (v === undefined) continue;
          if (k === 'includeTabsContent' && v) throw docsError(api, 400, DOCS_SAY.notEmulated('includeTabsContent'));
          if (k !== 'suggestionsViewMode' && k !== 'includeTabsContent')
            throw docsError(api, 400, DOCS_SAY.unknownParam(k));
        }
      }
      const f = core.doc(api, documentId, false);
      return toDocument(f, f.doc);
    });
  }

  /** documents.batchUpdate: every request applied in order, or none (see the file comment). */
  batchUpdate(resource: BatchUpdateRequest, documentId: string): BatchUpdateResponse {
    const core = this.#core;
    if (!isObject(resource) || typeof documentId !== 'string')
      throw signatureMismatch('Docs.Documents.batchUpdate', [resource, documentId]);
    return core.call('batchUpdate', [resource, documentId], (api) => {
      only(api, resource as Json, ['requests', 'writeControl'], 'batch_update_document_request');
      const f = core.doc(api, documentId, true);
      const wc = resource.writeControl;
      if (wc !== undefined) {
        if (!isObject(wc)) throw docsError(api, 400, DOCS_SAY.unknownField('writeControl', ''));
        if (wc.targetRevisionId !== undefined)
          throw docsError(api, 400, DOCS_SAY.notEmulated('writeControl.targetRevisionId (collaborative merging)'));
        if (wc.requiredRevisionId !== undefined && wc.requiredRevisionId !== revisionId(f.id, f.doc.revision))
          throw docsError(api, 400, DOCS_SAY.staleRevision);
      }
      const requests = resource.requests ?? [];
      if (!Array.isArray(requests)) throw docsError(api, 400, DOCS_SAY.unknownField('requests', ''));
      const work = copyDoc(f.doc);
      const replies = requests.map((r, i) => apply(api, work, r, i));
      if (work.text !== f.doc.text || work.styles.join() !== f.doc.styles.join()) {
        work.revision = f.doc.revision + 1;
        f.doc = work;
        f.modifiedTime = core.ctx.clock.now();
      }
      return {
        replies,
        writeControl: { requiredRevisionId: revisionId(f.id, f.doc.revision) },
        documentId: f.id,
      };
    });
  }
}

/** The subset of GoogleAppsScript.Docs the emulator has: Documents, and the new*() builders scripts use. */
export class DocsService {
  readonly Documents: DocsDocumentsCollection;

  constructor(store: DriveStore, ctx: ServiceContext, project: string) {
    this.Documents = new DocsDocumentsCollection(new DocsCore(store, ctx, project));
  }

  newDocument(): Document {
    return {};
  }

  newRequest(): GoogleAppsScript.Docs.Schema.Request {
    return {};
  }

  newBatchUpdateDocumentRequest(): BatchUpdateRequest {
    return {};
  }
}

export function createDocsAdvanced(store: DriveStore, ctx: ServiceContext, project: string): DocsService {
  return new DocsService(store, ctx, project);
}
