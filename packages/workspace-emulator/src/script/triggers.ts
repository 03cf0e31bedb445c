// Installable triggers: what each project has installed (clock triggers, and spreadsheet onEdit/onChange triggers,
// which sheet-triggers.ts fires on a user's change), and a Node-side scheduler for the clock ones that says which handlers fire
// in a window of virtual time (the sandbox and tests run them; Apps Script's own scheduler is not observable).
//
// Firing model (deterministic, documented rather than Google's): Google only promises that `atHour`/`nearMinute`
// triggers run "plus or minus 15 minutes" around the requested time and that `after(ms)` runs no earlier than asked
// (https://developers.google.com/apps-script/reference/script/clock-trigger-builder). We fire exactly on the requested
// wall time in the trigger's zone; periodic triggers without a time of day fire every period after creation. Product
// code must not depend on the exact minute either way. One-time triggers stay installed (and keep counting toward the
// 20-trigger limit) after firing until the script deletes them.

import { dateKey, instantOf, wallTime } from './time-zone';
import { ScriptProject } from './project';

export type ClockSchedule =
  | { kind: 'minutes'; every: number }
  | { kind: 'hours'; every: number; nearMinute?: number }
  | { kind: 'days'; every: number; atHour?: number; nearMinute?: number }
  | { kind: 'once'; at: number };

/** The spreadsheet events an installable trigger can listen to here (onOpen/onFormSubmit are not emulated). */
export type SpreadsheetEvent = 'ON_EDIT' | 'ON_CHANGE';

export interface TriggerRecord {
  /** Google's unique id: a decimal string. */
  id: string;
  project: ScriptProject;
  /** Installable triggers run as the account that created them. */
  owner: string;
  handler: string;
  createdAt: number;
  timeZone: string;
  /** A clock trigger's schedule. */
  schedule?: ClockSchedule;
  /** A spreadsheet trigger: which file and which event. */
  spreadsheet?: { id: string; event: SpreadsheetEvent };
}

const copyTrigger = (t: TriggerRecord): TriggerRecord => ({
  ...t,
  ...(t.schedule && { schedule: { ...t.schedule } }),
  ...(t.spreadsheet && { spreadsheet: { ...t.spreadsheet } }),
});

export interface DueTrigger {
  id: string;
  project: ScriptProject;
  owner: string;
  handler: string;
  /** Virtual instant it fires at. */
  at: number;
  timeZone: string;
}

interface TriggersJSON {
  seq?: number;
  triggers?: TriggerRecord[];
}

export class TriggerStore {
  private triggers: TriggerRecord[];
  private seq: number;

  private constructor(json: TriggersJSON) {
    this.triggers = (json.triggers ?? []).map(copyTrigger);
    this.seq = json.seq ?? 0;
  }

  static fromJSON(json: unknown): TriggerStore {
    return new TriggerStore(json && typeof json === 'object' ? (json as TriggersJSON) : {});
  }

  toJSON(): TriggersJSON {
    return { seq: this.seq, triggers: this.all() };
  }

  /** Every installed trigger (copies), uncounted. */
  all(): TriggerRecord[] {
    return this.triggers.map(copyTrigger);
  }

  /** Installed triggers of one project owned by `owner` (copies). */
  of(project: ScriptProject, owner: string): TriggerRecord[] {
    return this.all().filter((t) => t.project === project && t.owner === owner);
  }

  /** @internal */
  add(t: Omit<TriggerRecord, 'id'>): TriggerRecord {
    this.seq += 1;
    // Google's ids are long decimal numbers; ours are reproducible.
    const id = String(4_503_599_627_370_496 + this.seq * 7919);
    const record = copyTrigger({ ...t, id });
    this.triggers.push(record);
    return copyTrigger(record);
  }

