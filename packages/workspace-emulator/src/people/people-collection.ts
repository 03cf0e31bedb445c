// People.People and People.People.Connections: the account's contacts. Each method is one counted round trip
// (`People.People.<method>`); batch methods honour a `partial` fault by applying only the head of the batch.
// Reference: https://developers.google.com/people/api/rest/v1/people

import type { people_v1 } from '@googleapis/people';
import { ServiceContext, apiMethodName } from '../context';
import { GoogleJsonResponseException, HTTP } from '../errors';
import { ActiveFault } from '../faults';
import { Emulated } from '../script/emulated';
import { bodyArgs, boolArg, enumArg, listArg, pageSizeArg, queryArgs, stringArg } from './args';
import { CleanPerson, Mask, Person, READ_FIELDS, UPDATE_FIELDS, cleanPerson, parseMask, project } from './fields';
import { applied, checkEtag, checkRoom, isPersonName, newContactGroups, updated } from './rules';
import { PeopleQuota } from './quotas';
import { matchesQuery } from './search';
import { ContactRecord, PeopleStore } from './store';
import { PageState, SYNC_TOKEN_TTL_MS, pageToken, syncToken } from './tokens';
import { SAY, UPDATE_FIELDS_URL } from './wording';

// Parameters accept Google's Apps Script typings and, where those lag the API (clientData, contactGroupResourceName),
// googleapis' people_v1 shapes of the same request.
type S = GoogleAppsScript.People.Schema.Person;
const gas = <T>(v: unknown): T => v as T;

/** Documented per-request limits (people.* reference pages, platform.md §2). */
export const PEOPLE_LIMITS = {
  batchCreate: 200,
  batchUpdate: 200,
  batchDelete: 500,
  batchGet: 200,
  page: 1000,
  pageDefault: 100,
  search: 30,
  searchDefault: 10,
};

const READ_SOURCES = [
  'READ_SOURCE_TYPE_UNSPECIFIED',
  'READ_SOURCE_TYPE_PROFILE',
  'READ_SOURCE_TYPE_CONTACT',
  'READ_SOURCE_TYPE_DOMAIN_CONTACT',
  'READ_SOURCE_TYPE_OTHER_CONTACT',
] as const;
const SORT_ORDERS = [
  'LAST_MODIFIED_ASCENDING',
  'LAST_MODIFIED_DESCENDING',
  'FIRST_NAME_ASCENDING',
  'LAST_NAME_ASCENDING',
] as const;

function checkSources(api: string, value: unknown): void {
  for (const s of listArg(value))
    enumArg(api, 'sources', s, READ_SOURCES, 'type.googleapis.com/google.people.v1.ReadSourceType');
}

/** What a request names a person by, checked. */
function personName(api: string, value: unknown): string {
  if (typeof value !== 'string' || !isPersonName(value)) throw HTTP.badRequest(api, SAY.badPersonName(String(value)));
  return value;
}

/** What the collections share; kept out of the objects a script can reach (they hold it in a private field). */
class PeopleCore {
  constructor(
    readonly store: PeopleStore,
    readonly ctx: ServiceContext,
    readonly quota: PeopleQuota,
  ) {}

  /**
   * One request; `sent` is its body and query (for CallRecord.bytes; the response is measured as returned). `contacts`
   * counts the people the call returned or wrote, which its price grows with (latency.ts).
   */
  call<T>(
    method: string,
    fn: (api: string, fault: ActiveFault | undefined) => T,
    sent: unknown,
    contacts?: (result: T) => number,
  ): T {
    const service = `People.People.${method}`;
    const api = apiMethodName(service);
    // A batch with a readMask reads what it wrote ("post-mutate-get"): counted as a read too (quotas.ts).
    const postMutateRead =
      /^batch(Create|Update)Contacts$/.test(method) && !!(sent as { readMask?: unknown })?.readMask;
    return this.ctx.call(
      service,
      (fault) => {
        this.quota.admit(service, api, postMutateRead);
        return fn(api, fault);
      },
      {
        sent,
        units: contacts && ((result) => ({ items: contacts(result) })),
      },
    );
  }

  now(): number {
    return this.ctx.clock.now();
  }

  /** The `concurrent-edit` fault: the phone edits the contact just before this write (nothing if it is unknown). */
  editedMeanwhile(name: string): void {
    if (this.store.record(name)) this.store.editFromPhone(name, this.now());
  }

