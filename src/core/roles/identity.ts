// Who is acting, as the office's rules see them: from the e-mail Google gives for the person (blank where it gives
// none), the spreadsheet owner's e-mail (the office's shared account) and the Staff sheet. Pure, so the server, the
// Gmail add-on's writes and the tests decide the same way.

import type { AccessMode } from '../../shared/access-dto';
import type { StaffMember } from '../events/lists';
import { Capability, can, Role, roleOfText } from './roles';

export interface Identity {
  /** Lower-case e-mail Google gave ('' when none). */
  email: string;
  role: Role;
  mode: AccessMode;
  /** The Staff row the person acts as: their own, or in a shared-account browser the one they chose. */
  member?: StaffMember;
}

const lower = (s: string | undefined) =>
  String(s ?? '')
    .trim()
    .toLowerCase();

/**
 * - The spreadsheet's owner is the office account (`shared` mode): role `office`, unless the browser chose to be a
 *   staff member ("who am I"), whose role it then takes — a convenience, since Google cannot tell who holds the
 *   shared account's phone.
 * - A person on the Staff sheet acts with their row's role (`personal` mode: Google named them).
 * - Anyone else — blank (`anonymous`) or not on the Staff sheet — is `nobody`; except that an empty Staff sheet means
 *   roles are not set up yet, and then everyone acts for the office.
 */
export function identify(actorEmail: string, ownerEmail: string, staff: StaffMember[], chosen?: string): Identity {
  const email = lower(actorEmail);
  const mode: AccessMode = !email ? 'anonymous' : email === lower(ownerEmail) ? 'shared' : 'personal';
  if (mode === 'shared') {
    const member = chosen ? staff.find((s) => s.email === lower(chosen)) : undefined;
    return member ? { email, mode, role: roleOfText(member.role), member } : { email, mode, role: 'office' };
  }
  const member = email ? staff.find((s) => s.email === email) : undefined;
  if (member) return { email, mode, role: roleOfText(member.role), member };
  return { email, mode, role: staff.length === 0 ? 'office' : 'nobody' };
}

export function may(identity: Identity, capability: Capability): boolean {
  return can(identity.role, capability);
}
