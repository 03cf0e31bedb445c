// What every Spreadsheet/Sheet/Range handle shares, and the reference a handle keeps to its sheet. Handles hold ids,
// not records, so a handle taken before a structural change sees the sheet as it is now (as in Apps Script).

import { ServiceContext } from '../context';
import { GasException } from '../errors';
import { GridBox } from './a1';
import { SheetRecord, SpreadsheetRecord, SpreadsheetStore } from './store';
import { UiHost } from './ui';

export interface HandleContext {
  store: SpreadsheetStore;
  ctx: ServiceContext;
  /** The UI of the bound spreadsheet, when the project has one. */
  ui?: UiHost;
  activeSpreadsheetId?: string;
  /** Handle factories, so the classes do not import one another. */
  spreadsheet(id: string): object;
  sheet(ref: SheetRef): object;
  range(ref: SheetRef, box: GridBox): object;
}

export class SheetRef {
  constructor(
    readonly env: HandleContext,
    readonly spreadsheetId: string,
    readonly sheetId: number,
  ) {}

  ss(): SpreadsheetRecord {
    const ss = this.env.store.record(this.spreadsheetId);
    // UNVERIFIED wording: a spreadsheet deleted while a script holds it.
    if (!ss) throw new GasException("Document is missing (perhaps it was deleted, or you don't have read access?)");
    return ss;
  }

  sheet(): SheetRecord {
    const sheet = this.ss().sheets.find((s) => s.sheetId === this.sheetId);
    // UNVERIFIED wording: a sheet deleted while a script holds it.
    if (!sheet) throw new GasException('The sheet has been deleted.');
    return sheet;
  }
}
