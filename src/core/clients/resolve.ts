// What a text names, over the Card index's list lines (ClientSummary): one client, several candidates, or no one.
// The one resolver behind every place a person types or passes a client — the Reminders form, the Gmail card's
// actions, the Client sidebar and the CLI — so that no path writes an event for a name it did not resolve to one
// client. Decisions:
// - a resourceName ('people/c…') is that contact; an e-mail compares without case; a phone is read as E.164 with the
//   office's default country (core/phone.ts), and a tail of 6+ digits matches the end of a stored number;
// - a name matches when each typed word is the start of a different word of the name, in any order (family, given,
//   middle), without case and with ё = е; a unique exact full name is that client even when longer names also start
//   so ("Петрова Мария" beside "Петрова Мария Ивановна"); two exact namesakes are candidates, never a guess.

import { toE164 } from '../phone';
import type { ClientSummary } from '../card-index/summary';
import type { ResolveView } from '../../shared/clients-dto';
import { digitsOf, isEmail, isPhoneLike, isResourceName, nameTokens, sameTokens, tokensMatch } from './normalize';

/** At most this many candidates come back: the form lists them, and more than a screenful says "type more". */
export const MAX_CANDIDATES = 20;

/** Digits a phone tail needs: fewer would match too many numbers to tell anyone apart. */
export const MIN_TAIL_DIGITS = 6;

export interface ResolveContext {
  /** Settings defaultCountry: what a number without +country code means. */
  defaultCountry: string;
}

const collator = new Intl.Collator('ru');
const alphabetical = (a: ClientSummary, b: ClientSummary) =>
  collator.compare(a.name, b.name) || a.resourceName.localeCompare(b.resourceName);

function answer(query: string, found: ClientSummary[]): ResolveView {
  if (found.length === 1) return { kind: 'one', client: found[0] };
  if (found.length === 0) return { kind: 'none', query };
  return { kind: 'several', candidates: [...found].sort(alphabetical).slice(0, MAX_CANDIDATES) };
}

/** Clients with this phone: the exact number first; only when none has it, those whose number ends in the digits. */
export function byPhone(query: string, clients: ClientSummary[], defaultCountry: string): ClientSummary[] {
  const e164 = toE164(query, defaultCountry);
  if (e164) {
    const exact = clients.filter((c) => c.phones.includes(e164));
    if (exact.length) return exact;
  }
  const tail = digitsOf(query);
  if (tail.length < MIN_TAIL_DIGITS) return [];
  return clients.filter((c) => c.phones.some((p) => digitsOf(p).endsWith(tail)));
}

export function byEmail(query: string, clients: ClientSummary[]): ClientSummary[] {
  const email = query.trim().toLowerCase();
  return clients.filter((c) => c.emails.some((e) => e.toLowerCase() === email));
}

/** Exact full-name matches, and prefix matches (which include the exact ones). */
export function byName(query: string, clients: ClientSummary[]): { exact: ClientSummary[]; prefix: ClientSummary[] } {
  const q = nameTokens(query);
  const exact: ClientSummary[] = [];
  const prefix: ClientSummary[] = [];
  if (!q.length) return { exact, prefix };
  for (const c of clients) {
    const name = nameTokens(c.name);
    if (!tokensMatch(q, name)) continue;
    prefix.push(c);
    if (sameTokens(q, name)) exact.push(c);
  }
  return { exact, prefix };
}

export function resolveClientText(text: string, clients: ClientSummary[], context: ResolveContext): ResolveView {
  const query = String(text ?? '').trim();
  if (!query) return { kind: 'none', query };
  if (isResourceName(query))
    return answer(
      query,
      clients.filter((c) => c.resourceName === query),
    );
  if (isEmail(query)) return answer(query, byEmail(query, clients));
  if (isPhoneLike(query)) return answer(query, byPhone(query, clients, context.defaultCountry));
  const { exact, prefix } = byName(query, clients);
  return answer(query, exact.length ? exact : prefix);
}
