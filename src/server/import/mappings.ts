// A column mapping the user confirmed is remembered for files with the same header (the office exports the same
// Excel every time), in the spreadsheet's document properties, under the header row's fingerprint.

import { mappingFingerprint, mappingHeaders } from '../../core/import/mapping/fingerprint';
import type { SavedMapping } from '../../shared/import-dto';

const PREFIX = 'crm.mapping.';

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties() ?? PropertiesService.getScriptProperties();
}

export function savedMapping(fingerprint: string): SavedMapping | null {
  if (!fingerprint) return null;
  // All of them in the one read a single key would cost: a miss may be a mapping stored under an older key.
  const stored = store().getProperties();
  const raw = stored[PREFIX + fingerprint];
  return raw ? (JSON.parse(raw) as SavedMapping) : rekeyed(stored, fingerprint);
}

/** A mapping remembered before fingerprints were made with core/hash.ts is under another key for the same header
 *  row: found by the header row it was confirmed for, and moved to the current key. */
function rekeyed(stored: Record<string, string>, fingerprint: string): SavedMapping | null {
  for (const [key, raw] of Object.entries(stored)) {
    if (!key.startsWith(PREFIX)) continue;
    let mapping: SavedMapping;
    try {
      mapping = JSON.parse(raw) as SavedMapping;
    } catch {
      continue;
    }
    if (!Array.isArray(mapping?.columns) || mappingFingerprint(mappingHeaders(mapping)) !== fingerprint) continue;
    rememberMapping(fingerprint, mapping);
    store().deleteProperty(key);
    return mapping;
  }
  return null;
}

export function rememberMapping(fingerprint: string, mapping: SavedMapping): void {
  if (fingerprint) store().setProperty(PREFIX + fingerprint, JSON.stringify(mapping));
}
