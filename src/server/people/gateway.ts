// The People API requests the server makes in bulk, and the Apps Script adapter of the People directory port
// (core/ports/people.ts) that the import executor works against (peopleDirectory below). Each function is one
// documented request shape with its documented size limit; callers batch with the constants below. Requests the API
// rejected before applying them (429 quota, 503) are retried with backoff; anything else surfaces, because a retried
// create whose response was lost would create the contacts twice.
// Single-contact requests go to peopleApi() directly where they are made: export paging (export/contacts.ts),
// the Gmail card's create (gmail/add-client.ts), resolving an event's client (clients/resolve.ts) and the
// contact count (people/people.ts).

import type { PeopleDirectory } from '../../core/ports/people';
import { LISTED_PERSON_FIELDS } from '../../core/ports/people';
import { isDailyQuotaError, markResumeLater } from '../../core/ports/people-errors';
import { peopleApi } from './people';

export type Person = GoogleAppsScript.People.Schema.Person;
export type ContactGroup = GoogleAppsScript.People.Schema.ContactGroup;

/** Documented limits (platform.md §2). */
export const LIMITS = {
  page: 1000,
  createBatch: 200,
  updateBatch: 200,
  deleteBatch: 500,
  getBatch: 200,
  membersModify: 1000,
} as const;

export const CARD_FIELDS = LISTED_PERSON_FIELDS;

function status(e: unknown): number | undefined {
  return (e as { details?: { code?: number } })?.details?.code;
}

/** Short backoffs (1 s, 2 s, 4 s) for a 503, and for a quota answer where no budget was given (a card's 30 s). */
const SHORT_BACKOFF_MS = [1000, 2000, 4000];
/**
 * A per-minute quota refills within a minute: waits that add up past one window (16 s, 32 s, 64 s; GAM backs off
 * 16 s a retry on the same answer, taers232c/GAMADV-XTD3#315). Google sends People no Retry-After or RetryInfo
 * (a captured 429 carries only ErrorInfo), and Apps Script shows no headers anyway.
 */
const QUOTA_BACKOFF_MS = [16_000, 32_000, 64_000];

/** Until when the current execution may wait on a quota (set by a long run such as the import); none by default. */
let waitDeadline: number | undefined;

/** Runs `fn` allowing quota waits until `deadline` (epoch ms); the import's run sets its own budget's end. */
export function withQuotaDeadline<T>(deadline: number, fn: () => T): T {
  const outer = waitDeadline;
  waitDeadline = deadline;
  try {
    return fn();
  } finally {
    waitDeadline = outer;
  }
}

/**
 * Requests the API refused before applying them are sent again after a wait: a 503, or a quota answer. A daily
 * quota is not waited on (it refills tomorrow); a wait that would pass the execution's deadline is not started: the
 * error goes up marked `resumeLater` (core/ports/people-errors.ts), so the import stops cleanly and a later
 * execution carries on.
 */
export function withRetry<T>(fn: () => T, attempts = 4): T {
  for (let i = 1; ; i++) {
    try {
      return fn();
    } catch (e) {
      const code = status(e);
      if (i >= attempts || (code !== 429 && code !== 503) || isDailyQuotaError(e)) throw e;
      const long = code === 429 && waitDeadline !== undefined;
      const wait = (long ? QUOTA_BACKOFF_MS : SHORT_BACKOFF_MS)[Math.min(i, 3) - 1];
      if (long && Date.now() + wait > waitDeadline!) throw markResumeLater(e);
      Utilities.sleep(wait);
    }
  }
}

