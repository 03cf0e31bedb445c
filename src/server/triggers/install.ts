// The daily routine's time-driven triggers, installed by setup. Installing is idempotent: a handler that already has
// a trigger gets no second one, however often setup runs.
//
// Installable triggers belong to the account that creates them, and ScriptApp.getProjectTriggers() lists only the
// current user's (https://developers.google.com/apps-script/reference/script/script-app#getprojecttriggers). If two
// colleagues each ran setup, each would get a set and every manager two digests a morning. So the first installer is
// recorded in the script properties and setup run by anyone else leaves the triggers alone.

import { BACKUP_HANDLER, readState } from '../backup/nightly';
import { OfficeContext } from '../events/office';
import { crmSheet, crmSpreadsheet } from '../sheets/crm-spreadsheet';

export const REFRESH_HANDLER = 'refreshIndexTrigger';
export const DIGEST_HANDLER = 'morningDigestTrigger';
/** The index (and with it the card's "last contact") is at most this many hours behind edits made outside the CRM. */
export const REFRESH_EVERY_HOURS = 4;
export const DIGEST_HOUR = 8;
/** Rows deleted, inserted or sorted by hand in the Events sheet: the open-events store follows (events/hand-edits.ts). */
export const CHANGE_HANDLER = 'onEventsChange';
/** The Reports sheet and the Dashboard, refreshed each night in the office's zone (reports/refresh.ts). */
export const REPORTS_HANDLER = 'refreshReportsTrigger';
export const REPORTS_HOUR = 2;
/** The PBX Inbox's rows become events, callbacks and new callers (pbx/process.ts) at most this many minutes late. */
export const INBOX_HANDLER = 'processInboxTrigger';
export const INBOX_EVERY_MINUTES = 5;

const OWNER_PROPERTY = 'crm.triggers.owner';
/** The hour the daily backup trigger was made for (Apps Script does not say it back). */
const BACKUP_HOUR_PROPERTY = 'crm.backupTriggerHour';

export interface TriggersResult {
  /** Handlers that got a trigger now. */
  installed: string[];
  /** The account the triggers run as. */
  owner: string;
  /** Someone else owns the triggers: nothing was changed. */
  ownedByOther: boolean;
}

export function installTriggers(): TriggersResult {
  const me = String(Session.getEffectiveUser().getEmail() ?? '').toLowerCase();
  const props = PropertiesService.getScriptProperties();
  const owner = String(props.getProperty(OWNER_PROPERTY) ?? '').toLowerCase();
  // A blank effective user (Google did not name the account) is not the recorded owner: it changes nothing.
  if (owner && owner !== me) return { installed: [], owner, ownedByOther: true };
  const triggers = ScriptApp.getProjectTriggers();
  const have = new Set(triggers.map((t) => t.getHandlerFunction()));
  const installed: string[] = [];
  if (!have.has(REFRESH_HANDLER)) {
    ScriptApp.newTrigger(REFRESH_HANDLER).timeBased().everyHours(REFRESH_EVERY_HOURS).create();
    installed.push(REFRESH_HANDLER);
  }
  if (!have.has(DIGEST_HANDLER)) {
    // The office's morning is the spreadsheet's zone, which may differ from the script's manifest zone.
    const zone = crmSpreadsheet().getSpreadsheetTimeZone();
    const builder = ScriptApp.newTrigger(DIGEST_HANDLER).timeBased().atHour(DIGEST_HOUR).everyDays(1);
    (zone ? builder.inTimezone(zone) : builder).create();
    installed.push(DIGEST_HANDLER);
  }
  if (!have.has(REPORTS_HANDLER)) {
    const zone = crmSpreadsheet().getSpreadsheetTimeZone();
    const builder = ScriptApp.newTrigger(REPORTS_HANDLER).timeBased().atHour(REPORTS_HOUR).everyDays(1);
    (zone ? builder.inTimezone(zone) : builder).create();
    installed.push(REPORTS_HANDLER);
  }
  // The nightly backup at Settings → backupHour; a continuation trigger of an unfinished night is not the daily one.
  const continuation = readState()?.trigger;
  const daily = triggers.filter((t) => t.getHandlerFunction() === BACKUP_HANDLER && t.getUniqueId() !== continuation);
  const hour = new OfficeContext().settings.get('backupHour');
  // A trigger keeps the hour it was made with: after Settings → backupHour changed, the old one goes, a new one comes.
  const movedFrom = daily.length && String(props.getProperty(BACKUP_HOUR_PROPERTY) ?? hour) !== String(hour);
  if (movedFrom) for (const t of daily) ScriptApp.deleteTrigger(t);
  if (!daily.length || movedFrom) {
    const zone = crmSpreadsheet().getSpreadsheetTimeZone();
    const builder = ScriptApp.newTrigger(BACKUP_HANDLER).timeBased().atHour(hour).everyDays(1);
    (zone ? builder.inTimezone(zone) : builder).create();
    props.setProperty(BACKUP_HOUR_PROPERTY, String(hour));
    installed.push(BACKUP_HANDLER);
  }
  // Every 5 minutes is 288 executions a day (trigger runtime is a daily quota): only once a PBX has reached the
  // endpoint (the Inbox has rows); the Telephony setup installs it earlier (installInboxTrigger).
  const inbox = have.has(INBOX_HANDLER) ? undefined : crmSheet('inbox');
  if (inbox && inbox.getLastRow() > 1) {
    ScriptApp.newTrigger(INBOX_HANDLER).timeBased().everyMinutes(INBOX_EVERY_MINUTES).create();
    installed.push(INBOX_HANDLER);
  }
  if (!have.has(CHANGE_HANDLER)) {
    ScriptApp.newTrigger(CHANGE_HANDLER).forSpreadsheet(crmSpreadsheet()).onChange().create();
    installed.push(CHANGE_HANDLER);
  }
  if (me && owner !== me) props.setProperty(OWNER_PROPERTY, me);
  return { installed, owner: me || owner, ownedByOther: false };
}

/**
 * The Inbox processing trigger alone, idempotent: for the Telephony setup (where the PBX is given its URL), so an
 * office that connects a PBX after setup gets it without running setup again. Left
 * alone when someone else owns the triggers (installTriggers' rule).
 */
export function installInboxTrigger(): boolean {
  const me = String(Session.getEffectiveUser().getEmail() ?? '').toLowerCase();
  const owner = String(PropertiesService.getScriptProperties().getProperty(OWNER_PROPERTY) ?? '').toLowerCase();
  if (owner && owner !== me) return false;
  if (ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === INBOX_HANDLER)) return false;
  ScriptApp.newTrigger(INBOX_HANDLER).timeBased().everyMinutes(INBOX_EVERY_MINUTES).create();
  return true;
}
