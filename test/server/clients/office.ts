// An office with namesakes for the resolver's bundle tests: two "Петрова Мария", one "Козлова Елена Петровна", an
// "Ёлкина", on top of the event-log office; the Card index rebuilt by its trigger, as the nightly refresh leaves it.

import { createPeople } from 'workspace-emulator';
import { call } from '../../support/office';
import { eventsOffice, EventsOffice } from '../events/office';

export const NAMESAKES = {
  maria1: ['Петрова', 'Мария', '', '+7 912 345-67-89', 'maria1@example.ru'],
  maria2: ['Петрова', 'Мария', '', '+7 999 000-11-22', 'maria2@example.ru'],
  elena: ['Козлова', 'Елена', 'Петровна', '+7 916 111-22-33', 'Elena.Kozlova@Example.ru'],
  olga: ['Ёлкина', 'Ольга', '', '+7 903 555-44-33', 'elkina@example.ru'],
} as const;

export type ResolverOffice = EventsOffice & { ids: Record<keyof typeof NAMESAKES, string> };

export function resolverOffice(): ResolverOffice {
  const base = eventsOffice();
  const ws = base.office.workspace;
  const people = createPeople(ws.people, ws.ctx);
  const ids = {} as Record<keyof typeof NAMESAKES, string>;
  for (const [key, [family, given, middle, phone, email]] of Object.entries(NAMESAKES)) {
    const created = people.People!.createContact(
      {
        names: [{ familyName: family, givenName: given, ...(middle ? { middleName: middle } : {}) }],
        phoneNumbers: [{ value: phone }],
        emailAddresses: [{ value: email }],
      },
      { personFields: 'names' },
    );
    ids[key as keyof typeof NAMESAKES] = String(created.resourceName);
  }
  call(base.office.sheet, 'refreshIndexTrigger', {});
  ws.calls.reset();
  return { ...base, ids };
}
