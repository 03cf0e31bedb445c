// The People directory an import (and undo) needs: the account's contacts and labels, and the batch writes, each
// one People API request within its documented size limit (core/import/plan/batches.ts PEOPLE_LIMITS) — callers
// never split. Implemented for Apps Script by src/server/people/gateway.ts and for `--target google` over googleapis
// by src/local/google/people-client.ts (as Promises: see core/ports/steps.ts).

import { FIELD_ORDER, MERGE_FIELDS } from '../import/plan/fields';
import type { ContactGroupRef } from '../import/plan/types';
import type { Person } from '../import/types';
import type { PromisedPort } from './steps';

export interface PeopleDirectory {
  /** Every contact, with LISTED_PERSON_FIELDS. */
  listContacts(): Person[];
  /** The user contact groups (labels), not the system ones. */
  listUserGroups(): ContactGroupRef[];
  /** Returns the new group's resourceName. */
  createGroup(name: string): string;
  /** The group only: its contacts stay. */
  deleteGroup(resourceName: string): void;
  /** ≤ 200; returns the created persons (resourceName at least), in request order. */
  batchCreate(persons: Person[]): Person[];
  /** ≤ 200, one mask for the whole batch; each person carries its etag. */
  batchUpdate(contacts: Record<string, Person>, updateMask: string): void;
  /** ≤ 500. */
  batchDelete(resourceNames: string[]): void;
  /** ≤ 1000 names, added and removed together. */
  modifyMembers(group: string, add: string[], remove: string[]): void;
  /** ≤ 200 contacts as they are now, with LISTED_PERSON_FIELDS (one getBatchGet); deleted ones are left out. */
  getContacts(resourceNames: string[]): Person[];
}

/** The directory as googleapis offers it. */
export type AsyncPeopleDirectory = PromisedPort<PeopleDirectory>;

/** What a listing reads: every field a merge may touch, plus what labels and identifies a contact. */
export const LISTED_PERSON_FIELDS = [...MERGE_FIELDS, 'memberships', 'metadata'].join(',');

/** What a backup lists: every field of FIELD_ORDER the People API reads (its personFields do not take `fileAses`,
 *  people.get reference), `locales`, which no import writes but a person may have set, and the labels. */
export const BACKUP_PERSON_FIELDS = [...FIELD_ORDER.filter((f) => f !== 'fileAses'), 'locales', 'memberships'].join(
  ',',
);
