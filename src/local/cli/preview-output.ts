// What `preview` prints, on the sandbox and on a Google account alike: the file as read, the cleaned contacts, the
// problems and what the plan would do.

import type { Mapping } from '../../core/import/mapping';
import { mappingAsObject, type CleanedFile, type OpenedFile } from '../../core/import/pipeline';
import type { ImportPlan } from '../../core/import/plan';

export function previewOutput(opened: OpenedFile, mapping: Mapping | null, cleaned: CleanedFile, plan: ImportPlan) {
  return {
    format: opened.format,
    encoding: opened.encoding,
    mapping: mappingAsObject(mapping),
    contacts: cleaned.contacts.map((c) => ({ ...c.person, labels: c.labels })),
    errors: cleaned.problems,
    duplicates: plan.duplicates,
    summary: {
      rows: opened.table?.rows.length ?? opened.drafts?.length ?? 0,
      create: plan.creates.length,
      update: plan.updates.length,
      skip: plan.skips.length,
    },
    warnings: opened.warnings,
  };
}
