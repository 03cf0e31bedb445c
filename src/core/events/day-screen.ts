// The Reminders screen computed from what is kept up to date — the store of open events and the Card index's list
// line per client — never from a listing of the contacts or a read of the whole history. Pure: the server reads the
// two (one request) and this decides what is due, ahead, quiet, interested without an order, waiting for a callback,
// and whose birthday is coming, with the paging that keeps the answer small.

import type { ClientSummary } from '../card-index/summary';
import { headerKey } from '../sheets/template';
import type {
  BirthdayView,
  DueEventView,
  DueGroup,
  DueView,
  InterestedView,
  MissedCallView,
  Page,
} from '../../shared/events-dto';
import type { OpenEvent } from './open-events';
import { groupByManager, quietClientsFrom, QuietClient, QuietOptions } from './reminders';
import { addDays, dayNumber, localDayKey, localParts } from './zone';
import { eventViewOf } from './view';

export const DEFAULT_PAGE = 50;

/** Same person or word, as the office writes it (case, spaces, ё/е as headerKey folds them). */
const same = (a: string, b: string) => headerKey(a) !== '' && headerKey(a) === headerKey(b);

export function byClient(summaries: ClientSummary[]): Map<string, ClientSummary> {
  return new Map(summaries.map((s) => [s.resourceName, s]));
}

/**
 * The due list's overdue rule: a planned event is overdue once its office-local day ('yyyy-mm-dd') is before today's —
 * today's events are not overdue yet, whatever the hour. The reports count follow-ups by it too.
 */
export function isOverdueDay(day: string, today: string): boolean {
  return dayNumber(day) < dayNumber(today);
}

export interface DueWindow {
  at: Date;
  timeZone: string;
  /** 0 = today and overdue; 1 = through tomorrow; 7 = the week ahead. */
  days: number;
  manager?: string;
  offset?: number;
  limit?: number;
  /** Where the Events sheet ended when the store was read: the hint for events whose row is not known yet. */
  eventsEnd?: number;
}

/**
 * Planned events up to the end of the window's last local day, overdue first then by time, by manager (alphabetical,
 * unassigned last), paged over the whole sorted window. Overdue events are always part of the window: they are still
 * to do.
 */
export function dueWindow(open: OpenEvent[], clients: Map<string, ClientSummary>, w: DueWindow): DueView {
  const from = localDayKey(w.at, w.timeZone);
  const to = addDays(from, Math.max(0, Math.floor(w.days)));
  const toN = dayNumber(to);
  const manager = (w.manager ?? '').trim();
  const inWindow = open
    .map((event) => ({ event, day: localDayKey(event.at, w.timeZone) }))
    .filter(({ day }) => dayNumber(day) <= toN)
    .filter(({ event }) => !manager || same(event.manager, manager))
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.event.storeRow - b.event.storeRow);
  const offset = Math.max(0, Math.floor(w.offset ?? 0));
  const limit = Math.max(1, Math.floor(w.limit ?? DEFAULT_PAGE));
  const page = inWindow.slice(offset, offset + limit);
  const totals = new Map<string, number>();
  for (const { event } of inWindow)
    totals.set(headerKey(event.manager), (totals.get(headerKey(event.manager)) ?? 0) + 1);
  // The one grouping rule of the due list (core/events/reminders.ts): alphabetical, unassigned last.
  const sorted: DueGroup[] = groupByManager(page).map((g) => ({
    manager: g.manager,
    events: g.items.map(({ event, day }) =>
      dueEventView(event, day, isOverdueDay(day, from), clients.get(event.clientId), w.eventsEnd),
    ),
    total: totals.get(headerKey(g.manager)) ?? 0,
  }));
  return {
    at: w.at.toISOString(),
    timeZone: w.timeZone,
    from,
    to,
    groups: sorted,
    total: inWindow.length,
    overdue: inWindow.filter(({ day }) => isOverdueDay(day, from)).length,
    offset,
  };
}

export function dueEventView(
  event: OpenEvent,
  day: string,
  overdue: boolean,
  client?: ClientSummary,
  eventsEnd = 0,
): DueEventView {
  return {
    ...eventViewOf(event),
    overdue,
    day,
    lastContact: client?.lastContact
      ? { at: client.lastContact, kind: client.lastKind, reason: client.lastReason }
      : null,
    hints: {
      storeRow: event.storeRow,
      ...(event.rowNumber ? { eventRow: event.rowNumber } : eventsEnd ? { eventsEnd } : {}),
      ...(client?.indexRow || event.indexRow ? { indexRow: client?.indexRow || event.indexRow } : {}),
    },
  };
}

/** How many planned events fall tomorrow, and in the 7 days after today (tomorrow included). */
export function aheadCounts(
  open: OpenEvent[],
  at: Date,
  timeZone: string,
  manager = '',
): { tomorrow: number; week: number } {
  const todayN = dayNumber(localDayKey(at, timeZone));
  let tomorrow = 0;
  let week = 0;
  for (const e of open) {
    if (manager && !same(e.manager, manager)) continue;
    const n = dayNumber(localDayKey(e.at, timeZone)) - todayN;
    if (n === 1) tomorrow++;
    if (n >= 1 && n <= 7) week++;
  }
  return { tomorrow, week };
}

