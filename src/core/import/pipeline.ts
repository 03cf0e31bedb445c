// One import, as the sidebar and the CLI both run it: read the file, map its columns, clean every row. Each step is a
// separate function so the sidebar can stop between them for the user to adjust the mapping.

import { applyMapping, autoMap, Mapping, mappingFingerprint } from './mapping';
import { normalizeAll, NormalizeOptions } from './normalize';
import { readContactsFile } from './readers';
import type { ImportPlan } from './plan';
import type { ContactDraft, ImportProblem, NormalizedContact, SourceTable } from './types';

export interface ReadOptions {
  encoding?: string;
  delimiter?: string;
  sheetName?: string;
}

export interface OpenedFile {
  fileName: string;
  format: string;
  encoding: string;
  /** Tables: what was read, and the mapping we propose. vCards need no mapping. */
  table?: SourceTable;
  drafts?: ContactDraft[];
  headers: string[];
  fingerprint: string;
  proposed: Mapping | null;
  warnings: string[];
}

export function openImportFile(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): OpenedFile {
  const read = readContactsFile(bytes, fileName, options);
  if (read.kind === 'drafts') {
    return {
      fileName,
      format: read.format,
      encoding: read.encoding,
      drafts: read.drafts,
      headers: [],
      fingerprint: 'vcard',
      proposed: null,
      warnings: read.warnings,
    };
  }
  const table = read.table;
  return {
    fileName,
    format: table.format,
    encoding: table.encoding ?? (table.format === 'csv' ? 'utf-8' : 'binary'),
    table,
    headers: table.headers,
    fingerprint: mappingFingerprint(table.headers),
    proposed: autoMap(table.headers),
    warnings: table.warnings,
  };
}

export interface CleanedFile {
  drafts: ContactDraft[];
  contacts: NormalizedContact[];
  problems: ImportProblem[];
  /** Decisions taken while cleaning, in the office's language (how each name column's order was read). */
  warnings: string[];
}

export function cleanImportFile(file: OpenedFile, mapping: Mapping | null, options: NormalizeOptions): CleanedFile {
  const drafts = file.drafts ?? (file.table && mapping ? applyMapping(file.table, mapping) : []);
  const { contacts, problems, warnings } = normalizeAll(drafts, options);
  return { drafts, contacts, problems, warnings };
}

/**
 * Where every data row of the file went: created (one per contact, in-file duplicates folded in), an update of an
 * account contact, skipped (identical, already imported, or `merged` into an earlier row of the file), `rejected`
 * (nothing to make a client from; the problems list it) or `ignored` (content only in columns the mapping ignores by
 * name, such as a row number "№"). `rows` = create + update + skip + rejected + ignored, always: a row that is none
 * of these would be a row lost without a word.
 */
export interface PreviewSummary {
  rows: number;
  create: number;
  update: number;
  skip: number;
  /** Of `skip`: rows folded into an earlier row of the file (same phone or e-mail). */
  merged: number;
  rejected: number;
  ignored: number;
}

export function previewSummary(
  file: OpenedFile,
  cleaned: CleanedFile,
  plan: Pick<ImportPlan, 'creates' | 'updates' | 'skips'>,
): PreviewSummary {
  return {
    rows: file.table?.rows.length ?? file.drafts?.length ?? 0,
    create: plan.creates.length,
    update: plan.updates.length,
    skip: plan.skips.length,
    merged: plan.skips.filter((s) => s.reason === 'duplicate-in-file').length,
    rejected: cleaned.drafts.length - cleaned.contacts.length,
    ignored: file.table ? file.table.rows.length - cleaned.drafts.length : 0,
  };
}

/** `{"<source column>": "<field>"}`, the mapping as the CLI prints it. */
export function mappingAsObject(mapping: Mapping | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of mapping?.columns ?? [])
    if (c.header) out[c.header] = c.field === 'custom' && c.key ? `custom:${c.key}` : c.field;
  return out;
}
