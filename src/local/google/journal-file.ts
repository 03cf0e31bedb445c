// The import journal port (core/ports/journal.ts) for `--target google`: one JSON file per import
// (~/.config/office-crm/imports/<id>.json) holding the import's checkpoint (core/import/plan/checkpoint.ts, version
// 1, the format this file has always had): appended entries are folded into it, and read back as entries. Written
// to a temporary file and renamed, so a killed process leaves the old checkpoint or the new one, never half a file.
// The progress the Imports sheet shows on the server is the CLI's printed result here, so it is not stored.

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  entriesOf,
  newCheckpoint,
  parseCheckpoint,
  serializeCheckpoint,
  withEntries,
  type ImportCheckpoint,
} from '../../core/import/plan';
import type { ImportJournal } from '../../core/ports/journal';
import type { PromisedPort } from '../../core/ports/steps';

export function journalFile(dir: string, importId: string): string {
  if (!/^[\w.-]{1,64}$/.test(importId)) throw new Error(`"${importId}" is not an import id`);
  return path.join(dir, `${importId}.json`);
}

function load(file: string, importId: string): ImportCheckpoint {
  return fs.existsSync(file) ? parseCheckpoint(JSON.parse(fs.readFileSync(file, 'utf8'))) : newCheckpoint(importId);
}

function store(file: string, cp: ImportCheckpoint): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, serializeCheckpoint(cp));
  fs.renameSync(`${file}.tmp`, file);
}

/** The journal of one import in `file`. */
export function fileJournal(file: string, importId: string): PromisedPort<ImportJournal> {
  let checkpoint = load(file, importId);
  return {
    async read() {
      return entriesOf(checkpoint);
    },
    async append(entries) {
      checkpoint = withEntries(checkpoint, entries);
      store(file, checkpoint);
    },
    async progress() {},
    // Every append is already on disk.
    async commit() {},
  };
}
