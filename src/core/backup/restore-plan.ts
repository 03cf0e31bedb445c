// What a restore does with each backed-up contact: find the contact it is now (if any), and decide create, update
// (the fields whose values differ from that night's, and the labels to add or take away) or leave alone.
// Matching reuses the import's index and keys (core/import/plan/existing-index.ts): the same contact is found by
// the same rule everywhere. Order of the rules, strongest first, each over ALL backed-up contacts before the next
// rule starts (so a weak phone match never steals a contact another backed-up one names by its id):
//   1. the same resourceName (restoring into the same account: the contact was never deleted; Google's ids are
//      random, so in another account this never matches by chance),
//   2. the CRM's client id (clientData crm.clientId, written by the import),
//   3. an E.164 phone, 4. an e-mail.
// Each current contact is taken at most once, so two backed-up contacts never collapse into one.

import { withoutCrmLines } from '../clients/crm-line';
import { FIELD_ORDER } from '../import/plan/fields';
import { existingIndex, personEmailKeys, personPhoneKeys, type ExistingIndex } from '../import/plan/existing-index';
import { CRM_KEYS, clientDataValue, memoPhoneKey, type PhoneKey } from '../import/plan/keys';
import type { Person } from '../import/types';
import { backupPerson, canonicalJson } from './snapshot';
import type { BackupContact, RestoreDecision, RestorePlan } from './types';

/** The People fields a restore compares and writes back: every field a backup keeps (FIELD_ORDER and locales:
 *  core/ports/people.ts BACKUP_PERSON_FIELDS) that a contact write may set (fileAses and skills are not among
 *  people.updateContact's updatePersonFields). */
export const RESTORED_FIELDS: readonly string[] = [
  ...FIELD_ORDER.filter((f) => f !== 'fileAses' && f !== 'skills'),
  'locales',
];

/**
 * The client id a restore goes by: the import's crm.clientId, else the backed-up resourceName. A contact a restore
 * creates carries it in crm.clientId, so a restore run again (after a pause, or twice) finds what it made even when
 * the contact has no phone or e-mail, and never creates it twice.
 */
export function restoreClientId(b: BackupContact): string {
  return clientDataValue(b.person, CRM_KEYS.clientId) ?? String(b.person.resourceName ?? '');
}

type Rule = (b: BackupContact, index: ExistingIndex, phoneKey: PhoneKey) => Person[];

const RULES: Rule[] = [
  (b, index) => {
    const hit = b.person.resourceName ? index.byResourceName.get(b.person.resourceName) : undefined;
    return hit ? [hit] : [];
  },
  (b, index) => {
    const id = restoreClientId(b);
    return id ? (index.byClientId.get(id) ?? []) : [];
  },
  (b, index, phoneKey) => personPhoneKeys(b.person, phoneKey).flatMap((k) => index.byPhone.get(k) ?? []),
  (b, index) => personEmailKeys(b.person).flatMap((k) => index.byEmail.get(k) ?? []),
];

/** A field's value as a restore compares it: what a restore would write (writableValue: without what Google
 *  computes from the rest, such as display names and canonical phone forms) in the backup's own canonical form
 *  (core/backup/snapshot.ts: empty parts dropped, keys sorted). Values are compared exactly (a corrected letter case
 *  is a change a restore must undo). */
export function canonicalValue(value: unknown, field = 'value'): string {
  // A note is compared without the CRM line (core/clients/crm-line.ts): the CRM rewrites it after every event.
  const compared = field === 'biographies' ? withoutCrmLines(value) : value;
  const cleaned = (backupPerson({ [field]: writableValue(compared) } as Person) as Record<string, unknown>)[field];
  return cleaned === undefined ? '' : canonicalJson(cleaned);
}

/** Keys Google computes and a write must not carry (the rest of a value is sent as the backup kept it). */
const OUTPUT_ONLY_KEYS: ReadonlySet<string> = new Set([
  'metadata',
  'etag',
  'canonicalForm',
  'displayName',
  'displayNameLastFirst',
]);
const OUTPUT_ONLY = (k: string) => OUTPUT_ONLY_KEYS.has(k) || k.startsWith('formatted');

/** The fields whose values differ between the backed-up contact and the current one (canonical forms: no
 *  metadata, no server-formatted values, keys sorted; an absent field equals an empty one). */
