// "Add as a new client": creates the Google contact from the unknown sender's card, then shows the client card.

import type { ClientIndexEntry } from '../../core/card-index';
import { isValidEmail } from '../../core/import/normalize/emails';
import { t } from '../../core/i18n/messages';
import { lookupClient, noteContact } from '../card-index/client-index';
import { withRetry } from '../people/gateway';
import { peopleApi } from '../people/people';
import { guarded } from './actions';
import { clientCard } from './client-card';
import { AddonEvent, eventLocale, eventTimeZone, input, param } from './event';
import { ADD_FIELDS } from './unknown-card';
import { doneWith, notify } from './widgets';

type Person = GoogleAppsScript.People.Schema.Person;

const READ_MASK = 'names,emailAddresses,phoneNumbers,memberships';
/** Fewer digits than this is not a phone number anyone can call back. */
const MIN_PHONE_DIGITS = 5;

export interface NewClient {
  givenName: string;
  middleName: string;
  familyName: string;
  email: string;
  phone: string;
  /** A contact group resourceName, or ''. */
  label: string;
}

export function newClientFrom(e: AddonEvent): NewClient {
  const f = ADD_FIELDS;
  return {
    givenName: input(e, f.givenName),
    middleName: input(e, f.middleName),
    familyName: input(e, f.familyName),
    email: input(e, f.email).toLowerCase(),
    phone: input(e, f.phone),
    label: input(e, f.label),
  };
}

export function personOf(c: NewClient): Person {
  const person: Person = {};
  if (c.givenName || c.middleName || c.familyName) {
    person.names = [
      {
        givenName: c.givenName || undefined,
        middleName: c.middleName || undefined,
        familyName: c.familyName || undefined,
      },
    ];
  }
  if (c.email) person.emailAddresses = [{ value: c.email }];
  if (c.phone) person.phoneNumbers = [{ value: c.phone }];
  // contactGroupResourceName is in the REST resource (people_v1) but missing from the Apps Script typings.
  if (c.label)
    person.memberships = [
      { contactGroupMembership: { contactGroupResourceName: c.label } } as GoogleAppsScript.People.Schema.Membership,
    ];
  return person;
}

function displayName(c: NewClient, created: Person): string {
  return (
    created.names?.[0]?.displayName || [c.givenName, c.middleName, c.familyName].filter(Boolean).join(' ') || c.email
  );
}

function labelName(e: AddonEvent, resourceName: string): string {
  try {
    return String((JSON.parse(param(e, 'labels') || '{}') as Record<string, string>)[resourceName] ?? '');
  } catch {
    return '';
  }
}

export function addClient(e: AddonEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return guarded(e, () => {
    const lang = eventLocale(e);
    const c = newClientFrom(e);
    if (!c.givenName && !c.familyName && !c.middleName && !c.email) return notify(t(lang, 'cardNeedName'));
    if (c.email && !isValidEmail(c.email)) return notify(t(lang, 'cardBadEmail', { value: c.email }));
    if (c.phone && c.phone.replace(/\D/g, '').length < MIN_PHONE_DIGITS)
      return notify(t(lang, 'cardBadPhone', { value: c.phone }));
    const context = { lang, timeZone: eventTimeZone(e), now: Date.now() };
    // A second click (or a colleague on the same message) must not create a duplicate.
    const existing = c.email ? lookupClient(c.email) : undefined;
    if (existing)
      return doneWith(t(lang, 'cardAlreadyClient', { email: c.email }), clientCard(c.email, existing, context));

    const created = withRetry(() => peopleApi().People!.createContact(personOf(c), { personFields: READ_MASK }));
    const name = displayName(c, created);
    const labels = c.label ? [labelName(e, c.label)].filter(Boolean) : [];
    noteContact(created, labels);
    const entry: ClientIndexEntry = (c.email ? lookupClient(c.email) : undefined) ?? {
      resourceName: String(created.resourceName ?? ''),
      name,
      labels,
      manager: '',
      phones: c.phone ? [c.phone] : [],
      planned: [],
      recent: [],
      rows: [],
    };
    const message = t(lang, 'cardClientAdded', { name });
    return c.email ? doneWith(message, clientCard(c.email, entry, context)) : notify(message);
  });
}
