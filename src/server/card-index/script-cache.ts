// The CacheService adapter of the core cache port (core/ports/cache.ts): the project's script cache already has the
// port's shape and enforces the limits the port states, so it is handed over as it is. Script cache, not user cache:
// the index is the same for everyone in the office, and one fill serves them all.

import type { KeyValueCache } from '../../core/ports/cache';

export function scriptCache(): KeyValueCache {
  return CacheService.getScriptCache();
}
