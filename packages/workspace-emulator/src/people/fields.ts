// The Person resource as the People API accepts and returns it: which fields a mask may name, which ones a write may
// set, which ones are singletons, and what Google computes itself (display names, canonical phone numbers).
// https://developers.google.com/people/api/rest/v1/people

import type { people_v1 } from '@googleapis/people';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { HTTP } from '../errors';
import { SAY } from './wording';

export type Person = people_v1.Schema$Person;
type Item = Record<string, unknown>;

/** Valid `personFields` / `readMask` paths (people.get reference). */
export const READ_FIELDS = [
  'addresses',
  'ageRanges',
  'biographies',
  'birthdays',
  'calendarUrls',
  'clientData',
  'coverPhotos',
  'emailAddresses',
  'events',
  'externalIds',
  'genders',
  'imClients',
  'interests',
  'locales',
  'locations',
  'memberships',
  'metadata',
  'miscKeywords',
  'names',
  'nicknames',
  'occupations',
  'organizations',
  'phoneNumbers',
  'photos',
  'relations',
  'sipAddresses',
  'skills',
  'urls',
  'userDefined',
] as const;

/** Valid `updatePersonFields` / `updateMask` paths (people.updateContact reference). */
export const UPDATE_FIELDS = [
  'addresses',
  'biographies',
  'birthdays',
  'calendarUrls',
  'clientData',
  'emailAddresses',
  'events',
  'externalIds',
  'genders',
  'imClients',
  'interests',
  'locales',
  'locations',
  'memberships',
  'miscKeywords',
  'names',
  'nicknames',
  'occupations',
  'organizations',
  'phoneNumbers',
  'relations',
  'sipAddresses',
  'urls',
  'userDefined',
] as const;

/** The stored, writable fields (memberships are kept apart, as group resource names). */
export const DATA_FIELDS = UPDATE_FIELDS.filter((f) => f !== 'memberships');

/**
 * "The request returns a 400 error if more than one field is specified on a field that is a singleton for contact
 * sources: biographies, birthdays, genders, names" (people.createContact / updateContact reference).
 */
export const SINGLETONS = ['names', 'biographies', 'birthdays', 'genders'] as const;

/** Person keys that exist in the resource but that a contact write cannot set; Google ignores them in a body. */
const READ_ONLY_KEYS = new Set([
  'resourceName',
  'etag',
  'metadata',
  'ageRange',
  'ageRanges',
  'braggingRights',
  'coverPhotos',
  'fileAses',
  'photos',
  'relationshipInterests',
  'relationshipStatuses',
  'residences',
  'skills',
  'taglines',
]);

/** Sub-fields Google computes ("Output only") and drops from what a client sends. */
const OUTPUT_ONLY_SUBFIELDS: Record<string, string[]> = {
  names: ['displayName', 'displayNameLastFirst'],
  phoneNumbers: ['canonicalForm', 'formattedType'],
  emailAddresses: ['formattedType'],
  addresses: ['formattedType'],
  events: ['formattedType'],
  genders: ['formattedValue'],
  imClients: ['formattedType', 'formattedProtocol'],
  urls: ['formattedType'],
  relations: ['formattedType'],
  calendarUrls: ['formattedType'],
  externalIds: ['formattedType'],
  miscKeywords: ['formattedType'],
  organizations: ['formattedType'],
  sipAddresses: ['formattedType'],
};

export type Mask = Set<string>;

/**
 * A field mask from a request (`'names,emailAddresses'`). Absent or empty: `undefined` when the caller has a default,
 * Google's "mask is required" error otherwise. A `person.` prefix is accepted, as Google does.
 */
export function parseMask(
  api: string,
  param: string,
  value: unknown,
  valid: readonly string[],
  opts: { required: boolean; url?: string; prefix?: string },
): Mask | undefined {
  const text = value === undefined || value === null ? '' : String(value);
  const paths = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (paths.length === 0) {
    if (opts.required) throw HTTP.badRequest(api, SAY.maskRequired(param, opts.url));
    return undefined;
  }
  const out: Mask = new Set();
  const prefix = opts.prefix ?? 'person.';
  for (const raw of paths) {
    const p = raw.startsWith(prefix) ? raw.slice(prefix.length) : raw;
    if (!valid.includes(p)) throw HTTP.badRequest(api, SAY.invalidMaskPath(param, raw, opts.url));
    out.add(p);
  }
  return out;
}

const isObject = (v: unknown): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Clean copy of a list field from a request, or Google's error for a malformed one. */
function cleanList(api: string, field: string, value: unknown): Item[] {
  if (!Array.isArray(value)) throw HTTP.badRequest(api, SAY.notArray(field));
  const drop = new Set(['metadata', ...(OUTPUT_ONLY_SUBFIELDS[field] ?? [])]);
  return value.map((item) => {
    if (!isObject(item)) throw HTTP.badRequest(api, SAY.notArray(field));
    const out: Item = {};
    for (const [k, v] of Object.entries(item))
      if (!drop.has(k) && v !== undefined && v !== null) out[k] = structuredClone(v);
    return out;
  });
}

