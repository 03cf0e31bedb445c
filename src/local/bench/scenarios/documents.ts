// `document.invoice`: one invoice PDF for an order event on a 2,000-client office, called as the Client sidebar calls
// makeDocument (with the event's row hints) — the template and the documents' root already made by an earlier
// document, the client's folder made now (the client's first document). `document.invoice.again`: the same client's
// next invoice (its folder found); `document.invoice.first`: the office's first document ever (the CRM's own template
// made: a Doc created and its text inserted, Settings shows its address); `document.invoice.cli`: by the event id
// alone, as `crm document` sends it (the row searched for).
//
// The least the APIs allow for one invoice (the template made, the client's folder found), counted calls:
//   the script properties (the owner, the documents' root, the template: one getProperties);
//   the event, its rows and the reference sheets: 1 Sheets values.batchGet (with the hints);
//   the client's card: 1 People get; the template: 1 Drive get (reachable? a Doc or a Sheet?) + 1 Docs get (its text:
//   a missing field refuses before anything is copied); the folders: 1 Drive get (the root still there) + 1 Drive
//   list (the client's folder by name); 1 Drive copy; 1 Docs batchUpdate (every replaceAllText in one); 1 export
//   (UrlFetch); 1 Drive create (the PDF); 1 Drive delete (the filled copy); the write lock (waitLock + releaseLock);
//   1 batchGet checking the event's row under the lock; 1 Sheets batchUpdate (the one Document cell) = 16; the
//   client's first document adds its folder's create = 17. (Without re-checking the row under the lock: one less,
//   at the risk of writing the link into a row a person's sort moved.)

import { openOffice, Office } from '../../office';
import { appendOrderRows } from '../../documents/order-row';
import type { ClientSummary } from '../../../shared/clients-dto';
import { measureRpc, Measurement } from '../measure';

const CLOCK = '2026-03-02T09:00:00+03:00';
const CLIENTS = 2000;

function officeWithOrders(): { office: Office; clients: ClientSummary[] } {
  const office = openOffice({ clockStart: CLOCK });
  office.rpc.runSetup();
  const saved = office.rpc.saveSettings({
    officeName: 'ООО «Ромашка»',
    officeTaxId: '7701234567',
    officeAddress: 'Москва, ул. Лесная, 5',
    officeBank: 'АО «Банк», БИК 044525225, р/с 40702810000000000001',
    officePhone: '+7 495 111-22-33',
    officeEmail: 'office@romashka.ru',
  });
  if (!saved.ok) throw new Error('documents bench: requisites not saved');
  const ws = office.workspace;
  ws.people.seed(
    Array.from({ length: CLIENTS }, (_, i) => ({
      names: [{ familyName: `Клиент${i}`, givenName: 'Иван' }],
      phoneNumbers: [{ value: `+7912${String(1000000 + i).slice(-7)}` }],
      emailAddresses: [{ value: `client${i}@example.ru` }],
    })),
    ws.clock.now(),
  );
  const indexed = office.sheet.invoke('refreshIndexTrigger', [{}]);
  if (indexed.error) throw indexed.error;
  const clients = [0, 1, 2].map((i) => office.rpc.findClients({ query: `Клиент${i} Иван`, limit: 1 }).clients[0]);
  appendOrderRows(
    office,
    clients.flatMap((c, i) =>
      ['a', 'b'].map((n) => ({
        id: `E-bench-${i}${n}`,
        at: new Date(ws.clock.now() - 86_400_000),
        client: c.name,
        clientId: c.resourceName,
        amount: 15000 + i,
        currency: 'RUB',
        orderState: 'invoiced' as const,
        result: 'Монтаж',
      })),
    ),
  );
  return { office, clients };
}

export function documentBenches(): Measurement[] {
  const { office, clients } = officeWithOrders();
  const rowOf = (id: string) => {
    const view = office.rpc.getClient({ client: clients[Number(id.charAt(8))].resourceName });
    return view.events.find((e) => e.id === id)!.rowNumber;
  };
  const call = (id: string, hinted: boolean) => {
    const hints = hinted ? { eventRow: rowOf(id), indexRow: clients[Number(id.charAt(8))].indexRow } : undefined;
    return (rpc: Parameters<Parameters<typeof measureRpc>[2]>[0]) =>
      rpc.makeDocument({ event: id, template: 'invoice', ...(hints ? { hints } : {}) });
  };
  const first = measureRpc(office, 'The office’s first invoice (its template made)', call('E-bench-0a', true));
  const invoice = measureRpc(
    office,
    'One invoice PDF, the client’s first document (its folder made)',
    call('E-bench-1a', true),
  );
  const again = measureRpc(office, 'The same client’s next invoice (folder found)', call('E-bench-1b', true));
  const cli = measureRpc(office, 'One invoice by the event id alone (crm document)', call('E-bench-2a', false));
  return [
    { id: 'document.invoice', ...invoice, minimum: 17 },
    { id: 'document.invoice.again', ...again, minimum: 16 },
    { id: 'document.invoice.first', ...first },
    { id: 'document.invoice.cli', ...cli },
  ];
}
