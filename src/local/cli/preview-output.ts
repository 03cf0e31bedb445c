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
import { isBookkeeping } from '../../core/import/plan/keys';
import type { Person } from '../../core/import/types';

/** A person without the import's own bookkeeping (crm.importId/clientId/rowHash): the preview's import id is not the
 *  one the real import will write, so printing it would show something that is never sent. */
function withoutBookkeeping(p: Person): Person {
  const data = (p.clientData ?? []).filter((c) => !isBookkeeping(c.key));
  const { clientData: _data, ...rest } = p;
  return data.length ? { ...rest, clientData: data } : rest;
}

/**
 * What the import will send, one entry per write in the order of the file: a new contact as batchCreateContacts gets
 * it (in-file duplicates already folded in), an existing one as batchUpdateContacts gets it (its resourceName, the
 * fields the update replaces and their new values). Rows skipped or merged into another row have no entry: the
 * `merges` list and `summary` say where they went.
 */
export function sentContacts(plan: Pick<ImportPlan, 'creates' | 'updates'>) {
  const creates = plan.creates.map((c) => ({
    first: c.rowNumbers[0],
    contact: { rows: c.rowNumbers, ...withoutBookkeeping(c.person), labels: c.labels },
  }));
  const updates = plan.updates.map((u) => {
    const fields = u.updatePersonFields.split(',').filter(Boolean);
    const after = u.after as Record<string, unknown>;
    const changed: Record<string, unknown> = {};
    for (const f of fields) changed[f] = after[f];
    return {
      first: u.rowNumbers[0],
      contact: {
        rows: u.rowNumbers,
        resourceName: u.resourceName,
        updatePersonFields: fields,
        ...changed,
        labels: u.addedLabels,
      },
    };
  });
  return [...creates, ...updates].sort((a, b) => a.first - b.first).map((x) => x.contact);
}

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
    // Exactly what will be sent (in-file duplicates merged); each merge names the spreadsheet rows it joined.
    contacts: sentContacts(plan),
    merges: plan.merges,
    errors: cleaned.problems,
    duplicates: plan.duplicates,
    // rows = create + update + skip + rejected + ignored (skip includes the `merged` in-file duplicates).
    summary: previewSummary(opened, cleaned, plan),
    // Every decision taken on the user's behalf: the encoding, the header row, the order of each name column…
    warnings: [...opened.warnings, ...cleaned.warnings],
  };
}
