// Who a mailing goes to, from the Card index's list lines the caller read (one request for the whole base): a label,
// the Client sidebar's filter (the search's own rule, core/clients matchingClients, without its page limit), or
// clients picked by hand. The contacts themselves are read (People getBatchGet, 200 a request) only for what the
// index does not keep: the parts of the name and the company when the template names them, and for SMS the numbers of
// clients the index holds none for (a number that is not E.164 is not a key), so the skip can say which.

import type { ClientSummary } from '../../core/card-index';
import { matchingClients } from '../../core/clients';
import { ContactParts } from '../../core/mailing/fields';
import type { Recipient } from '../../core/mailing/plan';
import type { MailingChannel, MailingRecipients } from '../../shared/mailing-dto';
import { findContext } from '../clients/api';
import type { OfficeContext } from '../events/office';
import { getBatch, Person } from '../people/gateway';

/** The clients the recipients name, in the order a mailing goes out; undefined when they name none at all. */
export function recipientClients(
  summaries: ClientSummary[],
  recipients: MailingRecipients,
  office: OfficeContext,
): ClientSummary[] | undefined {
  const picked = (recipients.clients ?? []).map((c) => String(c).trim()).filter((c) => c !== '');
  if (picked.length) {
    const byId = new Map(summaries.map((s) => [s.resourceName, s] as const));
    return [...new Set(picked)].map((id) => byId.get(id)).filter((s): s is ClientSummary => !!s);
  }
  const label = String(recipients.label ?? '').trim();
  if (label) return matchingClients(summaries, { query: '', label }, findContext(office));
  if (recipients.filter) return matchingClients(summaries, recipients.filter, findContext(office));
  return undefined;
}

function partsOf(p: Person): ContactParts {
  const n = p.names?.[0];
  return {
    givenName: String(n?.givenName ?? '').trim(),
    familyName: String(n?.familyName ?? '').trim(),
    middleName: String(n?.middleName ?? '').trim(),
    company: String(p.organizations?.[0]?.name ?? '').trim(),
  };
}

/** The clients with what the template and the channel need beyond the index. */
export function withContacts(clients: ClientSummary[], needsParts: boolean, channel: MailingChannel): Recipient[] {
  const numbersWanted = channel === 'sms' ? clients.filter((c) => !c.phones.length) : [];
  const wanted = needsParts ? clients : numbersWanted;
  const fields = [needsParts ? 'names,organizations' : '', numbersWanted.length ? 'phoneNumbers' : '']
    .filter(Boolean)
    .join(',');
  const people = wanted.length ? getBatch([...new Set(wanted.map((c) => c.resourceName))], fields) : [];
  const byId = new Map(people.map((p) => [String(p.resourceName), p] as const));
  return clients.map((client) => {
    const p = byId.get(client.resourceName);
    const r: Recipient = { client };
    if (needsParts) r.contact = p ? partsOf(p) : {};
    if (p && !client.phones.length)
      r.otherPhones = (p.phoneNumbers ?? []).map((n) => String(n.value ?? '').trim()).filter((n) => n !== '');
    return r;
  });
}
