// What the Import / Export sidebar and the server exchange. The file itself is parsed in the browser (or by the CLI);
// only cleaned contacts cross google.script.run, in chunks, so spreadsheet parsing never enters the server bundle.

import type { Locale } from '../core/i18n/locale';
import type { PlanMerge, UndoWarning } from '../core/import/plan/types';
import type { ImportProblem, NormalizedContact, Person } from '../core/import/types';

export type { PlanMerge, UndoWarning };

/** A column mapping as the user confirmed it (see src/core/import/mapping). */
export interface SavedMapping {
  layout: string;
  columns: Array<{ index: number; header: string; field: string; type?: string; key?: string }>;
}

export interface ImportSetup {
  locale: Locale;
  /** The office's default country for phone numbers (Settings sheet). */
  defaultCountry: string;
  /** The mapping remembered for files with this header, if any. */
  mapping: SavedMapping | null;
}

export interface StageImportInput {
  importId: string;
  fileName: string;
  /** 0-based chunk index; chunk 0 starts the import over. */
  chunk: number;
  chunks: number;
  contacts: NormalizedContact[];
  /** Problems found while reading and cleaning the file (kept in the record; they never stop the import). */
  problems: ImportProblem[];
  /** With chunk 0: the header fingerprint and the mapping to remember for files like this one. */
  fingerprint?: string;
  mapping?: SavedMapping;
  /**
   * With chunk 0: the digest of every contact this import stages (core/import/execute/stage-digest.ts), so the
   * server can take over rows an earlier import of the same file left in the queue.
   */
  digest?: string;
}

export interface StageImportResult {
  importId: string;
  staged: number;
  /** Every contact of the import is staged already (rows of an earlier import of the same file): send no more. */
  complete?: boolean;
}

export interface PreviewEntry {
  rows: number[];
  name: string;
  resourceName?: string;
  /** Fields the import will fill or extend (updates). */
  fields?: string[];
  /** Filled fields the import will NOT overwrite: shown so nothing changes silently. */
  conflicts?: Array<{ field: string; existing: string; incoming: string }>;
  labels?: string[];
  reason?: string;
}

export interface ImportPreview {
  importId: string;
  counts: { created: number; updated: number; skipped: number; duplicates: number; conflicts: number; errors: number };
  creates: PreviewEntry[];
  updates: PreviewEntry[];
  skips: PreviewEntry[];
  duplicates: Array<{ rows: number[]; key: string; resourceName?: string }>;
  /** File rows folded into one client ("rows 4 and 6: same phone"), spreadsheet row numbers as the user sees them. */
  merges: PlanMerge[];
  labelsToCreate: string[];
  /** People API calls the import will make, and the fewest the API allows. */
  plannedCalls: number;
  minimumCalls: number;
  /** The account's room: contacts it has, new ones the file would add, Google's limit, and whether they fit (an
   *  import that does not fit is refused before anything is written). */
  account: { contacts: number; adding: number; limit: number; fits: boolean };
  /** Lists are cut to this many entries each to keep the response small; counts are complete. */
  truncatedAt: number;
}

/** `paused`: People's quota stopped the import; running it again later carries on where it stopped. */
export type ImportStatus = 'staged' | 'running' | 'paused' | 'done' | 'failed' | 'undone';

export interface ImportProgress {
  importId: string;
  status: ImportStatus;
  total: number;
  created: number;
  updated: number;
  skipped: number;
  errors: ImportProblem[];
  /** Batches written so far / planned; the sidebar's progress bar. */
  batchesDone: number;
  batchesTotal: number;
  message: string;
  /** Which People quota stopped this run: `minute` (status running: the next execution waits it out), `day`
   *  (status paused until tomorrow). */
  quota?: 'minute' | 'day';
}

export interface UndoResult {
  importId: string;
  deleted: number;
  restored: number;
  /** One line per contact undo could not simply put back (English, for the CLI and logs). */
  warnings: string[];
  /** The same, as data: the sidebar says it in the office's words (field names included). */
  details?: UndoWarning[];
}

export interface ImportRecord {
  id: string;
  /** ISO 8601 (no Date over google.script.run). */
  startedAt: string;
  by: string;
  file: string;
  created: number;
  updated: number;
  skipped: number;
  errors: number;
  status: string;
  finishedAt: string;
}

export interface ExportPageInput {
  label?: string;
  pageToken?: string;
}

export interface ExportPage {
  contacts: Array<{ person: Person; labels: string[] }>;
  nextPageToken: string | null;
  labels: string[];
}
