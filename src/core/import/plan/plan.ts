// The preview of an import: what will be created, updated and skipped, computed from the file and ONE listing of
// the account, before anything is written.
//
// 1. Rows are grouped into clients (row-groups.ts); labels get one spelling each (labels.ts).
// 2. A group folds into its first row (first row fills, later rows add phones/e-mails/labels; disagreements are
//    conflicts naming the row that lost).
// 3. If a contact created by THIS import already exists (crm.importId, found by crm.rowHash, crm.clientId or a
//    key) the group is skipped as already-imported — this is what makes a re-run or a resume create nothing twice,
//    including contacts without any phone or e-mail, and contacts whose batchCreate response was lost.
// 4. Else, matching an account contact (most shared keys wins, then listing order) → update with the merge, or
//    skip as identical when it brings nothing new; else → create.
// Planner does steps 2-4, one method a step, for one group at a time.

import type { NormalizedContact, Person } from '../types';
import {
  existingIndex,
  groupResourceNames,
  personEmailKeys,
  personPhoneKeys,
  type ExistingIndex,
} from './existing-index';
import { CRM_KEYS, clientDataValue, contentFingerprint, isBookkeeping, memoPhoneKey, type PhoneKey } from './keys';
import { MERGE_FIELDS } from './fields';
import { LabelNames } from './labels';
import { mergePerson } from './merge';
import { groupRows, matcher, rowKeysOf } from './row-groups';
import type {
  DuplicateGroup,
  ImportPlan,
  PlanConflict,
  PlannedCreate,
  PlannedSkip,
  PlannedUpdate,
  PlanMerge,
  PlanOptions,
  SkipReason,
} from './types';

export function clientIdFor(importId: string, firstRowNumber: number): string {
  return `c-${importId}-r${firstRowNumber}`;
}

const IDENTITY: ReadonlySet<string> = new Set(['resourceName', 'etag', 'metadata', 'memberships']);

/** The row's person as the file gives it, without identity or bookkeeping it must not carry into the account. */
function incomingPerson(p: Person): Person {
  const out: Record<string, unknown> = {};
  const source = p as Record<string, unknown>;
  for (const k of Object.keys(source)) if (!IDENTITY.has(k)) out[k] = source[k];
  if (p.clientData) {
    const data = p.clientData.filter((c) => !isBookkeeping(c.key));
    if (data.length) out.clientData = data;
    else delete out.clientData;
  }
  return out as Person;
}

