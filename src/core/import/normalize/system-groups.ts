// Google's system groups as its CSV writes them in the Labels / Group Membership column: `* myContacts`,
// `* My Contacts`, `* Starred` (the asterisk marks a system group; older exports use the formatted name, newer ones
// the id), joined with ` ::: ` to the user's own labels. They are not labels the office made: an import must never
// create a label of that name.
//
// - My Contacts: every contact the API creates is in it anyway; nothing to carry over.
// - Starred: the People API lets a contact be ADDED to `contactGroups/starred` (the only system group besides
//   myContacts that accepts new members, ContactGroupMembership reference; platform.md), so a starred row stays
//   starred: the row carries the STARRED marker and the plan maps it to that group instead of creating a label.
// - Friends, Family, Coworkers (deprecated system groups): members can no longer be added to them, so the office's
//   grouping is kept as a user label of that name (without the asterisk), as before.

/** The label a row carries for "starred in Google": the plan turns it into membership of `contactGroups/starred`. */
export const STARRED_LABEL = '* Starred';
export const STARRED_GROUP = 'contactGroups/starred';

export type SystemGroup = 'myContacts' | 'starred';

const SYSTEM: Record<string, SystemGroup> = { mycontacts: 'myContacts', starred: 'starred' };

/** The system group a label cell's entry names (`* My Contacts`, `*myContacts`, `* Starred`), if it is one. */
export function googleSystemGroup(text: string): SystemGroup | undefined {
  const key = text
    .replace(/^\s*\*/, '')
    .replace(/\s+/g, '')
    .toLowerCase();
  return SYSTEM[key];
}
