// The daily trigger that carries queued mailings on over the following days: made when a mailing leaves messages for
// a later day's quota, removed by its own run when no mailing has any left (a trigger's runs count against the
// account's daily trigger runtime: none is kept idle). It fires an hour after the hour it was made in, so the rolling
// 24 hours of MailApp's quota have passed since the day's sending (a daily trigger runs at a moment within its hour).

import { OfficeContext } from '../events/office';
import { localParts } from '../../core/events/zone';
import { resumeMailings, ResumeResult } from './engine';

export const MAILING_HANDLER = 'mailingTrigger';

function mailingTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === MAILING_HANDLER);
}

/** One trigger while some mailing waits (`waiting`), none otherwise. */
export function syncMailingTrigger(waiting: boolean, office = new OfficeContext()): void {
  const have = mailingTriggers();
  if (!waiting) {
    for (const t of have) ScriptApp.deleteTrigger(t);
    return;
  }
  if (have.length) return;
  const zone = office.timeZone;
  const hour = (localParts(Date.now(), zone).hour + 1) % 24;
  ScriptApp.newTrigger(MAILING_HANDLER).timeBased().atHour(hour).everyDays(1).inTimezone(zone).create();
}

/** The trigger's run: every waiting mailing carried on; the trigger goes when nothing waits any more. */
export function runMailingTrigger(): ResumeResult {
  const office = new OfficeContext();
  const result = resumeMailings(office);
  syncMailingTrigger(result.queued > 0, office);
  return result;
}
