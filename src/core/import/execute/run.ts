// One import written to the People directory, by the plan's protocol (core/import/plan/checkpoint.ts): labels
// first (there is no batch create for groups), new contacts 200 a call with their labels as memberships in the same
// call, updates 200 a call, then the label additions of existing contacts 1000 a call. Before each call what undo
// would need goes to the journal (write-ahead), after it what the call created. A run cut short (the run budget, a
// fault, a killed process) resumes by listing the account again and re-planning: the plan skips everything this
// import already created, even a batch whose answer was lost. The same steps serve the sidebar's path (Apps Script,
// synchronous) and `--target google` (googleapis, Promises).

import type { ImportProgress, ImportStatus } from '../../../shared/import-dto';
import type { Clock } from '../../ports/clock';
import type { ImportCounts, JournalEntry } from '../../ports/journal';
import {
  AccountLimitError,
  accountRoom,
  batchPlan,
  entriesAfterCall,
  PEOPLE_LIMITS,
  entriesBeforeCall,
  personForCreate,
  planImport,
  type CallResult,
  type ImportCall,
  type ImportPlan,
  type PhoneKey,
} from '../plan';
import type { ImportProblem, NormalizedContact, Person } from '../types';
import { ask, askPeople, journal, type ImportSteps, type PeopleSteps } from './ports';

/**
 * A People quota error (429 RESOURCE_EXHAUSTED, per minute or per day) that outlasted the adapter's retries: the
 * request was refused before it was applied, so the import pauses and a later run carries on from its journal.
 * Apps Script's advanced service carries the status in `details.code`, googleapis in `code` or `response.status`.
 */
export function isQuotaError(e: unknown): boolean {
  const x = e as {
    details?: { code?: number; status?: string };
    code?: unknown;
    status?: unknown;
    response?: { status?: number };
  };
  const codes = [x?.details?.code, x?.code, x?.status, x?.response?.status].map(Number);
  return codes.includes(429) || x?.details?.status === 'RESOURCE_EXHAUSTED';
}

/** Labels ride on batchCreate as memberships: no modifyMembers call for new contacts. */
export const LABELS_ON_CREATE = true;

export interface ImportRun {
  importId: string;
  contacts: NormalizedContact[];
  phoneKey: PhoneKey;
  clock: Clock;
  /** Stop starting calls this many milliseconds after `startedAt` (a later run resumes); Infinity for no limit. */
  budgetMs: number;
  /** When the execution began (its reads before the run count against the budget too); default: now. */
  startedAt?: number;
  /**
   * Return (status `running`) after this many batches of contacts (creates, updates, label changes; the label
   * creations before them do not count): the first call of an import answers after one batch, so the sidebar shows
   * progress from the start. Default: no limit.
   */
  contactBatches?: number;
}

/** One listing of the account and its labels, and the plan against them: what the preview and the run share. */
export function* planSteps(
  importId: string,
  contacts: NormalizedContact[],
  phoneKey: PhoneKey,
): PeopleSteps<{ existing: Person[]; plan: ImportPlan }> {
  const existing = yield* askPeople('people', 'listContacts');
  const groups = yield* askPeople('people', 'listUserGroups');
  return { existing, plan: planImport(contacts, existing, { importId, phoneKey, groups }) };
}

export function journalProblems(entries: JournalEntry[]): ImportProblem[] {
  return entries.filter((e) => e.action === 'problem').map((e) => e.before as ImportProblem);
}

/** Contacts updated by earlier runs: a resumed run may update one again (its answer was lost), counted once. */
function updatedBefore(entries: JournalEntry[]): number {
  return new Set(entries.filter((e) => e.action === 'updated').map((e) => e.resourceName)).size;
}

/**
 * The batches earlier runs of this import sent, as the journal and the account say (labels created, contacts this
 * import created in batches of 200, contacts it updated in batches of 200): each run's progress then counts from the
 * import's start, so the sidebar's "batch N of M" keeps one M from the first answer to the last. A label given to
 * existing contacts by an earlier run is not counted (its batch is small and rare): M may shrink by one.
 */
function batchesBefore(plan: ImportPlan, entries: JournalEntry[]): number {
  const groups = entries.filter((e) => e.action === 'group').length;
  const created = plan.skips.filter((s) => s.reason === 'already-imported').length;
  return groups + Math.ceil(created / PEOPLE_LIMITS.create) + Math.ceil(updatedBefore(entries) / PEOPLE_LIMITS.update);
}

/** The progress of an import that is over: what its journal says it did. */
export function finishedProgress(
  importId: string,
  status: ImportStatus,
  entries: JournalEntry[],
  skipped: number,
): ImportProgress {
  return {
    importId,
    status,
    total: 0,
    created: entries.filter((e) => e.action === 'created').length,
    updated: updatedBefore(entries),
    skipped,
    errors: journalProblems(entries),
    batchesDone: 0,
    batchesTotal: 0,
    message: '',
  };
}

/** What one run learns as it goes: each label's group, each new contact's resourceName, the counts. */
class RunState {
  readonly counts: ImportCounts;
  batchesDone = 0;
  private readonly groups = new Map<string, string>();
  private readonly created = new Map<string, string>();

