// Adding a client without making a second one: before a contact is created its e-mail and phone are checked against
// the ACCOUNT, not only the card index — the index first (fresh in the sheet project; the add-on's copy may lag), then
// People searchContacts (after Google's warm-up request, so a contact added minutes ago elsewhere or by an import is
// found), phones compared in E.164 under the office's default country. A match is that client, created:false and
// why. The Gmail card's "add as a new client", logEvent's "new client" and `crm add-client` all come here.

import { MANAGER_KEYS } from '../../core/export/contact-view';
import { parseMailAddress } from '../../core/email-address';
import { isValidEmail } from '../../core/import/normalize/emails';
import { splitFullName } from '../../core/import/normalize';
import { toE164 } from '../../core/phone';
import type { Locale } from '../../core/i18n/locale';
import type { AddClientInput, AddClientResult, ClientSummary } from '../../shared/clients-dto';
import { contactKeys, summaryOfEntry } from '../../core/card-index';
import { accountContactsWithKeys } from '../people/search';
import { isPhoneLike } from '../../core/clients';
import { ClientIndexEntry, lookupIndexed, noteContact } from '../card-index/client-index';
import { personSummary } from './person';
import { OfficeContext } from '../events/office';
import { Person, withRetry } from '../people/gateway';
import { labelGroups, labelNames, labelsOf } from '../people/labels';
import { peopleApi } from '../people/people';
import { clientText, refusedChange } from './messages';
import { fieldsOf, LABELS_FIELD, makeChange, stateOf } from '../../core/backup/journal';
import { appendChanges } from '../backup/journal-sheet';
import { scriptClock } from '../clock';

const WORD_INDEX: Record<Locale, number> = { en: 0, ru: 1, ka: 2 };
const READ_MASK = 'names,emailAddresses,phoneNumbers,memberships,userDefined,birthdays,organizations';
const SEARCH_MASK = 'names,emailAddresses,phoneNumbers,memberships,userDefined,birthdays,organizations';

/** A new client as the forms give it: the name in parts, at most one e-mail and one phone. */
export interface NewClientData {
  givenName: string;
  middleName: string;
  familyName: string;
  email: string;
  phone: string;
  /** Label names; one the office does not have yet is created. */
  labels: string[];
  /** Label group resourceNames (the Gmail form's dropdown gives those). */
  labelGroups?: string[];
  manager: string;
}

export interface AddedClient extends AddClientResult {
  /** The contact created or found, as People returned it (for the caller that shows it). */
  person?: Person;
  /** The matched value (the e-mail or the phone as written), when created is false. */
  matchedValue?: string;
}

/** "Name <e-mail>", a bare e-mail, a name or a phone, and a phone: the new client's parts. */
export function newClientOf(input: AddClientInput): NewClientData {
  const from = String(input?.from ?? '').trim();
  const mail = parseMailAddress(from);
  // A phone given as who it is ("--client +7 912 … --new-client"): the number, and no name.
  const phoneOnly = !mail && !input?.phone && isPhoneLike(from, 5);
  const name = mail ? mail.name : phoneOnly ? '' : from;
  // The order from the name itself (surname endings, patronymics), as import reads it; never the UI language.
  const parts = splitFullName(name);
  return {
    givenName: parts.givenName ?? '',
    middleName: parts.middleName ?? '',
    familyName: parts.familyName ?? '',
    email: mail?.email ?? '',
    phone: phoneOnly ? from : String(input?.phone ?? '').trim(),
    labels: (input?.labels ?? []).map((l) => String(l).trim()).filter(Boolean),
    manager: String(input?.manager ?? '').trim(),
  };
}

export function addClient(input: AddClientInput): AddClientResult {
  const office = new OfficeContext();
  const { person: _person, matchedValue: _value, ...result } = addClientContact(newClientOf(input), office);
  return result;
}

type Match = { matchedBy: 'email' | 'phone'; value: string } & (
  { entry: ClientIndexEntry; person?: undefined } | { person: Person; entry?: undefined }
);

