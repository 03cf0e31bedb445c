import { failure, person, setup } from './people-helpers';

const API = (m: string) => `API call to people.contactGroups.${m} failed with error: `;
const membership = (g: unknown) => ({ contactGroupMembership: { contactGroupResourceName: String(g) } });

describe('People.ContactGroups: labels', () => {
  it('creates a user group with Google default fields, and refuses a duplicate name with 409', () => {
    const { People, calls } = setup();
    const g = People.ContactGroups.create({ contactGroup: { name: 'VIP' } });
    expect(g).toEqual({
      resourceName: expect.stringMatching(/^contactGroups\/[0-9a-f]+$/),
      etag: expect.any(String),
      metadata: { updateTime: expect.stringMatching(/^2024-03-01T09:00:00/) },
      groupType: 'USER_CONTACT_GROUP',
      name: 'VIP',
      formattedName: 'VIP',
    });
    expect(failure(() => People.ContactGroups.create({ contactGroup: { name: 'VIP' } }))).toEqual({
      message: `${API('create')}Contact group name already exists.`,
      code: 409,
      status: 'ALREADY_EXISTS',
    });
    expect(failure(() => People.ContactGroups.create({ contactGroup: { name: 'vip' } })).code).toBe(409);
    expect(failure(() => People.ContactGroups.create({ contactGroup: { name: '  ' } })).code).toBe(400);
    expect(calls.count('People.ContactGroups.create')).toBe(4);
  });

  it('keeps clientData and lists groups with member counts, paging by pageSize (default 30, max 1000)', () => {
    const { People } = setup();
    const g = People.ContactGroups.create({
      contactGroup: { name: 'VIP', clientData: [{ key: 'crm', value: '1' }] },
      readGroupFields: 'clientData,name',
    });
    expect((g as { clientData?: unknown }).clientData).toEqual([{ key: 'crm', value: '1' }]);
    People.People.createContact(person('A', 'B', { memberships: [membership(g.resourceName)] }));
    const all = People.ContactGroups.list({ groupFields: 'name,groupType,memberCount' });
    const byName = new Map((all.contactGroups ?? []).map((x) => [x.name, x]));
    expect(byName.get('VIP')?.memberCount).toBe(1);
    expect(byName.get('myContacts')).toMatchObject({ groupType: 'SYSTEM_CONTACT_GROUP', memberCount: 1 });
    // Google's JSON leaves out a zero count.
    expect(byName.get('friends')?.memberCount).toBeUndefined();
    expect(all.nextSyncToken).toBeDefined();
    const first = People.ContactGroups.list({ pageSize: 3 });
    expect(first.contactGroups).toHaveLength(3);
    const rest = People.ContactGroups.list({ pageSize: 3, pageToken: first.nextPageToken });
    expect(rest.contactGroups?.[0].resourceName).not.toBe(first.contactGroups?.[0].resourceName);
    expect(failure(() => People.ContactGroups.list({ pageSize: 1001 })).code).toBe(400);
    expect(failure(() => People.ContactGroups.list({ groupFields: 'members' })).message).toBe(
      `${API('list')}Invalid groupFields mask path: "members". Valid paths are documented at https://developers.google.com/people/api/rest/v1/contactGroups/list.`,
    );
  });

  it('get returns members only up to maxMembers; batchGet reports missing groups per name', () => {
    const { People } = setup();
    const g = People.ContactGroups.create({ contactGroup: { name: 'VIP' } });
    for (const n of ['A', 'B', 'C'])
      People.People.createContact(person(n, 'X', { memberships: [membership(g.resourceName)] }));
    expect(People.ContactGroups.get(String(g.resourceName)).memberResourceNames).toBeUndefined();
    expect(People.ContactGroups.get(String(g.resourceName), { maxMembers: 2 }).memberResourceNames).toHaveLength(2);
    const r = People.ContactGroups.batchGet({ resourceNames: [String(g.resourceName), 'contactGroups/nope'] });
    expect(
      r.responses?.map((x) => [x.requestedResourceName, x.status?.code ?? 0, x.contactGroup?.memberCount]),
    ).toEqual([
      [g.resourceName, 0, 3],
      ['contactGroups/nope', 5, undefined],
    ]);
    expect(failure(() => People.ContactGroups.get('contactGroups/nope'))).toEqual({
      message: `${API('get')}Requested entity was not found.`,
      code: 404,
      status: 'NOT_FOUND',
    });
  });

  it('update renames (still unique), checks a sent etag, and leaves system groups alone', () => {
    const { People } = setup();
    const a = People.ContactGroups.create({ contactGroup: { name: 'A' } });
    People.ContactGroups.create({ contactGroup: { name: 'B' } });
    const renamed = People.ContactGroups.update({ contactGroup: { name: 'A2', etag: a.etag } }, String(a.resourceName));
    expect(renamed.name).toBe('A2');
    expect(renamed.etag).not.toBe(a.etag);
    expect(
      failure(() => People.ContactGroups.update({ contactGroup: { name: 'B' } }, String(a.resourceName))).code,
    ).toBe(409);
    expect(
      failure(() => People.ContactGroups.update({ contactGroup: { name: 'X', etag: a.etag } }, String(a.resourceName)))
        .status,
    ).toBe('FAILED_PRECONDITION');
    expect(
      failure(() => People.ContactGroups.update({ contactGroup: { name: 'X' } }, 'contactGroups/myContacts')).code,
    ).toBe(400);
  });

  it('remove takes the label off its contacts, or deletes them with deleteContacts', () => {
    const { People, store, calls } = setup();
    const keep = People.ContactGroups.create({ contactGroup: { name: 'Keep' } });
    const drop = People.ContactGroups.create({ contactGroup: { name: 'Drop' } });
    const a = People.People.createContact(person('A', 'X', { memberships: [membership(keep.resourceName)] }));
    People.People.createContact(person('B', 'X', { memberships: [membership(drop.resourceName)] }));
    People.ContactGroups.remove(String(keep.resourceName));
    expect(
      store
        .contact(String(a.resourceName))
        ?.memberships?.map((m) => m.contactGroupMembership?.contactGroupResourceName),
    ).toEqual(['contactGroups/myContacts']);
    People.ContactGroups.remove(String(drop.resourceName), { deleteContacts: true });
    expect(store.contactCount).toBe(1);
    expect(failure(() => People.ContactGroups.remove('contactGroups/starred')).message).toBe(
      `${API('delete')}System contact groups cannot be modified.`,
    );
    expect(calls.count('People.ContactGroups.remove')).toBe(3);
  });
});

