// Finding the header row of an office's table. Real bases open with a banner ("Клиенты салона «Лотос»" merged across
// the columns), a date line or empty rows; the header is the first row that looks like column names — at least two
// cells, mostly short distinct texts rather than numbers, dates, phones or e-mails — with rows below it.
//
// Merged header cells: a name merged across several columns belongs to its first column; the others get an empty
// header. When such a merged name has sub-names on the row below ("Телефон" over "мобильный" | "рабочий"), the two rows
// form one header and the names are joined: "Телефон / мобильный", "Телефон / рабочий".

import type { Locale } from '../../i18n/locale';
import { readerText } from './reader-messages';
import type { SourceCell, SourceRow } from '../types';
import { genericMeaning } from '../mapping/generic-headers';
import { hasValueCell, looksLikeData, loneRowIsData } from './headerless';
import { ReadError } from './read-error';

export interface GridRow extends SourceRow {
  /** 0-based row index in the sheet (the space merges are given in). */
  index: number;
}

/** A merged range, 0-based and inclusive, as SheetJS gives it. */
export interface MergedRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface TableShape {
  headerRowNumber: number;
  headers: string[];
  rows: SourceRow[];
  /** Non-empty rows above the header, skipped as a title or banner (a decision the preview states). */
  rowsAboveHeader: number;
  /** No header row: the first rows are already clients (headerless.ts). `headers` are empty, for the caller to name. */
  headerless?: boolean;
}

/** The preview's words for a header found below other rows; undefined when it is the first non-empty row. */
export function headerDecision(shape: TableShape, fileName: string, locale?: Locale): string | undefined {
  if (!shape.rowsAboveHeader || shape.headerless) return undefined;
  return readerText(locale, 'titleRows', { row: shape.headerRowNumber, file: fileName, count: shape.rowsAboveHeader });
}

