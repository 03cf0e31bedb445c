// A contact's labels by name: Google Contacts files them as memberships of contact groups, by resource name.

import { createGroup, listUserGroups, Person } from './gateway';

/** The office's own labels (user contact groups): resource name → name, in one ContactGroups listing. */
export function labelNames(): Map<string, string> {
  return new Map(listUserGroups().map((g) => [String(g.resourceName), String(g.formattedName || g.name || '')]));
}

/** The names of the labels `person` carries; system groups (not in `groups`) are left out. */
export function labelsOf(person: Person, groups: Map<string, string>): string[] {
  // contactGroupResourceName is in the REST resource (people_v1) but missing from the Apps Script typings.
  return (person.memberships ?? [])
    .map((m) =>
      groups.get(
        String(
          (m.contactGroupMembership as { contactGroupResourceName?: string } | undefined)?.contactGroupResourceName ??
            '',
        ),
      ),
    )
    .filter((n): n is string => !!n);
}

/**
 * The group resourceNames of label names (any case), creating the ones the office does not have yet; `groups` (from
 * labelNames) learns the new ones.
 */
export function labelGroups(labels: string[], groups: Map<string, string>): string[] {
  const byName = new Map([...groups].map(([rn, name]) => [name.toLowerCase(), rn]));
  return labels.map((name) => {
    const known = byName.get(name.toLowerCase());
    if (known) return known;
    const rn = createGroup(name);
    groups.set(rn, name);
    byName.set(name.toLowerCase(), rn);
    return rn;
  });
}
