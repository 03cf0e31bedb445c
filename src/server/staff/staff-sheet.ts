// The Staff sheet for the CLI (`crm staff`, `crm staff add`): read as the roles see it, and a person added through
// the bundle — only by someone who may edit the protected sheets, checked and refused in the office's words.

import { parseStaff } from '../../core/events/lists';
import { checkNewMember, NewMemberInput } from '../../core/roles/new-member';
import type { StaffEntry } from '../../shared/access-dto';
import { OfficeContext } from '../events/office';
import { sheetTitleMatches } from '../../core/sheets/template';
import { template } from '../../core/sheets/templates';
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

/**
 * Simple trigger's part: someone typed into the Staff sheet. Only its editors can (it is protected), and an editor may
 * change the protections, so a director typed in by hand edits the protected sheets at once. UNVERIFIED: that Google
 * lets a simple trigger (limited authorisation, the bound spreadsheet only) change a protection; where it does not,
 * the failure is only logged and the next setup or saved setting refreshes the editors.
 */
export function onStaffEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const sheet = e?.range?.getSheet();
  if (!sheet) return;
  // By its title only (a renamed Staff sheet is refreshed by the next setup): an edit elsewhere costs one call more.
  if (!sheetTitleMatches(template('staff'), sheet.getName())) return;
  protectOfficeSheets(new OfficeContext(e.source));
}
