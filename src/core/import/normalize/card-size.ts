// How big one client's card may be to be imported: the staged contact (its JSON) is one Google Sheets cell between
// preview and write (server/import/staging.ts), and a cell holds at most 50,000 characters. The preview applies the
// same rule, so a row it counts as new is one the import can take: a 60,000-character note is refused at preview, with
// its row, not after the user confirmed.

import type { NormalizedContact } from '../types';

/** Characters of a staged contact's JSON: Google's per-cell limit in Sheets. */
export const CARD_LIMIT = 50_000;

/** The characters a contact takes once staged. */
export function cardLength(contact: NormalizedContact): number {
  return JSON.stringify(contact).length;
}

export function cardFits(contact: NormalizedContact): boolean {
  return cardLength(contact) <= CARD_LIMIT;
}
