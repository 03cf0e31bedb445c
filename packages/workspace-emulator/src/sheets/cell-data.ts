// The CellData a batchUpdate request writes, and the `fields` mask that says which of its parts are applied. Only
// userEnteredValue and userEnteredFormat.numberFormat are understood; any other part is refused rather than dropped.
// https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/cells#CellData
//
// A stringValue is text, whatever it looks like: "=1+1" stays the text "=1+1" (never a formula), "007" stays "007".
// That is the API's documented difference from typing into a cell (USER_ENTERED parsing belongs to values.update), and
// a project's protection against formula injection relies on it.

import { HTTP } from '../errors';
import { parseFormat } from '../spreadsheet/number-format';
import { LIMITS } from '../spreadsheet/rules';
import { CellValue } from '../spreadsheet/values';
import { isObject } from './args';
import { SAY } from './wording';

/** A request-level problem; the batch names the request it came from (`Invalid requests[1].updateCells: ...`). */
export class Problem extends Error {}

/** Which parts of each cell a request sets (cells without the part are cleared of it). */
export interface FieldMask {
  value: boolean;
  format: boolean;
  /** `*`: every CellData field, so what the emulation stores beyond value and format (bold, validation) is cleared. */
  all: boolean;
}

export interface ParsedCell {
  /** '' when the cell has no userEnteredValue. */
  value: CellValue;
  /** A number format pattern; undefined = Automatic. */
  format: string | undefined;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** An object's keys checked: unknown names are Google's JSON-payload 400, known but unmodelled ones the emulator's. */
export function checkKeys(
  api: string,
  value: Record<string, unknown>,
  at: string,
  allowed: readonly string[],
  unmodelled: readonly string[] = [],
): void {
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || allowed.includes(k)) continue;
    if (unmodelled.includes(k)) throw new Problem(SAY.unsupported(`${at.replace(/\[\d+\]/g, '')}.${k}`));
    throw HTTP.badRequest(api, SAY.unknownField(k, at));
  }
}

export function parseFields(fields: unknown): FieldMask {
  if (typeof fields !== 'string' || !fields.trim()) throw new Problem(SAY.fieldsRequired);
  const mask: FieldMask = { value: false, format: false, all: false };
  for (const raw of fields.split(',')) {
    const path = raw.trim();
    if (path === '*') mask.all = mask.value = mask.format = true;
    else if (path === 'userEnteredValue') mask.value = true;
    else if (path === 'userEnteredFormat.numberFormat') mask.format = true;
    else throw new Problem(SAY.unsupported(`the field mask path "${path}"`));
  }
  return mask;
}

const CELL_FIELDS = [
  'effectiveValue',
  'formattedValue',
  'effectiveFormat',
  'hyperlink',
  'note',
  'textFormatRuns',
  'dataValidation',
  'pivotTable',
  'dataSourceTable',
  'dataSourceFormula',
  'chipRuns',
];
const FORMAT_FIELDS = [
  'backgroundColor',
  'backgroundColorStyle',
  'borders',
  'padding',
  'horizontalAlignment',
  'verticalAlignment',
  'wrapStrategy',
  'textDirection',
  'textFormat',
  'hyperlinkDisplayType',
  'textRotation',
];
const NUMBER_TYPES = ['TEXT', 'NUMBER', 'PERCENT', 'CURRENCY', 'DATE', 'TIME', 'DATE_TIME', 'SCIENTIFIC'];

