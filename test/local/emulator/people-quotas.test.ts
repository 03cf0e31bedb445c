// People's per-minute and per-day quotas on the virtual clock (packages/workspace-emulator/src/people/quotas.ts): the
// old emulator answered every call, however many a minute.

import { createPeople, PEOPLE_QUOTAS, PeopleQuota, Workspace } from 'workspace-emulator';
import { person, setup } from './people-helpers';

function limited(settings = PEOPLE_QUOTAS, start = '2024-03-01T09:00:00Z') {
  const s = setup(start);
  const quota = new PeopleQuota({ ...settings }, () => s.clock.now());
  return { ...s, quota, People: createPeople(s.store, s.ctx, quota) };
}

type Quota429 = Error & {
  details: { code: number; status: string; details?: Array<{ reason: string; metadata: Record<string, string> }> };
};

function refusal(fn: () => unknown): Quota429 {
  try {
    fn();
  } catch (e) {
    return e as Quota429;
  }
  throw new Error('the call was not refused');
}

test('the 91st critical read of a minute is refused with 429 RESOURCE_EXHAUSTED; the next minute it is answered', () => {
  const { People, clock, store } = limited();
  const [rn] = store.seed([person('Анна', 'Иванова')], clock.now());
  for (let i = 0; i < PEOPLE_QUOTAS.criticalReadsPerMinute; i++) People.People.get(rn, { personFields: 'names' });
  const e = refusal(() => People.People.get(rn, { personFields: 'names' }));
  expect(e.details.code).toBe(429);
  expect(e.details.status).toBe('RESOURCE_EXHAUSTED');
  expect(e.message).toBe(
    "API call to people.people.get failed with error: Quota exceeded for quota metric 'Critical read requests " +
      "(Contact and Profile Reads)' and limit 'Critical read requests (Contact and Profile Reads) per minute per user' " +
      "of service 'people.googleapis.com' for consumer 'project_number:000000000000'.",
  );
  expect(e.details.details?.[0]).toMatchObject({
    reason: 'RATE_LIMIT_EXCEEDED',
    metadata: {
      quota_metric: 'people.googleapis.com/critical_read_requests',
      quota_limit: 'CriticalReadsPerMinutePerProjectPerUser',
    },
  });
  clock.advance(60_000);
  expect(People.People.get(rn, { personFields: 'names' }).resourceName).toBe(rn);
});

test('a batch write counts as one write request; the write past the minute’s limit is refused and applies nothing', () => {
  // A few writes, so that their own latency keeps them inside one minute of virtual time.
  const writes = 5;
  const { People, store } = limited({ ...PEOPLE_QUOTAS, writesPerMinute: writes });
  const batch = { contacts: [{ contactPerson: person('A', 'B') }, { contactPerson: person('C', 'D') }] };
  for (let i = 0; i < writes; i++) People.People.batchCreateContacts(batch);
  expect(store.contactCount).toBe(2 * writes);
  const e = refusal(() => People.People.batchCreateContacts(batch));
  expect(e.details.code).toBe(429);
  expect(e.message).toContain("limit 'Write requests per minute per user'");
  expect(store.contactCount).toBe(2 * writes);
});

test('the day’s contact creations are refused whole past the limit, and allowed again after midnight Pacific time', () => {
  // 2024-03-01T09:00Z is 01:00 in Los Angeles: the quota day ends at 08:00Z the next day.
  const { People, store, clock } = limited({ ...PEOPLE_QUOTAS, contactCreatesPerDay: 3 });
  People.People.batchCreateContacts({
    contacts: [{ contactPerson: person('A', 'B') }, { contactPerson: person('C', 'D') }],
  });
  const e = refusal(() =>
    People.People.batchCreateContacts({
      contacts: [{ contactPerson: person('E', 'F') }, { contactPerson: person('G', 'H') }],
    }),
  );
  expect(e.details.code).toBe(429);
  expect(e.message).toContain("limit 'Daily Contact Writes per day per user'");
  expect(store.contactCount).toBe(2);
  clock.set('2024-03-02T07:59:00Z');
  expect(() => People.People.createContact(person('E', 'F'))).not.toThrow();
  expect(() => People.People.createContact(person('G', 'H'))).toThrow(/Daily Contact Writes/);
  clock.set('2024-03-02T08:00:00Z');
  expect(() => People.People.createContact(person('G', 'H'))).not.toThrow();
});

test('a Workspace enforces PEOPLE_QUOTAS unless told otherwise', () => {
  expect(Workspace.inMemory().peopleQuota.remaining().write).toBe(PEOPLE_QUOTAS.writesPerMinute);
  expect(Workspace.inMemory({ peopleQuotas: { writesPerMinute: 5 } }).peopleQuota.remaining().write).toBe(5);
  expect(Workspace.inMemory({ peopleQuotas: false }).peopleQuota.remaining().write).toBe(Infinity);
});
