// The People advanced service is a global only when the manifest enables it; say so plainly when it is not.

export function peopleApi(): GoogleAppsScript.People {
  if (typeof People === 'undefined' || !People) {
    throw new Error(
      'The People API advanced service is not enabled for this project (appsscript.json → dependencies).',
    );
  }
  return People;
}

/** Counts the account's contacts with the cheapest request the API allows: one page of one person, totals only. */
export function contactsCount(): number {
  const page = peopleApi().People!.Connections!.list('people/me', { personFields: 'metadata', pageSize: 1 });
  return page.totalPeople ?? page.totalItems ?? 0;
}
