// The account's Google Contacts: contacts, contact groups (labels), the revision counter behind etags and sync
// tokens, and the search cache that searchContacts reads. Rules and Google's errors live in service.ts; this file
// only keeps state consistent and persistent.
//
// Uncounted accessors (`allContacts`, `allGroups`, `contact`) are for tests and the sandbox and return copies. Hooks
// that stand for what a person does in the Google Contacts UI (`editByUser`, `deleteByUser`) let tests check that the
// product copes with concurrent edits; `seed` fills an account without going through the API.

import { createHash } from 'node:crypto';
import type { people_v1 } from '@googleapis/people';
import { ContactView, Person, cleanPerson, project } from './fields';
import { searchTerms } from './search';

export type GroupType = 'USER_CONTACT_GROUP' | 'SYSTEM_CONTACT_GROUP';

export interface ContactRecord {
  /** The CONTACT source id (hex); the resource name is its decimal form, as Google's are. */
  id: string;
  resourceName: string;
  /** Store revision of the last write to this contact: its etag, its place in LAST_MODIFIED order, sync. */
  rev: number;
  created: number;
  updated: number;
  /** Writable fields as stored, with what Google computes (display names, canonical phones). */
  data: Person;
  /** Contact group resource names. */
  groups: string[];
}

export interface GroupRecord {
  id: string;
  resourceName: string;
  name: string;
  formattedName: string;
  groupType: GroupType;
  clientData: Array<{ key?: string | null; value?: string | null }>;
  rev: number;
  updated: number;
}

interface Tombstone {
  resourceName: string;
  rev: number;
  at: number;
}

interface SearchEntry {
  resourceName: string;
  terms: string[];
}

export interface PeopleLimits {
  /** Contacts per account. 25,000 is widely reported (platform.md §2) but UNVERIFIED on an official page. */
  maxContacts: number;
}

interface PeopleJSON {
  seq?: number;
  rev?: number;
  contacts?: ContactRecord[];
  groups?: GroupRecord[];
  deletedContacts?: Tombstone[];
  deletedGroups?: Tombstone[];
  searchIndex?: SearchEntry[] | null;
  limits?: Partial<PeopleLimits>;
}

/**
 * System groups every account has. Only myContacts and starred can gain members; the others are deprecated and can
 * only lose them (contactGroups.members.modify reference). `formattedName` is Google's English form; Google localizes
 * it to the account's locale (UNVERIFIED which words it uses for ru).
 */
export const SYSTEM_GROUPS: ReadonlyArray<[id: string, formattedName: string]> = [
  ['myContacts', 'My Contacts'],
  ['starred', 'Starred'],
  ['friends', 'Friends'],
  ['family', 'Family'],
  ['coworkers', 'Coworkers'],
  ['chatBuddies', 'Chat contacts'],
  ['blocked', 'Blocked'],
];
export const MY_CONTACTS = 'contactGroups/myContacts';
export const STARRED = 'contactGroups/starred';

/** The note line editFromPhone adds, so a test can look for it. */
export const PHONE_NOTE = 'Called back from the phone.';

const digest = (text: string) => createHash('sha1').update(text).digest();

const copyContact = (c: ContactRecord): ContactRecord => ({
  ...c,
  data: structuredClone(c.data),
  groups: c.groups.slice(),
});
const copyGroup = (g: GroupRecord): GroupRecord => ({ ...g, clientData: g.clientData.map((d) => ({ ...d })) });

export class PeopleStore {
  private readonly contacts = new Map<string, ContactRecord>();
  private readonly groups = new Map<string, GroupRecord>();
  private deletedContacts: Tombstone[];
  private deletedGroups: Tombstone[];
  private seq: number;
  private revision: number;
  /** What searchContacts sees: the contacts as of the last warm-up (empty-query search); null before the first. */
  private searchIndex: SearchEntry[] | null;
  readonly limits: PeopleLimits;

  private constructor(json: PeopleJSON) {
    this.seq = json.seq ?? 0;
    this.revision = json.rev ?? 0;
    for (const c of json.contacts ?? []) this.contacts.set(c.resourceName, copyContact(c));
    for (const [id, formattedName] of SYSTEM_GROUPS) {
      const resourceName = `contactGroups/${id}`;
      this.groups.set(resourceName, {
        id,
        resourceName,
        name: id,
        formattedName,
        groupType: 'SYSTEM_CONTACT_GROUP',
        clientData: [],
        rev: 0,
        updated: 0,
      });
    }
    for (const g of json.groups ?? []) this.groups.set(g.resourceName, copyGroup(g));
    this.deletedContacts = (json.deletedContacts ?? []).map((t) => ({ ...t }));
    this.deletedGroups = (json.deletedGroups ?? []).map((t) => ({ ...t }));
    this.searchIndex = json.searchIndex
      ? json.searchIndex.map((e) => ({ resourceName: e.resourceName, terms: e.terms.slice() }))
      : null;
    this.limits = { maxContacts: 25_000, ...json.limits };
  }

