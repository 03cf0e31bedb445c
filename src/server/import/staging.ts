// The cleaned contacts of an import wait in a hidden sheet between preview and write: a long import then resumes
// from the spreadsheet, not from the sidebar's memory, and the chunks google.script.run carries stay small.
// The sheet is shared by everyone in the office: each import's rows carry its id and stay until the import is over.
// A new stage replaces only its own rows and drops those of imports that are over (done or undone), that were staged
// and never started long ago, or that the Imports sheet no longer knows; an interrupted colleague's import keeps its
// rows, so its resume still finds them.

import { CARD_LIMIT, cardFits } from '../../core/import/normalize/card-size';
import type { NormalizedContact } from '../../core/import/types';
import type { ImportRecord } from '../../shared/import-dto';
import { CrmTable } from '../sheets/table';
import { scriptClock } from '../clock';
import { allRecords } from './journal';

/** Google's limit per cell; a contact bigger than this cannot be staged (and would not be a sane client card). */

/** A preview nobody went on with (the sidebar was closed) is dropped by the next stage after this long. */
const ABANDONED_STAGE_MS = 24 * 60 * 60 * 1000;

/** Whether an import's staged rows are still needed: it may still be run or resumed. */
function stillNeeded(record: ImportRecord | undefined, now: number): boolean {
  if (!record) return false;
  if (record.status === 'done' || record.status === 'undone') return false;
  if (record.status === 'staged') return now - Date.parse(record.startedAt) < ABANDONED_STAGE_MS;
  return true;
}

/** Empties the staging sheet of `importId`'s rows and of rows no import needs; keeps the rest in place. */
function startOver(table: CrmTable, importId: string): void {
  const all = table.rows();
  if (!all.length) return;
  const records = new Map(allRecords().map((r) => [r.id, r]));
  const now = scriptClock.now();
  const kept = all.filter(
    (r) => String(r.values.importId) !== importId && stillNeeded(records.get(String(r.values.importId)), now),
  );
  // Nothing to remove: the sheet stays as it is and this import's rows go under the others.
  if (kept.length === all.length) return;
  table.clearRows();
  table.appendBlock(
    kept.map((r) => ({
      importId: String(r.values.importId),
      row: Number(r.values.row),
      contact: String(r.values.contact),
    })),
  );
}

export function stageContacts(importId: string, contacts: NormalizedContact[], first: boolean): number {
  const table = CrmTable.open('importStaging', { read: first });
  if (first) startOver(table, importId);
  const records = contacts.map((c) => {
    const json = JSON.stringify(c);
    // The preview already refused such a row (core/import/normalize/card-size.ts): this is the same rule, kept as a
    // guard for a caller that staged without previewing.
    if (!cardFits(c))
      throw new Error(
        `Row ${c.rowNumber}: this client's card is over ${CARD_LIMIT} characters and cannot be imported.`,
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
