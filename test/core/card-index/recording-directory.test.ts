// What an import or undo did, as the card index needs it: each touched contact as the account now holds it, from the
// listing and the run's own writes, without asking People again.

import { RecordingDirectory } from '../../../src/core/card-index';
import type { PeopleDirectory } from '../../../src/core/ports/people';
import type { Person } from '../../../src/core/import/types';

function fakeDirectory(listed: Person[]): PeopleDirectory & { calls: string[] } {
  const calls: string[] = [];
  let n = 100;
  return {
    calls,
    listContacts: () => (calls.push('list'), listed),
    listUserGroups: () => (calls.push('groups'), [{ name: 'VIP', resourceName: 'contactGroups/vip' }]),
    createGroup: () => (calls.push('createGroup'), 'contactGroups/new'),
    deleteGroup: () => void calls.push('deleteGroup'),
    batchCreate: (persons) => (calls.push('create'), persons.map(() => ({ resourceName: `people/c${n++}` }))),
    batchUpdate: () => void calls.push('update'),
    batchDelete: () => void calls.push('delete'),
    modifyMembers: () => void calls.push('members'),
    getContacts: (names) => (calls.push('get'), listed.filter((p) => names.includes(String(p.resourceName)))),
  };
}

const member = (group: string) => ({ contactGroupMembership: { contactGroupResourceName: group } });

test('created, updated and relabelled contacts, as they are now; deleted ones apart', () => {
  const inner = fakeDirectory([
    { resourceName: 'people/c1', names: [{ givenName: 'Анна' }], emailAddresses: [{ value: 'a@x.ru' }] },
    { resourceName: 'people/c2', names: [{ givenName: 'Борис' }], phoneNumbers: [{ value: '+79120000002' }] },
    { resourceName: 'people/c3', names: [{ givenName: 'Вера' }], memberships: [member('contactGroups/vip')] },
  ]);
  const dir = new RecordingDirectory(inner);
  dir.listContacts();
  dir.listUserGroups();
  const group = dir.createGroup('Опт');
  const [created] = dir.batchCreate([{ names: [{ givenName: 'Глеб' }], memberships: [member(group)] }]);
  dir.batchUpdate(
    { 'people/c1': { names: [{ givenName: 'Анна' }], emailAddresses: [{ value: 'anna@x.ru' }], etag: 'e' } },
    'emailAddresses',
  );
  dir.modifyMembers(group, ['people/c2'], []);
  dir.deleteGroup('contactGroups/vip');
  dir.batchDelete(['people/c2']);
  const changes = dir.changes();
  const byName = Object.fromEntries(changes.persons.map((p) => [p.resourceName, p]));
  expect(Object.keys(byName).sort()).toEqual(['people/c1', 'people/c3', String(created.resourceName)].sort());
  expect(byName['people/c1'].emailAddresses).toEqual([{ value: 'anna@x.ru' }]);
  expect(byName['people/c3'].memberships).toEqual([]);
  expect(byName[String(created.resourceName)].memberships).toEqual([member(group)]);
  expect(changes.removed).toEqual(['people/c2']);
  expect([...changes.groups]).toEqual([['contactGroups/new', 'Опт']]);
  // Every call went to the directory underneath, once: recording costs no request.
  expect(inner.calls).toEqual([
    'list',
    'groups',
    'createGroup',
    'create',
    'update',
    'members',
    'deleteGroup',
    'delete',
  ]);
});
