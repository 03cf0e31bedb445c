// How an incoming contact is folded into one that already exists (another row of the file, or the account's
// contact). The rule the office was promised: fill what is empty, add what is new, never overwrite what someone
// already typed — a filled field that disagrees is left alone and reported as a conflict for the preview.
//
//  - biographies (notes): new lines are appended, nothing is replaced.
//  - names, birthdays, genders: singletons for contact sources (updateContact doc). Filled when empty;
//    a structured name/birthday also gets its empty parts filled (a family name, a birth year) when no filled part
//    disagrees; anything else that differs is a conflict.
//  - organizations: the first one is treated like a name (filled when empty, empty parts filled, else conflict).
//  - phoneNumbers (by E.164), emailAddresses (lower-cased), urls, addresses, nicknames and any other list: new
//    entries are appended.
//  - events, userDefined, clientData are keyed (event type, custom-field key, client-data key): a new key is
//    appended, the same key with another value is a conflict (two "Менеджер" fields would be worse than a warning).
//  - memberships never travel in the person: labels are applied through contact groups.

import type { Person } from '../types';
import {
  addressKey,
  dateKey,
  emailKey,
  comparableText,
  phoneKeys,
  phoneMergeKey,
  stripOutputOnly,
  urlKey,
  type PhoneKey,
} from './keys';
import { FIELD_ORDER } from './fields';

export interface FieldConflict {
  /** Top-level People field (`names`, `birthdays`, `userDefined`…). */
  field: string;
  /** For keyed fields: the event type, custom-field key or client-data key. */
  key?: string;
  /** The value kept, as a person would read it. */
  existing: string;
  /** The value not written. */
  incoming: string;
}

export interface MergeResult {
  person: Person;
  /** Top-level fields whose value changed, in FIELD_ORDER. */
  changed: string[];
  conflicts: FieldConflict[];
}

/** Never merged: identity, server-owned or handled elsewhere (memberships are labels). */
const NOT_MERGED = new Set([
  'resourceName',
  'etag',
  'metadata',
  'memberships',
  'photos',
  'coverPhotos',
  'ageRange',
  'ageRanges',
]);

type Entry = Record<string, unknown>;
const s = (v: unknown) => (v == null ? '' : String(v));

const NAME_SUBS = [
  'honorificPrefix',
  'givenName',
  'middleName',
  'familyName',
  'honorificSuffix',
  'phoneticGivenName',
  'phoneticMiddleName',
  'phoneticFamilyName',
];
const ORG_SUBS = ['name', 'title', 'department', 'jobDescription', 'symbol', 'location', 'domain', 'phoneticName'];
/** Parts Google derives from the structured ones: dropped when we fill a part, so it recomputes them. */
const NAME_DERIVED = ['displayName', 'displayNameLastFirst', 'unstructuredName', 'phoneticFullName'];

export function displayValue(field: string, e: Entry | undefined): string {
  if (!e) return '';
  switch (field) {
    case 'names': {
      const parts = ['honorificPrefix', 'familyName', 'givenName', 'middleName', 'honorificSuffix']
        .map((k) => s(e[k]).trim())
        .filter(Boolean);
      return parts.join(' ') || s(e.unstructuredName ?? e.displayName);
    }
    case 'organizations':
      return ['name', 'title', 'department']
        .map((k) => s(e[k]).trim())
        .filter(Boolean)
        .join(', ');
    case 'birthdays':
      return dateKey(e.date as never, e.text as never);
    case 'events':
      return dateKey(e.date as never);
    default:
      return 'value' in e ? s(e.value) : JSON.stringify(stripOutputOnly(e));
  }
}

function clean(e: Entry): Entry {
  const { metadata: _m, ...rest } = e;
  return rest;
}

function listOf(p: Person, field: string): Entry[] {
  const v = (p as Record<string, unknown>)[field];
  return Array.isArray(v) ? (v as Entry[]) : [];
}

function tokens(text: string): string {
  return comparableText(text).split(' ').filter(Boolean).sort().join(' ');
}

interface FieldOutcome {
  value?: Entry[];
  conflicts: FieldConflict[];
}

