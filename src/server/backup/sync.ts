// The nightly pick-up of changes made outside the CRM (the Google Contacts app, a phone), before the night's backup
// (helper "backup"'s trigger calls it first). People sync tokens name what changed since the last run; a token older
// than 7 days from the full listing it descends from is expired by Google ("Sync tokens expire 7 days after the full
// sync", people.connections.list), so then — and on the first run, and when Google answers EXPIRED_SYNC_TOKEN — the
// whole account is listed and compared with the last verified night's contactHashes. A change the CRM's own journal
// explains (an entry for that contact since the last sync whose after-state is what the contact holds now) is the
// CRM's; any other becomes a ContactChange with source 'outside', its `before` from the last backup. Then the
// mass-deletion guard (core/backup/guard.ts) over those outside changes, and its one e-mail per incident
// (./incident.ts).

import { canonicalValue, changedFields } from '../../core/backup/restore-plan';
import { massDeletion, type MassDeletion } from '../../core/backup/guard';
import type { BackupContact, BackupManifest, ContactChange } from '../../core/backup/types';
import { familyFirstName } from '../../core/export/contact-view';
import type { Person as CorePerson } from '../../core/import/types';
import { OfficeContext } from '../events/office';
import { LIMITS, Person, withRetry } from '../people/gateway';
import { labelNames, labelsOf } from '../people/labels';
import { peopleApi } from '../people/people';
import { openIncident, type Incident } from './incident';
import { contactHash, toBackupContact } from '../../core/backup/snapshot';
import { newChangeId } from '../../core/backup/journal';
import { BACKUP_PERSON_FIELDS } from '../../core/ports/people';
import { appendChanges, readChanges } from './journal-sheet';
import { listBackups } from './list-backups';
import { readNight } from './read-night';

export const SYNC_PROPERTIES = {
  token: 'crm.peopleSyncToken',
  /** When the full listing the token descends from was made (its 7 days count from there). */
  fullAt: 'crm.peopleSyncFullAt',
  /** When the last sync ran (the journal is read from there to explain changes). */
  lastAt: 'crm.peopleSyncAt',
} as const;

const TOKEN_DAYS_MS = 7 * 24 * 3600_000;

/** What sync needs from the backup and the journal (wired in ./wiring.ts). */
export interface SyncDeps {
  /** The newest verified night: its manifest and contacts; undefined when there is none yet. */
  lastNight(): { manifest: BackupManifest; contacts: BackupContact[] } | undefined;
  /** The fields a backup lists (a contact's hash is over them). */
  personFields: string;
  toBackupContact(person: Person, groups: Map<string, string>): BackupContact;
  contactHash(contact: BackupContact): string;
  /** The CRM's journal entries made at or after `sinceIso`. */
  journalSince(sinceIso: string): ContactChange[];
  append(changes: ContactChange[]): void;
  newChangeId(at: number): string;
}

export interface SyncResult {
  changed: number;
  deleted: number;
  full: boolean;
  alert?: { incident: string; contacts: number; labels: string[]; mailedTo: string[] };
}

/** Journal rows read back to explain the night's changes (newest first): more than a night's CRM writes. */
const JOURNAL_WINDOW = 20_000;

/** The product's wiring: the newest verified night from Drive, the Journal sheet. */
export function productSyncDeps(): SyncDeps {
  return {
    lastNight: () => {
      const night = listBackups().find((n) => n.status === 'verified')?.night;
      const copy = night ? readNight(night) : undefined;
      return copy ? { manifest: copy.manifest, contacts: copy.contacts } : undefined;
    },
    personFields: BACKUP_PERSON_FIELDS,
    toBackupContact: (p, groups) => toBackupContact(p as CorePerson, groups),
    contactHash,
    journalSince: (since) => readChanges({ limit: JOURNAL_WINDOW }).changes.filter((c) => c.at >= since),
    append: appendChanges,
    newChangeId: (at) => newChangeId(at),
  };
}

/** The nightly trigger's first step (./trigger.ts). */
export function syncOutsideChanges(office = new OfficeContext(), deps: SyncDeps = productSyncDeps()): SyncResult {
  return syncWith(deps, office);
}

/** Google's answer to an expired token: 400 with EXPIRED_SYNC_TOKEN / "Sync token is expired". */
function isExpiredToken(e: unknown): boolean {
  const text = `${(e as { message?: unknown })?.message ?? ''} ${JSON.stringify((e as { details?: unknown })?.details ?? '')}`;
  return /EXPIRED_SYNC_TOKEN|sync token is expired/i.test(text);
}

/** Every page of one listing; a syncToken makes it incremental. Returns the persons and the next sync token. */
function listing(personFields: string, syncToken?: string): { persons: Person[]; token: string } {
  const persons: Person[] = [];
  let pageToken: string | undefined;
  let token = '';
  do {
    const page = withRetry(() =>
      peopleApi().People!.Connections!.list('people/me', {
        personFields,
        pageSize: LIMITS.page,
        requestSyncToken: true,
        ...(syncToken ? { syncToken } : {}),
        ...(pageToken ? { pageToken } : {}),
      }),
    );
    persons.push(...(page.connections ?? []));
    pageToken = page.nextPageToken || undefined;
    if (page.nextSyncToken) token = page.nextSyncToken;
  } while (pageToken);
  return { persons, token };
}

