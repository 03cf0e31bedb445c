// People.ContactGroups and People.ContactGroups.Members: the account's labels. Apps Script exposes the REST method
// `contactGroups.delete` as `remove` (a reserved word in JS), as the typings say.
// Reference: https://developers.google.com/people/api/rest/v1/contactGroups

import type { people_v1 } from '@googleapis/people';
import { ServiceContext, apiMethodName } from '../context';
import { HTTP } from '../errors';
import { ActiveFault } from '../faults';
import { Emulated } from '../script/emulated';
import { Args, bodyArgs, boolArg, intArg, listArg, pageSizeArg, queryArgs, stringArg } from './args';
import { Mask, parseMask } from './fields';
import { applied, isGroupName, isPersonName } from './rules';
import { PeopleQuota } from './quotas';
import { GroupRecord, MY_CONTACTS, PeopleStore, STARRED } from './store';
import { pageToken, syncToken } from './tokens';
import { GROUP_FIELDS_URL, SAY } from './wording';

type G = GoogleAppsScript.People.Schema.ContactGroup;
const gas = <T>(v: unknown): T => v as T;

export const GROUP_LIMITS = { page: 1000, pageDefault: 30, batchGet: 200, membersModify: 1000 };

/** groupFields / readGroupFields paths (contactGroups.list / create references). */
const GROUP_FIELDS = ['clientData', 'groupType', 'memberCount', 'metadata', 'name'] as const;
const CREATE_READ_FIELDS = ['clientData', 'groupType', 'metadata', 'name'] as const;
const UPDATE_GROUP_FIELDS = ['clientData', 'name'] as const;
/** "Defaults to metadata, groupType, memberCount, and name if not set or set to empty." */
const DEFAULT_GROUP_FIELDS: Mask = new Set(['metadata', 'groupType', 'memberCount', 'name']);
/** create/update: "Defaults to metadata, groupType, and name if not set or set to empty." */
const DEFAULT_READ_GROUP_FIELDS: Mask = new Set(['metadata', 'groupType', 'name']);
/** Fields of a ContactGroup body Google computes; a client may echo them back and they are ignored. */
const GROUP_OUTPUT_ONLY = [
  'resourceName',
  'formattedName',
  'groupType',
  'memberCount',
  'memberResourceNames',
  'metadata',
];

function groupMask(api: string, param: string, value: unknown, valid: readonly string[], def: Mask): Mask {
  return (
    parseMask(api, param, value, valid, { required: false, url: GROUP_FIELDS_URL, prefix: 'contactGroup.' }) ?? def
  );
}

/** What create and update both read from their body: the read mask and the group as given. */
function groupRequest(api: string, body: Args): { mask: Mask; group: Args } {
  const mask = groupMask(api, 'readGroupFields', body.readGroupFields, CREATE_READ_FIELDS, DEFAULT_READ_GROUP_FIELDS);
  const group = bodyArgs(api, body.contactGroup, ['name', 'clientData', 'etag'], GROUP_OUTPUT_ONLY, 'contact_group');
  return { mask, group };
}

function cleanClientData(api: string, value: unknown): GroupRecord['clientData'] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw HTTP.badRequest(api, SAY.unknownField('clientData', 'contact_group'));
  return value.map((d, i) => {
    const item = bodyArgs(api, d, ['key', 'value'], [], `contact_group.client_data[${i}]`);
    return {
      ...(item.key !== undefined ? { key: String(item.key) } : {}),
      ...(item.value !== undefined ? { value: String(item.value) } : {}),
    };
  });
}

/** What the collections share; kept out of the objects a script can reach (they hold it in a private field). */
class GroupsCore {
  constructor(
    readonly store: PeopleStore,
    readonly ctx: ServiceContext,
    readonly quota: PeopleQuota,
  ) {}

  /** One request; `sent` is its body and query (for CallRecord.bytes; the response is measured as returned). */
  call<T>(
    service: string,
    fn: (api: string, fault: ActiveFault | undefined) => T,
    sent: unknown,
    restName = service,
  ): T {
    const api = apiMethodName(restName);
    return this.ctx.call(
      service,
      (fault) => {
        this.quota.admit(service, api);
        return fn(api, fault);
      },
      { sent },
    );
  }

  existing(api: string, name: unknown): GroupRecord {
    if (typeof name !== 'string' || !isGroupName(name)) throw HTTP.badRequest(api, SAY.badGroupName(String(name)));
    const g = this.store.group(name);
    if (!g) throw HTTP.notFound(api, SAY.notFound);
    return g;
  }

