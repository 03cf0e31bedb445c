// Test support for the import plan: contacts as the normaliser hands them over, and a tiny in-memory account that
// applies planned calls the way the People API would (resourceNames, etags, canonicalForm, memberships), so the
// tests can run an import, break it, resume it and undo it with plain arrays.

import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { NormalizedContact, Person } from '../../../src/core/import/types';
import {
  afterCall,
  batchPlan,
  beforeCall,
  newCheckpoint,
  personForCreate,
  type BatchOptions,
  type ContactGroupRef,
  type ImportCall,
  type ImportCheckpoint,
  type ImportPlan,
  type UndoCall,
} from '../../../src/core/import/plan';

export const phoneKey = (raw: string): string | undefined => {
  const p = parsePhoneNumberFromString(raw, 'RU');
  return p?.isValid() ? p.number : undefined;
};

export interface RowSpec {
  given?: string;
  family?: string;
  phones?: string[];
  emails?: string[];
  labels?: string[];
  person?: Person;
}

export function row(rowNumber: number, spec: RowSpec): NormalizedContact {
  const phones = spec.phones ?? [];
  const emails = spec.emails ?? [];
  const person: Person = {
    ...(spec.given || spec.family ? { names: [{ givenName: spec.given, familyName: spec.family }] } : {}),
    ...(phones.length
      ? { phoneNumbers: phones.map((value) => ({ value, canonicalForm: phoneKey(value), type: 'mobile' })) }
      : {}),
    ...(emails.length ? { emailAddresses: emails.map((value) => ({ value })) } : {}),
    ...spec.person,
  };
  return {
    rowNumber,
    person,
    labels: spec.labels ?? [],
    keys: { phones: phones.map(phoneKey).filter((k): k is string => !!k), emails: emails.map((e) => e.toLowerCase()) },
  };
}

