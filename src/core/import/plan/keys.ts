// What makes two contacts "the same", and the fingerprints the plan, the resume and the undo compare.
// Phones match on E.164 only (so `+7 912…`, `8 (912)…` and `79 12…` are one client — the duplicates amoCRM and
// Bitrix24 users pay robots to clean up); e-mails match lower-cased. Parsing a phone is not our job: the caller
// passes `phoneKey` (the phone module's raw → E.164), so this area does not depend on it.

import { Hash64, hash64 } from '../../hash';
import { CONTENT_FIELDS } from './fields';
import { collapseSpaces } from '../normalize/spaces';
import type { Person } from '../types';

export type PhoneKey = (raw: string) => string | undefined;
type Str = string | null | undefined;

/** Our bookkeeping in `clientData` ("Arbitrary client data that is populated by clients", People API Person). */
export const CRM_KEYS = { importId: 'crm.importId', clientId: 'crm.clientId', rowHash: 'crm.rowHash' } as const;
const BOOKKEEPING: ReadonlySet<string> = new Set(Object.values(CRM_KEYS));

export function isBookkeeping(key: Str): boolean {
  return BOOKKEEPING.has(String(key ?? ''));
}

export function clientDataValue(p: Person, key: string): string | undefined {
  const hit = (p.clientData ?? []).find((c) => c.key === key && c.value);
  return hit?.value ?? undefined;
}

/**
 * True when NFC leaves the text as it is: Latin up to the combining marks, Cyrillic letters and Georgian have no
 * decompositions that recompose differently and no two of them compose (checked pairwise over those ranges), so a
 * text made of them alone needs no call into ICU.
 */
function nfcAlready(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      c < 0x300 ||
      (c >= 0x400 && c <= 0x482) ||
      (c >= 0x48a && c <= 0x52f) ||
      (c >= 0x10a0 && c <= 0x10ff) ||
      (c >= 0x1c90 && c <= 0x1cbf)
    )
      continue;
    return false;
  }
  return true;
}

// The same short texts come back on every other row (given names, patronymics, labels, custom-field keys), and
// lower-casing non-Latin text is the slow part: the last few thousand short ones are remembered. Bounded, and a pure
// function's memo, so it changes no result.
const COMPARABLE_MEMO_LIMIT = 4096;
const COMPARABLE_MEMO_MAX_LENGTH = 64;
const comparableMemo = new Map<string, string>();

/** Comparison form of free text: the office's "Иван  " and "иван" are the same value. */
export function comparableText(s: Str): string {
  const text = String(s ?? '');
  if (!text) return text;
  if (text.length > COMPARABLE_MEMO_MAX_LENGTH) return normalized(text);
  let out = comparableMemo.get(text);
  if (out === undefined) {
    out = normalized(text);
    if (comparableMemo.size >= COMPARABLE_MEMO_LIMIT) comparableMemo.clear();
    comparableMemo.set(text, out);
  }
  return out;
}

function normalized(text: string): string {
  return collapseSpaces(nfcAlready(text) ? text : text.normalize('NFC')).toLowerCase();
}

/** The same raw text parses the same way: planning a 25,000-row file parses each number once, not four times. */
export function memoPhoneKey(phoneKey: PhoneKey): PhoneKey {
  const seen = new Map<string, string | undefined>();
  return (raw) => {
    if (seen.has(raw)) return seen.get(raw);
    const key = phoneKey(raw);
    seen.set(raw, key);
    return key;
  };
}

export function emailKey(v: Str): string | undefined {
  const s = String(v ?? '')
    .trim()
    .toLowerCase();
  return s || undefined;
}

/** Every E.164 form a stored phone can be found under: Google's canonicalForm and our own parse of the value may
 *  disagree (Google parses with the account's region), and either one matching is a duplicate. */
export function phoneKeys(p: { value?: Str; canonicalForm?: Str }, phoneKey: PhoneKey): string[] {
  const out: string[] = [];
  const canonical = String(p.canonicalForm ?? '').trim();
  if (canonical) out.push(canonical);
  const value = String(p.value ?? '').trim();
  const parsed = value ? phoneKey(value) : undefined;
  if (parsed && !out.includes(parsed)) out.push(parsed);
  return out;
}

/** Equality of two phone entries when merging: an unparseable number still equals itself digit for digit. */
export function phoneMergeKey(p: { value?: Str; canonicalForm?: Str }, phoneKey: PhoneKey): string {
  // The canonical form, when there is one, comes first in phoneKeys: no need to parse the value for it.
  const canonical = String(p.canonicalForm ?? '').trim();
  if (canonical) return canonical;
  return phoneKeys(p, phoneKey)[0] ?? `#${String(p.value ?? '').replace(/\D+/g, '')}`;
}