/** Every contact of the account, a page of 1000 at a time (the fewest requests the API allows). */
export function listAllContacts(personFields = CARD_FIELDS): Person[] {
  const out: Person[] = [];
  let pageToken: string | undefined;
  do {
    const page = withRetry(() =>
      peopleApi().People!.Connections!.list('people/me', { personFields, pageSize: LIMITS.page, pageToken }),
    );
    out.push(...(page.connections ?? []));
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
  return out;
}

/** The office's labels (user contact groups), by name. */
export function listUserGroups(): ContactGroup[] {
  const out: ContactGroup[] = [];
  let pageToken: string | undefined;
  do {
    const page = withRetry(() =>
      peopleApi().ContactGroups!.list({ pageSize: LIMITS.page, pageToken, groupFields: 'name,groupType,memberCount' }),
    );
    out.push(...(page.contactGroups ?? []).filter((g) => g.groupType === 'USER_CONTACT_GROUP'));
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
  return out;
}

export function createGroup(name: string): string {
  return String(withRetry(() => peopleApi().ContactGroups!.create({ contactGroup: { name } })).resourceName);
}

/** Removes the group only; its contacts stay. */
export function deleteGroup(resourceName: string): void {
  withRetry(() => peopleApi().ContactGroups!.remove(resourceName, { deleteContacts: false }));
}

export function batchCreate(persons: Person[], readMask = 'metadata,clientData'): Person[] {
  if (persons.length > LIMITS.createBatch) throw new Error(`batchCreate takes at most ${LIMITS.createBatch} contacts`);
  const response = withRetry(() =>
    peopleApi().People!.batchCreateContacts({
      contacts: persons.map((contactPerson) => ({ contactPerson })),
      readMask,
    }),
  );
  return (response.createdPeople ?? []).map((r) => r.person ?? {});
}

export function batchUpdate(
  contacts: Record<string, Person>,
  updateMask: string,
  readMask = 'metadata',
): Record<string, Person> {
  if (Object.keys(contacts).length > LIMITS.updateBatch)
    throw new Error(`batchUpdate takes at most ${LIMITS.updateBatch} contacts`);
  const response = withRetry(() => peopleApi().People!.batchUpdateContacts({ contacts, updateMask, readMask }));
  const out: Record<string, Person> = {};
  for (const [name, r] of Object.entries(response.updateResult ?? {})) out[name] = r.person ?? {};
  return out;
}

export function batchDelete(resourceNames: string[]): void {
  for (let i = 0; i < resourceNames.length; i += LIMITS.deleteBatch) {
    const chunk = resourceNames.slice(i, i + LIMITS.deleteBatch);
    withRetry(() => peopleApi().People!.batchDeleteContacts({ resourceNames: chunk }));
  }
}

export function getBatch(resourceNames: string[], personFields = CARD_FIELDS): Person[] {
  const out: Person[] = [];
  for (let i = 0; i < resourceNames.length; i += LIMITS.getBatch) {
    const chunk = resourceNames.slice(i, i + LIMITS.getBatch);
    const r = withRetry(() => peopleApi().People!.getBatchGet({ resourceNames: chunk, personFields }));
    out.push(...(r.responses ?? []).map((x) => x.person ?? {}).filter((p) => p.resourceName));
  }
  return out;
}

export function modifyMembers(group: string, add: string[], remove: string[] = []): void {
  const all = [...add.map((n) => ['add', n] as const), ...remove.map((n) => ['remove', n] as const)];
  for (let i = 0; i < all.length; i += LIMITS.membersModify) {
    const chunk = all.slice(i, i + LIMITS.membersModify);
    withRetry(() =>
      peopleApi().ContactGroups!.Members!.modify(
        {
          resourceNamesToAdd: chunk.filter((c) => c[0] === 'add').map((c) => c[1]),
          resourceNamesToRemove: chunk.filter((c) => c[0] === 'remove').map((c) => c[1]),
        },
        group,
      ),
    );
  }
}

/** The People directory the import executor needs, over the functions above. */
export const peopleDirectory: PeopleDirectory = {
  listContacts: () => listAllContacts(),
  listUserGroups: () => listUserGroups().map((g) => ({ name: String(g.name), resourceName: String(g.resourceName) })),
  createGroup,
  deleteGroup,
  batchCreate: (persons) => batchCreate(persons as Person[]),
  batchUpdate: (contacts, updateMask) => void batchUpdate(contacts as Record<string, Person>, updateMask),
  batchDelete,
  modifyMembers,
  getContacts: (resourceNames) => getBatch(resourceNames),
};