/** A structured singleton: names, the first organisation. */
function mergeStructured(field: string, subs: string[], base: Entry[], inc: Entry[]): FieldOutcome {
  const i = inc.find(
    (e) => subs.some((k) => comparableText(s(e[k]))) || (field === 'names' && comparableText(s(e.unstructuredName))),
  );
  if (!i) return { conflicts: [] };
  const e = base[0];
  const filled = (x: Entry | undefined) =>
    !!x &&
    (subs.some((k) => comparableText(s(x[k]))) ||
      (field === 'names' && !!comparableText(s(x.unstructuredName ?? x.displayName))));
  if (!filled(e)) return { value: [clean(i), ...base.slice(1)], conflicts: [] };
  const conflict = { conflicts: [{ field, existing: displayValue(field, e), incoming: displayValue(field, i) }] };
  const eStructured = subs.some((k) => comparableText(s(e[k])));
  const iStructured = subs.some((k) => comparableText(s(i[k])));
  if (!eStructured || !iStructured) {
    // One side is free text only ("Иван Иванов"): the same words in any order are the same name.
    const text = (x: Entry, structured: boolean) =>
      structured ? displayValue(field, x) : s(x.unstructuredName ?? x.displayName);
    return tokens(text(e, eStructured)) === tokens(text(i, iStructured)) ? { conflicts: [] } : conflict;
  }
  if (
    subs.some(
      (k) => comparableText(s(e[k])) && comparableText(s(i[k])) && comparableText(s(e[k])) !== comparableText(s(i[k])),
    )
  )
    return conflict;
  const fills = subs.filter((k) => !comparableText(s(e[k])) && comparableText(s(i[k])));
  if (!fills.length) return { conflicts: [] };
  const next: Entry = { ...e };
  if (field === 'names') for (const k of NAME_DERIVED) delete next[k];
  for (const k of fills) next[k] = i[k];
  return { value: [next, ...base.slice(1)], conflicts: [] };
}

function mergeBirthday(base: Entry[], inc: Entry[]): FieldOutcome {
  const i = inc.find((x) => dateKey(x.date as never, x.text as never));
  if (!i) return { conflicts: [] };
  const e = base.find((x) => dateKey(x.date as never, x.text as never));
  if (!e) return { value: [clean(i)], conflicts: [] };
  const ed = e.date as { year?: number | null; month?: number | null; day?: number | null } | undefined;
  const id = i.date as typeof ed;
  const conflict = {
    conflicts: [{ field: 'birthdays', existing: displayValue('birthdays', e), incoming: displayValue('birthdays', i) }],
  };
  if (ed?.month && ed.day && id?.month && id.day) {
    if (ed.month !== id.month || ed.day !== id.day) return conflict;
    if (ed.year && id.year && ed.year !== id.year) return conflict;
    if (!ed.year && id.year) {
      const { text: _t, ...rest } = e;
      return { value: [{ ...rest, date: { ...ed, year: id.year } }], conflicts: [] };
    }
    return { conflicts: [] };
  }
  return dateKey(ed, e.text as never) === dateKey(id, i.text as never) ? { conflicts: [] } : conflict;
}

function mergeSingleValue(field: string, base: Entry[], inc: Entry[]): FieldOutcome {
  const i = inc.find((x) => comparableText(s(x.value)));
  if (!i) return { conflicts: [] };
  const e = base.find((x) => comparableText(s(x.value)));
  if (!e) return { value: [clean(i)], conflicts: [] };
  if (comparableText(s(e.value)) === comparableText(s(i.value))) return { conflicts: [] };
  return { conflicts: [{ field, existing: displayValue(field, e), incoming: displayValue(field, i) }] };
}

/**
 * Notes are one text, but a person adds to notes rather than replaces them: lines the contact does not already have
 * are appended (so a value the cleaner could not place, kept in the notes, survives a merge), nothing is removed.
 */
function mergeNotes(base: Entry[], inc: Entry[]): FieldOutcome {
  const i = inc.find((x) => comparableText(s(x.value)));
  if (!i) return { conflicts: [] };
  const e = base.find((x) => comparableText(s(x.value)));
  if (!e) return { value: [clean(i)], conflicts: [] };
  const have = new Set(s(e.value).split('\n').map(comparableText));
  const extra = s(i.value)
    .split('\n')
    .filter((line) => comparableText(line) && !have.has(comparableText(line)));
  if (!extra.length) return { conflicts: [] };
  return { value: [{ ...clean(e), value: [s(e.value), ...extra].join('\n') }], conflicts: [] };
}

