// Preview and write an import, on Apps Script: the core executor (core/import/execute/run.ts) driven synchronously
// over the People API (people/gateway.ts peopleDirectory) and the Imports / Import log sheets (journal.ts). Both
// start from the same reads — the staged contacts, the import's journal and Settings (one batchGet, import-sheets.ts),
// the account's contacts (one listing, 1000 a page) and its labels — and the same pure plan, so what the preview
// shows is what gets written. The first runImport of an import answers after one batch of contacts (the sidebar
// shows progress from the start); each later call goes on until the run budget and answers; callers call again
// while the status is `running` (core/import/execute/stage.ts).

import { RecordingDirectory } from '../../core/card-index';
import { familyFirstName } from '../../core/export/contact-view';
import {
  finishedProgress,
  journalProblems,
  LABELS_ON_CREATE,
  planSteps,
  runImportSteps,
} from '../../core/import/execute/run';
import { AccountLimitError, accountRoom, callBudget, planCounts, type AccountRoom } from '../../core/import/plan';
import type { Locale } from '../../core/i18n/locale';
import type { Person } from '../../core/import/types';
import { phoneKey as parsePhoneKey } from '../../core/phone';
import { runSteps } from '../../core/ports/steps';
import type { ImportPreview, ImportProgress, ImportStatus, PreviewEntry } from '../../shared/import-dto';
import { scriptClock } from '../clock';
import { noteContacts } from '../card-index/client-index';
import { peopleDirectory, Person as IndexPerson, withQuotaDeadline } from '../people/gateway';
import { uiLocale } from '../sheets/settings';
import { readImportSheets, type ImportSheets } from './import-sheets';
import { logEntries, recordIn, SheetJournal } from './journal';
import { journalled, JournalSheet } from '../backup/journal-sheet';
import { OfficeContext } from '../events/office';
import { importMessage } from './messages';
import { stagedIn } from './staging';

/** Stop starting calls after this long, leaving room under Apps Script's 6-minute limit for the last one. */
const RUN_BUDGET_MS = 5 * 60 * 1000;
const PREVIEW_LIST_LIMIT = 500;
/** Waits on a per-minute quota end by then: room for the call after the wait before the 6-minute limit. */
const QUOTA_WAIT_DEADLINE_MS = 5.5 * 60 * 1000;

function staged(importId: string, sheets: ImportSheets) {
  const contacts = stagedIn(sheets.queue!, importId);
  if (!contacts.length) throw new Error(`Import ${importId} has nothing staged: read the file again.`);
  const settings = sheets.settings;
  const region = settings.get('defaultCountry');
  // Stored numbers written the national way ("8 912 …") match the file's +7 numbers under the office's country.
  return { contacts, region, locale: uiLocale(settings), phoneKey: (raw: string) => parsePhoneKey(raw, region) };
}

function displayName(p: Person | undefined): string {
  if (!p) return '';
  return familyFirstName(p) || p.emailAddresses?.[0]?.value || p.phoneNumbers?.[0]?.value || '';
}

export function previewImport(importId: string): ImportPreview {
  const sheets = readImportSheets({ queue: 'all', log: 'all' });
  const { contacts, phoneKey } = staged(importId, sheets);
  const { existing, plan } = runSteps(planSteps(importId, contacts, phoneKey), { people: peopleDirectory });
  const counts = planCounts(plan);
  const problems = journalProblems(logEntries(sheets.log!.table, importId)).length;
  const cut = <T>(list: T[]) => list.slice(0, PREVIEW_LIST_LIMIT);
  const budget = callBudget(plan, existing.length, { labelsOnCreate: LABELS_ON_CREATE });
  const room = accountRoom(existing.length, plan);
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
    merges: cut(plan.merges),
    labelsToCreate: plan.labelsToCreate,
    // The listing of labels is the one read beyond what the API strictly needs.
    plannedCalls: budget.total,
    minimumCalls: budget.total - budget.groupListing,
    account: { ...room },
    truncatedAt: PREVIEW_LIST_LIMIT,
  };
}

export function runImport(importId: string): ImportProgress {
  const startedAt = scriptClock.now();
  // Everything this execution needs from the spreadsheet, in one request.
  const sheets = readImportSheets({ imports: 'all', queue: 'all', log: 'all' });
  const found = recordIn(sheets.imports!.table, importId);
  if (!found) throw new Error(`There is no import ${importId} in the Imports sheet.`);
  const status = found.record.status as ImportStatus;
  // The change journal's rows ride on the import journal's commits: no Sheets request of their own.
  const changes = new JournalSheet({ ss: sheets.ss });
  const journal = new SheetJournal(sheets, importId, found.rowNumber, changes);
  if (status === 'done' || status === 'undone')
    return finishedProgress(importId, status, journal.read(importId), found.record.skipped);
  const { contacts, phoneKey, region, locale } = staged(importId, sheets);
  // What this run writes to the account goes into the card index before the execution ends, whatever happens.
  const people = new RecordingDirectory(
    journalled(peopleDirectory, 'import', found.record.by || new OfficeContext(sheets.ss).actorEmail, {
      log: changes,
    }),
  );
  try {
    const progress = withQuotaDeadline(startedAt + QUOTA_WAIT_DEADLINE_MS, () =>
      runSteps(
        runImportSteps({
          importId,
          contacts,
          phoneKey,
          clock: scriptClock,
          budgetMs: RUN_BUDGET_MS,
          startedAt,
          locale,
          // An import never run yet answers after its first batch: the sidebar's bar moves within seconds.
          ...(status === 'staged' ? { contactBatches: 1 } : {}),
        }),
        { people, journal },
      ),
    );
    return quotaWords(progress, locale);
  } catch (e) {
    // The same refusal, in the office's language (the numbers are the core's).
    if (e instanceof AccountLimitError) e.message = limitMessage(locale, e.room);
    throw e;
  } finally {
    // Left by a run that stopped on an error after a People write (the last commit was not reached).
    changes.flush();
    indexChanges(people, region);
  }
}

/** A run a People quota stopped, said in the office's language. */
function quotaWords(progress: ImportProgress, locale: Locale): ImportProgress {
  const numbers = { done: progress.batchesDone, total: progress.batchesTotal };
  if (progress.quota === 'minute') return { ...progress, message: importMessage(locale, 'quotaWaiting', numbers) };
  if (progress.quota === 'day') return { ...progress, message: importMessage(locale, 'dailyQuotaPaused', numbers) };
  if (progress.status === 'paused') return { ...progress, message: importMessage(locale, 'quotaPaused', numbers) };
  return progress;
}

/** The account's limit in the office's language, with the numbers. */
function limitMessage(locale: Locale, room: AccountRoom): string {
  return importMessage(locale, 'accountLimit', { ...room, over: room.contacts + room.adding - room.limit });
}

/** The run's changed contacts into the card index (a bulk write; never throws). */
export function indexChanges(people: RecordingDirectory, defaultCountry: string): void {
  const { persons, removed, groups } = people.changes();
  noteContacts({ persons: persons as IndexPerson[], removed, groups, defaultCountry });
}