  static fromJSON(json: unknown): PeopleStore {
    return new PeopleStore(json && typeof json === 'object' ? (json as PeopleJSON) : {});
  }

  toJSON(): PeopleJSON {
    return {
      seq: this.seq,
      rev: this.revision,
      contacts: [...this.contacts.values()].map(copyContact),
      groups: [...this.groups.values()].map(copyGroup),
      deletedContacts: this.deletedContacts.map((t) => ({ ...t })),
      deletedGroups: this.deletedGroups.map((t) => ({ ...t })),
      searchIndex: this.searchIndex
        ? this.searchIndex.map((e) => ({ resourceName: e.resourceName, terms: e.terms.slice() }))
        : null,
      limits: { ...this.limits },
    };
  }

  // ---- reading (for tests and the sandbox: copies, nothing counted) ----

  /** Every contact with all its fields, as a person-fields mask naming everything would return it. */
  allContacts(): people_v1.Schema$Person[] {
    return [...this.contacts.values()].map((c) => project(this.view(c), undefined));
  }

  /** Every contact group, system groups included, with its member count. */
  allGroups(): people_v1.Schema$ContactGroup[] {
    const counts = this.memberCounts();
    return [...this.groups.values()].map((g) => ({
      resourceName: g.resourceName,
      etag: this.groupEtag(g),
      name: g.name,
      formattedName: g.formattedName,
      groupType: g.groupType,
      memberCount: counts.get(g.resourceName) ?? 0,
      ...(g.clientData.length ? { clientData: g.clientData.map((d) => ({ ...d })) } : {}),
    }));
  }

  contact(resourceName: string): people_v1.Schema$Person | undefined {
    const c = this.contacts.get(resourceName);
    return c ? project(this.view(c), undefined) : undefined;
  }

  get contactCount(): number {
    return this.contacts.size;
  }

  /** The current revision: it moves on every write, so tests can assert that a call wrote nothing. */
  get rev(): number {
    return this.revision;
  }

  // ---- what a person does in Google Contacts, outside the project ----

  /** Fills the account (test setup, sandbox demo data): no call is counted, limits still hold. */
  seed(persons: Person[], now = Date.now()): string[] {
    if (this.contacts.size + persons.length > this.limits.maxContacts)
      throw new Error(`seed would exceed ${this.limits.maxContacts} contacts`);
    return persons.map((p) => {
      const { data, groups } = cleanPerson('seed', p);
      return this.insertContact(data, groups ?? [], now).resourceName;
    });
  }

  /** Someone edits the contact in Google Contacts: the fields given replace the stored ones and the etag changes. */
  editByUser(resourceName: string, patch: Person, now = Date.now()): void {
    const c = this.record(resourceName);
    if (!c) throw new Error(`no contact ${resourceName}`);
    const { data, groups } = cleanPerson('editByUser', patch);
    const merged = { ...c.data } as Record<string, unknown>;
    for (const key of Object.keys(patch))
      if (key !== 'memberships') merged[key] = (data as Record<string, unknown>)[key];
    this.writeContact(c, merged as Person, groups ?? c.groups, now);
  }

  /**
   * The office's phone edits the contact (Google Contacts on Android syncing back): the first phone number without a
   * type gets one, and a line is added to the notes. The etag moves on; a write the product re-applies after
   * re-reading must keep both.
   */
  editFromPhone(resourceName: string, now = Date.now()): void {
    const c = this.record(resourceName);
    if (!c) throw new Error(`no contact ${resourceName}`);
    const patch: Person = {};
    const phones = structuredClone(c.data.phoneNumbers ?? []);
    const untyped = phones.find((p) => !p.type);
    if (untyped) {
      untyped.type = 'mobile';
      patch.phoneNumbers = phones;
    }
    const note = c.data.biographies?.[0]?.value;
    patch.biographies = [{ value: note ? `${note}\n${PHONE_NOTE}` : PHONE_NOTE, contentType: 'TEXT_PLAIN' }];
    this.editByUser(resourceName, patch, now);
  }

  deleteByUser(resourceName: string, now = Date.now()): void {
    const c = this.record(resourceName);
    if (!c) throw new Error(`no contact ${resourceName}`);
    this.removeContact(c, now);
  }

