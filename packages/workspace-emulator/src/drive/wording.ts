// The Drive API's error sentences and the GoogleJsonResponseException Apps Script makes of them. Drive v3 errors
// carry the old-style `errors[]` entry with `location` (the parameter or field at fault); we add it to the usual shape.
// Sentences seen in real responses say so; the others are UNVERIFIED and pinned by tests only so a change is
// deliberate. https://developers.google.com/drive/api/guides/handle-errors

import { GoogleJsonResponseException } from '../errors';
import { PAYLOAD_LIMITS } from '../limits';

const STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
};

/** One Drive error as Apps Script throws it; `location` names the parameter (q, fileId, fields, pageSize…). */
export function driveError(
  api: string,
  code: 400 | 403 | 404,
  message: string,
  reason: string,
  location?: string,
): GoogleJsonResponseException {
  const e = new GoogleJsonResponseException(api, code, STATUS[code], message, reason);
  if (location) Object.assign(e.details.errors[0], { location, locationType: 'parameter' });
  return e;
}

export const SAY = {
  /** Seen verbatim in real responses ("File not found: 1AbC….", reason notFound, location fileId). */
  notFound: (id: string) => `File not found: ${id}.`,
  /** Seen verbatim for a malformed q (reason invalid, location q). */
  invalidValue: 'Invalid Value',
  /** Seen in real responses for pageSize outside the range (reason invalid, location pageSize). */
  outOfRange: (value: unknown, min: number, max: number) =>
    `Invalid value '${String(value)}'. Values must be within the range: [${min}, ${max}]`,
  /** Seen for an unknown name in `fields` (reason invalidParameter, location fields). */
  invalidField: (name: string) => `Invalid field selection ${name}`,
  /** The Drive help's sentence (reason storageQuotaExceeded); seen in real 403s. */
  storageQuota: "The user's Drive storage quota has been exceeded.",
  /** Seen in real responses when update's body carries parents (reason fieldNotWritable). */
  parentsNotWritable:
    'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
  /** Since 2020 a My Drive item has one parent; UNVERIFIED wording (reason cannotAddParent). */
  oneParent: 'Increasing the number of parents is not allowed. A file can only have one parent.',
  /** Seen for alt=media on a folder or a Google Docs file (reason fileNotDownloadable). */
  notDownloadable: 'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
  /** The emulator's own refusal (stricter than Google where UNVERIFIED, see limits.ts driveMediaUploadBytes). */
  mediaTooLarge: (bytes: number) =>
    `Emulator: media of ${bytes} bytes is too large for a multipart upload (at most ${PAYLOAD_LIMITS.driveMediaUploadBytes.value} bytes, 5 MB: https://developers.google.com/drive/api/guides/manage-uploads); split the content into several files.`,
  /** UNVERIFIED wording: a folder holds no content. */
  folderMedia: 'Emulator: a folder (application/vnd.google-apps.folder) cannot have media content.',
  /** The properties guide's limit (https://developers.google.com/drive/api/guides/properties); wording UNVERIFIED. */
  propertyTooLarge: (key: string) =>
    `The property ${key} is too large: a key and its value may take ${PAYLOAD_LIMITS.driveAppPropertyBytes.value} bytes.`,
  /** Same page: at most 30 private properties per app; wording UNVERIFIED. */
  tooManyProperties: `A file may have at most ${PAYLOAD_LIMITS.driveAppPropertiesPerApp.value} appProperties per app.`,
  /** UNVERIFIED wording: a folder cannot go inside itself. */
  cycle: 'A folder cannot be moved into itself or one of its subfolders.',
  /** UNVERIFIED wording (reason cannotCopyFile): Drive copies files, not folders. */
  cannotCopyFolder: 'This file cannot be copied by the user.',
  /** Live Apps Script's answer to Drive.Files.export without {alt: 'media'} (public report, see service.ts). */
  exportNeedsAlt: 'Export requires alt=media to download the exported content.',
  exportThroughUrlFetch:
    "Drive.Files.export with alt=media (what Apps Script returns is UNVERIFIED); fetch https://www.googleapis.com/drive/v3/files/<id>/export?mimeType=<type> with UrlFetchApp and 'Authorization: Bearer ' + ScriptApp.getOAuthToken()",
  /** A field, parameter or query term Google has but the emulator does not model: refused rather than ignored. */
  notEmulated: (what: string) => `Emulator: ${what} is not emulated.`,
  /** Google's standard answer to an unknown body field. */
  unknownField: (name: string) => `Invalid JSON payload received. Unknown name "${name}": Cannot find field.`,
  /** Google's standard answer to an unknown query parameter. */
  unknownParam: (name: string) =>
    `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. Field '${name}' could not be found in request message.`,
};
