// The import journal: what an import wrote, appended before each People call (what undo needs if the answer is
// lost) and after it (what the call created), so that an interrupted import resumes and any import can be undone;
// plus the import's progress as the office sees it. Implemented by the Import log and Imports sheets
// (src/server/import/journal.ts) and, for `--target google`, by a JSON file per import (src/local/google/journal-file.ts).

import type { ImportStatus } from '../../shared/import-dto';
import type { UpdateRecord } from '../import/plan/types';
import type { ImportProblem } from '../import/types';

export type JournalAction = 'created' | 'updated' | 'group' | 'members' | 'problem' | 'deleted' | 'restored';

export interface JournalEntry {
  importId: string;
  resourceName: string;
  action: JournalAction;
  /** `updated`: the plan's UpdateRecord (fields before, fingerprints after); `members`: the existing contacts added
   *  to the group; `problem`: the problem. */
  before?: UpdateRecord | ImportProblem | string[];
  fields?: string;
  labels?: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  skipped: number;
  errors: number;
}

export interface ImportJournal {
  /** This import's entries, oldest first. */
  read(importId: string): JournalEntry[];
  append(entries: JournalEntry[]): void;
  /** The import's counts and status (the Imports sheet row; a journal without one keeps what it can). */
  progress(counts: Partial<ImportCounts>, status: ImportStatus): void;
  /**
   * Makes what was appended and reported so far durable. The executor commits before every People write (the
   * write-ahead) and when a run ends; a store that writes at once does nothing here, one that gathers the entries
   * (the Import log sheet) writes them all in one request, so a People batch costs one journal write, not three.
   */
  commit(): void;
}
