import { batchPlan, callBudget, minimumCalls, planImport, type ImportCall } from '../../../src/core/import/plan';
import type { NormalizedContact, Person } from '../../../src/core/import/types';
import { FakeAccount, listed, phoneKey, row, runImport } from './plan-support';

function phone(i: number): string {
  const d = String(i).padStart(7, '0');
  return `+7 9${10 + (Math.floor(i / 1e7) % 89)} ${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
}

function contacts(n: number, labels: (i: number) => string[] = () => []): NormalizedContact[] {
  return Array.from({ length: n }, (_, i) => row(i + 2, { given: `К${i}`, phones: [phone(i)], labels: labels(i) }));
}

const kinds = (calls: ImportCall[]) =>
  calls.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.kind]: (acc[c.kind] ?? 0) + 1 }), {});

test('1,000 new contacts into an empty account: one listing and 5 batchCreate calls', () => {
  const plan = planImport(contacts(1000), [], { importId: 'i', phoneKey });
  const calls = batchPlan(plan);
  expect(kinds(calls)).toEqual({ batchCreate: 5 });
  expect(calls.every((c) => c.kind !== 'batchCreate' || c.items.length === 200)).toBe(true);
  expect(minimumCalls(plan, 0)).toBe(1 + calls.length);
});

test('25,000 contacts with labels hit exactly the theoretical minimum', () => {
  const started = Date.now();
  const plan = planImport(
    contacts(25000, (i) => ['Все', ...(i % 10 === 0 ? ['VIP'] : []), ...(i % 7 === 0 ? ['Опт'] : [])]),
    [],
    { importId: 'big', phoneKey, groups: [{ name: 'VIP', resourceName: 'contactGroups/vip' }] },
  );
  expect(Date.now() - started).toBeLessThan(15000);
  const calls = batchPlan(plan);
  const members = calls.filter((c): c is Extract<ImportCall, { kind: 'modifyMembers' }> => c.kind === 'modifyMembers');
  // Все: 25,000 → 25 calls; VIP: 2,500 → 3; Опт: 3,572 → 4. Groups: Все and Опт (VIP exists).
  expect(kinds(calls)).toEqual({ createGroup: 2, batchCreate: 125, modifyMembers: 25 + 3 + 4 });
  expect(members.every((m) => m.count <= 1000 && m.members.length === m.count)).toBe(true);
  expect(members.filter((m) => m.label === 'VIP').every((m) => m.groupResourceName === 'contactGroups/vip')).toBe(true);
  expect(calls.slice(0, 2)).toEqual([
    { kind: 'createGroup', name: 'Все' },
    { kind: 'createGroup', name: 'Опт' },
  ]);
  expect(callBudget(plan, 0)).toEqual({
    listing: 1,
    groupListing: 1,
    createGroups: 2,
    creates: 125,
    updates: 0,
    members: 32,
    total: 161,
  });
  expect(minimumCalls(plan, 0)).toBe(1 + 1 + calls.length);

  // Labels riding on batchCreate leave no modifyMembers for new contacts.
  const onCreate = batchPlan(plan, { labelsOnCreate: true });
  expect(kinds(onCreate)).toEqual({ createGroup: 2, batchCreate: 125 });
  expect(minimumCalls(plan, 0, { labelsOnCreate: true })).toBe(2 + onCreate.length);
});

test('updates share one mask per batch, the union of their changed fields; label-only updates cost no batchUpdate', () => {
  const existing: Person[] = Array.from({ length: 450 }, (_, i) =>
    listed(`people/e${i}`, {
      names: [{ givenName: `К${i}` }],
      phoneNumbers: [{ value: phone(i), canonicalForm: phoneKey(phone(i)) }],
    }),
  );
  const rows = Array.from({ length: 450 }, (_, i) =>
    row(
      i + 2,
      i < 400
        ? {
            given: `К${i}`,
            phones: [phone(i)],
            emails: i === 399 ? [] : [`k${i}@x.ru`],
            person: i === 399 ? { birthdays: [{ date: { month: 1, day: 1 } }] } : {},
          }
        : { given: `К${i}`, phones: [phone(i)], labels: ['Новые'] },
    ),
  );
  const plan = planImport(rows, existing, { importId: 'u', phoneKey });
  const calls = batchPlan(plan);
  expect(kinds(calls)).toEqual({ createGroup: 1, batchUpdate: 2, modifyMembers: 1 });
  const updates = calls.filter((c): c is Extract<ImportCall, { kind: 'batchUpdate' }> => c.kind === 'batchUpdate');
  expect(updates.map((u) => [u.items.length, u.updateMask])).toEqual([
    [200, 'emailAddresses'],
    [200, 'birthdays,emailAddresses'],
  ]);
  expect(minimumCalls(plan, 450)).toBe(1 + 1 + calls.length);

  // The shared mask is harmless: the one contact that changed only its birthday keeps its e-mails (none) and names.
  const account = new FakeAccount(existing);
  runImport(account, plan);
  expect(account.persons[399]).toMatchObject({
    names: [{ givenName: 'К399' }],
    birthdays: [{ date: { month: 1, day: 1 } }],
  });
  expect(account.persons[398].emailAddresses).toEqual([{ value: 'k398@x.ru' }]);
});

test('batch sizes above the documented limits are refused', () => {
  const plan = planImport(contacts(3), [], { importId: 'i', phoneKey });
  expect(() => batchPlan(plan, { create: 201 })).toThrow('limits');
  expect(() => batchPlan(plan, { members: 1001 })).toThrow('limits');
  expect(kinds(batchPlan(plan, { create: 2 }))).toEqual({ batchCreate: 2 });
});
