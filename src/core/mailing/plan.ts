// Recipients → messages: who gets what, and why the others do not. Pure, so the preview, the start and the CLI's dry
// run say exactly the same. The rules, each once:
// - e-mail: the client's first e-mail; none → 'no-email';
// - SMS: the client's first E.164 number (core/phone.ts decides: the Card index keeps numbers it could read as
//   E.164); a contact whose numbers none is → 'not-e164' (with the number), no number at all → 'no-phone';
// - unsubscribed: the client has the Settings unsubscribeLabel, or its address / number is in the Lists sheet's
//   "Unsubscribed" column → 'unsubscribed';
// - a placeholder with no value → 'missing-field' (never "Dear ,"); a placeholder naming no field → the template is
//   wrong: listed in `unknown` and nothing can start;
// - the same address (or number) twice in one mailing → one message, the later client 'duplicate-address'.

import type { ClientSummary } from '../card-index/summary';
import { fillTemplate, placeholders } from '../merge/placeholders';
import type { MailingChannel, MailingMessage, MailingSkip } from '../../shared/mailing-dto';
import { ContactParts, fieldValues, MAILING_FIELDS } from './fields';

export interface Recipient {
  client: ClientSummary;
  /** The contact's name parts and company, when the template needs them. */
  contact?: ContactParts;
  /** The contact's phone numbers that are not E.164 (SMS: why a client with a number gets none). */
  otherPhones?: string[];
}

export interface MailingPlanInput {
  channel: MailingChannel;
  subject: string;
  body: string;
  recipients: Recipient[];
  /** Settings unsubscribeLabel ('' = none). */
  unsubscribeLabel: string;
  /** Lower-case e-mails and E.164 numbers of the Lists sheet's "Unsubscribed" column. */
  unsubscribed: ReadonlySet<string>;
  office: Readonly<Record<string, string>>;
  timeZone: string;
}

export interface MailingPlan {
  messages: MailingMessage[];
  skipped: MailingSkip[];
  placeholders: string[];
  unknown: string[];
}

/** The names a template (subject and body) uses, and those no card field has. */
export function templateFields(subject: string, body: string): { names: string[]; unknown: string[] } {
  const names = placeholders(`${subject}\n${body}`);
  return { names, unknown: names.filter((n) => !MAILING_FIELDS.includes(n)) };
}

const sameWord = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether the office asked that this client or address never get a mailing. */
export function isUnsubscribed(
  client: Pick<ClientSummary, 'labels'>,
  address: string,
  label: string,
  list: ReadonlySet<string>,
): boolean {
  if (label.trim() !== '' && client.labels.some((l) => sameWord(l, label))) return true;
  return list.has(address.trim().toLowerCase());
}

export function planMailing(input: MailingPlanInput): MailingPlan {
  const { names, unknown } = templateFields(input.subject, input.body);
  const messages: MailingMessage[] = [];
  const skipped: MailingSkip[] = [];
  const seen = new Set<string>();
  for (const r of input.recipients) {
    const c = r.client;
    const who = { client: c.name, clientId: c.resourceName };
    const email = input.channel === 'email';
    const to = email ? (c.emails[0] ?? '') : (c.phones[0] ?? '');
    if (!to) {
      const other = r.otherPhones?.[0];
      if (email) skipped.push({ ...who, reason: 'no-email' });
      else if (other) skipped.push({ ...who, reason: 'not-e164', detail: other });
      else skipped.push({ ...who, reason: 'no-phone' });
      continue;
    }
    if (isUnsubscribed(c, to, input.unsubscribeLabel, input.unsubscribed)) {
      skipped.push({ ...who, reason: 'unsubscribed' });
      continue;
    }
    const key = to.toLowerCase();
    if (seen.has(key)) {
      skipped.push({ ...who, reason: 'duplicate-address', detail: to });
      continue;
    }
    const values = fieldValues(c, r.contact, email ? { email: to } : { phone: to }, input.office, input.timeZone);
    const subject = fillTemplate(input.subject, values);
    const text = fillTemplate(input.body, values);
    const missing = [...new Set([...subject.missing, ...text.missing])];
    if (missing.length) {
      skipped.push({ ...who, reason: 'missing-field', detail: missing.join(', ') });
      continue;
    }
    seen.add(key);
    messages.push({ ...who, to, ...(email ? { subject: subject.text } : {}), text: text.text });
  }
  return { messages, skipped, placeholders: names, unknown };
}

/** An event's result for a sent message: the e-mail's subject, or an SMS's first words. */
export function resultOf(message: Pick<MailingMessage, 'subject' | 'text'>, max = 80): string {
  const text = (message.subject ?? '').trim() || message.text.replace(/\s+/g, ' ').trim();
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
