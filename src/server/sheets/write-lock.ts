// One writer of the CRM spreadsheet at a time: the sheet project's script lock, and the rule both projects keep.
//
// Why a lock at all: the Events sheet itself only grows by atomic appends, but what is derived from it is kept up to
// date in place — a client's Card index row (read, the event applied, written back), an open-events store row found
// by a read, E1 moved on. Two executions doing that at once lose one update, or write where a row no longer is.
//
// Why this lock: the two projects share no lock Google offers. Script locks are per project; the standalone Gmail
// add-on has no document lock (getDocumentLock() returns null outside a container-bound script):
// https://developers.google.com/apps-script/reference/lock/lock-service . So the add-on does not write the spreadsheet
// itself: it asks the sheet project's web app to (gmail/sheet-writes.ts → events/write-service.ts), and every write
// of the sheet project — sidebars, triggers, the hand-edit handlers, the rebuild, the add-on's forwarded writes —
// runs under this one script lock. A writer that cannot have it within WRITE_LOCK_WAIT_MS fails with Google's
// "Lock timeout" error and writes nothing: the user is told and does it again; nothing is lost silently.

import { isAddon } from '../card-index/announce';

/** Long enough for another writer's batch (a rebuild's Events read and writes), short of a card's 30 s budget. */
export const WRITE_LOCK_WAIT_MS = 10_000;

/** This execution already holds the lock (a locked write calling another): Apps Script locks do not nest. */
let held = false;

/** Runs `write` holding the sheet project's script lock, its writes flushed before the lock is let go. */
export function underWriteLock<T>(write: () => T): T {
  if (held) return write();
  // The add-on's script lock would serialise nothing against the sheet project: it must forward instead.
  if (isAddon()) throw new Error('The Gmail add-on writes the CRM spreadsheet through the sheet project only.');
  const lock = LockService.getScriptLock();
  lock.waitLock(WRITE_LOCK_WAIT_MS);
  held = true;
  try {
    const result = write();
    SpreadsheetApp.flush();
    return result;
  } finally {
    held = false;
    lock.releaseLock();
  }
}
