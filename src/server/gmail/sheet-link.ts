// The link to the Events sheet of the CRM spreadsheet. Its URL and the sheet's gid never change once set up, so the
// add-on works them out once and keeps them in its script properties beside the spreadsheet id: after that, a click
// on "open in the sheet" costs one properties read.
// Sheets URLs select a tab with #gid=<sheetId> and a cell with &range=A<row> (the fragment the Sheets UI itself writes
// when a cell is linked).

import { crmSheet, crmSpreadsheet } from '../sheets/crm-spreadsheet';

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

/** The Events sheet's URL, at `row` when given. */
export function eventsSheetUrl(row?: number): string {
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
  return `${base}#gid=${link.gid}${row && row > 1 ? `&range=A${row}` : ''}`;
}
