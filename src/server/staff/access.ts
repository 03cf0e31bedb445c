// What the sidebars ask once to show what a person may use (ServerApi.getAccess → AccessView): who Google says they
// are, the role the server enforces, and — in a browser of the office's shared account only — the staff to choose
// "who am I" from (ServerApi.getAccess: staff/get-access.ts). The server checks the same rights again on every call (staff/guard.ts, core/roles/event-rights.ts).

import type { StaffMember } from '../../core/events/lists';
import { may } from '../../core/roles/identity';
import { CAPABILITIES, roleOfText } from '../../core/roles/roles';
import type { AccessView, StaffEntry } from '../../shared/access-dto';
import type { OfficeContext } from '../events/office';

export function staffEntry(member: StaffMember): StaffEntry {
  return { name: member.name, email: member.email, role: roleOfText(member.role), head: member.head };
}

export function accessView(office: OfficeContext, chosen?: string): AccessView {
  const who = office.identity(String(chosen ?? '').trim() || undefined);
  return {
    mode: who.mode,
    email: who.email,
    role: who.role,
    me: who.member?.name ?? '',
    capabilities: CAPABILITIES.filter((c) => may(who, c)),
    onlyOwn: office.settings.get('onlyOwn') === 'yes',
    // Only a shared account's browser chooses who it is; anyone else is who Google says.
    staff: who.mode === 'shared' ? office.staff.filter((s) => s.email !== '').map(staffEntry) : [],
  };
}
