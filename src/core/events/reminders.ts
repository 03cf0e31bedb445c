// The follow-up rules over events: what is due (the morning digest), how it is grouped by manager, who has gone quiet
// (the quiet rule itself, which the Reminders screen applies to the Card index: day-screen.ts). Days are the office's
// local days, never the host's.

import { fnv1a } from '../hash';
import { headerKey } from '../sheets/template';
import { newEventId } from './ids';
import { MISSED_CALL_KINDS } from './missed-kinds';
import { clientKey, EventRecord } from './row';
import { addDays, dayNumber, endOfLocalDay, localDayKey, startOfLocalDay } from './zone';

export interface LastContact {
  at: Date;
  kind: string;
  reason: string;
}

export interface DueItem {
  event: EventRecord;
  /** Planned for an earlier local day and still not done. */
  overdue: boolean;
  dueToday: boolean;
  lastContact?: LastContact;
}

const byTime = (a: EventRecord, b: EventRecord) => a.at.getTime() - b.at.getTime() || a.rowNumber - b.rowNumber;

/** Planned events dated up to the end of `at`'s local day, oldest first, each with the client's last contact. */
export function dueList(events: EventRecord[], at: Date, timeZone: string): DueItem[] {
  const dayStart = startOfLocalDay(at, timeZone).getTime();
  const dayEnd = endOfLocalDay(at, timeZone).getTime();
  const last = lastContactByClient(events);
  return events
    .filter((e) => e.status === 'planned' && e.at.getTime() < dayEnd)
    .sort(byTime)
    .map((event) => {
      const overdue = event.at.getTime() < dayStart;
      const key = clientKey(event);
      const item: DueItem = { event, overdue, dueToday: !overdue };
      const lc = key ? last.get(key) : undefined;
      if (lc) item.lastContact = lc;
      return item;
    });
}

/** Items per responsible manager, managers in alphabetical order and unassigned events last. */
export function groupByManager<T extends { event: EventRecord }>(items: T[]): Array<{ manager: string; items: T[] }> {
  const groups = new Map<string, { manager: string; items: T[] }>();
  for (const item of items) {
    const name = item.event.manager.trim();
    const key = headerKey(name);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { manager: name, items: [] }));
    g.items.push(item);
  }
  return [...groups.entries()]
    .sort(
      ([a], [b]) => (a === '' ? 1 : b === '' ? -1 : 0) || groups.get(a)!.manager.localeCompare(groups.get(b)!.manager),
    )
    .map(([, g]) => g);
}

/**
 * The latest contact per client (key: resourceName, or 'name:…' for rows that name the client only by text). Only
 * done events are contacts: a planned one has not happened and a cancelled one never will.
 */
export function lastContactByClient(events: EventRecord[]): Map<string, LastContact> {
  const out = new Map<string, LastContact>();
  for (const e of events) {
    if (e.status !== 'done') continue;
    const key = clientKey(e);
    if (!key) continue;
    const prev = out.get(key);
    if (!prev || prev.at.getTime() < e.at.getTime()) out.set(key, { at: e.at, kind: e.kind, reason: e.reason });
  }
  return out;
}

export interface QuietClientInput {
  resourceName: string;
  name: string;
  labels: string[];
  phone?: string;
  /** The first visit (from the contact's events): a never-contacted client counts from here. */
  since?: Date;
}

export interface QuietOptions {
  at: Date;
  timeZone: string;
  defaultDays: number;
  /** label → days; label names compare without case. */
  daysByLabel: Record<string, number>;
  /** Spread clients who cross on the same day over the following days (default true). */
  spread?: boolean;
  /** Clients per day the spread allows; default quietDailyCap(). */
  perDay?: number;
  /**
   * The day the office started using reminders (setup or the first import), stored by the adapter. Crossings before it
   * are spread from it: a base imported with everyone last seen on the same old day must not all fall due at once.
   */
  startDay?: Date;
  /** Also return clients already over their period whose spread day is still ahead (default false). */
  includeLater?: boolean;
}

export interface QuietClient {
  resourceName: string;
  name: string;
  phone?: string;
  lastAt: Date | null;
  /** Whole local days since the last contact (or the first visit); null when there is neither. */
  days: number | null;
  period: number;
  /** The local day ('yyyy-mm-dd') the client joins the list. */
  dueDay: string;
}

/** What the office's own quiet periods are, read by the adapter only when the question does not replace them. */
export interface QuietSources {
  readonly defaultDays: number;
  readonly daysByLabel: Record<string, number>;
  readonly startDay: Date;
}

/**
 * The options of a quiet list. `days`, when a positive number, replaces every period (the label's and the default):
 * it is a question ("who has been quiet for 60 days?"), answered whole, without spreading the answer over the coming
 * days as the sidebar's daily list does.
 */
export function quietOptions(at: Date, timeZone: string, days: number | undefined, office: QuietSources): QuietOptions {
  const override = typeof days === 'number' && isFinite(days) && days > 0 ? Math.round(days) : undefined;
  return {
    at,
    timeZone,
    defaultDays: override ?? office.defaultDays,
    daysByLabel: override ? {} : office.daysByLabel,
    startDay: office.startDay,
    ...(override ? { spread: false } : {}),
  };
}

