// Where the change journal goes: every write the CRM makes to a contact appends what it changed, with the values
// before, so that any one change can be undone (core/backup/types.ts ContactChange). Implemented by the hidden
// Journal sheet (src/server/backup/journal-sheet.ts) and, in tests, by an array.

import type { ContactChange } from '../backup/types';

export interface ChangeLog {
  /** Appends in order; durable when it returns (one Sheets write for the whole batch). */
  append(changes: ContactChange[]): void;
}