/** The existing client with this e-mail or phone: the card index first, then the account itself. */
export function existingClient(email: string, phone: string, country: string): Match | undefined {
  const e164 = phone ? toE164(phone, country) : undefined;
  const byEmail = email ? lookupIndexed(email, country) : undefined;
  if (byEmail?.entry.resourceName) return { matchedBy: 'email', value: email, entry: byEmail.entry };
  const byPhone = e164 ? lookupIndexed(e164, country) : undefined;
  if (byPhone?.entry.resourceName) return { matchedBy: 'phone', value: phone, entry: byPhone.entry };
  const keys = [email, e164 ?? ''];
  const queries = [...keys, phone && e164 && phone !== e164 ? phone : ''];
  const found = accountContactsWithKeys(keys, country, SEARCH_MASK, queries);
  const carries = (p: Person, key: string) => !!key && contactKeys(p, country).includes(key);
  const hitByEmail = found.find((p) => carries(p, email));
  if (hitByEmail) return { matchedBy: 'email', value: email, person: hitByEmail };
  const hitByPhone = found.find((p) => carries(p, e164 ?? ''));
  if (hitByPhone) return { matchedBy: 'phone', value: phone, person: hitByPhone };
  return undefined;
}

/** The list line of an index entry found by `email` (the add-on's cached entry has no keys: they are rebuilt). */
function entrySummary(entry: ClientIndexEntry, email: string, country: string): ClientSummary {
  const phones = entry.phones.map((p) => toE164(p, country)).filter((p): p is string => !!p);
  return summaryOfEntry(entry.resourceName, [...(email ? [email] : []), ...phones], entry);
}

function personOf(c: NewClientData, e164: string | undefined, groupNames: string[], locale: Locale): Person {
  const person: Person = {};
  const name = { givenName: c.givenName, middleName: c.middleName, familyName: c.familyName };
  for (const k of Object.keys(name) as Array<keyof typeof name>) if (!name[k]) delete name[k];
  if (Object.keys(name).length) person.names = [name];
  if (c.email) person.emailAddresses = [{ value: c.email }];
  if (c.phone) person.phoneNumbers = [{ value: c.phone, ...(e164 ? { canonicalForm: e164 } : {}) }];
  if (c.manager) person.userDefined = [{ key: MANAGER_KEYS[WORD_INDEX[locale]], value: c.manager }];
  // contactGroupResourceName is in the REST resource (people_v1) but missing from the Apps Script typings.
  if (groupNames.length)
    person.memberships = groupNames.map(
      (g) => ({ contactGroupMembership: { contactGroupResourceName: g } }) as GoogleAppsScript.People.Schema.Membership,
    );
  return person;
}

/** The new contact in the change journal (source 'add'): a revert deletes it while nobody has changed it since. */
function journalCreated(created: Person, labels: string[], office: OfficeContext): void {
  const person = created as never;
  const fields = [...fieldsOf(person), ...(labels.length ? [LABELS_FIELD] : [])];
  const change = makeChange(
    { source: 'add', actor: office.actorEmail, clock: scriptClock },
    'created',
    String(created.resourceName ?? ''),
    undefined,
    stateOf(person, fields, labels),
    { fields },
  );
  if (change) appendChanges([change]);
}

/** The checks, the search for an existing client, and the create: what every "add a client" does. */
export function addClientContact(c: NewClientData, office: OfficeContext): AddedClient {
  const locale = office.locale;
  const country = office.settings.get('defaultCountry');
  const email = c.email.trim().toLowerCase();
  if (!c.givenName && !c.middleName && !c.familyName && !email && !c.phone)
    throw refusedChange(clientText(locale, 'needName'));
  if (email && !isValidEmail(email)) throw refusedChange(clientText(locale, 'badEmail', { value: email }));
  const e164 = c.phone ? toE164(c.phone, country) : undefined;
  if (c.phone && !e164) throw refusedChange(clientText(locale, 'badPhone', { value: c.phone, country }));

  const match = existingClient(email, c.phone, country);
  if (match) {
    if (match.entry)
      return {
        created: false,
        matchedBy: match.matchedBy,
        matchedValue: match.value,
        client: entrySummary(match.entry, match.matchedBy === 'email' ? email : '', country),
      };
    // Found in the account but not in the index (it lags): put it there, so the card and the next lookup see it.
    const labels = labelsOf(match.person, labelNames());
    noteContact(match.person, labels);
    return {
      created: false,
      matchedBy: match.matchedBy,
      matchedValue: match.value,
      person: match.person,
      client: personSummary(match.person, labels, country),
    };
  }

  const groups = c.labels.length ? labelNames() : new Map<string, string>();
  const groupNames = [...new Set([...(c.labelGroups ?? []), ...labelGroups(c.labels, groups)])];
  const created = withRetry(() =>
    peopleApi().People!.createContact(personOf({ ...c, email }, e164, groupNames, locale), { personFields: READ_MASK }),
  );
  const labels = [...new Set([...c.labels, ...groupNames.map((g) => groups.get(g) ?? '').filter(Boolean)])];
  journalCreated(created, labels, office);
  noteContact(created, labels);
  return { created: true, person: created, client: personSummary(created, labels, country) };
}
