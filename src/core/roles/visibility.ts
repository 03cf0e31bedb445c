// Whose events and clients a person sees (Settings → onlyOwn), decided once for the Reminders, the due list, the
// client search and the card. Seeing is not the roles table's business alone: a specialist's schedule is always their
// own, and the office chooses whether managers see only theirs.

import type { StaffMember } from '../events/lists';
import type { Identity } from './identity';

/**
 * The Staff row whose events the person is limited to, or undefined for everyone's: a specialist always their own
 * schedule; with onlyOwn a manager too, and someone not on the staff (who has no events) none but unassigned ones.
 */
export function ownEventsOf(who: Identity, onlyOwn: boolean): StaffMember | 'none' | undefined {
  if (who.role === 'specialist') return who.member;
  if (!onlyOwn) return undefined;
  if (who.role === 'manager') return who.member;
  return who.role === 'nobody' ? 'none' : undefined;
}

/** The same for clients (the card's manager field): only with onlyOwn, for managers, specialists and strangers. */
export function ownClientsOf(who: Identity, onlyOwn: boolean): StaffMember | 'none' | undefined {
  if (!onlyOwn) return undefined;
  if (who.role === 'manager' || who.role === 'specialist') return who.member;
  return who.role === 'nobody' ? 'none' : undefined;
}
