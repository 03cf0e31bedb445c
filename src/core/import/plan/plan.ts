// The preview of an import: what will be created, updated and skipped, computed from the file and ONE listing of
// the account, before anything is written.
//
// 1. Rows are grouped transitively on their keys (E.164 phones, lower-cased e-mails) and on the account contact
//    they match: rows 3 and 7 that share a phone are one client, and so are two rows that each match the same
//    account contact through different keys (otherwise both would update it, racing on one etag).
// 2. A group folds into its first row (first row fills, later rows add phones/e-mails/labels; disagreements are
//    conflicts naming the row that lost).
// 3. If a contact created by THIS import already exists (crm.importId, found by crm.rowHash, crm.clientId or a
//    key) the group is skipped as already-imported — this is what makes a re-run or a resume create nothing twice,
//    including contacts without any phone or e-mail, and contacts whose batchCreate response was lost.
// 4. Else, matching an account contact (most shared keys wins, then listing order) → update with the merge, or
//    skip as identical when it brings nothing new; else → create.

import type { NormalizedContact, Person } from '../types';
import { existingIndex, personEmailKeys, personPhoneKeys } from './existing-index';
import {
  CRM_KEYS,
  clientDataValue,
  contentFingerprint,
  emailKey,
  isBookkeeping,
  memoPhoneKey,
  comparableText,
  phoneKeys,
  type PhoneKey,
} from './keys';
import { MERGE_FIELDS } from './fields';
import { mergePerson } from './merge';
import type {
  DuplicateGroup,
  ImportPlan,
  PlanConflict,
  PlannedCreate,
  PlannedSkip,
  PlannedUpdate,
  PlanOptions,
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

/** A row's dedupe keys, `tel:<E.164>` then `mail:<address>`, each once. */
function rowKeysOf(c: NormalizedContact, phoneKey: PhoneKey): string[] {
  // A row has a phone or two and an e-mail or two: a list is a cheaper set than a Set.
  const phones: string[] = [];
  for (const k of c.keys.phones) if (k && !phones.includes(k)) phones.push(k);
  for (const ph of c.person.phoneNumbers ?? [])
    for (const k of phoneKeys(ph, phoneKey)) if (!phones.includes(k)) phones.push(k);
  const emails: string[] = [];
  for (const e of c.keys.emails) {
    const k = emailKey(e);
    if (k && !emails.includes(k)) emails.push(k);
  }
  for (const e of c.person.emailAddresses ?? []) {
    const k = emailKey(e.value);
    if (k && !emails.includes(k)) emails.push(k);
  }
  // Built at its size: 25,000 of these live through the plan.
  const out = new Array<string>(phones.length + emails.length);
  for (let i = 0; i < phones.length; i++) out[i] = `tel:${phones[i]}`;
  for (let i = 0; i < emails.length; i++) out[phones.length + i] = `mail:${emails[i]}`;
  return out;
}

function shownKeys(ks: string[]): string {
  return ks.map((k) => k.replace(/^(tel|mail):/, '')).join(', ');
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function groupResourceNames(p: Person): Set<string> {
  return new Set(
    (p.memberships ?? [])
      .map((m) => m.contactGroupMembership?.contactGroupResourceName)
      .filter((x): x is string => !!x),
  );
}

export function planImport(contacts: NormalizedContact[], existing: Person[], options: PlanOptions): ImportPlan {
  const { importId } = options;
  const phoneKey = memoPhoneKey(options.phoneKey);
  if (!importId) throw new Error('planImport: importId is required');
  const readFields = new Set<string>(options.readFields ?? MERGE_FIELDS);
  const index = existingIndex(existing, phoneKey);

  // Labels: the group's own spelling when it exists, else the file's first spelling.
  const labelGroups: Record<string, string> = {};
  const groupByNorm = new Map<string, { name: string; resourceName: string }>();
  for (const g of options.groups ?? [])
    if (g.name && !groupByNorm.has(comparableText(g.name))) groupByNorm.set(comparableText(g.name), g);
  const fileSpelling = new Map<string, string>();
  const allLabels: string[] = [];
  // A file spells its few labels the same way on thousands of rows.
  const normalizedLabels = new Map<string, string>();
  const canonicalLabel = (raw: string): string | undefined => {
    let key = normalizedLabels.get(raw);
    if (key === undefined) {
      key = comparableText(raw);
      normalizedLabels.set(raw, key);
    }
    if (!key) return undefined;
    const group = groupByNorm.get(key);
    const name = group?.name ?? fileSpelling.get(key) ?? raw.trim();
    if (group) labelGroups[name] = group.resourceName;
    if (!fileSpelling.has(key)) {
      fileSpelling.set(key, name);
      allLabels.push(name);
    }
    return name;
  };

  const rows = contacts
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.rowNumber - b.c.rowNumber || a.i - b.i)
    .map((x) => x.c);
  const rowKeys = rows.map((c) => rowKeysOf(c, phoneKey));
  const nothingToMatch = index.byPhone.size === 0 && index.byEmail.size === 0;
  const noMatches: ReadonlyMap<string, number> = new Map();
  const matchesOf = (keys: string[]): ReadonlyMap<string, number> => {
    if (nothingToMatch) return noMatches;
    const counts = new Map<string, number>();
    for (const k of keys) {
      const hits = k.startsWith('tel:') ? index.byPhone.get(k.slice(4)) : index.byEmail.get(k.slice(5));
      for (const p of hits ?? []) counts.set(p.resourceName as string, (counts.get(p.resourceName as string) ?? 0) + 1);
    }
    return counts;
  };

  // Union-find whose root is always the group's first row.
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const owner = new Map<string, number>();
  const join = (i: number, k: string) => {
    const j = owner.get(k);
    if (j === undefined) owner.set(k, i);
    else {
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  };
  for (let i = 0; i < rows.length; i++) {
    for (const k of rowKeys[i]) join(i, k);
    if (!nothingToMatch) for (const rn of matchesOf(rowKeys[i]).keys()) join(i, `res:${rn}`);
  }
  const groups = new Map<number, number[]>();
  rows.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });

  const creates: PlannedCreate[] = [];
  const updates: PlannedUpdate[] = [];
  const skips: PlannedSkip[] = [];
  const duplicates: DuplicateGroup[] = [];
  const labelOrder: string[] = [];
  const claimed = new Set<string>();
  const useLabel = (l: string) => !labelGroups[l] && !labelOrder.includes(l) && labelOrder.push(l);

  // Our client id first (stable for the same file), then the content fingerprint (a contact without keys), then
  // the keys; a contact claimed by one group is not found again by another with the same content.
  const isOwn = (p: Person | undefined): p is Person =>
    !!p && clientDataValue(p, CRM_KEYS.importId) === importId && !claimed.has(p.resourceName as string);
  const sharesKeys = (p: Person, keys: string[]) => {
    const theirs = [
      ...personPhoneKeys(p, phoneKey).map((k) => `tel:${k}`),
      ...personEmailKeys(p).map((k) => `mail:${k}`),
    ];
    return !theirs.length || !keys.length || theirs.some((k) => keys.includes(k));
  };
  const foldedSkips = (members: number[], resourceName?: string): PlannedSkip[] =>
    members.length === 1
      ? []
      : members.slice(1).map((i): PlannedSkip => ({
          rowNumber: rows[i].rowNumber,
          reason: 'duplicate-in-file',
          sameAsRow: rows[members[0]].rowNumber,
          ...(resourceName ? { resourceName } : {}),
        }));

  for (const members of [...groups.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1])) {
    const first = rows[members[0]];
    const rowNumbers = members.map((i) => rows[i].rowNumber);
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
        const l = canonicalLabel(raw);
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
    const clientId = clientIdFor(importId, first.rowNumber);
    const rowHash = contentFingerprint(person, phoneKey);
    const matches = matchesOf(keys);
    const own =
      index.byClientId.get(clientId)?.find((p) => isOwn(p) && sharesKeys(p, keys)) ??
      index.byImportHash.get(`${importId} ${rowHash}`)?.find(isOwn) ??
      (matches.size ? [...matches.keys()].map((rn) => index.byResourceName.get(rn)).find(isOwn) : undefined);
    if (own) claimed.add(own.resourceName as string);
    const inFileKeys = single ? [] : keys.filter((k) => (keyCount.get(k) ?? 0) > 1);

    if (own) {
      const rn = own.resourceName as string;
      const inGroups = groupResourceNames(own);
      const missingLabels = labels.filter((l) => !(labelGroups[l] && inGroups.has(labelGroups[l])));
      missingLabels.forEach(useLabel);
      skips.push(
        {
          rowNumber: first.rowNumber,
          reason: 'already-imported',
          resourceName: rn,
          ...(missingLabels.length ? { missingLabels } : {}),
        },
        ...foldedSkips(members, rn),
      );
      if (members.length > 1) duplicates.push({ rowNumbers, key: shownKeys(inFileKeys) });
      continue;
    }

    const ranked = [...matches.entries()].sort(
      (a, b) => b[1] - a[1] || (index.position.get(a[0]) ?? 0) - (index.position.get(b[0]) ?? 0),
    );
    const target = ranked.length ? index.byResourceName.get(ranked[0][0]) : undefined;
    if (!target) {
      const data = [
        ...(person.clientData ?? []),
        { key: CRM_KEYS.importId, value: importId },
        { key: CRM_KEYS.clientId, value: clientId },
        { key: CRM_KEYS.rowHash, value: rowHash },
      ];
      labels.forEach(useLabel);
      // `person` is this group's own object (made by incomingPerson or mergePerson above): no copy needed.
      person.clientData = data;
      // labels at its own size (push leaves room for 16 more): the plan keeps 25,000 of them.
      creates.push({ clientId, rowNumbers, person, labels: labels.slice(), conflicts });
      skips.push(...foldedSkips(members));
      if (members.length > 1) duplicates.push({ rowNumbers, key: shownKeys(inFileKeys) });
      continue;
    }

    const rn = target.resourceName as string;
    const targetKeys = new Set([
      ...personPhoneKeys(target, phoneKey).map((k) => `tel:${k}`),
      ...personEmailKeys(target).map((k) => `mail:${k}`),
    ]);
    duplicates.push({
      rowNumbers,
      key: shownKeys(keys.filter((k) => targetKeys.has(k) || inFileKeys.includes(k))),
      resourceName: rn,
      ...(ranked.length > 1 ? { otherResourceNames: ranked.slice(1).map((r) => r[0]) } : {}),
    });
    const m = mergePerson(target, person, { phoneKey, fields: readFields });
    const allConflicts = [
      ...conflicts,
      ...m.conflicts.map((c) => ({ ...c, rowNumber: origin[c.field] ?? first.rowNumber })),
    ];
    const inGroups = groupResourceNames(target);
    const addedLabels = labels.filter((l) => !(labelGroups[l] && inGroups.has(labelGroups[l])));
    if (!m.changed.length && !addedLabels.length) {
      skips.push(
        {
          rowNumber: first.rowNumber,
          reason: 'identical',
          resourceName: rn,
          ...(allConflicts.length ? { conflicts: allConflicts } : {}),
        },
        ...foldedSkips(members, rn),
      );
      continue;
    }
    addedLabels.forEach(useLabel);
    const before: Record<string, unknown> = {};
    for (const f of m.changed) before[f] = clone((target as Record<string, unknown>)[f]) ?? [];
    updates.push({
      resourceName: rn,
      etag: String(target.etag ?? ''),
      rowNumbers,
      before: before as Person,
      after: m.person,
      updatePersonFields: m.changed.join(','),
      addedLabels,
      conflicts: allConflicts,
    });
    skips.push(...foldedSkips(members, rn));
  }

  skips.sort((a, b) => a.rowNumber - b.rowNumber);
  return { importId, creates, updates, skips, duplicates, labelsToCreate: labelOrder, labels: allLabels, labelGroups };
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
