// Excel (xlsx, xls BIFF8 and BIFF5) and OpenDocument workbooks, read with SheetJS. One pass over the sheet's dense
// cell array: the formatted text SheetJS computed at parse time (what Excel shows), full digits for long numbers Excel
// would show as 7,91235E+10, and a calendar date for date-typed cells from the serial and the workbook's date system.

import type { Locale } from '../../i18n/locale';
import { readerText } from './reader-messages';
import * as XLSX from '@e965/xlsx';
import type { CalendarDate, SourceCell, SourceFormat, SourceTable } from '../types';
import { installCodepages } from './codepages';
import { excelSerialToDate } from './excel-dates';
import { GridRow, headerDecision, MergedRange, shapeTable } from './header-row';
import { ReadError } from './read-error';
import { checkArchive, checkCells } from './zip-limits';

export interface WorkbookOptions {
  sheetName?: string;
  /** The language of the warnings (English when absent). */
  locale?: Locale;
}

type Cell = { t?: string; v?: unknown; w?: string; z?: string | number; f?: string };
type DenseSheet = { '!data'?: Cell[][]; '!ref'?: string; '!merges'?: MergedRange[] };

const dateFormats = new Map<string, boolean>();

function isDateFormat(z: string | number | undefined): boolean {
  if (z === undefined) return false;
  const key = String(z);
  let known = dateFormats.get(key);
  if (known === undefined) {
    known = Boolean(typeof z === 'number' ? XLSX.SSF.is_date(XLSX.SSF.get_table()[z] ?? '') : XLSX.SSF.is_date(z));
    dateFormats.set(key, known);
  }
  return known;
}

function numberText(cell: Cell, v: number): string {
  const w = cell.w;
  // "General" shortens long integers (a phone 79123456789012 → 7.91235E+13); the office typed every digit.
  if (
    w !== undefined &&
    /E[+-]/i.test(w) &&
    Number.isInteger(v) &&
    Math.abs(v) < 1e21 &&
    (cell.z === undefined || cell.z === 'General')
  ) {
    return v.toFixed(0);
  }
  return w ?? String(v);
}

/**
 * What Excel shows for a date cell. SheetJS leaves the text out when it cannot read the format: Russian Excel writes
 * `dd.mm.yyyy`, whose dots SheetJS takes for fractions of a second. Escaping the dots reads it; failing that, the
 * date in the Russian way rather than a bare serial like 31121.
 */
