// The office's protected sheets: Staff, Lists and Settings decide who may do what, so only the office account (the
// spreadsheet's owner) and the directors on the Staff sheet may edit them — by script, by the Sheets API or by typing.
// Google: "Until the script actually changes the list of editors for the sheet ... the permissions will mirror those of
// the spreadsheet itself" (https://developers.google.com/apps-script/reference/spreadsheet/sheet#protect()), so a bare
// protect() stops no one: the editor list is narrowed to exactly ours, domain edit off, as Google's sample does.
// Refreshed by setup / repair, by saving Settings and by adding a person with `crm staff add` (whenever the Staff
// sheet may name a new director); a director typed into Staff by hand becomes an editor at the next of those.

import { roleOfText } from '../../core/roles/roles';
import { PENDING_OPEN_FIRST_ROW } from '../../core/settings/pending-open';
import type { SheetKey } from '../../core/sheets/templates';
import type { OfficeContext } from '../events/office';
import { crmSheet } from './crm-spreadsheet';

/**
 * The rows the Gmail card's "Open in the CRM" records use (core/settings/pending-open.ts) stay open to everyone: the
 * clicking user writes their record and their onOpen clears it, whoever they are. No setting is read there.
 */
function openPendingZone(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  protection: GoogleAppsScript.Spreadsheet.Protection,
) {
  const maxRows = sheet.getMaxRows();
  if (maxRows < PENDING_OPEN_FIRST_ROW) sheet.insertRowsAfter(maxRows, PENDING_OPEN_FIRST_ROW - maxRows);
  const rows = Math.max(maxRows, PENDING_OPEN_FIRST_ROW) - PENDING_OPEN_FIRST_ROW + 1;
  const columns = Math.max(sheet.getMaxColumns(), 3);
  protection.setUnprotectedRanges([sheet.getRange(PENDING_OPEN_FIRST_ROW, 1, rows, columns)]);
}

export const PROTECTED_SHEETS: SheetKey[] = ['staff', 'lists', 'settings'];

/** The editors the protected sheets should have: the office account and every director with an e-mail. */
export function protectedSheetEditors(office: OfficeContext): string[] {
  const directors = office.staff.filter((s) => s.email !== '' && roleOfText(s.role) === 'director').map((s) => s.email);
  return [...new Set([office.ownerEmail, ...directors].filter((e) => e !== ''))];
}

/**
 * Protects each sheet (or finds its protection) and brings its editors in line. Google keeps the owner and the person
 * running this as editors whatever is removed. Someone who may not change a protection (Google throws for a
 * non-editor) leaves it as it is: the office account's next setup refreshes it. Answers the sheets it could not.
 */
export function protectOfficeSheets(office: OfficeContext): SheetKey[] {
  const editors = protectedSheetEditors(office);
  const failed: SheetKey[] = [];
  for (const key of PROTECTED_SHEETS) {
    const sheet = crmSheet(key, office.ss);
    if (!sheet) continue;
    try {
      const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
      const protection = existing ?? sheet.protect().setDescription('CRM: the office account and the directors');
      const current = protection.getEditors().map((u) => u.getEmail().trim().toLowerCase());
      const extra = current.filter((e) => !editors.includes(e));
      const missing = editors.filter((e) => !current.includes(e));
      if (extra.length) protection.removeEditors(extra);
      if (missing.length) protection.addEditors(missing);
      // Only a Workspace domain has domain edit to turn off (Google throws on a consumer owner's spreadsheet).
      if (protection.canDomainEdit()) protection.setDomainEdit(false);
      if (protection.isWarningOnly()) protection.setWarningOnly(false);
      if (key === 'settings' && protection.getUnprotectedRanges().length === 0) openPendingZone(sheet, protection);
    } catch (e) {
      console.warn(`The ${key} sheet's protection was not refreshed: ${e instanceof Error ? e.name : 'error'}`);
      failed.push(key);
    }
  }
  return failed;
}
