// The account's spreadsheets: sheets with their grid size, cells (typed value, number format, weight, validation rule)
// and flags. Scripts reach it only through service.ts (counted round trips); the uncounted accessors here (`get`,
// `create`, `editByUser`...) are for setup, the sandbox and tests, and return copies.

import { createHash } from 'node:crypto';
import { copyProtection, ProtectionKind, ProtectionRecord, SharingRecord } from './protection-rules';
import { fail, LIMITS, MESSAGES } from './rules';
import { boxA1 } from './a1';
import { Entered, enterText } from './user-entered';
import type { ChartRecord, ChartSnapshot, ChartTable } from './chart-record';
import { chartTable, findChart, snapshotOf } from './chart-record';
import { CellJSON, CellValue, cellFromJSON, cellToJSON, copyCell, toCell } from './values';

export interface CellRecord {
  /** The value; for a formula, what it shows (user-entered.ts). */
  v: CellValue;
  /** The formula a script or a person entered ("=…"); absent for a value. */
  fx?: string;
  /** Number format, e.g. 'dd.mm.yyyy'; absent = Automatic. */
  f?: string;
  bold?: boolean;
  /** Index into the spreadsheet's `rules`. */
  dv?: number;
}

export type ValidationRecord =
  | { type: 'VALUE_IN_LIST'; values: string[]; showDropdown: boolean; allowInvalid: boolean; helpText: string | null }
  | {
      type: 'VALUE_IN_RANGE';
      /** The source range; kept where it was written (Sheets would shift it with inserted/deleted rows: not modelled). */
      sheetId: number;
      row: number;
      column: number;
      numRows: number;
      numColumns: number;
      showDropdown: boolean;
      allowInvalid: boolean;
      helpText: string | null;
    };

export interface SheetRecord {
  name: string;
  sheetId: number;
  hidden: boolean;
  frozenRows: number;
  maxRows: number;
  maxColumns: number;
  columnWidths: Record<string, number>;
  /** rows[r-1][c-1]; missing rows/cells are empty with no formatting. */
  rows: Array<Array<CellRecord | undefined> | undefined>;
  /** Embedded charts on this sheet (chart-record.ts); absent in state written before charts. */
  charts?: ChartRecord[];
}

export interface SpreadsheetRecord {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetRecord[];
  rules: ValidationRecord[];
  /** Sequence for new sheet ids. */
  sheetSeq: number;
  /** Protected sheets and ranges (protection-rules.ts). */
  protections: ProtectionRecord[];
  /** Sequence for new protection ids. */
  protectionSeq: number;
  /** Who the spreadsheet is shared with; absent: never shared by the host (protection-rules.ts sharingOf). */
  sharing?: SharingRecord;
  /** Sequence for new chart ids (chart-record.ts). */
  chartSeq?: number;
}

/** What the host reads of one protection (uncounted). */
export interface ProtectionSnapshot {
  sheet: string;
  /** A RANGE protection's cells, in A1 notation. */
  range?: string;
  type: ProtectionKind;
  editors: string[];
  domainEdit: boolean;
  description: string;
  warningOnly: boolean;
  /** A SHEET protection's open ranges, in A1 notation. */
  unprotected: string[];
}

export interface SheetSnapshot {
  name: string;
  sheetId: number;
  hidden: boolean;
  frozenRows: number;
  maxRows: number;
  maxColumns: number;
  /** The used range (A1 to the last row/column with content); Dates as Date objects. */
  values: CellValue[][];
}

export interface SpreadsheetSnapshot {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetSnapshot[];
}

type CellRecordJSON = { v?: CellJSON; fx?: string; f?: string; b?: true; dv?: number } | null;
type SheetJSON = Omit<SheetRecord, 'rows'> & { rows: Array<CellRecordJSON[] | null> };
type SpreadsheetJSON = Omit<SpreadsheetRecord, 'sheets'> & { sheets: SheetJSON[] };
interface StoreJSON {
  seq?: number;
  spreadsheets?: SpreadsheetJSON[];
}

/** The first sheet's name in a new spreadsheet, by locale (Sheets localizes it; UNVERIFIED beyond ru/en). */
export function defaultSheetBase(locale: string): string {
  const lang = locale.toLowerCase().split(/[-_]/)[0];
  return lang === 'ru' ? 'Лист' : 'Sheet';
}

