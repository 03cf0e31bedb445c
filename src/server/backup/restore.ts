// A restore on Apps Script: one night's copy (or a file's contacts) brought back into the account as it is now.
// The decisions are core's (core/backup/restore-plan.ts); this is the calls, in the fewest the People and Sheets
// APIs allow: labels first (contactGroups.create, one per label), then batchCreateContacts and batchUpdateContacts
// of ≤ 200 (one updateMask per batch: the union of its items' fields, each item carrying the backed-up value of
// every masked field, so a field unchanged for one item is written as it already is), then the memberships
// (contactGroups.members.modify of ≤ 1000 names), then the Events sheet (one read, one write of the relinked
// clientId column, one append of the missing rows), then the Card index and the open-events store, rebuilt.
// Resumable without a journal of its own: a run that reaches its budget stops with paused:true, and the next run
// plans again against what now exists — a contact the first run made carries its client id (crm.clientId), so it
// is matched, not made again. What the run has done is counted in script properties (crm.restoreState).

import { familyFirstName } from '../../core/export/contact-view';
import { orderFields } from '../../core/import/plan/merge';
import type { Person as CorePerson } from '../../core/import/types';
import { groupResourceNames } from '../../core/import/plan/existing-index';
import { PEOPLE_LIMITS } from '../../core/import/plan/batches';
import { phoneKey as parsePhoneKey } from '../../core/phone';
import type { PeopleDirectory } from '../../core/ports/people';
import { isDailyQuotaError, isResumeLater } from '../../core/ports/people-errors';
import { restoreText } from './restore-messages';
import { planRestore, restoredPerson, RESTORED_FIELDS } from '../../core/backup/restore-plan';
import type { BackupContact, RestoreDecision, SheetsCopy } from '../../core/backup/types';
import { parseEventDate } from '../../core/events';
import { findTable } from '../../core/events/table';
import { template } from '../../core/sheets/templates';
import type { CellValue } from '../../core/sheets/cell-text';
import type { RestoreInput, RestoreResult } from '../../shared/backup-dto';
import { scriptClock } from '../clock';
import { rebuildClientIndex } from '../card-index/client-index';
import { OfficeContext } from '../events/office';
import { eventsTable } from '../events/sheet';
import { withQuotaDeadline } from '../people/gateway';

/** Stop starting calls after this long: room under Apps Script's 6-minute limit for the call under way. */
const RUN_BUDGET_MS = 4.5 * 60 * 1000;
const QUOTA_WAIT_DEADLINE_MS = 5.5 * 60 * 1000;
const SAMPLES = 10;
export const RESTORE_STATE = 'crm.restoreState';

/** What a restore's listing reads (RestoreDeps.directory.listContacts): every field it compares, and the labels. */
export const RESTORE_LIST_FIELDS = [...RESTORED_FIELDS, 'memberships', 'metadata'].join(',');

/** What a restore brings back: a night's contacts and, for a night, its copy of the CRM sheets. */
export interface RestoreSource {
  night: string;
  contacts: BackupContact[];
  sheets?: SheetsCopy;
}

export interface RestoreDeps {
  /** Where the writes go: the journalling directory (source 'restore'). */
  directory: PeopleDirectory;
  office?: OfficeContext;
  /** Epoch ms this execution started (the budget counts from it). */
  startedAt?: number;
  /** How long this execution may go on starting calls (tests make it short); ~4.5 minutes by default. */
  budgetMs?: number;
}

interface RestoreState {
  night: string;
  executions: number;
}

type Update = Extract<RestoreDecision, { action: 'update' }>;

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

class OutOfTime extends Error {}

