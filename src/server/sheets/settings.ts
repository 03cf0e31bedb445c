// The office's settings live in the Settings sheet (key | value | note), where the office can read and change them.
// What each setting means, allows and defaults to is core's (src/core/settings); this reads and writes the sheet.

import { Locale, toLocale } from '../../core/i18n/locale';
import type { SettingKey } from '../../core/settings/definitions';
import { OfficeSettings, parseSetting, readSettingsSheet, settingKey } from '../../core/settings/read';
import { crmSheet, crmSpreadsheet } from './crm-spreadsheet';
import { CrmTable } from './table';

export interface StoredSettings extends OfficeSettings {
  /** The Settings sheet as read (absent without one), so a write in the same execution need not read it again. */
  rows?: unknown[][];
}

/** The account's language: asked of Session only when a setting needs it. */
export function accountLocale(): Locale {
  return toLocale(Session.getActiveUserLocale());
}

/** The settings from the sheet's values (one getValues; the office's own rows around ours are left alone). */
export function officeSettings(values: unknown[][]): OfficeSettings {
  return new OfficeSettings(readSettingsSheet(values), accountLocale);
}

export function readSettings(ss = crmSpreadsheet()): StoredSettings {
  const sheet = crmSheet('settings', ss);
  // An empty sheet's data range is A1 alone, read as [['']]: no getLastRow round trip is needed to guard it.
  const rows = sheet ? (sheet.getDataRange().getValues() as unknown[][]) : undefined;
  return Object.assign(officeSettings(rows ?? []), { rows });
}

/**
 * Writes the given keys in place (one read, unless `current` brings the rows this execution just read; one write per
 * changed key); adds rows for keys the sheet lacks.
 */
export function writeSettings(
  changes: Partial<Record<SettingKey, string>>,
  ss = crmSpreadsheet(),
  current?: StoredSettings,
): void {
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
    else table.append([{ key, value: cell }]);
  }
}

/** The language to speak: the office's choice, else the account's. */
export function uiLocale(settings?: OfficeSettings): Locale {
  return settings ? settings.locale : accountLocale();
}
