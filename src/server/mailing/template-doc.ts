// A mailing's template kept in a Google Doc (the office edits it there): its body's text through the Docs advanced
// service, read the way documents read their templates (documents/google.ts), the id taken from the Doc's address as
// the office copies it from the browser (core/documents/file-ref.ts). A typed template can be saved as such a Doc:
// one the CRM made, so the drive.file scope reaches it.

import { driveFileId } from '../../core/documents/file-ref';
import { createDocWithText, docBodyText, docs } from '../documents/google';
import { docUrl } from '../documents/templates';

/** The Doc's text, paragraph per line. Throws Google's error when the Doc cannot be read (not found, no access). */
export function readDocText(idOrUrl: string): string {
  const id = driveFileId(idOrUrl) ?? idOrUrl.trim();
  return docBodyText(docs().get(id)).replace(/\n$/, '');
}

/** Saves a typed template as a new Google Doc (an e-mail's subject as its first line "Subject: …"). */
export function saveTemplateDoc(title: string, subject: string, body: string): { id: string; url: string } {
  const text = subject ? `Subject: ${subject}\n${body}` : body;
  const id = createDocWithText(title, text);
  return { id, url: docUrl(id) };
}
