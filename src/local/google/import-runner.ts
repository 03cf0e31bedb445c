// An import straight into a Google account from the CLI (`--target google`): the same pure plan as the server, the
// same write-ahead protocol (src/core/import/plan/checkpoint.ts), with the checkpoint kept in a local JSON file
// instead of the Import log sheet. Re-running with the same id resumes; `undo` reads the same file.

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  afterCall,
  batchPlan,
  beforeCall,
  newCheckpoint,
  parseCheckpoint,
  planImport,
  serializeCheckpoint,
  undoPlan,
  ImportCheckpoint,
} from '../../core/import/plan';
import type { NormalizedContact, Person } from '../../core/import/types';
import type { PeoplePort } from './people-port';

export interface GoogleImportResult {
  importId: string;
  created: number;
  updated: number;
  skipped: number;
}

function checkpointFile(dir: string, importId: string): string {
  if (!/^[\w.-]{1,64}$/.test(importId)) throw new Error(`"${importId}" is not an import id`);
  return path.join(dir, `${importId}.json`);
}

function load(file: string, importId: string): ImportCheckpoint {
  return fs.existsSync(file) ? parseCheckpoint(JSON.parse(fs.readFileSync(file, 'utf8'))) : newCheckpoint(importId);
}

function store(file: string, cp: ImportCheckpoint): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, serializeCheckpoint(cp));
  fs.renameSync(`${file}.tmp`, file);
}

function membership(group: string) {
  return { contactGroupMembership: { contactGroupResourceName: group } };
}

export async function importToGoogle(
  port: PeoplePort,
  contacts: NormalizedContact[],
  options: { importId: string; journalDir: string; phoneKey: (raw: string) => string | undefined },
): Promise<GoogleImportResult> {
  const { importId, phoneKey } = options;
  const file = checkpointFile(options.journalDir, importId);
  let cp = load(file, importId);
  const [existing, groups] = await Promise.all([port.listContacts(), port.listGroups()]);
  const plan = planImport(contacts, existing, { importId, phoneKey, groups });
  const groupOf = new Map(groups.map((g) => [g.name.toLowerCase(), g.resourceName]));
  const created = new Map<string, string>();
  let updated = 0;
  // Contacts this import created in an earlier run (found in the account, even if that run lost the answer).
  const before = plan.skips.filter((s) => s.reason === 'already-imported').length;
  for (const call of batchPlan(plan, { labelsOnCreate: true })) {
    cp = beforeCall(cp, call, phoneKey);
    store(file, cp);
    switch (call.kind) {
      case 'createGroup': {
        const resourceName = await port.createGroup(call.name);
        groupOf.set(call.name.toLowerCase(), resourceName);
        cp = afterCall(cp, call, { groupResourceName: resourceName });
        break;
      }
      case 'batchCreate': {
        const persons = call.items.map((c) => {
          const ids = c.labels.map((l) => groupOf.get(l.toLowerCase())).filter((g): g is string => !!g);
          return (ids.length ? { ...c.person, memberships: ids.map(membership) } : c.person) as Person;
        });
        const result = await port.batchCreate(persons);
        result.forEach((p, i) => created.set(call.items[i].clientId, String(p.resourceName)));
        cp = afterCall(cp, call, { createdResourceNames: result.map((p) => String(p.resourceName)) });
        break;
      }
      case 'batchUpdate': {
        const request: Record<string, Person> = {};
        for (const u of call.items) request[u.resourceName] = { ...u.after, etag: u.etag };
        await port.batchUpdate(request, call.updateMask);
        updated += call.items.length;
        cp = afterCall(cp, call);
        break;
      }
      case 'modifyMembers': {
        const group = call.groupResourceName ?? groupOf.get(call.label.toLowerCase());
        if (!group) throw new Error(`The label "${call.label}" has no contact group.`);
        const names = call.members
          .map((m) => ('resourceName' in m ? m.resourceName : created.get(m.clientId)))
          .filter((n): n is string => !!n);
        await port.modifyMembers(group, names, []);
        cp = afterCall(cp, call);
        break;
      }
    }
    store(file, cp);
  }
  return {
    importId,
    created: before + created.size,
    updated,
    skipped: plan.skips.filter((s) => s.reason !== 'already-imported').length,
  };
}

export async function undoOnGoogle(
  port: PeoplePort,
  options: { importId: string; journalDir: string; phoneKey: (raw: string) => string | undefined },
): Promise<{ importId: string; deleted: number; restored: number; warnings: string[] }> {
  const file = checkpointFile(options.journalDir, options.importId);
  if (!fs.existsSync(file))
    throw new Error(
      `No checkpoint for ${options.importId} in ${options.journalDir}: was it imported from this machine?`,
    );
  const cp = load(file, options.importId);
  const [current, groups] = await Promise.all([port.listContacts(), port.listGroups()]);
  const plan = undoPlan(options.importId, cp, current, { phoneKey: options.phoneKey, groups });
  for (const call of plan.calls) {
    if (call.kind === 'batchDelete') await port.batchDelete(call.resourceNames);
    else if (call.kind === 'batchUpdate') {
      const request: Record<string, Person> = {};
      for (const r of call.items) request[r.resourceName] = { ...r.person, etag: r.etag };
      await port.batchUpdate(request, call.updateMask);
    } else if (call.kind === 'modifyMembers') await port.modifyMembers(call.group, [], call.remove);
    else await port.deleteGroup(call.resourceName);
  }
  return {
    importId: options.importId,
    deleted: plan.deletes.length,
    restored: plan.restores.length,
    warnings: plan.warnings.map(
      (w) => `${w.resourceName}: ${w.reason}${w.fields?.length ? ` (${w.fields.join(', ')})` : ''}`,
    ),
  };
}
