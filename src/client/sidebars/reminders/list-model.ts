// What the Reminders sidebar's three due lists hold, apart from the DOM: "Today & overdue", "Tomorrow" and "Week
// ahead", each grouped by manager with the group's total, paged, and patched in place by the EventPatch an action
// returns (no reload after a click). Pure and mutable: main.ts keeps one model, changes it through these functions
// and redraws what they say changed.

import { addDays } from '../../../core/events/zone';
import type { DueEventView, DueGroup, DueQuery, DueView, EventPatch, RemindersView } from '../../../shared/events-dto';

export type TabKey = 'today' | 'tomorrow' | 'week';
export const TAB_KEYS: readonly TabKey[] = ['today', 'tomorrow', 'week'];

/** How many events one "more" asks for, and what the server pages by default. */
export const PAGE_SIZE = 50;

/** The getDue `days` that lists each tab (DueQuery.days). */
export const TAB_DAYS: Record<TabKey, number> = { today: 0, tomorrow: 1, week: 7 };

export interface TabModel {
  key: TabKey;
  /** Local days ('yyyy-mm-dd', office zone) the tab shows; the today tab also shows everything overdue. */
  from: string;
  to: string;
  /** The tab's first page has been read (tomorrow and the week are read when first opened). */
  loaded: boolean;
  groups: DueGroup[];
  /** How many events the tab has in all, across managers and pages (its label's count). */
  count: number;
  /**
   * How far into the server's sorted window the pages over all managers (the first one, "more" of the group without
   * a manager) have read, and, by manager, how far that manager's own pages have. Rows removed by a patch take one
   * off (the server's window shrank too); rows a patch adds do not add one, so a next page may overlap (merged by
   * id) but never skips an event.
   */
  read: number;
  readBy: Record<string, number>;
  /** Of `read`, how many were each manager's: a manager's own pages go on from at least there. */
  readInAll: Record<string, number>;
}

export interface ListModel {
  /** Today, in the office's zone. */
  today: string;
  tabs: Record<TabKey, TabModel>;
  /** The row the last patch removed (done, cancelled): an undo puts it back with what the patch does not carry. */
  lastRemoved?: DueEventView;
}

export function createModel(view: RemindersView): ListModel {
  const today = view.due.from;
  const model: ListModel = {
    today,
    tabs: {
      today: emptyTab('today', today, today, view.due.total),
      // The week ahead is the seven days after today (tomorrow included): today's events are on the first tab.
      tomorrow: emptyTab('tomorrow', addDays(today, 1), addDays(today, 1), view.ahead.tomorrow),
      week: emptyTab('week', addDays(today, 1), addDays(today, 7), view.ahead.week),
    },
  };
  loadTab(model, 'today', view.due);
  return model;
}

function emptyTab(key: TabKey, from: string, to: string, count: number): TabModel {
  return { key, from, to, loaded: false, groups: [], count, read: 0, readBy: {}, readInAll: {} };
}

/** Whether an event due on `day` (overdue or not) belongs on the tab. */
export function inTab(tab: TabModel, day: string, overdue: boolean): boolean {
  if (tab.key === 'today') return overdue || day <= tab.to;
  return !overdue && day >= tab.from && day <= tab.to;
}

/**
 * The server's window for days = 1 or 7 starts today and holds the overdue events too (they are still to do), sorted
 * by time: today's and the overdue ones come first. The Tomorrow and Week tabs skip them — their number is the first
 * tab's (in all, or the manager's group), kept up to date by the patches — so their pages hold only their own days.
 */
function skipped(model: ListModel, key: TabKey, manager?: string): number {
  if (key === 'today') return 0;
  const today = model.tabs.today;
  if (manager === undefined) return today.count;
  return today.groups.find((g) => g.manager === manager)?.total ?? 0;
}

/** The getDue query for a tab's first page (the Tomorrow and Week tabs are read when first opened). */
export function firstPageQuery(model: ListModel, key: TabKey, filter: string, at?: string): DueQuery {
  return {
    days: TAB_DAYS[key],
    limit: PAGE_SIZE,
    offset: skipped(model, key),
    ...(filter ? { manager: filter } : {}),
    ...(at ? { at } : {}),
  };
}

/**
 * The getDue query for a group's next page. A named manager's group pages within that manager's events; the group
 * without a manager cannot be asked for by name ('' means everyone), so it pages on over the whole window and the
 * answer is merged by id.
 */
export function nextPageQuery(model: ListModel, key: TabKey, manager: string, filter: string, at?: string): DueQuery {
  const tab = model.tabs[key];
  const base: DueQuery = { days: TAB_DAYS[key], limit: PAGE_SIZE, ...(at ? { at } : {}) };
  if (manager) return { ...base, manager, offset: skipped(model, key, manager) + (tab.readBy[manager] ?? 0) };
  return { ...base, ...(filter ? { manager: filter } : {}), offset: skipped(model, key) + tab.read };
}