  show(g: GroupRecord, mask: Mask, counts?: Map<string, number>, maxMembers = 0): G {
    const out: Record<string, unknown> = { resourceName: g.resourceName, etag: this.store.groupEtag(g) };
    if (mask.has('metadata') && g.updated) out.metadata = { updateTime: new Date(g.updated).toISOString() };
    if (mask.has('groupType')) out.groupType = g.groupType;
    if (mask.has('name')) {
      out.name = g.name;
      out.formattedName = g.formattedName;
    }
    if (mask.has('clientData') && g.clientData.length) out.clientData = g.clientData.map((d) => ({ ...d }));
    if (mask.has('memberCount') || maxMembers > 0) {
      const count = (counts ?? this.store.memberCounts()).get(g.resourceName) ?? 0;
      // Google's JSON leaves out a zero count.
      if (mask.has('memberCount') && count) out.memberCount = count;
      if (maxMembers > 0 && count) out.memberResourceNames = this.store.membersOf(g.resourceName).slice(0, maxMembers);
    }
    return gas<G>(out);
  }

  /** "Created contact group names must be unique to the users contact groups" — compared case-insensitively (UNVERIFIED). */
  checkName(api: string, name: unknown, except?: GroupRecord): string {
    const text = typeof name === 'string' ? name.trim() : '';
    if (!text) throw HTTP.badRequest(api, SAY.groupNameRequired);
    const key = text.toLocaleLowerCase();
    const clash = this.store
      .groupRecords()
      .some((g) => g !== except && g.groupType === 'USER_CONTACT_GROUP' && g.name.toLocaleLowerCase() === key);
    if (clash) throw HTTP.conflict(api, SAY.groupNameExists);
    return text;
  }
}

type MembersApi = Emulated<GoogleAppsScript.People.Collection.ContactGroups.MembersCollection, 'modify'>;

export class MembersCollection implements MembersApi {
  readonly #core: GroupsCore;

  constructor(core: GroupsCore) {
    this.#core = core;
  }

  /**
   * contactGroups.members.modify: "The total number of resource names in resource_names_to_add and
   * resource_names_to_remove must be less than or equal to 1000." Only myContacts and starred among system groups
   * can gain members. Unknown people come back in notFoundResourceNames; a contact is never left without a group
   * (canNotRemoveLastContactGroupResourceNames). A `partial` fault applies the first operations only (adds first).
   * https://developers.google.com/people/api/rest/v1/contactGroups.members/modify
   */
  modify(
    resource: GoogleAppsScript.People.Schema.ModifyContactGroupMembersRequest,
    resourceName: string,
  ): GoogleAppsScript.People.Schema.ModifyContactGroupMembersResponse {
    return this.#core.call(
      'People.ContactGroups.Members.modify',
      (api, fault) => {
        const body = bodyArgs(api, resource, ['resourceNamesToAdd', 'resourceNamesToRemove']);
        const add = listArg(body.resourceNamesToAdd);
        const remove = listArg(body.resourceNamesToRemove);
        if (add.length + remove.length > GROUP_LIMITS.membersModify)
          throw HTTP.badRequest(api, SAY.tooMany('resource names', GROUP_LIMITS.membersModify));
        const g = this.#core.existing(api, resourceName);
        const addable =
          g.groupType === 'USER_CONTACT_GROUP' || g.resourceName === MY_CONTACTS || g.resourceName === STARRED;
        if (add.length && !addable) throw HTTP.badRequest(api, SAY.cannotAddToGroup(g.resourceName));
        const ops = [...add.map((n) => ['add', n] as const), ...remove.map((n) => ['remove', n] as const)];
        const notFound: string[] = [];
        const lastGroup: string[] = [];
        const now = this.#core.ctx.clock.now();
        for (const [op, name] of ops.slice(0, applied(fault, ops.length))) {
          const c = isPersonName(name) ? this.#core.store.record(name) : undefined;
          if (!c) {
            notFound.push(name);
            continue;
          }
          if (op === 'add') {
            if (!c.groups.includes(g.resourceName))
              this.#core.store.writeContact(c, c.data, [...c.groups, g.resourceName], now);
          } else if (c.groups.includes(g.resourceName)) {
            if (c.groups.length === 1) lastGroup.push(name);
            else
              this.#core.store.writeContact(
                c,
                c.data,
                c.groups.filter((x) => x !== g.resourceName),
                now,
              );
          }
        }
        const out: { notFoundResourceNames?: string[]; canNotRemoveLastContactGroupResourceNames?: string[] } = {};
        if (notFound.length) out.notFoundResourceNames = notFound;
        if (lastGroup.length) out.canNotRemoveLastContactGroupResourceNames = lastGroup;
        return out;
      },
      [resource, resourceName],
    );
  }
}

