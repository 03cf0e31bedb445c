// The fields an offer or an invoice may name — the client's card, the order event, the office's requisites from
// Settings, today — and what filling a template with them leaves missing. The placeholder rule itself is
// core/merge/placeholders.ts (the mailing's too), so a document and a mailing agree on what `{{name}}` means.

import type { Locale } from '../i18n/locale';
import { placeholderTexts } from '../merge/placeholders';
import { formatLocalDate } from '../events/zone';
import { orderStateLabel } from '../orders/state';
import type { OrderState } from '../../shared/events-dto';
import { formatAmount } from './money';

export type DocumentTemplateKind = 'offer' | 'invoice';

export const DOCUMENT_TEMPLATES: readonly DocumentTemplateKind[] = ['offer', 'invoice'];

export interface DocumentClient {
  name: string;
  givenName: string;
  familyName: string;
  middleName: string;
  company: string;
  emails: string[];
  phones: string[];
  addresses: string[];
}

export interface DocumentOrder {
  id: string;
  at: Date;
  kind: string;
  reason: string;
  result: string;
  amount?: number;
  currency?: string;
  orderState?: OrderState;
}

/** Settings → officeName … officeEmail. */
export interface DocumentOffice {
  name: string;
  taxId: string;
  address: string;
  bank: string;
  phone: string;
  email: string;
}

/**
 * Fields a document may leave blank: a line a person can do without (a private client has no company, a card no
 * address). Everything else — the client's name, the amount, the office's name, tax id, address and bank — refuses the
 * document when blank: an invoice without the amount or the payee's requisites is not an invoice.
 */
export const OPTIONAL_FIELDS: readonly string[] = [
  'middleName',
  'company',
  'address',
  'email',
  'phone',
  'order.description',
  'order.state',
  'office.phone',
  'office.email',
];

/** A document's placeholder names → the Settings key that fills it (what a refusal tells the office to fill in). */
export const OFFICE_SETTING: Readonly<Record<string, string>> = {
  'office.name': 'officeName',
  'office.taxId': 'officeTaxId',
  'office.address': 'officeAddress',
  'office.bank': 'officeBank',
  'office.phone': 'officePhone',
  'office.email': 'officeEmail',
};

export interface DocumentInput {
  client: DocumentClient;
  order: DocumentOrder;
  office: DocumentOffice;
  /** The currency of an order that names none (Settings → currency). */
  defaultCurrency: string;
  now: Date;
  timeZone: string;
  locale: Locale;
}

/** Every field a document template may name, with its value ('' when the card or the order has none). */
export function documentValues(input: DocumentInput): Record<string, string> {
  const { client, order, office, timeZone, locale } = input;
  return {
    name: client.name,
    givenName: client.givenName,
    familyName: client.familyName,
    middleName: client.middleName,
    company: client.company,
    email: client.emails[0] ?? '',
    phone: client.phones[0] ?? '',
    address: client.addresses[0] ?? '',
    'order.number': order.id,
    'order.date': formatLocalDate(order.at, timeZone),
    'order.amount': order.amount !== undefined ? formatAmount(order.amount, locale) : '',
    'order.currency': order.currency || input.defaultCurrency,
    'order.state': order.orderState ? orderStateLabel(order.orderState, locale) : '',
    // What was ordered: the event's result (its note), else its reason.
    'order.description': order.result.trim() || order.reason,
    'office.name': office.name,
    'office.taxId': office.taxId,
    'office.address': office.address,
    'office.bank': office.bank,
    'office.phone': office.phone,
    'office.email': office.email,
    today: formatLocalDate(input.now, timeZone),
  };
}

export interface DocumentFill {
  /** Each placeholder as the template writes it → its text: one find-and-replace each, all in one request. */
  replacements: Array<{ find: string; replace: string }>;
  /** Fields the template names that have no value and may not be blank: the document is refused, naming them. */
  missing: string[];
  /** Placeholders naming no field (a typo): refused too, so the office fixes its template. */
  unknown: string[];
}

/** What filling `text` (the template's whole text) with `values` replaces, and what stops it. */
export function documentFill(text: string, values: Readonly<Record<string, string>>): DocumentFill {
  const replacements: DocumentFill['replacements'] = [];
  const missing: string[] = [];
  const unknown: string[] = [];
  for (const { text: find, name } of placeholderTexts(text)) {
    if (!Object.prototype.hasOwnProperty.call(values, name)) {
      if (!unknown.includes(name)) unknown.push(name);
      continue;
    }
    const value = values[name].trim();
    if (value === '' && !OPTIONAL_FIELDS.includes(name)) {
      if (!missing.includes(name)) missing.push(name);
      continue;
    }
    replacements.push({ find, replace: value });
  }
  return { replacements, missing, unknown };
}