/** A client's quiet period: the shortest among its labels that have one, else the default. */
export function quietPeriod(labels: string[], defaultDays: number, daysByLabel: Record<string, number>): number {
  const byKey = new Map(Object.keys(daysByLabel).map((k) => [headerKey(k), daysByLabel[k]] as const));
  const periods = labels.map((l) => byKey.get(headerKey(l))).filter((d): d is number => typeof d === 'number' && d > 0);
  return periods.length ? Math.min(...periods) : defaultDays;
}

/**
 * The steady-state load: if every client is contacted once per period, about Σ 1/period clients fall due each day.
 * Spreading to that rate keeps a burst (everyone imported on one day) from landing on a single day, and depends only
 * on the client base, so a client's spread day does not jump as the office works through the list.
 */
export function quietDailyCap(
  clients: QuietClientInput[],
  defaultDays: number,
  daysByLabel: Record<string, number>,
): number {
  const rate = clients.reduce((sum, c) => sum + 1 / Math.max(1, quietPeriod(c.labels, defaultDays, daysByLabel)), 0);
  return Math.max(1, Math.ceil(rate - 1e-9));
}

/**
 * Clients with no event for their period. Decisions:
 * - any done event resets the clock, whatever its kind or reason; a cancelled one does not (nothing happened);
 * - a client with any planned event (overdue included) is not quiet: someone is already on it, and the event shows
 *   in the due list;
 * - a client never contacted counts from `since` (first visit) when known; without it the client is quiet at once
 *   (days null) — this is the burst after an import that the spread exists for;
 * - events are matched by resourceName, or by name for rows that name the client only by text.
 * Clients crossing on the same day are ordered by a hash of their resourceName and given `perDay` per day from that
 * day on; the list for a day holds those whose dueDay is that day or earlier.
 */
export function quietClients(clients: QuietClientInput[], events: EventRecord[], options: QuietOptions): QuietClient[] {
  const last = lastContactByClient(events);
  const busy = new Set(events.filter((e) => e.status === 'planned').map(clientKey));
  return quietClientsFrom(
    clients.map((c) => {
      const keys = [c.resourceName, clientKey({ clientId: '', client: c.name })].filter((k) => k !== '');
      let lastAt: Date | null = null;
      for (const k of keys) {
        const lc = last.get(k);
        if (lc && (!lastAt || lc.at.getTime() > lastAt.getTime())) lastAt = lc.at;
      }
      return { ...c, lastAt, busy: keys.some((k) => busy.has(k)) };
    }),
    options,
  );
}

/** A client with what the quiet rule needs already known: the last done event and whether anything is planned. */
export type QuietCandidate = QuietClientInput & { lastAt: Date | null; busy: boolean };

/** The quiet rule over clients whose last contact and planned events are known (from the index and the store). */
export function quietClientsFrom(clients: QuietCandidate[], options: QuietOptions): QuietClient[] {
  const today = localDayKey(options.at, options.timeZone);
  const todayN = dayNumber(today);
  const perDay = Math.max(
    1,
    Math.floor(options.perDay ?? quietDailyCap(clients, options.defaultDays, options.daysByLabel)),
  );

  const crossed: Array<QuietClient & { cross: number; hash: number }> = [];
  for (const c of clients) {
    if (c.busy) continue;
    const lastAt = c.lastAt;
    const period = quietPeriod(c.labels, options.defaultDays, options.daysByLabel);
    const from = lastAt ?? c.since ?? null;
    const fromN = from ? dayNumber(localDayKey(from, options.timeZone)) : null;
    const cross = fromN === null ? todayN : fromN + period;
    if (cross > todayN) continue;
    const item: QuietClient & { cross: number; hash: number } = {
      resourceName: c.resourceName,
      name: c.name,
      lastAt,
      days: fromN === null ? null : todayN - fromN,
      period,
      dueDay: today,
      cross,
      hash: fnv1a(c.resourceName || c.name),
    };
    if (c.phone !== undefined) item.phone = c.phone;
    crossed.push(item);
  }

  // Groups by the day spreading starts: the crossing day, or the start day for crossings before it.
  const startN = options.startDay
    ? Math.min(dayNumber(localDayKey(options.startDay, options.timeZone)), todayN)
    : -Infinity;
  const groups = new Map<number, typeof crossed>();
  for (const q of crossed) {
    const anchor = Math.max(q.cross, startN);
    const group = groups.get(anchor) ?? [];
    group.push(q);
    groups.set(anchor, group);
  }
  const spread = options.spread !== false;
  for (const [anchor, group] of groups) {
    group.sort((a, b) => a.cross - b.cross || a.hash - b.hash || a.resourceName.localeCompare(b.resourceName));
    group.forEach((q, i) => {
      q.dueDay = addDays(today, anchor - todayN + (spread ? Math.floor(i / perDay) : 0));
    });
  }
  return crossed
    .filter((q) => options.includeLater || dayNumber(q.dueDay) <= todayN)
    .sort((a, b) => dayNumber(a.dueDay) - dayNumber(b.dueDay) || a.cross - b.cross || a.hash - b.hash)
    .map(({ cross: _c, hash: _h, ...q }) => q);
}

export { MISSED_CALL_KINDS };

/**
 * Ids for the listed rows typed by hand (they have none, and the sidebar's buttons need one). The id is made from the
 * row's date and position, so two sidebars opened at once give the same id rather than fighting over it.
 */
export function handTypedIds(events: EventRecord[]): Array<{ event: EventRecord; id: string }> {
  return events.filter((e) => !e.id).map((event) => ({ event, id: newEventId(event.at.getTime(), event.rowNumber) }));
}