/** Append entries whose key is new. `keysOf` may give several keys per entry (a phone's canonical and parsed forms). */
function mergeAppend(base: Entry[], inc: Entry[], keysOf: (e: Entry) => string[]): FieldOutcome {
  const seen = new Set(base.flatMap(keysOf));
  const added: Entry[] = [];
  for (const e of inc) {
    const keys = keysOf(e).filter(Boolean);
    if (!keys.length || keys.some((k) => seen.has(k))) continue;
    keys.forEach((k) => seen.add(k));
    added.push(clean(e));
  }
  return added.length ? { value: [...base, ...added], conflicts: [] } : { conflicts: [] };
}

/** Entries named by a key (event type, custom-field key): same key and another value is a conflict. */
function mergeKeyed(
  field: string,
  base: Entry[],
  inc: Entry[],
  nameOf: (e: Entry) => string,
  valueOf: (e: Entry) => string,
): FieldOutcome {
  const out = [...base];
  const conflicts: FieldConflict[] = [];
  let changed = false;
  for (const e of inc) {
    const v = valueOf(e);
    if (!v) continue;
    const name = comparableText(nameOf(e));
    const same = out.filter((x) => comparableText(nameOf(x)) === name);
    if (same.some((x) => valueOf(x) === v)) continue;
    if (same.length && name) {
      conflicts.push({
        field,
        key: nameOf(e),
        existing: displayValue(field, same[0]),
        incoming: displayValue(field, e),
      });
      continue;
    }
    out.push(clean(e));
    changed = true;
  }
  return { value: changed ? out : undefined, conflicts };
}

function mergeField(field: string, base: Entry[], inc: Entry[], phoneKey: PhoneKey): FieldOutcome {
  switch (field) {
    case 'names':
      return mergeStructured(field, NAME_SUBS, base, inc);
    case 'organizations':
      return mergeStructured(field, ORG_SUBS, base, inc);
    case 'birthdays':
      return mergeBirthday(base, inc);
    case 'biographies':
      return mergeNotes(base, inc);
    case 'genders':
      return mergeSingleValue(field, base, inc);
    case 'phoneNumbers':
      return mergeAppend(base, inc, (e) => [...phoneKeys(e as never, phoneKey), phoneMergeKey(e as never, phoneKey)]);
    case 'emailAddresses':
      return mergeAppend(base, inc, (e) => [emailKey(s(e.value)) ?? '']);
    case 'urls':
      return mergeAppend(base, inc, (e) => [urlKey(s(e.value))]);
    case 'addresses':
      return mergeAppend(base, inc, (e) => [addressKey(e as never).replace(/^=?\|*$/, '')]);
    case 'nicknames':
      return mergeAppend(base, inc, (e) => [comparableText(s(e.value))]);
    case 'events':
      return mergeKeyed(
        field,
        base,
        inc,
        (e) => s(e.type ?? e.formattedType),
        (e) => dateKey(e.date as never),
      );
    case 'userDefined':
    case 'clientData':
      return mergeKeyed(
        field,
        base,
        inc,
        (e) => s(e.key),
        (e) => comparableText(s(e.value)),
      );
    default:
      return mergeAppend(base, inc, (e) => [JSON.stringify(stripOutputOnly(e))]);
  }
}

function fieldRank(f: string): number {
  const i = FIELD_ORDER.indexOf(f);
  return i < 0 ? FIELD_ORDER.length : i;
}

export function orderFields(fields: Iterable<string>): string[] {
  return [...new Set(fields)].sort((a, b) => fieldRank(a) - fieldRank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Folds `incoming` into `base` without touching either. `fields` limits the merge to fields the caller read
 * (an update's mask must never name a field whose current value we did not list, or it would be cleared).
 */
export function mergePerson(
  base: Person,
  incoming: Person,
  opts: { phoneKey: PhoneKey; fields?: ReadonlySet<string> },
): MergeResult {
  const person: Record<string, unknown> = { ...base };
  const changed: string[] = [];
  const conflicts: FieldConflict[] = [];
  const fields = orderFields(
    Object.keys(incoming).filter((f) => !NOT_MERGED.has(f) && (!opts.fields || opts.fields.has(f))),
  );
  for (const field of fields) {
    const inc = listOf(incoming, field);
    if (!inc.length) continue;
    const outcome = mergeField(field, listOf(base, field), inc, opts.phoneKey);
    conflicts.push(...outcome.conflicts);
    if (outcome.value) {
      person[field] = outcome.value;
      changed.push(field);
    }
  }
  return { person: person as Person, changed, conflicts };
}
