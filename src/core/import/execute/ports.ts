// What the import executor works against: the People directory and the import journal (core/ports). The steps
// yield requests to them; src/server drives the steps over Apps Script, src/local/google over googleapis.

import type { ImportJournal, JournalEntry } from '../../ports/journal';
import type { PeopleDirectory } from '../../ports/people';
import { asker, type Steps } from '../../ports/steps';

export interface ImportPorts {
  people: PeopleDirectory;
  journal: ImportJournal;
}

export type ImportSteps<T> = Steps<ImportPorts, T>;

export const ask = asker<ImportPorts>();

/** Steps that need the People directory alone (a preview reads the account and writes nothing). */
export type PeopleSteps<T> = Steps<Pick<ImportPorts, 'people'>, T>;

export const askPeople = asker<Pick<ImportPorts, 'people'>>();

/** Appends to the journal, or asks nothing when there is nothing to write. */
export function* journal(entries: JournalEntry[]): ImportSteps<void> {
  if (entries.length) yield* ask('journal', 'append', entries);
}
