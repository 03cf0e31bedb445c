// The daily routine's entry points (exported as globals from main.ts) and what setup adds to it.

import { rebuildClientIndex, RebuildStats } from '../card-index/client-index';
import { DigestResult, sendMorningDigest } from './digest';
import { installTriggers, TriggersResult } from './install';
import { refreshReportsNightly } from '../reports/refresh';

/** Setup: the triggers, then a first index so the Gmail card knows the clients before the first refresh. */
export function setupDailyRoutine(): { triggers: TriggersResult; index: RebuildStats } {
  const triggers = installTriggers();
  return { triggers, index: rebuildClientIndex() };
}

/** Time-driven, every few hours: the card's index from Google Contacts and the Events sheet. */
export function refreshIndex(): RebuildStats {
  return rebuildClientIndex();
}

/** Time-driven, each morning in the office's zone. */
export function morningDigest(): DigestResult {
  return sendMorningDigest(new Date());
}

/** Time-driven, each night: the Reports sheet (for the office's chosen period) and the Dashboard, from one read. */
export function refreshReportsAtNight() {
  return refreshReportsNightly();
}
