// Undo of one import, planned from its checkpoint and a fresh listing (personFields must include clientData,
// memberships, metadata and every field the import changed).
//
//  - Deletes every contact carrying this crm.importId, plus those the log names — so contacts whose batchCreate
//    answer was lost are removed too. A created contact someone edited since (its content no longer matches the
//    crm.rowHash it was created with) is still deleted, with a warning for the preview.
//  - Restores, per updated contact, only the fields whose current value is still exactly what the import wrote.
//    A field changed by someone since is left alone and named in a warning; a field already back to its old value
//    (an update that never got applied, or an undo run twice) needs nothing.
//  - Takes existing contacts out of the labels the import added them to, and deletes the groups it created once
//    nobody else is in them.
// Running it again after a partial undo plans only what is left.

import type { Person } from '../types';
import { PEOPLE_LIMITS } from './batches';
import { groupResourceNames } from './existing-index';
import { CRM_KEYS, clientDataValue, contentFingerprint, fieldFingerprint, memoPhoneKey, type PhoneKey } from './keys';
import { orderFields } from './merge';
import type { ContactGroupRef, ImportCheckpoint, RestoreItem, UndoCall, UndoPlan, UndoWarning } from './types';

export interface UndoOptions {
  phoneKey?: PhoneKey;
  /** The account's current groups: a created group already gone is not deleted again. */
  groups?: ContactGroupRef[];
}

/** What the log says one contact's updates changed: the first value before the import, and every value it wrote. */
interface UpdatedContact {
  before: Record<string, unknown>;
  afters: Record<string, Set<string>>;
  fields: string[];
}

function chunk<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** The listing's contacts by resource name, deleted ones left out (the first of a name listed twice wins). */
function liveContacts(current: Person[]): Map<string, Person> {
  const live = new Map<string, Person>();
  for (const p of current)
    if (p.resourceName && !p.metadata?.deleted && !live.has(p.resourceName)) live.set(p.resourceName, p);
  return live;
}

/** The contacts this import created: those carrying its crm.importId, and those the log names that still exist. */
function createdContacts(importId: string, log: ImportCheckpoint | undefined, live: Map<string, Person>): string[] {
  const found = new Set<string>();
  for (const [rn, p] of live) if (clientDataValue(p, CRM_KEYS.importId) === importId) found.add(rn);
  for (const rn of log?.createdResourceNames ?? []) if (live.has(rn)) found.add(rn);
  return [...found];
}

/** A created contact whose content no longer matches the crm.rowHash it was created with: deleted all the same. */
function editedCreations(deletes: string[], live: Map<string, Person>, phoneKey: PhoneKey): UndoWarning[] {
  const warnings: UndoWarning[] = [];
  for (const rn of deletes) {
    const p = live.get(rn) as Person;
    const hash = clientDataValue(p, CRM_KEYS.rowHash);
    if (hash && hash !== contentFingerprint(p, phoneKey))
      warnings.push({ resourceName: rn, reason: 'edited-after-import' });
  }
  return warnings;
}

// One contact may appear in several records (a resumed import re-planned an update whose answer was lost):
// the first record holds the value from before the import, any record's "after" is something it wrote.
function updatedContacts(log: ImportCheckpoint | undefined): Map<string, UpdatedContact> {
  const records = new Map<string, UpdatedContact>();
  for (const r of log?.updated ?? []) {
    const fields = r.updatePersonFields.split(',').filter(Boolean);
    const entry = records.get(r.resourceName) ?? { before: {}, afters: {}, fields: [] };
    for (const f of fields) {
      if (!(f in entry.before)) entry.before[f] = (r.before as Record<string, unknown>)[f] ?? [];
      (entry.afters[f] ??= new Set()).add(r.after[f]);
      if (!entry.fields.includes(f)) entry.fields.push(f);
    }
    records.set(r.resourceName, entry);
  }
  return records;
}

/**
 * One updated contact's restore: the fields still holding what the import wrote. A field someone changed since is
 * named in a warning; one already back to its old value needs nothing.
 */
function restoreOf(
  rn: string,
  rec: UpdatedContact,
  cur: Person,
  phoneKey: PhoneKey,
  warnings: UndoWarning[],
): RestoreItem | undefined {
  const restore: string[] = [];
  const edited: string[] = [];
  for (const f of orderFields(rec.fields)) {
    const now = fieldFingerprint(f, (cur as Record<string, unknown>)[f], phoneKey);
    if (rec.afters[f].has(now)) restore.push(f);
    else if (now !== fieldFingerprint(f, rec.before[f], phoneKey)) edited.push(f);
  }
  if (edited.length) warnings.push({ resourceName: rn, reason: 'edited-after-import', fields: edited });
  if (!restore.length) return undefined;
  const person: Record<string, unknown> = { ...cur };
  for (const f of restore) person[f] = rec.before[f];
  return {
    resourceName: rn,
    etag: String(cur.etag ?? ''),
    person: person as Person,
    updatePersonFields: restore.join(','),
  };
}

