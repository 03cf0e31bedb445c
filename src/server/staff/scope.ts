// Whose events and clients this execution shows (core/roles/visibility.ts over Settings → onlyOwn), as the manager
// name the lists filter by. Decided cheaply: the office account or a stranger with onlyOwn off costs no owner lookup.

import type { StaffMember } from '../../core/events/lists';
import { Identity } from '../../core/roles/identity';
import { ownClientsOf, ownEventsOf } from '../../core/roles/visibility';
import { OfficeContext } from '../events/office';

/** A manager name no one has: the filter of a person who may see no one's (not on the staff, with onlyOwn). */
export const NO_ONE = '∅';

export interface Scope {
  /** The person's Staff name where the office knows them (a shared browser's choice included), else ''. */
  me: string;
  /** Only this manager's events; undefined = everyone's. */
  events?: string;
  /** Only this manager's clients; undefined = everyone's. */
  clients?: string;
}

const nameOf = (limit: StaffMember | 'none' | undefined): string | undefined =>
  limit === undefined ? undefined : limit === 'none' ? NO_ONE : limit.name || NO_ONE;

/**
 * `what`: the lists asked about. Clients are limited only with onlyOwn, so without it nothing more is read; events
 * also for a specialist, which costs the Staff sheet (the Reminders' and the due list's batch read already holds it).
 */
export function scopeOf(office: OfficeContext, chosen?: string, what: 'events' | 'clients' = 'events'): Scope {
  const as = String(chosen ?? '').trim() || undefined;
  const onlyOwn = office.settings.get('onlyOwn') === 'yes';
  if (what === 'clients' && !onlyOwn && !as) return { me: '' };
  // Someone named by Google but not on the staff is the office account or a stranger: with nothing to choose and
  // nothing limited, both see everyone's, and the owner lookup that tells them apart is not needed.
  if (!office.actor && office.actorEmail && !as && !onlyOwn) return { me: '' };
  const who: Identity = office.identity(as);
  return {
    me: who.member?.name ?? '',
    events: nameOf(ownEventsOf(who, onlyOwn)),
    clients: nameOf(ownClientsOf(who, onlyOwn)),
  };
}
