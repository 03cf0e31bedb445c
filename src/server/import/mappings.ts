// A column mapping the user confirmed is remembered for files with the same header (the office exports the same
// Excel every time), in the spreadsheet's document properties.

import type { SavedMapping } from '../../shared/import-dto';

const PREFIX = 'crm.mapping.';

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties() ?? PropertiesService.getScriptProperties();
}

export function savedMapping(fingerprint: string): SavedMapping | null {
  if (!fingerprint) return null;
  const raw = store().getProperty(PREFIX + fingerprint);
  return raw ? (JSON.parse(raw) as SavedMapping) : null;
}

export function rememberMapping(fingerprint: string, mapping: SavedMapping): void {
  if (fingerprint) store().setProperty(PREFIX + fingerprint, JSON.stringify(mapping));
}
