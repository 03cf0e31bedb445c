// A People API person as an event row, the Reminders lists and a client list show it.

import { contactKeys } from '../../core/card-index';
import { dateText, familyFirstName, managerOf } from '../../core/export/contact-view';
import type { Person as CorePerson } from '../../core/import/types';
import type { ClientSummary } from '../../shared/clients-dto';

type Person = GoogleAppsScript.People.Schema.Person;

export function personName(p: Person): string {
  return familyFirstName(p as CorePerson);
}

export function personPhone(p: Person): string {
  return String(p.phoneNumbers?.[0]?.value ?? '').trim();
}

/**
 * The list line of a contact read from People (one the index may not hold yet): its keys as the index files them,
 * no events known. `labels` are names (reading groups costs a request, so the caller says whether it has them).
 */
export function personSummary(p: Person, labels: string[], defaultCountry: string): ClientSummary {
  const keys = contactKeys(p, defaultCountry);
  return {
    resourceName: String(p.resourceName ?? ''),
    name: personName(p),
    phones: keys.filter((k) => k.startsWith('+')),
    emails: keys.filter((k) => k.includes('@')),
    labels,
    manager: managerOf(p as CorePerson),
    lastContact: null,
    nextPlanned: null,
    lastReason: '',
    lastKind: '',
    missed: null,
    birthday: dateText(p.birthdays?.[0]?.date, 'iso'),
  };
}
