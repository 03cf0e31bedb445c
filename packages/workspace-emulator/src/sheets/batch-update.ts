// spreadsheets.batchUpdate with the requests a project needs: appendCells, updateCells, deleteDimension (rows), and
// findReplace (filling a Sheets template: text cells only, see findReplace below).
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request
//
// Atomic, as Google documents it: the requests run in order on a working copy of the sheets (each checked against what
// the earlier ones left), and the copy replaces the spreadsheet's sheets only when every request passed. The copy is
// cheap: row lists are copied, a row's cells only when a request writes into that row.
//
// Protected sheets and ranges hold for the API as for SpreadsheetApp (spreadsheet/protection-rules.ts): a request that
// changes cells the caller may not edit fails the whole batch with a 400 and Google's sentence; deleted rows carry the
// protected ranges with them.

import { HTTP } from '../errors';
import { boxA1, GridBox } from '../spreadsheet/a1';
import {
  copyProtection,
  ProtectionRecord,
  requireEditable,
  shiftForDelete,
  Writer,
} from '../spreadsheet/protection-rules';
import { LIMITS, MESSAGES } from '../spreadsheet/rules';
import { CellRecord, lastRowOf, SheetRecord, SpreadsheetRecord } from '../spreadsheet/store';
import { checkWrite } from '../spreadsheet/validation';
import { CellValue } from '../spreadsheet/values';
import { isObject } from './args';
import { checkKeys, FieldMask, ParsedCell, parseFields, parseRows, Problem, snake } from './cell-data';
import { quoteTitle } from './ranges';
import { SAY } from './wording';
import { copySpec, shiftForDeletedRows } from '../spreadsheet/chart-record';

const KINDS = ['appendCells', 'updateCells', 'deleteDimension', 'findReplace'] as const;
type Kind = (typeof KINDS)[number];

type Row = Array<CellRecord | undefined>;

/** The sheets (their charts and protected ranges, which follow deleted rows) as the batch has changed them so far. */
class Working {
  readonly sheets: SheetRecord[];
  readonly protections: ProtectionRecord[];
  /** Rows already copied for writing. */
  readonly #own = new WeakSet<Row>();
  cells = 0;

  constructor(
    readonly ss: SpreadsheetRecord,
    readonly api: string,
    readonly writer: Writer,
  ) {
    // Charts are copied too: their ranges follow deleted rows, and a failing batch must leave them as they were.
    this.sheets = ss.sheets.map((s) => ({ ...s, rows: s.rows.slice(), charts: s.charts?.map(copySpec) }));
    this.protections = ss.protections.map(copyProtection);
  }

  /**
   * Refuses a request that changes cells a protection bars the caller from, with Google's sentence as the whole
   * message (a 400; UNVERIFIED whether Google prefixes it with the request's index, as it does other problems).
   */
  guard(sheet: SheetRecord, box: GridBox): void {
    requireEditable(this.protections, sheet.sheetId, box, this.writer, (m) => HTTP.badRequest(this.api, m));
  }

  sheet(sheetId: unknown): SheetRecord {
    // An absent sheetId is 0 on Google's side (a proto3 default): the first sheet of a new spreadsheet.
    const id = sheetId ?? 0;
    const s = this.sheets.find((x) => x.sheetId === id);
    if (!s) throw new Problem(SAY.noGrid(id));
    return s;
  }

  /** The cell to change, its row copied on the first write (the live spreadsheet is untouched until commit). */
  cell(sheet: SheetRecord, row: number, column: number): CellRecord {
    while (sheet.rows.length < row) sheet.rows.push(undefined);
    let r = sheet.rows[row - 1];
    if (!r || !this.#own.has(r)) {
      r = (r ?? []).map((c) => (c ? { ...c } : undefined));
      this.#own.add(r);
      sheet.rows[row - 1] = r;
    }
    while (r.length < column) r.push(undefined);
    return (r[column - 1] ??= { v: '' });
  }

  existing(sheet: SheetRecord, row: number, column: number): CellRecord | undefined {
    return sheet.rows[row - 1]?.[column - 1];
  }

  gridCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }
}

const int = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function index(v: unknown, name: string, def: number): number {
  if (v === undefined) return def;
  if (!int(v)) throw new Problem(SAY.badIndex(name));
  return v;
}

