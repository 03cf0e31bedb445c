// Who is using the CRM and what they may do, as the server sees it (src/core/roles/roles.ts has the rights table).
// The sidebars ask for it once (ServerApi.getAccess) and show the sections the role may use; the server checks the
// same rights again on every call that needs them, so a hidden button is a convenience and the check is the rule.

import type { Capability, Role, StaffRole } from '../core/roles/roles';

/**
 * - `shared`: the person uses the office's shared Google account (the source documents' recipe: one account on every
 *   phone and browser). Google cannot tell staff apart, so the role shown is the one chosen in this browser
 *   ("who am I"): a convenience, not security.
 * - `personal`: the person signed in with their own account (a Workspace domain): their Staff row's role is enforced.
 * - `anonymous`: Google does not name the person (blank e-mail: another domain, a consumer account): they may read
 *   but not make anyone responsible or change the office's sheets.
 */
export type AccessMode = 'shared' | 'personal' | 'anonymous';

export interface StaffEntry {
  name: string;
  email: string;
  role: StaffRole;
  /** The head's e-mail ('' for none). */
  head: string;
}

export interface AccessView {
  mode: AccessMode;
  /** The e-mail Google gives for the person acting ('' when it gives none). */
  email: string;
  /** The role the server enforces for this person: `office` for the shared account. */
  role: Role;
  /** Their name on the Staff sheet ('' for the office account or someone not on it). */
  me: string;
  capabilities: Capability[];
  /** Settings: managers and specialists see only their own clients and events. */
  onlyOwn: boolean;
  /** The people a shared-account browser may choose to be (empty in the other modes). */
  staff: StaffEntry[];
}
