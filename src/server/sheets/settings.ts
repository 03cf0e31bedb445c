// The office's settings live in the Settings sheet (key | value | note), where the office can read and change them.
// What each setting means, allows and defaults to is core's (src/core/settings); this reads and writes the sheet.

import { Locale, toLocale } from '../../core/i18n/locale';
import type { SettingKey } from '../../core/settings/definitions';
import { OfficeSettings, parseSetting, readSettingsSheet, settingKey } from '../../core/settings/read';
import { initialRows } from '../../core/sheets/template';
import { template } from '../../core/sheets/templates';
import { crmSheet, crmSpreadsheet } from './crm-spreadsheet';
import { CellValue, CrmTable } from './table';
import { PENDING_OPEN_FIRST_ROW } from '../../core/settings/pending-open';
import { isSecretSetting } from '../../core/settings/secret';
import { readSecretSettings, writeSecretSettings } from './secret-settings';

export interface StoredSettings extends OfficeSettings {
  /** The Settings sheet as read (absent without one), so a write in the same execution need not read it again. */
  rows?: unknown[][];
}

/** The account's language: asked of Session only when a setting needs it. */
export function accountLocale(): Locale {
  return toLocale(Session.getActiveUserLocale());
}

/**
 * The settings from the sheet's values (one getValues; the office's own rows around ours are left alone); the secret
 * ones from the script properties, read only if one is asked for (secret-settings.ts).
 */
export function officeSettings(values: unknown[][]): OfficeSettings {
  return new OfficeSettings(readSettingsSheet(values), accountLocale, readSecretSettings);
}

export function readSettings(ss = crmSpreadsheet()): StoredSettings {
  const sheet = crmSheet('settings', ss);
  // An empty sheet's data range is A1 alone, read as [['']]: no getLastRow round trip is needed to guard it.
  const rows = sheet ? (sheet.getDataRange().getValues() as unknown[][]) : undefined;
  return Object.assign(officeSettings(rows ?? []), { rows });
}

/**
 * Writes the given keys in place (one read, unless `current` brings the rows this execution just read; one write per
 * changed key); adds rows for keys the sheet lacks. A new time zone is the spreadsheet's too (one more call), so the
 * date cells, which Sheets reads in the spreadsheet's zone, and what the office is shown are in the same zone.
 * A secret setting goes to the script properties, never to the sheet (core/settings/secret.ts).
 */
export function writeSettings(
  given: Partial<Record<SettingKey, string>>,
  ss = crmSpreadsheet(),
  current?: Pick<StoredSettings, 'rows'> & Partial<Pick<StoredSettings, 'sheet'>>,
): void {
  const all = Object.entries(given) as Array<[SettingKey, string | undefined]>;
  writeSecretSettings(Object.fromEntries(all.filter(([key]) => isSecretSetting(key))));
  const changes: Partial<Record<SettingKey, string>> = Object.fromEntries(all.filter(([key]) => !isSecretSetting(key)));
  if (!Object.values(changes).some((v) => v !== undefined)) return;
  const table = CrmTable.open('settings', { ss, read: true, values: current?.rows });
  if (table.columns.key < 0 || table.columns.value < 0)
    throw new Error('The Settings sheet has lost its Setting/Value columns: run CRM → Set up.');
  const rows = table.rows();
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const row = rows.find((r) => settingKey(r.values.key) === key);
    // A number setting is written as a number (the office's sheet keeps it one); any other value as text.
    const parsed = parseSetting(key as SettingKey, value);
    const cell = typeof parsed === 'number' ? parsed : value;
    if (row) table.update(row.rowNumber, { value: cell });
    else appendSettingRows(table, [{ key, value: cell }]);
  }
  const zone = changes.timeZone?.trim();
  // '' puts the setting back to "the spreadsheet's zone": the spreadsheet keeps the zone it has.
  if (zone && zone !== current?.sheet?.written.timeZone) ss.setSpreadsheetTimeZone(zone);
}

/**
 * Setup's part of the Settings sheet: a row for each setting of the template the sheet lacks (an office set up by an
 * older version gets the new ones, with their notes), and the spreadsheet's zone in a blank timeZone row, so the office
 * sees which zone its dates are in and can change it there. `values`: the sheet as this execution wrote or read it.
 * A value the office typed is never changed, even one that is not allowed (the Settings sidebar reports it).
 */
export function completeSettingsRows(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  locale: Locale,
  values?: unknown[][],
) {
  const table = CrmTable.open('settings', { ss, read: true, values });
  if (table.columns.key < 0 || table.columns.value < 0) return;
  const rows = table.rows();
  const rowOf = (key: SettingKey) => rows.find((r) => settingKey(r.values.key) === key);
  const missing = initialRows(template('settings'), locale).filter(([key]) => !rowOf(key as SettingKey));
  const zoneRow = rowOf('timeZone');
  const zoneBlank = zoneRow
    ? String(zoneRow.values.value ?? '').trim() === ''
    : missing.some(([k]) => k === 'timeZone');
  const zone = zoneBlank ? ss.getSpreadsheetTimeZone() : '';
  if (zoneRow && zoneBlank && zone) table.update(zoneRow.rowNumber, { value: zone });
  appendSettingRows(
    table,
    missing.map(([key, value, note]) => ({ key, value: key === 'timeZone' ? zone : value, note: String(note ?? '') })),
  );
}

/**
 * New setting rows go below the last row above the open zone the card's records use (PENDING_OPEN_FIRST_ROW): a row
 * appended after a record would be in the zone, where no setting is read.
 */
function appendSettingRows(table: CrmTable, records: Array<Record<string, CellValue>>): void {
  if (!records.length) return;
  const values = table.values();
  const zone = PENDING_OPEN_FIRST_ROW - 1;
  if (values.length < zone) return table.append(records);
  let last = zone - 1;
  while (last >= 0 && (values[last] ?? []).every((c) => c === '' || c === null || c === undefined)) last--;
  records.forEach((r, i) => table.update(last + 2 + i, r));
}

/** The language to speak: the office's choice, else the account's. */
export function uiLocale(settings?: OfficeSettings): Locale {
  return settings ? settings.locale : accountLocale();
}
