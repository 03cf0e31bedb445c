// The change journal's core: every write through the journalling directory becomes one change with the values before
// it, unchanged values are not journalled, and a revert puts back exactly what one change did — or refuses when the
// contact was changed again since.

import { canonicalField, diffStates, JournallingDirectory, newChangeId } from '../../../src/core/backup/journal';
import { changeOfRow, changeRow, stateCell } from '../../../src/core/backup/journal-row';
import { planRevert } from '../../../src/core/backup/revert';
import { changeSummary } from '../../../src/core/backup/summary';
import type { ContactChange } from '../../../src/core/backup/types';
import type { Person } from '../../../src/core/import/types';
import type { PeopleDirectory } from '../../../src/core/ports/people';

const member = (group: string) => ({ contactGroupMembership: { contactGroupResourceName: group } });

function fakeDirectory(listed: Person[]): PeopleDirectory {
  let n = 100;
  return {
    listContacts: () => listed,
    listUserGroups: () => [{ name: 'VIP', resourceName: 'contactGroups/vip' }],
    createGroup: () => 'contactGroups/new',
    deleteGroup: () => undefined,
    batchCreate: (persons) => persons.map(() => ({ resourceName: `people/c${n++}`, etag: 'x' })),
    batchUpdate: () => undefined,
    batchDelete: () => undefined,
    modifyMembers: () => undefined,
    getContacts: (names) => listed.filter((p) => names.includes(String(p.resourceName))),
  };
}

const clock = { now: () => Date.UTC(2026, 11, 1, 20, 0, 0) };

function journalled(listed: Person[]) {
  const log: ContactChange[] = [];
  const dir = new JournallingDirectory(
    fakeDirectory(listed),
    { append: (c) => void log.push(...c) },
    {
      source: 'import',
      actor: 'anna@example.com',
      clock,
    },
  );
  dir.listContacts();
  dir.listUserGroups();
  return { dir, log };
}

test('change ids sort by time and never repeat', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => newChangeId(1_700_000_000_000 + Math.floor(i / 10)));
  expect(new Set(ids).size).toBe(1000);
  expect([...ids].sort()).toEqual(ids);
  expect(ids[0]).toMatch(/^ch-[0-9a-z]{18}$/);
});

test('Google’s additions (metadata, canonical forms, display names) are not a change; a spelling is', () => {
  const ours = [{ value: '+7 912 000-00-01', type: 'mobile' }];
  const google = [
    {
      value: '+7 912 000-00-01',
      type: 'mobile',
      formattedType: 'Mobile',
      canonicalForm: '+79120000001',
      metadata: { primary: true },
    },
  ];
  expect(canonicalField('phoneNumbers', ours)).toBe(canonicalField('phoneNumbers', google));
  expect(canonicalField('names', [{ givenName: 'Анна', displayName: 'Анна' }])).toBe(
    canonicalField('names', [{ givenName: 'Анна' }]),
  );
  expect(
    diffStates({ person: { names: [{ givenName: 'анна' }] } }, { person: { names: [{ givenName: 'Анна' }] } }),
  ).toEqual(['names']);
  expect(diffStates({ person: {}, labels: ['VIP'] }, { person: {}, labels: [] })).toEqual(['memberships']);
});

test('creates, updates (values before, only what changed), label changes and deletes are journalled', () => {
  const { dir, log } = journalled([
    {
      resourceName: 'people/c1',
      etag: 'e1',
      names: [{ givenName: 'Анна' }],
      phoneNumbers: [{ value: '+79120000001' }],
    },
    {
      resourceName: 'people/c2',
      etag: 'e2',
      names: [{ givenName: 'Борис' }],
      memberships: [member('contactGroups/vip')],
    },
  ]);
  const [created] = dir.batchCreate([{ names: [{ givenName: 'Глеб' }], memberships: [member('contactGroups/vip')] }]);
  dir.batchUpdate(
    {
      'people/c1': { phoneNumbers: [{ value: '+79120000009' }], names: [{ givenName: 'Анна' }], etag: 'e1' },
      // The same values again: not a change.
      'people/c2': { names: [{ givenName: 'Борис' }], etag: 'e2' },
    },
    'names,phoneNumbers',
  );
  dir.modifyMembers('contactGroups/vip', ['people/c1'], []);
  dir.batchDelete(['people/c2']);
  expect(log.map((c) => [c.action, c.resourceName, c.fields])).toEqual([
    ['created', created.resourceName, ['names', 'memberships']],
    ['updated', 'people/c1', ['phoneNumbers']],
    ['labels', 'people/c1', ['memberships']],
    ['deleted', 'people/c2', ['names', 'memberships']],
  ]);
  expect(log[0].after).toEqual({ person: { names: [{ givenName: 'Глеб' }] }, labels: ['VIP'] });
  expect(log[1]).toMatchObject({
    source: 'import',
    actor: 'anna@example.com',
    client: 'Анна',
    before: { person: { phoneNumbers: [{ value: '+79120000001' }] } },
    after: { person: { phoneNumbers: [{ value: '+79120000009' }] } },
  });
  expect(log[2]).toMatchObject({ before: { labels: [] }, after: { labels: ['VIP'] }, client: 'Анна' });
  expect(log[3].before).toEqual({ person: { names: [{ givenName: 'Борис' }] }, labels: ['VIP'] });
  expect(changeSummary(log[1], 'ru')).toBe('Телефон: +79120000001 → +79120000009');
  expect(changeSummary(log[2], 'en')).toBe('Labels: — → VIP');
});

