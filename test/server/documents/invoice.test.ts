// Offers and invoices from the built bundle on the emulated Workspace: the PDF's own text (pdfjs) says the client's
// name, the amount and the office's requisites; the event links it; the e-mail carries it and logs one e-mail event;
// a missing field, a client without e-mail and a template out of the CRM's reach are refused, naming what to fix;
// the template the office edited is what is filled.

import { appendOrderRows } from '../../../src/local/documents/order-row';
import type { Office } from '../../../src/local/office';
import { pdfText } from '../../support/pdf-text';
import { eventRows, eventsOffice } from '../events/office';

const REQUISITES = {
  officeName: 'ООО «Ромашка»',
  officeTaxId: '7701234567',
  officeAddress: 'Москва, ул. Лесная, 5',
  officeBank: 'АО «Банк», БИК 044525225, р/с 40702810000000000001',
  officePhone: '+7 495 111-22-33',
  officeEmail: 'office@romashka.ru',
};

/** The text as a reader reads it: any run of spaces (the no-break one in "15 000,00" too) as one space. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

function withOrder(office: Office, client: { resourceName: string; name: string }, id = 'E-order-1', amount = 15000) {
  const saved = office.rpc.saveSettings(REQUISITES);
  if (!saved.ok) throw new Error('requisites not saved');
  appendOrderRows(office, [
    {
      id,
      at: new Date('2026-03-01T10:00:00+03:00'),
      client: client.name,
      clientId: client.resourceName,
      amount,
      currency: 'RUB',
      orderState: 'invoiced',
      result: 'Монтаж системы отопления',
    },
  ]);
  office.workspace.calls.reset();
  return id;
}

function refusal(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a refusal');
}

test('an invoice PDF says the client, the amount and the office requisites; the event links it', () => {
  const { office, clients } = eventsOffice();
  const id = withOrder(office, clients.vip);
  const made = office.rpc.makeDocument({ event: id, template: 'invoice' });

  const text = flat(pdfText(office.workspace.drive.content(made.pdf)));
  expect(text).toContain('Иванов Иван');
  expect(text).toContain('15 000,00 RUB');
  expect(text).toContain(`ИНН: ${REQUISITES.officeTaxId}`);
  expect(text).toContain(REQUISITES.officeName);
  expect(text).toContain(REQUISITES.officeAddress);
  expect(text).toContain('БИК 044525225');
  expect(text).toContain(`№ ${id}`);
  expect(text).toContain('Монтаж системы отопления');
  expect(text).not.toContain('{{');

  // Linked from the event (its Document cell), and the answer's event says so too.
  expect(made.event.document).toBe(made.url);
  const row = eventRows(office).find((r) => r.id === id)!;
  expect(row.document).toBe(made.url);
  expect(made.url).toContain(made.pdf);

  // In the client's folder inside "CRM documents — …"; the filled copy is gone, the template kept.
  const ws = office.workspace;
  const pdf = ws.drive.files({ trashed: false }).find((f) => f.id === made.pdf)!;
  expect(pdf.mimeType).toBe('application/pdf');
  expect(pdf.parents).toEqual([made.folder]);
  const folder = ws.drive.files({}).find((f) => f.id === made.folder)!;
  expect(folder.name).toBe('Иванов Иван');
  const docs = ws.drive.files({}).filter((f) => f.mimeType === 'application/vnd.google-apps.document');
  expect(docs.map((d) => d.id)).toEqual([made.template]);

  // The template's address is shown in Settings for the office to edit.
  const setting = office.rpc.getSettingsView().settings.find((s) => s.key === 'invoiceTemplate')!;
  expect(String(setting.value)).toContain(made.template);

  // A second invoice reuses the template and the client's folder.
  const again = office.rpc.makeDocument({ event: id, template: 'invoice' });
  expect(again.template).toBe(made.template);
  expect(again.folder).toBe(made.folder);
});

test('e-mailing the document sends the PDF to the client and logs exactly one e-mail event', () => {
  const { office, clients } = eventsOffice();
  const id = withOrder(office, clients.vip);
  const before = eventRows(office).length;
  const sent = office.rpc.emailDocument({ event: id });
  expect(sent.to).toBe(clients.vip.email);
  // No document yet: an invoice (the order is invoiced) was made for it and linked.
  expect(sent.made?.pdf).toBe(sent.pdf);
  expect(sent.event.document).toContain(sent.pdf);

  const mail = office.workspace.gmail.sent().filter((m) => m.to.includes(clients.vip.email));
  expect(mail).toHaveLength(1);
  expect(mail[0].attachments).toHaveLength(1);
  const attached = mail[0].attachments![0];
  expect(attached.contentType).toBe('application/pdf');
  expect(flat(pdfText(Buffer.from(attached.content, 'base64')))).toContain('15 000,00 RUB');
  expect(mail[0].subject).toContain(id);

  const rows = eventRows(office);
  expect(rows).toHaveLength(before + 1);
  const email = rows.find((r) => r.id === sent.email.id)!;
  expect(email).toMatchObject({ kind: 'E-mail', clientId: clients.vip.resourceName });

  // The second click sends the same PDF (no new document).
  const second = office.rpc.emailDocument({ event: id });
  expect(second.made).toBeUndefined();
  expect(second.pdf).toBe(sent.pdf);
});

test('a missing requisite or amount refuses the document, naming the fields; nothing is made', () => {
  const { office, clients } = eventsOffice();
  const id = withOrder(office, clients.vip);
  office.rpc.saveSettings({ officeTaxId: '', officeBank: '' });
  const e = refusal(() => office.rpc.makeDocument({ event: id, template: 'invoice' }));
  expect(e.name).toBe('DocumentRefused');
  expect(e.message).toContain('{{office.taxId}}');
  expect(e.message).toContain('officeTaxId');
  expect(e.message).toContain('{{office.bank}}');
  expect(office.workspace.drive.files({ trashed: false }).filter((f) => f.mimeType === 'application/pdf')).toHaveLength(
    0,
  );
  expect(eventRows(office).find((r) => r.id === id)!.document).toBe('');

  // An event with no amount is not an invoice.
  office.rpc.saveSettings(REQUISITES);
  appendOrderRows(office, [
    { id: 'E-no-amount', at: new Date(), client: clients.vip.name, clientId: clients.vip.resourceName, amount: '' },
  ]);
  const noAmount = refusal(() => office.rpc.makeDocument({ event: 'E-no-amount', template: 'offer' }));
  expect(noAmount.message).toContain('{{order.amount}}');
});

test('a client without an e-mail is refused clearly, nothing sent', () => {
  const { office, clients } = eventsOffice();
  const id = withOrder(office, clients.vip);
  office.rpc.saveClient({
    resourceName: clients.vip.resourceName,
    ...(() => {
      const card = office.rpc.getClient({ client: clients.vip.resourceName }).client;
      return { etag: card.etag, base: card, changes: { emails: [] } };
    })(),
  } as never);
  const e = refusal(() => office.rpc.emailDocument({ event: id }));
  expect(e.name).toBe('DocumentRefused');
  expect(e.message).toContain('e-mail');
  expect(office.workspace.gmail.sent()).toHaveLength(0);
});

test('the template the office edited is the one filled; a Doc of its own is out of reach, said so', () => {
  const { office, clients } = eventsOffice();
  const id = withOrder(office, clients.vip);
  const first = office.rpc.makeDocument({ event: id, template: 'offer' });
  const ws = office.workspace;
  ws.drive.userEditDoc(
    first.template,
    'Наше особое предложение для {{ givenName }}\nЦена {{order.amount}} {{order.currency}}',
  );
  const edited = office.rpc.makeDocument({ event: id, template: 'offer' });
  const text = flat(pdfText(ws.drive.content(edited.pdf)));
  expect(text).toContain('Наше особое предложение для Иван');
  expect(text).toContain('Цена 15 000,00 RUB');
  expect(text).not.toContain('Коммерческое предложение');

  // A typo in the template is refused, naming it.
  ws.drive.userEditDoc(first.template, 'Для {{givenname}}');
  expect(refusal(() => office.rpc.makeDocument({ event: id, template: 'offer' })).message).toContain('{{givenname}}');

  // The office's own Doc, made in Docs: drive.file does not reach it.
  const own = ws.drive.userCreateDoc('Мой счёт', 'Счёт для {{name}}');
  office.rpc.saveSettings({ invoiceTemplate: `https://docs.google.com/document/d/${own.id}/edit` });
  const e = refusal(() => office.rpc.makeDocument({ event: id, template: 'invoice' }));
  expect(e.name).toBe('DocumentRefused');
  expect(e.message).toContain(own.id);
  expect(e.message).toContain('invoiceTemplate');
});
