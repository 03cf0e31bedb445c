// A1 ranges as the Sheets API takes them (`'Card index'!A2:D`, `Settings`, `Events!5:5`, `A2:C`) and the normalised
// form it replies with (`'Card index'!A2:D25001`: sheet title always present, open ends bounded by the grid).
// https://developers.google.com/sheets/api/guides/concepts#cell
//
// Strict where Google's rules are not documented (all UNVERIFIED): sheet titles match exactly (case included); an
// unquoted title may hold only letters, digits and '_' (anything else must be quoted, `'It''s'` escaping a quote); a
// range without a title is on the first visible sheet, unless a sheet has exactly that title; R1C1 notation and named
// ranges are not understood (they fail as "Unable to parse range").

import { boxA1, GridBox, parseA1 } from '../spreadsheet/a1';
import { SheetRecord, SpreadsheetRecord } from '../spreadsheet/store';
import { SAY } from './wording';

export interface ResolvedRange {
  sheet: SheetRecord;
  box: GridBox;
  /** What Google echoes back as `range`. */
  a1: string;
}

/** A sheet title as Google writes it in a reply: quoted unless it is a plain identifier that cannot read as a cell. */
export function quoteTitle(title: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) && !/^[A-Za-z]{1,3}\d+$/.test(title) && !/^R\d*C\d*$/i.test(title);
  return plain ? title : `'${title.replace(/'/g, "''")}'`;
}

/** Splits `'Title'!A1`, `Title!A1`, `'Title'`, `A1` into the title (if any) and the cell part (if any). */
function split(text: string): { title?: string; cells?: string } | undefined {
  if (text.startsWith("'")) {
    let title = '';
    let at = 1;
    for (;;) {
      const q = text.indexOf("'", at);
      if (q < 0) return undefined;
      title += text.slice(at, q);
      if (text[q + 1] === "'") {
        title += "'";
        at = q + 2;
        continue;
      }
      at = q + 1;
      break;
    }
    if (!title) return undefined;
    if (at === text.length) return { title };
    if (text[at] !== '!' || at + 1 === text.length) return undefined;
    return { title, cells: text.slice(at + 1) };
  }
  const bang = text.indexOf('!');
  if (bang < 0) return { cells: text };
  const title = text.slice(0, bang);
  if (!/^[\p{L}\p{N}_]+$/u.test(title) || bang + 1 === text.length) return undefined;
  return { title, cells: text.slice(bang + 1) };
}

/**
 * The sheet and box a range names, or Google's 400 sentence (the caller wraps it). A box reaching past the grid is cut
 * to it (as Google's replies show); one starting outside it is refused.
 */
export function resolveRange(ss: SpreadsheetRecord, text: unknown): ResolvedRange | string {
  if (typeof text !== 'string' || text === '') return SAY.unparsableRange(String(text ?? ''));
  const parts = split(text);
  if (!parts) return SAY.unparsableRange(text);
  let sheet: SheetRecord | undefined;
  let cells = parts.cells;
  if (parts.title !== undefined) sheet = ss.sheets.find((s) => s.name === parts.title);
  else {
    sheet = ss.sheets.find((s) => s.name === text);
    if (sheet) cells = undefined;
    else sheet = ss.sheets.find((s) => !s.hidden) ?? ss.sheets[0];
  }
  if (!sheet) return SAY.unparsableRange(text);
  // A1 refs are ASCII; parseA1 trims, Google does not take spaces inside a range.
  if (cells !== undefined && /\s/.test(cells)) return SAY.unparsableRange(text);
  const box = cells === undefined ? full(sheet) : parseA1(cells, sheet.maxRows, sheet.maxColumns);
  if (!box) return SAY.unparsableRange(text);
  const title = quoteTitle(sheet.name);
  if (box.row > sheet.maxRows || box.column > sheet.maxColumns)
    return SAY.exceedsGrid(`${title}!${boxA1(box)}`, sheet.maxRows, sheet.maxColumns);
  const bounded: GridBox = {
    row: box.row,
    column: box.column,
    numRows: Math.min(box.numRows, sheet.maxRows - box.row + 1),
    numColumns: Math.min(box.numColumns, sheet.maxColumns - box.column + 1),
  };
  return { sheet, box: bounded, a1: `${title}!${boxA1(bounded)}` };
}

function full(sheet: SheetRecord): GridBox {
  return { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
}
