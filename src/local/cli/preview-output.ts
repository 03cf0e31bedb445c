// What `preview` prints, on the sandbox and on a Google account alike: the file as read, the cleaned contacts, the
// problems and what the plan would do.

import type { Locale } from '../../core/i18n/locale';
import type { Mapping } from '../../core/import/mapping';
import {
  mappingAsObject,
  mappingColumns,
  previewSummary,
  type CleanedFile,
  type OpenedFile,
} from '../../core/import/pipeline';
import type { ImportPlan } from '../../core/import/plan';

export function previewOutput(
  opened: OpenedFile,
  mapping: Mapping | null,
  cleaned: CleanedFile,
  plan: ImportPlan,
  locale: Locale = 'en',
) {
  return {
    format: opened.format,
    encoding: opened.encoding,
    mapping: mappingAsObject(mapping),
    // The same mapping column by column: where each field came from (`header`, `content`, `remembered`) and, for a
    // guess by content, the reason ("9 of 10 values are phone numbers").
    columns: mappingColumns(mapping, locale),
    contacts: cleaned.contacts.map((c) => ({ ...c.person, labels: c.labels })),
    errors: cleaned.problems,
    duplicates: plan.duplicates,
    // rows = create + update + skip + rejected + ignored (skip includes the `merged` in-file duplicates).
    summary: previewSummary(opened, cleaned, plan),
    // Every decision taken on the user's behalf: the encoding, the header row, the order of each name column…
    warnings: [...opened.warnings, ...cleaned.warnings],
  };
}
