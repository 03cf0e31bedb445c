// What the Client sidebar and the CLI (`crm document`) exchange with the server about an offer or an invoice made
// for an order event: a PDF (and an xlsx, from a Sheets template) in the client's Drive folder, linked from the event.

import type { EventView, RowHints } from './events-dto';

export type DocumentTemplateName = 'offer' | 'invoice';

export interface MakeDocumentInput {
  /** The order event's id. */
  event: string;
  template: DocumentTemplateName;
  /** Where the event's rows were when the list was read (the sidebar's hints): checked, never trusted. */
  hints?: RowHints;
  /** "Who am I" in a shared-account browser (LogEventInput.as). */
  as?: string;
}

export interface DocumentResult {
  /** The PDF's Drive file id, and its link (what the event's Document cell holds). */
  pdf: string;
  url: string;
  /** An invoice from a Sheets template: the xlsx beside the PDF. */
  xlsx?: string;
  /** The file name both carry (".pdf" / ".xlsx" added). */
  name: string;
  /** The client's documents folder in Drive. */
  folder: string;
  /** The template the document was filled from (a Doc, or a Sheet for an invoice). */
  template: string;
  /** The order event, its `document` now the PDF's link. */
  event: EventView;
}

export interface EmailDocumentInput {
  event: string;
  /** When the event has no document yet, this one is made first (default: an offer for an order in the offer state,
   *  else an invoice). */
  template?: DocumentTemplateName;
  hints?: RowHints;
  as?: string;
}

export interface EmailDocumentResult {
  /** The address the PDF went to (the card's first e-mail). */
  to: string;
  /** The PDF sent: the event's own, or the one made for this e-mail. */
  pdf: string;
  /** Set when the document was made for this e-mail. */
  made?: DocumentResult;
  /** The order event, and the e-mail event logged on the client (Settings → mailKind). */
  event: EventView;
  email: EventView;
}
