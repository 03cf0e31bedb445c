// The cleaned contacts of an import wait in a hidden sheet between preview and write: a long import then resumes
// from the spreadsheet, not from the sidebar's memory, and the chunks google.script.run carries stay small.

import type { NormalizedContact } from '../../core/import/types';
import { CrmTable } from '../sheets/table';

/** Google's limit per cell; a contact bigger than this cannot be staged (and would not be a sane client card). */
const CELL_LIMIT = 50000;

export function stageContacts(importId: string, contacts: NormalizedContact[], startOver: boolean): number {
  const table = CrmTable.open('importStaging');
  // One import is staged at a time: clear what an earlier one left (the append then starts under the header).
  if (startOver) table.clearRows();
  const records = contacts.map((c) => {
    const json = JSON.stringify(c);
    if (json.length > CELL_LIMIT)
      throw new Error(
        `Row ${c.rowNumber}: this client's card is over ${CELL_LIMIT} characters and cannot be imported.`,
      );
    return { importId, row: c.rowNumber, contact: json };
  });
  table.appendBlock(records);
  return records.length;
}

export function stagedContacts(importId: string): NormalizedContact[] {
  const table = CrmTable.open('importStaging', { read: true });
  const out: NormalizedContact[] = [];
  for (const row of table.rows()) {
    if (String(row.values.importId) !== importId) continue;
    out.push(JSON.parse(String(row.values.contact)) as NormalizedContact);
  }
  return out;
}