  existing(api: string, name: string): ContactRecord {
    const c = this.store.record(name);
    if (!c) throw HTTP.notFound(api, SAY.notFound);
    return c;
  }

  show(c: ContactRecord, mask: Mask | undefined): Person {
    return project(this.store.view(c), mask);
  }

  /** `people/me`: the account's own profile (PROFILE source), which a contacts tool has no business writing to. */
  me(mask: Mask | undefined): Person {
    const email = this.ctx.session.email;
    const id = BigInt(`0x${Buffer.from(email).toString('hex').slice(0, 15) || '1'}`).toString();
    const full: Record<string, unknown> = {
      resourceName: `people/${id}`,
      etag: `%${Buffer.from(`me/${email}`).toString('base64url')}`,
      metadata: { sources: [{ type: 'PROFILE', id }], objectType: 'PERSON' },
      names: [{ displayName: email.split('@')[0], metadata: { primary: true, source: { type: 'PROFILE', id } } }],
      emailAddresses: [{ value: email, metadata: { primary: true, source: { type: 'ACCOUNT', id } } }],
    };
    for (const k of Object.keys(full)) if (k !== 'resourceName' && k !== 'etag' && mask && !mask.has(k)) delete full[k];
    return full as Person;
  }
}

type ConnectionsApi = Emulated<GoogleAppsScript.People.Collection.People.ConnectionsCollection, 'list'>;
type ListResponse = GoogleAppsScript.People.Schema.ListConnectionsResponse;
type SortOrder = (typeof SORT_ORDERS)[number];

/** A connections.list request, checked as Google checks it. */
interface ListRequest {
  mask: Mask | undefined;
  size: number;
  order: SortOrder;
  wantSync: boolean;
  syncToken: string | undefined;
  pageToken: string | undefined;
  /** What a sync token's later requests must repeat. */
  syncParams: string;
  /** What a page token's later requests must repeat: the same, and the same sync token. */
  params: string;
}

/** One listed item; the person is masked only when its page is returned. */
interface Listed {
  rev: number;
  person: () => Person;
  c?: ContactRecord;
}

function sortKey(c: ContactRecord, field: 'givenName' | 'familyName'): string {
  return (c.data.names?.[0]?.[field] ?? '').toLocaleLowerCase();
}

function listRequest(api: string, resourceName: string, optionalArgs: object | undefined): ListRequest {
  if (resourceName !== 'people/me') throw HTTP.badRequest(api, SAY.connectionsOfMeOnly);
  const args = queryArgs(api, optionalArgs, [
    'personFields',
    'pageSize',
    'pageToken',
    'sortOrder',
    'requestSyncToken',
    'syncToken',
    'sources',
    'requestMask.includeField',
  ]);
  const mask = parseMask(api, 'personFields', args.personFields, READ_FIELDS, { required: true });
  const size = pageSizeArg(api, args.pageSize, PEOPLE_LIMITS.pageDefault, PEOPLE_LIMITS.page);
  const order =
    enumArg(
      api,
      'sortOrder',
      args.sortOrder,
      SORT_ORDERS,
      'type.googleapis.com/google.people.v1.ListConnectionsRequest.SortOrder',
    ) ?? 'LAST_MODIFIED_ASCENDING';
  checkSources(api, args.sources);
  const wantSync = boolArg(api, 'requestSyncToken', args.requestSyncToken);
  const sync = stringArg(args.syncToken);
  const syncParams = JSON.stringify([[...(mask ?? [])].join(','), order, wantSync, listArg(args.sources)]);
  const params = JSON.stringify([syncParams, sync ?? '']);
  return { mask, size, order, wantSync, syncToken: sync, pageToken: stringArg(args.pageToken), syncParams, params };
}

/** Where this request's page starts: a page token resumes its listing, else a full or an incremental one begins. */
function listState(api: string, request: ListRequest, rev: number, now: number): PageState {
  if (request.pageToken) return pageToken.read(api, 'c', request.pageToken, request.params);
  if (!request.syncToken) return { offset: 0, params: request.params, rev, syncStart: now };
  const s = syncToken.read(api, 'c', request.syncToken);
  if (now - s.syncStart > SYNC_TOKEN_TTL_MS)
    throw new GoogleJsonResponseException(api, 400, 'INVALID_ARGUMENT', SAY.syncTokenExpired, 'badRequest');
  if (s.params !== request.syncParams) throw HTTP.badRequest(api, SAY.pageTokenMismatch);
  return { offset: 0, params: request.params, rev, syncStart: s.syncStart, since: s.rev };
}

