// What the CLI needs from a Google account's contacts, as promises: implemented over googleapis for a real account
// (people-client.ts) and over the emulator for tests. Sizes follow the People API limits the plan already respects.

import type { Person } from '../../core/import/types';

export interface GroupRef {
  name: string;
  resourceName: string;
}

export interface PeoplePort {
  /** Every contact, with the fields a plan and an export need (names … clientData, memberships, metadata). */
  listContacts(): Promise<Person[]>;
  /** User contact groups (labels). */
  listGroups(): Promise<GroupRef[]>;
  createGroup(name: string): Promise<string>;
  deleteGroup(resourceName: string): Promise<void>;
  /** ≤ 200; returns the created persons (resourceName at least), in order. */
  batchCreate(persons: Person[]): Promise<Person[]>;
  /** ≤ 200, one mask for the batch. */
  batchUpdate(contacts: Record<string, Person>, updateMask: string): Promise<void>;
  /** ≤ 500. */
  batchDelete(resourceNames: string[]): Promise<void>;
  /** ≤ 1000 names in all. */
  modifyMembers(group: string, add: string[], remove: string[]): Promise<void>;
}

/** The fields the listing reads: everything the merge may touch, plus what identifies and labels a contact. */
export const LIST_FIELDS =
  'names,nicknames,birthdays,biographies,organizations,phoneNumbers,emailAddresses,addresses,urls,events,userDefined,clientData,memberships,metadata';
