// Search as you type over the Card index's list lines: by name, phone, e-mail, label or manager, with the Client
// sidebar's filters (label, manager, gone quiet, birthday this week), best match first. Pure: the adapter reads the
// summaries in one request and passes the office's country, zone and quiet periods.

import type { ClientSummary } from '../card-index/summary';
import type { FindClientsInput, FindClientsResult } from '../../shared/clients-dto';
import { quietClientsFrom } from '../events/reminders';
import { addDays, localDayKey } from '../events/zone';
import { toE164 } from '../phone';
import { digitsOf, isPhoneLike, nameTokens, normalizeText, sameTokens, tokensMatch } from './normalize';

export const DEFAULT_FIND_LIMIT = 50;
const collator = new Intl.Collator('ru');
export const MAX_FIND_LIMIT = 500;

export interface FindContext {
  defaultCountry: string;
  /** The moment "quiet" and "this week" are counted from, and the office's zone for its days. */
  now: Date;
  timeZone: string;
  /** Settings quietDays (the default period) and the Labels sheet's periods (label → days). */
  quietDays: number;
  quietDaysByLabel: Record<string, number>;
}

/**
 * Gone quiet, by the Reminders rule itself (core/events/reminders.ts quietClientsFrom, without spreading: the filter
 * is a question, answered whole): no planned event (someone is on it) and no done event for the client's period;
 * a client never contacted is quiet.
 */
export function isQuietClient(c: ClientSummary, context: FindContext): boolean {
  const last = c.lastContact ? new Date(c.lastContact) : null;
  const candidate = {
    resourceName: c.resourceName,
    name: c.name,
    labels: c.labels,
    lastAt: last && !isNaN(last.getTime()) ? last : null,
    busy: c.nextPlanned !== null,
  };
  const options = {
    at: context.now,
    timeZone: context.timeZone,
    defaultDays: context.quietDays,
    daysByLabel: context.quietDaysByLabel,
    spread: false,
    perDay: 1,
  };
  return quietClientsFrom([candidate], options).length > 0;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The month-days of the seven local days from today ('MM-DD'); 29 February counts on the 28th in other years. */
export function weekMonthDays(now: Date, timeZone: string): Set<string> {
  const today = localDayKey(now, timeZone);
  const out = new Set<string>();
  for (let i = 0; i < 7; i++) {
    const day = addDays(today, i);
    const md = day.slice(5);
    out.add(md);
    if (md === '02-28' && !isLeap(Number(day.slice(0, 4)))) out.add('02-29');
  }
  return out;
}

/** 'YYYY-MM-DD' or '--MM-DD' → 'MM-DD'; '' for anything else. */
function monthDay(birthday: string): string {
  const m = /^(?:\d{4}|--)-?(\d{2})-(\d{2})$/.exec(String(birthday ?? '').trim());
  return m ? `${m[1]}-${m[2]}` : '';
}

/** How well a client matches the query: 0 = not at all; higher is better. */
type Scorer = (c: ClientSummary) => number;

function phoneScorer(query: string, defaultCountry: string): Scorer {
  const e164 = toE164(query, defaultCountry);
  const digits = digitsOf(query);
  return (c) => {
    let best = 0;
    for (const p of c.phones) {
      const d = digitsOf(p);
      if (e164 && p === e164) best = Math.max(best, 100);
      else if (d.endsWith(digits)) best = Math.max(best, 80);
      else if (d.includes(digits)) best = Math.max(best, 60);
    }
    return best;
  };
}

function textScorer(query: string): Scorer {
  const q = nameTokens(query);
  const whole = normalizeText(query);
  return (c) => {
    let best = 0;
    const name = nameTokens(c.name);
    if (tokensMatch(q, name)) {
      if (sameTokens(q, name)) best = 100;
      // Written in the card's order (family first) reads as the better match of two prefixes.
      else best = name[0].startsWith(q[0]) ? 75 : 70;
    }
    if (best < 90) {
      for (const e of c.emails) {
        if (e === whole) best = Math.max(best, 95);
        else if (e.startsWith(whole)) best = Math.max(best, 65);
        else if (whole.length >= 3 && e.includes(whole)) best = Math.max(best, 40);
      }
    }
    if (best < 60) {
      for (const l of c.labels) {
        const label = normalizeText(l);
        if (label === whole) best = Math.max(best, 55);
        else if (label.startsWith(whole)) best = Math.max(best, 45);
      }
      if (c.manager && tokensMatch(q, nameTokens(c.manager))) best = Math.max(best, 30);
    }
    return best;
  };
}

/** The context is read only for what the query needs: a name search never asks the office's country. */
function scorerFor(query: string, context: FindContext): Scorer {
  if (!query) return () => 1;
  if (isPhoneLike(query, 3)) return phoneScorer(query, context.defaultCountry);
  return textScorer(query);
}

function clampLimit(limit: unknown): number {
  const n = Number(limit);
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_FIND_LIMIT;
  return Math.min(MAX_FIND_LIMIT, Math.floor(n));
}

export function findClients(
  clients: ClientSummary[],
  input: FindClientsInput,
  context: FindContext,
): FindClientsResult {
  const limit = clampLimit(input?.limit);
  const all = matchingClients(clients, input, context);
  return { clients: all.slice(0, limit), total: all.length, limit };
}

/** Every client the query and filters match, best first, with no limit (a mailing to "the sidebar's filter"). */
export function matchingClients(
  clients: ClientSummary[],
  input: Omit<FindClientsInput, 'limit'>,
  context: FindContext,
): ClientSummary[] {
  const query = String(input?.query ?? '').trim();
  const label = normalizeText(input?.label);
  const manager = normalizeText(input?.manager);
  const week = input?.birthdayThisWeek ? weekMonthDays(context.now, context.timeZone) : undefined;
  const score = scorerFor(query, context);
  const hits: Array<{ c: ClientSummary; s: number }> = [];
  for (const c of clients) {
    if (label && !c.labels.some((l) => normalizeText(l) === label)) continue;
    if (manager && normalizeText(c.manager) !== manager) continue;
    if (week && !week.has(monthDay(c.birthday))) continue;
    if (input?.quiet && !isQuietClient(c, context)) continue;
    const s = score(c);
    if (s > 0) hits.push({ c, s });
  }
  hits.sort(
    (a, b) => b.s - a.s || collator.compare(a.c.name, b.c.name) || a.c.resourceName.localeCompare(b.c.resourceName),
  );
  return hits.map((h) => h.c);
}
