// The `People` advanced service (People API v1) as an Apps Script project sees it once the manifest enables it
// (`{"userSymbol":"People","serviceId":"peopleapi","version":"v1"}`). Every method is a counted round trip through
// ServiceContext; the state is the PeopleStore. https://developers.google.com/apps-script/advanced/people

import { ServiceContext } from '../context';
import { ContactGroupsCollection } from './contact-groups';
import { PeopleCollection } from './people-collection';
import { PeopleQuota } from './quotas';
import { PeopleStore } from './store';

/** The subset of GoogleAppsScript.People the project uses, with Google's method names and parameter types. */
export class PeopleService {
  readonly People: PeopleCollection;
  readonly ContactGroups: ContactGroupsCollection;

  constructor(store: PeopleStore, ctx: ServiceContext, quota: PeopleQuota) {
    this.People = new PeopleCollection(store, ctx, quota);
    this.ContactGroups = new ContactGroupsCollection(store, ctx, quota);
  }
}

/** `quota` is the account's (Workspace.peopleQuota); without one, nothing is limited (unit tests of the service). */
export function createPeople(
  store: PeopleStore,
  ctx: ServiceContext,
  quota = new PeopleQuota(undefined, () => ctx.clock.now()),
): PeopleService {
  return new PeopleService(store, ctx, quota);
}
