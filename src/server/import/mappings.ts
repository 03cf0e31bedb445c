// A column mapping the user confirmed is remembered for files with the same header (the office exports the same
// Excel every time), in the spreadsheet's document properties, under the header row's fingerprint.
//
// A property value holds at most 9 KB (docs/platform limits; the emulator counts key + value in UTF-8 bytes), and a
// 90-column file with Cyrillic headers needs more. A mapping that fits is stored as its JSON under
// `crm.mapping.<fingerprint>`, as it always was; a longer one is split into parts `crm.mapping.<fingerprint>#1..N`
// with `{"parts":N}` under the main key, so any width works. What remains is the store's 500 KB in all: a mapping
// that would pass it is refused with the file, its width and the numbers, before the import writes anything.

import { mappingFingerprint, mappingHeaders } from '../../core/import/mapping/fingerprint';
import { utf8Bytes } from '../../core/card-index/fit-entry';
import type { SavedMapping } from '../../shared/import-dto';

const PREFIX = 'crm.mapping.';
const PART = '#';
/** Bytes of one stored value (key included), below Google's 9 KB per value whichever way KB is read. */
export const MAPPING_PART_BYTES = 8_000;
/** Google's total for one property store (the document's): every property of the CRM shares it. */
export const PROPERTY_STORE_BYTES = 500_000;

const utf8 = utf8Bytes;

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties() ?? PropertiesService.getScriptProperties();
}

/** The properties one mapping is stored as. */
export function mappingEntries(fingerprint: string, mapping: SavedMapping): Record<string, string> {
  const key = PREFIX + fingerprint;
  const json = JSON.stringify(mapping);
  if (utf8(key) + utf8(json) <= MAPPING_PART_BYTES) return { [key]: json };
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  const budget = MAPPING_PART_BYTES - utf8(`${key}${PART}99999`);
  for (const ch of json) {
    const size = utf8(ch);
    if (bytes + size > budget) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  if (current) parts.push(current);
  const entries: Record<string, string> = { [key]: JSON.stringify({ parts: parts.length }) };
  parts.forEach((p, i) => (entries[`${key}${PART}${i + 1}`] = p));
  return entries;
}

/** The mapping's JSON from the main key's value, joining its parts; null when a part is missing. */
function joined(stored: Record<string, string>, key: string): string | null {
  const raw = stored[key];
  if (!raw) return null;
  let head: unknown;
  try {
    head = JSON.parse(raw);
  } catch {
    return null;
  }
  const parts = (head as { parts?: unknown })?.parts;
  if (typeof parts !== 'number') return raw;
  let json = '';
  for (let i = 1; i <= parts; i++) {
    const part = stored[`${key}${PART}${i}`];
    if (part === undefined) return null;
    json += part;
  }
  return json;
}

function parsed(json: string | null): SavedMapping | null {
  if (!json) return null;
  try {
    const mapping = JSON.parse(json) as SavedMapping;
    return Array.isArray(mapping?.columns) ? mapping : null;
  } catch {
    return null;
  }
}

export function savedMapping(fingerprint: string): SavedMapping | null {
  if (!fingerprint) return null;
  // All of them in the one read a single key would cost: a miss may be a mapping stored under an older key.
  const stored = store().getProperties();
  return parsed(joined(stored, PREFIX + fingerprint)) ?? rekeyed(stored, fingerprint);
}

/** A mapping remembered before fingerprints were made with core/hash.ts is under another key for the same header
 *  row: found by the header row it was confirmed for, and moved to the current key. */
function rekeyed(stored: Record<string, string>, fingerprint: string): SavedMapping | null {
  for (const key of Object.keys(stored)) {
    if (!key.startsWith(PREFIX) || key.includes(PART) || key === PREFIX + fingerprint) continue;
    const mapping = parsed(joined(stored, key));
    if (!mapping || mappingFingerprint(mappingHeaders(mapping)) !== fingerprint) continue;
    write(stored, fingerprint, mapping, '');
    removeAll(stored, key);
    return mapping;
  }
  return null;
}

function ownKeys(stored: Record<string, string>, key: string): string[] {
  return Object.keys(stored).filter((k) => k === key || k.startsWith(key + PART));
}

function removeAll(stored: Record<string, string>, key: string, keep: Record<string, string> = {}): void {
  const props = store();
  for (const k of ownKeys(stored, key)) if (!(k in keep)) props.deleteProperty(k);
}

const kb = (bytes: number): string => `${Math.ceil(bytes / 1000)} KB`;

function write(stored: Record<string, string>, fingerprint: string, mapping: SavedMapping, fileName: string): void {
  const key = PREFIX + fingerprint;
  const entries = mappingEntries(fingerprint, mapping);
  const changed = Object.entries(entries).filter(([k, v]) => stored[k] !== v);
  const stale = ownKeys(stored, key).filter((k) => !(k in entries));
  if (!changed.length && !stale.length) return;
  const size = (rec: Record<string, string>, keys: string[]) => keys.reduce((n, k) => n + utf8(k) + utf8(rec[k]), 0);
  const mine = size(entries, Object.keys(entries));
  const others = size(
    stored,
    Object.keys(stored).filter((k) => k !== key && !k.startsWith(key + PART)),
  );
  if (others + mine > PROPERTY_STORE_BYTES) {
    const file = fileName ? `"${fileName}"` : 'this file';
    throw new Error(
      `The column mapping of ${file} (${mapping.columns.length} columns, ${kb(mine)}) cannot be remembered: ` +
        `the spreadsheet's property store holds at most ${kb(PROPERTY_STORE_BYTES)} and ${kb(others)} are in use. ` +
        `Remove columns the import does not need from the file, or delete remembered mappings (crm.mapping.*).`,
    );
  }
  store().setProperties(Object.fromEntries(changed));
  removeAll(stored, key, entries);
}

/** Remembers the mapping for files with this header row; refuses, naming the file and the sizes, one that would not
 *  fit in the property store. Writes nothing when the same mapping is already remembered. */
export function rememberMapping(fingerprint: string, mapping: SavedMapping, fileName = ''): void {
  if (!fingerprint) return;
  write(store().getProperties(), fingerprint, mapping, fileName);
}