/** A tab's first page, as firstPageQuery (or getReminders for today) asked for it. */
export function loadTab(model: ListModel, key: TabKey, due: DueView): void {
  const tab = model.tabs[key];
  if (key !== 'today' && due.to && due.to > tab.from) tab.to = due.to;
  tab.groups = [];
  tab.read = 0;
  tab.readBy = {};
  tab.readInAll = {};
  tab.loaded = true;
  mergePage(model, key, due);
}

/**
 * A page merged into the tab: new events in time order, one row per id, totals from the server less what the tab
 * skips. `manager` says the page was asked for one manager's group; without it, it was a page over everyone.
 */
export function mergePage(model: ListModel, key: TabKey, due: DueView, manager?: string): void {
  const tab = model.tabs[key];
  let received = 0;
  for (const page of due.groups) {
    const group = groupOf(tab, page.manager);
    group.total = Math.max(0, page.total - skipped(model, key, page.manager));
    for (const event of page.events) if (inTab(tab, event.day, event.overdue)) insert(group, event);
    if (group.total < group.events.length) group.total = group.events.length;
    const n = page.events.length;
    received += n;
    if (manager !== undefined) tab.readBy[page.manager] = (tab.readBy[page.manager] ?? 0) + n;
    else {
      tab.readInAll[page.manager] = (tab.readInAll[page.manager] ?? 0) + n;
      tab.readBy[page.manager] = Math.max(tab.readBy[page.manager] ?? 0, tab.readInAll[page.manager]);
    }
  }
  if (manager === undefined) tab.read += received;
  tab.groups = tab.groups.filter((g) => g.events.length || g.total);
}

function groupOf(tab: TabModel, manager: string): DueGroup {
  let group = tab.groups.find((g) => g.manager === manager);
  if (!group) {
    group = { manager, events: [], total: 0 };
    tab.groups.push(group);
    tab.groups.sort((a, b) => compareManagers(a.manager, b.manager));
  }
  return group;
}

/** Managers by name; the events without one last. */
function compareManagers(a: string, b: string): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return a.localeCompare(b);
}

/** Keeps a group's events in time order, one row per event id. Returns whether the event was new to the group. */
function insert(group: DueGroup, event: DueEventView): boolean {
  const at = group.events.findIndex((e) => e.id === event.id && event.id !== '');
  if (at >= 0) {
    group.events[at] = event;
    return false;
  }
  const t = Date.parse(event.at);
  const before = group.events.findIndex((e) => Date.parse(e.at) > t);
  if (before < 0) group.events.push(event);
  else group.events.splice(before, 0, event);
  return true;
}

/** The event with this id, wherever it is listed. */
export function findEvent(model: ListModel, id: string): DueEventView | undefined {
  for (const key of TAB_KEYS)
    for (const group of model.tabs[key].groups) {
      const found = group.events.find((e) => e.id === id);
      if (found) return found;
    }
  return undefined;
}

/**
 * Applies what an action returned: the event leaves every list; when it is still open (rescheduled, restored by an
 * undo, newly planned) it goes into the lists its new day belongs to. Group totals and tab counts follow, also for a
 * tab not read yet (its count comes from RemindersView.ahead). Returns the tabs whose rows changed.
 */
export function applyPatch(model: ListModel, patch: EventPatch): TabKey[] {
  const id = patch.event.id;
  const before = findEvent(model, id);
  const known = before ?? (model.lastRemoved?.id === id ? model.lastRemoved : undefined);
  const changed: TabKey[] = [];
  const after: DueEventView | undefined = patch.open
    ? {
        ...patch.event,
        day: patch.day,
        overdue: patch.overdue,
        hints: patch.hints,
        lastContact: known?.lastContact ?? null,
      }
    : undefined;
  if (before && !patch.open) model.lastRemoved = before;
  for (const key of TAB_KEYS) {
    const tab = model.tabs[key];
    let wasIn = before ? inTab(tab, before.day, before.overdue) : false;
    for (const group of tab.groups) {
      const at = group.events.findIndex((e) => e.id === id);
      if (at < 0) continue;
      group.events.splice(at, 1);
      group.total = Math.max(group.events.length, group.total - 1);
      tab.read = Math.max(0, tab.read - 1);
      if (tab.readBy[group.manager]) tab.readBy[group.manager]--;
      if (tab.readInAll[group.manager]) tab.readInAll[group.manager]--;
      wasIn = true;
      if (!changed.includes(key)) changed.push(key);
    }
    const nowIn = after ? inTab(tab, after.day, after.overdue) : false;
    if (after && nowIn && tab.loaded) {
      const group = groupOf(tab, after.manager);
      insert(group, after);
      group.total++;
      if (!changed.includes(key)) changed.push(key);
    }
    if (wasIn && !nowIn) tab.count = Math.max(0, tab.count - 1);
    if (!wasIn && nowIn) tab.count++;
    tab.groups = tab.groups.filter((g) => g.events.length || g.total);
  }
  return changed;
}

/** Events of the tab shown now. */
export function shownCount(tab: TabModel): number {
  return tab.groups.reduce((n, g) => n + g.events.length, 0);
}

/** Whether a group has more events than it shows. */
export function hasMore(group: DueGroup): boolean {
  return group.events.length < group.total;
}