export function urlKey(v: Str): string {
  return comparableText(v)
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

type DateLike = { year?: number | null; month?: number | null; day?: number | null } | null | undefined;
export function dateKey(d: DateLike, text?: Str): string {
  if (d?.month && d.day) {
    const mm = String(d.month).padStart(2, '0');
    const dd = String(d.day).padStart(2, '0');
    return d.year ? `${String(d.year).padStart(4, '0')}-${mm}-${dd}` : `--${mm}-${dd}`;
  }
  return comparableText(text);
}

const ADDRESS_PARTS = ['streetAddress', 'extendedAddress', 'poBox', 'city', 'region', 'postalCode', 'country'] as const;
type AddressLike = NonNullable<Person['addresses']>[number];

/** Components when the address has them (Google fills formattedValue itself), otherwise the formatted text with
 *  punctuation ignored. */
export function addressKey(a: AddressLike): string {
  const parts = ADDRESS_PARTS.map((k) =>
    comparableText(a[k])
      .replace(/[.,;]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  if (parts.some(Boolean)) return parts.join('|');
  return `=${comparableText(a.formattedValue)
    .replace(/[.,;]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()}`;
}

const NAME_PARTS = ['honorificPrefix', 'givenName', 'middleName', 'familyName', 'honorificSuffix'] as const;
type NameLike = NonNullable<Person['names']>[number];
export function nameKey(n: NameLike | undefined): string {
  if (!n) return '';
  let key = '';
  let some = false;
  for (let i = 0; i < NAME_PARTS.length; i++) {
    const part = comparableText(n[NAME_PARTS[i]]);
    if (part) some = true;
    key = i === 0 ? part : `${key}|${part}`;
  }
  return some ? key : comparableText(n.unstructuredName ?? n.displayName);
}

const ORG_PARTS = ['name', 'title', 'department'] as const;

/** A multi-valued field as a set: the non-empty keys, sorted. */
function sorted(xs: string[]): string {
  if (xs.length === 0) return '[]';
  if (xs.length === 1) {
    const x = xs[0];
    if (!x) return '[]';
    return plainInJson(x) ? `["${x}"]` : JSON.stringify(xs);
  }
  return JSON.stringify(xs.filter(Boolean).sort());
}

/** True when JSON.stringify would write the text between its quotes as it is. */
function plainInJson(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

const NO_ENTRIES: Array<Record<string, unknown>> = [];

/** A field's value reduced to what the person typed: no metadata, no server-computed formatting, multi-valued
 *  fields as a sorted set. Two persons (ours before writing, Google's after listing) project alike. */
export function fieldProjection(field: string, value: unknown, phoneKey: PhoneKey): string {
  const list = (Array.isArray(value) ? value : NO_ENTRIES) as Array<Record<string, unknown>>;
  switch (field) {
    case 'names':
      return nameKey(list[0] as NameLike);
    case 'birthdays':
      return dateKey(list[0]?.date as DateLike, list[0]?.text as Str);
    case 'biographies':
      return comparableText(list[0]?.value as Str);
    case 'phoneNumbers':
      return sorted(list.map((p) => phoneMergeKey(p as never, phoneKey)));
    case 'emailAddresses':
      return sorted(list.map((e) => emailKey(e.value as Str) ?? ''));
    case 'urls':
      return sorted(list.map((u) => urlKey(u.value as Str)));
    case 'addresses':
      return sorted(list.map((a) => addressKey(a as AddressLike)));
    case 'organizations':
      return sorted(list.map((o) => ORG_PARTS.map((k) => comparableText(o[k] as Str)).join('|')));
    case 'events':
      return sorted(
        list.map((e) => `${comparableText((e.type ?? e.formattedType) as Str)}=${dateKey(e.date as DateLike)}`),
      );
    case 'userDefined':
    case 'clientData':
      return sorted(list.map((kv) => `${comparableText(kv.key as Str)}=${comparableText(kv.value as Str)}`));
    case 'nicknames':
      return sorted(list.map((n) => comparableText(n.value as Str)));
    default:
      return sorted(list.map((e) => JSON.stringify(stripOutputOnly(e))));
  }
}

/** Fingerprint of a contact's content (not its bookkeeping): stored as crm.rowHash on the contacts an import creates,
 *  so a re-run recognises a created contact even when it has no phone or e-mail, and an undo can tell whether
 *  someone edited it since. */
export function contentFingerprint(p: Person, phoneKey: PhoneKey): string {
  const record = p as Record<string, unknown>;
  // hash64(JSON.stringify(<the projections>)), fed piece by piece instead of building the array and its JSON.
  const h = new Hash64();
  h.code(0x5b);
  for (let i = 0; i < CONTENT_FIELDS.length; i++) {
    if (i > 0) h.code(0x2c);
    h.jsonString(fieldProjection(CONTENT_FIELDS[i], record[CONTENT_FIELDS[i]], phoneKey));
  }
  h.code(0x5d);
  return h.digest();
}

export function fieldFingerprint(field: string, value: unknown, phoneKey: PhoneKey): string {
  return hash64(fieldProjection(field, value, phoneKey));
}

export function stripOutputOnly(entry: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(entry).sort()) {
    if (k === 'metadata' || k.startsWith('formatted') || k === 'canonicalForm') continue;
    out[k] = entry[k];
  }
  return out;
}
