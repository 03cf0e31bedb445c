// The Import / Export half of the sidebar contract (src/shared/rpc.ts).

import type {
  ExportPage,
  ExportPageInput,
  ImportRecord,
  ImportSetup,
  StageImportInput,
  StageImportResult,
} from '../../shared/import-dto';
import { exportPage } from '../export/contacts';
import { listUserGroups } from '../people/gateway';
import { readSettings, uiLocale } from '../sheets/settings';
import { allRecords } from './journal';
import { rememberMapping, savedMapping } from './mappings';
import { stageFirst, stageMore } from './staging';

export function getImportSetup(fingerprint: string): ImportSetup {
  const settings = readSettings();
  return {
    locale: uiLocale(settings),
    defaultCountry: settings.get('defaultCountry'),
    mapping: savedMapping(String(fingerprint ?? '')),
  };
}

/** The office's labels (Google Contacts groups), for the export's label choice. */
export function listLabels(): string[] {
  return listUserGroups()
    .map((g) => String(g.name))
    .sort((a, b) => a.localeCompare(b));
}

export function stageImport(input: StageImportInput): StageImportResult {
  const importId = String(input.importId ?? '');
  if (!/^[\w.-]{1,64}$/.test(importId))
    throw new Error('An import id is letters, digits, "-", "_" or "." (at most 64).');
  if (!Array.isArray(input.contacts)) throw new Error('stageImport: contacts must be a list.');
  if (input.chunk !== 0) return { importId, staged: stageMore(importId, input.contacts) };
  // First: a mapping too large to remember is refused before the import writes anything.
  if (input.fingerprint && input.mapping)
    rememberMapping(input.fingerprint, input.mapping, String(input.fileName ?? ''));
  const start = {
    importId,
    file: String(input.fileName ?? ''),
    problems: input.problems ?? [],
    digest: typeof input.digest === 'string' ? input.digest : undefined,
  };
  return { importId, ...stageFirst(start, input.contacts) };
}

export function listImports(): ImportRecord[] {
  return allRecords();
}

export function exportContacts(input: ExportPageInput): ExportPage {
  return exportPage(input ?? {});
}
