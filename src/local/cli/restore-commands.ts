// `crm restore NIGHT|FILE [--preview] --json`: a kept night from the Drive folder (the bundle reads it), or a copy on
// disk — a night folder written by `crm backup --out DIR` (DIR/<night>/ with manifest.json and its parts, or DIR
// itself when it holds one or more nights: the newest is taken), one contacts-NNN.json (BackupContact[]) or a .vcf
// (vCard 4.0 as the backup writes it, read back by core readVcard4). The bundle does the restore (its entry points
// restoreBackup and restoreFile_); a run that reaches its execution's budget answers paused and is run again until
// it is done, each run a new execution as a trigger's would be.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupContact, BackupManifest, SheetsCopy } from '../../core/backup/types';
import { readVcard4 } from '../../core/backup/vcard4';
import type { RestoreResult } from '../../shared/backup-dto';
import { invokeEntryPoint } from '../gas/server-rpc';
import type { Office } from '../office';
import { flag, ParsedArgs, Refusal, UsageError } from './args';

const NIGHT = /^\d{4}-\d{2}-\d{2}$/;
/** More runs than any base needs (25,000 contacts take two or three): a restore that never finishes is reported. */
const MAX_RUNS = 50;

export interface RestoreFile {
  night: string;
  contacts: BackupContact[];
  sheets?: SheetsCopy;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** A night folder's parts, in part order: contacts concatenated, the sheets' rows joined (a part's repeated header
 *  row is not a row). */
function readNightFolder(dir: string): RestoreFile {
  const manifest = readJson<BackupManifest>(join(dir, 'manifest.json'));
  const files = readdirSync(dir).sort();
  const contacts = files
    .filter((f) => /^contacts-\d+\.json$/.test(f))
    .flatMap((f) => readJson<BackupContact[]>(join(dir, f)));
  let sheets: SheetsCopy | undefined;
  for (const f of files.filter((x) => /^sheets-\d+\.json$/.test(x))) {
    const part = readJson<SheetsCopy>(join(dir, f));
    if (!sheets) {
      sheets = { timeZone: part.timeZone, sheets: { ...part.sheets } };
      continue;
    }
    for (const [key, rows] of Object.entries(part.sheets)) {
      const had = sheets.sheets[key];
      if (!had) sheets.sheets[key] = rows;
      else {
        const sameHeader = rows.length && JSON.stringify(rows[0]) === JSON.stringify(had[0]);
        had.push(...(sameHeader ? rows.slice(1) : rows));
      }
    }
  }
  return { night: manifest.night, contacts, ...(sheets ? { sheets } : {}) };
}

export function readRestoreFile(path: string): RestoreFile {
  if (!existsSync(path)) throw new Refusal(`There is no night or file "${path}".`);
  if (statSync(path).isDirectory()) {
    if (existsSync(join(path, 'manifest.json'))) return readNightFolder(path);
    const nights = readdirSync(path)
      .filter((d) => NIGHT.test(d) && existsSync(join(path, d, 'manifest.json')))
      .sort();
    if (!nights.length) throw new Refusal(`"${path}" holds no backup night (a folder with manifest.json).`);
    return readNightFolder(join(path, nights[nights.length - 1]));
  }
  const name = basename(path);
  if (/\.vcf$/i.test(name)) return { night: name, contacts: readVcard4(readFileSync(path, 'utf8')) };
  if (name === 'manifest.json') return readNightFolder(join(path, '..'));
  if (/\.json$/i.test(name)) {
    const contacts = readJson<unknown>(path);
    if (!Array.isArray(contacts)) throw new Refusal(`"${path}" is not a contacts-NNN.json of a backup.`);
    return { night: name, contacts: contacts as BackupContact[] };
  }
  throw new Refusal(`"${path}" is not a backup night, a contacts-NNN.json or a .vcf.`);
}

export function restoreCommand(office: Office, args: ParsedArgs): RestoreResult {
  const what = args.positional[0];
  if (!what) throw new UsageError('restore needs a NIGHT (YYYY-MM-DD) or a FILE');
  const preview = args.flags.preview === true;
  const file = NIGHT.test(what) && !existsSync(what) ? undefined : readRestoreFile(what);
  const only = flag(args, 'only')?.split(',').filter(Boolean);
  const run = (): RestoreResult => {
    if (!file) return office.rpc.restoreBackup({ night: what, preview, ...(only ? { only } : {}) });
    // A file's contacts go as an argument of the bundle's own entry point (not google.script.run: no size limit).
    const result = invokeEntryPoint(office.sheet, 'restoreFile_', [file, { preview, ...(only ? { only } : {}) }]);
    if (result.error) throw result.error;
    return result.result as RestoreResult;
  };
  let result = run();
  // The counts of a resumed restore: each run reports what it still found to do, so the first run's plan is the
  // one to report, with the events of the run that finished.
  const first = result;
  // A daily quota does not refill by running again now: the CLI stops there and says so (problems).
  for (let runs = 1; result.paused && !result.problems.length && runs < MAX_RUNS; runs++) result = run();
  return first === result
    ? result
    : {
        ...result,
        created: first.created,
        updated: first.updated,
        unchanged: first.unchanged,
        labelsCreated: [...new Set([...first.labelsCreated, ...result.labelsCreated])],
        samples: first.samples,
      };
}
