// emailDocument: the order's PDF to the client's e-mail in one click — the event's own document, or one made now
// when it has none (or its file is gone) — sent through MailApp as the office account, and logged as an e-mail event
// (Settings → mailKind) on the client, through the event log's own path.

import { driveFileId } from '../../core/documents/file-ref';
import type { DocumentTemplateKind } from '../../core/documents/fields';
import { documentText as say } from '../../core/documents/messages';
import { eventViewOf } from '../../core/events';
import type { DocumentResult, EmailDocumentInput, EmailDocumentResult } from '../../shared/documents-dto';
import { logEventIn } from '../events/log';
import { OfficeContext } from '../events/office';
import { underWriteLock } from '../sheets/write-lock';
import { downloadFile } from './google';
import { documentClient, documentWord, makeFor, orderEvent, templateKind } from './make';
import { refused } from './refusal';

export function emailDocument(input: EmailDocumentInput): EmailDocumentResult {
  const office = new OfficeContext();
  const order = orderEvent(office, input?.event, input?.hints, input?.as);
  const { event } = order;
  const kind: DocumentTemplateKind =
    input?.template !== undefined
      ? templateKind(input.template, office)
      : event.orderState === 'offer'
        ? 'offer'
        : 'invoice';
  const client = documentClient(event, office);
  const to = client.emails[0] ?? '';
  const words = documentWord(kind, office);
  if (!to) throw refused(say(office.locale, 'noEmail', { ...words, name: client.name }));

  const existing = event.document ? driveFileId(event.document) : undefined;
  const kept = existing ? downloadFile(existing) : undefined;
  let pdf: string;
  let blob;
  let made: DocumentResult | undefined;
  let orderAfter = event;
  if (existing && kept?.blob) {
    pdf = existing;
    blob = kept.blob;
  } else {
    // No document yet, or its PDF was deleted since: one is made now, for the client to get what the event says.
    const m = makeFor(order, kind, office);
    pdf = m.pdf;
    blob = m.blob;
    orderAfter = m.after;
    made = {
      pdf: m.pdf,
      url: m.url,
      ...(m.xlsx ? { xlsx: m.xlsx } : {}),
      name: m.name,
      folder: m.folder,
      template: m.template,
      event: eventViewOf(m.after),
    };
  }
  const settings = office.settings;
  const from = settings.get('officeName') || office.ss.getName();
  const params = { ...words, number: event.id, office: from };
  MailApp.sendEmail({
    to,
    subject: say(office.locale, 'subject', params),
    body: say(office.locale, 'body', { ...params, name: client.givenName || client.name }),
    name: settings.get('mailFromName') || from,
    attachments: [blob],
  });
  const email = underWriteLock(() =>
    logEventIn(office, {
      client: event.clientId,
      kind: settings.get('mailKind'),
      reason: event.reason,
      note: say(office.locale, 'sent', { ...params, email: to }),
    }),
  );
  return { to, pdf, ...(made ? { made } : {}), event: eventViewOf(orderAfter), email };
}