/** An incremental listing: what changed after `since`, deletions as `metadata.deleted: true`, oldest first. */
function changesSince(core: PeopleCore, since: number, mask: Mask | undefined): Listed[] {
  const items: Listed[] = [
    ...core.store
      .records()
      .filter((c) => c.rev > since)
      .map((c) => ({ rev: c.rev, c, person: () => core.show(c, mask) })),
    ...core.store.contactTombstones(since).map((t) => ({
      rev: t.rev,
      person: () =>
        ({
          resourceName: t.resourceName,
          etag: `%${Buffer.from(`${t.resourceName}@${t.rev}`).toString('base64url')}`,
          metadata: { deleted: true, objectType: 'PERSON' },
        }) as Person,
    })),
  ];
  return items.sort((a, b) => a.rev - b.rev);
}

/** A full listing in the requested order (names compared case-insensitively, ties by modification). */
function allContacts(core: PeopleCore, order: SortOrder, mask: Mask | undefined): Listed[] {
  const items: Listed[] = core.store.records().map((c) => ({ rev: c.rev, c, person: () => core.show(c, mask) }));
  const by = (f: 'givenName' | 'familyName') => (a: Listed, b: Listed) =>
    sortKey(a.c!, f).localeCompare(sortKey(b.c!, f)) || a.rev - b.rev;
  if (order === 'LAST_MODIFIED_ASCENDING') return items.sort((a, b) => a.rev - b.rev);
  if (order === 'LAST_MODIFIED_DESCENDING') return items.sort((a, b) => b.rev - a.rev);
  return items.sort(by(order === 'FIRST_NAME_ASCENDING' ? 'givenName' : 'familyName'));
}

/** The page from `state`, with the next page token or, on the last page when asked, the sync token. */
function listPage(items: Listed[], state: PageState, request: ListRequest, now: number): ListResponse {
  const page = items.slice(state.offset, state.offset + request.size);
  const out: ListResponse = {};
  // Google's JSON leaves out empty lists and zero counts.
  if (page.length) out.connections = gas<S[]>(page.map((i) => i.person()));
  const next = state.offset + request.size;
  if (next < items.length) out.nextPageToken = pageToken.make('c', { ...state, offset: next });
  else if (request.wantSync)
    out.nextSyncToken = syncToken.make('c', {
      rev: state.rev,
      params: request.syncParams,
      syncStart: state.syncStart ?? now,
    });
  if (items.length) {
    out.totalPeople = items.length;
    out.totalItems = items.length;
  }
  return out;
}

export class ConnectionsCollection implements ConnectionsApi {
  readonly #core: PeopleCore;

  constructor(core: PeopleCore) {
    this.#core = core;
  }

