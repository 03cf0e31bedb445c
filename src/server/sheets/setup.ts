// Creates the CRM's sheets from sheets-templates/ or repairs them. Repair only adds: a hand-edited sheet keeps every
// row and column the office made; missing columns are appended after the last used one.

import { Locale } from '../../core/i18n/locale';
import { t } from '../../core/i18n/messages';
import { ColumnTemplate, initialRows, locateColumns, repairPlan, SheetTemplate } from '../../core/sheets/template';
import { TEMPLATES } from '../../core/sheets/templates';
import type { SetupResult, SheetStatus } from '../../shared/rpc';
import { pickSheet, rememberedSheetIds, rememberSheetIds } from './crm-spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function headerRow(sheet: Sheet): unknown[] {
  const width = sheet.getLastColumn();
  return width === 0 ? [] : sheet.getRange(1, 1, 1, width).getValues()[0];
}

function createSheet(ss: Spreadsheet, tpl: SheetTemplate, locale: Locale): Sheet {
  const sheet = ss.insertSheet(tpl.title[locale]);
  const rows = initialRows(tpl, locale);
  const values = [tpl.columns.map((c) => c.title[locale]), ...rows.map((r) => tpl.columns.map((_, i) => (r[i] ?? '') as string | number | boolean))];
  sheet.getRange(1, 1, values.length, tpl.columns.length).setValues(values);
  formatColumns(sheet, tpl.columns, 1);
  sheet.getRange(1, 1, 1, tpl.columns.length).setFontWeight('bold');
  if (tpl.frozenRows) sheet.setFrozenRows(tpl.frozenRows);
  if (tpl.hidden) sheet.hideSheet();
  return sheet;
}

function formatColumns(sheet: Sheet, columns: ColumnTemplate[], firstColumn: number): void {
  columns.forEach((c, i) => {
    if (c.width) sheet.setColumnWidth(firstColumn + i, c.width);
    const format = c.type === 'datetime' ? 'dd.mm.yyyy hh:mm' : undefined;
    if (format) sheet.getRange(2, firstColumn + i, Math.max(sheet.getMaxRows() - 1, 1), 1).setNumberFormat(format);
  });
}

/** Dropdowns fed by the reference lists. "Show a warning" rather than "reject": an office may type a new value. */
function applyValidations(ss: Spreadsheet, sheets: Map<string, Sheet>): void {
  for (const tpl of TEMPLATES) {
    const sheet = sheets.get(tpl.key);
    if (!sheet) continue;
    const headers = headerRow(sheet);
    const at = locateColumns(tpl, headers);
    for (const column of tpl.columns) {
      if (!column.validation || at[column.key] < 0) continue;
      const sourceTpl = TEMPLATES.find((x) => x.key === column.validation?.sheet);
      const source = sourceTpl && sheets.get(sourceTpl.key);
      if (!sourceTpl || !source) continue;
      const sourceAt = locateColumns(sourceTpl, headerRow(source))[column.validation.column];
      if (sourceAt < 0) continue;
      const list = source.getRange(2, sourceAt + 1, Math.max(source.getMaxRows() - 1, 1), 1);
      const rule = SpreadsheetApp.newDataValidation().requireValueInRange(list, true).setAllowInvalid(true).build();
      sheet.getRange(2, at[column.key] + 1, Math.max(sheet.getMaxRows() - 1, 1), 1).setDataValidation(rule);
    }
  }
  void ss;
}

export function setupSpreadsheet(ss: Spreadsheet, locale: Locale): SetupResult {
  const existing = ss.getSheets();
  const ids = rememberedSheetIds();
  const created: string[] = [];
  const repaired: string[] = [];
  const byKey = new Map<string, Sheet>();
  for (const tpl of TEMPLATES) {
    let sheet = pickSheet(existing, tpl, ids);
    if (!sheet) {
      sheet = createSheet(ss, tpl, locale);
      created.push(tpl.title[locale]);
    } else {
      const plan = repairPlan(tpl, headerRow(sheet));
      if (plan.missing.length) {
        const first = sheet.getLastColumn() + 1;
        sheet.getRange(1, first, 1, plan.missing.length).setValues([plan.missing.map((c) => c.title[locale])]);
        formatColumns(sheet, plan.missing, first);
        repaired.push(sheet.getName());
      }
    }
    ids[tpl.key] = sheet.getSheetId();
    byKey.set(tpl.key, sheet);
  }
  applyValidations(ss, byKey);
  rememberSheetIds(ids);
  const message = created.length || repaired.length ? t(locale, 'setupDone', { created: created.length, repaired: repaired.length }) : t(locale, 'setupNothing');
  return { created, repaired, message };
}

export function sheetStatuses(ss: Spreadsheet, locale: Locale): SheetStatus[] {
  const sheets = ss.getSheets();
  const ids = rememberedSheetIds();
  return TEMPLATES.map((tpl) => {
    const sheet = pickSheet(sheets, tpl, ids);
    if (!sheet) return { key: tpl.key, title: tpl.title[locale], state: 'missing', missingColumns: [] };
    const missing = repairPlan(tpl, headerRow(sheet)).missing.map((c) => c.title[locale]);
    return { key: tpl.key, title: sheet.getName(), state: missing.length ? 'repair' : 'ok', missingColumns: missing };
  });
}
