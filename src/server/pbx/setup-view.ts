// CRM → Telephony…, the sandbox and `crm pbx-secret`: where each PBX is pointed. The URL carries the endpoint's
// secret (secret.ts), made here if setup has not made it yet; Mango's URL puts it in the path, because Mango appends
// its own paths (events/summary…) to the URL it is given — a query there would end up before them.
import { INBOX_COLUMNS } from '../../core/pbx/inbox';
import { secretSettingProperty } from '../../core/settings/secret';
import type { PbxProvider, PbxSetupView } from '../../shared/pbx-dto';
import { crmSheet, crmSpreadsheet } from '../sheets/crm-spreadsheet';
import { a1, readRanges } from '../sheets/values-batch';
import { installInboxTrigger } from '../triggers/install';
import { ensurePbxSecret } from './secret';

/**
 * The processing trigger's own properties (server/pbx/process.ts): the Inbox row every row above which is handled,
 * and when it last ran (ISO).
 */
export const INBOX_CURSOR_PROPERTY = 'crm.inboxCursor';
export const INBOX_PROCESSED_AT_PROPERTY = 'crm.inboxProcessedAt';

/** The URL each PBX is given; '' while the sheet project is not deployed as a web app. */
export function pbxUrls(webAppUrl: string, secret: string): Record<PbxProvider, string> {
  if (!webAppUrl) return { mango: '', zadarma: '' };
  const k = encodeURIComponent(secret);
  return { mango: `${webAppUrl}/mango/${k}`, zadarma: `${webAppUrl}?pbx=zadarma&k=${k}` };
}

/** Inbox rows processing has still to finish: below the cursor, state empty (received) or waiting (a recording). */
function inboxWaiting(cursor: number): number {
  const ss = crmSpreadsheet();
  const sheet = crmSheet('inbox', ss);
  if (!sheet) return 0;
  const column = String.fromCharCode(65 + INBOX_COLUMNS.indexOf('state'));
  const first = Math.max(2, cursor + 1);
  // The receivedAt column beside the state one: a received row has it, and trailing blank states are not cut off.
  const [values] = readRanges(ss, [a1(sheet.getName(), `A${first}:${column}`)]);
  const state = INBOX_COLUMNS.indexOf('state');
  return values.filter((r) => String(r[0] ?? '') !== '' && ['', 'waiting'].includes(String(r[state] ?? ''))).length;
}

export function getPbxSetup(): PbxSetupView {
  const props = PropertiesService.getScriptProperties().getProperties();
  const secret = ensurePbxSecret(props);
  const webAppUrl = ScriptApp.getService().getUrl() ?? '';
  // Someone is pointing a PBX here: the 5-minute processing trigger is installed now (idempotent; left to the owner
  // of the triggers when that is someone else), rather than waiting for setup to see Inbox rows.
  if (webAppUrl) installInboxTrigger();
  const cursor = Number(props[INBOX_CURSOR_PROPERTY] ?? 0);
  return {
    webAppUrl,
    secret,
    urls: pbxUrls(webAppUrl, secret),
    mangoKeySet: Boolean(props[secretSettingProperty('mangoApiKey')]),
    mangoSaltSet: Boolean(props[secretSettingProperty('mangoApiSalt')]),
    inboxWaiting: inboxWaiting(Number.isInteger(cursor) && cursor > 0 ? cursor : 1),
    lastProcessedAt: props[INBOX_PROCESSED_AT_PROPERTY] ?? '',
  };
}
