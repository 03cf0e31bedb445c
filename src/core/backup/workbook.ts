// The CRM sheets of a night as an Excel workbook, for a person to open (the machine copy a restore reads is the
// sheets-NNN.json). Every cell is written as the value it holds: a text stays text even when it reads "=cmd" or
// "+7 912…" (SheetJS writes formulas only from a cell's `f`, never from its text), numbers stay numbers. Written with
// SheetJS, which the Apps Script bundle includes for the nightly backup (esbuild takes its ESM build, xlsx.mjs; it
// uses no Node built-in).

import * as XLSX from '@e965/xlsx';
import { fitXlsxCell } from '../export/cells';
import { PART_BYTES } from './parts';
import type { SheetsCopy } from './types';

/** The end of a cell longer than Excel holds (32,767 characters); the JSON copy of the night has the whole text. */
const CUT_MARKER = (total: number) => ` … [${total} characters; the full text is in the night's sheets-NNN.json]`;

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], not blank, unique in the book. */
function sheetName(title: string, taken: Set<string>): string {
  const base = (title.replace(/[:\\/?*[\]]/g, ' ').trim() || 'Sheet').slice(0, 31);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

function cellOf(v: unknown): XLSX.CellObject | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return { t: 'n', v };
  if (typeof v === 'boolean') return { t: 'b', v };
  const text = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return { t: 's', v: fitXlsxCell(text, CUT_MARKER).text };
}

/** A worksheet built cell by cell (not aoa_to_sheet), so the type of every cell is ours to say. */
function sheetOf(rows: unknown[][]): XLSX.WorkSheet {
  const sheet: XLSX.WorkSheet = {};
  let width = 0;
  rows.forEach((row, r) => {
    width = Math.max(width, row.length);
    row.forEach((v, c) => {
      const cell = cellOf(v);
      if (cell) sheet[XLSX.utils.encode_cell({ r, c })] = cell;
    });
  });
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(0, rows.length - 1), c: Math.max(0, width - 1) },
  });
  return sheet;
}

function bookBytes(sheets: Array<{ title: string; rows: unknown[][] }>): Uint8Array {
  const book = XLSX.utils.book_new();
  const taken = new Set<string>();
  for (const s of sheets) XLSX.utils.book_append_sheet(book, sheetOf(s.rows), sheetName(s.title, taken));
  // SheetJS gives an ArrayBuffer for type 'array'.
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** One xlsx with a sheet per key of `copy.sheets`, in their order, named `titles[key]` (the key when absent). */
export function sheetsWorkbook(copy: SheetsCopy, titles: Record<string, string>): Uint8Array {
  return bookBytes(Object.entries(copy.sheets).map(([key, rows]) => ({ title: titles[key] ?? key, rows })));
}

export interface EventsWorkbookPart {
  /** Data rows in this part (the header is in every part). */
  rows: number;
  bytes: Uint8Array;
}

/**
 * The Events sheet (100,000 rows at the bench's size) as several workbooks of at most `maxRows` data rows each,
 * every one with the header, each at most `maxBytes` (a part that comes out larger is halved).
 */
export function eventsWorkbookParts(
  rows: unknown[][],
  header: unknown[],
  maxRows = 20_000,
  title = 'Events',
  maxBytes = PART_BYTES,
): EventsWorkbookPart[] {
  const parts: EventsWorkbookPart[] = [];
  const emit = (slice: unknown[][]): void => {
    const bytes = bookBytes([{ title, rows: [header, ...slice] }]);
    if (bytes.length > maxBytes && slice.length > 1) {
      const mid = Math.ceil(slice.length / 2);
      emit(slice.slice(0, mid));
      emit(slice.slice(mid));
    } else parts.push({ rows: slice.length, bytes });
  };
  if (rows.length === 0) emit([]);
  for (let i = 0; i < rows.length; i += maxRows) emit(rows.slice(i, i + maxRows));
  return parts;
}
