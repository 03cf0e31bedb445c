// TextFinder: searches the text cells show (display values), row by row. Setting options is local; each find is a
// round trip `SpreadsheetApp.TextFinder.<method>`. Defaults as in Apps Script: case-insensitive, part of a cell.
// https://developers.google.com/apps-script/reference/spreadsheet/text-finder

import { Emulated, signatureMismatch } from '../script/emulated';
import { GridBox } from './a1';
import { SheetRef } from './env';
import { displayText } from './number-format';
import { Range, dataBox, requireInside } from './range';
import { cellAt } from './store';
import { jsonBytes } from '../wire-size';

type TextFinderApi = Emulated<
  GoogleAppsScript.Spreadsheet.TextFinder,
  'matchCase' | 'matchEntireCell' | 'findAll' | 'findNext'
>;

export class TextFinder implements TextFinderApi {
  readonly #ref: SheetRef;
  readonly #box: GridBox | undefined;
  readonly #text: string;
  #matchCase = false;
  #entireCell = false;
  /** Row-major position of the last match findNext returned. */
  #cursor: { row: number; column: number } | undefined;

  constructor(ref: SheetRef, box: GridBox | undefined, text: string) {
    this.#ref = ref;
    this.#box = box;
    this.#text = text;
  }

  matchCase(matchCase: boolean): this {
    if (typeof matchCase !== 'boolean') throw signatureMismatch('TextFinder.matchCase', [matchCase]);
    this.#matchCase = matchCase;
    return this;
  }

  matchEntireCell(entireCell: boolean): this {
    if (typeof entireCell !== 'boolean') throw signatureMismatch('TextFinder.matchEntireCell', [entireCell]);
    this.#entireCell = entireCell;
    return this;
  }

  /**
   * The matches in the box, row by row, after `after` when given; `first` stops at the first. `scanned.cells` learns
   * how many cells Google's side looked at to answer (the call's price, latency.ts): up to the match findNext returns,
   * the whole rest of the box otherwise.
   */
  #matches(
    scanned: { cells: number },
    after?: { row: number; column: number },
    first = false,
  ): Array<{ row: number; column: number }> {
    const ss = this.#ref.ss();
    const sheet = this.#ref.sheet();
    const box = this.#box ?? dataBox(sheet);
    requireInside(sheet, box);
    const wanted = this.#matchCase ? this.#text : this.#text.toLowerCase();
    const out: Array<{ row: number; column: number }> = [];
    for (let r = box.row; r < box.row + box.numRows; r++)
      for (let c = box.column; c < box.column + box.numColumns; c++) {
        if (after && (r < after.row || (r === after.row && c <= after.column))) continue;
        scanned.cells += 1;
        const cell = cellAt(sheet, r, c);
        if (!cell || cell.v === '') continue;
        const shown = displayText(cell.v, cell.f, ss.timeZone, ss.locale);
        const text = this.#matchCase ? shown : shown.toLowerCase();
        if (this.#entireCell ? text === wanted : text.includes(wanted)) {
          out.push({ row: r, column: c });
          if (first) return out;
        }
      }
    return out;
  }

  #range(at: { row: number; column: number }): Range {
    return new Range(this.#ref, { row: at.row, column: at.column, numRows: 1, numColumns: 1 });
  }

  findAll(): Range[] {
    const scanned = { cells: 0 };
    return this.#ref.env.ctx.call(
      'SpreadsheetApp.TextFinder.findAll',
      () => this.#matches(scanned).map((m) => this.#range(m)),
      {
        received: (ranges) => jsonBytes(ranges.map((r) => r.getA1Notation())),
        units: () => scanned,
      },
    );
  }

  /** The next match after the previous one, or null when there is none left. */
  findNext(): Range | null {
    const scanned = { cells: 0 };
    return this.#ref.env.ctx.call(
      'SpreadsheetApp.TextFinder.findNext',
      () => {
        const [next] = this.#matches(scanned, this.#cursor, true);
        if (!next) return null;
        this.#cursor = next;
        return this.#range(next);
      },
      { received: (range) => jsonBytes(range ? range.getA1Notation() : null), units: () => scanned },
    );
  }
}
