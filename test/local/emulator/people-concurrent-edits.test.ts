// Another client editing a contact between a script's read and its write (the `concurrent-edit` fault and
// PeopleStore.editFromPhone): on the old emulator an etag read moments ago was never stale.

import { PHONE_NOTE } from 'workspace-emulator';
import { person, setup } from './people-helpers';

const STALE =
  'Request person.etag is different than the current person.etag. Clear local cache and get the latest person.';

function failureOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    const err = e as Error & { details: { code: number; status: string } };
    return { message: err.message, code: err.details.code, status: err.details.status };
  }
  return undefined;
}

test('updateContact with an etag read just before a phone edit is refused 400 FAILED_PRECONDITION', () => {
  const { People, faults, store } = setup();
  const [rn] = store.seed([person('Анна', 'Иванова', { phoneNumbers: [{ value: '+79161234567' }] })]);
  const read = People.People.get(rn, { personFields: 'names,phoneNumbers,biographies' });
  faults.add({ service: 'People.People.updateContact', kind: 'concurrent-edit', nth: [1] });
  const refused = failureOf(() =>
    People.People.updateContact({ etag: read.etag, emailAddresses: [{ value: 'a@x.ru' }] }, rn, {
      updatePersonFields: 'emailAddresses',
    }),
  );
  expect(refused).toEqual({
    code: 400,
    status: 'FAILED_PRECONDITION',
    message: `API call to people.people.updateContact failed with error: ${STALE}`,
  });
  // What the phone did is there, and nothing of the refused write.
  const now = store.contact(rn)!;
  expect(now.phoneNumbers?.[0]?.type).toBe('mobile');
  expect(now.biographies?.[0]?.value).toBe(PHONE_NOTE);
  expect(now.emailAddresses).toBeUndefined();
  // Read again, the same write goes through.
  const fresh = People.People.get(rn, { personFields: 'names' });
  People.People.updateContact({ etag: fresh.etag, emailAddresses: [{ value: 'a@x.ru' }] }, rn, {
    updatePersonFields: 'emailAddresses',
  });
  expect(store.contact(rn)!.emailAddresses?.[0]?.value).toBe('a@x.ru');
});

test('one stale etag refuses the whole batchUpdateContacts: no contact of the batch is written', () => {
  const { People, faults, store } = setup();
  const names = store.seed([person('A', 'One'), person('B', 'Two'), person('C', 'Three')]);
  const listed = People.People.getBatchGet({ resourceNames: names, personFields: 'names' }).responses!;
  const contacts: Record<string, object> = {};
  for (const r of listed)
    contacts[String(r.person!.resourceName)] = { etag: r.person!.etag, nicknames: [{ value: 'x' }] };
  faults.add({ service: 'People.People.batchUpdateContacts', kind: 'concurrent-edit', nth: [1] });
  const rev = store.rev;
  const refused = failureOf(() => People.People.batchUpdateContacts({ contacts, updateMask: 'nicknames' }));
  expect(refused?.status).toBe('FAILED_PRECONDITION');
  expect(refused?.message).toContain(STALE);
  // Only the phone's edit of the first contact moved the store.
  expect(store.rev).toBe(rev + 1);
  expect(store.allContacts().filter((p) => p.nicknames)).toHaveLength(0);
});

test('a seeded concurrent-edit rate makes the same writes stale for the same seed', () => {
  const staleAt = (seed: number) => {
    const { People, faults, store } = setup();
    faults.reseed(seed);
    faults.add({ service: 'People.People.updateContact', kind: 'concurrent-edit', probability: 0.3 });
    const [rn] = store.seed([person('A', 'One')]);
    const out: number[] = [];
    for (let i = 0; i < 20; i++) {
      const p = People.People.get(rn, { personFields: 'names' });
      if (
        failureOf(() =>
          People.People.updateContact({ etag: p.etag, nicknames: [{ value: `n${i}` }] }, rn, {
            updatePersonFields: 'nicknames',
          }),
        )
      )
        out.push(i);
    }
    return out;
  };
  expect(staleAt(7)).toEqual(staleAt(7));
  expect(staleAt(7).length).toBeGreaterThan(0);
});
