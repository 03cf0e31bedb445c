// The folder format before the state database: one `<store>.json` per store, written whole by `save()`. A folder in
// that format is imported once, inside the transaction that marks it imported; only after that commit are the files
// renamed (to `<store>.json.migrated`, kept, not deleted), so a crash at any point loses nothing and imports nothing
// twice.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { StateDb } from './state-db';
import { STORE_NAMES, StoreName } from './stores';

const IMPORTED = 'json-import';
const MIGRATED_SUFFIX = '.migrated';

function legacyFiles(dir: string): Array<{ name: StoreName; file: string }> {
  return STORE_NAMES.map((name) => ({ name, file: path.join(dir, `${name}.json`) })).filter((f) =>
    fs.existsSync(f.file),
  );
}

/** Whether `dir` holds state in the old format. */
export function holdsLegacyState(dir: string): boolean {
  return legacyFiles(dir).length > 0;
}

/**
 * Inside the open transaction: imports the old files into an empty database and marks the import. Returns the
 * files to rename once the transaction committed (also those a crash after an earlier import left behind).
 */
export function importLegacyJson(db: StateDb, dir: string): string[] {
  const files = legacyFiles(dir);
  if (!files.length) return [];
  if (db.meta(IMPORTED)) return files.map((f) => f.file);
  if (db.versions().length) {
    // State in both formats, and the database's not from these files: the database is the state; say so, touch nothing.
    process.stderr.write(
      `Workspace state in ${dir}: ignoring ${files.map((f) => path.basename(f.file)).join(', ')} (the state is in ${path.basename(dir)}/state.sqlite)\n`,
    );
    return [];
  }
  for (const { name, file } of files) {
    const text = fs.readFileSync(file, 'utf8');
    JSON.parse(text); // a damaged file stops the import here, before anything is written or renamed
    db.write(name, text);
  }
  db.setMeta(IMPORTED, new Date().toISOString());
  process.stderr.write(
    `Workspace state in ${dir}: imported ${files.map((f) => path.basename(f.file)).join(', ')} into state.sqlite; ` +
      `the old files are kept as *.json${MIGRATED_SUFFIX}\n`,
  );
  return files.map((f) => f.file);
}

/** After the import committed: the old files step aside, so nothing reads them again by mistake. */
export function retireLegacyFiles(files: string[]): void {
  for (const file of files) {
    try {
      fs.renameSync(file, `${file}${MIGRATED_SUFFIX}`);
    } catch (e) {
      // Another process that opened the folder at the same time retired it first.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}
