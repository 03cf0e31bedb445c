// The CacheService adapter of the core cache port (core/ports/cache.ts): the project's script cache already has the
// port's shape and enforces the limits the port states, so it is handed over as it is — with the office's entry
// (the Settings language the Gmail cards speak, gmail/office-language.ts) riding along in the same requests. Script
// cache, not user cache: the index is the same for everyone in the office, and one fill serves them all.

import type { KeyValueCache } from '../../core/ports/cache';
import { withOfficeEntry } from '../gmail/office-language';
import { withRoleEntry } from '../gmail/card-role';

/** The add-on user's role (gmail/card-role.ts) rides along as well, once a card asked for it. */
export function scriptCache(): KeyValueCache {
  return withRoleEntry(withOfficeEntry(CacheService.getScriptCache()));
}
