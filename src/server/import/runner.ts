// Preview and write an import. Both start from the same reads — the staged contacts (one sheet read), the account's
// contacts (one listing, 1000 a page) and its labels — and the same pure plan (src/core/import/plan), so what the
// preview shows is what gets written.
//
// Writing follows the plan's protocol (src/core/import/plan/checkpoint.ts): labels first (no batch create for
// groups), new contacts 200 a call with their labels as memberships in the same call, updates 200 a call, then the
// label additions of existing contacts 1000 a call. Before each call what undo would need is appended to the Import
// log (write-ahead), after it what it created. A run cut short (the 6-minute limit, a fault) resumes by listing the
// account again and re-planning: the plan skips everything this import already created, even a batch whose
// response was lost.

import { familyFirstName } from '../../core/export/contact-view';
import { phoneKey as parsePhoneKey } from '../../core/phone';
import {
  batchPlan,
  callBudget,
  planCounts,
  planImport,
  ImportCall,
  ImportPlan,
  updateRecords,
} from '../../core/import/plan';
import type { ImportProblem, NormalizedContact, Person } from '../../core/import/types';
import type { ImportPreview, ImportProgress, PreviewEntry } from '../../shared/import-dto';
import {
  batchCreate,
  batchUpdate,
  createGroup,
  listAllContacts,
  listUserGroups,
  modifyMembers,
} from '../people/gateway';
import { readSettings } from '../sheets/settings';
import { findRecord, LogEntry, readLog, updateRecord, writeLog } from './journal';
import { stagedContacts } from './staging';

/** Stop starting calls after this long, leaving room under Apps Script's 6-minute limit for the last one. */
const RUN_BUDGET_MS = 5 * 60 * 1000;
const PREVIEW_LIST_LIMIT = 500;
const LABELS_ON_CREATE = true;

interface Loaded {
  contacts: NormalizedContact[];
  existing: Person[];
  plan: ImportPlan;
  phoneKey: (raw: string) => string | undefined;
}

function load(importId: string): Loaded {
  const contacts = stagedContacts(importId);
  if (!contacts.length) throw new Error(`Import ${importId} has nothing staged: read the file again.`);
  const region = readSettings().get('defaultCountry');
  // Stored numbers written the national way ("8 912 …") match the file's +7 numbers under the office's country.
  const phoneKey = (raw: string) => parsePhoneKey(raw, region);
  const existing = listAllContacts();
  const groups = listUserGroups().map((g) => ({ name: String(g.name), resourceName: String(g.resourceName) }));
  const plan = planImport(contacts, existing, { importId, phoneKey, groups });
  return { contacts, existing, plan, phoneKey };
}

function displayName(p: Person | undefined): string {
  if (!p) return '';
  return familyFirstName(p) || p.emailAddresses?.[0]?.value || p.phoneNumbers?.[0]?.value || '';
}

export function previewImport(importId: string): ImportPreview {
  const { existing, plan } = load(importId);
  const counts = planCounts(plan);
  const problems = readLog(importId).filter((e) => e.action === 'problem').length;
  const cut = <T>(list: T[]) => list.slice(0, PREVIEW_LIST_LIMIT);
  const budget = callBudget(plan, existing.length, { labelsOnCreate: LABELS_ON_CREATE });
  return {
    importId,
    counts: { ...counts, errors: problems },
    creates: cut(plan.creates).map((c): PreviewEntry => ({
      rows: c.rowNumbers,
      name: displayName(c.person),
      labels: c.labels,
    })),
    updates: cut(plan.updates).map((u): PreviewEntry => ({
      rows: u.rowNumbers,
      name: displayName(u.after),
      resourceName: u.resourceName,
      fields: u.updatePersonFields.split(',').filter(Boolean),
      conflicts: u.conflicts.map((c) => ({
        field: String(c.field),
        existing: String(c.existing),
        incoming: String(c.incoming),
      })),
      labels: u.addedLabels,
    })),
    skips: cut(plan.skips).map((s): PreviewEntry => ({
      rows: [s.rowNumber],
      name: '',
      resourceName: s.resourceName,
      reason: s.reason,
    })),
    duplicates: cut(plan.duplicates).map((d) => ({ rows: d.rowNumbers, key: d.key, resourceName: d.resourceName })),
    labelsToCreate: plan.labelsToCreate,
    // The listing of labels is the one read beyond what the API strictly needs.
    plannedCalls: budget.total,
    minimumCalls: budget.total - budget.groupListing,
    truncatedAt: PREVIEW_LIST_LIMIT,
  };
}

function membership(group: string) {
  return { contactGroupMembership: { contactGroupResourceName: group } } as GoogleAppsScript.People.Schema.Membership;
}

