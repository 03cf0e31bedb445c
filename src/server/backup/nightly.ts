// The nightly backup on Apps Script: the core run (core/backup/run-state.ts) over People (the listing, 1000 a page,
// every field a backup keeps), the CRM sheets (one values.batchGet) and the Drive folders (drive-folders.ts). The
// run's state is one script property between executions; an execution stops at its budget and leaves a one-off
// trigger to carry on a minute later, deleted when the night is done.

import { BACKUP_PERSON_FIELDS } from '../../core/ports/people';
import { localDayKey } from '../../core/events/zone';
import { toBackupContact } from '../../core/backup/snapshot';
import { MANIFEST_NAME } from '../../core/backup/manifest';
import {
  newState,
  parseState,
  runBackupSteps,
  stateText,
  type BackupPort,
  type BackupState,
} from '../../core/backup/run-state';
import type { NightEntry } from '../../core/backup/retention';
import type { SheetsCopy } from '../../core/backup/types';
import type { SheetKey } from '../../core/sheets/templates';
import type { BackupRunResult } from '../../shared/backup-dto';
import { peopleApi } from '../people/people';
import { labelNames } from '../people/labels';
import { withRetry } from '../people/gateway';
import { crmSheet, crmSpreadsheet } from '../sheets/crm-spreadsheet';
import { a1 } from '../sheets/values-batch';
import { OfficeContext } from '../events/office';
import {
  folderFiles,
  listNights,
  nightFolder,
  readText,
  rootFolder,
  trash,
  writeFile,
  type NightFolder,
} from './drive-folders';
import { nightStatuses } from './night-status';

export const STATE_PROPERTY = 'crm.backupState';
export const BACKUP_HANDLER = 'backupTrigger';
/** Stop starting work after this long: room under Apps Script's 6-minute limit for the step under way. */
export const BACKUP_BUDGET_MS = 4.5 * 60 * 1000;
export const CONTINUE_AFTER_MS = 60_000;

/** The sheets a backup copies, by template key. */
export const BACKUP_SHEETS: SheetKey[] = ['events', 'lists', 'staff', 'settings', 'imports'];

export function readState(): BackupState | undefined {
  return parseState(PropertiesService.getScriptProperties().getProperty(STATE_PROPERTY));
}

function saveState(state: BackupState): void {
  PropertiesService.getScriptProperties().setProperty(STATE_PROPERTY, stateText(state));
}

/** The CRM sheets as the office sees them (formatted), in ONE values.batchGet. */
function readSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string) {
  const found = BACKUP_SHEETS.map((key) => ({ key, sheet: crmSheet(key, ss) })).filter((s) => s.sheet);
  const titles: Record<string, string> = {};
  for (const { key, sheet } of found) titles[key] = sheet!.getName();
  const reply = found.length
    ? Sheets!.Spreadsheets!.Values!.batchGet(ss.getId(), {
        ranges: found.map((s) => a1(s.sheet!.getName())),
        valueRenderOption: 'FORMATTED_VALUE',
      })
    : { valueRanges: [] };
  const copy: SheetsCopy = { sheets: {}, timeZone };
  found.forEach(({ key }, i) => (copy.sheets[key] = (reply.valueRanges?.[i]?.values ?? []) as unknown[][]));
  return { copy, titles };
}

function deleteTrigger(id: string | undefined): void {
  if (!id) return;
  const t = ScriptApp.getProjectTriggers().find((x) => x.getUniqueId() === id);
  if (t) ScriptApp.deleteTrigger(t);
}

