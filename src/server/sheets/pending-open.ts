// The two halves of "open in the CRM" (the record's rules: src/core/settings/pending-open.ts). The add-on writes the
// clicking user's record into the Settings sheet and links to the spreadsheet; the bound project's onOpen finds it
// among the Settings rows it has just read, clears it and opens the Client sidebar on the client. Nothing personal
// is logged: a failure names its error class only.

import { Locale } from '../../core/i18n/locale';
import { t } from '../../core/i18n/messages';
import {
  pendingFor,
  freshRows,
  PENDING_OPEN_FIRST_ROW,
  PENDING_OPEN_KEY,
  pendingOpenRows,
  pendingOpenText,
  rowToWrite,
} from '../../core/settings/pending-open';
import { crmSpreadsheet } from './crm-spreadsheet';
import { StoredSettings } from './settings';
import { CrmTable } from './table';

/**
 * Add-on: remembers that this user wants `client` shown when the spreadsheet opens (one read of the Settings sheet,
 * one write) and answers the spreadsheet's URL.
 */
export function writePendingOpen(client: string, lang: Locale): string {
  const user = Session.getActiveUser().getEmail().trim().toLowerCase();
  if (!user) throw new Error(t(lang, 'cardOpenInCrmNoUser'));
  const ss = crmSpreadsheet();
  const table = CrmTable.open('settings', { ss, read: true });
  if (table.columns.key < 0 || table.columns.value < 0)
    throw new Error('The Settings sheet has lost its Setting/Value columns: run CRM → Set up.');
  const now = Date.now();
  const value = pendingOpenText({ client, user, at: new Date(now).toISOString() });
  const row = rowToWrite(pendingOpenRows(table.values()), user, now);
  const note = t(lang, 'pendingOpenNote');
  // A new record goes below the last row, and never above the open zone (the settings above it are protected).
  const at = row ? row.index + 1 : Math.max(table.values().length, PENDING_OPEN_FIRST_ROW - 1) + 1;
  table.update(at, { key: PENDING_OPEN_KEY, value, note });
  return ss.getUrl().replace(/#.*$/, '');
}

/**
 * onOpen: when the user who opens the spreadsheet clicked "open in the CRM" on the card under five minutes ago, the
 * client to open (their record cleared first, so a later open does not show it again); undefined otherwise. Asks who
 * the user is only when some fresh record waits, so a plain open costs nothing more than the Settings read. In a
 * simple trigger Google gives the e-mail only to users of the script owner's Workspace domain: a blank one opens
 * nothing.
 */
export function takePendingOpen(settings: StoredSettings): string | undefined {
  const values = settings.rows;
  if (!values) return undefined;
  const now = Date.now();
  const rows = pendingOpenRows(values);
  if (!freshRows(rows, now).length) return undefined;
  const mine = pendingFor(rows, Session.getActiveUser().getEmail(), now);
  if (!mine?.record) return undefined;
  CrmTable.open('settings', { values }).update(mine.index + 1, { value: '' });
  return mine.record.client;
}