describe('planRevert', () => {
  const change: ContactChange = {
    id: 'ch-1',
    at: '',
    actor: '',
    source: 'edit',
    action: 'updated',
    resourceName: 'people/c1',
    client: 'Анна',
    fields: ['phoneNumbers', 'memberships'],
    before: { person: { phoneNumbers: [{ value: '+79120000001' }] }, labels: ['Old'] },
    after: { person: { phoneNumbers: [{ value: '+79120000009' }] }, labels: ['VIP'] },
  };
  const current: Person = {
    resourceName: 'people/c1',
    etag: 'now',
    phoneNumbers: [{ value: '+79120000009', canonicalForm: '+79120000009', metadata: {} }],
  };

  test('the values before, over the current etag, and the labels back', () => {
    expect(planRevert(change, current, ['VIP', 'Other'])).toEqual({
      kind: 'update',
      person: { resourceName: 'people/c1', etag: 'now', phoneNumbers: [{ value: '+79120000001' }] },
      updatePersonFields: 'phoneNumbers',
      add: ['Old'],
      remove: ['VIP'],
    });
  });

  test('refused when the field was changed again since, when already undone, when the contact is gone', () => {
    expect(planRevert(change, { ...current, phoneNumbers: [{ value: '+79990000000' }] }, ['VIP'])).toEqual({
      kind: 'refused',
      reason: 'changed-since',
    });
    expect(planRevert(change, current, [])).toEqual({ kind: 'refused', reason: 'changed-since' });
    expect(planRevert(change, current, ['VIP'], true)).toEqual({ kind: 'refused', reason: 'already-reverted' });
    expect(planRevert(change, undefined, undefined)).toEqual({ kind: 'refused', reason: 'gone' });
  });

  test('a created contact is deleted, a deleted one recreated with its labels', () => {
    const created: ContactChange = { ...change, action: 'created', fields: ['phoneNumbers'], before: undefined };
    expect(planRevert(created, current, [])).toEqual({ kind: 'delete' });
    const deleted: ContactChange = { ...change, action: 'deleted', after: undefined };
    expect(planRevert(deleted, undefined, undefined)).toEqual({
      kind: 'recreate',
      person: { phoneNumbers: [{ value: '+79120000001' }] },
      labels: ['Old'],
    });
  });
});

test('a row keeps client text as it is and a state over 50,000 characters drops its biggest field', () => {
  const change: ContactChange = {
    id: 'ch-2',
    at: '2026-12-01T20:00:00.000Z',
    actor: 'a@x.ru',
    source: 'edit',
    action: 'updated',
    resourceName: 'people/c1',
    client: '=HYPERLINK("http://evil","x")',
    fields: ['names', 'biographies'],
    before: { person: { names: [{ givenName: 'A' }], biographies: [{ value: 'x'.repeat(60_000) }] } },
    after: { person: { names: [{ givenName: 'B' }] } },
  };
  const row = changeRow(change);
  expect(row.before.length).toBeLessThanOrEqual(50_000);
  expect(JSON.parse(row.before)).toEqual({ person: { names: [{ givenName: 'A' }] }, omitted: ['biographies'] });
  const back = changeOfRow(row)!;
  expect(back.client).toBe(change.client);
  expect(back.fields).toEqual(['names']);
  expect(back.before).toEqual({ person: { names: [{ givenName: 'A' }] } });
  expect(stateCell(undefined)).toBe('');
});
