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
  reapplyUpdate,
  updateMaskOf,
  type CallResult,
  type ImportCall,
  type ImportPlan,
  type PhoneKey,
  type PlannedUpdate,
} from '../plan';
import type { ImportProblem, NormalizedContact, Person } from '../types';
import { isDailyQuotaError, isQuotaError, isResumeLater } from '../../ports/people-errors';
import { sendOrReread } from './stale-batch';
import type { Locale } from '../../i18n/locale';
import { t } from '../../i18n/messages';
import { ask, askPeople, journal, type ImportSteps, type PeopleSteps } from './ports';

export { isQuotaError };

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
  /** The office's language, for the problems the run itself finds (a contact deleted or changing meanwhile). */
  locale?: Locale;
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

  constructor(
    plan: ImportPlan,
    entries: JournalEntry[],
    /** The office's language, for the problems the run finds itself. */
    readonly locale: Locale = 'en',
  ) {
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

  /** Problems this run found (contacts it could not update), listed with the journal's. */
  readonly problems: ImportProblem[] = [];

  problemsFound(problems: ImportProblem[]): void {
    this.problems.push(...problems);
    this.counts.errors += problems.length;
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

/** A batch refused for a stale etag is read again and re-applied this many times; after that, the contacts still
 *  changing under us are set aside as problems and the rest of the batch is written. */
export const STALE_ATTEMPTS = 3;

/** A contact the import could not update because another client kept changing it (or deleted it) meanwhile. */
function staleProblem(u: PlannedUpdate, deleted: boolean, locale: Locale): ImportProblem {
  return {
    row: u.rowNumbers[0] ?? 0,
    column: '',
    value: u.resourceName,
    message: t(locale, deleted ? 'problemContactDeleted' : 'problemContactKeptChanging'),
  };
}

/**
 * One batchUpdate, re-read and re-applied when People refuses it for a stale etag (another client edited a contact
 * after our listing; the whole batch is refused, so all of it is read again: one getBatchGet, the minimum). Each
 * retry is journaled ahead like the first send.
 */
function* sendUpdates(
  importId: string,
  call: Extract<ImportCall, { kind: 'batchUpdate' }>,
  state: RunState,
  phoneKey: PhoneKey,
): ImportSteps<void> {
  let items = call.items;
  for (let attempt = 1; items.length; attempt++) {
    const request: Record<string, Person> = {};
    for (const u of items) request[u.resourceName] = { ...u.after, etag: u.etag };
    const fresh = yield* sendOrReread(request, updateMaskOf(items));
    if (!fresh) {
      state.counts.updated += items.length;
      return;
    }
    const next: PlannedUpdate[] = [];
    const problems: ImportProblem[] = [];
    for (const u of items) {
      const now = fresh.get(u.resourceName);
      if (!now) problems.push(staleProblem(u, true, state.locale));
      else if (attempt >= STALE_ATTEMPTS && now.etag !== u.etag) problems.push(staleProblem(u, false, state.locale));
      else {
        const again = reapplyUpdate(u, now, phoneKey);
        if (again) next.push(again);
      }
    }
    // A refusal no changed etag explains, past the attempts: nothing left to try, every contact is a problem.
    if (attempt >= STALE_ATTEMPTS && !problems.length)
      problems.push(...next.splice(0).map((u) => staleProblem(u, false, state.locale)));
    state.problemsFound(problems);
    yield* journal(problems.map((p) => ({ importId, resourceName: p.value, action: 'problem' as const, before: p })));
    if (next.length) yield* journal(entriesBeforeCall(importId, { ...call, items: next }, undefined, phoneKey));
    yield* ask('journal', 'commit');
    items = next;
  }
}

/** Sends one planned call; returns what it created. */
function* send(call: ImportCall, state: RunState, importId: string, phoneKey: PhoneKey): ImportSteps<CallResult> {
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
    case 'batchUpdate':
      yield* sendUpdates(importId, call, state, phoneKey);
      return {};
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
  const result = yield* send(call, state, importId, phoneKey);
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
  const state = new RunState(plan, entries, run.locale);
  const before = batchesBefore(plan, entries);
  const problems = journalProblems(entries);
  function* report(status: ImportStatus, message = '', quota?: ImportProgress['quota']): ImportSteps<ImportProgress> {
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
      errors: [...problems, ...state.problems],
      message,
      batchesDone: before + state.batchesDone,
      batchesTotal: before + calls.length,
      ...(quota ? { quota } : {}),
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
    const done = `${before + state.batchesDone} of ${before + calls.length} batches`;
    // A per-minute quota whose wait did not fit this execution: the next one carries on (the caller calls again).
    if (isQuotaError(e) && isResumeLater(e) && !isDailyQuotaError(e))
      return yield* report('running', `Waiting for Google's per-minute People quota after ${done}.`, 'minute');
    if (isDailyQuotaError(e))
      return yield* report(
        'paused',
        `Google's daily limit on new contacts is reached: the import paused after ${done}. Run it again tomorrow; ` +
          'it carries on where it stopped.',
        'day',
      );
    if (isQuotaError(e))
      return yield* report(
        'paused',
        `Google's People quota is used up for now: the import paused after ${done}. ` +
          'Run it again later (in a minute, or tomorrow for the daily quota); it carries on where it stopped.',
      );
    yield* report('failed', e instanceof Error ? e.message : String(e));
    throw e;
  }
  return yield* report('done');
}
