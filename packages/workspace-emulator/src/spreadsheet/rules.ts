// Sheets' limits and Google's wording for breaking them, in one place so tests and service code quote the same text.
//
// Sources:
// - Limits: "up to 10 million cells", "each cell can contain up to 50,000 characters"
//   (https://support.google.com/drive/answer/37603, Google Sheets size limits).
// - Wordings below are Apps Script's own messages as quoted from real executions in many public projects and reports
//   (found by exact-string code search: GitHub fakes and execution-log excerpts), unless marked UNVERIFIED.

import { GasException } from '../errors';
import { PAYLOAD_LIMITS } from '../limits';

export const LIMITS = {
  cellsPerSpreadsheet: PAYLOAD_LIMITS.sheetsCells.value,
  charactersPerCell: PAYLOAD_LIMITS.sheetsCellChars.value,
  /** A new spreadsheet's and a new sheet's grid. */
  defaultRows: 1000,
  defaultColumns: 26,
  /** "Sidebars are a fixed 300 px wide" (https://developers.google.com/workspace/add-ons/concepts/dialogs). */
  sidebarWidth: 300,
  /** Toast.timeoutSeconds default (Spreadsheet.toast reference: "defaults to 5 seconds"). */
  toastSeconds: 5,
};

export const MESSAGES = {
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  rangeNotFound: 'Range not found',
  cellTooLong: `Your input contains more than the maximum of ${LIMITS.charactersPerCell} characters in a single cell.`,
  tooManyCells: `This action would increase the number of cells in the workbook above the limit of ${LIMITS.cellsPerSpreadsheet} cells.`,
  openById: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  noUi: 'Cannot call SpreadsheetApp.getUi() from this context.',
  /** UNVERIFIED wording: deleting the only sheet. */
  deleteLastSheet: 'Sorry, it is not possible to delete all sheets in a document.',
  /** UNVERIFIED wording: hiding the last visible sheet. */
  hideAll: 'Sorry, it is not possible to hide all the sheets in a document.',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  /**
   * List rules: quoted from real executions ("The data you entered in cell M2 violates the data validation rules set on
   * this cell. Please enter one of the following values: Publish, Add to T0xx, Reject."). For range rules only the first
   * sentence is known; the rest of Google's message is UNVERIFIED, so we stop after it.
   */
  invalidData: (a1: string, allowed?: string[]) =>
    `The data you entered in cell ${a1} violates the data validation rules set on this cell.` +
    (allowed ? ` Please enter one of the following values: ${allowed.join(', ')}.` : ''),
};

export const fail = (message: string): GasException => new GasException(message);

/** Something Apps Script would accept but the emulator cannot model faithfully: fail loudly rather than guess. */
export const unsupported = (what: string): GasException =>
  new GasException(`Emulator: ${what} is not supported by the local emulation.`);
