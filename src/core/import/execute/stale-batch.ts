// One batchUpdate of contacts that People may refuse whole for a stale etag (another client edited one of them after
// our listing: 400 FAILED_PRECONDITION). The import and its undo both send this way and differ only in what they do
// with the contacts as they are now, so the send and the re-read live here once.

import { isStaleEtag } from '../../ports/people-errors';
import type { Person } from '../types';
import { ask, type ImportSteps } from './ports';

/**
 * Sends `request`; answers undefined when People took it, else the batch's contacts read again (one getBatchGet, the
 * minimum), by resourceName — a contact deleted since is missing from the map.
 */
export function* sendOrReread(
  request: Record<string, Person>,
  updateMask: string,
): ImportSteps<Map<string, Person> | undefined> {
  try {
    yield* ask('people', 'batchUpdate', request, updateMask);
    return undefined;
  } catch (e) {
    if (!isStaleEtag(e)) throw e;
  }
  const fresh = yield* ask('people', 'getContacts', Object.keys(request));
  return new Map(fresh.map((p) => [String(p.resourceName), p]));
}