  /** Installed spreadsheet triggers for one file and event, in installation order (copies). */
  forSpreadsheet(spreadsheetId: string, event: SpreadsheetEvent): TriggerRecord[] {
    return this.all().filter((t) => t.spreadsheet?.id === spreadsheetId && t.spreadsheet.event === event);
  }

  /** @internal */
  remove(id: string): boolean {
    const before = this.triggers.length;
    this.triggers = this.triggers.filter((t) => t.id !== id);
    return this.triggers.length < before;
  }

  /** @internal */
  has(id: string): boolean {
    return this.triggers.some((t) => t.id === id);
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** `YYYY-MM-DD` plus `n` calendar days. */
function addDays(key: string, n: number): string {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Fire times of one trigger in (fromMs, toMs]. */
function fireTimes(t: TriggerRecord, fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  const s = t.schedule;
  if (!s) return out;
  const push = (at: number): void => {
    if (at > fromMs && at <= toMs) out.push(at);
  };
  switch (s.kind) {
    case 'once':
      // A time already past when the trigger is created fires right after creation.
      push(Math.max(s.at, t.createdAt + 1));
      return out;
    case 'minutes':
    case 'hours': {
      const period = s.kind === 'minutes' ? s.every * MINUTE : s.every * HOUR;
      let first = t.createdAt + period;
      if (s.kind === 'hours' && s.nearMinute !== undefined) {
        // The first instant after creation whose wall minute is `nearMinute`, then every period.
        const w = wallTime(t.timeZone, t.createdAt);
        first = t.createdAt + (((s.nearMinute - w.minute + 60) % 60) * MINUTE - w.second * 1000 - w.millisecond);
        if (first <= t.createdAt) first += HOUR;
      }
      const k0 = Math.max(0, Math.ceil((fromMs - first) / period));
      for (let at = first + k0 * period; at <= toMs; at += period) push(at);
      return out;
    }
    case 'days': {
      const created = wallTime(t.timeZone, t.createdAt);
      const hour = s.atHour ?? created.hour;
      const minute = s.nearMinute ?? (s.atHour === undefined ? created.minute : 0);
      const at = (key: string): number => {
        const [year, month, day] = key.split('-').map(Number);
        return instantOf(t.timeZone, { year, month, day, hour, minute, second: 0, millisecond: 0 });
      };
      let key = dateKey(t.timeZone, t.createdAt);
      if (at(key) <= t.createdAt) key = addDays(key, 1);
      // Skip whole periods before the window without walking every day.
      const behind = Math.floor((Date.parse(dateKey(t.timeZone, fromMs)) - Date.parse(key)) / (24 * HOUR));
      if (behind > s.every) key = addDays(key, Math.floor((behind - 1) / s.every) * s.every);
      for (let when = at(key); when <= toMs; key = addDays(key, s.every), when = at(key)) push(when);
      return out;
    }
  }
}

/** Which handlers fire in the virtual window (fromMs, toMs], in firing order, across all projects and owners. */
export function dueTriggers(store: TriggerStore, fromMs: number, toMs: number): DueTrigger[] {
  const due: DueTrigger[] = [];
  for (const t of store.all()) {
    for (const at of fireTimes(t, fromMs, toMs)) {
      due.push({ id: t.id, project: t.project, owner: t.owner, handler: t.handler, at, timeZone: t.timeZone });
    }
  }
  return due.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/**
 * The event object a time-driven trigger passes to its handler. Per Google's docs the fields are in UTC with
 * `timezone: 'UTC'` (https://developers.google.com/apps-script/guides/triggers/events#time-driven_events).
 */
export function clockTriggerEvent(fire: DueTrigger): Record<string, unknown> {
  const d = new Date(fire.at);
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.floor((Math.floor((fire.at - jan1) / (24 * HOUR)) + new Date(jan1).getUTCDay()) / 7) + 1;
  return {
    authMode: 'FULL',
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    month: d.getUTCMonth() + 1,
    second: d.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid: fire.id,
    'week-of-year': week,
    year: d.getUTCFullYear(),
  };
}