type ContactGroupsApi = Emulated<
  GoogleAppsScript.People.Collection.ContactGroupsCollection,
  'create' | 'list' | 'get' | 'batchGet' | 'update' | 'remove'
>;

export class ContactGroupsCollection implements ContactGroupsApi {
  readonly Members: MembersCollection;
  readonly #core: GroupsCore;

  constructor(store: PeopleStore, ctx: ServiceContext, quota: PeopleQuota) {
    this.#core = new GroupsCore(store, ctx, quota);
    this.Members = new MembersCollection(this.#core);
  }

  /**
   * contactGroups.create: "Attempting to create a group with a duplicate name will return a HTTP 409 error."
   * https://developers.google.com/people/api/rest/v1/contactGroups/create
   */
  create(
    resource: GoogleAppsScript.People.Schema.CreateContactGroupRequest | people_v1.Schema$CreateContactGroupRequest,
  ): GoogleAppsScript.People.Schema.ContactGroup {
    return this.#core.call(
      'People.ContactGroups.create',
      (api) => {
        const body = bodyArgs(api, resource, ['contactGroup', 'readGroupFields']);
        const { mask, group } = groupRequest(api, body);
        const name = this.#core.checkName(api, group.name);
        const clientData = cleanClientData(api, group.clientData);
        return this.#core.show(this.#core.store.insertGroup(name, clientData, this.#core.ctx.clock.now()), mask);
      },
      resource,
    );
  }

