// What an import journals while it runs, so that an interrupted import can be finished and any import undone.
// Plain JSON; pure functions.
//
// Protocol, per step of batchPlan (the executor, core/import/execute/run.ts, follows it against the journal port):
//   journal entriesBeforeCall(…)   (write-ahead: what undo needs for updates and label adds)
//   send the call
//   journal entriesAfterCall(…)    (created resourceNames, group resourceNames)
// A store that keeps one checkpoint object folds the entries into it (withEntries; beforeCall/afterCall are both
// halves of a step on a checkpoint object), and undo reads the fold (checkpointOf).
// Resuming never trusts doneBatches to skip work: it lists again and re-plans (planImport skips what this import
// already created — even when a batchCreate response was lost, and updates already applied come out identical).
// Write-ahead matters for a lost batchUpdate response: the change may be in the account, so the before-values must
// already be stored; if it was not applied, undo sees the fields still equal to "before" and leaves them.
//
// Size (measured in test/core/import/plan-checkpoint.test.ts): about 30 bytes per created contact (its resourceName) —
// ~0.75 MB for 25,000 creates — and a few hundred bytes per updated contact (changed fields before + 16-hex
// fingerprints after). Too big for one Properties value (9 KB) or one Sheets cell (50,000 characters): the
// adapter stores the text in pieces (checkpointChunks) or one record per row.

import { fieldFingerprint, type PhoneKey } from './keys';
import type { JournalEntry } from '../../ports/journal';
import type { ContactGroupRef, ImportCall, ImportCheckpoint, UpdateRecord } from './types';

export function newCheckpoint(importId: string): ImportCheckpoint {
  return {
    version: 1,
    importId,
    doneBatches: 0,
    createdResourceNames: [],
    updated: [],
    labelsCreated: [],
    membersAdded: [],
  };
}

export function updateRecords(call: ImportCall, phoneKey: PhoneKey): UpdateRecord[] {
  if (call.kind !== 'batchUpdate') return [];
  return call.items.map((u) => {
    const after: Record<string, string> = {};
    for (const f of u.updatePersonFields.split(',').filter(Boolean))
      after[f] = fieldFingerprint(f, (u.after as Record<string, unknown>)[f], phoneKey);
    return { resourceName: u.resourceName, before: u.before, after, updatePersonFields: u.updatePersonFields };
  });
}

function groupOf(cp: ImportCheckpoint, call: Extract<ImportCall, { kind: 'modifyMembers' }>): string | undefined {
  return call.groupResourceName ?? cp.labelsCreated.find((g) => g.name === call.label)?.resourceName;
}

/** What to journal before sending a call, for undo if the call is applied and its answer lost: an update's old
 *  values, and the existing contacts a label is given to (`group`: the label's group, when it has one yet). */
export function entriesBeforeCall(
  importId: string,
  call: ImportCall,
  group: string | undefined,
  phoneKey: PhoneKey,
): JournalEntry[] {
  if (call.kind === 'batchUpdate')
    return updateRecords(call, phoneKey).map((r) => ({
      importId,
      resourceName: r.resourceName,
      action: 'updated',
      before: r,
      fields: r.updatePersonFields,
    }));
  if (call.kind === 'modifyMembers') {
    const existing = call.members.flatMap((m) => ('resourceName' in m ? [m.resourceName] : []));
    if (group && existing.length)
      return [{ importId, resourceName: group, action: 'members', before: existing, labels: call.label }];
  }
  return [];
}

export interface CallResult {
  /** batchCreate: the resourceNames returned, in request order. */
  createdResourceNames?: string[];
  /** createGroup: the new group's resourceName. */
  groupResourceName?: string;
}

/** What to journal once a call answered: the contacts and the group it created. */
export function entriesAfterCall(importId: string, call: ImportCall, result: CallResult = {}): JournalEntry[] {
  if (call.kind === 'batchCreate')
    return (result.createdResourceNames ?? []).map((resourceName, i) => ({
      importId,
      resourceName,
      action: 'created',
      labels: call.items[i]?.labels.join(', ') ?? '',
    }));
  if (call.kind === 'createGroup') {
    if (!result.groupResourceName)
      throw new Error(`afterCall: createGroup "${call.name}" needs the new group's resourceName`);
    return [{ importId, resourceName: result.groupResourceName, action: 'group', labels: call.name }];
  }
  return [];
}

