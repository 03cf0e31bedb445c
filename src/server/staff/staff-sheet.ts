// The Staff sheet for the CLI (`crm staff`, `crm staff add`): read as the roles see it, and a person added through
// the bundle — only by someone who may edit the protected sheets, checked and refused in the office's words.

import { parseStaff } from '../../core/events/lists';
import { checkNewMember, NewMemberInput } from '../../core/roles/new-member';
import type { StaffEntry } from '../../shared/access-dto';
import { OfficeContext } from '../events/office';
import { protectOfficeSheets } from '../sheets/protect';
import { CrmTable } from '../sheets/table';
import { staffEntry } from './access';
import { requireRight } from './guard';
import { ROLE_NAMES, roleText } from './messages';

/** Each Staff row with its role as the roles table names it, and the words its Role cell holds. */
export type StaffListEntry = StaffEntry & { roleText: string };

export function staffList(office = new OfficeContext()): StaffListEntry[] {
  return office.staff.map((m) => ({ ...staffEntry(m), roleText: m.role }));
}

/** Adds one person below the last Staff row (the role in the office's words); answers the row as `staffList` would. */
export function addStaffMember(input: NewMemberInput): StaffListEntry {
  const office = new OfficeContext();
  requireRight('settingsEdit', office);
  const table = CrmTable.open('staff', { read: true, ss: office.ss });
  const checked = checkNewMember(input, parseStaff(table.values()));
  if (!checked.ok) throw new Error(roleText(office.locale, checked.refusal.key, checked.refusal.params));
  const { name, email, role, head } = checked.member;
  const words = ROLE_NAMES[office.locale][role];
  table.append([{ name, email, role: words, head }]);
  // A new director edits the protected sheets from now on (a fresh context: it reads the Staff sheet as written).
  if (role === 'director') protectOfficeSheets(new OfficeContext(office.ss));
  return { name, email, role, head, roleText: words };
}
