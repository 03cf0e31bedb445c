// An update whose contact another client changed after the listing (People refused the batch for a stale etag):
// the same rows merged again, by the same rule (mergePerson: fill what is empty, add what is new, never overwrite),
// onto the contact as it is now. What the other client wrote is the base, so the write that follows keeps it.

import type { Person } from '../types';
import { MERGE_FIELDS } from './fields';
import type { PhoneKey } from './keys';
import { mergePerson } from './merge';
import { fieldsBefore } from './plan';
import type { PlannedUpdate } from './types';

/** What an update brings when the plan kept no `incoming`: the fields it changed, as it would write them. */
function incomingOf(u: PlannedUpdate): Person {
  if (u.incoming) return u.incoming;
  const out: Record<string, unknown> = {};
  for (const f of u.updatePersonFields.split(',').filter(Boolean)) out[f] = (u.after as Record<string, unknown>)[f];
  return out as Person;
}

/** The update re-planned on `fresh` (the contact now, with LISTED_PERSON_FIELDS); undefined when it now brings
 *  nothing (the other client already wrote what the file adds). */
export function reapplyUpdate(u: PlannedUpdate, fresh: Person, phoneKey: PhoneKey): PlannedUpdate | undefined {
  const m = mergePerson(fresh, incomingOf(u), { phoneKey, fields: new Set(MERGE_FIELDS) });
  if (!m.changed.length) return undefined;
  return {
    ...u,
    etag: String(fresh.etag ?? ''),
    before: fieldsBefore(fresh, m.changed),
    after: m.person,
    updatePersonFields: m.changed.join(','),
  };
}