  constructor(plan: ImportPlan, entries: JournalEntry[]) {
    for (const [label, group] of Object.entries(plan.labelGroups)) this.groups.set(label.toLowerCase(), group);
    for (const e of entries)
      if (e.action === 'group' && e.labels) this.groups.set(e.labels.toLowerCase(), e.resourceName);
    this.counts = {
      // What this import created before (the account says so through clientData, even for a batch whose answer was
      // lost and so never reached the journal) plus what this run creates.
      created: plan.skips.filter((s) => s.reason === 'already-imported').length,
      updated: updatedBefore(entries),
      skipped: plan.skips.filter((s) => s.reason !== 'already-imported').length,
      errors: journalProblems(entries).length,
    };
  }

  groupOf(label: string): string | undefined {
    return this.groups.get(label.toLowerCase());
  }

  groupCreated(label: string, group: string): void {
    this.groups.set(label.toLowerCase(), group);
  }

  contactsCreated(call: Extract<ImportCall, { kind: 'batchCreate' }>, resourceNames: string[]): void {
    resourceNames.forEach((rn, i) => this.created.set(call.items[i].clientId, rn));
    this.counts.created += resourceNames.length;
  }

  members(call: Extract<ImportCall, { kind: 'modifyMembers' }>): string[] {
    return call.members
      .map((m) => ('resourceName' in m ? m.resourceName : this.created.get(m.clientId)))
      .filter((n): n is string => !!n);
  }
}

function modifyGroup(call: Extract<ImportCall, { kind: 'modifyMembers' }>, state: RunState): string {
  const group = call.groupResourceName ?? state.groupOf(call.label);
  if (!group) throw new Error(`The label "${call.label}" has no contact group.`);
  return group;
}

/** Sends one planned call; returns what it created. */
function* send(call: ImportCall, state: RunState): ImportSteps<CallResult> {
  switch (call.kind) {
    case 'createGroup': {
      const groupResourceName = yield* ask('people', 'createGroup', call.name);
      state.groupCreated(call.name, groupResourceName);
      return { groupResourceName };
    }
    case 'batchCreate': {
      const persons = call.items.map((c) =>
        call.withLabels ? personForCreate(c, (label) => state.groupOf(label)) : c.person,
      );
      const created = yield* ask('people', 'batchCreate', persons);
      const createdResourceNames = created.map((p) => String(p.resourceName));
      state.contactsCreated(call, createdResourceNames);
      return { createdResourceNames };
    }
    case 'batchUpdate': {
      const request: Record<string, Person> = {};
      for (const u of call.items) request[u.resourceName] = { ...u.after, etag: u.etag };
      yield* ask('people', 'batchUpdate', request, call.updateMask);
      state.counts.updated += call.items.length;
      return {};
    }
    case 'modifyMembers':
      yield* ask('people', 'modifyMembers', modifyGroup(call, state), state.members(call), []);
      return {};
  }
}

/** One step of the protocol: write ahead, send, journal what the call created. */
function* step(importId: string, call: ImportCall, state: RunState, phoneKey: PhoneKey): ImportSteps<void> {
  const group = call.kind === 'modifyMembers' ? modifyGroup(call, state) : undefined;
  yield* journal(entriesBeforeCall(importId, call, group, phoneKey));
  // Write-ahead: the entries before this call (and the previous call's, still gathered) are stored before it is sent.
  yield* ask('journal', 'commit');
  const result = yield* send(call, state);
  yield* journal(entriesAfterCall(importId, call, result));
}

/** Runs an import until it is done or its budget is spent (status `running`: run it again to go on). */
export function* runImportSteps(run: ImportRun): ImportSteps<ImportProgress> {
  const started = run.startedAt ?? run.clock.now();
  const entries = yield* ask('journal', 'read', run.importId);
  const { existing, plan } = yield* planSteps(run.importId, run.contacts, run.phoneKey);
  // Refused before the first write: the account's limit would stop the import halfway otherwise.
  const room = accountRoom(existing.length, plan);
  if (!room.fits) throw new AccountLimitError(room);
  const calls = batchPlan(plan, { labelsOnCreate: LABELS_ON_CREATE });
  const state = new RunState(plan, entries);
  const before = batchesBefore(plan, entries);
  const problems = journalProblems(entries);
  function* report(status: ImportStatus, message = ''): ImportSteps<ImportProgress> {
    yield* ask('journal', 'progress', { ...state.counts }, status);
    yield* ask('journal', 'commit');
    const { created, updated, skipped } = state.counts;
    const total = run.contacts.length;
    return {
      importId: run.importId,
      status,
      total,
      created,
      updated,
      skipped,
      errors: problems,
      message,
      batchesDone: before + state.batchesDone,
      batchesTotal: before + calls.length,
    };
  }
  yield* ask('journal', 'progress', { ...state.counts }, 'running');
  const contactBatches = run.contactBatches ?? Infinity;
  let contactBatchesDone = 0;
  try {
    for (const call of calls) {
      if (run.clock.now() - started > run.budgetMs || contactBatchesDone >= contactBatches)
        return yield* report('running');
      yield* step(run.importId, call, state, run.phoneKey);
      state.batchesDone++;
      if (call.kind !== 'createGroup') contactBatchesDone++;
      if (state.batchesDone < calls.length) yield* ask('journal', 'progress', { ...state.counts }, 'running');
    }
  } catch (e) {
    if (isQuotaError(e))
      return yield* report(
        'paused',
        `Google's People quota is used up for now: the import paused after ${before + state.batchesDone} of ` +
          `${before + calls.length} ` +
          'batches. Run it again later (in a minute, or tomorrow for the daily quota); it carries on where it stopped.',
      );
    yield* report('failed', e instanceof Error ? e.message : String(e));
    throw e;
  }
  return yield* report('done');
}
