// Export reads the account a page at a time (1000 contacts, the API's largest page) and hands each page to the
// sidebar, which writes the file in the browser: the writers (SheetJS for xlsx) stay out of the server bundle.

import type { ExportPage, ExportPageInput } from '../../shared/import-dto';
import { CARD_FIELDS, LIMITS, listUserGroups, withRetry } from '../people/gateway';
import { peopleApi } from '../people/people';

export function exportPage(input: ExportPageInput): ExportPage {
  const groups = listUserGroups();
  const nameOf = new Map(groups.map((g) => [String(g.resourceName), String(g.name)]));
  const wanted = input.label
    ? groups.find((g) => String(g.name).toLowerCase() === input.label!.toLowerCase())
    : undefined;
  if (input.label && !wanted) throw new Error(`There is no label "${input.label}" in Google Contacts.`);
  const page = withRetry(() =>
    peopleApi().People!.Connections!.list('people/me', {
      personFields: CARD_FIELDS,
      pageSize: LIMITS.page,
      pageToken: input.pageToken || undefined,
      sortOrder: 'LAST_NAME_ASCENDING',
    }),
  );
  const contacts: ExportPage['contacts'] = [];
  for (const person of page.connections ?? []) {
    // contactGroupResourceName is in the REST resource but missing from the Apps Script typings.
    const groupNames = (person.memberships ?? []).map((m) =>
      String(
        (m.contactGroupMembership as { contactGroupResourceName?: string } | undefined)?.contactGroupResourceName ?? '',
      ),
    );
    if (wanted && !groupNames.includes(String(wanted.resourceName))) continue;
    const labels = groupNames.map((g) => nameOf.get(g)).filter((n): n is string => !!n);
    contacts.push({ person: JSON.parse(JSON.stringify(person)), labels });
  }
  return { contacts, nextPageToken: page.nextPageToken || null, labels: groups.map((g) => String(g.name)) };
}
