// The restore's entry points: a kept night read from the Drive folder (./read-night.ts), or a copy the CLI read from
// disk (`crm restore FILE`), restored through the journalling People directory (every write a ContactChange with
// source 'restore', ./journal-sheet.ts). The right to restore is the right to import (office, director,
// administrator: core/roles/roles.ts), checked by the api (src/server/api.ts) and here for the CLI's entry point.

import type { PeopleDirectory } from '../../core/ports/people';
import type { RestoreInput, RestoreResult } from '../../shared/backup-dto';
import { OfficeContext } from '../events/office';
import { listAllContacts, peopleDirectory } from '../people/gateway';
import { requireRight } from '../staff/guard';
import { journalled } from './journal-sheet';
import { readNight } from './read-night';
import { RESTORE_LIST_FIELDS, restoreFrom, type RestoreSource } from './restore';
import { restoreText } from './restore-messages';

/** The People directory a restore writes through: its listing reads every field a restore compares (so the
 *  journal's "before" of an update is the whole contact), and every write is journalled as source 'restore'. */
function restoreDirectory(office: OfficeContext): PeopleDirectory {
  const reading: PeopleDirectory = { ...peopleDirectory, listContacts: () => listAllContacts(RESTORE_LIST_FIELDS) };
  return journalled(reading, 'restore', office.actorEmail);
}

/** A kept night's contacts and sheets, read back from Drive; refused in the office's words when it is not kept. */
export function restoreSource(night: string, office: OfficeContext): RestoreSource {
  const copy = readNight(night);
  if (!copy) throw new Error(restoreText(office.locale, 'noSuchNight', { night }));
  return { night, contacts: copy.contacts, sheets: copy.sheets };
}

export function restoreNight(input: RestoreInput): RestoreResult {
  const office = new OfficeContext();
  return restoreFrom(restoreSource(input.night, office), input, { directory: restoreDirectory(office), office });
}

/** `crm restore FILE`: the file's contacts (and sheets, for a night folder) as the CLI read them. */
export function restoreFile(
  source: RestoreSource,
  input: Omit<RestoreInput, 'night'>,
  options: { budgetMs?: number } = {},
): RestoreResult {
  const office = new OfficeContext();
  requireRight('import', office);
  return restoreFrom(
    source,
    { ...input, night: source.night },
    { directory: restoreDirectory(office), office, budgetMs: options.budgetMs },
  );
}