/** Writes parsed cells at a 1-based origin: what `mask` names is set, everything else about the cell is kept. */
function writeBlock(
  w: Working,
  sheet: SheetRecord,
  row: number,
  column: number,
  cells: ParsedCell[][],
  mask: FieldMask,
) {
  const width = cells.reduce((m, r) => Math.max(m, r.length), 0);
  if (row + cells.length - 1 > sheet.maxRows || column + width - 1 > sheet.maxColumns) {
    const box = { row, column, numRows: Math.max(1, cells.length), numColumns: Math.max(1, width) };
    throw new Problem(SAY.exceedsGrid(`${quoteTitle(sheet.name)}!${boxA1(box)}`, sheet.maxRows, sheet.maxColumns));
  }
  if (cells.length && width) w.guard(sheet, { row, column, numRows: cells.length, numColumns: width });
  // Rejecting validation rules hold for API writes too (UNVERIFIED; the stricter choice). `*` replaces the rule.
  if (mask.value && !mask.all) {
    const checks: Array<{ row: number; column: number; dv: number | undefined; value: CellValue }> = [];
    cells.forEach((line, i) =>
      line.forEach((c, j) =>
        checks.push({
          row: row + i,
          column: column + j,
          dv: w.existing(sheet, row + i, column + j)?.dv,
          value: c.value,
        }),
      ),
    );
    try {
      checkWrite({ ...w.ss, sheets: w.sheets }, checks);
    } catch (e) {
      throw new Problem((e as Error).message);
    }
  }
  cells.forEach((line, i) => line.forEach((c, j) => put(w, sheet, row + i, column + j, c, mask)));
}

function put(w: Working, sheet: SheetRecord, row: number, column: number, c: ParsedCell | undefined, mask: FieldMask) {
  w.cells += 1;
  const value = c?.value ?? '';
  const format = c?.format;
  if (!w.existing(sheet, row, column) && value === '' && format === undefined) return;
  const rec = w.cell(sheet, row, column);
  if (mask.all) {
    delete rec.bold;
    delete rec.dv;
  }
  if (mask.value) {
    // Typed data is stored as it is (a stringValue is text), replacing any formula the cell held.
    rec.v = value;
    delete rec.fx;
  }
  if (mask.format) {
    if (format === undefined) delete rec.f;
    else rec.f = format;
  }
}

function appendCells(api: string, w: Working, req: Record<string, unknown>, at: string): void {
  checkKeys(api, req, at, ['sheetId', 'rows', 'fields'], ['tableId']);
  const mask = parseFields(req.fields);
  const sheet = w.sheet(req.sheetId);
  const rows = parseRows(api, req.rows, at);
  if (!rows.length) throw new Problem(SAY.noRows);
  // After the last row with a value: blank rows inside the data are kept, blank grid rows below it are filled first.
  const first = lastRowOf(sheet) + 1;
  const grow = Math.max(0, first + rows.length - 1 - sheet.maxRows);
  if (w.gridCells() + grow * sheet.maxColumns > LIMITS.cellsPerSpreadsheet) throw new Problem(MESSAGES.tooManyCells);
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  // UNVERIFIED whether Google adds columns for a wider row; refusing is the stricter choice.
  if (width > sheet.maxColumns)
    throw new Problem(SAY.exceedsGrid(`${quoteTitle(sheet.name)}!A${first}`, sheet.maxRows, sheet.maxColumns));
  sheet.maxRows += grow;
  writeBlock(w, sheet, first, 1, rows, mask);
}

