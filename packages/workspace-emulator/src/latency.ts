// What a service call costs in virtual time: a base for the round trip plus a price for what it moved (bytes, cells,
// contacts, entries). Google publishes no latencies; the numbers below are round, on the slow side of what people
// report from Apps Script, and each says where it comes from. They exist so that run-time budgets (6 min, 30 s) bite
// at a realistic scale: reading 1,000,000 cells must cost more than reading one.

/** What one call moved, known once it has answered (or failed: then only what was sent). */
export interface CallUnits {
  /** UTF-8 JSON size of the request (wire-size.ts). */
  sentBytes: number;
  /** UTF-8 JSON size of the response; 0 when the call failed. */
  receivedBytes: number;
  /** Spreadsheet cells read, written or scanned. */
  cells?: number;
  /** Contacts (People) or entries (Cache, Properties) returned or sent. */
  items?: number;
}

/** The price list of a service (or one method): any field left out is inherited from a shorter prefix. */
export interface Rate {
  /** The round trip itself, ms. */
  baseMs?: number;
  /** Per KiB (1024 bytes) moved, sent or received, ms. */
  perKiBMs?: number;
  /** Per spreadsheet cell, ms. */
  perCellMs?: number;
  /** Per contact or entry, ms. */
  perItemMs?: number;
}

/**
 * Longest matching prefix wins, field by field. Sources, cited by the short name used in each comment:
 * - ziritione: L. Peralta, "Google Apps Script APIs performance" (ziritione.org/post/apps_script_performance), 100 runs
 *   each: Properties getProperty avg 30 ms, setProperty 62 ms; Cache get 3 ms, put 93 ms.
 * - qiita-cache: qiita.com/mitonattou919/items/a0fdd1a9e4559ee4a512: Cache put ~56 ms, get ~20 ms, remove ~88 ms, the
 *   same with a 100 KB value as with a few bytes.
 * - poehnelt: justin.poehnelt.com/posts/apps-script-key-value-stores: 100-byte write+read, Cache ~63 ms, Properties
 *   ~80 ms, SpreadsheetApp 800+ ms.
 * - bugbugnow: bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html: 1,000 rows, getValues + setValues of one column
 *   905 ms in all; 1,000 single-cell getValue calls 3,064 ms; getLastRow() called 1,000 times 160 s.
 * - excelspeedup: gas.excelspeedup.com/gas-spreadsheet-speedup: 100 rows × (2 getValue + 1 setValue) 24 s, ~80 ms a
 *   call when reads and writes alternate (each read flushes the pending writes).
 * - scriptdb: developreference "What is faster: ScriptDb or SpreadsheetApp?": one setValues of 4,000 cells with a
 *   flush 610 ms.
 * - howdy39: qiita.com/howdy39/items/2fb95bb7b52cb0bb00ab: Sheets API batchUpdate updateCells of 10,000 cells ~3 s.
 */
