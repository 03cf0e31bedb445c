// The account's contacts, looked up the ways an import needs: by E.164 phone, by lower-cased e-mail, and by our
// own bookkeeping in clientData (which import created a contact, under which client id and content fingerprint).
// Built once from the single listing the import makes.

import type { Person } from '../types';
import { CRM_KEYS, clientDataValue, emailKey, phoneKeys, type PhoneKey } from './keys';

export interface ExistingIndex {
  /** Listed contacts that can be matched (have a resourceName, not deleted), in listing order. */
  persons: Person[];
  byPhone: Map<string, Person[]>;
  byEmail: Map<string, Person[]>;
  byClientId: Map<string, Person[]>;
  /** crm.importId → the contacts that import created. */
  byImport: Map<string, Person[]>;
  /** `importId rowHash` → contacts (two rows with the same content and no keys give two contacts). */
  byImportHash: Map<string, Person[]>;
  byResourceName: Map<string, Person>;
  /** Listing position, for deterministic tie-breaks. */
  position: Map<string, number>;
}

/** Callers pass each person once per distinct key, so no membership check (it made 25,000 contacts of one import
 *  quadratic). */
function add<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else list.push(value);
}

export function personPhoneKeys(p: Person, phoneKey: PhoneKey): string[] {
  return [...new Set((p.phoneNumbers ?? []).flatMap((ph) => phoneKeys(ph, phoneKey)))];
}

export function personEmailKeys(p: Person): string[] {
  return [...new Set((p.emailAddresses ?? []).map((e) => emailKey(e.value)).filter((e): e is string => !!e))];
}

/** The groups (labels) a contact is in. */
export function groupResourceNames(p: Person): Set<string> {
  return new Set(
    (p.memberships ?? [])
      .map((m) => m.contactGroupMembership?.contactGroupResourceName)
      .filter((x): x is string => !!x),
  );
}

export function existingIndex(persons: Person[], phoneKey: PhoneKey): ExistingIndex {
  const index: ExistingIndex = {
    persons: [],
    byPhone: new Map(),
    byEmail: new Map(),
    byClientId: new Map(),
    byImport: new Map(),
    byImportHash: new Map(),
    byResourceName: new Map(),
    position: new Map(),
  };
  for (const p of persons) {
    const rn = p.resourceName;
    // A sync listing reports deletions as persons with metadata.deleted; they are not there to match.
    if (!rn || p.metadata?.deleted || index.byResourceName.has(rn)) continue;
    index.position.set(rn, index.persons.length);
    index.persons.push(p);
    index.byResourceName.set(rn, p);
    for (const k of personPhoneKeys(p, phoneKey)) add(index.byPhone, k, p);
    for (const k of personEmailKeys(p)) add(index.byEmail, k, p);
    const clientId = clientDataValue(p, CRM_KEYS.clientId);
    if (clientId) add(index.byClientId, clientId, p);
    const importId = clientDataValue(p, CRM_KEYS.importId);
    if (importId) {
      add(index.byImport, importId, p);
      const hash = clientDataValue(p, CRM_KEYS.rowHash);
      if (hash) add(index.byImportHash, `${importId} ${hash}`, p);
    }
  }
  return index;
}
