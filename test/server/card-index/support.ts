// Seeding for the index and daily-routine suites: contacts straight into the People store, rows straight into the
// CRM sheets (found by the template's column titles), so each test pays only for what it measures.

import type { people_v1 } from '@googleapis/people';
import { locateColumns } from '../../../src/core/sheets/template';
import { SheetKey, template } from '../../../src/core/sheets/templates';
import { sheetTitleMatches } from '../../../src/core/sheets/template';
import type { Office } from '../../../src/local/office';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export function phoneOf(i: number): string {
  return `+7 912 ${String(1000000 + i).slice(-7)}`;
}

/** `n` clients: client<i>@example.ru, a Russian mobile, every fifth in the VIP label, a manager custom field. */
export function seedClients(office: Office, n: number): { names: string[]; vip: string } {
  const ws = office.workspace;
  const vip = ws.people.insertGroup('VIP', [], ws.clock.now()).resourceName;
  const persons: people_v1.Schema$Person[] = Array.from({ length: n }, (_, i) => ({
    names: [{ givenName: 'Иван', familyName: `Клиент${i}` }],
    emailAddresses: [{ value: `client${i}@example.ru` }],
    phoneNumbers: [{ value: phoneOf(i) }],
    userDefined: [{ key: 'Менеджер', value: 'Анна' }],
    ...(i % 5 === 0 ? { memberships: [{ contactGroupMembership: { contactGroupResourceName: vip } }] } : {}),
  }));
  return { names: ws.people.seed(persons, ws.clock.now()), vip };
}

function sheetApp(office: Office): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  const g = office.workspace.globals({
    project: 'sheet',
    boundSpreadsheetId: office.spreadsheetId,
    htmlFiles: {},
    ui: office.sheet.ui,
  });
  return g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

export function crmSheetOf(office: Office, key: SheetKey): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = sheetApp(office)
    .openById(office.spreadsheetId)
    .getSheets()
    .find((s) => sheetTitleMatches(template(key), s.getName()));
  if (!sheet) throw new Error(`no ${key} sheet`);
  return sheet;
}

/** Appends rows given by column key, as if typed into the sheet; the call log is left as it was. */
export function appendRows(
  office: Office,
  key: SheetKey,
  records: Array<Record<string, string | number | boolean | Date>>,
): void {
  const calls = office.workspace.calls;
  calls.measure(() => {
    const sheet = crmSheetOf(office, key);
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const at = locateColumns(template(key), header);
    const rows = records.map((r) => {
      const row: Array<string | number | boolean | Date> = new Array(header.length).fill('');
      for (const [k, v] of Object.entries(r)) if (at[k] >= 0) row[at[k]] = v;
      return row;
    });
    const first = sheet.getLastRow() + 1;
    const missing = first + rows.length - 1 - sheet.getMaxRows();
    if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
    sheet.getRange(first, 1, rows.length, header.length).setValues(rows);
  });
}

export function sheetValues(office: Office, key: SheetKey): unknown[][] {
  const name = crmSheetOf(office, key).getName();
  return office.workspace.spreadsheets.values(office.spreadsheetId, name);
}
