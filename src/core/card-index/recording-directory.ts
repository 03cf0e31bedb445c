// What an import or an undo did to the contacts, for their card index rows: the People directory port
// (core/ports/people.ts) passed through, every answer and every write remembered, so that after the run each touched
// contact is known as the account now holds it — without asking People again (at 25,000 contacts a re-read would
// cost 125 requests). A contact's state is the listing's, with each write the run made applied on top, in order.

import type { PeopleDirectory } from '../ports/people';
import type { Person } from '../import/types';

type Membership = NonNullable<Person['memberships']>[number];

const groupOf = (m: Membership) =>
  String(
    (m.contactGroupMembership as { contactGroupResourceName?: string } | undefined)?.contactGroupResourceName ?? '',
  );

export interface DirectoryChanges {
  /** Contacts created or changed (fields, labels), as they are now. */
  persons: Person[];
  /** Contacts deleted. */
  removed: string[];
  /** Label group resourceName → name, as the run knows them. */
  groups: Map<string, string>;
}

export class RecordingDirectory implements PeopleDirectory {
  private readonly listed = new Map<string, Person>();
  private readonly touched = new Map<string, Person>();
  private readonly deleted = new Set<string>();
  private readonly groups = new Map<string, string>();

  constructor(private readonly inner: PeopleDirectory) {}

  changes(): DirectoryChanges {
    return {
      persons: [...this.touched.values()],
      removed: [...this.deleted],
      groups: new Map(this.groups),
    };
  }

  private current(resourceName: string): Person | undefined {
    return this.touched.get(resourceName) ?? this.listed.get(resourceName);
  }

  private touch(resourceName: string, person: Person): void {
    if (!resourceName || this.deleted.has(resourceName)) return;
    this.touched.set(resourceName, { ...person, resourceName });
  }

  listContacts(): Person[] {
    const all = this.inner.listContacts();
    for (const p of all) if (p.resourceName) this.listed.set(String(p.resourceName), p);
    return all;
  }

  listUserGroups(): ReturnType<PeopleDirectory['listUserGroups']> {
    const groups = this.inner.listUserGroups();
    for (const g of groups) this.groups.set(g.resourceName, g.name);
    return groups;
  }

  createGroup(name: string): string {
    const resourceName = this.inner.createGroup(name);
    this.groups.set(resourceName, name);
    return resourceName;
  }

  deleteGroup(resourceName: string): void {
    this.inner.deleteGroup(resourceName);
    this.groups.delete(resourceName);
    // Its contacts stay, without the label: every one the run knows in it changes.
    for (const [name, p] of new Map([...this.listed, ...this.touched]))
      if ((p.memberships ?? []).some((m) => groupOf(m) === resourceName))
        this.touch(name, { ...p, memberships: (p.memberships ?? []).filter((m) => groupOf(m) !== resourceName) });
  }

  batchCreate(persons: Person[]): Person[] {
    const created = this.inner.batchCreate(persons);
    created.forEach((c, i) => this.touch(String(c.resourceName ?? ''), { ...persons[i], ...c }));
    return created;
  }

  batchUpdate(contacts: Record<string, Person>, updateMask: string): void {
    this.inner.batchUpdate(contacts, updateMask);
    const fields = updateMask
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    for (const [resourceName, sent] of Object.entries(contacts)) {
      const next: Record<string, unknown> = { ...(this.current(resourceName) ?? {}) };
      for (const field of fields) {
        const value = (sent as Record<string, unknown>)[field];
        if (value === undefined) delete next[field];
        else next[field] = value;
      }
      this.touch(resourceName, next as Person);
    }
  }

  /** Contacts read again (an update refused for a stale etag): what the account holds now is what the run knows. */
  getContacts(resourceNames: string[]): Person[] {
    const fresh = this.inner.getContacts(resourceNames);
    for (const p of fresh) if (p.resourceName) this.listed.set(String(p.resourceName), p);
    return fresh;
  }

  batchDelete(resourceNames: string[]): void {
    this.inner.batchDelete(resourceNames);
    for (const name of resourceNames) {
      this.deleted.add(name);
      this.touched.delete(name);
    }
  }

  modifyMembers(group: string, add: string[], remove: string[]): void {
    this.inner.modifyMembers(group, add, remove);
    const membership = { contactGroupMembership: { contactGroupResourceName: group } } as Membership;
    for (const name of add) {
      const p = this.current(name);
      if (!p) continue;
      const has = (p.memberships ?? []).some((m) => groupOf(m) === group);
      this.touch(name, has ? p : { ...p, memberships: [...(p.memberships ?? []), membership] });
    }
    for (const name of remove) {
      const p = this.current(name);
      if (p) this.touch(name, { ...p, memberships: (p.memberships ?? []).filter((m) => groupOf(m) !== group) });
    }
  }
}
