// The caller's half of an import on the server: send the cleaned contacts to stageImport in chunks (google.script.run
// carries a few MB at most, and one chunk of 500 stays well under it), then call runImport until the import is no
// longer running (each call is one Apps Script execution that stops before the 6-minute limit and carries on from
// its journal in the next). The sidebar drives these steps through google.script.run (asynchronous), the CLI, the
// bench and the tests through the emulated bundle (synchronous).

import { mappingToRemember, type Mapping } from '../mapping';
import type { ImportProgress, SavedMapping } from '../../../shared/import-dto';
import type { ServerApi } from '../../../shared/rpc';
import { asker, type Steps } from '../../ports/steps';
import type { ImportProblem, NormalizedContact } from '../types';
import { contactsDigest } from './stage-digest';

export const STAGE_CHUNK = 500;

/** The server functions these steps call. */
export interface ImportServer {
  server: Pick<ServerApi, 'stageImport' | 'runImport'>;
}

const ask = asker<ImportServer>();

export interface Staging {
  importId: string;
  fileName: string;
  contacts: NormalizedContact[];
  problems: ImportProblem[];
  /** The header fingerprint and the confirmed mapping, remembered for files like this one. */
  fingerprint: string;
  mapping: Mapping | null;
  /** The mapping the server already remembers for this header (ImportSetup.mapping): the same is not sent again. */
  remembered?: SavedMapping | null;
}

export function* stageSteps(staging: Staging): Steps<ImportServer, void> {
  const { importId, fileName, contacts } = staging;
  const toRemember = staging.mapping && mappingToRemember(staging.mapping);
  // Remembering what is remembered writes nothing but still costs the server a read of its property store.
  const mapping =
    toRemember && JSON.stringify(toRemember) !== JSON.stringify(staging.remembered ?? null) ? toRemember : null;
  const chunks = Math.max(1, Math.ceil(contacts.length / STAGE_CHUNK));
  // The server digests the rows it holds the same way: the same file staged before is recognised by it.
  const digest = contactsDigest(contacts);
  for (let chunk = 0; chunk < chunks; chunk++) {
    const answer = yield* ask('server', 'stageImport', {
      importId,
      fileName,
      chunk,
      chunks,
      contacts: contacts.slice(chunk * STAGE_CHUNK, (chunk + 1) * STAGE_CHUNK),
      problems: chunk === 0 ? staging.problems : [],
      ...(chunk === 0 && mapping ? { fingerprint: staging.fingerprint, mapping } : {}),
      ...(chunk === 0 ? { digest } : {}),
    });
    // An unchanged file: the server took over the rows its last import staged.
    if (answer.complete) return;
  }
}

/** Calls runImport until the import is no longer running; `onProgress` sees every answer (a progress bar). */
export function* runUntilDoneSteps(
  importId: string,
  onProgress: (progress: ImportProgress) => void = () => {},
): Steps<ImportServer, ImportProgress> {
  let progress: ImportProgress;
  do {
    progress = yield* ask('server', 'runImport', importId);
    onProgress(progress);
  } while (progress.status === 'running');
  return progress;
}