function updateCells(api: string, w: Working, req: Record<string, unknown>, at: string): void {
  checkKeys(api, req, at, ['rows', 'fields', 'start', 'range']);
  const mask = parseFields(req.fields);
  if ((req.start === undefined) === (req.range === undefined)) throw new Problem(SAY.startOrRange);
  const rows = parseRows(api, req.rows, at);
  if (req.start !== undefined) {
    const start = req.start;
    if (!isObject(start)) throw HTTP.badRequest(api, SAY.unknownField(String(start), `${at}.start`));
    checkKeys(api, start, `${at}.start`, ['sheetId', 'rowIndex', 'columnIndex']);
    const sheet = w.sheet(start.sheetId);
    const row = index(start.rowIndex, 'start.rowIndex', 0) + 1;
    const column = index(start.columnIndex, 'start.columnIndex', 0) + 1;
    if (!rows.length) throw new Problem(SAY.noRows);
    writeBlock(w, sheet, row, column, rows, mask);
    return;
  }
  const range = req.range;
  const rat = `${at}.range`;
  if (!isObject(range)) throw HTTP.badRequest(api, SAY.unknownField(String(range), rat));
  checkKeys(api, range, rat, ['sheetId', 'startRowIndex', 'endRowIndex', 'startColumnIndex', 'endColumnIndex']);
  const sheet = w.sheet(range.sheetId);
  const r0 = index(range.startRowIndex, 'range.startRowIndex', 0);
  const r1 = index(range.endRowIndex, 'range.endRowIndex', sheet.maxRows);
  const c0 = index(range.startColumnIndex, 'range.startColumnIndex', 0);
  const c1 = index(range.endColumnIndex, 'range.endColumnIndex', sheet.maxColumns);
  if (r1 <= r0 || c1 <= c0) throw new Problem(SAY.emptyRange);
  if (r1 > sheet.maxRows || c1 > sheet.maxColumns) {
    const box = { row: r0 + 1, column: c0 + 1, numRows: r1 - r0, numColumns: c1 - c0 };
    throw new Problem(SAY.exceedsGrid(`${quoteTitle(sheet.name)}!${boxA1(box)}`, sheet.maxRows, sheet.maxColumns));
  }
  if (rows.length > r1 - r0 || rows.some((r) => r.length > c1 - c0)) throw new Problem(SAY.dataOutsideRange);
  // The cells the rows do not cover are cleared: the whole range changes.
  w.guard(sheet, { row: r0 + 1, column: c0 + 1, numRows: r1 - r0, numColumns: c1 - c0 });
  writeBlock(w, sheet, r0 + 1, c0 + 1, rows, mask);
  // "If the data in rows does not cover the entire requested range, the fields matching those set in fields will be
  // cleared" (UpdateCellsRequest.range). Only stored rows can hold anything to clear.
  const lastStored = Math.min(r1, sheet.rows.length);
  for (let r = r0; r < lastStored; r++)
    for (let c = c0; c < c1; c++)
      if (r - r0 >= rows.length || c - c0 >= rows[r - r0].length) put(w, sheet, r + 1, c + 1, undefined, mask);
}

function deleteDimension(api: string, w: Working, req: Record<string, unknown>, at: string): void {
  checkKeys(api, req, at, ['range']);
  const range = req.range;
  const rat = `${at}.range`;
  if (!isObject(range)) throw HTTP.badRequest(api, SAY.unknownField(String(range), rat));
  checkKeys(api, range, rat, ['sheetId', 'dimension', 'startIndex', 'endIndex']);
  if (range.dimension === 'COLUMNS') throw new Problem(SAY.unsupported('deleteDimension of COLUMNS'));
  if (range.dimension !== 'ROWS') throw HTTP.badRequest(api, SAY.badEnum(`${rat}.dimension`, String(range.dimension)));
  const sheet = w.sheet(range.sheetId);
  const start = index(range.startIndex, 'range.startIndex', 0);
  const end = index(range.endIndex, 'range.endIndex', sheet.maxRows);
  if (end <= start) throw new Problem(SAY.emptyRange);
  if (end > sheet.maxRows) {
    const box = { row: start + 1, column: 1, numRows: end - start, numColumns: sheet.maxColumns };
    throw new Problem(SAY.exceedsGrid(`${quoteTitle(sheet.name)}!${boxA1(box)}`, sheet.maxRows, sheet.maxColumns));
  }
  if (sheet.maxRows - (end - start) <= sheet.frozenRows) throw new Problem(SAY.deleteAllRows);
  w.guard(sheet, { row: start + 1, column: 1, numRows: end - start, numColumns: sheet.maxColumns });
  sheet.rows.splice(start, end - start);
  sheet.maxRows -= end - start;
  shiftForDelete(w.protections, sheet.sheetId, start + 1, end - start);
  shiftForDeletedRows({ ...w.ss, sheets: w.sheets }, sheet.sheetId, start + 1, end - start);
  w.cells += (end - start) * sheet.maxColumns;
}

/**
 * findReplace (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#findreplacerequest):
 * `find` in the text cells of one sheet (sheetId) or all (allSheets), case-insensitive unless matchCase, the whole
 * cell with matchEntireCell; the replaced text is stored as text. Reply counts as FindReplaceResponse (zeros left out,
 * as proto3 JSON does). Simplifications, refused rather than guessed: a `range`, searchByRegex, includeFormulas. Number
 * and date cells are not searched (UNVERIFIED: Sheets matches their shown text), nor formula cells (Google's default
 * without includeFormulas). Protected cells refuse the batch as other writes do.
 */