/** The CRM made this state: a journal entry of its own for the contact whose after-state is what it holds now. */
function explained(entries: ContactChange[] | undefined, current: Person | undefined): boolean {
  return (entries ?? []).some((c) => {
    if (c.source === 'outside') return false;
    if (!current) return c.action === 'deleted';
    if (!c.after) return false;
    const after = c.after.person as Record<string, unknown>;
    const now = current as Record<string, unknown>;
    return c.fields
      .filter((f) => f !== 'memberships')
      .every((f) => canonicalValue(after[f], f) === canonicalValue(now[f], f));
  });
}

export function syncWith(deps: SyncDeps, office = new OfficeContext()): SyncResult {
  const props = PropertiesService.getScriptProperties();
  const kept = props.getProperties();
  const now = Date.now();
  const token = kept[SYNC_PROPERTIES.token];
  const fullAt = Date.parse(kept[SYNC_PROPERTIES.fullAt] ?? '');
  const lastAt = kept[SYNC_PROPERTIES.lastAt] ?? '';
  const last = deps.lastNight();
  const groups = labelNames();
  let full = !token || !(now - fullAt <= TOKEN_DAYS_MS);
  let listed: { persons: Person[]; token: string } | undefined;
  if (!full) {
    try {
      listed = listing(deps.personFields, token);
    } catch (e) {
      if (!isExpiredToken(e)) throw e;
      full = true;
    }
  }
  if (full) listed = listing(deps.personFields);
  const { persons, token: next } = listed!;

  const before = new Map((last?.contacts ?? []).map((c) => [String(c.person.resourceName), c]));
  const hashes = last?.manifest.contactHashes ?? {};
  // resourceName → the contact now (undefined: deleted).
  const touched = new Map<string, Person | undefined>();
  for (const p of persons) {
    const rn = String(p.resourceName ?? '');
    if (!rn) continue;
    if (p.metadata?.deleted) {
      if (before.has(rn) || !full) touched.set(rn, undefined);
      continue;
    }
    const hash = deps.contactHash(deps.toBackupContact(p, groups));
    if (hashes[rn] !== hash) touched.set(rn, p);
  }
  if (full) {
    // A full listing shows no deletions: what the last night had and the account lacks was deleted.
    const present = new Set(persons.map((p) => String(p.resourceName ?? '')));
    for (const rn of Object.keys(hashes)) if (!present.has(rn)) touched.set(rn, undefined);
  }
  // The first full listing with no backup to compare with learns the token only.
  if (!last) touched.clear();

  const journal = new Map<string, ContactChange[]>();
  if (touched.size && lastAt)
    for (const c of deps.journalSince(lastAt)) journal.set(c.resourceName, [...(journal.get(c.resourceName) ?? []), c]);
  const changes: ContactChange[] = [];
  const removed: Array<{ resourceName: string; label: string }> = [];
  const deleted: string[] = [];
  const at = new Date(now).toISOString();
  for (const [rn, current] of touched) {
    if (explained(journal.get(rn), current)) continue;
    const then = before.get(rn);
    if (!current && !then) continue; // made and deleted between two nights: nothing to keep
    const base = { id: deps.newChangeId(now), at, actor: '', source: 'outside' as const, resourceName: rn };
    if (!current) {
      deleted.push(rn);
      changes.push({
        ...base,
        action: 'deleted',
        client: familyFirstName(then!.person),
        fields: Object.keys(then!.person).filter((k) => k !== 'resourceName' && k !== 'etag' && k !== 'metadata'),
        before: { person: then!.person, labels: then!.labels },
      });
      continue;
    }
    const labels = labelsOf(current, groups).sort();
    if (!then) {
      changes.push({
        ...base,
        action: 'created',
        client: familyFirstName(current as CorePerson),
        fields: [],
        after: { person: current as CorePerson, labels },
      });
      continue;
    }
    const fields = changedFields(then, current as CorePerson);
    const lost = then.labels.filter((l) => !labels.includes(l));
    for (const label of lost) removed.push({ resourceName: rn, label });
    const labelsMoved = lost.length > 0 || labels.some((l) => !then.labels.includes(l));
    if (!fields.length && !labelsMoved) continue;
    const pick = (p: CorePerson) =>
      Object.fromEntries(fields.map((f) => [f, (p as Record<string, unknown>)[f]])) as CorePerson;
    changes.push({
      ...base,
      action: fields.length ? 'updated' : 'labels',
      client: familyFirstName(current as CorePerson),
      fields: [...fields, ...(labelsMoved ? ['memberships'] : [])],
      before: { person: { resourceName: rn, ...pick(then.person) }, labels: then.labels },
      after: { person: { resourceName: rn, ...pick(current as CorePerson) }, labels },
    });
  }
  if (changes.length) deps.append(changes);

  let alert: SyncResult['alert'];
  if (last) {
    const percent = office.settings.get('deletionAlertPercent');
    const previous = last.contacts.map((c) => ({ resourceName: String(c.person.resourceName), labels: c.labels }));
    const verdict: MassDeletion = massDeletion(previous, deleted, removed, percent);
    if (verdict.fire) {
      const incident: Incident = openIncident({ verdict, night: last.manifest.night, before, percent, office });
      alert = {
        incident: incident.id,
        contacts: verdict.affected.length,
        labels: verdict.labels.filter((l) => l.over).map((l) => l.label),
        mailedTo: incident.mailedTo,
      };
    }
  }
  props.setProperties({
    [SYNC_PROPERTIES.token]: next || token || '',
    [SYNC_PROPERTIES.lastAt]: at,
    ...(full ? { [SYNC_PROPERTIES.fullAt]: at } : {}),
  });
  return {
    changed: changes.filter((c) => c.action !== 'deleted').length,
    deleted: deleted.length,
    full,
    ...(alert ? { alert } : {}),
  };
}
