// The daily trigger that carries queued mailings on over the following days: made when a mailing leaves messages for
// a later day's quota, removed by its own run when no mailing has any left (a trigger's runs count against the
// account's daily trigger runtime: none is kept idle). It fires an hour after the hour it was made in, so the rolling
// 24 hours of MailApp's quota have passed since the day's sending (a daily trigger runs at a moment within its hour).

import { OfficeContext } from '../events/office';
import { localParts } from '../../core/events/zone';
import { resumeMailings, ResumeResult } from './engine';

export const MAILING_HANDLER = 'mailingTrigger';
/**
 * A one-off run a minute after a run whose time ran out with the day's quota left (a Workspace account's 1,500
 * messages take several runs). One-off triggers stay listed after firing until deleted (the 20-trigger limit), so
 * each run of it deletes them first.
 */
export const MAILING_SOON_HANDLER = 'mailingSoonTrigger';
const SOON_MS = 60_000;

function triggersOf(handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
}

/** One daily trigger while some mailing waits (`waiting`), none otherwise; and a run within minutes when `soon`. */
export function syncMailingTrigger(waiting: boolean, office = new OfficeContext(), soon = false): void {
  const have = triggersOf(MAILING_HANDLER);
  if (!waiting) {
    for (const t of have) ScriptApp.deleteTrigger(t);
    return;
  }
  if (soon && !triggersOf(MAILING_SOON_HANDLER).length)
    ScriptApp.newTrigger(MAILING_SOON_HANDLER).timeBased().after(SOON_MS).create();
  if (have.length) return;
  const zone = office.timeZone;
  const hour = (localParts(Date.now(), zone).hour + 1) % 24;
  ScriptApp.newTrigger(MAILING_HANDLER).timeBased().atHour(hour).everyDays(1).inTimezone(zone).create();
}

/** The trigger's run: every waiting mailing carried on; the trigger goes when nothing waits any more. */
export function runMailingTrigger(): ResumeResult {
  const office = new OfficeContext();
  const result = resumeMailings(office);
  syncMailingTrigger(result.queued > 0, office, result.resumesSoon);
  return result;
}

/** The one-off run's body: its fired trigger deleted, then the same run as the daily one. */
export function runMailingSoonTrigger(): ResumeResult {
  for (const t of triggersOf(MAILING_SOON_HANDLER)) ScriptApp.deleteTrigger(t);
  return runMailingTrigger();
}
