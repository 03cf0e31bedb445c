// A CRM sheet read and written by column key, not position: the office may reorder columns, add its own, sort the
// rows. Header lookup follows sheets-templates/ (any language, or the key).

import { locateColumns } from '../../core/sheets/template';
import { SheetKey, template } from '../../core/sheets/templates';
import { writeCells } from '../events/cells';
import { crmSheet, crmSpreadsheet } from './crm-spreadsheet';

export type Cell = string | number | boolean | Date;

const GROW_BY = 2000;
export interface TableRow {
  /** The spreadsheet row, 1-based, as the office sees it. */
  rowNumber: number;
  values: Record<string, unknown>;
}

export class CrmTable {
  private constructor(
    readonly key: SheetKey,
    readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    readonly columns: Record<string, number>,
    readonly width: number,
    private readonly cached: unknown[][] | undefined,
  ) {}

  /** Opens a CRM sheet; with `read`, its whole contents come in the same single request as the header. */
  static open(
    key: SheetKey,
    options: { read?: boolean; ss?: GoogleAppsScript.Spreadsheet.Spreadsheet } = {},
  ): CrmTable {
    const sheet = crmSheet(key, options.ss ?? crmSpreadsheet());
    if (!sheet) throw new Error(`The "${template(key).title.en}" sheet is missing: run CRM → Set up.`);
    const all = options.read ? sheet.getDataRange().getValues() : undefined;
    const header = all ? all[0] : sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0];
    const columns = locateColumns(template(key), header);
    const missing = Object.entries(columns)
      .filter(([, i]) => i < 0)
      .map(([k]) => k);
    if (missing.length)
      throw new Error(
        `The "${sheet.getName()}" sheet has lost columns (${missing.join(', ')}): run CRM → Set up to repair it.`,
      );
    return new CrmTable(key, sheet, columns, header.length, all);
  }

  rows(): TableRow[] {
    const all = this.cached ?? this.sheet.getDataRange().getValues();
    const out: TableRow[] = [];
    for (let i = 1; i < all.length; i++) {
      const row = all[i];
      if (row.every((v) => v === '' || v === null)) continue;
      const values: Record<string, unknown> = {};
      for (const [k, c] of Object.entries(this.columns)) values[k] = row[c];
      out.push({ rowNumber: i + 1, values });
    }
    return out;
  }

  private toRow(record: Record<string, Cell | undefined>): Cell[] {
    const row: Cell[] = new Array(this.width).fill('');
    for (const [k, v] of Object.entries(record))
      if (v !== undefined && this.columns[k] !== undefined) row[this.columns[k]] = v;
    return row;
  }

  /**
   * Adds rows after the last one. One row goes through appendRow, which Google documents as atomic; several go in
   * one write under the script lock, so two people logging at once lose nothing.
   */
  append(records: Array<Record<string, Cell | undefined>>): void {
    if (!records.length) return;
    if (records.length === 1) {
      this.sheet.appendRow(this.toRow(records[0]));
      return;
    }
    const lock = LockService.getScriptLock();
    lock.waitLock(20000);
    try {
      const first = this.sheet.getLastRow() + 1;
      this.ensureRows(first + records.length - 1);
      this.sheet.getRange(first, 1, records.length, this.width).setValues(records.map((r) => this.toRow(r)));
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }

  /**
   * Appends many rows in one write without the lock: for sheets only one execution writes at a time (an import's
   * own staging and log), where the cost of a lock round trip buys nothing.
   */
  appendBlock(records: Array<Record<string, Cell | undefined>>): void {
    if (!records.length) return;
    // The first block reads where the sheet ends; later blocks of the same run continue from there.
    const first = this.nextRow ?? this.sheet.getLastRow() + 1;
    this.ensureRows(first + records.length - 1);
    this.sheet.getRange(first, 1, records.length, this.width).setValues(records.map((r) => this.toRow(r)));
    this.nextRow = first + records.length;
  }

  /** The sheet's last row when the caller has just learnt it (read or cleared it): appendBlock then need not ask. */
  continueAfter(lastRow: number): void {
    this.nextRow = lastRow + 1;
  }

  private nextRow: number | undefined;
  private maxRows: number | undefined;

  /**
   * A range past the sheet's last row is an error in Sheets (unlike appendRow): grow the grid first, by at least
   * GROW_BY rows so a long run of appends does not pay for a grow each time.
   */
  private ensureRows(lastRow: number): void {
    const max = this.maxRows ?? this.sheet.getMaxRows();
    if (lastRow > max) {
      const add = Math.max(lastRow - max, GROW_BY);
      this.sheet.insertRowsAfter(max, add);
      this.maxRows = max + add;
    } else this.maxRows = max;
  }

  /** Writes some columns of one row, leaving the others as the office left them. */
  update(rowNumber: number, changes: Record<string, Cell>): void {
    writeCells(this.sheet, this.columns, rowNumber, changes);
  }
}
