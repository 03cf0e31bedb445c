// Finding contacts in the account itself by an e-mail or a phone, for when the card index may lag (a contact added
// minutes ago elsewhere or by an import): the resolver and add-client both ask here.

import { contactKeys } from '../../core/card-index';
import { Person, withRetry } from './gateway';
import { peopleApi } from './people';

/**
 * The contacts that really carry one of `keys` (lower-case e-mails, E.164 phones): searchContacts also matches parts
 * of names, so its answers are filtered by their keys. Google asks for a warm-up request with an empty query first
 * (https://developers.google.com/people/api/rest/v1/people/searchContacts), else a contact added minutes ago is
 * missed: one warm-up, then one search per query (`queries` may add a phone as typed, which search matches by prefix).
 */
export function accountContactsWithKeys(
  keys: string[],
  defaultCountry: string,
  readMask: string,
  queries: string[] = keys,
): Person[] {
  const wanted = new Set(keys.filter(Boolean));
  const asked = [...new Set(queries.filter(Boolean))];
  if (!wanted.size || !asked.length) return [];
  const people = peopleApi().People!;
  withRetry(() => people.searchContacts({ query: '', readMask: 'names' }));
  const found = new Map<string, Person>();
  for (const query of asked) {
    const answer = withRetry(() => people.searchContacts({ query, readMask, pageSize: 30 }));
    for (const r of answer.results ?? []) {
      const p = r.person;
      const id = String(p?.resourceName ?? '');
      if (p && id && !found.has(id) && contactKeys(p, defaultCountry).some((k) => wanted.has(k))) found.set(id, p);
    }
  }
  return [...found.values()];
}
