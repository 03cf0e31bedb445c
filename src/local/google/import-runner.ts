// An import straight into a Google account from the CLI (`--target google`): the core executor
// (core/import/execute) driven asynchronously over googleapis (people-client.ts), with the journal in a local JSON
// file (journal-file.ts) instead of the Import log sheet. Re-running with the same id resumes; `undo` reads the
// same file. No run budget: a local process has no 6-minute limit.

import * as fs from 'node:fs';
import { runImportSteps } from '../../core/import/execute/run';
import { undoImportSteps } from '../../core/import/execute/undo';
import type { PhoneKey } from '../../core/import/plan';
import type { NormalizedContact } from '../../core/import/types';
import type { AsyncPeopleDirectory } from '../../core/ports/people';
import { runStepsAsync } from '../../core/ports/steps';
import type { UndoResult } from '../../shared/import-dto';
import { fileJournal, journalFile } from './journal-file';

export interface GoogleImportResult {
  importId: string;
  created: number;
  updated: number;
  skipped: number;
}

interface GoogleImportOptions {
  importId: string;
  journalDir: string;
  phoneKey: PhoneKey;
}

export async function importToGoogle(
  port: AsyncPeopleDirectory,
  contacts: NormalizedContact[],
  options: GoogleImportOptions,
): Promise<GoogleImportResult> {
  const { importId, phoneKey } = options;
  const journal = fileJournal(journalFile(options.journalDir, importId), importId);
  const run = { importId, contacts, phoneKey, clock: { now: () => Date.now() }, budgetMs: Infinity };
  const progress = await runStepsAsync(runImportSteps(run), { people: port, journal });
  // People's quota paused it: the same command later carries on from the journal file.
  if (progress.status === 'paused') throw new Error(progress.message);
  const { created, updated, skipped } = progress;
  return { importId, created, updated, skipped };
}

export async function undoOnGoogle(port: AsyncPeopleDirectory, options: GoogleImportOptions): Promise<UndoResult> {
  const { importId, journalDir } = options;
  const file = journalFile(journalDir, importId);
  if (!fs.existsSync(file))
    throw new Error(`No checkpoint for ${importId} in ${journalDir}: was it imported from this machine?`);
  return runStepsAsync(undoImportSteps(importId, options.phoneKey), {
    people: port,
    journal: fileJournal(file, importId),
  });
}
