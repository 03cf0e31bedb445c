// Undo of an import: delete exactly the contacts it created (found by its id in clientData too, so even a create
// whose answer was lost goes), put back the fields it changed where nobody has changed them since, take existing
// contacts back out of the labels it added them to, and remove the labels it created (core/import/plan/undo.ts
// plans it from the journal and a fresh listing). The same steps serve Apps Script and `--target google`.

import type { UndoResult } from '../../../shared/import-dto';
import { checkpointOf, undoPlan, type PhoneKey, type RestoreItem, type UndoCall, type UndoWarning } from '../plan';
import type { Person } from '../types';
import { ask, journal, type ImportSteps } from './ports';
import { sendOrReread } from './stale-batch';

/**
 * One batch of restores. Refused for a stale etag (another client edited a contact after undo's listing; the whole
 * batch is refused), the batch's contacts are read again (one getBatchGet) and undo's own rule applies: a contact
 * changed since is left as it is, with a warning; the others are sent again. Returns the restores not sent.
 */
function* sendRestores(call: Extract<UndoCall, { kind: 'batchUpdate' }>): ImportSteps<RestoreItem[]> {
  let items = call.items;
  const skipped: RestoreItem[] = [];
  while (items.length) {
    const request: Record<string, Person> = {};
    for (const r of items) request[r.resourceName] = { ...r.person, etag: r.etag };
    const fresh = yield* sendOrReread(request, call.updateMask);
    if (!fresh) return skipped;
    const moved = items.filter((r) => fresh.get(r.resourceName)?.etag !== r.etag);
    // A refusal no changed etag explains: nothing is sent again.
    skipped.push(...(moved.length ? moved : items));
    items = moved.length ? items.filter((r) => !moved.includes(r)) : [];
  }
  return skipped;
}

function* send(call: UndoCall): ImportSteps<RestoreItem[]> {
  switch (call.kind) {
    case 'batchDelete':
      yield* ask('people', 'batchDelete', call.resourceNames);
      return [];
    case 'batchUpdate':
      return yield* sendRestores(call);
    case 'modifyMembers':
      yield* ask('people', 'modifyMembers', call.group, [], call.remove);
      return [];
    case 'deleteGroup':
      yield* ask('people', 'deleteGroup', call.resourceName);
      return [];
  }
}

/** What the office reads about a contact undo could not simply put back. */
export function undoWarningText(w: UndoWarning): string {
  if (w.reason === 'gone') return `${w.resourceName}: deleted since the import`;
  if (!w.fields?.length) return `${w.resourceName}: changed since the import; deleted, as the import created it`;
  return `${w.resourceName}: changed since the import (${w.fields.join(', ')}); left as it is`;
}

export function* undoImportSteps(importId: string, phoneKey: PhoneKey): ImportSteps<UndoResult> {
  const entries = yield* ask('journal', 'read', importId);
  const current = yield* ask('people', 'listContacts');
  const groups = yield* ask('people', 'listUserGroups');
  const plan = undoPlan(importId, checkpointOf(importId, entries), current, { phoneKey, groups });
  const notRestored: RestoreItem[] = [];
  for (const call of plan.calls) notRestored.push(...(yield* send(call)));
  const restores = plan.restores.filter((r) => !notRestored.some((n) => n.resourceName === r.resourceName));
  const warnings: UndoWarning[] = [
    ...plan.warnings,
    ...notRestored.map((r) => ({
      resourceName: r.resourceName,
      reason: 'edited-after-import' as const,
      fields: r.updatePersonFields.split(',').filter(Boolean),
    })),
  ];
  yield* journal([
    ...plan.deletes.map((resourceName) => ({ importId, resourceName, action: 'deleted' as const })),
    ...restores.map((r) => ({
      importId,
      resourceName: r.resourceName,
      action: 'restored' as const,
      fields: r.updatePersonFields,
    })),
  ]);
  yield* ask('journal', 'progress', {}, 'undone');
  yield* ask('journal', 'commit');
  return {
    importId,
    deleted: plan.deletes.length,
    restored: restores.length,
    warnings: warnings.map(undoWarningText),
    details: warnings,
  };
}
