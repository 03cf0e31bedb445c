// The People directory port (core/ports/people.ts) over googleapis' People API v1 (REST), for `--target google`. Requests the API refused before doing
// anything (429, 503) are retried with backoff; anything else surfaces, as on the server (a retried create whose
// answer was lost would create twice — the plan's resume handles that instead).

import { people, people_v1 } from '@googleapis/people';
import type { OAuth2Client } from 'google-auth-library';
import type { ContactGroupRef } from '../../core/import/plan';
import type { Person } from '../../core/import/types';
import { LISTED_PERSON_FIELDS, type AsyncPeopleDirectory } from '../../core/ports/people';

async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const code = Number((e as { code?: unknown; status?: unknown }).code ?? (e as { status?: unknown }).status);
      if (i >= attempts || (code !== 429 && code !== 503)) throw e;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** (i - 1)));
    }
  }
}

export function googlePeople(auth: OAuth2Client): AsyncPeopleDirectory {
  const api: people_v1.People = people({ version: 'v1', auth });
  return {
    async listContacts() {
      const out: Person[] = [];
      let pageToken: string | undefined;
      do {
        const page = await withRetry(() =>
          api.people.connections.list({
            resourceName: 'people/me',
            personFields: LISTED_PERSON_FIELDS,
            pageSize: 1000,
            pageToken,
          }),
        );
        out.push(...(page.data.connections ?? []));
        pageToken = page.data.nextPageToken ?? undefined;
      } while (pageToken);
      return out;
    },
    async listUserGroups() {
      const out: ContactGroupRef[] = [];
      let pageToken: string | undefined;
      do {
        const page = await withRetry(() =>
          api.contactGroups.list({ pageSize: 1000, pageToken, groupFields: 'name,groupType' }),
        );
        for (const g of page.data.contactGroups ?? [])
          if (g.groupType === 'USER_CONTACT_GROUP')
            out.push({ name: String(g.name), resourceName: String(g.resourceName) });
        pageToken = page.data.nextPageToken ?? undefined;
      } while (pageToken);
      return out;
    },
    async createGroup(name) {
      const r = await withRetry(() => api.contactGroups.create({ requestBody: { contactGroup: { name } } }));
      return String(r.data.resourceName);
    },
    async deleteGroup(resourceName) {
      await withRetry(() => api.contactGroups.delete({ resourceName, deleteContacts: false }));
    },
    async batchCreate(persons) {
      const r = await withRetry(() =>
        api.people.batchCreateContacts({
          requestBody: { contacts: persons.map((contactPerson) => ({ contactPerson })), readMask: 'metadata' },
        }),
      );
      return (r.data.createdPeople ?? []).map((c) => c.person ?? {});
    },
    async batchUpdate(contacts, updateMask) {
      await withRetry(() =>
        api.people.batchUpdateContacts({ requestBody: { contacts, updateMask, readMask: 'metadata' } }),
      );
    },
    async batchDelete(resourceNames) {
      await withRetry(() => api.people.batchDeleteContacts({ requestBody: { resourceNames } }));
    },
    async getContacts(resourceNames) {
      const r = await withRetry(() => api.people.getBatchGet({ resourceNames, personFields: LISTED_PERSON_FIELDS }));
      return (r.data.responses ?? []).map((x) => x.person ?? {}).filter((p) => p.resourceName);
    },
    async modifyMembers(group, add, remove) {
      await withRetry(() =>
        api.contactGroups.members.modify({
          resourceName: group,
          requestBody: { resourceNamesToAdd: add, resourceNamesToRemove: remove },
        }),
      );
    },
  };
}
