// Google's sentences for Sheets API failures. Where a sentence was seen in real responses it says so; the others are
// marked UNVERIFIED: Google's wording was not found, so ours is a plain sentence in the same style, and tests pin it
// only so that a change here is deliberate.

export const SAY = {
  /** Seen verbatim in many public reports (HTTP 400 INVALID_ARGUMENT, reason badRequest), range as the caller sent it. */
  unparsableRange: (range: string) => `Unable to parse range: ${range}`,
  /** Google's standard NOT_FOUND sentence (a spreadsheet id that does not exist or is not shared with the user). */
  notFound: 'Requested entity was not found.',
  /** Google's answer to a token without a scope the method accepts (HTTP 403 PERMISSION_DENIED). */
  insufficientScopes: 'Request had insufficient authentication scopes.',
  /** The prefix Google puts before a batchUpdate request's problem (`Invalid requests[1].updateCells: ...`). */
  invalidRequest: (index: number, kind: string, problem: string) => `Invalid requests[${index}].${kind}: ${problem}`,
  /** Seen in real responses (`Invalid requests[0].updateCells: No grid with id: 1234`). */
  noGrid: (sheetId: unknown) => `No grid with id: ${String(sheetId)}`,
  /** Google's standard answer to an unknown query parameter (optionalArgs become query parameters). */
  unknownParam: (name: string) =>
    `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. Field '${name}' could not be found in request message.`,
  /** Google's standard answer to an unknown body field ("Cannot find field."); the `at` path form is UNVERIFIED. */
  unknownField: (name: string, at?: string) =>
    `Invalid JSON payload received. Unknown name "${name}"${at ? ` at '${at}'` : ''}: Cannot find field.`,
  /** Google's standard answer to a bad enum value in a query parameter. */
  badEnum: (field: string, value: string) => `Invalid value at '${field}' (TYPE_ENUM), "${value}"`,
  /** Sheets' cell limit (the SpreadsheetApp message is quoted from real runs; UNVERIFIED through the API). */
  cellTooLong: (max: number) => `Your input contains more than the maximum of ${max} characters in a single cell.`,

  // UNVERIFIED from here on.
  /** A read or write wholly outside the sheet's grid (Google's sentence for writes; UNVERIFIED for reads). */
  exceedsGrid: (a1: string, maxRows: number, maxColumns: number) =>
    `Range (${a1}) exceeds grid limits. Max rows: ${maxRows}, max columns: ${maxColumns}`,
  noRanges: 'Must specify at least one range.',
  noRequests: 'Must specify at least one request.',
  fieldsRequired: 'At least one field must be specified.',
  oneKind: 'Exactly one kind of request must be set.',
  oneValue: 'Only one of stringValue, numberValue, boolValue, formulaValue, errorValue may be set.',
  startOrRange: 'Exactly one of start or range must be set.',
  badIndex: (name: string) => `${name} must be a non-negative integer.`,
  emptyRange: 'The range must contain at least one row.',
  dataOutsideRange: 'The data does not fit in the range.',
  noRows: 'rows must contain at least one row.',
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  notANumber: (at: string) => `Invalid value at '${at}' (TYPE_DOUBLE)`,
  patternKind: (type: string, pattern: string) => `The pattern "${pattern}" is not a ${type} pattern.`,
  /** What the emulator refuses rather than guess (not Google's: Google would accept these). */
  unsupported: (what: string) => `Emulator: ${what} is not supported by the local emulation.`,
} as const;