export function page<T>(items: T[], limit = DEFAULT_PAGE): Page<T> {
  return { items: items.slice(0, limit), total: items.length };
}

/** Clients gone quiet (core quiet rule) from their list lines; anyone with an open event is not quiet. */
export function quietFromIndex(summaries: ClientSummary[], open: OpenEvent[], options: QuietOptions): QuietClient[] {
  const busy = new Set(open.map((e) => e.clientId).filter((id) => id !== ''));
  return quietClientsFrom(
    summaries.map((s) => ({
      resourceName: s.resourceName,
      name: s.name,
      labels: s.labels,
      phone: s.phones[0] ?? '',
      lastAt: s.lastContact ? new Date(s.lastContact) : null,
      busy: busy.has(s.resourceName) || s.nextPlanned !== null,
    })),
    options,
  );
}

/**
 * Clients whose last done event has the interest reason and who have no order since: neither a done order (it would
 * be the last done event) nor a planned one. Oldest interest first — it has waited longest.
 */
export function interestedFromIndex(
  summaries: ClientSummary[],
  open: OpenEvent[],
  interestReason: string,
  orderReason: string,
): InterestedView[] {
  const ordering = new Set(open.filter((e) => same(e.reason, orderReason)).map((e) => e.clientId));
  return summaries
    .filter((s) => s.lastContact && same(s.lastReason, interestReason) && !ordering.has(s.resourceName))
    .sort((a, b) => String(a.lastContact).localeCompare(String(b.lastContact)))
    .map((s) => ({
      clientId: s.resourceName,
      client: s.name,
      phone: s.phones[0] ?? '',
      at: s.lastContact!,
      reason: s.lastReason,
      hints: s.indexRow ? { indexRow: s.indexRow } : {},
    }));
}

/** Clients whose latest done events are missed calls, with no callback planned; the longest waiting first. */
export function missedFromIndex(summaries: ClientSummary[], open: OpenEvent[]): MissedCallView[] {
  const planned = new Set(open.map((e) => e.clientId));
  return summaries
    .filter((s) => s.missed && !planned.has(s.resourceName))
    .sort((a, b) => a.missed!.at.localeCompare(b.missed!.at))
    .map((s) => ({
      clientId: s.resourceName,
      client: s.name,
      phone: s.phones[0] ?? '',
      at: s.missed!.at,
      count: s.missed!.count,
      hints: s.indexRow ? { indexRow: s.indexRow } : {},
    }));
}

/**
 * This year's (or next year's) local day of a birthday stored as `YYYY-MM-DD` or `--MM-DD`, on or after `todayKey`.
 * 29 February is kept on 28 February in other years — the day people celebrate it most often.
 */
export function nextBirthday(birthday: string, todayKey: string): { day: string; age: number | null } | undefined {
  const m = /^(\d{4}|--)-?(\d{2})-(\d{2})$/.exec(birthday.trim());
  if (!m) return undefined;
  const month = +m[2];
  const date = +m[3];
  if (month < 1 || month > 12 || date < 1 || date > 31) return undefined;
  const born = m[1] === '--' ? null : +m[1];
  const year = +todayKey.slice(0, 4);
  for (const y of [year, year + 1]) {
    const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
    const day = `${y}-${String(month).padStart(2, '0')}-${String(Math.min(date, last)).padStart(2, '0')}`;
    if (day >= todayKey) return { day, age: born !== null && born <= y ? y - born : null };
  }
  return undefined;
}

/** Birthdays from today over `days` days, soonest first; `planned` when a congratulation is already open. */
export function birthdaysFromIndex(
  summaries: ClientSummary[],
  open: OpenEvent[],
  at: Date,
  timeZone: string,
  days: number,
  congratulationReason: string,
): BirthdayView[] {
  const today = localDayKey(at, timeZone);
  const last = dayNumber(addDays(today, Math.max(0, days - 1)));
  const congratulated = new Set(open.filter((e) => same(e.reason, congratulationReason)).map((e) => e.clientId));
  const out: BirthdayView[] = [];
  for (const s of summaries) {
    if (!s.birthday) continue;
    const next = nextBirthday(s.birthday, today);
    if (!next || dayNumber(next.day) > last) continue;
    out.push({
      resourceName: s.resourceName,
      name: s.name,
      phone: s.phones[0] ?? '',
      day: next.day,
      age: next.age,
      planned: congratulated.has(s.resourceName),
      hints: s.indexRow ? { indexRow: s.indexRow } : {},
    });
  }
  return out.sort((a, b) => a.day.localeCompare(b.day) || a.name.localeCompare(b.name));
}

/** The instant of "plan a congratulation": the birthday's local day at the office's hour (today: the next hour). */
export function congratulationTime(
  day: string,
  hour: number,
  now: Date,
  timeZone: string,
): { y: number; m: number; d: number; h: number } {
  const [y, m, d] = day.split('-').map(Number);
  const today = localDayKey(now, timeZone);
  let h = hour;
  if (day === today) {
    const p = localParts(now, timeZone);
    if (p.hour >= hour) h = Math.min(23, p.hour + 1);
  }
  return { y, m, d, h };
}
