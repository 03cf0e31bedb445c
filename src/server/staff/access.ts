// What the sidebars are told about the person using them (ServerApi.getAccess): their mode, role and rights, built
// from the one identity rule (core/roles/identity.ts via OfficeContext.identity) and the one rights table (core `can`).
// The server checks the same rights again where they matter; this view only decides what is shown.

import { Capability, can, roleOfText } from '../../core/roles/roles';
import type { AccessView, StaffEntry } from '../../shared/access-dto';
import type { OfficeContext } from '../events/office';

const ALL: Capability[] = [
  'reports',
  'import',
  'settingsView',
  'settingsEdit',
  'everyone',
  'allClients',
  'logEvents',
  'editClients',
];

/**
 * `chosen` is the staff e-mail a shared-account browser says it is ("who am I"); it is ignored for anyone else.
 * Only the shared account is offered the staff to choose from: in the other modes Google names the person.
 */
export function accessView(office: OfficeContext, chosen?: string): AccessView {
  const who = office.identity(typeof chosen === 'string' && chosen ? chosen : undefined);
  const staff: StaffEntry[] =
    who.mode === 'shared'
      ? office.staff
          .filter((s) => s.email)
          .map((s) => ({ name: s.name, email: s.email, role: roleOfText(s.role), head: s.head }))
      : [];
  return {
    mode: who.mode,
    email: who.email,
    role: who.role,
    me: who.member?.name ?? '',
    capabilities: ALL.filter((c) => can(who.role, c)),
    // UNVERIFIED here: the Settings key that limits managers to their own is the rules' (wt-rules); none yet, so off.
    onlyOwn: false,
    staff,
  };
}