export function lastRowOf(sheet: SheetRecord): number {
  for (let r = sheet.rows.length; r > 0; r--)
    if (sheet.rows[r - 1]?.some((c) => c !== undefined && c.v !== '')) return r;
  return 0;
}

export function lastColumnOf(sheet: SheetRecord): number {
  let last = 0;
  for (const row of sheet.rows) {
    if (!row) continue;
    for (let c = row.length; c > last; c--) if (row[c - 1] !== undefined && row[c - 1]?.v !== '') last = c;
  }
  return last;
}

export function cellAt(sheet: SheetRecord, row: number, column: number): CellRecord | undefined {
  return sheet.rows[row - 1]?.[column - 1];
}

/** The cell record to change, created when missing. */
export function cellFor(sheet: SheetRecord, row: number, column: number): CellRecord {
  let r = sheet.rows[row - 1];
  if (!r) {
    while (sheet.rows.length < row - 1) sheet.rows.push(undefined);
    r = [];
    sheet.rows[row - 1] = r;
  }
  let c = r[column - 1];
  if (!c) {
    while (r.length < column - 1) r.push(undefined);
    c = { v: '' };
    r[column - 1] = c;
  }
  return c;
}

/** Sets a cell to a written value: a string is entered as typed (user-entered.ts); a value replaces any formula. */
export function putEntered(ss: SpreadsheetRecord, cell: CellRecord, value: CellValue, now = Date.now()): void {
  applyEntered(cell, enteredValue(ss, cell, value, now));
}

/** Stores what entering a value made: the value, the formula (or none), and a date's format on an Automatic cell. */
export function applyEntered(cell: CellRecord, entered: Entered): void {
  cell.v = entered.value;
  if (entered.formula === undefined) delete cell.fx;
  else cell.fx = entered.formula;
  if (entered.format !== undefined && cell.f === undefined) cell.f = entered.format;
}

/** What a written value becomes in this cell (without changing it). */
export function enteredValue(
  ss: SpreadsheetRecord,
  cell: CellRecord | undefined,
  value: CellValue,
  now = Date.now(),
): Entered {
  if (typeof value !== 'string' || value === '') return { value };
  return enterText(value, { locale: ss.locale, timeZone: ss.timeZone, format: cell?.f, now });
}

export function gridCells(ss: SpreadsheetRecord): number {
  return ss.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
}

/** Refuses a change that would take the spreadsheet past 10 million cells. */
export function requireCells(ss: SpreadsheetRecord, added: number): void {
  if (gridCells(ss) + added > LIMITS.cellsPerSpreadsheet) throw fail(MESSAGES.tooManyCells);
}

function cellRecordToJSON(c: CellRecord | undefined): CellRecordJSON {
  if (!c) return null;
  const out: Exclude<CellRecordJSON, null> = {};
  if (c.v !== '') out.v = cellToJSON(c.v);
  if (c.fx !== undefined) out.fx = c.fx;
  if (c.f !== undefined) out.f = c.f;
  if (c.bold) out.b = true;
  if (c.dv !== undefined) out.dv = c.dv;
  return out;
}

function cellRecordFromJSON(j: CellRecordJSON): CellRecord | undefined {
  if (!j) return undefined;
  const c: CellRecord = { v: j.v === undefined ? '' : cellFromJSON(j.v) };
  if (typeof j.fx === 'string') c.fx = j.fx;
  if (typeof j.f === 'string') c.f = j.f;
  if (j.b) c.bold = true;
  if (typeof j.dv === 'number') c.dv = j.dv;
  return c;
}

export class SpreadsheetStore {
  private seq: number;
  private readonly spreadsheets = new Map<string, SpreadsheetRecord>();

  private constructor(json: StoreJSON) {
    this.seq = json.seq ?? 0;
    for (const s of json.spreadsheets ?? []) {
      this.spreadsheets.set(s.id, {
        ...s,
        rules: s.rules ?? [],
        protections: (s.protections ?? []).map(copyProtection),
        protectionSeq: s.protectionSeq ?? 0,
        sheets: (s.sheets ?? []).map((sh) => ({
          ...sh,
          columnWidths: sh.columnWidths ?? {},
          rows: (sh.rows ?? []).map((r) => (r ? r.map(cellRecordFromJSON) : undefined)),
        })),
      });
    }
  }

  static fromJSON(json: unknown): SpreadsheetStore {
    return new SpreadsheetStore(json && typeof json === 'object' ? (json as StoreJSON) : {});
  }

