// Google Contacts holds at most 25,000 contacts per account (platform.md §2: the figure is reported since 2011, the
// official page was not reachable, so UNVERIFIED; the emulator enforces it with FAILED_PRECONDITION). An import
// that would pass it is refused with the numbers before anything is written: half an import stopped by the API at
// the limit is worse than none. The preview shows the same numbers.

import type { ImportPlan } from './types';

export const ACCOUNT_CONTACT_LIMIT = 25_000;

export interface AccountRoom {
  /** Contacts the account has now. */
  contacts: number;
  /** New contacts the import would create (updates and skips add none). */
  adding: number;
  limit: number;
  /** Whether `contacts + adding` stays within `limit`. */
  fits: boolean;
}

export function accountRoom(existingCount: number, plan: Pick<ImportPlan, 'creates'>): AccountRoom {
  const adding = plan.creates.length;
  const limit = ACCOUNT_CONTACT_LIMIT;
  return { contacts: existingCount, adding, limit, fits: existingCount + adding <= limit };
}

/** Thrown by the import before its first write when the account has no room; the caller words it for the user. */
export class AccountLimitError extends Error {
  constructor(readonly room: AccountRoom) {
    super(
      `The import would pass Google Contacts' limit of ${room.limit} contacts: the account has ${room.contacts} ` +
        `and the file would add ${room.adding}. Nothing was written.`,
    );
    this.name = 'AccountLimitError';
  }
}
