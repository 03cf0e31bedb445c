// Who may make whom responsible for an event, and who may change an event: the office's hierarchy (the Staff sheet's
// head column) over the roles table (roles.ts). One place: logging, every change, its undo and the Gmail add-on's
// writes (made by the sheet project for the add-on's user) all ask these two functions.

import { StaffMember, staffMemberNamed } from '../events/lists';
import { Identity, may } from './identity';

/** Whether `head` stands above `member`, however many levels up the head column; a looping column ends. */
export function isHeadOf(head: StaffMember, member: StaffMember, staff: StaffMember[]): boolean {
  if (!head.email) return false;
  const visited = new Set<string>();
  let up = member.head;
  while (up && !visited.has(up)) {
    if (up === head.email) return true;
    visited.add(up);
    up = staff.find((s) => s.email === up)?.head ?? '';
  }
  return false;
}

/**
 * Whether the person may make `managerText` (a name as the Events sheet writes it, or an e-mail) responsible:
 * - the office account, a director, an administrator: anyone (roles table: 'everyone');
 * - a specialist: only themselves;
 * - any other staff member: themselves and anyone below them;
 * - someone not on the staff, or whom Google does not name: no one (identify() already lets everyone act for the
 *   office while the Staff sheet is empty).
 * An empty text makes no one responsible, which anyone who may touch the event may do.
 */
export function mayAssign(who: Identity, staff: StaffMember[], managerText: string): boolean {
  if (may(who, 'everyone')) return true;
  const me = who.member;
  if (!me || who.role === 'nobody') return false;
  if (managerText.trim() === '') return true;
  const target = staffMemberNamed(staff, managerText);
  if (!target) return false;
  if (target === me || (target.email !== '' && target.email === me.email)) return true;
  return who.role !== 'specialist' && isHeadOf(me, target, staff);
}

/**
 * Whether the person may change an event (done, result, reschedule, cancel, assign, undo) whose manager cell says
 * `eventManager`: the office account, a director, an administrator; the event's own manager and their heads; and,
 * while the event is nobody's, any staff member. Anyone else — a colleague, a stranger, a blank user — is refused.
 */
export function mayChange(who: Identity, staff: StaffMember[], eventManager: string): boolean {
  if (may(who, 'everyone')) return true;
  const me = who.member;
  if (!me || who.role === 'nobody') return false;
  if (eventManager.trim() === '') return true;
  const owner = staffMemberNamed(staff, eventManager);
  if (!owner) return false;
  return owner === me || (owner.email !== '' && owner.email === me.email) || isHeadOf(me, owner, staff);
}
