// The link to the Events sheet of the CRM spreadsheet. Its URL and the sheet's gid never change once set up, so the
// add-on works them out once and keeps them in its script properties beside the spreadsheet id: after that, a click
// on "open in the sheet" costs one properties read.
// Sheets URLs select a tab with #gid=<sheetId> and a range with &range=<A1> (the fragment the Sheets UI itself writes
// when a cell or a range is linked: `A5` for a cell, `5:9` for whole rows).
//
// A client's rows: the card's second button, beside "Open in the CRM" (which opens the spreadsheet with the Client
// sidebar on the client and their whole history: the card leaves a record in the Settings sheet that the bound
// project's onOpen reads, src/server/sheets/pending-open.ts, since a URL parameter is not readable when the
// spreadsheet opens and the add-on shares no other storage with that project). A link cannot open a per-client
// filter view (SpreadsheetApp cannot create one; the basic filter is shared by everyone looking at the sheet). So
// this link selects whole rows from the client's first to the last event, found when the button is clicked — by the
// contact id, one TextFinder request on the Events sheet's contact column — rather than the rows the card index
// remembered (hints that an entry may have trimmed, and that move when the office sorts the sheet).

import { crmSheet, crmSpreadsheet } from '../sheets/crm-spreadsheet';
import { CrmTable } from '../sheets/table';

const SPREADSHEET_ID = 'crm.spreadsheetId';
const LINK = 'crm.gmail.eventsLink';

interface EventsLink {
  spreadsheetId: string;
  url: string;
  gid: number;
}

function discover(): EventsLink {
  const ss = crmSpreadsheet();
  const sheet = crmSheet('events', ss);
  return { spreadsheetId: ss.getId(), url: ss.getUrl(), gid: sheet ? sheet.getSheetId() : 0 };
}

/** The Events sheet's URL, selecting `range` (A1 notation) when given. */
export function eventsSheetUrl(range?: string): string {
  const props = PropertiesService.getScriptProperties();
  const all = props.getProperties();
  let link: EventsLink | undefined;
  try {
    link = all[LINK] ? (JSON.parse(all[LINK]) as EventsLink) : undefined;
  } catch {
    link = undefined;
  }
  // A link remembered for another spreadsheet (the add-on was pointed elsewhere) is worked out again.
  if (!link || (all[SPREADSHEET_ID] && link.spreadsheetId !== all[SPREADSHEET_ID])) {
    link = discover();
    props.setProperty(LINK, JSON.stringify(link));
  }
  const base = link.url.replace(/#.*$/, '');
  return `${base}#gid=${link.gid}${range ? `&range=${range}` : ''}`;
}

/** The range a link selects for these sheet rows: whole rows from the first to the last ('' for none). */
export function rowsRange(rows: number[]): string {
  const valid = rows.filter((r) => Number.isInteger(r) && r > 1);
  if (!valid.length) return '';
  const first = Math.min(...valid);
  const last = Math.max(...valid);
  return `${first}:${last}`;
}

/**
 * The Events sheet with every row of the client selected: rows found by contact id; `hint` (the index's rows) when
 * the id finds none (events that name the client only by text) or the sheet cannot be searched.
 */
export function clientRowsUrl(clientId: string, hint: number[]): string {
  let rows: number[] = [];
  if (clientId.startsWith('people/')) {
    try {
      rows = CrmTable.open('events').findRows('clientId', clientId);
    } catch (e) {
      console.warn(`The client's rows were not searched: ${e instanceof Error ? e.name : 'error'}`);
    }
  }
  return eventsSheetUrl(rowsRange(rows.length ? rows : hint));
}