function dateText(cell: Cell, v: number, date: CalendarDate, date1904: boolean): string {
  if (cell.w !== undefined && cell.w !== String(v)) return cell.w;
  if (typeof cell.z === 'string') {
    try {
      const text = String(XLSX.SSF.format(cell.z.replace(/(^|[^\\])\./g, '$1\\.'), v, { date1904 }));
      if (text && text !== String(v)) return text;
    } catch {
      // an unreadable format: fall through
    }
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.day)}.${pad(date.month)}${date.year !== undefined ? `.${date.year}` : ''}`;
}

/** A formula cell: what Excel shows when the file holds it (its cached value), else the formula itself as text (a file
 *  written by a script that never computed it) — never nothing. */
function formulaCell(cell: Cell & { f: string }, date1904: boolean): SourceCell {
  const formula = `=${cell.f}`;
  const { f: _f, ...value } = cell;
  const hasValue = value.v !== undefined && value.v !== null && value.t !== 'e';
  if (!hasValue) return { text: formula, formula: { formula, shown: false } };
  return { ...cellOf(value, date1904), formula: { formula, shown: true } };
}

function cellOf(cell: Cell | undefined, date1904: boolean): SourceCell {
  if (cell?.f) return formulaCell(cell as Cell & { f: string }, date1904);
  if (!cell || cell.v === undefined || cell.v === null) return { text: cell?.w ?? '' };
  if (cell.t === 'n' && typeof cell.v === 'number') {
    if (isDateFormat(cell.z)) {
      const date = excelSerialToDate(cell.v, date1904);
      return date ? { text: dateText(cell, cell.v, date, date1904), date } : { text: cell.w ?? String(cell.v) };
    }
    return { text: numberText(cell, cell.v) };
  }
  if (cell.t === 'd' && cell.v instanceof Date) {
    const d = cell.v;
    return { text: cell.w ?? '', date: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() } };
  }
  return { text: cell.w ?? String(cell.v) };
}

function sheetRows(sheet: DenseSheet, date1904: boolean, sheetName: string, fileName: string): GridRow[] {
  const data = sheet['!data'] ?? [];
  let cells = 0;
  let columns = 0;
  for (const raw of data) {
    cells += raw?.length ?? 0;
    columns = Math.max(columns, raw?.length ?? 0);
  }
  checkCells({ rows: data.length, columns, cells }, sheetName, fileName);
  const rows: GridRow[] = [];
  for (let r = 0; r < data.length; r++) {
    const raw = data[r];
    if (!raw) continue;
    const cells: SourceCell[] = new Array(raw.length);
    let filled = false;
    for (let c = 0; c < raw.length; c++) {
      const cell = cellOf(raw[c], date1904);
      cells[c] = cell;
      if (!filled && cell.text.trim() !== '') filled = true;
    }
    if (filled) rows.push({ index: r, rowNumber: r + 1, cells });
  }
  return rows;
}

function hasData(sheet: DenseSheet | undefined): boolean {
  const data = sheet?.['!data'];
  if (!data) return false;
  for (const row of data)
    if (row)
      for (const cell of row)
        if (cell && cell.v !== undefined && cell.v !== null && String(cell.w ?? cell.v).trim() !== '') return true;
  return false;
}

function parse(bytes: Uint8Array, fileName: string): XLSX.WorkBook {
  checkArchive(bytes, fileName);
  installCodepages();
  try {
    return XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellHTML: false,
      cellFormula: true,
      cellStyles: false,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(message)) {
      throw new ReadError(
        'password',
        fileName,
        `"${fileName}" is protected with a password. Open it in Excel, remove the password and save it again, then import it.`,
      );
    }
    throw new ReadError(
      'unreadable',
      fileName,
      `"${fileName}" could not be read as a spreadsheet (${message}). Open it in Excel or LibreOffice and save it as .xlsx or .csv.`,
      { reason: message },
    );
  }
}

export function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  format: SourceFormat,
  options: WorkbookOptions = {},
): SourceTable {
  const book = parse(bytes, fileName);
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const names = book.SheetNames;
  const sheets = book.Sheets as unknown as Record<string, DenseSheet>;
  const hidden = new Set((book.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name));
  const filled = names.filter((n) => hasData(sheets[n]));
  let chosen: string | undefined;
  if (options.sheetName !== undefined) {
    chosen =
      names.find((n) => n === options.sheetName) ??
      names.find((n) => n.trim().toLowerCase() === options.sheetName?.trim().toLowerCase());
    if (!chosen) {
      throw new ReadError(
        'no-sheet',
        fileName,
        `"${fileName}" has no sheet named "${options.sheetName}". Its sheets: ${names.join(', ')}.`,
        { sheet: options.sheetName, sheets: names.join(', ') },
      );
    }
  } else {
    chosen = filled.find((n) => !hidden.has(n)) ?? filled[0];
    if (!chosen) throw new ReadError('empty', fileName, `"${fileName}" is empty: none of its sheets has any data.`);
  }
  const warnings: string[] = [];
  const others = filled.filter((n) => n !== chosen);
  if (options.sheetName === undefined && others.length > 0) {
    const list = others.map((n) => `"${n}"`).join(', ');
    warnings.push(readerText(options.locale, 'otherSheets', { sheet: chosen, file: fileName, others: list }));
  }
  const sheet = sheets[chosen];
  const rows = sheetRows(sheet, date1904, chosen, fileName);
  if (rows.length === 0) throw new ReadError('empty', fileName, `The sheet "${chosen}" of "${fileName}" is empty.`);
  const shaped = shapeTable(rows, sheet['!merges'] ?? [], fileName);
  const header = headerDecision(shaped, fileName, options.locale);
  if (header) warnings.push(header);
  const { rowsAboveHeader: _above, ...shape } = shaped;
  return { format, sheetName: chosen, ...shape, warnings };
}