const SCAN_ROWS = 50;
const MAX_HEADER_LENGTH = 60;
const MAX_LONG_HEADER_LENGTH = 200;
// Numbers, dates, times, phones: digits with separators. A header may hold a digit ("Телефон 2"), not be made of them.
const VALUE_LIKE = /^[\s\d+\-–().,:/\\#№]*\d[\s\d+\-–().,:/\\#№]*$/;

function looksLikeName(text: string): boolean {
  const t = text.trim();
  // A long cell is usually a note; a long column name ("Контактный телефон для связи с клиентом в рабочее время…")
  // is one when it names a field we know. Without this, a row of such names lost the vote and the first data row
  // that happened to hold only names was taken for the header.
  if (t.length > MAX_HEADER_LENGTH) return t.length <= MAX_LONG_HEADER_LENGTH && genericMeaning(t) !== undefined;
  if (VALUE_LIKE.test(t)) return false;
  if (/\S@\S/.test(t) || /^(https?:\/\/|www\.)/i.test(t)) return false;
  return true;
}

function nonEmpty(row: SourceRow): string[] {
  const out: string[] = [];
  for (const c of row.cells) if (c.text.trim() !== '') out.push(c.text.trim());
  return out;
}

export function isHeaderLike(row: SourceRow): boolean {
  const texts = nonEmpty(row);
  if (texts.length < 2) return false;
  if (row.cells.some((c) => c.date)) return false;
  const names = texts.filter(looksLikeName).length;
  const distinct = new Set(texts.map((t) => t.toLowerCase())).size;
  return names >= texts.length * 0.8 && distinct >= texts.length * 0.8;
}

export function headerText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function horizontalMergesOn(index: number, merges: MergedRange[]): MergedRange[] {
  return merges.filter((m) => m.s.r === index && m.e.c > m.s.c);
}

/**
 * Picks the header among the non-empty rows (in sheet order) and returns the rows below it, padded to the header's
 * width. Throws a ReadError naming the file when no row looks like a header.
 */
export function shapeTable(rows: GridRow[], merges: MergedRange[], fileName: string): TableShape {
  if (rows.length === 0)
    throw new ReadError('empty', fileName, `The file "${fileName}" has no data: every row is empty.`);
  const scan = Math.min(rows.length, SCAN_ROWS);
  let at = -1;
  for (let i = 0; i < scan; i++) {
    if (isHeaderLike(rows[i]) && i + 1 < rows.length) {
      at = i;
      break;
    }
  }
  if (at < 0 && isHeaderLike(rows[scan - 1]) && scan === rows.length) at = scan - 1; // a header alone: no clients yet
  const data = firstDataRow(rows, at, scan);
  if (data !== undefined) return headerlessShape(rows, data);
  if (at < 0) {
    throw new ReadError(
      'no-header',
      fileName,
      `No header row found in "${fileName}": the first rows should name the columns (for example "Name", "Phone", "E-mail").`,
    );
  }
  const head = rows[at];
  const texts = head.cells.map((c) => headerText(c.text));
  let dataFrom = at + 1;

  const spans = horizontalMergesOn(head.index, merges);
  const next = rows[at + 1];
  if (spans.length > 0 && next && next.index === head.index + 1) {
    const under = next.cells.map((c, col) => ({ col, text: headerText(c.text) })).filter((x) => x.text !== '');
    const covered = (col: number) => spans.some((m) => col >= m.s.c && col <= m.e.c);
    if (
      under.length > 0 &&
      under.every((x) => covered(x.col) && looksLikeName(x.text)) &&
      !next.cells.some((c) => c.date)
    ) {
      for (const m of spans) {
        const parent = texts[m.s.c] ?? '';
        for (let c = m.s.c; c <= m.e.c; c++) {
          const sub = headerText(next.cells[c]?.text ?? '');
          texts[c] = parent && sub ? `${parent} / ${sub}` : sub || (c === m.s.c ? parent : '');
        }
      }
      dataFrom = at + 2;
    }
  }

  let width = texts.length;
  while (width > 0 && texts[width - 1] === '') width--;
  for (let i = dataFrom; i < rows.length; i++) width = Math.max(width, lastFilled(rows[i].cells) + 1);
  const headers: string[] = [];
  for (let c = 0; c < width; c++) headers.push(texts[c] ?? '');
  const body: SourceRow[] = [];
  for (let i = dataFrom; i < rows.length; i++)
    body.push({ rowNumber: rows[i].rowNumber, cells: pad(rows[i].cells, width) });
  return { headerRowNumber: head.rowNumber, headers, rows: body, rowsAboveHeader: at };
}

/** Rows of a header-less file's sample that the decision looks at. */
const SAMPLE_ROWS = 200;

/**
 * Where the clients start when the file has no header row: the row taken for the header (or, when none was, the
 * first row) holds values of the kind its columns hold below it. Rows above it with several cells and such values
 * are clients too; the others (a title, a date line) are skipped.
 */
function firstDataRow(rows: GridRow[], at: number, scan: number): number | undefined {
  let first = -1;
  if (at >= 0) {
    if (looksLikeData(rows[at], rows.slice(at + 1, at + 1 + SAMPLE_ROWS))) first = at;
  } else {
    for (let i = 0; i < scan && first < 0; i++) {
      const below = rows.slice(i + 1, i + 1 + SAMPLE_ROWS);
      if (below.length ? looksLikeData(rows[i], below) : loneRowIsData(rows[i])) first = i;
    }
  }
  if (first < 0) return undefined;
  for (let i = 0; i < first; i++) if (nonEmpty(rows[i]).length >= 2 && hasValueCell(rows[i])) return i;
  return first;
}

function headerlessShape(rows: GridRow[], from: number): TableShape {
  let width = 0;
  for (let i = from; i < rows.length; i++) width = Math.max(width, lastFilled(rows[i].cells) + 1);
  const body: SourceRow[] = [];
  for (let i = from; i < rows.length; i++)
    body.push({ rowNumber: rows[i].rowNumber, cells: pad(rows[i].cells, width) });
  return {
    headerRowNumber: 0,
    headers: new Array<string>(width).fill(''),
    rows: body,
    rowsAboveHeader: from,
    headerless: true,
  };
}

function lastFilled(cells: SourceCell[]): number {
  for (let c = cells.length - 1; c >= 0; c--) if (cells[c].text !== '') return c;
  return -1;
}

function pad(cells: SourceCell[], width: number): SourceCell[] {
  if (cells.length === width) return cells;
  if (cells.length > width) return cells.slice(0, width);
  const out = cells.slice();
  while (out.length < width) out.push({ text: '' });
  return out;
}
