// Creates the CRM's sheets from sheets-templates/ or repairs them. Repair only adds: a hand-edited sheet keeps every
// row and column the office made; missing columns are appended after the last used one, in the header's row (found
// among the top rows as the table layer finds it, so title lines above it stay). What this file writes is ours alone
// (template titles, initial rows, formats, dropdowns): no text a person or a file supplied, but a template's text is
// text all the same (a translated reason could be "1/2 оплаты"), so it goes through the one rule, core sheetCell.

import { Locale } from '../../core/i18n/locale';
import { sheetCell } from '../../core/sheets/cell-text';
import { t } from '../../core/i18n/messages';
import { ColumnTemplate, initialRows, repairPlan, SheetTemplate } from '../../core/sheets/template';
import { SheetKey, TEMPLATES } from '../../core/sheets/templates';
import type { SetupResult, SheetStatus } from '../../shared/rpc';
import { pickSheet, rememberedSheetIds, rememberSheetIds } from './crm-spreadsheet';
import { completeSettingsRows } from './settings';
import { CrmTable } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Where a sheet's header is and its columns (-1 for those missing): the top rows in one request. */
interface HeaderAt {
  row: number;
  columns: Record<string, number>;
}

function headerOf(sheet: Sheet, tpl: SheetTemplate): HeaderAt {
  const table = CrmTable.onSheet(tpl.key as SheetKey, sheet);
  return { row: table.headerRow, columns: { ...table.columns } };
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

/** The new sheet, and the values written to it (what a later step of setup would otherwise read back). */
function createSheet(
  ss: Spreadsheet,
  tpl: SheetTemplate,
  locale: Locale,
  maxRows: MaxRows,
): { sheet: Sheet; values: unknown[][] } {
  const sheet = ss.insertSheet(tpl.title[locale]);
  const rows = initialRows(tpl, locale);
  const values = [
    tpl.columns.map((c) => c.title[locale]),
    ...rows.map((r) => tpl.columns.map((_, i) => (r[i] ?? '') as string | number | boolean)),
  ];
  sheet.getRange(1, 1, values.length, tpl.columns.length).setValues(values.map((r) => r.map(sheetCell)));
  formatColumns(sheet, tpl.columns, { row: 1, column: 1 }, maxRows);
  sheet.getRange(1, 1, 1, tpl.columns.length).setFontWeight('bold');
  if (tpl.frozenRows) sheet.setFrozenRows(tpl.frozenRows);
  if (tpl.hidden) sheet.hideSheet();
  return { sheet, values };
}

/** Widths, and date formats on the rows below the header (`at`: the header's row and the first column's). */
function formatColumns(
  sheet: Sheet,
  columns: ColumnTemplate[],
  at: { row: number; column: number },
  maxRows: MaxRows,
): void {
  columns.forEach((c, i) => {
    if (c.width) sheet.setColumnWidth(at.column + i, c.width);
    const format = c.type === 'datetime' ? 'dd.mm.yyyy hh:mm' : undefined;
    if (format)
      sheet.getRange(at.row + 1, at.column + i, belowHeader(sheet, at.row, maxRows), 1).setNumberFormat(format);
  });
}

function belowHeader(sheet: Sheet, headerRow: number, maxRows: MaxRows): number {
  return Math.max(maxRows(sheet) - headerRow, 1);
}

/**
 * Dropdowns fed by the reference lists. "Show a warning" rather than "reject": an office may type a new value.
 * `headers` are the headers setup already holds (as read, plus what it wrote), so no header is read again.
 */
function applyValidations(sheets: Map<string, Sheet>, headers: Map<string, HeaderAt>, maxRows: MaxRows): void {
  for (const tpl of TEMPLATES) {
    const sheet = sheets.get(tpl.key);
    const at = headers.get(tpl.key);
    if (!sheet || !at) continue;
    for (const column of tpl.columns) {
      if (!column.validation || at.columns[column.key] < 0) continue;
      const source = sheets.get(column.validation.sheet);
      const sourceAt = headers.get(column.validation.sheet);
      const sourceColumn = sourceAt?.columns[column.validation.column] ?? -1;
      if (!source || !sourceAt || sourceColumn < 0) continue;
      const list = source.getRange(sourceAt.row + 1, sourceColumn + 1, belowHeader(source, sourceAt.row, maxRows), 1);
      const rule = SpreadsheetApp.newDataValidation().requireValueInRange(list, true).setAllowInvalid(true).build();
      sheet
        .getRange(at.row + 1, at.columns[column.key] + 1, belowHeader(sheet, at.row, maxRows), 1)
        .setDataValidation(rule);
    }
  }
}

/**
 * One missing CRM sheet made from its template, as setup would, for an office that has not run setup since the sheet
 * was added (the Journal: an import must not refuse because of it). Its id is remembered like setup's.
 */
export function createMissingSheet(ss: Spreadsheet, key: SheetKey, locale: Locale): Sheet {
  const tpl = TEMPLATES.find((x) => x.key === key);
  if (!tpl) throw new Error(`No sheet template "${key}"`);
  const { sheet } = createSheet(ss, tpl, locale, maxRowsMemo());
  rememberSheetIds({ ...rememberedSheetIds(), [key]: sheet.getSheetId() });
  return sheet;
}

export function setupSpreadsheet(ss: Spreadsheet, locale: Locale): SetupResult {
  const existing = ss.getSheets();
  const ids = rememberedSheetIds();
  const maxRows = maxRowsMemo();
  const created: string[] = [];
  const repaired: string[] = [];
  const byKey = new Map<string, Sheet>();
  const headers = new Map<string, HeaderAt>();
  let settingsValues: unknown[][] | undefined;
  for (const tpl of TEMPLATES) {
    let sheet = pickSheet(existing, tpl, ids);
    if (!sheet) {
      const made = createSheet(ss, tpl, locale, maxRows);
      sheet = made.sheet;
      if (tpl.key === 'settings') settingsValues = made.values;
      created.push(tpl.title[locale]);
      headers.set(tpl.key, { row: 1, columns: Object.fromEntries(tpl.columns.map((c, i) => [c.key, i])) });
    } else {
      const header = headerOf(sheet, tpl);
      const missing = repairPlan(tpl, header.columns).missing;
      if (missing.length) {
        const first = sheet.getLastColumn() + 1;
        sheet
          .getRange(header.row, first, 1, missing.length)
          .setValues([missing.map((c) => sheetCell(c.title[locale]))]);
        formatColumns(sheet, missing, { row: header.row, column: first }, maxRows);
        repaired.push(sheet.getName());
        missing.forEach((c, i) => (header.columns[c.key] = first - 1 + i));
      }
      headers.set(tpl.key, header);
    }
    ids[tpl.key] = sheet.getSheetId();
    byKey.set(tpl.key, sheet);
  }
  applyValidations(byKey, headers, maxRows);
  rememberSheetIds(ids);
  completeSettingsRows(ss, locale, settingsValues);
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
    const missing = repairPlan(tpl, headerOf(sheet, tpl).columns).missing.map((c) => c.title[locale]);
    return { key: tpl.key, title: sheet.getName(), state: missing.length ? 'repair' : 'ok', missingColumns: missing };
  });
}
