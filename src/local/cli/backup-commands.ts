// `crm backup [--out DIR]` and `crm backups --json`: the nightly backup from a terminal. `backup` runs the trigger's
// body (backupTrigger) in process on the emulator, each run one execution, as Apps Script would run them: when an
// execution stops at its budget, the clock moves on to its one-off continuation trigger and the next one runs. With
// --out, the night's files are copied from the emulated Drive to DIR/<night>/.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BackupNightView, BackupRunResult } from '../../shared/backup-dto';
import { invokeEntryPoint } from '../gas/server-rpc';
import type { Office } from '../office';
import { flag, ParsedArgs } from './args';

const FOLDER_PROPERTY = 'crm.backupFolderId';
const CONTINUE_AFTER_MS = 60_000;
/** More executions than any base the CRM takes needs (25,000 contacts take a few): a guard against a loop. */
const MAX_EXECUTIONS = 50;

function trigger(office: Office): BackupRunResult {
  const run = invokeEntryPoint(office.sheet, 'backupTrigger', [{}]);
  if (run.error) throw run.error;
  return run.result as BackupRunResult;
}

/** The night's files into `dir/<night>/`; returns the names written. */
export function copyNight(office: Office, night: string, dir: string): string[] {
  const ws = office.workspace;
  const root = ws.properties.peek('sheet', 'script', FOLDER_PROPERTY);
  const folder = ws.drive.files({ parent: root, name: night, trashed: false })[0];
  if (!root || !folder) return [];
  const out = path.join(dir, night);
  fs.mkdirSync(out, { recursive: true });
  const names: string[] = [];
  for (const f of ws.drive.files({ parent: folder.id, trashed: false })) {
    fs.writeFileSync(path.join(out, f.name), ws.drive.content(f.id));
    names.push(f.name);
  }
  return names.sort();
}

export function backupCommand(office: Office, args: ParsedArgs) {
  let result = trigger(office);
  let executions = 1;
  while (result.status === 'paused' && executions < MAX_EXECUTIONS) {
    office.workspace.clock.advance(CONTINUE_AFTER_MS);
    result = trigger(office);
    executions++;
  }
  const out = flag(args, 'out');
  const written = out ? copyNight(office, result.night, out) : undefined;
  return {
    night: result.night,
    contacts: result.contacts,
    events: result.events,
    files: result.files,
    status: result.status,
    // This command's executions, and the night's in all (an earlier run may have started it).
    executions,
    nightExecutions: result.executions,
    pruned: result.pruned,
    problems: result.problems,
    ...(out ? { out: path.join(out, result.night), written } : {}),
  };
}

export function backupsCommand(office: Office): BackupNightView[] {
  const run = invokeEntryPoint(office.sheet, 'listBackups_', []);
  if (run.error) throw run.error;
  return run.result as BackupNightView[];
}