/** Restores of the updated contacts that are not being deleted; a contact gone since is a warning. */
function planRestores(
  records: Map<string, UpdatedContact>,
  live: Map<string, Person>,
  deleteSet: Set<string>,
  phoneKey: PhoneKey,
  warnings: UndoWarning[],
): RestoreItem[] {
  const restores: RestoreItem[] = [];
  for (const [rn, rec] of records) {
    if (deleteSet.has(rn)) continue;
    const cur = live.get(rn);
    if (!cur) {
      warnings.push({ resourceName: rn, reason: 'gone' });
      continue;
    }
    const restore = restoreOf(rn, rec, cur, phoneKey, warnings);
    if (restore) restores.push(restore);
  }
  return restores;
}

/** Per label, the existing contacts the import added to it that are still in it (deleted contacts need nothing). */
function membersToRemove(
  log: ImportCheckpoint | undefined,
  live: Map<string, Person>,
  deleteSet: Set<string>,
): Map<string, string[]> {
  const removeByGroup = new Map<string, string[]>();
  for (const m of log?.membersAdded ?? []) {
    for (const rn of m.resourceNames) {
      const p = live.get(rn);
      if (!p || deleteSet.has(rn) || !groupResourceNames(p).has(m.group)) continue;
      const list = removeByGroup.get(m.group) ?? [];
      if (!list.includes(rn)) list.push(rn);
      removeByGroup.set(m.group, list);
    }
  }
  return removeByGroup;
}

/** The groups the import created that still exist and will have nobody left in them once the undo is done. */
function groupsToDelete(
  log: ImportCheckpoint | undefined,
  live: Map<string, Person>,
  deleteSet: Set<string>,
  removeByGroup: Map<string, string[]>,
  groups: ContactGroupRef[] | undefined,
): string[] {
  const stillThere = groups ? new Set(groups.map((g) => g.resourceName)) : undefined;
  const staysIn = (p: Person, g: string) =>
    !deleteSet.has(p.resourceName as string) &&
    groupResourceNames(p).has(g) &&
    !(removeByGroup.get(g) ?? []).includes(p.resourceName as string);
  return (log?.labelsCreated ?? [])
    .map((g) => g.resourceName)
    .filter((g) => !stillThere || stillThere.has(g))
    .filter((g) => ![...live.values()].some((p) => staysIn(p, g)));
}

/** The People calls, in the order they run: restores, label removals, deletes, then the emptied groups. */
function undoCalls(
  restores: RestoreItem[],
  removeMembers: UndoPlan['removeMembers'],
  deletes: string[],
  deleteGroups: string[],
): UndoCall[] {
  const calls: UndoCall[] = [];
  for (const items of chunk(restores, PEOPLE_LIMITS.update)) {
    calls.push({
      kind: 'batchUpdate',
      items,
      updateMask: orderFields(items.flatMap((r) => r.updatePersonFields.split(','))).join(','),
    });
  }
  for (const { group, resourceNames } of removeMembers)
    for (const remove of chunk(resourceNames, PEOPLE_LIMITS.members))
      calls.push({ kind: 'modifyMembers', group, remove });
  for (const resourceNames of chunk(deletes, PEOPLE_LIMITS.delete)) calls.push({ kind: 'batchDelete', resourceNames });
  for (const resourceName of deleteGroups) calls.push({ kind: 'deleteGroup', resourceName });
  return calls;
}

export function undoPlan(
  importId: string,
  log: ImportCheckpoint | undefined,
  current: Person[],
  options: UndoOptions = {},
): UndoPlan {
  if (log && log.importId !== importId)
    throw new Error(`undoPlan: the checkpoint is for import ${log.importId}, not ${importId}`);
  const phoneKey: PhoneKey = memoPhoneKey(options.phoneKey ?? (() => undefined));
  const live = liveContacts(current);
  const deletes = createdContacts(importId, log, live);
  const deleteSet = new Set(deletes);
  const warnings = editedCreations(deletes, live, phoneKey);
  const restores = planRestores(updatedContacts(log), live, deleteSet, phoneKey, warnings);
  const removeByGroup = membersToRemove(log, live, deleteSet);
  const removeMembers = [...removeByGroup.entries()].map(([group, resourceNames]) => ({ group, resourceNames }));
  const deleteGroups = groupsToDelete(log, live, deleteSet, removeByGroup, options.groups);
  const calls = undoCalls(restores, removeMembers, deletes, deleteGroups);
  return { importId, deletes, restores, removeMembers, deleteGroups, warnings, calls };
}
