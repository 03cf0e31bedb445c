// Turns a plan into People API calls, as few as the documented limits allow (platform.md §2):
// batchCreateContacts ≤ 200, batchUpdateContacts ≤ 200, contactGroups.members.modify ≤ 1000 (add + remove),
// contactGroups.create one group per call (there is no batch create for groups), connections.list ≤ 1000 a page.
//
// Order: groups first (members need them), then creates, then updates, then memberships label by label.
// batchUpdateContacts takes ONE updateMask for the whole request, "all specified fields will be replaced, or
// cleared if left empty for each person": a batch's mask is the union of its items' fields, which is safe because
// every `after` is the whole listed contact (and planImport never merges a field the listing did not read).
// Each returned step is exactly one call, so `doneBatches` in the checkpoint counts steps.

import type { Person } from '../types';
import { orderFields } from './merge';
import type { BatchOptions, ImportCall, ImportPlan, MemberRef, PlannedCreate, PlannedUpdate } from './types';

export const PEOPLE_LIMITS = { create: 200, update: 200, members: 1000, delete: 500, listPage: 1000 } as const;

const DEFAULTS: BatchOptions = {
  create: PEOPLE_LIMITS.create,
  update: PEOPLE_LIMITS.update,
  members: PEOPLE_LIMITS.members,
  labelsOnCreate: false,
};

function chunks<T>(xs: T[], size: number): T[][] {
  if (!(size >= 1)) throw new Error(`batch size must be at least 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Who joins which label: new contacts by clientId (unless their labels ride on batchCreate), existing ones by
 *  resourceName (updates' added labels, and already-imported contacts an interrupted run did not label). */
export function labelMembers(plan: ImportPlan, labelsOnCreate = false): Array<{ label: string; members: MemberRef[] }> {
  const byLabel = new Map<string, MemberRef[]>();
  const add = (label: string, ref: MemberRef) => {
    const list = byLabel.get(label);
    if (list) list.push(ref);
    else byLabel.set(label, [ref]);
  };
  if (!labelsOnCreate) for (const c of plan.creates) for (const l of c.labels) add(l, { clientId: c.clientId });
  for (const u of plan.updates) for (const l of u.addedLabels) add(l, { resourceName: u.resourceName });
  for (const s of plan.skips) for (const l of s.missingLabels ?? []) add(l, { resourceName: s.resourceName as string });
  const order = [...plan.labels, ...plan.labelsToCreate];
  return [...byLabel.entries()]
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([label, members]) => ({ label, members }));
}

/** One batchUpdateContacts mask for its items: the union of their changed fields. */
export function updateMaskOf(items: readonly PlannedUpdate[]): string {
  return orderFields(items.flatMap((u) => u.updatePersonFields.split(',').filter(Boolean))).join(',');
}

export function batchPlan(plan: ImportPlan, options: Partial<BatchOptions> = {}): ImportCall[] {
  const o = { ...DEFAULTS, ...options };
  if (o.create > PEOPLE_LIMITS.create || o.update > PEOPLE_LIMITS.update || o.members > PEOPLE_LIMITS.members)
    throw new Error('batch sizes above the People API limits');
  const calls: ImportCall[] = plan.labelsToCreate.map((name) => ({ kind: 'createGroup', name }));
  for (const items of chunks(plan.creates, o.create))
    calls.push({ kind: 'batchCreate', items, withLabels: o.labelsOnCreate });
  const writes = plan.updates.filter((u) => u.updatePersonFields);
  for (const items of chunks(writes, o.update)) {
    calls.push({ kind: 'batchUpdate', items, updateMask: updateMaskOf(items) });
  }
  for (const { label, members } of labelMembers(plan, o.labelsOnCreate)) {
    for (const part of chunks(members, o.members)) {
      calls.push({
        kind: 'modifyMembers',
        label,
        ...(plan.labelGroups[label] ? { groupResourceName: plan.labelGroups[label] } : {}),
        members: part,
        count: part.length,
      });
    }
  }
  return calls;
}

/** The person to send in batchCreate when labels ride on it; `groupOf` maps a label to its group's resourceName
 *  (a label without a group yet is left out). */
export function personForCreate(c: PlannedCreate, groupOf: (label: string) => string | undefined): Person {
  const groups = c.labels.map(groupOf).filter((g): g is string => !!g);
  if (!groups.length) return c.person;
  return {
    ...c.person,
    memberships: groups.map((group) => ({ contactGroupMembership: { contactGroupResourceName: group } })),
  };
}

export interface CallBudget {
  /** connections.list pages: one per 1000 existing contacts, at least one. */
  listing: number;
  /** contactGroups.list: one page (1000 groups) when the file uses labels at all. */
  groupListing: number;
  createGroups: number;
  creates: number;
  updates: number;
  members: number;
  total: number;
}

export function callBudget(
  plan: ImportPlan,
  existingCount: number,
  options: { labelsOnCreate?: boolean } = {},
): CallBudget {
  const listing = Math.max(1, Math.ceil(existingCount / PEOPLE_LIMITS.listPage));
  const groupListing = plan.labels.length ? 1 : 0;
  const createGroups = plan.labelsToCreate.length;
  const creates = Math.ceil(plan.creates.length / PEOPLE_LIMITS.create);
  const updates = Math.ceil(plan.updates.filter((u) => u.updatePersonFields).length / PEOPLE_LIMITS.update);
  const members = labelMembers(plan, options.labelsOnCreate).reduce(
    (n, l) => n + Math.ceil(l.members.length / PEOPLE_LIMITS.members),
    0,
  );
  return {
    listing,
    groupListing,
    createGroups,
    creates,
    updates,
    members,
    total: listing + groupListing + createGroups + creates + updates + members,
  };
}

/** The fewest People API calls this import can be done in (listings included). */
export function minimumCalls(
  plan: ImportPlan,
  existingCount: number,
  options: { labelsOnCreate?: boolean } = {},
): number {
  return callBudget(plan, existingCount, options).total;
}

export function planCounts(plan: ImportPlan): {
  created: number;
  updated: number;
  skipped: number;
  duplicates: number;
  conflicts: number;
} {
  const conflicts =
    plan.creates.reduce((n, c) => n + c.conflicts.length, 0) +
    plan.updates.reduce((n, u) => n + u.conflicts.length, 0) +
    plan.skips.reduce((n, s) => n + (s.conflicts?.length ?? 0), 0);
  return {
    created: plan.creates.length,
    updated: plan.updates.length,
    skipped: plan.skips.length,
    duplicates: plan.duplicates.length,
    conflicts,
  };
}