export const LATENCY: Record<string, Rate> = {
  // Any other service: a round trip of the order of the cheap ones below. Transfer: 0.1 ms per KiB (~10 MB/s), slower
  // than Google's network on purpose, since Apps Script also converts every value between its V8 and the service.
  // UNVERIFIED (no published per-byte figure): 1 MB moved costs 0.1 s.
  '': { baseMs: 50, perKiBMs: 0.1, perCellMs: 0, perItemMs: 0 },

  // People API (advanced service). No published latencies: the bases are the order people report for a REST call to
  // a Google API from Apps Script (300–1,000 ms; a page of 1,000 connections about a second). Per KiB 0.5 ms: the
  // response is assembled field by field on Google's side (the API asks for a personFields mask "for performance"),
  // so 14 fields cost more than 3 beyond their bytes. UNVERIFIED.
  'People.': { baseMs: 400, perKiBMs: 0.5, perItemMs: 1 },
  // batchCreate/Update/DeleteContacts: mutations are slow and serial per user ("Mutate requests for the same user
  // should be sent sequentially"); 5 ms per contact written, so a batch of 200 costs ~2.5 s. UNVERIFIED.
  'People.People.batch': { baseMs: 1500, perItemMs: 5 },
  'People.People.Connections.list': { baseMs: 900 },
  'People.ContactGroups.Members.modify': { baseMs: 700 },

  // SpreadsheetApp. The base of a small call is 60 ms (bugbugnow: 1,000 cached getValue calls in 3 s is ~3 ms each,
  // but a call that must reach the server, e.g. after a write, is ~80 ms: excelspeedup; we take the middle).
  // Reading: 0.01 ms (10 µs) a cell, so 100,000 cells cost 1 s and 1,000,000 cells 10 s, the "several seconds" people
  // report for reads of a million cells. UNVERIFIED: no published per-cell timing of getValues. Bytes on top (long
  // texts cost more than numbers) at a lower rate than the default: cells already price most of the work.
  'SpreadsheetApp.': { baseMs: 60, perKiBMs: 0.05, perCellMs: 0.01 },
  'SpreadsheetApp.Range.getValues': { baseMs: 120 },
  'SpreadsheetApp.openById': { baseMs: 300 },
  // Writing: 0.1 ms a cell. scriptdb: 4,000 cells written and flushed in 610 ms, i.e. ~0.15 ms a cell base included;
  // 200 ms base + 4,000 × 0.1 ms = 600 ms matches it. howdy39's 0.3 ms a cell is the heavier updateCells form.
  'SpreadsheetApp.Range.setValues': { baseMs: 200, perCellMs: 0.1 },
  'SpreadsheetApp.Range.setValue': { perCellMs: 0.1 },
  'SpreadsheetApp.Sheet.appendRow': { baseMs: 150, perCellMs: 0.1 },
  // Embedded charts: inserting or changing one makes Sheets lay it out and re-render it for every viewer, a heavier
  // write than a cell's; 400 ms, removing 200 ms, reading them as a small read. UNVERIFIED: no published timing.
  'SpreadsheetApp.Sheet.insertChart': { baseMs: 400 },
  'SpreadsheetApp.Sheet.updateChart': { baseMs: 400 },
  'SpreadsheetApp.Sheet.removeChart': { baseMs: 200 },
  'SpreadsheetApp.Sheet.getCharts': { baseMs: 120 },
  // TextFinder scans the cells on Google's side and returns only the matches; priced per cell scanned like a read
  // (UNVERIFIED: it is reported faster than getValues plus a search in script, but no figure is published).

  // Sheets advanced service (Sheets API v4 over REST, `Sheets.Spreadsheets.*`; the service counts the cells each
  // request read or wrote). Bases as the REST round trip People's are; batchUpdate is a write with a commit. Cells
  // written at the SpreadsheetApp write rate (howdy39's 0.3 ms a cell is the heavier updateCells with full CellData),
  // cells read at the SpreadsheetApp read rate. UNVERIFIED.
  'Sheets.': { baseMs: 300, perKiBMs: 0.1, perCellMs: 0.1 },
  'Sheets.Spreadsheets.batchUpdate': { baseMs: 450 },
  'Sheets.Spreadsheets.Values.batchGet': { perCellMs: 0.01 },

  'CalendarApp.': { baseMs: 500 },
  // Calendar advanced service (Calendar API v3 over REST): a REST round trip like People's. UNVERIFIED.
  'Calendar.': { baseMs: 400 },
  // Drive advanced service (Drive API v3 over REST): a REST round trip like People's; an upload (create/update with
  // media) stores the bytes before it answers, so it costs more, and media moves at 0.2 ms/KiB (a 4 MB part ~0.8 s).
  // UNVERIFIED: no published figures.
  'Drive.': { baseMs: 400, perKiBMs: 0.2 },
  'Drive.Files.create': { baseMs: 700 },
  'Drive.Files.update': { baseMs: 600 },
  // A copy is written server-side before it answers, like an upload. UNVERIFIED.
  'Drive.Files.copy': { baseMs: 800 },
  // Docs advanced service (Docs API v1 over REST): a REST round trip like Drive's; batchUpdate commits a revision.
  // UNVERIFIED: no published figures.
  'Docs.': { baseMs: 400, perKiBMs: 0.1 },
  'Docs.Documents.batchUpdate': { baseMs: 600 },
  'Docs.Documents.create': { baseMs: 700 },
  // ziritione: getProperty 30 ms, setProperty 62 ms; poehnelt: write+read ~80 ms. Per entry 1 ms for the calls that
  // move many (getProperties, setProperties). UNVERIFIED per-entry figure.
  'PropertiesService.': { baseMs: 30, perItemMs: 1 },
  'PropertiesService.Properties.set': { baseMs: 60 },
  // ziritione/qiita-cache: get 3–20 ms, put 56–93 ms, remove ~88 ms; qiita-cache: a 100 KB value costs no more, so
  // bytes are nearly free (0.01 ms/KiB). Per entry of getAll/putAll 1 ms. UNVERIFIED per-entry figure.
  'CacheService.': { baseMs: 20, perKiBMs: 0.01, perItemMs: 1 },
  'CacheService.Cache.put': { baseMs: 60 },
  'CacheService.Cache.remove': { baseMs: 90 },
  'LockService.': { baseMs: 50 },
  'ScriptApp.': { baseMs: 200 },
  'GmailApp.': { baseMs: 300 },
  // UrlFetchApp: the round trip out of Google's network and back; payload both ways at the default 0.1 ms/KiB (a
  // 1 MB body costs 0.1 s). The endpoint's own time is charged on top by the network (urlfetch/network.ts). UNVERIFIED.
  'UrlFetchApp.': { baseMs: 300 },
  // MailApp.sendEmail: the body and attachments at the default 0.1 ms/KiB. UNVERIFIED.
  'MailApp.': { baseMs: 400 },
  'HtmlService.': { baseMs: 50 },
};

function field(service: string, key: keyof Rate): number {
  let best = '';
  let value = 0;
  for (const [prefix, rate] of Object.entries(LATENCY)) {
    const v = rate[key];
    if (v !== undefined && service.startsWith(prefix) && prefix.length >= best.length) {
      best = prefix;
      value = v;
    }
  }
  return value;
}

/** The round trip alone: what a call costs before anything it moves (and the least any call costs). */
export function baseMs(service: string): number {
  return field(service, 'baseMs');
}

/** The virtual time a call takes: its base plus what it moved at its service's rates, rounded to whole ms. */
export function costMs(service: string, units: CallUnits): number {
  const moved =
    ((units.sentBytes + units.receivedBytes) / 1024) * field(service, 'perKiBMs') +
    (units.cells ?? 0) * field(service, 'perCellMs') +
    (units.items ?? 0) * field(service, 'perItemMs');
  return Math.round(baseMs(service) + moved);
}