export function restoreFrom(source: RestoreSource, input: RestoreInput, deps: RestoreDeps): RestoreResult {
  const startedAt = deps.startedAt ?? scriptClock.now();
  const office = deps.office ?? new OfficeContext();
  const region = office.settings.get('defaultCountry');
  const phoneKey = (raw: string) => parsePhoneKey(raw, region);
  const only = input.only ? new Set(input.only) : undefined;
  const backup = only ? source.contacts.filter((c) => only.has(String(c.person.resourceName))) : source.contacts;

  const current = deps.directory.listContacts();
  const groups = deps.directory.listUserGroups();
  const groupByName = new Map(groups.map((g) => [g.name, g.resourceName]));
  const nameOfGroup = new Map(groups.map((g) => [g.resourceName, g.name]));
  const labelsOf = new Map<string, string[]>();
  for (const p of current)
    labelsOf.set(
      String(p.resourceName),
      [...groupResourceNames(p)].map((g) => nameOfGroup.get(g)).filter((n): n is string => !!n),
    );
  const plan = planRestore(backup, current, labelsOf, phoneKey, groupByName.keys());
  const result: RestoreResult = {
    night: source.night,
    preview: input.preview,
    ...plan.counts,
    eventsRelinked: 0,
    eventsRestored: 0,
    labelsCreated: input.preview ? plan.labelsToCreate : [],
    samples: samples(plan.decisions),
    paused: false,
    problems: [],
  };
  const relink = { ...plan.relink };
  const events = eventsPlan(source, office, relink, only);
  if (input.preview) {
    result.eventsRelinked = events.relinkCount(relink, plan.decisions);
    result.eventsRestored = events.missing.length;
    return result;
  }

  const props = PropertiesService.getScriptProperties();
  const kept = JSON.parse(props.getProperty(RESTORE_STATE) ?? 'null') as RestoreState | null;
  const state: RestoreState = {
    night: source.night,
    executions: (kept?.night === source.night ? kept.executions : 0) + 1,
  };
  props.setProperty(RESTORE_STATE, JSON.stringify(state));
  // Checked before each write call; the first one of an execution always goes, so every run makes progress.
  const budget = deps.budgetMs ?? RUN_BUDGET_MS;
  let calls = 0;
  const budgetLeft = () => {
    if (calls++ > 0 && scriptClock.now() - startedAt > budget) throw new OutOfTime();
  };
  try {
    withQuotaDeadline(startedAt + QUOTA_WAIT_DEADLINE_MS, () => {
      const dir = deps.directory;
      for (const name of plan.labelsToCreate) {
        budgetLeft();
        groupByName.set(name, dir.createGroup(name));
        result.labelsCreated.push(name);
      }
      const adds = new Map<string, string[]>();
      const removes = new Map<string, string[]>();
      const member = (map: Map<string, string[]>, label: string, rn: string) =>
        map.set(label, [...(map.get(label) ?? []), rn]);

      const creates = plan.decisions.filter((d) => d.action === 'create').map((d) => d.backup);
      for (const part of chunks(creates, PEOPLE_LIMITS.create)) {
        budgetLeft();
        const made = dir.batchCreate(part.map((b) => restoredPerson(b)));
        part.forEach((b, i) => {
          const rn = String(made[i]?.resourceName ?? '');
          if (!rn) return;
          if (b.person.resourceName) relink[b.person.resourceName] = rn;
          for (const l of b.labels) member(adds, l, rn);
        });
      }
      const updates = plan.decisions.filter((d): d is Update => d.action === 'update');
      for (const u of updates) {
        const rn = String(u.current.resourceName);
        for (const l of u.labelsToAdd) member(adds, l, rn);
        for (const l of u.labelsToRemove) member(removes, l, rn);
      }
      for (const part of chunks(
        updates.filter((u) => u.fields.length),
        PEOPLE_LIMITS.update,
      )) {
        budgetLeft();
        const mask = orderFields(part.flatMap((u) => u.fields));
        const contacts: Record<string, CorePerson> = {};
        for (const u of part)
          contacts[String(u.current.resourceName)] = { ...restoredPerson(u.backup, mask), etag: u.current.etag };
        dir.batchUpdate(contacts, mask.join(','));
      }
      for (const label of new Set([...adds.keys(), ...removes.keys()])) {
        const group = groupByName.get(label);
        if (!group) continue;
        const all = [
          ...(adds.get(label) ?? []).map((rn) => ['add', rn] as const),
          ...(removes.get(label) ?? []).map((rn) => ['remove', rn] as const),
        ];
        for (const part of chunks(all, PEOPLE_LIMITS.members)) {
          budgetLeft();
          dir.modifyMembers(
            group,
            part.filter((x) => x[0] === 'add').map((x) => x[1]),
            part.filter((x) => x[0] === 'remove').map((x) => x[1]),
          );
        }
      }
      budgetLeft();
      const written = events.write(relink);
      result.eventsRelinked = written.relinked;
      result.eventsRestored = written.restored;
    });
  } catch (e) {
    // Out of this execution's time, or a People quota that is not waited out here (the daily limit on contacts
    // created — 1,000 a day for a consumer account — or a per-minute one past the budget): stop cleanly; the next
    // run plans again against what now exists.
    const daily = isDailyQuotaError(e);
    if (!(e instanceof OutOfTime) && !daily && !isResumeLater(e)) throw e;
    result.paused = true;
    if (daily) result.problems.push(restoreText(office.locale, 'dailyQuota'));
    return result;
  }
  props.deleteProperty(RESTORE_STATE);
  // The Gmail card and the sidebars see the restored contacts and events: the index and the open-events store are
  // rebuilt from the account and the sheet (one listing, one Events read).
  rebuildClientIndex();
  return result;
}

