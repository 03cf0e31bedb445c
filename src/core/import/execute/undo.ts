// Undo of an import: delete exactly the contacts it created (found by its id in clientData too, so even a create
// whose answer was lost goes), put back the fields it changed where nobody has changed them since, take existing
// contacts back out of the labels it added them to, and remove the labels it created (core/import/plan/undo.ts
// plans it from the journal and a fresh listing). The same steps serve Apps Script and `--target google`.

import type { UndoResult } from '../../../shared/import-dto';
import { checkpointOf, undoPlan, type PhoneKey, type UndoCall, type UndoWarning } from '../plan';
import type { Person } from '../types';
import { ask, journal, type ImportSteps } from './ports';

function* send(call: UndoCall): ImportSteps<void> {
  switch (call.kind) {
    case 'batchDelete':
      return yield* ask('people', 'batchDelete', call.resourceNames);
    case 'batchUpdate': {
      const request: Record<string, Person> = {};
      for (const r of call.items) request[r.resourceName] = { ...r.person, etag: r.etag };
      return yield* ask('people', 'batchUpdate', request, call.updateMask);
    }
    case 'modifyMembers':
      return yield* ask('people', 'modifyMembers', call.group, [], call.remove);
    case 'deleteGroup':
      return yield* ask('people', 'deleteGroup', call.resourceName);
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
  for (const call of plan.calls) yield* send(call);
  yield* journal([
    ...plan.deletes.map((resourceName) => ({ importId, resourceName, action: 'deleted' as const })),
    ...plan.restores.map((r) => ({
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
    restored: plan.restores.length,
    warnings: plan.warnings.map(undoWarningText),
    details: plan.warnings,
  };
}
