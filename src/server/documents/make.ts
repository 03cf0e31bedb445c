// makeDocument: an offer or an invoice for an order event. The template's text is read first, so a missing field
// refuses before anything is copied; then the template is copied into the client's folder, filled in ONE request
// (Docs replaceAllText per placeholder, or a Sheet's placeholder cells rewritten), exported to PDF (and xlsx from a Sheet), the
// exports saved beside it, the filled copy deleted (the PDF is the document of record: a second copy that could be
// edited apart from it would only disagree with it), and the PDF's link written into the event's Document cell
// through the event change path (one batchUpdate, under the write lock).

import { cardName, cardOf } from '../../core/clients/card';
import { EventRecord, eventViewOf, mayChangeEvent, parseEventRow } from '../../core/events';
import {
  DOCUMENT_TEMPLATES,
  DocumentTemplateKind,
  documentFill,
  documentValues,
  OFFICE_SETTING,
} from '../../core/documents/fields';
import { driveFileUrl } from '../../core/documents/file-ref';
import { documentText as say } from '../../core/documents/messages';
import type { DocumentResult, MakeDocumentInput } from '../../shared/documents-dto';
import type { RowHints } from '../../shared/events-dto';
import { readPerson } from '../clients/card';
import { scriptClock } from '../clock';
import { commitChange } from '../events/change';
import { EventTarget, locateEvent } from '../events/event-target';
import { accepted } from '../events/messages';
import { OfficeContext } from '../events/office';
import { underWriteLock } from '../sheets/write-lock';
import { clientFolder, documentsRoot } from './folders';
import { copyFile, docs, DOC_MIME, exportFile, PDF_MIME, removeFile, saveFile, XLSX_MIME } from './google';
import { refused } from './refusal';
import { templateFile, templateText } from './templates';
import { fillSheetCopy } from './sheet-template';

type Blob = GoogleAppsScript.Base.Blob;

export function templateKind(value: unknown, office: OfficeContext): DocumentTemplateKind {
  const kind = String(value ?? '')
    .trim()
    .toLowerCase();
  if (!(DOCUMENT_TEMPLATES as readonly string[]).includes(kind)) throw refused(say(office.locale, 'badTemplate'));
  return kind as DocumentTemplateKind;
}

/** "invoice" in the office's words, and capitalised for the start of a title. */
export function documentWord(kind: DocumentTemplateKind, office: OfficeContext) {
  const word = say(office.locale, kind);
  return { document: word, Document: word.charAt(0).toUpperCase() + word.slice(1) };
}

export interface OrderEvent {
  target: EventTarget;
  event: EventRecord;
}

/**
 * The event with every cell of its row. The store's copy of an open event (what locateEvent takes when no hint names
 * the row) leaves out the order's cells, so the row itself is read then (one more request).
 */
export function orderEvent(office: OfficeContext, id: string, hints: RowHints | undefined, as?: string): OrderEvent {
  const target = locateEvent(office, String(id ?? '').trim(), hints);
  let event = target.before;
  if (target.open) {
    const events = target.read.events!;
    const table = events.table!;
    const width = Math.max(...Object.values(table.columns)) + 1;
    const cells = events.sheet.getRange(event.rowNumber, 1, 1, width).getValues()[0];
    const options = { timeZone: office.timeZone, locale: office.locale, statusNames: office.lists.statuses };
    event = parseEventRow(cells, event.rowNumber, table, options).event ?? event;
  }
  // Writing the event's Document cell is a change to it: the same people may make it as may change the event.
  accepted(mayChangeEvent(event, office, as), office);
  return { target, event };
}

/** The client's card as a document names it (one People get). */
export function documentClient(event: EventRecord, office: OfficeContext) {
  if (!event.clientId) throw refused(say(office.locale, 'noClient', { what: event.reason || event.kind }));
  const card = cardOf(readPerson(event.clientId, office.locale), []);
  return { ...card, name: cardName(card) };
}

function valuesFor(event: EventRecord, client: ReturnType<typeof documentClient>, office: OfficeContext) {
  const s = office.settings;
  return documentValues({
    client,
    order: event,
    office: {
      name: s.get('officeName'),
      taxId: s.get('officeTaxId'),
      address: s.get('officeAddress'),
      bank: s.get('officeBank'),
      phone: s.get('officePhone'),
      email: s.get('officeEmail'),
    },
    defaultCurrency: s.get('currency'),
    now: new Date(scriptClock.now()),
    timeZone: office.timeZone,
    locale: office.locale,
  });
}

