// The Reminders screens from what is kept up to date: ONE values.batchGet of the reference sheets, the open-events
// store and the Card index's list lines (core/events/day-screen.ts decides), plus who is signed in and two property
// reads — never a listing of the contacts, never a read of the whole history. At 25,000 clients and 100,000 events the
// first screen is four requests; its answer is paged (a page of each list and the counts) so it stays small.

import {
  aheadCounts,
  birthdaysFromIndex,
  byClient,
  dueWindow,
  interestedFromIndex,
  missedFromIndex,
  page,
  quietDaysByLabel,
  quietFromIndex,
  quietOptions,
  readMoment,
} from '../../core/events';
import { ClientSummary, summaryOfEntry } from '../../core/card-index';
import type {
  BirthdayView,
  DueQuery,
  DueView,
  Page,
  QuietClientView,
  ReminderQuery,
  RemindersView,
} from '../../shared/events-dto';
import type { QuietClient } from '../../core/events';
import { scriptClock } from '../clock';
import { addonProperties } from '../sheets/crm-spreadsheet';
import { accepted } from './messages';
import { OfficeContext } from './office';
import { DayRead, readDay } from './day-read';
import { NO_ONE, Scope, scopeOf } from '../staff/scope';

/** The day the office started with reminders: quiet clients who crossed their period before it are spread from it. */
const START_DAY = 'crm.reminders.startDay';
/** The Reminders sidebar's manager filter, per user ('' = everyone). */
const MANAGER_FILTER = 'crm.reminders.manager';
const QUIET_PAGE = 30;
const BIRTHDAY_DAYS = 7;

function moment(at: string | undefined, office: OfficeContext): Date {
  return accepted(readMoment(at, scriptClock, office.timeZone), office);
}

/** Read from the script properties already in memory (one getProperties per execution); set once when absent. */
function startDay(now: Date): Date {
  const stored = addonProperties()[START_DAY];
  const parsed = stored ? new Date(stored) : undefined;
  if (parsed && !isNaN(parsed.getTime())) return parsed;
  PropertiesService.getScriptProperties().setProperty(START_DAY, now.toISOString());
  return now;
}

function quietViews(list: QuietClient[], clients: Map<string, ClientSummary>): QuietClientView[] {
  return list.map((q) => {
    const s = clients.get(q.resourceName);
    return {
      resourceName: q.resourceName,
      name: q.name,
      phone: q.phone ?? s?.phones[0] ?? '',
      labels: s?.labels ?? [],
      lastAt: q.lastAt ? q.lastAt.toISOString() : null,
      days: q.days,
      dueDay: q.dueDay,
      hints: s?.indexRow ? { indexRow: s.indexRow } : {},
    };
  });
}

function quietList(office: OfficeContext, read: DayRead, now: Date, days?: number): QuietClient[] {
  return quietFromIndex(
    read.index?.summaries ?? [],
    read.store?.open ?? [],
    quietOptions(now, office.timeZone, days, {
      get defaultDays() {
        return office.settings.get('quietDaysDefault');
      },
      get daysByLabel() {
        return quietDaysByLabel(office.labels);
      },
      get startDay() {
        return startDay(now);
      },
    }),
  );
}

/**
 * The manager whose tasks the screen opens on: the person's own where they may see only theirs (staff/scope.ts);
 * else the one asked for; else the signed-in staff member (or the one a shared browser chose to be); else the choice
 * this user made last time (one user-properties read, only then); else everyone.
 */
function managerFilter(query: ReminderQuery | undefined, scope: Scope): { manager: string; me: string } {
  const me = scope.me;
  if (scope.events !== undefined) return { manager: scope.events, me };
  if (query && typeof query.manager === 'string') return { manager: query.manager.trim(), me };
  if (me) return { manager: me, me };
  return { manager: PropertiesService.getUserProperties().getProperty(MANAGER_FILTER) ?? '', me };
}

/** The clients a person may see: every one, or (Settings → onlyOwn) those whose card names them as manager. */
function ownClients(summaries: ClientSummary[], scope: Scope): ClientSummary[] {
  const limit = scope.clients;
  if (limit === undefined) return summaries;
  const key = limit.trim().toLowerCase();
  return summaries.filter((s) => s.manager.trim().toLowerCase() === key);
}

