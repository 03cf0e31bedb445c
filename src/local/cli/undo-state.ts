// The CLI's "last change" for `crm undo-last`: the undo token of the latest done / cancel / reschedule, kept in the
// office's state folder beside the emulated Workspace (one per office, as the sidebar keeps one per open list).
// Not a Workspace store: it is the terminal's memory, not something Google would hold.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { UndoToken } from '../../shared/events-dto';
import type { Office } from '../office';

const FILE = 'cli-last-change.json';

function fileOf(office: Office): string | undefined {
  return office.workspace.dir ? path.join(office.workspace.dir, FILE) : undefined;
}

/** Remembers the change's token (a change without one, e.g. an assign, forgets the previous: it is no longer last). */
export function rememberUndo(office: Office, token: UndoToken | undefined): void {
  const file = fileOf(office);
  if (!file) return;
  if (!token) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.writeFileSync(`${file}.tmp`, JSON.stringify({ token }));
  fs.renameSync(`${file}.tmp`, file);
}

export function lastUndo(office: Office): UndoToken | undefined {
  const file = fileOf(office);
  if (!file || !fs.existsSync(file)) return undefined;
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { token?: UndoToken }).token;
  } catch {
    // A file cut short by a crash names no change: there is nothing safe to undo.
    return undefined;
  }
}

export function forgetUndo(office: Office): void {
  const file = fileOf(office);
  if (file) fs.rmSync(file, { force: true });
}
