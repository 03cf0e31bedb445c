// Step 1 of the plan: which rows of the file are one client. Rows are grouped transitively on their keys (E.164
// phones, lower-cased e-mails) and on the account contact they match: rows 3 and 7 that share a phone are one
// client, and so are two rows that each match the same account contact through different keys (otherwise both
// would update it, racing on one etag).

import type { NormalizedContact } from '../types';
import type { ExistingIndex } from './existing-index';
import { emailKey, phoneKeys, type PhoneKey } from './keys';

/** A row's dedupe keys, `tel:<E.164>` then `mail:<address>`, each once. */
export function rowKeysOf(c: NormalizedContact, phoneKey: PhoneKey): string[] {
  // A row has a phone or two and an e-mail or two: a list is a cheaper set than a Set.
  const phones: string[] = [];
  for (const k of c.keys.phones) if (k && !phones.includes(k)) phones.push(k);
  for (const ph of c.person.phoneNumbers ?? [])
    for (const k of phoneKeys(ph, phoneKey)) if (!phones.includes(k)) phones.push(k);
  const emails: string[] = [];
  for (const e of c.keys.emails) {
    const k = emailKey(e);
    if (k && !emails.includes(k)) emails.push(k);
  }
  for (const e of c.person.emailAddresses ?? []) {
    const k = emailKey(e.value);
    if (k && !emails.includes(k)) emails.push(k);
  }
  // Built at its size: 25,000 of these live through the plan.
  const out = new Array<string>(phones.length + emails.length);
  for (let i = 0; i < phones.length; i++) out[i] = `tel:${phones[i]}`;
  for (let i = 0; i < emails.length; i++) out[phones.length + i] = `mail:${emails[i]}`;
  return out;
}

const NO_MATCHES: ReadonlyMap<string, number> = new Map();

/** The account's contacts a row's keys match, with how many keys each shares. */
export function matcher(index: ExistingIndex): (keys: string[]) => ReadonlyMap<string, number> {
  if (index.byPhone.size === 0 && index.byEmail.size === 0) return () => NO_MATCHES;
  return (keys) => {
    const counts = new Map<string, number>();
    for (const k of keys) {
      const hits = k.startsWith('tel:') ? index.byPhone.get(k.slice(4)) : index.byEmail.get(k.slice(5));
      for (const p of hits ?? []) counts.set(p.resourceName as string, (counts.get(p.resourceName as string) ?? 0) + 1);
    }
    return counts;
  };
}

/** Rows grouped transitively on their keys and on the account contact they match, each group's rows in order and
 *  the groups in the order of their first rows (union-find whose root is always the group's first row). */
export function groupRows(rowKeys: string[][], matchesOf: (keys: string[]) => ReadonlyMap<string, number>): number[][] {
  const parent = rowKeys.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const owner = new Map<string, number>();
  const join = (i: number, k: string) => {
    const j = owner.get(k);
    if (j === undefined) owner.set(k, i);
    else {
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  };
  for (let i = 0; i < rowKeys.length; i++) {
    for (const k of rowKeys[i]) join(i, k);
    for (const rn of matchesOf(rowKeys[i]).keys()) join(i, `res:${rn}`);
  }
  const groups = new Map<number, number[]>();
  rowKeys.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}