  toJSON(): StoreJSON {
    return {
      seq: this.seq,
      spreadsheets: [...this.spreadsheets.values()].map((s) => ({
        ...s,
        sheets: s.sheets.map((sh) => ({ ...sh, rows: sh.rows.map((r) => (r ? r.map(cellRecordToJSON) : null)) })),
      })),
    };
  }

  has(id: string): boolean {
    return this.spreadsheets.has(id);
  }

  /**
   * A copy of spreadsheet `id` under a new id and `name` (Drive files.copy): sheets, cells, formats, rules,
   * protections and charts; not its sharing (a copy is the copier's own). Returns the new id.
   */
  copy(id: string, name: string): string {
    const json = this.toJSON().spreadsheets?.find((s) => s.id === id);
    if (!json) throw new Error(`No spreadsheet ${id}`);
    this.seq += 1;
    const newId = `1${createHash('sha256').update(`spreadsheet:${this.seq}:${name}`).digest('base64url').slice(0, 43)}`;
    const clone = new SpreadsheetStore({ spreadsheets: [JSON.parse(JSON.stringify(json)) as SpreadsheetJSON] });
    const record = clone.spreadsheets.get(id)!;
    record.id = newId;
    record.name = name;
    delete record.sharing;
    this.spreadsheets.set(newId, record);
    return newId;
  }

  /** Forgets a spreadsheet (its Drive file was deleted). */
  remove(id: string): void {
    this.spreadsheets.delete(id);
  }

  ids(): string[] {
    return [...this.spreadsheets.keys()];
  }

  /** A new spreadsheet with one empty 1000×26 sheet, as Drive → New → Google Sheets makes it. Returns its id. */
  create(name: string, opts: { timeZone: string; locale: string }): string {
    this.seq += 1;
    // Drive file ids are 44 URL-safe characters starting with "1"; deterministic so runs replay.
    const id = `1${createHash('sha256').update(`spreadsheet:${this.seq}:${name}`).digest('base64url').slice(0, 43)}`;
    const ss: SpreadsheetRecord = {
      id,
      name,
      timeZone: opts.timeZone,
      locale: opts.locale,
      sheets: [],
      rules: [],
      sheetSeq: 0,
      protections: [],
      protectionSeq: 0,
    };
    ss.sheets.push(this.newSheet(ss, `${defaultSheetBase(opts.locale)}1`));
    this.spreadsheets.set(id, ss);
    return id;
  }

  /** A copy of a spreadsheet's contents. Throws for an unknown id (a test or setup mistake). */
  get(id: string): SpreadsheetSnapshot {
    const ss = this.record(id);
    if (!ss) throw new Error(`No spreadsheet ${id}`);
    return {
      id: ss.id,
      name: ss.name,
      timeZone: ss.timeZone,
      locale: ss.locale,
      sheets: ss.sheets.map((s) => {
        const rows = lastRowOf(s);
        const cols = lastColumnOf(s);
        const values: CellValue[][] = [];
        for (let r = 1; r <= rows; r++) {
          const row: CellValue[] = [];
          for (let c = 1; c <= cols; c++) row.push(copyCell(cellAt(s, r, c)?.v ?? ''));
          values.push(row);
        }
        return {
          name: s.name,
          sheetId: s.sheetId,
          hidden: s.hidden,
          frozenRows: s.frozenRows,
          maxRows: s.maxRows,
          maxColumns: s.maxColumns,
          values,
        };
      }),
    };
  }

