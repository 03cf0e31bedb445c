// A night's manifest and its verification: what was written (each file's bytes and MD5, the counts the listing gave,
// a hash per contact) against what Drive gives back. A night is `verified` only when every check passes; anything
// else is a problem named by file, and the night is `failed` (it never lets retention prune).

import { Hash64 } from '../hash';
import { contactHash } from './snapshot';
import type { BackupContact, BackupFile, BackupManifest } from './types';

export const MANIFEST_NAME = 'manifest.json';

/** What Drive reports of one file (metadata md5Checksum and size). */
export interface StoredFile {
  md5: string;
  bytes: number;
}

export interface ReadBack {
  /** Every file of the night's folder by name, as Drive's metadata gives it. */
  files: Record<string, StoredFile>;
  /** The contacts of the json parts as read back, in part order. */
  contacts: BackupContact[];
  /** Events rows read back from the sheets parts (header excluded), when they were read. */
  events?: number;
}

/** One hash over a part's contact hashes in order: written when the part is made, compared when it is read back. */
export function partDigest(contacts: BackupContact[]): string {
  const h = new Hash64();
  for (const c of contacts) {
    h.text(contactHash(c));
    h.text('\n');
  }
  return h.digest();
}

/**
 * The problems of a night: counts (contacts listed vs read back, events copied vs read back), every file's MD5 and
 * size vs Drive's metadata (and files missing from the folder), and each contact's hash vs the manifest's — per
 * contact when the manifest holds them, per part via `digests` (file name → partDigest at write time) otherwise.
 */
export function verifyNight(
  written: BackupManifest,
  readBack: ReadBack,
  digests: Record<string, string> = {},
  partsRead: Record<string, BackupContact[]> = {},
): string[] {
  const problems: string[] = [];
  if (readBack.contacts.length !== written.counts.contacts)
    problems.push(`contacts: ${written.counts.contacts} listed, ${readBack.contacts.length} read back`);
  if (readBack.events !== undefined && readBack.events !== written.counts.events)
    problems.push(`events: ${written.counts.events} copied, ${readBack.events} read back`);
  for (const f of written.files) {
    if (f.kind === 'manifest') continue;
    const got = readBack.files[f.name];
    if (!got) problems.push(`${f.name}: missing from the folder`);
    else if (got.md5 !== f.md5) problems.push(`${f.name}: MD5 ${got.md5 || '(none)'} on Drive, ${f.md5} written`);
    else if (got.bytes !== f.bytes) problems.push(`${f.name}: ${got.bytes} bytes on Drive, ${f.bytes} written`);
  }
  for (const [name, digest] of Object.entries(digests)) {
    const part = partsRead[name];
    if (!part) problems.push(`${name}: not read back`);
    else if (partDigest(part) !== digest) problems.push(`${name}: the contacts read back differ from those written`);
  }
  const hashes = Object.entries(written.contactHashes);
  if (hashes.length) {
    const got = new Map(readBack.contacts.map((c) => [c.person.resourceName ?? '', c]));
    let differ = 0;
    let missing = 0;
    for (const [resourceName, hash] of hashes) {
      const c = got.get(resourceName);
      if (!c) missing++;
      else if (contactHash(c) !== hash) differ++;
    }
    if (missing) problems.push(`contacts: ${missing} in the manifest are not in the parts`);
    if (differ) problems.push(`contacts: ${differ} read back differ from their manifest hash`);
  }
  return problems;
}

export interface ManifestInput {
  night: string;
  startedAt: string;
  finishedAt: string;
  spreadsheetId: string;
  /** Contacts the listing gave (what the parts must hold). */
  listed: number;
  events: number;
  labels: string[];
  files: BackupFile[];
  /** The contacts as read back (their hashes go into the manifest for the next night's change detection). */
  contacts: BackupContact[];
  problems: string[];
}

/** The manifest written last: verified when no problem was found. */
export function buildManifest(input: ManifestInput): BackupManifest {
  const contactHashes: Record<string, string> = {};
  for (const c of input.contacts) contactHashes[c.person.resourceName ?? ''] = contactHash(c);
  return {
    format: 1,
    night: input.night,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    status: input.problems.length ? 'failed' : 'verified',
    spreadsheetId: input.spreadsheetId,
    counts: { contacts: input.listed, events: input.events, labels: input.labels.length },
    labels: [...input.labels].sort(),
    files: input.files.filter((f) => f.kind !== 'manifest'),
    contactHashes,
    problems: input.problems,
  };
}
