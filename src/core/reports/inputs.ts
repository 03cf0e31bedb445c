// What every report reads, prepared once: the period's bounds, the office clock, and each event's client with its
// labels. Events are the Events sheet's parsed rows (core/events/row.ts); clients are the Card index's list lines
// (core/card-index/summary.ts). Everything here is one pass over its input, so a report over 100,000 events is linear.

import type { ClientSummary } from '../card-index/summary';
import type { EventRecord } from '../events/row';
import { clientKey } from '../events/row';
import { headerKey } from '../sheets/template';
import type { ReportPeriod } from '../../shared/reports-dto';
import { localClock, LocalClock } from './local-clock';
import { periodBounds } from './period';

/**
 * An event as reports read it. `doneAt` is when a planned event was marked done; the Events sheet does not keep it
 * yet (marking done keeps the planned date, core/events/log-rules.ts), so the server must record it for the on-time
 * report — an event done without it counts as logged directly, not as a follow-up.
 */
export type ReportEvent = EventRecord & { doneAt?: Date };

/** A client's list line, with the contact's first-visit day ('yyyy-mm-dd') when the card has one. */
export type ReportClient = ClientSummary & { firstVisit?: string };

export interface ReportContext {
  period: ReportPeriod;
  startMs: number;
  endMs: number;
  clock: LocalClock;
  /** The client an event is about: its resourceName, or the name key of a row typed by hand. */
  clientOf(event: Pick<EventRecord, 'clientId' | 'client'>): string;
  /** The labels of a client key ([] for a client not in the index). */
  labelsOf(client: string): string[];
}

export function reportContext(period: ReportPeriod, clients: ReportClient[]): ReportContext {
  const labels = new Map<string, string[]>();
  // A row typed by hand names the client by text: matched to the one card of that name, left apart when two share it.
  const byName = new Map<string, string | null>();
  for (const c of clients) {
    labels.set(c.resourceName, c.labels);
    const name = clientKey({ clientId: '', client: c.name });
    if (name) byName.set(name, byName.has(name) ? null : c.resourceName);
  }
  const { startMs, endMs } = periodBounds(period);
  return {
    period,
    startMs,
    endMs,
    clock: localClock(period.timeZone),
    clientOf(event) {
      const key = clientKey(event);
      return event.clientId ? key : (byName.get(key) ?? key);
    },
    labelsOf: (client) => labels.get(client) ?? [],
  };
}

export function inContext(ctx: ReportContext, at: Date): boolean {
  const ms = at.getTime();
  return ms >= ctx.startMs && ms < ctx.endMs;
}

/**
 * Counts under keys that compare as people write them (case, spaces, ё/е: headerKey), each value shown in the first
 * spelling met anywhere in the tally: managers typed "Boris" and "boris " are one manager in every row.
 */
export class Tally {
  private readonly rows = new Map<string, { keys: string[]; count: number }>();
  private readonly spelling = new Map<string, string>();

  add(parts: string[], by = 1): void {
    const keys = parts.map((p, i) => {
      const key = `${i}\u0001${headerKey(p)}`;
      if (!this.spelling.has(key)) this.spelling.set(key, p.trim());
      return key;
    });
    const key = keys.join('\u0002');
    const row = this.rows.get(key);
    if (row) row.count += by;
    else this.rows.set(key, { keys, count: by });
  }

  /** Rows sorted by their shown values (blank last), so the sheet and the CLI print in a stable order. */
  entries(): Array<{ shown: string[]; count: number }> {
    const compare = (a: string, b: string) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || a.localeCompare(b);
    const rows = [...this.rows.values()].map(({ keys, count }) => ({
      shown: keys.map((k) => this.spelling.get(k) ?? ''),
      count,
    }));
    return rows.sort((a, b) => {
      for (let i = 0; i < a.shown.length; i++) {
        const c = compare(a.shown[i], b.shown[i]);
        if (c) return c;
      }
      return 0;
    });
  }
}