/** The checkpoint with journal entries added (entries undo does not need — problems, deletes — are left out). */
export function withEntries(cp: ImportCheckpoint, entries: JournalEntry[]): ImportCheckpoint {
  const next: ImportCheckpoint = {
    ...cp,
    createdResourceNames: [...cp.createdResourceNames],
    updated: [...cp.updated],
    labelsCreated: [...cp.labelsCreated],
    membersAdded: [...cp.membersAdded],
  };
  for (const e of entries) {
    if (e.action === 'created') next.createdResourceNames.push(e.resourceName);
    else if (e.action === 'updated') next.updated.push(e.before as UpdateRecord);
    else if (e.action === 'group') next.labelsCreated.push({ name: e.labels ?? '', resourceName: e.resourceName });
    else if (e.action === 'members')
      next.membersAdded.push({ group: e.resourceName, resourceNames: e.before as string[] });
  }
  return next;
}

/** The checkpoint an import's journal adds up to (what undoPlan reads). */
export function checkpointOf(importId: string, entries: JournalEntry[]): ImportCheckpoint {
  return withEntries(newCheckpoint(importId), entries);
}

/** A checkpoint as journal entries, in the order the protocol wrote them per kind. */
export function entriesOf(cp: ImportCheckpoint): JournalEntry[] {
  const importId = cp.importId;
  return [
    ...cp.labelsCreated.map((g): JournalEntry => ({
      importId,
      resourceName: g.resourceName,
      action: 'group',
      labels: g.name,
    })),
    ...cp.createdResourceNames.map((resourceName): JournalEntry => ({ importId, resourceName, action: 'created' })),
    ...cp.updated.map((r): JournalEntry => ({
      importId,
      resourceName: r.resourceName,
      action: 'updated',
      before: r,
      fields: r.updatePersonFields,
    })),
    ...cp.membersAdded.map((m): JournalEntry => ({
      importId,
      resourceName: m.group,
      action: 'members',
      before: m.resourceNames,
    })),
  ];
}

/** Record, before sending, what undo will need if the call is applied and its answer lost. */
export function beforeCall(cp: ImportCheckpoint, call: ImportCall, phoneKey: PhoneKey): ImportCheckpoint {
  const group = call.kind === 'modifyMembers' ? groupOf(cp, call) : undefined;
  return withEntries(cp, entriesBeforeCall(cp.importId, call, group, phoneKey));
}

export function afterCall(cp: ImportCheckpoint, call: ImportCall, result: CallResult = {}): ImportCheckpoint {
  return { ...withEntries(cp, entriesAfterCall(cp.importId, call, result)), doneBatches: cp.doneBatches + 1 };
}

export function serializeCheckpoint(cp: ImportCheckpoint): string {
  return JSON.stringify(cp);
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrArr = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Reads a stored checkpoint back (text or parsed JSON); throws on anything that is not one, so a damaged store is
 *  never half-trusted. */
export function parseCheckpoint(stored: unknown): ImportCheckpoint {
  const v = isStr(stored) ? (JSON.parse(stored) as unknown) : stored;
  const bad = (what: string) => new Error(`Not an import checkpoint: ${what}`);
  if (!isObj(v)) throw bad('not an object');
  if (v.version !== 1) throw bad(`version ${String(v.version)}`);
  if (!isStr(v.importId) || !v.importId) throw bad('importId');
  if (typeof v.doneBatches !== 'number' || !(v.doneBatches >= 0)) throw bad('doneBatches');
  if (!isStrArr(v.createdResourceNames)) throw bad('createdResourceNames');
  const updated = v.updated;
  if (
    !Array.isArray(updated) ||
    !updated.every(
      (u) => isObj(u) && isStr(u.resourceName) && isObj(u.before) && isObj(u.after) && isStr(u.updatePersonFields),
    )
  )
    throw bad('updated');
  const groups = v.labelsCreated;
  if (!Array.isArray(groups) || !groups.every((g) => isObj(g) && isStr(g.name) && isStr(g.resourceName)))
    throw bad('labelsCreated');
  const members = v.membersAdded;
  if (!Array.isArray(members) || !members.every((m) => isObj(m) && isStr(m.group) && isStrArr(m.resourceNames)))
    throw bad('membersAdded');
  return {
    version: 1,
    importId: v.importId,
    doneBatches: v.doneBatches,
    createdResourceNames: v.createdResourceNames,
    updated: updated as UpdateRecord[],
    labelsCreated: groups as ContactGroupRef[],
    membersAdded: members as ImportCheckpoint['membersAdded'],
  };
}

/** The most one Google Sheets cell holds, per community references (no Google page reached; treat as UNVERIFIED). */
export const SHEET_CELL_LIMIT = 50000;

export function checkpointChunks(cp: ImportCheckpoint, maxChars = SHEET_CELL_LIMIT): string[] {
  const text = serializeCheckpoint(cp);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += maxChars) out.push(text.slice(i, i + maxChars));
  return out.length ? out : [''];
}

export function joinCheckpointChunks(chunks: string[]): ImportCheckpoint {
  return parseCheckpoint(chunks.join(''));
}