  // ---- for the service ----

  record(resourceName: string): ContactRecord | undefined {
    return this.contacts.get(resourceName);
  }

  records(): ContactRecord[] {
    return [...this.contacts.values()];
  }

  group(resourceName: string): GroupRecord | undefined {
    return this.groups.get(resourceName);
  }

  groupRecords(): GroupRecord[] {
    return [...this.groups.values()];
  }

  contactTombstones(since: number): Tombstone[] {
    return this.deletedContacts.filter((t) => t.rev > since);
  }

  groupTombstones(since: number): Tombstone[] {
    return this.deletedGroups.filter((t) => t.rev > since);
  }

  view(c: ContactRecord): ContactView {
    const d = digest(`${c.resourceName}@${c.rev}`);
    return {
      id: c.id,
      resourceName: c.resourceName,
      etag: `%${d.toString('base64url').slice(0, 26)}`,
      sourceEtag: `#${d.subarray(10).toString('base64url')}`,
      updateTime: new Date(c.updated).toISOString(),
      data: c.data,
      memberships: c.groups.map((g) => ({
        contactGroupId: g.slice('contactGroups/'.length),
        contactGroupResourceName: g,
      })),
    };
  }

  groupEtag(g: GroupRecord): string {
    return digest(`${g.resourceName}@${g.rev}`).subarray(0, 8).toString('base64');
  }

  private nextHex(kind: string): string {
    for (;;) {
      this.seq += 1;
      const hex = digest(`${kind}/${this.seq}`).subarray(0, 8).toString('hex').replace(/^0+/, '');
      const taken =
        kind === 'contact'
          ? this.contacts.has(`people/c${BigInt(`0x${hex}`)}`)
          : this.groups.has(`contactGroups/${hex}`);
      if (!taken) return hex;
    }
  }

  insertContact(data: Person, groups: string[], now: number): ContactRecord {
    const id = this.nextHex('contact');
    const c: ContactRecord = {
      id,
      resourceName: `people/c${BigInt(`0x${id}`)}`,
      rev: ++this.revision,
      created: now,
      updated: now,
      data,
      groups: [...new Set(groups)],
    };
    this.contacts.set(c.resourceName, c);
    return c;
  }

  writeContact(c: ContactRecord, data: Person, groups: string[], now: number): void {
    c.data = data;
    c.groups = [...new Set(groups)];
    c.rev = ++this.revision;
    c.updated = now;
  }

  removeContact(c: ContactRecord, now: number): void {
    this.contacts.delete(c.resourceName);
    this.deletedContacts.push({ resourceName: c.resourceName, rev: ++this.revision, at: now });
  }

  insertGroup(name: string, clientData: GroupRecord['clientData'], now: number): GroupRecord {
    const id = this.nextHex('group');
    const g: GroupRecord = {
      id,
      resourceName: `contactGroups/${id}`,
      name,
      formattedName: name,
      groupType: 'USER_CONTACT_GROUP',
      clientData,
      rev: ++this.revision,
      updated: now,
    };
    this.groups.set(g.resourceName, g);
    return g;
  }

  writeGroup(g: GroupRecord, name: string, clientData: GroupRecord['clientData'], now: number): void {
    g.name = name;
    g.formattedName = name;
    g.clientData = clientData;
    g.rev = ++this.revision;
    g.updated = now;
  }

  /** Deletes a user group and takes it out of every contact (or deletes its members with it). */
  removeGroup(g: GroupRecord, deleteContacts: boolean, now: number): void {
    for (const c of this.records()) {
      if (!c.groups.includes(g.resourceName)) continue;
      if (deleteContacts) this.removeContact(c, now);
      else
        this.writeContact(
          c,
          c.data,
          c.groups.filter((x) => x !== g.resourceName),
          now,
        );
    }
    this.groups.delete(g.resourceName);
    this.deletedGroups.push({ resourceName: g.resourceName, rev: ++this.revision, at: now });
  }

  memberCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const c of this.contacts.values()) for (const g of c.groups) counts.set(g, (counts.get(g) ?? 0) + 1);
    return counts;
  }

  membersOf(groupResourceName: string): string[] {
    return this.records()
      .filter((c) => c.groups.includes(groupResourceName))
      .map((c) => c.resourceName);
  }

  /** The warm-up: searchContacts from now on sees the contacts as they are at this moment. */
  warmSearch(): void {
    this.searchIndex = [...this.contacts.values()].map((c) => ({
      resourceName: c.resourceName,
      terms: searchTerms(c.data),
    }));
  }

  searchEntries(): readonly SearchEntry[] {
    return this.searchIndex ?? [];
  }
}
