// The one import executor (src/core/import/execute) against an in-memory People directory and journal: a run
// killed halfway or cut by its budget resumes without creating anything twice, a batchCreate whose answer was lost
// is found on resume, undo puts the account back, and the synchronous and asynchronous drivers make the same calls.

import { runImportSteps, type ImportRun } from '../../../src/core/import/execute/run';
import { undoImportSteps } from '../../../src/core/import/execute/undo';
import type { NormalizedContact, Person } from '../../../src/core/import/types';
import type { ImportJournal, JournalEntry } from '../../../src/core/ports/journal';
import type { PeopleDirectory } from '../../../src/core/ports/people';
import { runSteps, runStepsAsync, type Promised } from '../../../src/core/ports/steps';
import type { ImportStatus } from '../../../src/shared/import-dto';
import { FakeAccount, listed, phoneKey, row } from './plan-support';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The People directory over a FakeAccount; `fault` breaks the nth call of a method, before or after applying it. */
class Directory implements PeopleDirectory {
  readonly log: string[] = [];
  private readonly seen = new Map<string, number>();
  fault?: { method: keyof PeopleDirectory; nth: number; kind: 'killed' | 'answer-lost' };

  constructor(readonly account: FakeAccount) {}

  private call<T>(method: keyof PeopleDirectory, args: unknown[], apply: () => T): T {
    const n = (this.seen.get(method) ?? 0) + 1;
    this.seen.set(method, n);
    this.log.push(`${method} ${JSON.stringify(args)}`);
    const fault = this.fault?.method === method && this.fault.nth === n ? this.fault : undefined;
    if (fault?.kind === 'killed') throw new Error(`${method}: the process was killed`);
    const answer = apply();
    if (fault) throw new Error(`${method}: the answer was lost`);
    return answer;
  }

  listContacts() {
    return this.call('listContacts', [], () => this.account.list());
  }
  listUserGroups() {
    return this.call('listUserGroups', [], () => clone(this.account.groups));
  }
  createGroup(name: string) {
    return this.call('createGroup', [name], () => this.account.createGroup(name));
  }
  deleteGroup(resourceName: string) {
    return this.call('deleteGroup', [resourceName], () => this.account.deleteGroup(resourceName));
  }
  batchCreate(persons: Person[]) {
    return this.call('batchCreate', [persons], () =>
      this.account.batchCreate(persons).map((resourceName) => ({ resourceName })),
    );
  }
  batchUpdate(contacts: Record<string, Person>, updateMask: string) {
    return this.call('batchUpdate', [contacts, updateMask], () => this.account.batchUpdate(contacts, updateMask));
  }
  batchDelete(resourceNames: string[]) {
    return this.call('batchDelete', [resourceNames], () => this.account.batchDelete(resourceNames));
  }
  modifyMembers(group: string, add: string[], remove: string[]) {
    return this.call('modifyMembers', [group, add, remove], () => this.account.modifyMembers(group, add, remove));
  }
  getContacts(resourceNames: string[]) {
    return this.call('getContacts', [resourceNames], () =>
      this.account.list().filter((p) => resourceNames.includes(String(p.resourceName))),
    );
  }
}

class MemoryJournal implements ImportJournal {
  entries: JournalEntry[] = [];
  statuses: ImportStatus[] = [];
  read(importId: string) {
    return clone(this.entries.filter((e) => e.importId === importId));
  }
  append(entries: JournalEntry[]) {
    this.entries.push(...clone(entries));
  }
  progress(_counts: unknown, status: ImportStatus) {
    this.statuses.push(status);
  }
  commit() {}
}

function promised<T extends object>(port: T): Promised<{ port: T }>['port'] {
  return new Proxy(port, {
    get: (target, name) => {
      const value = (target as Record<string | symbol, unknown>)[name];
      return typeof value === 'function' ? async (...args: unknown[]) => value.apply(target, args) : value;
    },
  }) as unknown as Promised<{ port: T }>['port'];
}

