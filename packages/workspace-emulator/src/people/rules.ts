// Rules shared by the People methods: memberships, etags, the contact limit and how much of a batch a `partial`
// fault lets through.

import { HTTP } from '../errors';
import { ActiveFault } from '../faults';
import { CleanPerson, Mask, Person } from './fields';
import { ContactRecord, MY_CONTACTS, PeopleStore, STARRED } from './store';
import { SAY } from './wording';

/**
 * The groups a contact ends up in. "Any contact group membership can be removed, but only user group or
 * "myContacts" or "starred" system groups memberships can be added. A contact must always have at least one contact
 * group membership." (ContactGroupMembership reference).
 */
export function resolveMemberships(
  store: PeopleStore,
  api: string,
  requested: string[],
  current: readonly string[],
): string[] {
  const out = [...new Set(requested)];
  for (const name of out) {
    const g = store.group(name);
    if (!g) throw HTTP.badRequest(api, SAY.unknownGroup(name));
    const addable = g.groupType === 'USER_CONTACT_GROUP' || name === MY_CONTACTS || name === STARRED;
    if (!addable && !current.includes(name)) throw HTTP.badRequest(api, SAY.cannotAddToGroup(name));
  }
  return out;
}

/** A contact created through the API is one of "My Contacts" whatever else it is a member of. */
export function newContactGroups(store: PeopleStore, api: string, requested: string[] | undefined): string[] {
  return resolveMemberships(store, api, [MY_CONTACTS, ...(requested ?? [])], []);
}

/**
 * updateContact's concurrency check: "The request throws a 412 error if person.metadata.sources.etag is different
 * than the contact's etag" (Apps Script typings; the live API answers 400 FAILED_PRECONDITION, see wording.ts).
 */
export function checkEtag(store: PeopleStore, api: string, person: unknown, c: ContactRecord): void {
  const p = (person ?? {}) as Person;
  const view = store.view(c);
  const source = (p.metadata?.sources ?? []).find((s) => s && s.type === 'CONTACT' && s.etag);
  if (p.etag) {
    if (p.etag !== view.etag) throw HTTP.failedPrecondition(api, SAY.etagStale);
  } else if (source?.etag) {
    if (source.etag !== view.sourceEtag) throw HTTP.failedPrecondition(api, SAY.sourceEtagStale);
  } else {
    throw HTTP.badRequest(api, SAY.etagMissing);
  }
}

/** The data and groups after an update: fields named in the mask are replaced (or cleared when absent). */
export function updated(
  store: PeopleStore,
  api: string,
  c: ContactRecord,
  clean: CleanPerson,
  mask: Mask,
): { data: Person; groups: string[] } {
  const data = structuredClone(c.data) as Record<string, unknown>;
  for (const f of mask) {
    if (f === 'memberships') continue;
    const value = (clean.data as Record<string, unknown>)[f];
    if (value === undefined) delete data[f];
    else data[f] = value;
  }
  let groups = c.groups;
  if (mask.has('memberships')) {
    if (!clean.groups?.length) throw HTTP.badRequest(api, SAY.noMembership);
    groups = resolveMemberships(store, api, clean.groups, c.groups);
  }
  return { data: data as Person, groups };
}

export function checkRoom(store: PeopleStore, api: string, adding: number): void {
  if (store.contactCount + adding > store.limits.maxContacts)
    throw HTTP.failedPrecondition(api, SAY.contactsLimit(store.limits.maxContacts));
}

/** How many items of a batch are applied: all, or for a `partial` fault the first `applyFirst` (default half). */
export function applied(fault: ActiveFault | undefined, total: number): number {
  if (fault?.kind !== 'partial') return total;
  const n = fault.applyFirst ?? Math.floor(total / 2);
  return Math.max(0, Math.min(total, n));
}

export const isPersonName = (name: string) => /^people\/[^/]+$/.test(name);
export const isGroupName = (name: string) => /^contactGroups\/[^/]+$/.test(name);
