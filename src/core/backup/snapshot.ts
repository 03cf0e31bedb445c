// A People contact as a backup keeps it, and its fingerprint. The backup keeps every field the person has, so a
// restore can bring back what Google held; it leaves out what changes without anyone touching the contact (etag,
// metadata and its sources, the locale-formatted `formattedType`s) and what a restore cannot write (photos, cover
// photos), so a contact nobody edited hashes the same every night. Labels are kept by NAME: group resourceNames
// differ between accounts, and a restore into a fresh account recreates them.

import { withoutCrmLines } from '../clients/crm-line';
import { hash64 } from '../hash';
import type { Person } from '../import/types';
import type { BackupContact } from './types';

/** Top-level keys of a Person a backup leaves out: volatile (etag, metadata), read-only pictures, and memberships
 *  (kept as label names in BackupContact.labels instead). */
const DROPPED_FIELDS = new Set(['etag', 'metadata', 'photos', 'coverPhotos', 'memberships']);

/** Keys inside field values People computes for the viewer (field metadata with its sources, types and names
 *  formatted in the account's language): output only, they change when the account's language does. */
const DROPPED_VALUE_KEYS = new Set(['metadata', 'formattedType', 'formattedProtocol', 'displayNameLastFirst']);

/** A value with nothing in it: absent, null, '', [] or {} (People sends empty fields now and then). */
function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

/** The value without field metadata, output-only formatting and empty parts, keys as they came. */
function cleanValue(v: unknown, field: string): unknown {
  if (Array.isArray(v)) return v.map((x) => cleanValue(x, field)).filter((x) => !isEmpty(x));
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    // A gender's formattedValue is People's translation of `value`; an address's formattedValue is what was typed.
    if (DROPPED_VALUE_KEYS.has(k) || (field === 'genders' && k === 'formattedValue')) continue;
    const c = cleanValue(x, field);
    if (!isEmpty(c)) out[k] = c;
  }
  return out;
}

/** The Person as a backup keeps it (also run on backups read back, so it must be idempotent). */
export function backupPerson(person: Person): Person {
  const out: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(person as Record<string, unknown>)) {
    if (DROPPED_FIELDS.has(field)) continue;
    const c = cleanValue(v, field);
    if (!isEmpty(c)) out[field] = c;
  }
  return out as Person;
}

function groupOf(m: NonNullable<Person['memberships']>[number]): string {
  return String(m.contactGroupMembership?.contactGroupResourceName ?? '');
}

/**
 * The backup of one contact. `groupNames`: the office's USER contact groups, resourceName → name (server
 * people/labels.ts labelNames()); memberships of anything else (myContacts, starred, other system groups) are left
 * out, as the card and the exports do.
 */
export function toBackupContact(person: Person, groupNames: Map<string, string>): BackupContact {
  const labels = new Set<string>();
  for (const m of person.memberships ?? []) {
    const name = groupNames.get(groupOf(m));
    if (name) labels.add(name);
  }
  return { person: backupPerson(person), labels: sortedLabels([...labels]) };
}

/** Label names in one fixed order (code-unit order: the same in Node and Apps Script, whatever the locale). */
export function sortedLabels(labels: string[]): string[] {
  return [...new Set(labels)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** JSON with every object's keys sorted, recursively; array order is kept (a contact's first phone is its main). */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** The contact's canonical JSON: cleaned like a backup (so a raw People Person with etag and metadata gives the same
 *  text as its backup), keys sorted, labels sorted, the note without the CRM line (rewritten after every event, it is
 *  no change to the client: the nightly sync must not take the CRM's own writes for outside ones). What a restore
 *  compares and contactHash hashes. The backup itself keeps the whole note. */
export function canonicalContact(c: BackupContact): string {
  const person = backupPerson(c.person);
  if (person.biographies) {
    const notes = withoutCrmLines(person.biographies) as Person['biographies'];
    if (notes?.length) person.biographies = notes;
    else delete person.biographies;
  }
  return canonicalJson({ person, labels: sortedLabels(c.labels ?? []) });
}

/** 16 hex digits (core/hash.ts) of the canonical contact: equal exactly when the backed-up content is. */
export function contactHash(c: BackupContact): string {
  return hash64(canonicalContact(c));
}
