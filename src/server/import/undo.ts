// Undo an import: delete exactly the contacts it created (found by its id in clientData too, so even a create whose
// response was lost goes), put back the fields it changed where nobody has changed them since, take existing
// contacts back out of the labels it added them to, and remove the labels it created.

import { undoPlan, ImportCheckpoint, UpdateRecord } from '../../core/import/plan';
import { phoneKey as parsePhoneKey } from '../../core/phone';
import type { UndoResult } from '../../shared/import-dto';
import { batchDelete, batchUpdate, listAllContacts, listUserGroups, modifyMembers } from '../people/gateway';
import { peopleApi } from '../people/people';
import { readSettings } from '../sheets/settings';
import { findRecord, LogEntry, readLog, updateRecord, writeLog } from './journal';

function checkpointFrom(importId: string, log: LogEntry[]): ImportCheckpoint {
  return {
    version: 1,
    importId,
    doneBatches: 0,
    createdResourceNames: log.filter((e) => e.action === 'created').map((e) => e.resourceName),
    updated: log.filter((e) => e.action === 'updated').map((e) => e.before as UpdateRecord),
    labelsCreated: log
      .filter((e) => e.action === 'group')
      .map((e) => ({ name: e.labels ?? '', resourceName: e.resourceName })),
    membersAdded: log
      .filter((e) => e.action === 'members')
      .map((e) => ({ group: e.resourceName, resourceNames: e.before as string[] })),
  };
}

export function undoImport(importId: string): UndoResult {
  const { table, row } = findRecord(importId);
  if (!row) throw new Error(`There is no import ${importId} in the Imports sheet.`);
  if (String(row.values.status) === 'undone') return { importId, deleted: 0, restored: 0, warnings: [] };
  const region = readSettings().get('defaultCountry');
  const log = readLog(importId);
  const current = listAllContacts();
  const groups = listUserGroups().map((g) => ({ name: String(g.name), resourceName: String(g.resourceName) }));
  const plan = undoPlan(importId, checkpointFrom(importId, log), current, {
    phoneKey: (raw: string) => parsePhoneKey(raw, region),
    groups,
  });
  for (const call of plan.calls) {
    switch (call.kind) {
      case 'batchDelete':
        batchDelete(call.resourceNames);
        break;
      case 'batchUpdate': {
        const request: Record<string, GoogleAppsScript.People.Schema.Person> = {};
        for (const r of call.items)
          request[r.resourceName] = { ...r.person, etag: r.etag } as GoogleAppsScript.People.Schema.Person;
        batchUpdate(request, call.updateMask);
        break;
      }
      case 'modifyMembers':
        modifyMembers(call.group, [], call.remove);
        break;
      case 'deleteGroup':
        peopleApi().ContactGroups!.remove(call.resourceName, { deleteContacts: false });
        break;
    }
  }
  writeLog([
    ...plan.deletes.map((resourceName) => ({ importId, resourceName, action: 'deleted' as const })),
    ...plan.restores.map((r) => ({
      importId,
      resourceName: r.resourceName,
      action: 'restored' as const,
      fields: r.updatePersonFields,
    })),
  ]);
  updateRecord(table, row.rowNumber, {}, 'undone');
  const warnings = plan.warnings.map((w) =>
    w.reason === 'gone'
      ? `${w.resourceName}: deleted since the import`
      : `${w.resourceName}: changed since the import${w.fields?.length ? ` (${w.fields.join(', ')})` : ''}; left as it is`,
  );
  return { importId, deleted: plan.deletes.length, restored: plan.restores.length, warnings };
}
