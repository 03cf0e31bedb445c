import * as vm from 'node:vm';
import { Membrane, Realm } from 'workspace-emulator';
import { createPeople } from 'workspace-emulator';
import { PeopleStore } from 'workspace-emulator';
import { failure, person, setup } from './people-helpers';

const API = (m: string) => `API call to people.people.${m} failed with error: `;
const PERSON_FIELDS_REQUIRED =
  'personFields mask is required. Please specify one or more valid paths. Valid paths are documented at https://developers.google.com/people/api/rest/v1/people/get.';

describe('People.People: creating contacts', () => {
  it('creates a contact in myContacts with a people/c<digits> name, an etag, computed names and E.164 phones', () => {
    const { People, calls, store } = setup();
    const p = People.People.createContact(
      person('Иван', 'Петров', {
        phoneNumbers: [{ value: '8 (916) 123-45-67', type: 'mobile', canonicalForm: '+1 ignored' }],
        clientData: [{ key: 'crm.id', value: 'c-1' }],
      }),
    );
    expect(p.resourceName).toMatch(/^people\/c\d+$/);
    expect(p.etag).toMatch(/^%/);
    expect(p.names?.[0]).toMatchObject({
      givenName: 'Иван',
      familyName: 'Петров',
      displayName: 'Иван Петров',
      displayNameLastFirst: 'Петров, Иван',
    });
    expect(p.phoneNumbers?.[0]).toMatchObject({ value: '8 (916) 123-45-67', canonicalForm: '+79161234567' });
    const full = store.contact(String(p.resourceName))!;
    expect(full.clientData).toEqual([
      { metadata: { source: { type: 'CONTACT', id: expect.any(String) } }, key: 'crm.id', value: 'c-1' },
    ]);
    expect(full.memberships?.map((m) => m.contactGroupMembership?.contactGroupResourceName)).toEqual([
      'contactGroups/myContacts',
    ]);
    expect(full.metadata?.sources?.[0]).toMatchObject({ type: 'CONTACT', etag: expect.stringMatching(/^#/) });
    // The decimal resource name is the CONTACT source id, as Google's are.
    expect(BigInt(`0x${full.metadata?.sources?.[0].id}`).toString()).toBe(
      String(p.resourceName).slice('people/c'.length),
    );
    expect(calls.byService()).toEqual({ 'People.People.createContact': 1 });
  });

  it('refuses a second name (a singleton for contact sources) and unknown fields, with Google wording', () => {
    const { People, store } = setup();
    expect(failure(() => People.People.createContact({ names: [{ givenName: 'A' }, { givenName: 'B' }] }))).toEqual({
      message: `${API('createContact')}Cannot have more than one person.names per source.`,
      code: 400,
      status: 'INVALID_ARGUMENT',
    });
    expect(failure(() => People.People.createContact({ nmes: [{ givenName: 'A' }] } as object)).message).toBe(
      `${API('createContact')}Invalid JSON payload received. Unknown name "nmes" at 'person': Cannot find field.`,
    );
    expect(failure(() => People.People.createContact(person('A', 'B'), { personField: 'names' })).message).toBe(
      `${API('createContact')}Invalid JSON payload received. Unknown name "personField": Cannot bind query parameter. Field 'personField' could not be found in request message.`,
    );
    expect(store.contactCount).toBe(0);
  });

  it('batch-creates up to 200 and refuses 201 without creating anything', () => {
    const { People, store, calls } = setup();
    const batch = (n: number) => ({
      contacts: Array.from({ length: n }, (_, i) => ({ contactPerson: person(`G${i}`, `F${i}`) })),
      readMask: 'names',
    });
    expect(failure(() => People.People.batchCreateContacts(batch(201)))).toEqual({
      message: `${API('batchCreateContacts')}Too many contacts in the request. The maximum is 200.`,
      code: 400,
      status: 'INVALID_ARGUMENT',
    });
    expect(store.contactCount).toBe(0);
    const ok = People.People.batchCreateContacts(batch(200));
    expect(ok.createdPeople).toHaveLength(200);
    expect(ok.createdPeople?.[0].person).toEqual({
      resourceName: expect.any(String),
      etag: expect.any(String),
      names: [expect.objectContaining({ givenName: 'G0' })],
    });
    expect(calls.all().map((c) => [c.service, Boolean(c.failed)])).toEqual([
      ['People.People.batchCreateContacts', true],
      ['People.People.batchCreateContacts', false],
    ]);
  });

  it('skips the read-back when readMask is empty, as documented', () => {
    const { People, store } = setup();
    expect(People.People.batchCreateContacts({ contacts: [{ contactPerson: person('A', 'B') }] })).toEqual({});
    expect(store.contactCount).toBe(1);
  });

  it('applies only the first N contacts of a batch under a partial fault, then fails with 500', () => {
    const { People, store, faults } = setup();
    faults.add({ service: 'People.People.batchCreateContacts', kind: 'partial', nth: [1], applyFirst: 3 });
    const contacts = Array.from({ length: 10 }, (_, i) => ({
      contactPerson: person(`G${i}`, 'F', { clientData: [{ key: 'crm.id', value: `c${i}` }] }),
    }));
    expect(failure(() => People.People.batchCreateContacts({ contacts, readMask: 'clientData' }))).toMatchObject({
      code: 500,
    });
    expect(store.allContacts().map((p) => p.clientData?.[0].value)).toEqual(['c0', 'c1', 'c2']);

    faults.add({ service: 'People.People.batchDeleteContacts', kind: 'partial', nth: [1] });
    const names = store.allContacts().map((p) => String(p.resourceName));
    expect(failure(() => People.People.batchDeleteContacts({ resourceNames: names })).code).toBe(500);
    // Default: half of the batch (floor).
    expect(store.contactCount).toBe(2);
  });

  it('stops at the 25,000-contact account limit', () => {
    const { People, store } = setup();
    store.seed(Array.from({ length: 24_999 }, (_, i) => person(`G${i}`, 'F')));
    expect(
      failure(() =>
        People.People.batchCreateContacts({
          contacts: [{ contactPerson: person('a', 'b') }, { contactPerson: person('c', 'd') }],
          readMask: 'names',
        }),
      ),
    ).toEqual({
      message: `${API('batchCreateContacts')}Contact limit reached. An account can have at most 25000 contacts.`,
      code: 400,
      status: 'FAILED_PRECONDITION',
    });
    People.People.createContact(person('last', 'one'));
    expect(store.contactCount).toBe(25_000);
    expect(failure(() => People.People.createContact(person('x', 'y'))).status).toBe('FAILED_PRECONDITION');
  });
});

describe('People.People: reading with masks', () => {
  it('requires personFields on get and getBatchGet, with Google wording', () => {
    const { People } = setup();
    const p = People.People.createContact(person('A', 'B'));
    expect(failure(() => People.People.get(String(p.resourceName)))).toEqual({
      message: `${API('get')}${PERSON_FIELDS_REQUIRED}`,
      code: 400,
      status: 'INVALID_ARGUMENT',
    });
    expect(failure(() => People.People.getBatchGet({ resourceNames: [String(p.resourceName)] })).message).toBe(
      `${API('getBatchGet')}${PERSON_FIELDS_REQUIRED}`,
    );
    expect(failure(() => People.People.get(String(p.resourceName), { personFields: 'names,nmes' })).message).toBe(
      `${API('get')}Invalid personFields mask path: "nmes". Valid paths are documented at https://developers.google.com/people/api/rest/v1/people/get.`,
    );
    expect(failure(() => People.People.searchContacts({ query: '' })).message).toBe(
      `${API('searchContacts')}readMask mask is required. Please specify one or more valid paths. Valid paths are documented at https://developers.google.com/people/api/rest/v1/people/get.`,
    );
  });

  it('returns only the masked fields, plus resourceName and etag', () => {
    const { People } = setup();
    const p = People.People.createContact(
      person('A', 'B', {
        emailAddresses: [{ value: 'a@b.c' }],
        phoneNumbers: [{ value: '+79161234567' }],
        biographies: [{ value: 'note' }],
      }),
      { personFields: 'emailAddresses' },
    );
    expect(Object.keys(p).sort()).toEqual(['emailAddresses', 'etag', 'resourceName']);
    const got = People.People.get(String(p.resourceName), { personFields: 'names,biographies,memberships' });
    expect(Object.keys(got).sort()).toEqual(['biographies', 'etag', 'memberships', 'names', 'resourceName']);
    // An asked-for field with no value is left out, as Google's JSON does.
    expect(People.People.get(String(p.resourceName), { personFields: 'urls' })).toEqual({
      resourceName: p.resourceName,
      etag: p.etag,
    });
  });

  it('getBatchGet: 200 at most, per-name status for missing contacts', () => {
    const { People } = setup();
    const p = People.People.createContact(person('A', 'B'));
    const r = People.People.getBatchGet({
      resourceNames: [String(p.resourceName), 'people/c1'],
      personFields: 'names',
    });
    expect(
      r.responses?.map((x) => [x.requestedResourceName, x.httpStatusCode, x.person?.names?.[0].givenName]),
    ).toEqual([
      [p.resourceName, 200, 'A'],
      ['people/c1', 404, undefined],
    ]);
    const many = Array.from({ length: 201 }, (_, i) => `people/c${i}`);
    expect(failure(() => People.People.getBatchGet({ resourceNames: many, personFields: 'names' })).message).toBe(
      `${API('getBatchGet')}Too many resource names in the request. The maximum is 200.`,
    );
  });

  it('a missing contact is a 404 with Google wording', () => {
    const { People } = setup();
    expect(failure(() => People.People.get('people/c123', { personFields: 'names' }))).toEqual({
      message: `${API('get')}Requested entity was not found.`,
      code: 404,
      status: 'NOT_FOUND',
    });
  });
});

describe('People.People: updates and etags', () => {
  it('updates the named fields, clears named-but-absent ones, and moves the etag on every write', () => {
    const { People, store } = setup();
    const p = People.People.createContact(
      person('A', 'B', { emailAddresses: [{ value: 'a@b.c' }], biographies: [{ value: 'x' }] }),
    );
    const u = People.People.updateContact({ etag: p.etag, names: [{ givenName: 'Anna' }] }, String(p.resourceName), {
      updatePersonFields: 'names,biographies',
      personFields: 'names,biographies,emailAddresses',
    });
    expect(u.names?.[0].givenName).toBe('Anna');
    expect(u.biographies).toBeUndefined();
    expect(u.emailAddresses?.[0].value).toBe('a@b.c');
    expect(u.etag).not.toBe(p.etag);
    store.editByUser(String(p.resourceName), { nicknames: [{ value: 'Ann' }] });
    expect(store.contact(String(p.resourceName))?.etag).not.toBe(u.etag);
  });

  it('refuses a stale etag (FAILED_PRECONDITION) and a missing one, with Google wording', () => {
    const { People, store } = setup();
    const p = People.People.createContact(person('A', 'B'));
    store.editByUser(String(p.resourceName), { names: [{ givenName: 'Changed in Contacts' }] });
    expect(
      failure(() =>
        People.People.updateContact({ etag: p.etag, names: [{ givenName: 'Mine' }] }, String(p.resourceName), {
          updatePersonFields: 'names',
        }),
      ),
    ).toEqual({
      message: `${API('updateContact')}Request person.etag is different than the current person.etag. Clear local cache and get the latest person.`,
      code: 400,
      status: 'FAILED_PRECONDITION',
    });
    expect(
      failure(() =>
        People.People.updateContact({ names: [{ givenName: 'Mine' }] }, String(p.resourceName), {
          updatePersonFields: 'names',
        }),
      ),
    ).toEqual({
      message: `${API('updateContact')}Request must set person.etag or person.metadata.sources.etag for the source that is being updated.`,
      code: 400,
      status: 'INVALID_ARGUMENT',
    });
    expect(
      failure(() =>
        People.People.updateContact(
          { etag: store.contact(String(p.resourceName))?.etag, names: [{ givenName: 'M' }] },
          String(p.resourceName),
        ),
      ).message,
    ).toBe(
      `${API('updateContact')}updatePersonFields mask is required. Please specify one or more valid paths. Valid paths are documented at https://developers.google.com/people/api/rest/v1/people/updateContact.`,
    );
    // The CONTACT source etag works too.
    const fresh = People.People.get(String(p.resourceName), { personFields: 'metadata' });
    const ok = People.People.updateContact(
      { metadata: fresh.metadata, names: [{ givenName: 'Mine' }] },
      String(p.resourceName),
      { updatePersonFields: 'names', personFields: 'names' },
    );
    expect(ok.names?.[0].givenName).toBe('Mine');
  });

  it('batchUpdateContacts checks every etag and the 200 limit', () => {
    const { People, store } = setup();
    const [a, b] = store.seed([person('A', '1'), person('B', '2')]);
    const etag = (n: string) => store.contact(n)?.etag;
    const r = People.People.batchUpdateContacts({
      contacts: {
        [a]: { etag: etag(a), clientData: [{ key: 'k', value: 'v' }] },
        [b]: { etag: etag(b), clientData: [{ key: 'k', value: 'w' }] },
      },
      updateMask: 'clientData',
      readMask: 'clientData',
    });
    expect(Object.keys(r.updateResult ?? {}).sort()).toEqual([a, b].sort());
    expect(
      failure(() =>
        People.People.batchUpdateContacts({
          contacts: { [a]: { etag: 'stale', names: [] } },
          updateMask: 'names',
          readMask: 'names',
        }),
      ).status,
    ).toBe('FAILED_PRECONDITION');
    expect(
      failure(() => People.People.batchUpdateContacts({ contacts: { [a]: { etag: etag(a) } }, readMask: 'names' }))
        .message,
    ).toMatch(/updateMask mask is required/);
    const tooMany = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`people/c${i + 1}`, { etag: 'x' }]));
    expect(
      failure(() => People.People.batchUpdateContacts({ contacts: tooMany, updateMask: 'names', readMask: 'names' }))
        .message,
    ).toBe(`${API('batchUpdateContacts')}Too many contacts in the request. The maximum is 200.`);
  });

  it('memberships: a contact keeps at least one group and only addable groups can be added', () => {
    const { People, store } = setup();
    const p = People.People.createContact(person('A', 'B'));
    const name = String(p.resourceName);
    const etag = () => store.contact(name)?.etag;
    expect(
      failure(() =>
        People.People.updateContact({ etag: etag(), memberships: [] }, name, { updatePersonFields: 'memberships' }),
      ).message,
    ).toBe(`${API('updateContact')}A contact must have at least one contact group membership.`);
    expect(
      failure(() =>
        People.People.updateContact(
          {
            etag: etag(),
            memberships: [{ contactGroupMembership: { contactGroupResourceName: 'contactGroups/friends' } }],
          } as object,
          name,
          {
            updatePersonFields: 'memberships',
          },
        ),
      ).message,
    ).toBe(`${API('updateContact')}Cannot add members to the system contact group contactGroups/friends.`);
    const starred = People.People.updateContact(
      {
        etag: etag(),
        memberships: [{ contactGroupMembership: { contactGroupResourceName: 'contactGroups/starred' } }],
      } as object,
      name,
      { updatePersonFields: 'memberships', personFields: 'memberships' },
    );
    expect(
      starred.memberships?.map(
        (m) => (m.contactGroupMembership as { contactGroupResourceName?: string }).contactGroupResourceName,
      ),
    ).toEqual(['contactGroups/starred']);
  });
});