describe('People.ContactGroups.Members.modify', () => {
  it('adds and removes members, reports unknown people and refuses to empty a contact', () => {
    const { People, store } = setup();
    const g = People.ContactGroups.create({ contactGroup: { name: 'VIP' } });
    const [a, b] = store.seed([person('A', '1'), person('B', '2')]);
    const etagBefore = store.contact(a)?.etag;
    const r = People.ContactGroups.Members.modify({ resourceNamesToAdd: [a, b, 'people/c42'] }, String(g.resourceName));
    expect(r).toEqual({ notFoundResourceNames: ['people/c42'] });
    expect(store.contact(a)?.etag).not.toBe(etagBefore);
    expect(People.ContactGroups.get(String(g.resourceName)).memberCount).toBe(2);
    People.ContactGroups.Members.modify({ resourceNamesToRemove: [a] }, 'contactGroups/myContacts');
    expect(People.ContactGroups.Members.modify({ resourceNamesToRemove: [a] }, String(g.resourceName))).toEqual({
      canNotRemoveLastContactGroupResourceNames: [a],
    });
    expect(People.ContactGroups.Members.modify({ resourceNamesToAdd: [a] }, 'contactGroups/starred')).toEqual({});
  });

  it('refuses more than 1000 names per call and additions to deprecated system groups', () => {
    const { People, store } = setup();
    const g = People.ContactGroups.create({ contactGroup: { name: 'VIP' } });
    const names = store.seed(Array.from({ length: 1001 }, (_, i) => person(`G${i}`, 'F')));
    expect(
      failure(() =>
        People.ContactGroups.Members.modify(
          { resourceNamesToAdd: names.slice(0, 600), resourceNamesToRemove: names.slice(600) },
          String(g.resourceName),
        ),
      ),
    ).toEqual({
      message:
        'API call to people.contactGroups.members.modify failed with error: Too many resource names in the request. The maximum is 1000.',
      code: 400,
      status: 'INVALID_ARGUMENT',
    });
    expect(People.ContactGroups.get(String(g.resourceName)).memberCount).toBeUndefined();
    People.ContactGroups.Members.modify({ resourceNamesToAdd: names.slice(0, 1000) }, String(g.resourceName));
    expect(People.ContactGroups.get(String(g.resourceName)).memberCount).toBe(1000);
    expect(
      failure(() => People.ContactGroups.Members.modify({ resourceNamesToAdd: [names[0]] }, 'contactGroups/friends'))
        .message,
    ).toBe(
      'API call to people.contactGroups.members.modify failed with error: Cannot add members to the system contact group contactGroups/friends.',
    );
  });

  it('applies only the first operations under a partial fault', () => {
    const { People, store, faults } = setup();
    const g = People.ContactGroups.create({ contactGroup: { name: 'VIP' } });
    const names = store.seed(Array.from({ length: 10 }, (_, i) => person(`G${i}`, 'F')));
    faults.add({ service: 'People.ContactGroups.Members.modify', kind: 'partial', nth: [1], applyFirst: 4 });
    expect(
      failure(() => People.ContactGroups.Members.modify({ resourceNamesToAdd: names }, String(g.resourceName))).code,
    ).toBe(500);
    expect(People.ContactGroups.get(String(g.resourceName), { maxMembers: 100 }).memberResourceNames).toEqual(
      names.slice(0, 4),
    );
  });
});
