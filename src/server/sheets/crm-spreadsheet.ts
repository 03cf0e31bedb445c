// Where the CRM spreadsheet is and how its sheets are found. The bound project works on the spreadsheet it is bound
// to; the Gmail add-on (a standalone project) opens it by the id stored in its script properties.

import { SheetTemplate, sheetTitleMatches } from '../../core/sheets/template';
import { SheetKey, template } from '../../core/sheets/templates';

const SPREADSHEET_ID = 'crm.spreadsheetId';
/** The sheet ids setup remembered, by template key (JSON): read also by the PBX endpoint in its one getProperties. */
export const SHEET_IDS = 'crm.sheetIds';
/**
 * The spreadsheet owner's e-mail (the office account), kept by setup: who is the office account is asked by every
 * change and every checked right, and the script properties are read once per execution anyway (the card push), where
 * Spreadsheet.getOwner would be one request more each time. Setup refreshes it (an ownership transfer is rare).
 */
export const OWNER_PROPERTY = 'crm.spreadsheetOwner';

/**
 * The add-on's spreadsheet, opened once per execution: logging from the card reaches it from several modules, and each
 * opening costs a properties read and an openById. Apps Script starts every execution with fresh globals, so this
 * never outlives the run.
 */
let openedById: GoogleAppsScript.Spreadsheet.Spreadsheet | undefined;
let addonProps: Record<string, string> | undefined;

/**
 * The add-on's script properties, read whole once per execution: the spreadsheet's id and what the add-on keeps
 * beside it (the office's language, gmail/office-language.ts) cost the one request opening the spreadsheet makes.
 */
export function addonProperties(): Record<string, string> {
  return (addonProps ??= PropertiesService.getScriptProperties().getProperties());
}

/** A property the add-on wrote this execution, so the memo above stays what the store holds. */
export function setAddonProperty(key: string, value: string): void {
  PropertiesService.getScriptProperties().setProperty(key, value);
  if (addonProps) addonProps[key] = value;
}

export function crmSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  if (openedById) return openedById;
  const id = addonProperties()[SPREADSHEET_ID];
  if (!id) throw new Error('The CRM spreadsheet is not connected to this project yet.');
  return (openedById = SpreadsheetApp.openById(id));
}

export function rememberedSheetIds(): Record<string, number> {
  const raw = PropertiesService.getScriptProperties().getProperty(SHEET_IDS);
  return raw ? (JSON.parse(raw) as Record<string, number>) : {};
}

export function rememberSheetIds(ids: Record<string, number>): void {
  PropertiesService.getScriptProperties().setProperty(SHEET_IDS, JSON.stringify(ids));
}

/** The sheet for a template among `sheets` (one getSheets() call serves every lookup): remembered id first, then title. */
export function pickSheet(
  sheets: GoogleAppsScript.Spreadsheet.Sheet[],
  tpl: SheetTemplate,
  ids: Record<string, number>,
): GoogleAppsScript.Spreadsheet.Sheet | undefined {
  const id = ids[tpl.key];
  return (
    (id !== undefined ? sheets.find((s) => s.getSheetId() === id) : undefined) ??
    sheets.find((s) => sheetTitleMatches(tpl, s.getName()))
  );
}

/**
 * A CRM sheet by its title in any language (free: sheet handles cost no request), else by the id setup remembered,
 * which finds a tab the office renamed (one Properties read, only then).
 */
export function crmSheet(key: SheetKey, ss = crmSpreadsheet()): GoogleAppsScript.Spreadsheet.Sheet | undefined {
  const sheets = ss.getSheets();
  const tpl = template(key);
  return sheets.find((s) => sheetTitleMatches(tpl, s.getName())) ?? pickSheet(sheets, tpl, rememberedSheetIds());
}