function rows(count: number, labels: string[] = ['Клиенты']): NormalizedContact[] {
  return Array.from({ length: count }, (_, i) =>
    row(i + 2, { given: `Клиент ${i}`, phones: [`+7912${String(1000000 + i)}`], labels }),
  );
}

const phonesOf = (account: FakeAccount) =>
  account.persons.flatMap((p) => (p.phoneNumbers ?? []).map((ph) => String(ph.canonicalForm)));

function run(contacts: NormalizedContact[], options: Partial<ImportRun> = {}): ImportRun {
  return { importId: 'imp-1', contacts, phoneKey, clock: { now: () => 0 }, budgetMs: Infinity, ...options };
}

test('a run killed in the middle resumes and creates nothing twice', () => {
  const account = new FakeAccount();
  const people = new Directory(account);
  const journal = new MemoryJournal();
  const contacts = rows(450);
  people.fault = { method: 'batchCreate', nth: 2, kind: 'killed' };
  expect(() => runSteps(runImportSteps(run(contacts)), { people, journal })).toThrow('killed');
  expect(account.persons).toHaveLength(200);
  expect(journal.statuses.at(-1)).toBe('failed');

  people.fault = undefined;
  const resumed = runSteps(runImportSteps(run(contacts)), { people, journal });
  expect(resumed).toMatchObject({ status: 'done', created: 450, skipped: 0 });
  expect(account.persons).toHaveLength(450);
  expect(new Set(phonesOf(account)).size).toBe(450);
  // The label made by the killed run is used again, not made twice, and every contact is in it.
  expect(account.groups).toEqual([{ name: 'Клиенты', resourceName: 'contactGroups/g1' }]);
  expect(
    account.persons.every((p) =>
      p.memberships?.some((m) => m.contactGroupMembership?.contactGroupResourceName === 'contactGroups/g1'),
    ),
  ).toBe(true);
  expect(journal.entries.filter((e) => e.action === 'created')).toHaveLength(450);
});

test('a run out of budget stops starting calls, and the next run goes on from there', () => {
  const account = new FakeAccount();
  const people = new Directory(account);
  const journal = new MemoryJournal();
  const contacts = rows(1000, []);
  let now = 0;
  // Each People call takes a minute; the budget is five.
  const clock = { now: () => now };
  const timed = new Proxy(people, {
    get: (target, name) => {
      const value = (target as unknown as Record<string | symbol, unknown>)[name];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        now += 60_000;
        return value.apply(target, args);
      };
    },
  });
  const first = runSteps(runImportSteps(run(contacts, { clock, budgetMs: 5 * 60_000 })), { people: timed, journal });
  expect(first.status).toBe('running');
  expect(first.batchesDone).toBeLessThan(first.batchesTotal);
  expect(account.persons.length).toBe(first.batchesDone * 200);

  let last = first;
  for (let i = 0; i < 5 && last.status === 'running'; i++) {
    now = 0;
    last = runSteps(runImportSteps(run(contacts, { clock, budgetMs: 5 * 60_000 })), { people: timed, journal });
  }
  expect(last).toMatchObject({ status: 'done', created: 1000 });
  expect(account.persons).toHaveLength(1000);
  expect(new Set(phonesOf(account)).size).toBe(1000);
});

test('a batchCreate whose answer was lost is found on resume, counted, and undone', () => {
  const account = new FakeAccount();
  const people = new Directory(account);
  const journal = new MemoryJournal();
  const contacts = rows(300);
  people.fault = { method: 'batchCreate', nth: 1, kind: 'answer-lost' };
  expect(() => runSteps(runImportSteps(run(contacts)), { people, journal })).toThrow('lost');
  // Google has the 200 contacts; the journal never heard of them.
  expect(account.persons).toHaveLength(200);
  expect(journal.entries.filter((e) => e.action === 'created')).toHaveLength(0);

  people.fault = undefined;
  const resumed = runSteps(runImportSteps(run(contacts)), { people, journal });
  expect(resumed).toMatchObject({ status: 'done', created: 300 });
  expect(account.persons).toHaveLength(300);
  expect(new Set(phonesOf(account)).size).toBe(300);

  const undo = runSteps(undoImportSteps('imp-1', phoneKey), { people, journal });
  expect(undo.deleted).toBe(300);
  expect(account.persons).toHaveLength(0);
  expect(account.groups).toHaveLength(0);
  expect(journal.statuses.at(-1)).toBe('undone');
});