function shownKeys(ks: string[]): string {
  return ks.map((k) => k.replace(/^(tel|mail):/, '')).join(', ');
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** The changed fields as the contact had them (absent ones as []), for undo. */
export function fieldsBefore(target: Person, changed: readonly string[]): Person {
  const before: Record<string, unknown> = {};
  for (const f of changed) before[f] = clone((target as Record<string, unknown>)[f]) ?? [];
  return before as Person;
}

/** One group of rows folded into its first row. */
interface FoldedGroup {
  /** Indexes into the sorted rows, first row first. */
  members: number[];
  first: NormalizedContact;
  rowNumbers: number[];
  person: Person;
  conflicts: PlanConflict[];
  /** Field → the row whose value filled it, for conflicts against the account. */
  origin: Record<string, number>;
  labels: string[];
  /** Every key of the group's rows, each once. */
  keys: string[];
  /** Keys two or more of the group's rows share (what made them one client). */
  inFileKeys: string[];
  clientId: string;
  rowHash: string;
}

/** Why a group of rows is one client, in the words the preview shows: the keys two of its rows share, or (rows
 *  joined only because each matches the same account contact) that contact. */
function mergeOf(group: FoldedGroup, matches: ReadonlyMap<string, number>): PlanMerge {
  const phone = group.inFileKeys.some((k) => k.startsWith('tel:'));
  const email = group.inFileKeys.some((k) => k.startsWith('mail:'));
  const shared = [...matches.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return {
    rows: group.rowNumbers,
    reason: phone && email ? 'both' : phone ? 'phone' : email ? 'email' : 'contact',
    value: phone || email ? shownKeys(group.inFileKeys) : shared,
    into: group.first.rowNumber,
  };
}

/** The plan under construction: each group of rows becomes a create, an update or skips. */
class Planner {
  readonly creates: PlannedCreate[] = [];
  readonly updates: PlannedUpdate[] = [];
  readonly skips: PlannedSkip[] = [];
  readonly duplicates: DuplicateGroup[] = [];
  readonly merges: PlanMerge[] = [];
  /** Labels with no group yet, in first-use order. */
  readonly labelsToCreate: string[] = [];
  private readonly claimed = new Set<string>();

  constructor(
    private readonly importId: string,
    private readonly phoneKey: PhoneKey,
    private readonly index: ExistingIndex,
    private readonly readFields: ReadonlySet<string>,
    private readonly labels: LabelNames,
    private readonly rows: NormalizedContact[],
    private readonly rowKeys: string[][],
    private readonly matchesOf: (keys: string[]) => ReadonlyMap<string, number>,
  ) {}

  /** Decides one group of rows. */
  plan(members: number[]): void {
    const group = this.fold(members);
    const matches = this.matchesOf(group.keys);
    if (members.length > 1) this.merges.push(mergeOf(group, matches));
    const own = this.ownContact(group, matches);
    if (own) return this.alreadyImported(group, own);
    const ranked = [...matches.entries()].sort(
      (a, b) => b[1] - a[1] || (this.index.position.get(a[0]) ?? 0) - (this.index.position.get(b[0]) ?? 0),
    );
    const target = ranked.length ? this.index.byResourceName.get(ranked[0][0]) : undefined;
    if (target) this.update(group, target, ranked);
    else this.create(group);
  }

  /** The first row fills, later rows add phones/e-mails/labels; disagreements are conflicts naming the row that lost. */
  private fold(members: number[]): FoldedGroup {
    const { rows, rowKeys, phoneKey } = this;
    const first = rows[members[0]];
    let person = incomingPerson(first.person);
    const conflicts: PlanConflict[] = [];
    const origin: Record<string, number> = {};
    const labels: string[] = [];
    const single = members.length === 1;
    // A row's own keys are already distinct: a group of one row needs no merging of key lists.
    const keys: string[] = single ? rowKeys[members[0]] : [];
    const keyCount = new Map<string, number>();
    for (const i of members) {
      for (const raw of rows[i].labels) {
        const l = this.labels.name(raw);
        if (l && !labels.includes(l)) labels.push(l);
      }
      if (single) continue;
      for (const k of rowKeys[i]) {
        keyCount.set(k, (keyCount.get(k) ?? 0) + 1);
        if (!keys.includes(k)) keys.push(k);
      }
      if (i === members[0]) continue;
      const m = mergePerson(person, incomingPerson(rows[i].person), { phoneKey });
      person = m.person;
      for (const f of m.changed) origin[f] ??= rows[i].rowNumber;
      conflicts.push(...m.conflicts.map((c) => ({ ...c, rowNumber: rows[i].rowNumber })));
    }
    return {
      members,
      first,
      rowNumbers: members.map((i) => rows[i].rowNumber),
      person,
      conflicts,
      origin,
      labels,
      keys,
      inFileKeys: single ? [] : keys.filter((k) => (keyCount.get(k) ?? 0) > 1),
      clientId: clientIdFor(this.importId, first.rowNumber),
      rowHash: contentFingerprint(person, phoneKey),
    };
  }

  /** A contact THIS import already created for the group: by our client id first (stable for the same file), then
   *  the content fingerprint (a contact without keys), then the keys; a contact claimed by one group is not found
   *  again by another with the same content. */
  private ownContact(group: FoldedGroup, matches: ReadonlyMap<string, number>): Person | undefined {
    const { index, importId } = this;
    const isOwn = (p: Person | undefined): p is Person =>
      !!p && clientDataValue(p, CRM_KEYS.importId) === importId && !this.claimed.has(p.resourceName as string);
    const own =
      index.byClientId.get(group.clientId)?.find((p) => isOwn(p) && this.sharesKeys(p, group.keys)) ??
      index.byImportHash.get(`${importId} ${group.rowHash}`)?.find(isOwn) ??
      (matches.size ? [...matches.keys()].map((rn) => index.byResourceName.get(rn)).find(isOwn) : undefined);
    if (own) this.claimed.add(own.resourceName as string);
    return own;
  }

  private sharesKeys(p: Person, keys: string[]): boolean {
    const theirs = this.keysOf(p);
    return !theirs.length || !keys.length || theirs.some((k) => keys.includes(k));
  }

  private keysOf(p: Person): string[] {
    return [...personPhoneKeys(p, this.phoneKey).map((k) => `tel:${k}`), ...personEmailKeys(p).map((k) => `mail:${k}`)];
  }

  /** Rows folded into the group's first row. */
  private foldedSkips(members: number[], resourceName?: string): PlannedSkip[] {
    if (members.length === 1) return [];
    return members.slice(1).map((i): PlannedSkip => ({
      rowNumber: this.rows[i].rowNumber,
      reason: 'duplicate-in-file',
      sameAsRow: this.rows[members[0]].rowNumber,
      ...(resourceName ? { resourceName } : {}),
    }));
  }

  /** The whole group skipped: its first row for `reason`, the rest as folded into it. */
  private skipGroup(
    group: FoldedGroup,
    reason: SkipReason,
    resourceName: string,
    details: Pick<PlannedSkip, 'missingLabels' | 'conflicts'>,
  ): void {
    this.skips.push(
      { rowNumber: group.first.rowNumber, reason, resourceName, ...details },
      ...this.foldedSkips(group.members, resourceName),
    );
  }

  private useLabel(label: string): void {
    if (!this.labels.labelGroups[label] && !this.labelsToCreate.includes(label)) this.labelsToCreate.push(label);
  }

  /** The group's labels the contact is not in yet. */
  private missingLabels(group: FoldedGroup, contact: Person): string[] {
    const inGroups = groupResourceNames(contact);
    const labelGroups = this.labels.labelGroups;
    return group.labels.filter((l) => !(labelGroups[l] && inGroups.has(labelGroups[l])));
  }

  private inFileDuplicates(group: FoldedGroup): void {
    if (group.members.length > 1)
      this.duplicates.push({ rowNumbers: group.rowNumbers, key: shownKeys(group.inFileKeys) });
  }

  /** Created by an earlier run of this import (a re-run or a resume): skipped, with the labels it still lacks. */
  private alreadyImported(group: FoldedGroup, own: Person): void {
    const rn = own.resourceName as string;
    const missingLabels = this.missingLabels(group, own);
    missingLabels.forEach((l) => this.useLabel(l));
    this.skipGroup(group, 'already-imported', rn, missingLabels.length ? { missingLabels } : {});
    this.inFileDuplicates(group);
  }

  private create(group: FoldedGroup): void {
    const { person, labels } = group;
    const data = [
      ...(person.clientData ?? []),
      { key: CRM_KEYS.importId, value: this.importId },
      { key: CRM_KEYS.clientId, value: group.clientId },
      { key: CRM_KEYS.rowHash, value: group.rowHash },
    ];
    labels.forEach((l) => this.useLabel(l));
    // `person` is this group's own object (made by incomingPerson or mergePerson in fold): no copy needed.
    person.clientData = data;
    // labels at its own size (push leaves room for 16 more): the plan keeps 25,000 of them.
    const { clientId, rowNumbers, conflicts } = group;
    this.creates.push({ clientId, rowNumbers, person, labels: labels.slice(), conflicts });
    this.skips.push(...this.foldedSkips(group.members));
    this.inFileDuplicates(group);
  }

  /** Matches an account contact: update it with the merge, or skip as identical when it brings nothing new. */
  private update(group: FoldedGroup, target: Person, ranked: Array<[string, number]>): void {
    const rn = target.resourceName as string;
    const targetKeys = new Set(this.keysOf(target));
    this.duplicates.push({
      rowNumbers: group.rowNumbers,
      key: shownKeys(group.keys.filter((k) => targetKeys.has(k) || group.inFileKeys.includes(k))),
      resourceName: rn,
      ...(ranked.length > 1 ? { otherResourceNames: ranked.slice(1).map((r) => r[0]) } : {}),
    });
    const m = mergePerson(target, group.person, { phoneKey: this.phoneKey, fields: this.readFields });
    const conflicts = [
      ...group.conflicts,
      ...m.conflicts.map((c) => ({ ...c, rowNumber: group.origin[c.field] ?? group.first.rowNumber })),
    ];
    const addedLabels = this.missingLabels(group, target);
    if (!m.changed.length && !addedLabels.length) {
      this.skipGroup(group, 'identical', rn, conflicts.length ? { conflicts } : {});
      return;
    }
    addedLabels.forEach((l) => this.useLabel(l));
    this.updates.push({
      resourceName: rn,
      etag: String(target.etag ?? ''),
      rowNumbers: group.rowNumbers,
      before: fieldsBefore(target, m.changed),
      after: m.person,
      incoming: group.person,
      updatePersonFields: m.changed.join(','),
      addedLabels,
      conflicts,
    });
    this.skips.push(...this.foldedSkips(group.members, rn));
  }
}

export function planImport(contacts: NormalizedContact[], existing: Person[], options: PlanOptions): ImportPlan {
  const { importId } = options;
  if (!importId) throw new Error('planImport: importId is required');
  const phoneKey = memoPhoneKey(options.phoneKey);
  const index = existingIndex(existing, phoneKey);
  const labels = new LabelNames(options.groups ?? []);
  const rows = contacts
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.rowNumber - b.c.rowNumber || a.i - b.i)
    .map((x) => x.c);
  const rowKeys = rows.map((c) => rowKeysOf(c, phoneKey));
  const matchesOf = matcher(index);
  const readFields = new Set<string>(options.readFields ?? MERGE_FIELDS);
  const planner = new Planner(importId, phoneKey, index, readFields, labels, rows, rowKeys, matchesOf);
  for (const members of groupRows(rowKeys, matchesOf)) planner.plan(members);
  const { creates, updates, skips, duplicates, merges, labelsToCreate } = planner;
  skips.sort((a, b) => a.rowNumber - b.rowNumber);
  return {
    importId,
    creates,
    updates,
    skips,
    duplicates,
    merges,
    labelsToCreate,
    labels: labels.all,
    labelGroups: labels.labelGroups,
  };
}

/** Rows an interrupted import already wrote (found in a fresh listing by crm.importId) and the rows still to do.
 *  planImport applies the same rule itself; this is for progress messages ("1,400 of 2,000 already in"). */
export function resumeFilter(
  contacts: NormalizedContact[],
  existing: Person[],
  options: PlanOptions,
): { pending: NormalizedContact[]; done: Array<{ rowNumber: number; resourceName: string }> } {
  const plan = planImport(contacts, existing, options);
  const doneRows = new Map<number, string>();
  for (const s of plan.skips) if (s.reason === 'already-imported') doneRows.set(s.rowNumber, s.resourceName as string);
  for (const s of plan.skips)
    if (s.reason === 'duplicate-in-file' && s.sameAsRow !== undefined && doneRows.has(s.sameAsRow))
      doneRows.set(s.rowNumber, doneRows.get(s.sameAsRow) as string);
  return {
    pending: contacts.filter((c) => !doneRows.has(c.rowNumber)),
    done: [...doneRows.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([rowNumber, resourceName]) => ({ rowNumber, resourceName })),
  };
}
