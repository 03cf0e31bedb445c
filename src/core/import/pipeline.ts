// One import, as the sidebar and the CLI both run it: read the file, map its columns, clean every row. Each step is a
// separate function so the sidebar can stop between them for the user to adjust the mapping.

import type { Locale } from '../i18n/locale';
import { applyMapping, autoMap, Mapping, mappingFingerprint } from './mapping';
import { guessByContent } from './mapping/content-guess';
import { genericColumnName, guessReason, guessWarnings, headerlessWarning } from './mapping/guess-messages';
import { normalizeAll, NormalizeOptions } from './normalize';
import { readContactsFile } from './readers';
import type { ImportPlan } from './plan';
import type { ContactDraft, ImportProblem, NormalizedContact, SourceTable } from './types';

export interface ReadOptions {
  encoding?: string;
  delimiter?: string;
  sheetName?: string;
  /** The office's language, for the names of a header-less file's columns ("Колонка 1") and its warning. */
  locale?: Locale;
  /** The office's default country, when known: lets content-aware mapping check national phone numbers. */
  defaultCountry?: string;
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
  const locale = options.locale ?? 'en';
  if (table.headerless) {
    table.headers = table.headers.map((_, i) => genericColumnName(locale, i));
    table.warnings = [headerlessWarning(locale, fileName, table.headers), ...table.warnings];
  }
  const proposed = guessByContent(autoMap(table.headers), table.rows, options.defaultCountry);
  return {
    fileName,
    format: table.format,
    encoding: table.encoding ?? (table.format === 'csv' ? 'utf-8' : 'binary'),
    table,
    headers: table.headers,
    fingerprint: table.headerless ? headerlessFingerprint(proposed) : mappingFingerprint(table.headers),
    proposed,
    warnings: table.warnings,
  };
}

/**
 * A header-less file has no header row to remember its mapping by: it is remembered by the fields its columns'
 * content suggested (and never under the generic names, which every header-less file of that width shares).
 */
export function headerlessFingerprint(proposed: Mapping): string {
  return mappingFingerprint(['headerless', ...proposed.columns.map((c) => c.field)]);
}

/** A mapping remembered for this layout, its columns marked as such (the sidebar and the CLI say where each
 *  column's field came from). */
export function rememberedMapping(saved: Mapping | null): Mapping | null {
  if (!saved) return null;
  return { ...saved, columns: saved.columns.map((c) => ({ ...c, source: 'remembered' as const })) };
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
  const guessed = file.table && mapping ? guessWarnings(options.locale, mapping.columns) : [];
  return { drafts, contacts, problems, warnings: [...guessed, ...warnings] };
}

/**
 * The label the user gave the whole import (the sidebar's Label box, the CLI's `--label`), added to every contact
 * that does not already carry it (any case): it travels with the contacts, so the server needs nothing more.
 */
export function withImportLabel(contacts: NormalizedContact[], label: string | undefined): NormalizedContact[] {
  const name = (label ?? '').trim();
  if (!name) return contacts;
  const key = name.toLowerCase();
  return contacts.map((c) =>
    c.labels.some((l) => l.toLowerCase() === key) ? c : { ...c, labels: [...c.labels, name] },
  );
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

/** The mapping column by column, as `crm preview --json` prints it beside `mapping`: where each field came from and,
 *  for a guess by content, why. */
export function mappingColumns(
  mapping: Mapping | null,
  locale: Locale,
): Array<{ column: string; field: string; source: string; reason?: string }> {
  return (mapping?.columns ?? []).map((c) => {
    const field = c.field === 'custom' && c.key ? `custom:${c.key}` : c.field;
    const out: { column: string; field: string; source: string; reason?: string } = {
      column: c.header,
      field,
      source: c.source ?? 'header',
    };
    if (c.source === 'content' && c.guess) out.reason = guessReason(locale, c.guess);
    return out;
  });
}
