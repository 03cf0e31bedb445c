// staff / staff add: the Staff sheet from a terminal, through the built bundle's own functions (staff/staff-sheet.ts),
// so a person added here is checked by the rules the product applies and written as the product writes it.

import type { Office } from '../office';
import { invokeEntryPoint } from '../gas/server-rpc';
import type { StaffListEntry } from '../../server/staff/staff-sheet';
import { flag, ParsedArgs, Refusal, UsageError } from './args';

const ROLES = ['director', 'administrator', 'manager', 'specialist'];

/** `crm staff`: [{name, email, role, roleText, head}]; `crm staff add --name N --email E --role R [--head EMAIL]`. */
export function staffCommand(office: Office, args: ParsedArgs): StaffListEntry[] | StaffListEntry {
  const sub = args.positional[0];
  if (sub === undefined) return run<StaffListEntry[]>(office, 'staffList_', []);
  if (sub !== 'add') throw new UsageError(`Unknown staff command "${sub}": use staff --json or staff add …`);
  const name = flag(args, 'name');
  const email = flag(args, 'email');
  const role = flag(args, 'role');
  if (!name || !email || !role) throw new UsageError('staff add needs --name, --email and --role');
  if (!ROLES.includes(role)) throw new Refusal(`Unknown role "${role}". Allowed: ${ROLES.join(', ')}`);
  const head = flag(args, 'head') ?? '';
  return run<StaffListEntry>(office, 'addStaffMember_', [{ name, email, role, head }]);
}

/** The bundle's refusal (a duplicate e-mail, an unknown head, no right) is a refusal here: exit 2, nothing written. */
function run<T>(office: Office, name: 'staffList_' | 'addStaffMember_', params: unknown[]): T {
  const result = invokeEntryPoint(office.sheet, name, params);
  if (result.error) {
    if (name === 'addStaffMember_' && result.error instanceof Error) throw new Refusal(result.error.message);
    throw result.error;
  }
  return result.result as T;
}
