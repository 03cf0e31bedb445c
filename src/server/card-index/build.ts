// The whole index from its sources: every contact (one People listing, a page of 1000 per request), the labels'
// names (one ContactGroups listing) and the event log (one Events read), assembled by core buildClientIndex.

import { buildClientIndex, contactKeys, IndexContact } from '../../core/card-index';
import type { EventRecord } from '../../core/events';
import { dateText, familyFirstName, managerOf } from '../../core/export/contact-view';
import { listAllContacts, Person } from '../people/gateway';
import { labelsOf } from '../people/labels';
import type { IndexRow } from './index-sheet';

/** Only what the card shows and the keys need. */
export const INDEX_FIELDS = 'names,emailAddresses,phoneNumbers,memberships,userDefined,birthdays';

export function indexContactOf(person: Person, groups: Map<string, string>): IndexContact {
  return {
    resourceName: String(person.resourceName ?? ''),
    // The office's order ("Иванов Иван Иванович"), as lists and the resolver show it; Google's displayName is
    // given-first and is not what a Russian office reads.
    name: familyFirstName(person),
    emails: [],
    phones: (person.phoneNumbers ?? []).map((p) => String(p.value ?? '')).filter((p) => p !== ''),
    labels: labelsOf(person, groups),
    manager: managerOf(person),
    birthday: dateText(person.birthdays?.[0]?.date, 'iso'),
  };
}

/**
 * One row per contact that has an e-mail or a phone. Core buildClientIndex keys entries by e-mail and skips contacts
 * without one; handing it one stand-in address per contact (`<resourceName>@contact`) makes it build an entry for
 * every contact, phone-only ones included, which is then filed under the contact's real keys.
 */
export function buildRows(
  persons: Person[],
  groups: Map<string, string>,
  events: EventRecord[],
  defaultCountry: string,
  builtAt: Date,
): IndexRow[] {
  const keyed: Array<{ person: Person; keys: string[]; contact: IndexContact }> = [];
  for (const person of persons) {
    if (!person.resourceName) continue;
    const keys = contactKeys(person, defaultCountry);
    if (!keys.length) continue;
    keyed.push({ person, keys, contact: indexContactOf(person, groups) });
  }
  const standIn = (resourceName: string) => `${resourceName.toLowerCase()}@contact`;
  const index = buildClientIndex(
    events,
    keyed.map((k) => ({ ...k.contact, emails: [standIn(k.contact.resourceName)] })),
    builtAt,
  );
  return keyed
    .map((k) => ({
      keys: k.keys,
      resourceName: k.contact.resourceName,
      entry: index.entries[standIn(k.contact.resourceName)],
    }))
    .filter((r) => r.entry !== undefined);
}

export function allIndexedContacts(): Person[] {
  return listAllContacts(INDEX_FIELDS);
}