/** Google's canonical (E.164) form of a number, parsed as the account's region would (RU); none if it is not a number. */
export function canonicalPhone(value: unknown, region: 'RU' = 'RU'): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const parsed = parsePhoneNumberFromString(value, region);
  return parsed?.isValid() ? parsed.number : undefined;
}

function computeName(n: Item): void {
  const s = (k: string) => (typeof n[k] === 'string' ? (n[k] as string).trim() : '');
  const full = [s('honorificPrefix'), s('givenName'), s('middleName'), s('familyName'), s('honorificSuffix')]
    .filter(Boolean)
    .join(' ');
  const display = full || s('unstructuredName');
  if (!display) return;
  n.displayName = display;
  const first = [s('givenName'), s('middleName')].filter(Boolean).join(' ');
  n.displayNameLastFirst = s('familyName') && first ? `${s('familyName')}, ${first}` : display;
  if (!s('unstructuredName')) n.unstructuredName = display;
}

/** What Google computes on write: display names and canonical phone numbers. */
function computeOutputs(data: Person): void {
  for (const n of (data.names ?? []) as Item[]) computeName(n);
  for (const p of (data.phoneNumbers ?? []) as Item[]) {
    const canonical = canonicalPhone(p.value);
    if (canonical) p.canonicalForm = canonical;
  }
}

/** The fields of a Person request body: checked like Google checks them, cleaned of what the client may not set. */
export interface CleanPerson {
  data: Person;
  /** Group resource names named in `memberships[].contactGroupMembership.contactGroupResourceName`, if present. */
  groups?: string[];
}

export function cleanPerson(api: string, body: unknown, at = 'person'): CleanPerson {
  if (!isObject(body)) throw HTTP.badRequest(api, SAY.unknownField(String(body), at));
  const data: Person = {};
  let groups: string[] | undefined;
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    if (READ_ONLY_KEYS.has(key)) continue;
    if (key === 'memberships') {
      if (!Array.isArray(value)) throw HTTP.badRequest(api, SAY.notArray(key));
      groups = [];
      for (const m of value) {
        const name =
          isObject(m) && isObject(m.contactGroupMembership)
            ? m.contactGroupMembership.contactGroupResourceName
            : undefined;
        // contactGroupId is output only: "Only contact_group_resource_name can be used for modifying memberships."
        if (typeof name === 'string' && name) groups.push(name);
      }
      continue;
    }
    if (!(DATA_FIELDS as readonly string[]).includes(key)) throw HTTP.badRequest(api, SAY.unknownField(key, at));
    const list = cleanList(api, key, value);
    if (list.length) (data as Record<string, unknown>)[key] = list;
  }
  for (const f of SINGLETONS) if ((data[f]?.length ?? 0) > 1) throw HTTP.badRequest(api, SAY.singleton(f));
  computeOutputs(data);
  return { data, groups };
}

/** Field-level metadata Google adds to every value of a contact: which source it came from, which one is primary. */
function withMetadata(field: string, items: Item[], sourceId: string): Item[] {
  return items.map((item, i) => {
    const source = { type: 'CONTACT', id: sourceId };
    const metadata =
      field === 'memberships' || field === 'clientData' ? { source } : { primary: i === 0 || undefined, source };
    if (metadata.primary === undefined) delete metadata.primary;
    return { metadata, ...structuredClone(item) };
  });
}

export interface ContactView {
  id: string;
  resourceName: string;
  etag: string;
  sourceEtag: string;
  updateTime: string;
  data: Person;
  memberships: Array<{ contactGroupId: string; contactGroupResourceName: string }>;
}

/** A contact as a response shows it: `resourceName` and `etag` always, then only the masked fields that have values. */
export function project(c: ContactView, mask: Mask | undefined): Person {
  const out: Record<string, unknown> = { resourceName: c.resourceName, etag: c.etag };
  const wants = (f: string) => !mask || mask.has(f);
  if (wants('metadata')) {
    out.metadata = {
      sources: [{ type: 'CONTACT', id: c.id, etag: c.sourceEtag, updateTime: c.updateTime }],
      objectType: 'PERSON',
    };
  }
  for (const f of DATA_FIELDS) {
    const items = (c.data as Record<string, Item[] | undefined>)[f];
    if (wants(f) && items?.length) out[f] = withMetadata(f, items, c.id);
  }
  if (wants('memberships') && c.memberships.length) {
    out.memberships = withMetadata(
      'memberships',
      c.memberships.map((m) => ({ contactGroupMembership: { ...m } })),
      c.id,
    );
  }
  return out as Person;
}