describe('People.People.Connections.list', () => {
  it('pages 2,500 contacts 1000 at a time (default 100), LAST_MODIFIED_ASCENDING', () => {
    const { People, store, calls } = setup();
    const names = store.seed(Array.from({ length: 2500 }, (_, i) => person(`G${i}`, 'F')));
    expect(People.People.Connections.list('people/me', { personFields: 'names' }).connections).toHaveLength(100);
    const seen: string[] = [];
    const sizes: number[] = [];
    let pageToken: string | undefined;
    do {
      const page = People.People.Connections.list('people/me', { personFields: 'names', pageSize: 1000, pageToken });
      sizes.push(page.connections?.length ?? 0);
      seen.push(...(page.connections ?? []).map((p) => String(p.resourceName)));
      expect(page.totalPeople).toBe(2500);
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(seen).toEqual(names);
    expect(calls.count('People.People.Connections.list')).toBe(4);
    expect(
      failure(() => People.People.Connections.list('people/me', { personFields: 'names', pageSize: 1001 })).message,
    ).toBe(
      'API call to people.people.connections.list failed with error: Invalid pageSize. Valid values are between 1 and 1000, inclusive.',
    );
    expect(failure(() => People.People.Connections.list('people/me', { pageSize: 10 })).message).toBe(
      `API call to people.people.connections.list failed with error: ${PERSON_FIELDS_REQUIRED}`,
    );
  });

  it('a page token only works with the parameters of the first call', () => {
    const { People, store } = setup();
    store.seed(Array.from({ length: 3 }, (_, i) => person(`G${i}`, 'F')));
    const first = People.People.Connections.list('people/me', { personFields: 'names', pageSize: 2 });
    expect(
      failure(() =>
        People.People.Connections.list('people/me', {
          personFields: 'names,emailAddresses',
          pageSize: 2,
          pageToken: first.nextPageToken,
        }),
      ).code,
    ).toBe(400);
  });

  it('an empty account answers without a connections list, as Google JSON does', () => {
    const { People } = setup();
    expect(People.People.Connections.list('people/me', { personFields: 'names' })).toEqual({});
  });

  it('sync tokens: changes and deletions since, expiring 7 days after the full sync', () => {
    const { People, store, clock } = setup();
    const [a, b] = store.seed([person('A', '1'), person('B', '2')]);
    const full = People.People.Connections.list('people/me', { personFields: 'names', requestSyncToken: true });
    expect(full.nextSyncToken).toBeDefined();
    store.editByUser(a, { names: [{ givenName: 'A2' }] });
    store.deleteByUser(b);
    const delta = People.People.Connections.list('people/me', {
      personFields: 'names',
      requestSyncToken: true,
      syncToken: full.nextSyncToken,
    });
    expect(delta.connections?.map((p) => [p.resourceName, p.names?.[0].givenName, p.metadata?.deleted])).toEqual([
      [a, 'A2', undefined],
      [b, undefined, true],
    ]);
    clock.advance(7 * 24 * 3600_000 + 1);
    expect(
      failure(() =>
        People.People.Connections.list('people/me', {
          personFields: 'names',
          requestSyncToken: true,
          syncToken: delta.nextSyncToken,
        }),
      ),
    ).toEqual({
      message:
        'API call to people.people.connections.list failed with error: Sync token is expired. Clear local cache and retry call without the sync token.',
      code: 400,
      status: 'INVALID_ARGUMENT',
    });
  });
});

describe('People.People.searchContacts', () => {
  it('finds nothing until a warm-up, then matches prefix phrases as of the last warm-up; pageSize capped at 30', () => {
    const { People, store } = setup();
    store.seed([person('Foo', 'Name', { phoneNumbers: [{ value: '+7 916 123-45-67' }] })]);
    expect(People.People.searchContacts({ query: 'foo', readMask: 'names' })).toEqual({});
    expect(People.People.searchContacts({ query: '', readMask: 'names' })).toEqual({});
    const hit = People.People.searchContacts({ query: 'foo n', readMask: 'names' });
    expect(hit.results?.map((r) => r.person?.names?.[0].givenName)).toEqual(['Foo']);
    expect(People.People.searchContacts({ query: 'nam', readMask: 'names' }).results).toHaveLength(1);
    expect(People.People.searchContacts({ query: 'oo n', readMask: 'names' })).toEqual({});
    expect(People.People.searchContacts({ query: '8916123', readMask: 'names' })).toEqual({});
    expect(People.People.searchContacts({ query: '7916123', readMask: 'names' }).results).toHaveLength(1);

    // Written after the warm-up: invisible until the next one.
    People.People.createContact(person('Fox', 'Later'));
    expect(People.People.searchContacts({ query: 'fo', readMask: 'names' }).results).toHaveLength(1);
    People.People.searchContacts({ query: '', readMask: 'names' });
    expect(People.People.searchContacts({ query: 'fo', readMask: 'names' }).results).toHaveLength(2);

    store.seed(Array.from({ length: 40 }, (_, i) => person(`Zed${i}`, 'Z')));
    People.People.searchContacts({ query: '', readMask: 'names' });
    expect(People.People.searchContacts({ query: 'zed', readMask: 'names', pageSize: 100 }).results).toHaveLength(30);
    expect(People.People.searchContacts({ query: 'zed', readMask: 'names' }).results).toHaveLength(10);
  });
});

describe('PeopleStore persistence', () => {
  it('round-trips contacts, groups, counters, etags and the search cache', () => {
    const { People, store, ctx } = setup();
    const g = People.ContactGroups.create({ contactGroup: { name: 'VIP' } });
    const p = People.People.createContact(
      person('A', 'B', {
        memberships: [{ contactGroupMembership: { contactGroupResourceName: g.resourceName } }],
        clientData: [{ key: 'k', value: 'v' }],
      }),
    );
    People.People.searchContacts({ query: '', readMask: 'names' });
    const again = PeopleStore.fromJSON(JSON.parse(JSON.stringify(store.toJSON())));
    expect(again.allContacts()).toEqual(store.allContacts());
    expect(again.allGroups()).toEqual(store.allGroups());
    expect(again.rev).toBe(store.rev);
    const P2 = createPeople(again, ctx);
    expect(P2.People.searchContacts({ query: 'a', readMask: 'names' }).results).toHaveLength(1);
    // The id counter carries on: no resource name is handed out twice.
    const q = P2.People.createContact(person('C', 'D'));
    expect(q.resourceName).not.toBe(p.resourceName);
    expect(
      P2.People.updateContact({ etag: p.etag, names: [{ givenName: 'Z' }] }, String(p.resourceName), {
        updatePersonFields: 'names',
      }).etag,
    ).toBeDefined();
  });
});

describe('People through the membrane', () => {
  it('a script gets plain data in its own realm and Google-shaped errors', () => {
    const { People } = setup();
    const context = vm.createContext({});
    const realm = vm.runInContext('({ Date, Object, Array, Error })', context) as Realm;
    context.People = new Membrane(realm).inward(People);
    const out = vm.runInContext(
      `var p = People.People.createContact({ names: [{ givenName: 'Ann' }] }, { personFields: 'names' });
       var err;
       try { People.People.get(p.resourceName); } catch (e) { err = e; }
       ({ isArray: Array.isArray(p.names), given: p.names[0].givenName, code: err.details.code, name: err.name,
          hidden: typeof People.People.store })`,
      context,
    ) as Record<string, unknown>;
    expect(out).toEqual({
      isArray: true,
      given: 'Ann',
      code: 400,
      name: 'GoogleJsonResponseException',
      hidden: 'undefined',
    });
  });
});