test('undo puts back the fields and labels an import changed, and removes what it created', () => {
  const existing = [
    listed('people/c1', {
      names: [{ givenName: 'Иван' }],
      phoneNumbers: [{ value: '+79123456789', canonicalForm: '+79123456789' }],
    }),
    listed('people/c2', { names: [{ givenName: 'Пётр' }], emailAddresses: [{ value: 'petr@example.com' }] }),
  ];
  const account = new FakeAccount(existing, [{ name: 'VIP', resourceName: 'contactGroups/vip' }]);
  const before = clone(account.persons);
  const people = new Directory(account);
  const journal = new MemoryJournal();
  const contacts = [
    row(2, { phones: ['8 912 345-67-89'], emails: ['ivan@example.com'], labels: ['VIP', 'Новые'] }),
    row(3, { emails: ['PETR@example.com'], person: { organizations: [{ name: 'ООО Ромашка' }] } }),
    row(4, { given: 'Анна', phones: ['+79990001122'], labels: ['Новые'] }),
  ];
  const result = runSteps(runImportSteps(run(contacts)), { people, journal });
  expect(result).toMatchObject({ status: 'done', created: 1, updated: 2 });
  expect(account.persons).toHaveLength(3);
  expect(account.groups.map((g) => g.name)).toEqual(['VIP', 'Новые']);

  const undo = runSteps(undoImportSteps('imp-1', phoneKey), { people, journal });
  expect(undo).toMatchObject({ deleted: 1, restored: 2, warnings: [] });
  const content = (ps: Person[]) =>
    ps.map(({ resourceName, names, phoneNumbers, emailAddresses, organizations, memberships }) => ({
      resourceName,
      names,
      phones: phoneNumbers?.map((p) => p.value),
      emailAddresses,
      organizations,
      groups: (memberships ?? []).map((m) => m.contactGroupMembership?.contactGroupResourceName),
    }));
  expect(content(account.persons)).toEqual(content(before));
  expect(account.groups).toEqual([{ name: 'VIP', resourceName: 'contactGroups/vip' }]);
});

test('the synchronous and the asynchronous driver make the same calls in the same order', async () => {
  const existing = [
    listed('people/c1', {
      names: [{ givenName: 'Иван' }],
      phoneNumbers: [{ value: '+79123456789', canonicalForm: '+79123456789' }],
    }),
  ];
  const contacts = [
    ...rows(250),
    row(400, { phones: ['+79123456789'], emails: ['ivan@example.com'], labels: ['Новые'] }),
  ];
  const sync = new Directory(new FakeAccount(existing));
  const syncJournal = new MemoryJournal();
  const async = new Directory(new FakeAccount(existing));
  const asyncJournal = new MemoryJournal();

  const a = runSteps(runImportSteps(run(contacts)), { people: sync, journal: syncJournal });
  const b = await runStepsAsync(runImportSteps(run(contacts)), {
    people: promised(async),
    journal: promised(asyncJournal),
  });
  expect(b).toEqual(a);
  expect(async.log).toEqual(sync.log);
  expect(sync.log.map((l) => l.split(' ')[0])).toEqual([
    'listContacts',
    'listUserGroups',
    'createGroup',
    'createGroup',
    'batchCreate',
    'batchCreate',
    'batchUpdate',
    'modifyMembers',
  ]);
  expect(asyncJournal.entries).toEqual(syncJournal.entries);

  const undoA = runSteps(undoImportSteps('imp-1', phoneKey), { people: sync, journal: syncJournal });
  const undoB = await runStepsAsync(undoImportSteps('imp-1', phoneKey), {
    people: promised(async),
    journal: promised(asyncJournal),
  });
  expect(undoB).toEqual(undoA);
  expect(async.log).toEqual(sync.log);
  expect(async.account.persons).toEqual(sync.account.persons);
});
