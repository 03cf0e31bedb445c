// A person added to the Staff sheet by `crm staff add` (and any future form): what is refused before anything is
// written — no name, no e-mail address, a role the roles table does not know, an e-mail already on the sheet, a head
// who is not on it. Pure: the server reads the sheet, asks this, and writes the row.

import { parseMailAddress } from '../email-address';
import type { StaffMember } from '../events/lists';
import { isKnownRole, roleOfText, StaffRole } from './roles';

export interface NewMemberInput {
  name: string;
  email: string;
  /** director | administrator | manager | specialist, or any word the Role cell takes (ru/en/ka). */
  role: string;
  /** The head's e-mail ('' for none). */
  head?: string;
}

export type NewMemberRefusal =
  | { key: 'staffNoName'; params: Record<string, never> }
  | { key: 'staffBadEmail' | 'staffUnknownRole'; params: { value: string } }
  | { key: 'staffDuplicate'; params: { email: string; name: string } }
  | { key: 'staffUnknownHead'; params: { email: string } };

export type CheckedMember =
  | { ok: true; member: { name: string; email: string; role: StaffRole; head: string } }
  | { ok: false; refusal: NewMemberRefusal };

export function checkNewMember(input: NewMemberInput, staff: StaffMember[]): CheckedMember {
  const name = String(input?.name ?? '').trim();
  if (!name) return { ok: false, refusal: { key: 'staffNoName', params: {} } };
  const emailText = String(input.email ?? '').trim();
  const email = parseMailAddress(emailText)?.email;
  if (!email || emailText.includes('<'))
    return { ok: false, refusal: { key: 'staffBadEmail', params: { value: emailText } } };
  const roleText = String(input.role ?? '').trim();
  if (!isKnownRole(roleText)) return { ok: false, refusal: { key: 'staffUnknownRole', params: { value: roleText } } };
  const taken = staff.find((s) => s.email === email);
  if (taken) return { ok: false, refusal: { key: 'staffDuplicate', params: { email, name: taken.name } } };
  const head = String(input.head ?? '')
    .trim()
    .toLowerCase();
  if (head && !staff.some((s) => s.email === head))
    return { ok: false, refusal: { key: 'staffUnknownHead', params: { email: head } } };
  return { ok: true, member: { name, email, role: roleOfText(roleText), head } };
}
