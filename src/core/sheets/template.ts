// The CRM spreadsheet's sheets as data (sheets-templates/*.json), and the pure rules for finding a sheet's columns
// and for repairing a sheet an office has edited by hand.

import { Locale, LOCALES, Localized } from '../i18n/locale';

export interface ColumnTemplate {
  key: string;
  title: Localized;
  type?: 'datetime' | 'number' | 'boolean';
  width?: number;
  /** A dropdown fed by a column of another sheet of the CRM. */
  validation?: { sheet: string; column: string };
}

export interface SheetTemplate {
  key: string;
  title: Localized;
  frozenRows?: number;
  hidden?: boolean;
  columns: ColumnTemplate[];
  /** Initial rows: the same for every language, or per language. */
  rows: Array<Array<string | number | boolean>> | Record<Locale, Array<Array<string | number | boolean>>>;
}

/** Headers compare without case, spaces or punctuation, so "E-mail" and "email " are one column. */
export function headerKey(text: unknown): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\p{P}]+/gu, '');
}

/** The names a column may go by: its key and its title in every language. */
export function columnAliases(column: ColumnTemplate): string[] {
  return [column.key, ...LOCALES.map((l) => column.title[l])].map(headerKey);
}

/** Column index (0-based) of each template column in a header row; -1 when absent. */
export function locateColumns(template: SheetTemplate, headers: unknown[]): Record<string, number> {
  const keys = headers.map(headerKey);
  const out: Record<string, number> = {};
  for (const column of template.columns) {
    const aliases = columnAliases(column);
    out[column.key] = keys.findIndex((k) => k !== '' && aliases.includes(k));
  }
  return out;
}

export function sheetTitleMatches(template: SheetTemplate, name: string): boolean {
  const k = headerKey(name);
  return [template.key, ...LOCALES.map((l) => template.title[l])].map(headerKey).includes(k);
}

export function initialRows(template: SheetTemplate, locale: Locale): Array<Array<string | number | boolean>> {
  return Array.isArray(template.rows) ? template.rows : template.rows[locale];
}

export interface RepairPlan {
  /** Template columns the sheet lacks, in template order: they are appended after the last used column. */
  missing: ColumnTemplate[];
}

/** `columns`: where the sheet has each template column (locateColumns, or a table's columns), -1 when absent. */
export function repairPlan(template: SheetTemplate, columns: Record<string, number>): RepairPlan {
  return { missing: template.columns.filter((c) => (columns[c.key] ?? -1) < 0) };
}
