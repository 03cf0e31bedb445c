// Which file an offer or an invoice is made from, and its text. Settings → offerTemplate / invoiceTemplate name it
// (an id or the Doc's address); empty, it is the CRM's own, made once as a Google Doc in the office's language, its id
// kept in a script property and its address written into the Settings cell, where the office finds it to edit. With
// the drive.file scope only files the project created are reachable: a Doc of the office's own is refused, saying so.

import { defaultTemplate } from '../../core/documents/default-templates';
import type { DocumentTemplateKind } from '../../core/documents/fields';
import { driveFileId } from '../../core/documents/file-ref';
import { documentText as say } from '../../core/documents/messages';
import type { SettingKey } from '../../core/settings/definitions';
import { OfficeContext } from '../events/office';
import { writeSettings } from '../sheets/settings';
import { addonProperties, setAddonProperty } from '../sheets/crm-spreadsheet';
import { createDocWithText, DOC_MIME, docs, documentText, fileMeta, SHEET_MIME, statusOf } from './google';
import { refused } from './refusal';
import { readSheetCells, SheetCells, sheetText } from './sheet-template';

export const TEMPLATE_SETTING: Record<DocumentTemplateKind, SettingKey> = {
  offer: 'offerTemplate',
  invoice: 'invoiceTemplate',
};

const PROPERTY: Record<DocumentTemplateKind, string> = {
  offer: 'crm.documents.offerTemplate',
  invoice: 'crm.documents.invoiceTemplate',
};

export interface TemplateFile {
  id: string;
  mimeType: string;
  /** Made now (the CRM's own, the first time or after the old one was deleted). */
  created: boolean;
}

export function docUrl(id: string): string {
  return `https://docs.google.com/document/d/${encodeURIComponent(id)}/edit`;
}

function reachable(id: string): GoogleAppsScript.Drive_v3.Drive.V3.Schema.File | undefined {
  try {
    const meta = fileMeta(id);
    return meta.trashed ? undefined : meta;
  } catch (e) {
    // drive.file: a file the project did not create answers 404 ("File not found"), as a deleted one does.
    const status = statusOf(e);
    if (status === 404 || status === 403) return undefined;
    throw e;
  }
}

export function templateFile(kind: DocumentTemplateKind, office: OfficeContext): TemplateFile {
  const setting = TEMPLATE_SETTING[kind];
  const named = String(office.settings.get(setting)).trim();
  // Read with the execution's one read of the script properties (sheets/crm-spreadsheet.ts).
  const own = addonProperties()[PROPERTY[kind]];
  if (named) {
    const id = driveFileId(named);
    const meta = id ? reachable(id) : undefined;
    if (!id || !meta) throw refused(say(office.locale, 'unreachable', { id: id ?? named, setting }));
    const mimeType = String(meta.mimeType);
    if (mimeType !== DOC_MIME && !(kind === 'invoice' && mimeType === SHEET_MIME))
      throw refused(
        say(office.locale, 'notTemplate', {
          id,
          setting,
          sheet: kind === 'invoice' ? say(office.locale, 'orSheet') : '',
        }),
      );
    return { id, mimeType, created: false };
  }
  // The cell was cleared: the CRM's own again (the one it made, while it exists), shown in the cell once more.
  if (own && reachable(own)) {
    showInSettings(setting, own, office);
    return { id: own, mimeType: DOC_MIME, created: false };
  }
  const id = createDefault(kind, office);
  setAddonProperty(PROPERTY[kind], id);
  showInSettings(setting, id, office);
  return { id, mimeType: DOC_MIME, created: true };
}

/** The CRM's own template: a new Doc, its text inserted in one batchUpdate. */
function createDefault(kind: DocumentTemplateKind, office: OfficeContext): string {
  const template = defaultTemplate(kind, office.locale);
  return createDocWithText(template.title, template.lines.join('\n'));
}

/**
 * The template's address in its Settings cell. Someone who may not edit the Settings sheet (a manager: it is
 * protected) still gets the document; the cell is then filled by the next person who may.
 */
function showInSettings(setting: SettingKey, id: string, office: OfficeContext): void {
  try {
    writeSettings({ [setting]: docUrl(id) }, office.ss);
  } catch (e) {
    console.warn(`The template's address was not written to Settings: ${e instanceof Error ? e.name : 'error'}`);
  }
}

/** The template's text, where its placeholders are: a Doc's paragraphs, or a Sheet's cells (kept for the fill). */
export function templateText(file: TemplateFile): { text: string; cells?: SheetCells } {
  if (file.mimeType === DOC_MIME) return { text: documentText(docs().get(file.id)) };
  const cells = readSheetCells(file.id);
  return { text: sheetText(cells), cells };
}
