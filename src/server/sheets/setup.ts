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

/** Row 1 in one request: a whole-row range spans every column, and the blank cells past the headers match none. */
function headerRow(sheet: Sheet): unknown[] {
  return sheet.getRange('1:1').getValues()[0];
}

/** getMaxRows once per sheet: setup adds no rows, so the first answer holds for the whole run. */
type MaxRows = (sheet: Sheet) => number;

function maxRowsMemo(): MaxRows {
  const known = new Map<Sheet, number>();
  return (sheet) => {
    let n = known.get(sheet);
    if (n === undefined) known.set(sheet, (n = sheet.getMaxRows()));
    return n;
  };
}

function createSheet(ss: Spreadsheet, tpl: SheetTemplate, locale: Locale, maxRows: MaxRows): Sheet {
  const sheet = ss.insertSheet(tpl.title[locale]);
  const rows = initialRows(tpl, locale);
  const values = [
    tpl.columns.map((c) => c.title[locale]),
    ...rows.map((r) => tpl.columns.map((_, i) => (r[i] ?? '') as string | number | boolean)),
  ];
  sheet.getRange(1, 1, values.length, tpl.columns.length).setValues(values);
  formatColumns(sheet, tpl.columns, 1, maxRows);
  sheet.getRange(1, 1, 1, tpl.columns.length).setFontWeight('bold');
  if (tpl.frozenRows) sheet.setFrozenRows(tpl.frozenRows);
  if (tpl.hidden) sheet.hideSheet();
  return sheet;
}

function formatColumns(sheet: Sheet, columns: ColumnTemplate[], firstColumn: number, maxRows: MaxRows): void {
  columns.forEach((c, i) => {
    if (c.width) sheet.setColumnWidth(firstColumn + i, c.width);
    const format = c.type === 'datetime' ? 'dd.mm.yyyy hh:mm' : undefined;
    if (format) sheet.getRange(2, firstColumn + i, Math.max(maxRows(sheet) - 1, 1), 1).setNumberFormat(format);
  });
}

/**
 * Dropdowns fed by the reference lists. "Show a warning" rather than "reject": an office may type a new value.
 * `headers` are the header rows setup already holds (as read, plus what it wrote), so no header is read again.
 */
function applyValidations(sheets: Map<string, Sheet>, headers: Map<string, unknown[]>, maxRows: MaxRows): void {
  for (const tpl of TEMPLATES) {
    const sheet = sheets.get(tpl.key);
    if (!sheet) continue;
    const at = locateColumns(tpl, headers.get(tpl.key) ?? []);
    for (const column of tpl.columns) {
      if (!column.validation || at[column.key] < 0) continue;
      const sourceTpl = TEMPLATES.find((x) => x.key === column.validation?.sheet);
      const source = sourceTpl && sheets.get(sourceTpl.key);
      if (!sourceTpl || !source) continue;
      const sourceAt = locateColumns(sourceTpl, headers.get(sourceTpl.key) ?? [])[column.validation.column];
      if (sourceAt < 0) continue;
      const list = source.getRange(2, sourceAt + 1, Math.max(maxRows(source) - 1, 1), 1);
      const rule = SpreadsheetApp.newDataValidation().requireValueInRange(list, true).setAllowInvalid(true).build();
      sheet.getRange(2, at[column.key] + 1, Math.max(maxRows(sheet) - 1, 1), 1).setDataValidation(rule);
    }
  }
}

export function setupSpreadsheet(ss: Spreadsheet, locale: Locale): SetupResult {
  const existing = ss.getSheets();
  const ids = rememberedSheetIds();
  const maxRows = maxRowsMemo();
  const created: string[] = [];
  const repaired: string[] = [];
  const byKey = new Map<string, Sheet>();
  const headers = new Map<string, unknown[]>();
  for (const tpl of TEMPLATES) {
    let sheet = pickSheet(existing, tpl, ids);
    if (!sheet) {
      sheet = createSheet(ss, tpl, locale, maxRows);
      created.push(tpl.title[locale]);
      headers.set(
        tpl.key,
        tpl.columns.map((c) => c.title[locale]),
      );
    } else {
      const header = headerRow(sheet);
      const plan = repairPlan(tpl, header);
      if (plan.missing.length) {
        const first = sheet.getLastColumn() + 1;
        const titles = plan.missing.map((c) => c.title[locale]);
        sheet.getRange(1, first, 1, plan.missing.length).setValues([titles]);
        formatColumns(sheet, plan.missing, first, maxRows);
        repaired.push(sheet.getName());
        titles.forEach((title, i) => (header[first - 1 + i] = title));
      }
      headers.set(tpl.key, header);
    }
    ids[tpl.key] = sheet.getSheetId();
    byKey.set(tpl.key, sheet);
  }
  applyValidations(byKey, headers, maxRows);
  rememberSheetIds(ids);
  const message =
    created.length || repaired.length
      ? t(locale, 'setupDone', { created: created.length, repaired: repaired.length })
      : t(locale, 'setupNothing');
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
