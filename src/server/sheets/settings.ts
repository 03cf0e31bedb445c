// The office's settings live in the Settings sheet (key | value | note), where the office can read and change them.

import { Locale, toLocale } from '../../core/i18n/locale';
import { locateColumns } from '../../core/sheets/template';
import { template } from '../../core/sheets/templates';
import { crmSheet, crmSpreadsheet } from './crm-spreadsheet';

export interface OfficeSettings {
  defaultCountry: string;
  language: '' | Locale;
  values: Record<string, string>;
  /** The Settings sheet as read (absent without one), so a write in the same execution need not read it again. */
  rows?: unknown[][];
}

const DEFAULTS = { defaultCountry: 'RU' };

export function readSettings(ss = crmSpreadsheet()): OfficeSettings {
  const sheet = crmSheet('settings', ss);
  const values: Record<string, string> = {};
  let rows: unknown[][] | undefined;
  if (sheet) {
    // An empty sheet's data range is A1 alone, read as [['']]: no getLastRow round trip is needed to guard it.
    rows = sheet.getDataRange().getValues();
    const at = locateColumns(template('settings'), rows[0]);
    if (at.key >= 0 && at.value >= 0)
      for (const row of rows.slice(1))
        if (String(row[at.key]).trim()) values[String(row[at.key]).trim()] = String(row[at.value]).trim();
  }
  const language = values.language ? toLocale(values.language) : '';
  return { defaultCountry: (values.defaultCountry || DEFAULTS.defaultCountry).toUpperCase(), language, values, rows };
}

/**
 * Writes the given keys in place (one read, unless `current` brings the rows this execution just read; one write per
 * changed key); adds rows for keys the sheet lacks.
 */
export function writeSettings(changes: Record<string, string>, ss = crmSpreadsheet(), current?: OfficeSettings): void {
  const sheet = crmSheet('settings', ss);
  if (!sheet) throw new Error('The Settings sheet is missing: run CRM → Set up.');
  const rows = current?.rows ?? sheet.getDataRange().getValues();
  const at = locateColumns(template('settings'), rows[0]);
  if (at.key < 0 || at.value < 0)
    throw new Error('The Settings sheet has lost its Setting/Value columns: run CRM → Set up.');
  for (const [key, value] of Object.entries(changes)) {
    const index = rows.findIndex((r, i) => i > 0 && String(r[at.key]).trim() === key);
    if (index > 0) sheet.getRange(index + 1, at.value + 1).setValue(value);
    else {
      const row = new Array(rows[0].length).fill('');
      row[at.key] = key;
      row[at.value] = value;
      sheet.appendRow(row);
    }
  }
}

/** The language to speak: the office's choice, else the account's. */
export function uiLocale(settings?: OfficeSettings): Locale {
  return settings?.language || toLocale(Session.getActiveUserLocale());
}
