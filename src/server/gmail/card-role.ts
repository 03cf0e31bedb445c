// The add-on user's role, for the actions their cards offer: decided by the same rule as every other check
// (OfficeContext.identity → core/roles/identity.ts) — the office account (the spreadsheet's owner) may do everything,
// a staff member what their role may, someone Google does not name (blank) or who is not on the Staff sheet nothing:
// their cards are read-only. Deciding it reads the Staff sheet and the owner, so the answer is kept in the add-on's
// script cache for up to ten minutes under a key of the user's e-mail hash, and that key rides along in the getAll the
// card makes anyway (the index lookup, the forms' lists): the warm card pays nothing for it. The card only offers;
// the sheet project checks the same rights again on each write.

import { KEY_TTL_SECONDS } from '../../core/card-index/key-cache';
import { hash64 } from '../../core/hash';
import type { KeyValueCache } from '../../core/ports/cache';
import { Capability, can, Role } from '../../core/roles/roles';
import { OfficeContext } from '../events/office';
import { crmSpreadsheet } from '../sheets/crm-spreadsheet';

/**
 * A role change (a promotion, a departure) reaches the cards within this many seconds: the bound the card's own
 * index key has (core/card-index/key-cache.ts), so the cold card's one refill can carry both. What the card offers
 * may lag by that much; what it writes is checked by the sheet project at the moment of writing.
 */
export const ROLE_SECONDS = KEY_TTL_SECONDS;
const ROLES: Role[] = ['office', 'director', 'administrator', 'manager', 'specialist', 'nobody'];

/** What this execution knows (Apps Script starts every execution with fresh globals, so it never outlives the run). */
let known: Role | undefined;
/** A getAll of this execution already asked for the key (and `known` is what it found). */
let asked = false;
/** The cache key for this execution's user, once a card or an action asked for their role. */
let wanted: string | undefined;

function userEmail(): string {
  return String(Session.getActiveUser().getEmail() ?? '')
    .trim()
    .toLowerCase();
}

const keyFor = (email: string) => `crm.gmail.role.${email ? hash64(email) : '-'}`;

const parse = (raw: string | undefined): Role | undefined => ROLES.find((r) => r === raw);

/** Called before the lookup of an execution whose card or action depends on the role: the key rides along. */
export function wantCardRole(): void {
  wanted ??= keyFor(userEmail());
}

/** `cache` with the user's role key riding on its getAll calls once wantCardRole was called. */
export function withRoleEntry(cache: KeyValueCache): KeyValueCache {
  return {
    getAll(keys) {
      const key = wanted;
      if (!key || asked || keys.includes(key)) return cache.getAll(keys);
      const got = cache.getAll([...keys, key]);
      asked = true;
      known = parse(got[key]);
      delete got[key];
      return got;
    },
    putAll(values, ttl) {
      // The cold card's index refill carries the role it found missing (one request for both): deciding it costs
      // nothing more for the office account (its e-mail is in the script properties the refill already read) and
      // the Staff read for anyone else.
      if (wanted && asked && known === undefined && ttl <= ROLE_SECONDS && !(wanted in values)) {
        known = decideRole();
        values = { ...values, [wanted]: known };
      }
      cache.putAll(values, ttl);
    },
    remove: (key) => cache.remove(key),
  };
}

/**
 * The add-on user's role: free when a getAll of this execution brought it; else one cache read and, on a miss, the
 * Staff sheet and the owner read and the answer cached. A failure to read is read-only, never the card's failure.
 */
export function cardRole(cache: () => KeyValueCache): Role {
  if (known !== undefined) return known;
  wantCardRole();
  const key = wanted as string;
  try {
    if (!asked) known = parse(cache().getAll([key])[key]);
    asked = true;
    if (known !== undefined) return known;
    const role = decideRole();
    cache().putAll({ [key]: role }, ROLE_SECONDS);
    return (known = role);
  } catch (e) {
    console.warn(`The card user's role was not read: ${e instanceof Error ? e.name : 'error'}`);
    return (known = 'nobody');
  }
}

/** The role by the one identity rule; a failure to read is read-only, never the card's failure. */
function decideRole(): Role {
  try {
    return new OfficeContext(crmSpreadsheet()).identity().role;
  } catch (e) {
    console.warn(`The card user's role was not read: ${e instanceof Error ? e.name : 'error'}`);
    return 'nobody';
  }
}

export function cardMay(capability: Capability, cache: () => KeyValueCache): boolean {
  return can(cardRole(cache), capability);
}
