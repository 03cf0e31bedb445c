// Every payload limit the emulator enforces, in one place: the figure, where Google states it (or UNVERIFIED, with why
// the figure was chosen), and the service that enforces it. Services take their figures from here; quotas that count
// calls per day or per minute stay with their services (they are not sizes). The package README's table is this list.
//
// Units: "bytes" are UTF-8 bytes; Google's "KB" / "MB" read as 1,024 / 1,048,576 bytes unless the service says the
// stricter 1,000 (noted per entry).

export interface PayloadLimit {
  readonly value: number;
  readonly unit: 'bytes' | 'characters' | 'items';
  /** The page that states the figure, or 'UNVERIFIED'. */
  readonly source: string;
  /** Which emulated service refuses a payload over it. */
  readonly enforcedBy: string;
  readonly note?: string;
}

const QUOTAS = 'https://developers.google.com/apps-script/guides/services/quotas';
const CACHE = 'https://developers.google.com/apps-script/reference/cache/cache';

export const PAYLOAD_LIMITS = {
  cacheKeyChars: {
    value: 250,
    unit: 'characters',
    source: CACHE,
    enforcedBy: 'CacheService put/putAll ("Argument too large: key")',
  },
  cacheValueBytes: {
    value: 100 * 1024,
    unit: 'bytes',
    source: CACHE,
    enforcedBy: 'CacheService put/putAll ("Argument too large: value")',
  },
  cacheItems: {
    value: 1000,
    unit: 'items',
    source: CACHE,
    enforcedBy: 'CacheService: the oldest writes are evicted past it',
  },
  propertyEntryBytes: {
    value: 9_000,
    unit: 'bytes',
    source: QUOTAS,
    enforcedBy: 'PropertiesService (key + value; "9 KB" read as 9,000, the stricter reading)',
  },
  propertyStoreBytes: {
    value: 500_000,
    unit: 'bytes',
    source: QUOTAS,
    enforcedBy: 'PropertiesService (a whole store; "500 KB" read as 500,000)',
  },
  scriptRunArgumentBytes: {
    value: 2 * 1024 * 1024,
    unit: 'bytes',
    source: 'UNVERIFIED',
    enforcedBy: 'google.script.run (the sandbox shim and API): the JSON of all arguments of one call',
    note: 'Google publishes no figure; very large payloads are reported to fail. Chosen low on purpose.',
  },
  scriptRunResultBytes: {
    value: 2 * 1024 * 1024,
    unit: 'bytes',
    source: 'UNVERIFIED',
    enforcedBy: "google.script.run (the sandbox API, the Node rpc): the JSON of a server function's return value",
    note: 'As for arguments: no published figure, chosen low on purpose.',
  },
  cardActionParameterBytes: {
    value: 10_000,
    unit: 'bytes',
    source: 'UNVERIFIED',
    enforcedBy: 'CardService Action.setParameters: keys + values of one action',
    note: 'The reference only says "both keys and values must be strings"; parameters travel inside the card.',
  },
  cardBytes: {
    value: 100 * 1024,
    unit: 'bytes',
    source: 'UNVERIFIED',
    enforcedBy: 'CardService CardBuilder.build: the JSON of one card',
    note: 'Google documents counts (sections, widgets), not a size; a card is sent to Gmail on every action.',
  },
  cardSections: {
    value: 100,
    unit: 'items',
    source: 'https://developers.google.com/workspace/add-ons/concepts/cards',
    enforcedBy: 'CardService CardBuilder.build',
  },
  cardWidgetsPerSection: {
    value: 100,
    unit: 'items',
    source: 'https://developers.google.com/workspace/add-ons/concepts/cards',
    enforcedBy: 'CardService CardBuilder.build',
  },
  htmlOutputBytes: {
    value: 2 * 1024 * 1024,
    unit: 'bytes',
    source: 'UNVERIFIED',
    enforcedBy: 'HtmlService: the content of one HtmlOutput (created, set, appended or evaluated)',
    note: 'No published figure; what the sidebar iframe downloads. Chosen low on purpose.',
  },
  urlFetchUrlBytes: { value: 2 * 1024, unit: 'bytes', source: QUOTAS, enforcedBy: 'UrlFetchApp ("URL length 2 kB")' },
  urlFetchPayloadBytes: {
    value: 50 * 1024 * 1024,
    unit: 'bytes',
    source: QUOTAS,
    enforcedBy: 'UrlFetchApp ("POST size 50 MB")',
  },
  urlFetchResponseBytes: {
    value: 50 * 1024 * 1024,
    unit: 'bytes',
    source: QUOTAS,
    enforcedBy: 'UrlFetchApp ("response size 50 MB")',
  },
  urlFetchHeaders: { value: 100, unit: 'items', source: QUOTAS, enforcedBy: 'UrlFetchApp (headers per call)' },
  urlFetchHeaderBytes: { value: 8 * 1024, unit: 'bytes', source: QUOTAS, enforcedBy: 'UrlFetchApp (header size)' },
  sheetsCellChars: {
    value: 50_000,
    unit: 'characters',
    source: 'https://support.google.com/drive/answer/37603',
    enforcedBy: 'SpreadsheetApp setValue(s) and the Sheets API',
  },
  sheetsCells: {
    value: 10_000_000,
    unit: 'items',
    source: 'https://support.google.com/drive/answer/37603',
    enforcedBy: 'SpreadsheetApp and the Sheets API (cells per spreadsheet)',
  },
  sheetsApiPayloadBytes: {
    value: 2 * 1024 * 1024,
    unit: 'bytes',
    source: 'https://developers.google.com/sheets/api/limits',
    enforcedBy: 'Sheets API batchUpdate body',
    note: 'Google only "recommends a 2 MB maximum payload"; enforced as a limit (stricter than Google).',
  },
  sheetsApiUrlChars: {
    value: 8192,
    unit: 'characters',
    source: 'UNVERIFIED',
    enforcedBy: 'Sheets API values.batchGet URL',
    note: "Google's API front end's URL limit as reported for other APIs (sheets/limits.ts).",
  },
  mailBodyBytes: {
    value: 200_000,
    unit: 'bytes',
    source: QUOTAS,
    enforcedBy: 'MailApp/GmailApp send ("200 KB" read as 200,000)',
  },
  mailRecipientsPerMessage: { value: 50, unit: 'items', source: QUOTAS, enforcedBy: 'MailApp/GmailApp send' },
  mailAttachmentsPerMessage: {
    value: 250,
    unit: 'items',
    source: QUOTAS,
    enforcedBy: 'MailApp.sendEmail attachments ("Email attachments: 250 / msg")',
  },
  mailAttachmentBytes: {
    value: 25 * 1024 * 1024,
    unit: 'bytes',
    source: 'https://support.google.com/mail/answer/6584',
    enforcedBy: 'MailApp.sendEmail attachments, all of one message ("up to 25 MB in attachments", read as 25 MiB)',
  },
  driveMediaUploadBytes: {
    value: 5 * 1024 * 1024,
    unit: 'bytes',
    source: 'https://developers.google.com/drive/api/guides/manage-uploads',
    enforcedBy: 'Drive advanced service Files.create/update with a media blob (400, nothing written)',
    note:
      'Simple and multipart uploads are for files of "5 MB or less"; larger need a resumable upload. Whether Apps ' +
      "Script's advanced service switches to a resumable upload above it is UNVERIFIED: refused here (stricter).",
  },
  driveAppPropertyBytes: {
    value: 124,
    unit: 'bytes',
    source: 'https://developers.google.com/drive/api/guides/properties',
    enforcedBy: 'Drive advanced service Files.create/update appProperties (key + value, UTF-8)',
  },
  driveAppPropertiesPerApp: {
    value: 30,
    unit: 'items',
    source: 'https://developers.google.com/drive/api/guides/properties',
    enforcedBy: 'Drive advanced service Files.create/update appProperties (private properties of one app on a file)',
  },
  driveStorageBytes: {
    value: 15 * 1024 * 1024 * 1024,
    unit: 'bytes',
    source: 'https://support.google.com/googleone/answer/9312312',
    enforcedBy: 'Drive advanced service Files.create/update (403 storageQuotaExceeded)',
    note:
      "A consumer account's 15 GB, shared by Drive, Gmail and Photos (ws.drive.setUsedElsewhere); trashed files " +
      'count until deleted. "GB" read as 1024^3 (UNVERIFIED which; the difference does not matter at this scale).',
  },
} as const satisfies Record<string, PayloadLimit>;

export type PayloadLimitName = keyof typeof PAYLOAD_LIMITS;

/** The limits no Google page states: the figures a real account may contradict. */
export function unverifiedLimits(): PayloadLimitName[] {
  return (Object.keys(PAYLOAD_LIMITS) as PayloadLimitName[]).filter((k) => PAYLOAD_LIMITS[k].source === 'UNVERIFIED');
}
