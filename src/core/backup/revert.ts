// Undoing one journalled change (journal.ts): what to write so the contact is as it was before that change — or why
// not. A change is undone only while the contact still holds what that change wrote: if someone changed those fields
// again since, the revert is refused and says so, never overwriting their edit silently.

import { keepingCrmLine } from '../clients/crm-line';
import type { Person } from '../import/types';
import { canonicalField, LABELS_FIELD } from './journal';
import type { ContactChange } from './types';

export type RevertRefusal = 'changed-since' | 'already-reverted' | 'gone';

export type RevertPlan =
  | {
      kind: 'update';
      /** The fields' previous values over the current etag; a field absent here is cleared by the mask. */
      person: Person;
      updatePersonFields: string;
      /** Label names to put back and to take off again (the change touched labels too). */
      add: string[];
      remove: string[];
    }
  | { kind: 'delete' }
  | { kind: 'recreate'; person: Person; labels: string[] }
  | { kind: 'labels'; add: string[]; remove: string[] }
  | { kind: 'refused'; reason: RevertRefusal };

const refused = (reason: RevertRefusal): RevertPlan => ({ kind: 'refused', reason });

/** The labels the change added and removed. */
function labelDelta(change: ContactChange): { added: string[]; removed: string[] } {
  const before = new Set(change.before?.labels ?? []);
  const after = new Set(change.after?.labels ?? []);
  return { added: [...after].filter((l) => !before.has(l)), removed: [...before].filter((l) => !after.has(l)) };
}

/** The contact still holds what the change wrote: its fields canonically, the labels it added and not those it took. */
function stillAsWritten(change: ContactChange, current: Person, currentLabels: string[] | undefined): boolean {
  const now = current as Record<string, unknown>;
  const wrote = (change.after?.person ?? {}) as Record<string, unknown>;
  for (const f of change.fields) {
    if (f === LABELS_FIELD) continue;
    if (canonicalField(f, now[f]) !== canonicalField(f, wrote[f])) return false;
  }
  if (change.fields.includes(LABELS_FIELD)) {
    const have = new Set(currentLabels ?? []);
    const { added, removed } = labelDelta(change);
    if (added.some((l) => !have.has(l)) || removed.some((l) => have.has(l))) return false;
  }
  return true;
}

/**
 * What undoing `change` takes, given the contact as it is now (undefined: deleted) and its label names. `reverted`:
 * a later change already undid it (the journal knows; the plan cannot).
 */
export function planRevert(
  change: ContactChange,
  current: Person | undefined,
  currentLabels: string[] | undefined,
  reverted = false,
): RevertPlan {
  if (reverted) return refused('already-reverted');
  switch (change.action) {
    case 'deleted':
      // Brought back already (a restore, or this revert run before its journal row was read).
      if (current) return refused('already-reverted');
      return { kind: 'recreate', person: { ...(change.before?.person ?? {}) }, labels: change.before?.labels ?? [] };
    case 'created':
      if (!current) return refused('gone');
      return stillAsWritten(change, current, currentLabels) ? { kind: 'delete' } : refused('changed-since');
    case 'labels': {
      if (!current) return refused('gone');
      if (!stillAsWritten(change, current, currentLabels)) return refused('changed-since');
      const { added, removed } = labelDelta(change);
      return { kind: 'labels', add: removed, remove: added };
    }
    case 'updated': {
      if (!current) return refused('gone');
      if (!stillAsWritten(change, current, currentLabels)) return refused('changed-since');
      const fields = change.fields.filter((f) => f !== LABELS_FIELD);
      const was = (change.before?.person ?? {}) as Record<string, unknown>;
      const person: Record<string, unknown> = { resourceName: current.resourceName, etag: current.etag };
      for (const f of fields) if (was[f] !== undefined) person[f] = was[f];
      // Putting the staff's old note back keeps the CRM line the contact carries now.
      if (fields.includes('biographies')) {
        const kept = keepingCrmLine(was.biographies, current.biographies);
        if (kept) person.biographies = kept;
      }
      const { added, removed } = labelDelta(change);
      return {
        kind: 'update',
        person: person as Person,
        updatePersonFields: fields.join(','),
        add: removed,
        remove: added,
      };
    }
  }
}