function findReplace(api: string, w: Working, req: Record<string, unknown>, at: string): Record<string, unknown> {
  checkKeys(
    api,
    req,
    at,
    ['find', 'replacement', 'matchCase', 'matchEntireCell', 'sheetId', 'allSheets', 'searchByRegex', 'includeFormulas'],
    ['range'],
  );
  if (req.searchByRegex) throw new Problem(SAY.unsupported('findReplace with searchByRegex'));
  if (req.includeFormulas) throw new Problem(SAY.unsupported('findReplace with includeFormulas'));
  if (typeof req.find !== 'string' || req.find === '') throw new Problem('Find must not be empty.'); // UNVERIFIED wording
  if ((req.sheetId === undefined) === !req.allSheets)
    throw new Problem('Exactly one of range, sheetId or allSheets must be set.'); // UNVERIFIED wording
  const find = req.find;
  const replacement = typeof req.replacement === 'string' ? req.replacement : '';
  const matchCase = req.matchCase === true;
  const escaped = find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(req.matchEntireCell ? `^${escaped}$` : escaped, matchCase ? 'g' : 'gi');
  const sheets = req.allSheets ? w.sheets : [w.sheet(req.sheetId)];
  let values = 0;
  let occurrences = 0;
  const rows = new Set<string>();
  const touched = new Set<number>();
  for (const sheet of sheets)
    sheet.rows.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c || typeof c.v !== 'string' || c.fx !== undefined) return;
        const n = (c.v.match(re) ?? []).length;
        if (!n) return;
        w.guard(sheet, { row: r + 1, column: col + 1, numRows: 1, numColumns: 1 });
        w.cell(sheet, r + 1, col + 1).v = c.v.replace(re, () => replacement);
        w.cells += 1;
        values += 1;
        occurrences += n;
        rows.add(`${sheet.sheetId}:${r}`);
        touched.add(sheet.sheetId);
      }),
    );
  const reply: Record<string, number> = {};
  if (values)
    Object.assign(reply, {
      valuesChanged: values,
      occurrencesChanged: occurrences,
      rowsChanged: rows.size,
      sheetsChanged: touched.size,
    });
  return { findReplace: reply };
}

const RUN: Record<
  Kind,
  (api: string, w: Working, req: Record<string, unknown>, at: string) => void | Record<string, unknown>
> = {
  appendCells,
  updateCells,
  deleteDimension,
  findReplace,
};

const BODY = ['requests', 'includeSpreadsheetInResponse', 'responseRanges', 'responseIncludeGridData'];

/**
 * Checks and runs the batch on a working copy. `commit` puts the result in place; nothing changes before it, so a
 * failing request (thrown) leaves the spreadsheet as it was. `cells` counts the cells the batch wrote or removed.
 */
export function applyBatch(
  api: string,
  ss: SpreadsheetRecord,
  resource: unknown,
  writer: Writer,
): { replies: Array<Record<string, unknown>>; commit: () => void; cells: number } {
  if (!isObject(resource)) throw HTTP.badRequest(api, SAY.unknownField(String(resource)));
  checkKeys(api, resource, '', BODY);
  if (resource.includeSpreadsheetInResponse || resource.responseIncludeGridData)
    throw HTTP.badRequest(api, SAY.unsupported('a batchUpdate that returns the spreadsheet'));
  if (Array.isArray(resource.responseRanges) && resource.responseRanges.length)
    throw HTTP.badRequest(api, SAY.unsupported('responseRanges'));
  const requests = resource.requests;
  if (!Array.isArray(requests) || !requests.length) throw HTTP.badRequest(api, SAY.noRequests);
  const w = new Working(ss, api, writer);
  const replies = requests.map((req: unknown, i) => {
    const at = `requests[${i}]`;
    if (!isObject(req)) throw HTTP.badRequest(api, SAY.unknownField(String(req), at));
    const kinds = Object.keys(req).filter((k) => req[k] !== undefined && req[k] !== null);
    if (kinds.length !== 1) throw HTTP.badRequest(api, `${at}: ${SAY.oneKind}`);
    const [kind] = kinds;
    if (!(KINDS as readonly string[]).includes(kind))
      throw HTTP.badRequest(api, SAY.invalidRequest(i, kind, SAY.unsupported(`the request ${kind}`)));
    const body = req[kind];
    const bat = `${at}.${snake(kind)}`;
    if (!isObject(body)) throw HTTP.badRequest(api, SAY.unknownField(String(body), bat));
    try {
      return RUN[kind as Kind](api, w, body, bat) ?? {};
    } catch (e) {
      // Body-shape errors (unknown names) are already Google's 400; request problems get the request's index.
      throw e instanceof Problem ? HTTP.badRequest(api, SAY.invalidRequest(i, kind, e.message)) : e;
    }
  });
  return {
    replies,
    cells: w.cells,
    commit: () => {
      ss.sheets.splice(0, ss.sheets.length, ...w.sheets);
      ss.protections.splice(0, ss.protections.length, ...w.protections);
    },
  };
}
