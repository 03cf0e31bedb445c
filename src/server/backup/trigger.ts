// The nightly trigger's body: the outside-change sync first (People sync tokens and the mass-deletion guard, which
// compare against the last verified night), then the backup. A continuation execution of an unfinished night goes
// straight on with the backup: the sync ran at the night's start.

import type { BackupRunResult } from '../../shared/backup-dto';
import { redactForLog } from '../../core/redact';
import { BACKUP_BUDGET_MS, readState, runBackup } from './nightly';
import { syncOutsideChanges } from './sync';

export function nightlyBackup(): BackupRunResult {
  const startedAt = Date.now();
  const state = readState();
  const continuing = !!state && state.phase !== 'done';
  if (!continuing) {
    try {
      syncOutsideChanges();
    } catch (e) {
      // The backup matters more than the sync: it still runs, the sync's failure is logged without personal data.
      console.warn(`The outside-change sync failed: ${redactForLog(e)}`);
    }
  }
  return runBackup({ budgetMs: Math.max(60_000, BACKUP_BUDGET_MS - (Date.now() - startedAt)) });
}
