// crm.rowHash of a normalised row: the product's hash (core/hash.ts) over the row's person and labels, walked in
// place. The normaliser builds a person the same way, key by key, for the same row, so key order needs no sorting,
// and nothing is serialised: on 25,000 rows a JSON text per row was most of what this cost. Strings go in with their
// length first, so no value can pass for a piece of structure. Nothing compares this hash with one made elsewhere:
// the plan stamps the contacts it creates with its own content fingerprint (plan/keys.ts contentFingerprint).

import { Hash64 } from '../../hash';

export function rowHash(person: unknown, labels: string[]): string {
  const hash = new Hash64();
  feed(hash, person);
  feed(hash, labels);
  return hash.digest();
}

function feedString(hash: Hash64, s: string): void {
  hash.code(0x22);
  hash.code(s.length & 0xffff);
  hash.code(s.length >>> 16);
  hash.text(s);
}

function feed(hash: Hash64, v: unknown): void {
  if (typeof v === 'string') {
    feedString(hash, v);
  } else if (Array.isArray(v)) {
    hash.code(0x5b);
    for (let k = 0; k < v.length; k++) feed(hash, v[k]);
    hash.code(0x5d);
  } else if (v !== null && typeof v === 'object') {
    hash.code(0x7b);
    const o = v as Record<string, unknown>;
    // Plain objects of the normaliser's making: every enumerable key is their own.
    for (const k in o) {
      const item = o[k];
      if (item === undefined) continue;
      feedString(hash, k);
      feed(hash, item);
    }
    hash.code(0x7d);
  } else {
    // numbers (dates), booleans, null
    hash.code(0x23);
    feedString(hash, String(v));
  }
}