/** Sends one planned call; returns the log entries to append after it. */
function send(
  importId: string,
  call: ImportCall,
  groups: Map<string, string>,
  created: Map<string, string>,
  phoneKey: (raw: string) => string | undefined,
): LogEntry[] {
  const groupOf = (label: string) => groups.get(label.toLowerCase());
  switch (call.kind) {
    case 'createGroup': {
      const resourceName = createGroup(call.name);
      groups.set(call.name.toLowerCase(), resourceName);
      return [{ importId, resourceName, action: 'group', labels: call.name }];
    }
    case 'batchCreate': {
      const persons = call.items.map((c) => {
        const ids = c.labels.map(groupOf).filter((g): g is string => !!g);
        return (
          ids.length ? { ...c.person, memberships: ids.map(membership) } : c.person
        ) as GoogleAppsScript.People.Schema.Person;
      });
      const result = batchCreate(persons);
      return result.map((p, i) => {
        created.set(call.items[i].clientId, String(p.resourceName));
        return {
          importId,
          resourceName: String(p.resourceName),
          action: 'created' as const,
          labels: call.items[i].labels.join(', '),
        };
      });
    }
    case 'batchUpdate': {
      // Write-ahead: if the response is lost, undo still knows the old values.
      writeLog(
        updateRecords(call, phoneKey).map((r) => ({
          importId,
          resourceName: r.resourceName,
          action: 'updated' as const,
          before: r,
          fields: r.updatePersonFields,
        })),
      );
      const request: Record<string, GoogleAppsScript.People.Schema.Person> = {};
      for (const u of call.items)
        request[u.resourceName] = { ...u.after, etag: u.etag } as GoogleAppsScript.People.Schema.Person;
      batchUpdate(request, call.updateMask);
      return [];
    }
    case 'modifyMembers': {
      const group = call.groupResourceName ?? groupOf(call.label);
      if (!group) throw new Error(`The label "${call.label}" has no contact group.`);
      const names = call.members
        .map((m) => ('resourceName' in m ? m.resourceName : created.get(m.clientId)))
        .filter((n): n is string => !!n);
      const existing = call.members.flatMap((m) => ('resourceName' in m ? [m.resourceName] : []));
      if (existing.length)
        writeLog([{ importId, resourceName: group, action: 'members', before: existing, labels: call.label }]);
      modifyMembers(group, names);
      return [];
    }
  }
}

export function runImport(importId: string): ImportProgress {
  const started = Date.now();
  const { table, row } = findRecord(importId);
  if (!row) throw new Error(`There is no import ${importId} in the Imports sheet.`);
  const log = readLog(importId);
  const problems = log.filter((e) => e.action === 'problem').map((e) => e.before as ImportProblem);
  const counts = {
    created: log.filter((e) => e.action === 'created').length,
    updated: new Set(log.filter((e) => e.action === 'updated').map((e) => e.resourceName)).size,
  };
  const status = String(row.values.status);
  if (status === 'done' || status === 'undone') {
    const skipped = Number(row.values.skipped) || 0;
    return {
      importId,
      status,
      total: 0,
      ...counts,
      skipped,
      errors: problems,
      batchesDone: 0,
      batchesTotal: 0,
      message: '',
    };
  }

  const { contacts, plan, phoneKey } = load(importId);
  const skipped = plan.skips.filter((s) => s.reason !== 'already-imported').length;
  // What this import created before (the account says so through clientData, even for a batch whose answer was lost
  // and so never reached the log) plus what this run creates.
  counts.created = plan.skips.filter((s) => s.reason === 'already-imported').length;
  const calls = batchPlan(plan, { labelsOnCreate: LABELS_ON_CREATE });
  const groups = new Map(Object.entries(plan.labelGroups).map(([label, g]) => [label.toLowerCase(), g]));
  for (const e of log) if (e.action === 'group' && e.labels) groups.set(e.labels.toLowerCase(), e.resourceName);
  const created = new Map<string, string>();
  let done = 0;
  const current = () => ({ ...counts, skipped, errors: problems.length });
  const report = (state: ImportProgress['status'], message = ''): ImportProgress => {
    updateRecord(table, row.rowNumber, current(), state);
    return {
      importId,
      status: state,
      total: contacts.length,
      ...counts,
      skipped,
      errors: problems,
      batchesDone: done,
      batchesTotal: calls.length,
      message,
    };
  };
  updateRecord(table, row.rowNumber, current(), 'running');
  try {
    for (const call of calls) {
      if (Date.now() - started > RUN_BUDGET_MS) return report('running');
      const entries = send(importId, call, groups, created, phoneKey);
      writeLog(entries);
      if (call.kind === 'batchCreate') counts.created += entries.length;
      if (call.kind === 'batchUpdate') counts.updated += call.items.length;
      done++;
      if (done < calls.length) updateRecord(table, row.rowNumber, current(), 'running');
    }
  } catch (e) {
    report('failed', e instanceof Error ? e.message : String(e));
    throw e;
  }
  return report('done');
}
