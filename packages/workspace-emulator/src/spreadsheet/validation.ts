// Data validation rules: the builder (local, free, as in Apps Script) and the check a write goes through. Only the two
// criteria the project uses are modelled: a value from a list, a value from a range. A rule with allowInvalid=false
// ("Reject the input") makes a script's write of any other value fail, with nothing written; allowInvalid=true ("Show a
// warning", Google's default) accepts it.
// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder

import { GasException } from '../errors';
import { Emulated, member, signatureMismatch } from '../script/emulated';
import { cellA1 } from './a1';
import { fail, MESSAGES } from './rules';
import { cellAt, SpreadsheetRecord, ValidationRecord } from './store';
import { CellValue, sameCell } from './values';

// Internals are keyed by symbols so script code (which never sees these symbols) cannot call them.
export const SOURCE = Symbol('validationSource');
export const RULE = Symbol('rule');

/** What a builder needs from a Range to point a rule at it. */
export interface RangeSource {
  [SOURCE](): {
    spreadsheetId: string;
    sheetId: number;
    row: number;
    column: number;
    numRows: number;
    numColumns: number;
  };
}

export function isRangeSource(v: unknown): v is RangeSource {
  return !!v && typeof (v as RangeSource)[SOURCE] === 'function';
}

type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

type DataValidationApi = Emulated<
  GoogleAppsScript.Spreadsheet.DataValidation,
  'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
>;

export class DataValidation implements DataValidationApi {
  readonly #rule: ValidationRecord;
  readonly #spreadsheetId: string;
  readonly #range: unknown;

  /** `range` is the script's Range object for a range rule (what getCriteriaValues gives back). */
  constructor(rule: ValidationRecord, spreadsheetId: string, range?: unknown) {
    this.#rule = rule;
    this.#spreadsheetId = spreadsheetId;
    this.#range = range;
  }

  [RULE](): { rule: ValidationRecord; spreadsheetId: string } {
    return { rule: this.#rule, spreadsheetId: this.#spreadsheetId };
  }

  copy(): DataValidationBuilder {
    return new DataValidationBuilder({ ...this.#rule }, this.#spreadsheetId, this.#range);
  }

  getAllowInvalid(): boolean {
    return this.#rule.allowInvalid;
  }

  getCriteriaType(): Criteria {
    return member(this.#rule.type);
  }

  getCriteriaValues(): unknown[] {
    return this.#rule.type === 'VALUE_IN_LIST'
      ? [this.#rule.values.slice(), this.#rule.showDropdown]
      : [this.#range ?? null, this.#rule.showDropdown];
  }

  getHelpText(): string {
    return this.#rule.helpText as string;
  }
}

type BuilderApi = Emulated<
  GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'setAllowInvalid'
  | 'setHelpText'
>;

export class DataValidationBuilder implements BuilderApi {
  #rule: Partial<ValidationRecord> & { allowInvalid: boolean; helpText: string | null };
  #spreadsheetId: string | undefined;
  #range: unknown;

  constructor(rule?: ValidationRecord, spreadsheetId?: string, range?: unknown) {
    this.#rule = rule ? { ...rule } : { allowInvalid: true, helpText: null };
    this.#spreadsheetId = spreadsheetId;
    this.#range = range;
  }

  requireValueInList(values: string[], showDropdown?: boolean): this {
    if (!Array.isArray(values))
      throw signatureMismatch('DataValidationBuilder.requireValueInList', [values, showDropdown]);
    const { allowInvalid, helpText } = this.#rule;
    this.#rule = {
      type: 'VALUE_IN_LIST',
      values: values.map(String),
      showDropdown: showDropdown ?? true,
      allowInvalid,
      helpText,
    };
    this.#spreadsheetId = undefined;
    this.#range = undefined;
    return this;
  }

  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range | RangeSource, showDropdown?: boolean): this {
    if (!isRangeSource(range))
      throw signatureMismatch('DataValidationBuilder.requireValueInRange', [range, showDropdown]);
    const src = range[SOURCE]();
    const { allowInvalid, helpText } = this.#rule;
    this.#rule = {
      type: 'VALUE_IN_RANGE',
      sheetId: src.sheetId,
      row: src.row,
      column: src.column,
      numRows: src.numRows,
      numColumns: src.numColumns,
      showDropdown: showDropdown ?? true,
      allowInvalid,
      helpText,
    };
    this.#spreadsheetId = src.spreadsheetId;
    this.#range = range;
    return this;
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    if (typeof allowInvalidData !== 'boolean')
      throw signatureMismatch('DataValidationBuilder.setAllowInvalid', [allowInvalidData]);
    this.#rule.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): this {
    this.#rule.helpText = String(helpText);
    return this;
  }

  getAllowInvalid(): boolean {
    return this.#rule.allowInvalid;
  }

  getCriteriaType(): Criteria {
    return member(this.#rule.type ?? (null as unknown as string));
  }

  getCriteriaValues(): unknown[] {
    if (this.#rule.type === 'VALUE_IN_LIST') return [(this.#rule.values ?? []).slice(), this.#rule.showDropdown];
    if (this.#rule.type === 'VALUE_IN_RANGE') return [this.#range, this.#rule.showDropdown];
    return [];
  }

  getHelpText(): string | null {
    return this.#rule.helpText;
  }

  build(): DataValidation {
    // UNVERIFIED wording: Apps Script refuses to build a rule without criteria.
    if (!this.#rule.type) throw new GasException('You must specify criteria for the data validation rule.');
    return new DataValidation({ ...this.#rule } as ValidationRecord, this.#spreadsheetId ?? '', this.#range);
  }

  copy(): DataValidationBuilder {
    const b = new DataValidationBuilder(undefined, this.#spreadsheetId, this.#range);
    b.#rule = { ...this.#rule };
    return b;
  }
}

/** The values a rule accepts right now (a range rule reads its source range as it is at the time of the write). */
function allowedValues(ss: SpreadsheetRecord, rule: ValidationRecord): CellValue[] {
  if (rule.type === 'VALUE_IN_LIST') return rule.values;
  const sheet = ss.sheets.find((s) => s.sheetId === rule.sheetId);
  if (!sheet) return [];
  const out: CellValue[] = [];
  for (let r = rule.row; r < rule.row + rule.numRows; r++)
    for (let c = rule.column; c < rule.column + rule.numColumns; c++) {
      const v = cellAt(sheet, r, c)?.v ?? '';
      if (v !== '') out.push(v);
    }
  return out;
}

function accepts(allowed: CellValue[], v: CellValue): boolean {
  return allowed.some(
    (a) => sameCell(a, v) || (!(a instanceof Date) && !(v instanceof Date) && String(a) === String(v)),
  );
}

/**
 * Refuses a write that a rejecting rule does not allow (empty is always allowed). `cells` are the target cells
 * with what would be written into them, in write order; the first offending cell is named.
 */
export function checkWrite(
  ss: SpreadsheetRecord,
  cells: Array<{ row: number; column: number; dv: number | undefined; value: CellValue }>,
): void {
  for (const cell of cells) {
    if (cell.dv === undefined || cell.value === '') continue;
    const rule = ss.rules[cell.dv];
    if (!rule || rule.allowInvalid) continue;
    if (!accepts(allowedValues(ss, rule), cell.value)) {
      throw fail(
        MESSAGES.invalidData(cellA1(cell.row, cell.column), rule.type === 'VALUE_IN_LIST' ? rule.values : undefined),
      );
    }
  }
}
