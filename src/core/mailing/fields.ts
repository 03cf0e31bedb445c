// The card fields a mailing's template may name (`{{givenName}}`, `{{nextPlanned}}`, `{{office.name}}`…) and their
// values for one client. Everything but the parts of the name and the company is what the Card index already keeps
// for the client (its list line: core/card-index/summary.ts); those four come from the contact (People), read only
// when a template names one of them. Dates are written as the offices write them: dd.mm.yyyy (hh:mm).

import type { ClientSummary } from '../card-index/summary';
import { dateText } from '../export/contact-view';
import { formatLocal } from '../events/zone';

/** Fields only the contact itself holds (names, organizations): a template naming one costs a People read. */
export const CONTACT_FIELDS = ['givenName', 'familyName', 'middleName', 'company'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Fields the Card index's list line gives, plus the address the message goes to. */
export const INDEX_FIELDS = [
  'name',
  'manager',
  'nextPlanned',
  'lastContact',
  'labels',
  'email',
  'phone',
  'birthday',
] as const;

/** The office's requisites from Settings (officeName, officePhone…): the same names documents use. */
export const OFFICE_FIELDS = ['office.name', 'office.phone', 'office.email', 'office.address'] as const;

export const MAILING_FIELDS: readonly string[] = [...CONTACT_FIELDS, ...INDEX_FIELDS, ...OFFICE_FIELDS];

export type ContactParts = Partial<Record<ContactField, string>>;

/** Whether a template naming `names` needs the contacts read (their names' parts or company). */
export function needsContacts(names: readonly string[]): boolean {
  return names.some((n) => (CONTACT_FIELDS as readonly string[]).includes(n));
}

/** "1985-04-12" → "12.04.1985", "--04-12" → "12.04"; '' for anything else. */
function birthdayText(iso: string): string {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  return dateText({ year: m[1] === '-' ? undefined : Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, 'ru');
}

const instant = (iso: string | null, timeZone: string) => (iso ? formatLocal(new Date(iso), timeZone) : '');

/**
 * Every field's value for one client (blank when the card has none: the message is then not sent). `to` is the
 * address or number this message goes to; `office` the office's fields by name.
 */
export function fieldValues(
  client: ClientSummary,
  contact: ContactParts | undefined,
  to: { email?: string; phone?: string },
  office: Readonly<Record<string, string>>,
  timeZone: string,
): Record<string, string> {
  const values: Record<string, string> = {
    givenName: contact?.givenName ?? '',
    familyName: contact?.familyName ?? '',
    middleName: contact?.middleName ?? '',
    company: contact?.company ?? '',
    name: client.name,
    manager: client.manager,
    nextPlanned: instant(client.nextPlanned, timeZone),
    lastContact: instant(client.lastContact, timeZone),
    labels: client.labels.join(', '),
    email: to.email ?? client.emails[0] ?? '',
    phone: to.phone ?? client.phones[0] ?? '',
    birthday: birthdayText(client.birthday),
  };
  for (const key of OFFICE_FIELDS) values[key] = office[key] ?? '';
  return values;
}
