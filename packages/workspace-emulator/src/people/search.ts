// searchContacts matching. "The query matches on a contact's names, nickNames, emailAddresses, phoneNumbers, and
// organizations fields that are from the CONTACT source. ... The query is used to match prefix phrases of the fields
// on a person. For example, a person with name "foo name" matches queries such as "f", "fo", "foo", "foo n", "nam",
// etc., but not "oo n"." https://developers.google.com/people/api/rest/v1/people/searchContacts

import type { Person } from './fields';

const normalize = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const digits = (s: string) => s.replace(/\D/g, '');

/** The searchable texts of a contact, normalized; digit-only forms of phone numbers are kept with a `#` mark. */
export function searchTerms(p: Person): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.trim()) out.push(normalize(v));
  };
  for (const n of p.names ?? []) {
    for (const k of [
      'displayName',
      'unstructuredName',
      'givenName',
      'middleName',
      'familyName',
      'phoneticFullName',
      'phoneticGivenName',
      'phoneticFamilyName',
    ] as const) {
      add(n[k]);
    }
  }
  for (const n of p.nicknames ?? []) add(n.value);
  for (const e of p.emailAddresses ?? []) add(e.value);
  for (const o of p.organizations ?? []) {
    add(o.name);
    add(o.title);
    add(o.department);
  }
  for (const ph of p.phoneNumbers ?? []) {
    add(ph.value);
    for (const v of [ph.value, ph.canonicalForm]) if (v && digits(v)) out.push(`#${digits(v)}`);
  }
  return out;
}

/** Whether `query` is a prefix of one of the terms from one of its word starts. */
export function matchesQuery(terms: readonly string[], query: string): boolean {
  const q = normalize(query);
  if (!q) return false;
  const phoneLike = /^[+\d\s()-]+$/.test(q) && digits(q).length > 0;
  for (const t of terms) {
    if (t.startsWith('#')) {
      if (phoneLike && t.slice(1).startsWith(digits(q))) return true;
      continue;
    }
    for (let i = 0; i < t.length; i++) {
      const atWordStart = i === 0 || !/[\p{L}\p{N}]/u.test(t[i - 1]);
      if (atWordStart && t.startsWith(q, i)) return true;
    }
  }
  return false;
}