/** "office.taxId (Settings → officeTaxId)": a missing field named with where it is filled in. */
function fieldList(names: string[], office: OfficeContext): string {
  return names
    .map((n) =>
      OFFICE_SETTING[n] ? `{{${n}}} (${say(office.locale, 'setting', { key: OFFICE_SETTING[n] })})` : `{{${n}}}`,
    )
    .join(', ');
}

export interface Made extends Omit<DocumentResult, 'event'> {
  blob: Blob;
  after: EventRecord;
}

export function makeDocument(input: MakeDocumentInput): DocumentResult {
  const office = new OfficeContext();
  const kind = templateKind(input?.template, office);
  const order = orderEvent(office, input?.event, input?.hints, input?.as);
  const made = makeFor(order, kind, office);
  return {
    pdf: made.pdf,
    url: made.url,
    ...(made.xlsx ? { xlsx: made.xlsx } : {}),
    name: made.name,
    folder: made.folder,
    template: made.template,
    event: eventViewOf(made.after),
  };
}

/** The document for an order event already read (makeDocument's, and the e-mail's when the event has none yet). */
export function makeFor(order: OrderEvent, kind: DocumentTemplateKind, office: OfficeContext): Made {
  const { event } = order;
  const client = documentClient(event, office);
  const values = valuesFor(event, client, office);
  const template = templateFile(kind, office);
  const content = templateText(template);
  const fill = documentFill(content.text, values);
  const words = documentWord(kind, office);
  if (fill.unknown.length)
    throw refused(
      say(office.locale, 'unknown', {
        ...words,
        fields: fieldList(fill.unknown, office),
        known: fieldList(Object.keys(values), office).replace(/ \([^)]*\)/g, ''),
      }),
    );
  if (fill.missing.length)
    throw refused(say(office.locale, 'missing', { ...words, fields: fieldList(fill.missing, office) }));

  const name = say(office.locale, 'subject', { ...words, number: event.id, office: client.name });
  const folder = clientFolder(documentsRoot(office.ss.getName()), event.clientId, client.name);
  const copy = copyFile(template.id, name, folder);
  let pdf: string;
  let xlsx: string | undefined;
  let blob: Blob;
  try {
    if (content.cells) fillSheetCopy(copy, content.cells, fill.replacements);
    else fillDoc(copy, fill.replacements);
    blob = exported(copy, PDF_MIME, `${name}.pdf`, kind, office);
    pdf = saveFile(blob, `${name}.pdf`, PDF_MIME, folder);
    if (template.mimeType !== DOC_MIME)
      xlsx = saveFile(exported(copy, XLSX_MIME, `${name}.xlsx`, kind, office), `${name}.xlsx`, XLSX_MIME, folder);
  } finally {
    removeFile(copy);
  }
  const url = driveFileUrl(pdf);
  const after = underWriteLock(() => linkDocument(order, url, office));
  return { pdf, url, ...(xlsx ? { xlsx } : {}), name, folder, template: template.id, blob, after };
}

/** Every placeholder replaced in one request: Docs replaceAllText, one per placeholder. */
function fillDoc(id: string, replacements: Array<{ find: string; replace: string }>): void {
  if (!replacements.length) return;
  docs().batchUpdate(
    {
      requests: replacements.map((r) => ({
        replaceAllText: { containsText: { text: r.find, matchCase: true }, replaceText: r.replace },
      })),
    },
    id,
  );
}

function exported(id: string, mimeType: string, name: string, kind: DocumentTemplateKind, office: OfficeContext): Blob {
  const got = exportFile(id, mimeType);
  if (!got.blob)
    throw new Error(say(office.locale, 'exportFailed', { ...documentWord(kind, office), status: got.status }));
  return got.blob.setName(name);
}

/**
 * The PDF's link in the event's Document cell: the event is found again under the lock, at the row it was read from
 * (one batch read that checks it is still there), and written with the change path's one batchUpdate.
 */
function linkDocument(order: OrderEvent, url: string, office: OfficeContext): EventRecord {
  const { target, event } = order;
  const hints: RowHints = {
    eventRow: event.rowNumber,
    ...(target.open ? { storeRow: target.open.storeRow } : {}),
    ...(target.index ? { indexRow: target.index.rowNumber } : {}),
  };
  const again = locateEvent(office, event.id, hints);
  const after: EventRecord = { ...again.before, document: url };
  // Only the Document cell changes: neither the open-events store nor the Card index holds it, so their rows are not
  // rewritten and the Gmail card is not told (no push, no CRM line), one cell in one batchUpdate.
  commitChange({ ...again, read: { ...again.read, store: undefined }, index: undefined }, after, office);
  return after;
}