function drivePort(root: string, night: string, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string) {
  const folder = nightFolder(root, night);
  // Names already in the folder (an earlier execution of this night): written again in place, never twice.
  const known = new Map(folderFiles(folder).map((f) => [f.name, f.id]));
  let groupNames: Map<string, string> | undefined;
  const groups = () => (groupNames ??= labelNames());
  let nights: NightFolder[] | undefined;
  const port: BackupPort = {
    now: () => Date.now(),
    listContacts(pageToken) {
      const names = groups();
      const page = withRetry(() =>
        peopleApi().People!.Connections!.list('people/me', {
          personFields: BACKUP_PERSON_FIELDS,
          pageSize: 1000,
          pageToken,
        }),
      );
      return {
        contacts: (page.connections ?? []).map((p) => toBackupContact(p as never, names)),
        nextPageToken: page.nextPageToken || undefined,
      };
    },
    listLabels: () => [...groups().values()].sort(),
    readSheets: () => readSheets(ss, timeZone),
    writeFile(name, content, mime) {
      let appProperties: Record<string, string> | undefined;
      if (name === MANIFEST_NAME && typeof content === 'string') {
        // The night's verdict on the manifest's own metadata: the list of nights reads it without the file.
        const m = JSON.parse(content) as { status: string; counts: { contacts: number; events: number } };
        appProperties = { status: m.status, contacts: String(m.counts.contacts), events: String(m.counts.events) };
      }
      const w = writeFile(folder, name, content, mime, { existingId: known.get(name) ?? null, appProperties });
      known.set(name, w.id);
      return w;
    },
    readText,
    listFiles: () => folderFiles(folder),
    trashFile(id) {
      trash(id);
      for (const [name, had] of known) if (had === id) known.delete(name);
    },
    nights(): NightEntry[] {
      nights = listNights(root);
      const statuses = nightStatuses(nights);
      return nights.map((n) => ({ night: n.night, status: statuses.get(n.id)?.status ?? 'running' }));
    },
    trashNight(n) {
      const f = (nights ?? listNights(root)).find((x) => x.night === n);
      if (f) trash(f.id);
    },
    save: saveState,
  };
  return port;
}

export function resultOf(state: BackupState, notes: string[] = []): BackupRunResult {
  return {
    night: state.night,
    contacts: state.contacts,
    events: state.events,
    files:
      state.phase === 'done' && state.status
        ? [...state.files.map((f) => f.name), MANIFEST_NAME]
        : state.files.map((f) => f.name),
    status: state.phase === 'done' ? (state.status ?? 'failed') : 'paused',
    executions: state.executions,
    pruned: state.pruned,
    problems: [...notes, ...state.problems],
  };
}

/**
 * Backs up tonight (the office-local date of `now`), or carries an unfinished run on. A night already done and
 * verified is only reported; a failed one is run again from the start (its files are replaced).
 */
export function runBackup(options: { now?: Date; budgetMs?: number } = {}): BackupRunResult {
  const startedAt = Date.now();
  const lock = LockService.getScriptLock();
  // A "Back up now" while the trigger works (or the other way round) reports instead of writing the same files.
  if (!lock.tryLock(10_000)) {
    const s = readState();
    if (s) return { ...resultOf(s), status: s.phase === 'done' ? (s.status ?? 'failed') : 'running' };
    throw new Error('A backup is running: try again in a few minutes.');
  }
  try {
    const office = new OfficeContext();
    const ss = crmSpreadsheet();
    const timeZone = office.timeZone;
    const night = localDayKey(options.now ?? new Date(startedAt), timeZone);
    let state = readState();
    if (state && state.night === night && state.phase === 'done' && state.status === 'verified') return resultOf(state);
    if (!state || state.night !== night || state.phase === 'done') {
      deleteTrigger(state?.trigger);
      state = newState(night, startedAt);
    }
    const root = rootFolder();
    const notes = root.replaced ? ['The backup folder had been deleted or trashed by hand: a new one was made.'] : [];
    // An earlier execution's continuation trigger has fired (or is about to): it is not needed any more.
    deleteTrigger(state.trigger);
    state.trigger = undefined;
    const port = drivePort(root.id, night, ss, timeZone);
    state = runBackupSteps(state, port, {
      startedAt,
      budgetMs: options.budgetMs ?? BACKUP_BUDGET_MS,
      keepNights: office.settings.get('backupKeepNights'),
      spreadsheetId: ss.getId(),
    });
    if (state.phase !== 'done') {
      state.trigger = ScriptApp.newTrigger(BACKUP_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create().getUniqueId();
      saveState(state);
    }
    return resultOf(state, notes);
  } finally {
    lock.releaseLock();
  }
}

/** The last run's state as the digest and the sidebar see it (no Drive call). */
export function lastBackup(): BackupRunResult | undefined {
  const s = readState();
  return s ? resultOf(s) : undefined;
}
