// The key a confirmed mapping is remembered under (server/import/mappings.ts): the same header row, ignoring case,
// spaces and punctuation, gives the same key; column order matters. Stored, so its value must not move (core/hash.ts).

import { hash64 } from '../../hash';
import { headerKey } from './header-key';

export function mappingFingerprint(headers: string[]): string {
  const keys = headers.map((h) => headerKey(String(h ?? '')));
  while (keys.length && !keys[keys.length - 1]) keys.pop();
  return `h${keys.length}-${hash64(keys.join('\u001f'))}`;
}

/** The header row a mapping was made for (its columns carry their headers and places). */
export function mappingHeaders(mapping: { columns: Array<{ index: number; header: string }> }): string[] {
  const headers: string[] = [];
  for (const c of mapping.columns) headers[c.index] = c.header;
  return Array.from(headers, (h) => h ?? '');
}