function samples(decisions: RestoreDecision[]): RestoreResult['samples'] {
  const rank = { create: 0, update: 1, unchanged: 2 } as const;
  return [...decisions]
    .sort((a, b) => rank[a.action] - rank[b.action])
    .slice(0, SAMPLES)
    .map((d) => ({
      client: familyFirstName(d.backup.person),
      action: d.action,
      fields: d.action === 'update' ? d.fields : [],
    }));
}

const EVENTS = template('events');
const DATE_KEYS = EVENTS.columns.filter((c) => c.type === 'datetime').map((c) => c.key);

/** The Events sheet's part of a restore: rows missing by id, and every client id pointing at the contact now. */
function eventsPlan(source: RestoreSource, office: OfficeContext, relink: Record<string, string>, only?: Set<string>) {
  const copy = source.sheets?.sheets.events;
  const table = eventsTable(office, { read: true });
  const values = table.values();
  const ids = new Set<string>();
  const rows = table.rows();
  for (const r of rows) if (r.values.id) ids.add(String(r.values.id));
  const missing: Record<string, CellValue>[] = [];
  const found = copy ? findTable(copy, EVENTS) : undefined;
  if (copy && found) {
    for (let i = found.headerIndex + 1; i < copy.length; i++) {
      const record: Record<string, CellValue> = {};
      let filled = false;
      for (const [key, at] of Object.entries(found.columns)) {
        if (at < 0) continue;
        let v = copy[i][at] as CellValue;
        if (v === null || v === undefined) v = '';
        if (v !== '') filled = true;
        if (DATE_KEYS.includes(key) && v !== '') v = parseEventDate(v, source.sheets!.timeZone)?.at ?? v;
        record[key] = v;
      }
      const id = String(record.id ?? '');
      if (!filled) continue;
      if (only && !only.has(String(record.clientId ?? ''))) continue;
      // A row with no id can only be told apart by its content: it is brought back only into an empty sheet.
      if (id ? ids.has(id) : rows.length > 0) continue;
      if (id) ids.add(id);
      missing.push(record);
    }
  }
  const clientColumn = table.columns.clientId ?? -1;
  const first = table.headerRow + 1;
  return {
    missing,
    /** What the preview can say: rows of the sheet and of the copy whose contact moves (created ones included). */
    relinkCount(map: Record<string, string>, decisions: RestoreDecision[]): number {
      const moving = new Set(
        decisions.filter((d) => d.action === 'create').map((d) => String(d.backup.person.resourceName)),
      );
      for (const [from, to] of Object.entries(map)) if (from !== to) moving.add(from);
      const at = (v: unknown) => moving.has(String(v ?? ''));
      return rows.filter((r) => at(r.values.clientId)).length + missing.filter((r) => at(r.clientId)).length;
    },
    /** One write of the clientId column (when any moved) and one append. */
    write(map: Record<string, string>): { relinked: number; restored: number } {
      let relinked = 0;
      if (clientColumn >= 0 && values.length >= first) {
        const cells: Array<{ rowNumber: number; value: CellValue }> = [];
        let changed = false;
        for (let n = first; n <= values.length; n++) {
          const v = String(values[n - 1]?.[clientColumn] ?? '');
          const to = map[v];
          if (to && to !== v) {
            changed = true;
            relinked++;
          }
          cells.push({ rowNumber: n, value: to ?? v });
        }
        if (changed) table.updateColumn('clientId', cells);
      }
      for (const r of missing) {
        const to = map[String(r.clientId ?? '')];
        if (to && to !== r.clientId) {
          r.clientId = to;
          relinked++;
        }
      }
      table.append(missing);
      return { relinked, restored: missing.length };
    },
  };
}