  /** One sheet's used range by name (uncounted; tests and the sandbox). */
  values(id: string, sheetName: string): CellValue[][] {
    const sheet = this.get(id).sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`No sheet "${sheetName}" in ${id}`);
    return sheet.values;
  }

  /** The number format of one cell (uncounted). */
  formatOf(id: string, sheetName: string, row: number, column: number): string | undefined {
    const sheet = this.record(id)?.sheets.find((s) => s.name === sheetName);
    return sheet ? cellAt(sheet, row, column)?.f : undefined;
  }

  /**
   * A person typing into a cell in the Sheets UI (uncounted), bypassing validation warnings as the UI's "show a
   * warning" mode allows. Lets tests check the project copes with hand edits.
   */
  editByUser(id: string, sheetName: string, row: number, column: number, value: unknown): void {
    const sheet = this.record(id)?.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`No sheet "${sheetName}" in ${id}`);
    if (row > sheet.maxRows || column > sheet.maxColumns)
      throw new Error(`${sheetName}!R${row}C${column} is outside the grid`);
    const ss = this.record(id)!;
    putEntered(ss, cellFor(sheet, row, column), toCell(value, 'editByUser'));
  }

  /**
   * The spreadsheet's protected sheets and ranges (uncounted; tests and the sandbox), with the editors each lists (the
   * owner may always edit besides).
   */
  protections(id: string): ProtectionSnapshot[] {
    const ss = this.record(id);
    if (!ss) throw new Error(`No spreadsheet ${id}`);
    return ss.protections.map((p) => ({
      sheet: ss.sheets.find((s) => s.sheetId === p.sheetId)?.name ?? '',
      ...(p.box && { range: boxA1(p.box) }),
      type: p.type,
      editors: [...p.editors],
      domainEdit: p.domainEdit,
      description: p.description,
      warningOnly: p.warningOnly,
      unprotected: p.unprotected.map(boxA1),
    }));
  }

  /**
   * Drive sharing (uncounted): who may edit the spreadsheet besides its owner, and whether everyone in the owner's
   * Workspace domain may. A protection made later starts from these permissions (protection-rules.ts). Never called,
   * a Workspace owner's spreadsheet counts as shared with the domain (UNVERIFIED; the stricter default).
   */
  share(id: string, sharing: { editors?: string[]; domain?: boolean }): void {
    const ss = this.record(id);
    if (!ss) throw new Error(`No spreadsheet ${id}`);
    const domain = sharing.domain ?? ss.sharing?.domain;
    ss.sharing = {
      editors: [...(sharing.editors ?? ss.sharing?.editors ?? [])],
      ...(domain !== undefined && { domain }),
    };
  }

  /** A person renaming a sheet tab (uncounted). */
  renameByUser(id: string, oldName: string, newName: string): void {
    const sheet = this.record(id)?.sheets.find((s) => s.name === oldName);
    if (!sheet) throw new Error(`No sheet "${oldName}" in ${id}`);
    sheet.name = newName;
  }

  /**
   * The embedded charts of a spreadsheet, or of one sheet by name (uncounted; the sandbox and tests), in sheet order
   * and in the order they were inserted.
   */
  charts(id: string, sheetName?: string): ChartSnapshot[] {
    const ss = this.record(id);
    if (!ss) throw new Error(`No spreadsheet ${id}`);
    if (sheetName !== undefined && !ss.sheets.some((s) => s.name === sheetName))
      throw new Error(`No sheet "${sheetName}" in ${id}`);
    return ss.sheets
      .filter((s) => sheetName === undefined || s.name === sheetName)
      .flatMap((s) => (s.charts ?? []).map((c) => snapshotOf(ss, s, c)));
  }

  /** What one chart draws now: its ranges' current values as a header row and data rows (uncounted). */
  chartData(id: string, chartId: number): ChartTable {
    const ss = this.record(id);
    const found = ss && findChart(ss, chartId);
    if (!ss || !found) throw new Error(`No chart ${chartId} in ${id}`);
    return chartTable(ss, found.chart);
  }

  /** @internal The live record, for the service. */
  record(id: string): SpreadsheetRecord | undefined {
    return this.spreadsheets.get(id);
  }

  /** @internal A new sheet record (not yet added), with an id Sheets-like: the first is 0, later ones large numbers. */
  newSheet(ss: SpreadsheetRecord, name: string): SheetRecord {
    let sheetId = 0;
    if (ss.sheets.length || ss.sheetSeq > 0) {
      do {
        ss.sheetSeq += 1;
        sheetId = createHash('sha256').update(`${ss.id}:sheet:${ss.sheetSeq}`).digest().readUInt32BE(0) & 0x7fffffff;
      } while (sheetId === 0 || ss.sheets.some((s) => s.sheetId === sheetId));
    } else ss.sheetSeq = 1;
    return {
      name,
      sheetId,
      hidden: false,
      frozenRows: 0,
      maxRows: LIMITS.defaultRows,
      maxColumns: LIMITS.defaultColumns,
      columnWidths: {},
      rows: [],
    };
  }

  /** @internal Index of an equal rule, added when new, so cells share rules (what setDataValidation stores). */
  ruleIndex(ss: SpreadsheetRecord, rule: ValidationRecord): number {
    const key = JSON.stringify(rule);
    const at = ss.rules.findIndex((r) => JSON.stringify(r) === key);
    if (at >= 0) return at;
    ss.rules.push(rule);
    return ss.rules.length - 1;
  }
}
