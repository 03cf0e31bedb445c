// The Reports and Dashboard sheets: found by their title in any of our languages (sheet handles are free), else by
// the id remembered when they were made (a tab the office renamed: one Properties read, only then); created on the
// first refresh with the choice cells people edit (a dropdown of period kinds, date cells).

import type { Locale } from '../../core/i18n/locale';
import { CHOICE, choiceLabels, defaultKindWord } from '../../core/reports/report-sheet';
import { isSheetTitled, periodKindWords, reportWord } from '../../core/reports/words';
import { sheetCell } from '../../core/sheets/cell-text';
import { rememberedSheetIds, rememberSheetIds } from '../sheets/crm-spreadsheet';
import { DATE_PATTERN } from '../sheets/values-batch';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type ReportSheetKey = 'reports' | 'dashboard';

const WORD = { reports: 'reportsSheet', dashboard: 'dashboardSheet' } as const;

export function findReportSheet(ss: Spreadsheet, key: ReportSheetKey): Sheet | undefined {
  const sheets = ss.getSheets();
  const titled = sheets.find((s) => isSheetTitled(WORD[key], s.getName()));
  if (titled) return titled;
  const id = rememberedSheetIds()[key];
  return id === undefined ? undefined : sheets.find((s) => s.getSheetId() === id);
}

function remember(key: ReportSheetKey, sheet: Sheet): void {
  const ids = rememberedSheetIds();
  ids[key] = sheet.getSheetId();
  rememberSheetIds(ids);
}

/** A new Reports sheet: the choice block (A1:C4) with its dropdown and date cells; the refresh writes the rest. */
export function createReportsSheet(ss: Spreadsheet, locale: Locale): Sheet {
  const sheet = ss.insertSheet(reportWord(locale, 'reportsSheet'));
  const { title, labels, hints } = choiceLabels(locale);
  const values = [
    [title, '', ''],
    ...labels.map((label, i) => [label, i === 0 ? defaultKindWord(locale) : '', hints[i]]),
  ];
  sheet.getRange(1, 1, values.length, 3).setValues(values.map((r) => r.map(sheetCell)));
  // "Show a warning" rather than reject, as every CRM dropdown: a word in another of our languages still reads.
  const kinds = SpreadsheetApp.newDataValidation()
    .requireValueInList(periodKindWords(locale), true)
    .setAllowInvalid(true)
    .build();
  sheet.getRange(CHOICE.kind, 2).setDataValidation(kinds);
  sheet.getRange(CHOICE.from, 2, 2, 1).setNumberFormat(DATE_PATTERN);
  sheet.setColumnWidth(1, 320);
  sheet.setFrozenRows(1);
  remember('reports', sheet);
  return sheet;
}

export function createDashboardSheet(ss: Spreadsheet, locale: Locale): Sheet {
  const sheet = ss.insertSheet(reportWord(locale, 'dashboardSheet'));
  sheet.setColumnWidth(1, 260);
  remember('dashboard', sheet);
  return sheet;
}