/** An account contact as connections.list returns it (etag, metadata.sources, canonicalForm only when Google could parse). */
export function listed(resourceName: string, p: Person, etag = 'e1'): Person {
  return { resourceName, etag, metadata: { sources: [{ type: 'CONTACT', id: resourceName.slice(7), etag }] }, ...p };
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export class FakeAccount {
  persons: Person[] = [];
  groups: ContactGroupRef[] = [];
  calls: string[] = [];
  private seq = 0;
  private etagSeq = 0;

  constructor(existing: Person[] = [], groups: ContactGroupRef[] = []) {
    this.persons = clone(existing);
    this.groups = clone(groups);
    this.seq = existing.length;
  }

  /** A full listing (what the adapter reads before planning). */
  list(): Person[] {
    return clone(this.persons);
  }

  private touch(p: Person) {
    p.etag = `e${++this.etagSeq}x`;
    if (p.metadata?.sources?.[0]) p.metadata.sources[0].etag = p.etag;
  }

  private find(rn: string): Person {
    const p = this.persons.find((x) => x.resourceName === rn);
    if (!p) throw new Error(`no ${rn}`);
    return p;
  }

  createGroup(name: string): string {
    this.calls.push('createGroup');
    if (this.groups.some((g) => g.name === name)) throw new Error('409 duplicate group');
    const resourceName = `contactGroups/g${this.groups.length + 1}`;
    this.groups.push({ name, resourceName });
    return resourceName;
  }

  batchCreate(persons: Person[]): string[] {
    this.calls.push('batchCreate');
    if (persons.length > 200) throw new Error('too many');
    return persons.map((p) => {
      const rn = `people/c${++this.seq}`;
      const stored = listed(rn, clone(p));
      // Google derives canonicalForm itself.
      stored.phoneNumbers = stored.phoneNumbers?.map((ph) => ({ ...ph, canonicalForm: phoneKey(String(ph.value)) }));
      stored.memberships = [
        { contactGroupMembership: { contactGroupResourceName: 'contactGroups/myContacts' } },
        ...(p.memberships ?? []),
      ];
      this.touch(stored);
      this.persons.push(stored);
      return rn;
    });
  }

  batchUpdate(contacts: Record<string, Person>, updateMask: string): void {
    this.calls.push('batchUpdate');
    if (Object.keys(contacts).length > 200) throw new Error('too many');
    for (const [rn, p] of Object.entries(contacts)) {
      const cur = this.find(rn);
      if (p.etag !== cur.etag) throw new Error(`failedPrecondition: etag mismatch for ${rn}`);
    }
    for (const [rn, p] of Object.entries(contacts)) {
      const cur = this.find(rn) as Record<string, unknown>;
      for (const f of updateMask.split(',')) {
        const v = (p as Record<string, unknown>)[f];
        if (Array.isArray(v) && v.length) cur[f] = clone(v);
        else delete cur[f];
      }
      this.touch(cur as Person);
    }
  }

  modifyMembers(group: string, add: string[], remove: string[] = []): void {
    this.calls.push('modifyMembers');
    if (add.length + remove.length > 1000) throw new Error('too many');
    for (const rn of add) {
      const p = this.find(rn);
      if (!p.memberships?.some((m) => m.contactGroupMembership?.contactGroupResourceName === group))
        p.memberships = [...(p.memberships ?? []), { contactGroupMembership: { contactGroupResourceName: group } }];
    }
    for (const rn of remove) {
      const p = this.persons.find((x) => x.resourceName === rn);
      if (p)
        p.memberships = (p.memberships ?? []).filter(
          (m) => m.contactGroupMembership?.contactGroupResourceName !== group,
        );
    }
  }

  batchDelete(resourceNames: string[]): void {
    this.calls.push('batchDelete');
    if (resourceNames.length > 500) throw new Error('too many');
    this.persons = this.persons.filter((p) => !resourceNames.includes(p.resourceName as string));
  }

  deleteGroup(resourceName: string): void {
    this.calls.push('deleteGroup');
    this.groups = this.groups.filter((g) => g.resourceName !== resourceName);
  }
}

export interface RunOptions {
  batch?: Partial<BatchOptions>;
  /** Stop before this step (a crash/timeout). */
  stopBefore?: number;
  /** The response of this step is lost: applied, but afterCall never runs and the run stops. */
  loseResponseOf?: number;
}

/** The adapter's loop, in miniature: plan → calls → checkpoint after every call. */
export function runImport(
  account: FakeAccount,
  plan: ImportPlan,
  cp: ImportCheckpoint = newCheckpoint(plan.importId),
  opts: RunOptions = {},
): { checkpoint: ImportCheckpoint; calls: ImportCall[]; finished: boolean } {
  const calls = batchPlan(plan, opts.batch);
  const createdByClientId = new Map<string, string>();
  const groupOf = (label: string) =>
    plan.labelGroups[label] ??
    cp.labelsCreated.find((g) => g.name === label)?.resourceName ??
    account.groups.find((g) => g.name === label)?.resourceName ??
    '';
  for (let i = 0; i < calls.length; i++) {
    if (opts.stopBefore === i) return { checkpoint: cp, calls, finished: false };
    const call = calls[i];
    cp = beforeCall(cp, call, phoneKey);
    let result = {};
    if (call.kind === 'createGroup') result = { groupResourceName: account.createGroup(call.name) };
    else if (call.kind === 'batchCreate') {
      const names = account.batchCreate(
        call.items.map((c) => (call.withLabels ? personForCreate(c, groupOf) : c.person)),
      );
      call.items.forEach((c, k) => createdByClientId.set(c.clientId, names[k]));
      result = { createdResourceNames: names };
    } else if (call.kind === 'batchUpdate') {
      account.batchUpdate(Object.fromEntries(call.items.map((u) => [u.resourceName, u.after])), call.updateMask);
    } else {
      const group = call.groupResourceName ?? groupOf(call.label);
      account.modifyMembers(
        group,
        call.members.map((m) => ('resourceName' in m ? m.resourceName : (createdByClientId.get(m.clientId) as string))),
      );
    }
    if (opts.loseResponseOf === i) return { checkpoint: cp, calls, finished: false };
    cp = afterCall(cp, call, result);
  }
  return { checkpoint: cp, calls, finished: true };
}

export function runUndo(account: FakeAccount, calls: UndoCall[]): void {
  for (const c of calls) {
    if (c.kind === 'batchUpdate')
      account.batchUpdate(
        Object.fromEntries(c.items.map((r) => [r.resourceName, { ...r.person, etag: r.etag }])),
        c.updateMask,
      );
    else if (c.kind === 'modifyMembers') account.modifyMembers(c.group, [], c.remove);
    else if (c.kind === 'batchDelete') account.batchDelete(c.resourceNames);
    else account.deleteGroup(c.resourceName);
  }
}