export function changedFields(backup: BackupContact, current: Person): string[] {
  const b = backup.person as Record<string, unknown>;
  // The id a restore stamped (restoredPerson) is not a difference from that night.
  const stamped = !clientDataValue(backup.person, CRM_KEYS.clientId) && backup.person.resourceName;
  const c = stamped
    ? {
        ...current,
        clientData: (current.clientData ?? []).filter(
          (d) => !(d.key === CRM_KEYS.clientId && d.value === backup.person.resourceName),
        ),
      }
    : (current as Record<string, unknown>);
  return RESTORED_FIELDS.filter((f) => canonicalValue(b[f], f) !== canonicalValue(sameShape(f, b[f], c[f]), f));
}

/** Google fills a name's unstructuredName from its parts when a write gave none: a backup without one (a file from
 *  elsewhere) is not different for lacking it. */
function sameShape(field: string, backup: unknown, current: unknown): unknown {
  if (field !== 'names' || !Array.isArray(backup) || !Array.isArray(current)) return current;
  return current.map((n: Record<string, unknown>, i) =>
    backup[i] && !(backup[i] as Record<string, unknown>).unstructuredName ? { ...n, unstructuredName: undefined } : n,
  );
}

/** A value as a write sends it: what Google computes (metadata, formatted values, display names) left out. */
export function writableValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map(writableValue) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!OUTPUT_ONLY(k)) out[k] = writableValue(v);
    return out as T;
  }
  return value;
}

/**
 * The contact as a restore writes it: the backed-up fields (writable parts), with crm.clientId set to
 * restoreClientId when the contact had none. An update sends `fields` of it, an absent one as [] (cleared).
 */
export function restoredPerson(b: BackupContact, fields: readonly string[] = RESTORED_FIELDS): Person {
  const source = b.person as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = writableValue(source[f] ?? []);
  if (fields.includes('clientData') && !clientDataValue(b.person, CRM_KEYS.clientId) && b.person.resourceName)
    out.clientData = [
      ...((out.clientData as Person['clientData']) ?? []),
      { key: CRM_KEYS.clientId, value: b.person.resourceName },
    ];
  return out as Person;
}

function sortedUnique(xs: Iterable<string>): string[] {
  return [...new Set(xs)].sort();
}

/**
 * `currentLabels`: each current contact's user label names; `accountLabels`: every label name the account has
 * (an empty label has no members to show in `currentLabels`), by default the ones `currentLabels` names.
 */
export function planRestore(
  backup: BackupContact[],
  current: Person[],
  currentLabels: Map<string, string[]>,
  phoneKey: PhoneKey,
  accountLabels?: Iterable<string>,
): RestorePlan {
  const keyOf = memoPhoneKey(phoneKey);
  const index = existingIndex(current, keyOf);
  const taken = new Set<string>();
  const matchOf = new Map<number, Person>();
  for (const rule of RULES) {
    backup.forEach((b, i) => {
      if (matchOf.has(i)) return;
      const hit = rule(b, index, keyOf).find((p) => !taken.has(String(p.resourceName)));
      if (!hit) return;
      taken.add(String(hit.resourceName));
      matchOf.set(i, hit);
    });
  }
  const decisions: RestoreDecision[] = [];
  const relink: Record<string, string> = {};
  const counts = { created: 0, updated: 0, unchanged: 0 };
  backup.forEach((b, i) => {
    const current = matchOf.get(i);
    if (!current) {
      decisions.push({ action: 'create', backup: b });
      counts.created++;
      return;
    }
    const rn = String(current.resourceName);
    if (b.person.resourceName) relink[b.person.resourceName] = rn;
    const fields = changedFields(b, current);
    const now = new Set(currentLabels.get(rn) ?? []);
    const then = new Set(b.labels);
    const labelsToAdd = b.labels.filter((l) => !now.has(l));
    const labelsToRemove = [...now].filter((l) => !then.has(l)).sort();
    if (fields.length || labelsToAdd.length || labelsToRemove.length) {
      decisions.push({ action: 'update', backup: b, current, fields, labelsToAdd, labelsToRemove });
      counts.updated++;
    } else {
      decisions.push({ action: 'unchanged', backup: b, current });
      counts.unchanged++;
    }
  });
  const known = new Set(accountLabels ?? [...currentLabels.values()].flat());
  const labelsToCreate = sortedUnique(backup.flatMap((b) => b.labels)).filter((l) => !known.has(l));
  return { decisions, labelsToCreate, relink, counts };
}