  /**
   * contactGroups.list: pageSize 1–1000, default 30; groupFields default metadata, groupType, memberCount, name;
   * nextSyncToken on the last page; with a syncToken only groups changed since (deleted ones flagged).
   * https://developers.google.com/people/api/rest/v1/contactGroups/list
   */
  list(optionalArgs?: object): GoogleAppsScript.People.Schema.ListContactGroupsResponse {
    return this.#core.call(
      'People.ContactGroups.list',
      (api) => {
        const args = queryArgs(api, optionalArgs, ['pageSize', 'pageToken', 'syncToken', 'groupFields']);
        const mask = groupMask(api, 'groupFields', args.groupFields, GROUP_FIELDS, DEFAULT_GROUP_FIELDS);
        const size = pageSizeArg(api, args.pageSize, GROUP_LIMITS.pageDefault, GROUP_LIMITS.page);
        const sync = stringArg(args.syncToken);
        const syncParams = [...mask].join(',');
        const params = JSON.stringify([syncParams, sync ?? '']);
        const token = stringArg(args.pageToken);
        let state = token ? pageToken.read(api, 'g', token, params) : undefined;
        if (!state) {
          const since = sync ? syncToken.read(api, 'g', sync).rev : undefined;
          state = { offset: 0, params, rev: this.#core.store.rev, since };
        }
        const counts = this.#core.store.memberCounts();
        const since = state.since;
        type Entry = { rev: number; group: () => G };
        const items: Entry[] = this.#core.store
          .groupRecords()
          .filter((g) => since === undefined || g.rev > since)
          .map((g) => ({ rev: g.rev, group: () => this.#core.show(g, mask, counts) }));
        if (since !== undefined) {
          for (const t of this.#core.store.groupTombstones(since)) {
            items.push({
              rev: t.rev,
              group: () => gas<G>({ resourceName: t.resourceName, metadata: { deleted: true } }),
            });
          }
          items.sort((a, b) => a.rev - b.rev);
        }
        const page = items.slice(state.offset, state.offset + size);
        const out: GoogleAppsScript.People.Schema.ListContactGroupsResponse = {};
        if (page.length) out.contactGroups = page.map((i) => i.group());
        if (items.length) out.totalItems = items.length;
        const next = state.offset + size;
        if (next < items.length) out.nextPageToken = pageToken.make('g', { ...state, offset: next });
        else
          out.nextSyncToken = syncToken.make('g', {
            rev: state.rev,
            params: syncParams,
            syncStart: this.#core.ctx.clock.now(),
          });
        return out;
      },
      optionalArgs,
    );
  }

  /**
   * contactGroups.get: maxMembers "Defaults to 0 if not set, which will return zero members."
   * https://developers.google.com/people/api/rest/v1/contactGroups/get
   */
  get(resourceName: string, optionalArgs?: object): GoogleAppsScript.People.Schema.ContactGroup {
    return this.#core.call(
      'People.ContactGroups.get',
      (api) => {
        const args = queryArgs(api, optionalArgs, ['maxMembers', 'groupFields']);
        const mask = groupMask(api, 'groupFields', args.groupFields, GROUP_FIELDS, DEFAULT_GROUP_FIELDS);
        const maxMembers = Math.max(0, intArg(api, 'maxMembers', args.maxMembers) ?? 0);
        return this.#core.show(this.#core.existing(api, resourceName), mask, undefined, maxMembers);
      },
      [resourceName, optionalArgs],
    );
  }

  /** contactGroups.batchGet: "There is a maximum of 200 resource names." https://developers.google.com/people/api/rest/v1/contactGroups/batchGet */
  batchGet(optionalArgs?: object): GoogleAppsScript.People.Schema.BatchGetContactGroupsResponse {
    return this.#core.call(
      'People.ContactGroups.batchGet',
      (api) => {
        const args = queryArgs(api, optionalArgs, ['resourceNames', 'maxMembers', 'groupFields']);
        const mask = groupMask(api, 'groupFields', args.groupFields, GROUP_FIELDS, DEFAULT_GROUP_FIELDS);
        const maxMembers = Math.max(0, intArg(api, 'maxMembers', args.maxMembers) ?? 0);
        const names = listArg(args.resourceNames);
        if (names.length > GROUP_LIMITS.batchGet)
          throw HTTP.badRequest(api, SAY.tooMany('resource names', GROUP_LIMITS.batchGet));
        const counts = this.#core.store.memberCounts();
        const responses = names.map((name): GoogleAppsScript.People.Schema.ContactGroupResponse => {
          if (!isGroupName(name))
            return { requestedResourceName: name, status: { code: 3, message: SAY.badGroupName(name) } };
          const g = this.#core.store.group(name);
          if (!g) return { requestedResourceName: name, status: { code: 5, message: SAY.notFound } };
          return {
            requestedResourceName: name,
            status: {},
            contactGroup: this.#core.show(g, mask, counts, maxMembers),
          };
        });
        return responses.length ? { responses } : {};
      },
      optionalArgs,
    );
  }

  /**
   * contactGroups.update: updateGroupFields defaults to name (valid: clientData, name); names stay unique (409);
   * system groups cannot be changed. A stale etag, when one is sent, is refused.
   * https://developers.google.com/people/api/rest/v1/contactGroups/update
   */
  update(
    resource: GoogleAppsScript.People.Schema.UpdateContactGroupRequest | people_v1.Schema$UpdateContactGroupRequest,
    resourceName: string,
  ): GoogleAppsScript.People.Schema.ContactGroup {
    return this.#core.call(
      'People.ContactGroups.update',
      (api) => {
        const body = bodyArgs(api, resource, ['contactGroup', 'updateGroupFields', 'readGroupFields']);
        const g = this.#core.existing(api, resourceName);
        const fields = groupMask(
          api,
          'updateGroupFields',
          body.updateGroupFields,
          UPDATE_GROUP_FIELDS,
          new Set(['name']),
        );
        const { mask, group } = groupRequest(api, body);
        if (g.groupType !== 'USER_CONTACT_GROUP') throw HTTP.badRequest(api, SAY.systemGroupReadOnly);
        if (group.etag !== undefined && group.etag !== this.#core.store.groupEtag(g))
          throw HTTP.failedPrecondition(api, SAY.etagStaleGroup);
        const name = fields.has('name') ? this.#core.checkName(api, group.name, g) : g.name;
        const clientData = fields.has('clientData') ? cleanClientData(api, group.clientData) : g.clientData;
        this.#core.store.writeGroup(g, name, clientData, this.#core.ctx.clock.now());
        return this.#core.show(g, mask);
      },
      [resource, resourceName],
    );
  }

  /**
   * contactGroups.delete (Apps Script: `remove`): deleteContacts "Set to true to also delete the contacts in the
   * specified group." https://developers.google.com/people/api/rest/v1/contactGroups/delete
   */
  remove(resourceName: string, optionalArgs?: object): void {
    this.#core.call(
      'People.ContactGroups.remove',
      (api) => {
        const args = queryArgs(api, optionalArgs, ['deleteContacts']);
        const g = this.#core.existing(api, resourceName);
        if (g.groupType !== 'USER_CONTACT_GROUP') throw HTTP.badRequest(api, SAY.systemGroupReadOnly);
        this.#core.store.removeGroup(
          g,
          boolArg(api, 'deleteContacts', args.deleteContacts),
          this.#core.ctx.clock.now(),
        );
      },
      [resourceName, optionalArgs],
      'People.ContactGroups.delete',
    );
  }
}
