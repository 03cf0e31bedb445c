// The office's clients as a list shows them, from the Card index sheet: the keys, contact and summary columns in one
// read (never a People listing), for the resolver and the search (core/clients).

import type { ClientSummary } from '../../core/card-index';
import { crmSheet } from '../sheets/crm-spreadsheet';
import { readSummaries } from '../card-index/index-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Every client's list line; none when the index sheet does not exist yet (setup builds it). */
export function clientSummaries(ss: Spreadsheet): ClientSummary[] {
  const sheet = crmSheet('cardIndex', ss);
  return sheet ? readSummaries(sheet) : [];
}