  /**
   * people.connections.list: pageSize 1–1000 (default 100), personFields required, sortOrder default
   * LAST_MODIFIED_ASCENDING, sync tokens on the last page when requestSyncToken is set; with a syncToken, only what
   * changed since, deletions as `metadata.deleted: true`. "When the pageToken or syncToken is specified, all other
   * request parameters must match the first call." Sync tokens expire 7 days after the full sync they descend from.
   * https://developers.google.com/people/api/rest/v1/people.connections/list
   */
  list(resourceName: string, optionalArgs?: object): ListResponse {
    return this.#core.call(
      'Connections.list',
      (api) => {
        const request = listRequest(api, resourceName, optionalArgs);
        const now = this.#core.now();
        const state = listState(api, request, this.#core.store.rev, now);
        const items =
          state.since !== undefined
            ? changesSince(this.#core, state.since, request.mask)
            : allContacts(this.#core, request.order, request.mask);
        return listPage(items, state, request, now);
      },
      [resourceName, optionalArgs],
      (page) => page.connections?.length ?? 0,
    );
  }
}

type PeopleApi = Emulated<
  GoogleAppsScript.People.Collection.PeopleCollection,
  | 'createContact'
  | 'batchCreateContacts'
  | 'batchUpdateContacts'
  | 'batchDeleteContacts'
  | 'updateContact'
  | 'deleteContact'
  | 'get'
  | 'getBatchGet'
  | 'searchContacts'
>;

export class PeopleCollection implements PeopleApi {
  readonly Connections: ConnectionsCollection;
  readonly #core: PeopleCore;

  constructor(store: PeopleStore, ctx: ServiceContext, quota: PeopleQuota) {
    this.#core = new PeopleCore(store, ctx, quota);
    this.Connections = new ConnectionsCollection(this.#core);
  }

  /**
   * people.createContact: personFields is optional here ("Defaults to all fields if not set"); the new contact is in
   * myContacts. https://developers.google.com/people/api/rest/v1/people/createContact
   */
  createContact(
    resource: GoogleAppsScript.People.Schema.Person | people_v1.Schema$Person,
    optionalArgs?: object,
  ): GoogleAppsScript.People.Schema.Person {
    return this.#core.call(
      'createContact',
      (api) => {
        const args = queryArgs(api, optionalArgs, ['personFields', 'sources']);
        const mask = parseMask(api, 'personFields', args.personFields, READ_FIELDS, { required: false });
        checkSources(api, args.sources);
        const clean = cleanPerson(api, resource);
        const groups = newContactGroups(this.#core.store, api, clean.groups);
        checkRoom(this.#core.store, api, 1);
        this.#core.quota.admitCreates(api, 1);
        return gas<S>(this.#core.show(this.#core.store.insertContact(clean.data, groups, this.#core.now()), mask));
      },
      [resource, optionalArgs],
    );
  }

  /**
   * people.batchCreateContacts: up to 200 contacts; "If read mask is left empty, the post-mutate-get is skipped and
   * no data will be returned in the response." https://developers.google.com/people/api/rest/v1/people/batchCreateContacts
   */
  batchCreateContacts(
    resource: GoogleAppsScript.People.Schema.BatchCreateContactsRequest | people_v1.Schema$BatchCreateContactsRequest,
  ): GoogleAppsScript.People.Schema.BatchCreateContactsResponse {
    let written = 0;
    return this.#core.call(
      'batchCreateContacts',
      (api, fault) => {
        const body = bodyArgs(api, resource, ['contacts', 'readMask', 'sources']);
        const mask = parseMask(api, 'readMask', body.readMask, READ_FIELDS, { required: false });
        checkSources(api, body.sources);
        const contacts = body.contacts === undefined ? [] : body.contacts;
        if (!Array.isArray(contacts)) throw HTTP.badRequest(api, SAY.unknownField('contacts'));
        if (contacts.length > PEOPLE_LIMITS.batchCreate)
          throw HTTP.badRequest(api, SAY.tooMany('contacts', PEOPLE_LIMITS.batchCreate));
        const cleaned = contacts.map((item, i) => {
          const at = `contacts[${i}]`;
          const wrapper = bodyArgs(api, item, ['contactPerson'], [], at);
          const clean = cleanPerson(api, wrapper.contactPerson ?? {}, `${at}.contact_person`);
          return { clean, groups: newContactGroups(this.#core.store, api, clean.groups) };
        });
        checkRoom(this.#core.store, api, cleaned.length);
        this.#core.quota.admitCreates(api, cleaned.length);
        const now = this.#core.now();
        const created = cleaned
          .slice(0, applied(fault, cleaned.length))
          .map((x) => this.#core.store.insertContact(x.clean.data, x.groups, now));
        written = created.length;
        if (!mask || created.length === 0) return {};
        return {
          createdPeople: created.map((c) => ({
            httpStatusCode: 200,
            person: gas<S>(this.#core.show(c, mask)),
            status: {},
          })),
        };
      },
      resource,
      () => written,
    );
  }

  /**
   * people.batchUpdateContacts: up to 200 contacts, keyed by resource name; updateMask required, each person must
   * carry its current etag. https://developers.google.com/people/api/rest/v1/people/batchUpdateContacts
   */
  batchUpdateContacts(
    resource: GoogleAppsScript.People.Schema.BatchUpdateContactsRequest | people_v1.Schema$BatchUpdateContactsRequest,
  ): GoogleAppsScript.People.Schema.BatchUpdateContactsResponse {
    let written = 0;
    return this.#core.call(
      'batchUpdateContacts',
      (api, fault) => {
        const body = bodyArgs(api, resource, ['contacts', 'updateMask', 'readMask', 'sources']);
        const updateMask = parseMask(api, 'updateMask', body.updateMask, UPDATE_FIELDS, {
          required: true,
          url: UPDATE_FIELDS_URL,
        })!;
        const readMask = parseMask(api, 'readMask', body.readMask, READ_FIELDS, { required: false });
        checkSources(api, body.sources);
        const map = body.contacts ?? {};
        if (typeof map !== 'object' || Array.isArray(map)) throw HTTP.badRequest(api, SAY.unknownField('contacts'));
        const entries = Object.entries(map as Record<string, unknown>);
        if (entries.length > PEOPLE_LIMITS.batchUpdate)
          throw HTTP.badRequest(api, SAY.tooMany('contacts', PEOPLE_LIMITS.batchUpdate));
        if (fault?.kind === 'concurrent-edit' && entries.length) this.#core.editedMeanwhile(entries[0][0]);
        // One stale etag refuses the whole batch, nothing applied: Google documents no per-contact result for an
        // update (UNVERIFIED whether it applies the others; the stricter reading).
        const plan = entries.map(([name, person]) => {
          const c = this.#core.existing(api, personName(api, name));
          checkEtag(this.#core.store, api, person, c);
          const clean: CleanPerson = cleanPerson(api, person, `contacts[${name}]`);
          return { c, next: updated(this.#core.store, api, c, clean, updateMask) };
        });
        const now = this.#core.now();
        const done = plan.slice(0, applied(fault, plan.length));
        for (const { c, next } of done) this.#core.store.writeContact(c, next.data, next.groups, now);
        written = done.length;
        if (!readMask || done.length === 0) return {};
        const updateResult: Record<string, GoogleAppsScript.People.Schema.PersonResponse> = {};
        for (const { c } of done)
          updateResult[c.resourceName] = {
            httpStatusCode: 200,
            person: gas<S>(this.#core.show(c, readMask)),
            status: {},
          };
        return { updateResult };
      },
      resource,
      () => written,
    );
  }

  /** people.batchDeleteContacts: up to 500 resource names. https://developers.google.com/people/api/rest/v1/people/batchDeleteContacts */
  batchDeleteContacts(
    resource: GoogleAppsScript.People.Schema.BatchDeleteContactsRequest,
  ): GoogleAppsScript.People.Schema.Empty {
    let written = 0;
    return this.#core.call(
      'batchDeleteContacts',
      (api, fault) => {
        const body = bodyArgs(api, resource, ['resourceNames']);
        const names = listArg(body.resourceNames);
        if (names.length > PEOPLE_LIMITS.batchDelete)
          throw HTTP.badRequest(api, SAY.tooMany('resource names', PEOPLE_LIMITS.batchDelete));
        // UNVERIFIED: whether Google fails the whole batch for a name already deleted; we do (stricter).
        const records = [...new Set(names)].map((n) => this.#core.existing(api, personName(api, n)));
        const now = this.#core.now();
        const done = records.slice(0, applied(fault, records.length));
        for (const c of done) this.#core.store.removeContact(c, now);
        written = done.length;
        return {};
      },
      resource,
      () => written,
    );
  }

  /**
   * people.updateContact: updatePersonFields required; fields it names are replaced, and cleared when the person
   * leaves them out; the etag must be the current one. https://developers.google.com/people/api/rest/v1/people/updateContact
   */
  updateContact(
    resource: GoogleAppsScript.People.Schema.Person | people_v1.Schema$Person,
    resourceName: string,
    optionalArgs?: object,
  ): GoogleAppsScript.People.Schema.Person {
    return this.#core.call(
      'updateContact',
      (api, fault) => {
        const args = queryArgs(api, optionalArgs, ['updatePersonFields', 'personFields', 'sources']);
        const c = this.#core.existing(api, personName(api, resourceName));
        const updateMask = parseMask(api, 'updatePersonFields', args.updatePersonFields, UPDATE_FIELDS, {
          required: true,
          url: UPDATE_FIELDS_URL,
        })!;
        const mask = parseMask(api, 'personFields', args.personFields, READ_FIELDS, { required: false });
        checkSources(api, args.sources);
        if (fault?.kind === 'concurrent-edit') this.#core.editedMeanwhile(c.resourceName);
        checkEtag(this.#core.store, api, resource, c);
        const next = updated(this.#core.store, api, c, cleanPerson(api, resource), updateMask);
        this.#core.store.writeContact(c, next.data, next.groups, this.#core.now());
        return gas<S>(this.#core.show(c, mask));
      },
      [resource, resourceName, optionalArgs],
    );
  }

  /** people.deleteContact. https://developers.google.com/people/api/rest/v1/people/deleteContact */
  deleteContact(resourceName: string): void {
    this.#core.call(
      'deleteContact',
      (api) => {
        this.#core.store.removeContact(this.#core.existing(api, personName(api, resourceName)), this.#core.now());
      },
      resourceName,
    );
  }

  /** people.get: personFields required. https://developers.google.com/people/api/rest/v1/people/get */
  get(resourceName: string, optionalArgs?: object): GoogleAppsScript.People.Schema.Person {
    return this.#core.call(
      'get',
      (api) => {
        const args = queryArgs(api, optionalArgs, ['personFields', 'sources', 'requestMask.includeField']);
        const name = resourceName === 'people/me' ? resourceName : personName(api, resourceName);
        const mask = parseMask(api, 'personFields', args.personFields, READ_FIELDS, { required: true });
        checkSources(api, args.sources);
        if (name === 'people/me') return gas<S>(this.#core.me(mask));
        return gas<S>(this.#core.show(this.#core.existing(api, name), mask));
      },
      [resourceName, optionalArgs],
    );
  }

  /** people.getBatchGet: up to 200 resource names, personFields required. https://developers.google.com/people/api/rest/v1/people/getBatchGet */
  getBatchGet(optionalArgs?: object): GoogleAppsScript.People.Schema.GetPeopleResponse {
    return this.#core.call(
      'getBatchGet',
      (api) => {
        const args = queryArgs(api, optionalArgs, [
          'resourceNames',
          'personFields',
          'sources',
          'requestMask.includeField',
        ]);
        const mask = parseMask(api, 'personFields', args.personFields, READ_FIELDS, { required: true });
        checkSources(api, args.sources);
        const names = listArg(args.resourceNames);
        if (names.length > PEOPLE_LIMITS.batchGet)
          throw HTTP.badRequest(api, SAY.tooMany('resource names', PEOPLE_LIMITS.batchGet));
        if (names.length === 0) return {};
        const responses = names.map((name): GoogleAppsScript.People.Schema.PersonResponse => {
          if (name === 'people/me')
            return {
              requestedResourceName: name,
              httpStatusCode: 200,
              person: gas<S>(this.#core.me(mask)),
              status: {},
            };
          if (!isPersonName(name))
            return {
              requestedResourceName: name,
              httpStatusCode: 400,
              status: { code: 3, message: SAY.badPersonName(name) },
            };
          const c = this.#core.store.record(name);
          if (!c)
            return { requestedResourceName: name, httpStatusCode: 404, status: { code: 5, message: SAY.notFound } };
          return {
            requestedResourceName: name,
            httpStatusCode: 200,
            person: gas<S>(this.#core.show(c, mask)),
            status: {},
          };
        });
        return { responses };
      },
      optionalArgs,
      (response) => response.responses?.length ?? 0,
    );
  }

  /**
   * people.searchContacts: readMask required, pageSize default 10 and "values greater than 30 will be capped to 30".
   * "IMPORTANT: Before searching, clients should send a warmup request with an empty query to update the cache."
   * Our reading: the cache is an index of the contacts as of the last empty-query request. A query matches against
   * that index (so a contact created or renamed since is not found by its new name, and none is found before the
   * first warm-up); the people returned are the current versions of the matches that still exist.
   * https://developers.google.com/people/api/rest/v1/people/searchContacts
   */
  searchContacts(optionalArgs?: object): GoogleAppsScript.People.Schema.SearchResponse {
    return this.#core.call(
      'searchContacts',
      (api) => {
        const args = queryArgs(api, optionalArgs, ['query', 'readMask', 'pageSize', 'sources']);
        const mask = parseMask(api, 'readMask', args.readMask, READ_FIELDS, { required: true });
        checkSources(api, args.sources);
        const size = Math.min(
          pageSizeArg(api, args.pageSize, PEOPLE_LIMITS.searchDefault, Number.MAX_SAFE_INTEGER),
          PEOPLE_LIMITS.search,
        );
        const query = args.query === undefined ? '' : String(args.query);
        if (!query.trim()) {
          this.#core.store.warmSearch();
          return {};
        }
        const results: GoogleAppsScript.People.Schema.SearchResult[] = [];
        for (const entry of this.#core.store.searchEntries()) {
          if (results.length >= size) break;
          if (!matchesQuery(entry.terms, query)) continue;
          const c = this.#core.store.record(entry.resourceName);
          if (c) results.push({ person: gas<S>(this.#core.show(c, mask)) });
        }
        return results.length ? { results } : {};
      },
      optionalArgs,
      (response) => response.results?.length ?? 0,
    );
  }
}
