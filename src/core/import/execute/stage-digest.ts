// A digest of what an import stages (each contact's JSON, in order), which the sidebar and the server compute alike:
// a file imported again unchanged has the digest of rows still in the Import queue from its last import, and the
// server then takes those rows over instead of receiving every chunk again (a 25,000-row file is 50 google.script.run
// calls). Two independent 32-bit FNV-1a variants and the count: not cryptographic, but an accidental match of two
// different files of the same length is ~1 in 2^64. The import's own id in each contact's clientData is left out of
// the digest: the plan stamps the running import's id over it (core/import/plan/plan.ts), so rows staged for an
// earlier import serve a later one as they are.

import { CRM_KEYS } from '../plan/keys';
import type { NormalizedContact } from '../types';

const FNV_PRIME = 0x01000193;

/** The digest of the staged JSON texts, in staging order. */
export function stagedDigest(texts: string[]): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, FNV_PRIME);
      b = Math.imul(b ^ ((c * 31) & 0xffff), FNV_PRIME) ^ (b >>> 13);
    }
    // A separator: ["ab","c"] and ["a","bc"] differ.
    a = Math.imul(a ^ 0x0a, FNV_PRIME);
    b = Math.imul(b ^ 0x0a, FNV_PRIME);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${texts.length}:${hex(a)}${hex(b)}`;
}

/** The digest of contacts as staged, whatever import they were cleaned for. */
export function contactsDigest(contacts: NormalizedContact[]): string {
  return stagedDigest(
    contacts.map((c) => {
      const data = c.person.clientData;
      if (!data?.some((d) => d.key === CRM_KEYS.importId)) return JSON.stringify(c);
      const person = { ...c.person, clientData: data.filter((d) => d.key !== CRM_KEYS.importId) };
      return JSON.stringify({ ...c, person });
    }),
  );
}
