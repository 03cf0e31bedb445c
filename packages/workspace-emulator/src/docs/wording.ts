// The Docs API's error sentences and the GoogleJsonResponseException Apps Script makes of them
// ("API call to docs.documents.batchUpdate failed with error: Invalid requests[0].insertText: …"). A request's
// problem is prefixed "Invalid requests[i].<kind>: " as the Docs API does. Sentences marked UNVERIFIED are the
// emulator's best reading of public reports, pinned by tests so a change is deliberate.

import { GoogleJsonResponseException } from '../errors';

const STATUS: Record<number, string> = { 400: 'INVALID_ARGUMENT', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND' };

export function docsError(api: string, code: 400 | 403 | 404, message: string): GoogleJsonResponseException {
  return new GoogleJsonResponseException(api, code, STATUS[code], message);
}

export const DOCS_SAY = {
  /** Google's standard NOT_FOUND sentence (seen for a wrong documentId). */
  notFound: 'Requested entity was not found.',
  /** Google's standard PERMISSION_DENIED sentence (seen for a document not shared with the caller). */
  noPermission: 'The caller does not have permission',
  /** UNVERIFIED wording: the id names a Drive file that is not a Google Doc. */
  notADocument: 'This operation is not supported for this document',
  invalid: (i: number, kind: string, what: string) => `Invalid requests[${i}].${kind}: ${what}`,
  /** Seen in public reports for index 0 / a location outside any paragraph. */
  outsideParagraph:
    'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
  /** Seen in public reports. */
  pastEnd: (index: number, end: number) =>
    `Index ${index} must be less than the end index of the referenced segment, ${end}.`,
  /** Seen in public reports. */
  finalNewline: 'The range cannot include the newline character at the end of the segment.',
  /** UNVERIFIED wording. */
  emptyRange: 'The range should not be empty.',
  /** UNVERIFIED wording. */
  emptyFind: 'The text to search for must not be empty.',
  /** UNVERIFIED wording. */
  emptyInsert: 'The text to insert must not be empty.',
  /** UNVERIFIED wording (writeControl.requiredRevisionId older than the document). */
  staleRevision: 'The required revision ID does not match the latest revision.',
  /** Google's sentence for a request naming no kind, or two (UNVERIFIED exact text). */
  oneKind: 'Request must specify exactly one request type.',
  unknownField: (name: string, at: string) =>
    `Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`,
  unknownParam: (name: string) =>
    `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. Field '${name}' could not be found in request message.`,
  notEmulated: (what: string) => `Emulator: ${what} is not emulated.`,
};
