// Which nights of the backup folder go to the trash: the one retention rule. Only verified nights count as kept
// copies — a failed or unfinished night never pushes a good one out — and nothing is pruned on a night that did not
// verify itself, so a run of bad nights leaves every older copy in place until a good one exists again.

import type { NightStatus } from './types';

/** How many months back the first verified night of each month is kept (this month included). */
export const MONTHLY_MONTHS = 12;

export interface NightEntry {
  /** 'YYYY-MM-DD'. */
  night: string;
  status: NightStatus;
}

/** 'YYYY-MM' → months since year 0, for "the last 12 months". */
function monthIndex(night: string): number {
  return Number(night.slice(0, 4)) * 12 + Number(night.slice(5, 7)) - 1;
}

/** The nights kept because they are the first verified night of their month within the last MONTHLY_MONTHS. */
export function monthlyNights(nights: NightEntry[], today: string): Set<string> {
  const oldest = monthIndex(today) - (MONTHLY_MONTHS - 1);
  const first = new Map<number, string>();
  for (const n of nights) {
    if (n.status !== 'verified') continue;
    const m = monthIndex(n.night);
    if (m < oldest || n.night > today) continue;
    const had = first.get(m);
    if (!had || n.night < had) first.set(m, n.night);
  }
  return new Set(first.values());
}

/**
 * The nights to trash after `today`'s backup: everything but the newest `keepNights` verified nights and the first
 * verified night of each of the last 12 months. Failed and unfinished nights are kept while they are inside the span
 * of the kept nights (the office sees them with their problems) and pruned once older than the oldest of them. Nothing
 * is pruned when today's night is not verified, nor while fewer than `keepNights` verified nights exist.
 */
export function nightsToPrune(nights: NightEntry[], today: string, keepNights: number): string[] {
  const todays = nights.find((n) => n.night === today);
  if (!todays || todays.status !== 'verified') return [];
  const verified = nights
    .filter((n) => n.status === 'verified' && n.night <= today)
    .map((n) => n.night)
    .sort()
    .reverse();
  const keep = Math.max(1, Math.floor(keepNights));
  if (verified.length <= keep) return [];
  const kept = new Set(verified.slice(0, keep));
  const oldestKept = verified[keep - 1];
  const monthly = monthlyNights(nights, today);
  const out: string[] = [];
  for (const n of nights) {
    // A night "from the future" (a clock or zone change) is left for a person to judge.
    if (n.night >= today || kept.has(n.night) || monthly.has(n.night)) continue;
    if (n.status !== 'verified' && n.night > oldestKept) continue;
    out.push(n.night);
  }
  return [...new Set(out)].sort();
}

/** The nights kept only because they are the first of their month (the sidebar marks them). */
export function monthlyOnly(nights: NightEntry[], today: string, keepNights: number): Set<string> {
  const newest = new Set(
    nights
      .filter((n) => n.status === 'verified')
      .map((n) => n.night)
      .sort()
      .reverse()
      .slice(0, Math.max(1, Math.floor(keepNights))),
  );
  return new Set([...monthlyNights(nights, today)].filter((n) => !newest.has(n)));
}