function parseValue(api: string, v: unknown, at: string): CellValue {
  if (!isObject(v)) throw HTTP.badRequest(api, SAY.unknownField(String(v), at));
  checkKeys(api, v, at, ['stringValue', 'numberValue', 'boolValue', 'formulaValue', 'errorValue']);
  const set = Object.keys(v).filter((k) => v[k] !== undefined && v[k] !== null);
  if (set.length > 1) throw new Problem(SAY.oneValue);
  if (!set.length) return '';
  const [kind] = set;
  const x = v[kind];
  switch (kind) {
    case 'stringValue':
      if (typeof x !== 'string') throw HTTP.badRequest(api, SAY.unknownField(String(x), `${at}.string_value`));
      if (x.length > LIMITS.charactersPerCell) throw new Problem(SAY.cellTooLong(LIMITS.charactersPerCell));
      return x;
    case 'numberValue':
      // UNVERIFIED whether the JSON body's "1.5" string form is accepted through Apps Script; a number is required.
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw HTTP.badRequest(api, SAY.notANumber(`${at}.number_value`));
      return x;
    case 'boolValue':
      if (typeof x !== 'boolean') throw HTTP.badRequest(api, SAY.unknownField(String(x), `${at}.bool_value`));
      return x;
    default:
      throw new Problem(SAY.unsupported(`userEnteredValue.${kind} (the emulation has no formula engine)`));
  }
}

/** The pattern a numberFormat stands for. Patterns are required (locale defaults per type are not modelled). */
function parseNumberFormat(api: string, nf: unknown, at: string): string {
  if (!isObject(nf)) throw HTTP.badRequest(api, SAY.unknownField(String(nf), at));
  checkKeys(api, nf, at, ['type', 'pattern']);
  const { type, pattern } = nf;
  if (typeof type !== 'string' || !NUMBER_TYPES.includes(type))
    throw HTTP.badRequest(api, SAY.badEnum(`${at}.type`, String(type)));
  if (type === 'TEXT') {
    if (pattern !== undefined && pattern !== '@') throw new Problem(SAY.patternKind(type, String(pattern)));
    return '@';
  }
  if (typeof pattern !== 'string' || !pattern)
    throw new Problem(SAY.unsupported(`a ${type} numberFormat without a pattern`));
  const parsed = parseFormat(pattern);
  if (!parsed) throw new Problem(SAY.unsupported(`the number format ${JSON.stringify(pattern)}`));
  const want = type === 'NUMBER' ? 'number' : type === 'DATE' || type === 'TIME' || type === 'DATE_TIME' ? 'date' : '';
  if (!want) throw new Problem(SAY.unsupported(`numberFormat type ${type}`));
  if (parsed.kind !== want) throw new Problem(SAY.patternKind(type, pattern));
  return pattern;
}

export function parseCell(api: string, cell: unknown, at: string): ParsedCell {
  if (!isObject(cell)) throw HTTP.badRequest(api, SAY.unknownField(String(cell), at));
  checkKeys(api, cell, at, ['userEnteredValue', 'userEnteredFormat'], CELL_FIELDS);
  const value =
    cell.userEnteredValue === undefined ? '' : parseValue(api, cell.userEnteredValue, `${at}.user_entered_value`);
  let format: string | undefined;
  const uef = cell.userEnteredFormat;
  if (uef !== undefined) {
    const fat = `${at}.user_entered_format`;
    if (!isObject(uef)) throw HTTP.badRequest(api, SAY.unknownField(String(uef), fat));
    checkKeys(api, uef, fat, ['numberFormat'], FORMAT_FIELDS);
    if (uef.numberFormat !== undefined) format = parseNumberFormat(api, uef.numberFormat, `${fat}.number_format`);
  }
  return { value, format };
}

/** RowData[] → cells, with the JSON path Google names in its errors. */
export function parseRows(api: string, rows: unknown, at: string): ParsedCell[][] {
  if (rows === undefined) return [];
  if (!Array.isArray(rows)) throw HTTP.badRequest(api, SAY.unknownField(String(rows), `${at}.rows`));
  return rows.map((row, i) => {
    const rat = `${at}.rows[${i}]`;
    if (!isObject(row)) throw HTTP.badRequest(api, SAY.unknownField(String(row), rat));
    checkKeys(api, row, rat, ['values']);
    if (row.values === undefined) return [];
    if (!Array.isArray(row.values)) throw HTTP.badRequest(api, SAY.unknownField(String(row.values), `${rat}.values`));
    return row.values.map((c, j) => parseCell(api, c, `${rat}.values[${j}]`));
  });
}

export { snake };