export function getReminders(query?: ReminderQuery): RemindersView {
  const office = new OfficeContext();
  const read = readDay(office, { refs: ['settings', 'lists', 'staff', 'labels'], store: 'all', index: 'summaries' });
  const now = moment(query?.at, office);
  const timeZone = office.timeZone;
  const scope = scopeOf(office, query?.as);
  const { manager, me } = managerFilter(query, scope);
  const open = read.store?.open ?? [];
  const summaries = ownClients(read.index?.summaries ?? [], scope);
  const clients = byClient(summaries);
  const settings = office.settings;
  const eventsEnd = read.store?.eventsEnd ?? 0;
  const due = dueWindow(open, clients, { at: now, timeZone, days: 0, manager, eventsEnd });
  return {
    locale: office.locale,
    timeZone,
    me,
    manager: manager === NO_ONE ? '' : manager,
    eventsEnd,
    due,
    ahead: aheadCounts(open, now, timeZone, manager),
    quiet: page(quietViews(quietList(office, read, now), clients), QUIET_PAGE),
    interested: page(interestedFromIndex(summaries, open, settings.get('interestReason'), settings.get('orderReason'))),
    missedCalls: page(missedFromIndex(summaries, open)),
    birthdays: page(birthdaysFromIndex(summaries, open, now, timeZone, BIRTHDAY_DAYS, settings.get('birthdayReason'))),
    problems: read.store?.problems ?? [],
    kinds: office.lists.kinds,
    reasons: office.lists.reasons,
    managers: office.staff.map((s) => s.name).filter((n) => n !== ''),
  };
}

/**
 * Today and overdue, tomorrow, or the week ahead (DueQuery.days): the store, then the list lines of the page's
 * clients only (their index rows are the store's hints) for each one's last contact — two reads, whatever the base.
 */
export function getDue(query: DueQuery = {}): DueView {
  const office = new OfficeContext();
  const read = readDay(office, { refs: ['settings', 'staff'], store: 'all' });
  const now = moment(query.at, office);
  const days = typeof query.days === 'number' && isFinite(query.days) ? Math.max(0, Math.min(31, query.days)) : 0;
  const limited = scopeOf(office, query.as).events;
  const span = {
    at: now,
    timeZone: office.timeZone,
    days,
    manager: limited ?? query.manager ?? '',
    offset: query.offset,
    limit: query.limit,
    eventsEnd: read.store?.eventsEnd ?? 0,
  };
  const open = read.store?.open ?? [];
  const first = dueWindow(open, new Map(), span);
  const shown = new Set(first.groups.flatMap((g) => g.events.map((e) => e.id)));
  const rows = open.filter((e) => shown.has(e.id) && e.indexRow > 1).map((e) => e.indexRow);
  const lines = rows.length ? readDay(office, { index: [...new Set(rows)] }).index : undefined;
  const clients = new Map<string, ClientSummary>();
  for (const [row, r] of lines?.rows ?? [])
    clients.set(r.resourceName, { ...summaryOfEntry(r.resourceName, r.keys, r.entry), indexRow: row });
  const view = clients.size ? dueWindow(open, clients, span) : first;
  return { ...view, problems: read.store?.problems ?? [] };
}

/** Clients who have gone quiet; `days` replaces every period (the label's and the default). */
/** The read's list lines narrowed to the clients the person may see (Settings → onlyOwn), in place. */
function narrowToOwn(office: OfficeContext, read: ReturnType<typeof readDay>): void {
  if (read.index) read.index.summaries = ownClients(read.index.summaries, scopeOf(office, undefined, 'clients'));
}

export function getQuietClients(at?: string, days?: number): QuietClientView[] {
  const office = new OfficeContext();
  const read = readDay(office, { refs: ['settings', 'staff', 'labels'], store: 'all', index: 'summaries' });
  narrowToOwn(office, read);
  const now = moment(at, office);
  return quietViews(quietList(office, read, now, days), byClient(read.index?.summaries ?? []));
}

export function getBirthdays(query: { at?: string; days?: number } = {}): Page<BirthdayView> {
  const office = new OfficeContext();
  const read = readDay(office, { refs: ['settings', 'staff'], store: 'all', index: 'summaries' });
  narrowToOwn(office, read);
  const now = moment(query.at, office);
  const days = typeof query.days === 'number' && query.days > 0 ? Math.min(366, Math.floor(query.days)) : BIRTHDAY_DAYS;
  const list = birthdaysFromIndex(
    read.index?.summaries ?? [],
    read.store?.open ?? [],
    now,
    office.timeZone,
    days,
    office.settings.get('birthdayReason'),
  );
  return { items: list, total: list.length };
}

export function rememberManagerFilter(manager: string): void {
  PropertiesService.getUserProperties().setProperty(MANAGER_FILTER, String(manager ?? '').trim());
}
