// The Reports and Dashboard sheets: found by their title in any of our languages (sheet handles are free), else by
// the id remembered when they were made (a tab the office renamed: one Properties read, only then); created on the
// first refresh with the choice cells people edit (a dropdown of period kinds, date cells).

import type { Locale } from '../../core/i18n/locale';
import { CHOICE } from '../../core/reports/report-sheet';
import { isSheetTitled, periodKindWords, reportWord } from '../../core/reports/words';
import { rememberedSheetIds, rememberSheetIds } from '../sheets/crm-spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type ReportSheetKey = 'reports' | 'dashboard';

const WORD = { reports: 'reportsSheet', dashboard: 'dashboardSheet' } as const;

/** A lookup that found nothing by title, with the ids it read (so remembering the new sheet reads them no more). */
export interface SheetLookup {
  sheet?: Sheet;
  ids?: Record<string, number>;
}

/**
 * By title in any of our languages; the Reports sheet also by the id remembered when it was made (a renamed tab).
 * The Dashboard is found by title only: its first refresh makes five chart and sheet calls already, and a remembered
 * id would cost two more (a renamed Dashboard is made again; the old tab stays the office's).
 */
export function lookUpReportSheet(ss: Spreadsheet, key: ReportSheetKey): SheetLookup {
  const sheets = ss.getSheets();
  const titled = sheets.find((s) => isSheetTitled(WORD[key], s.getName()));
  if (titled || key === 'dashboard') return { sheet: titled };
  const ids = rememberedSheetIds();
  const id = ids[key];
  return { sheet: id === undefined ? undefined : sheets.find((s) => s.getSheetId() === id), ids };
}

export function findReportSheet(ss: Spreadsheet, key: ReportSheetKey): Sheet | undefined {
  return lookUpReportSheet(ss, key).sheet;
}

/**
 * A new Reports sheet with its period dropdown (B2); the refresh writes the labels, the default kind and everything
 * else in its one batchUpdate, so making the sheet costs only what the Sheets API cannot do in that batch.
 */
export function createReportsSheet(ss: Spreadsheet, locale: Locale, ids: Record<string, number> = {}): Sheet {
  const sheet = ss.insertSheet(reportWord(locale, 'reportsSheet'));
  // "Show a warning" rather than reject, as every CRM dropdown: a word in another of our languages still reads.
  const kinds = SpreadsheetApp.newDataValidation()
    .requireValueInList(periodKindWords(locale), true)
    .setAllowInvalid(true)
    .build();
  sheet.getRange(CHOICE.kind, 2).setDataValidation(kinds);
  sheet.setColumnWidth(1, 320);
  rememberSheetIds({ ...ids, reports: sheet.getSheetId() });
  return sheet;
}

export function createDashboardSheet(ss: Spreadsheet, locale: Locale): Sheet {
  return ss.insertSheet(reportWord(locale, 'dashboardSheet'));
}
