// CONTRACT (issue 15), implemented by the CRM-line helper: rewrites the CRM line on these clients' contacts in the
// current execution (getBatchGet + batchUpdateContacts, ≤ 200 each), never touching the staff's own note text.
import type { ClientIndexEntry } from '../../core/card-index/entry';
import type { OfficeContext } from '../events/office';

export interface CrmLineResult {
  updated: number;
  /** Contacts whose line was already right (no write). */
  unchanged: number;
  /** Contacts that could not be written (deleted, a failed request): their line waits for the next change. */
  failed: number;
}

export function updateCrmLines(entries: ClientIndexEntry[], office: OfficeContext): CrmLineResult {
  void office;
  return { updated: 0, unchanged: 0, failed: entries.length };
}
