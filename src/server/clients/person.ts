// A People API person's name and first phone as an event row and the Reminders lists show them.

import { familyFirstName } from '../../core/export/contact-view';
import type { Person as CorePerson } from '../../core/import/types';

type Person = GoogleAppsScript.People.Schema.Person;

export function personName(p: Person): string {
  return familyFirstName(p as CorePerson);
}

export function personPhone(p: Person): string {
  return String(p.phoneNumbers?.[0]?.value ?? '').trim();
}
