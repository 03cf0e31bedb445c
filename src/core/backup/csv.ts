// The backup's Google Contacts CSV: the export's own layout (export/google-csv.ts: Google's header row, labels in
// "Labels" with ` ::: `, cells neutralised against formulas), so Google Contacts or another CRM can take a night's
// contacts back. The CRM's client id rides along as a custom field, the one CRM key a person may need to match rows.

import { googleCsv } from '../export/google-csv';
import { clientDataValue, CRM_KEYS } from '../import/plan/keys';
import type { BackupContact } from './types';

/** The custom field holding the CRM's client id, named like its clientData key. */
export const CLIENT_ID_FIELD = CRM_KEYS.clientId;

/** Google Contacts CSV of the contacts, header row first (each part of a backup carries its own header). */
export function backupCsv(contacts: BackupContact[]): string {
  return googleCsv(
    contacts.map(({ person, labels }) => {
      const id = clientDataValue(person, CLIENT_ID_FIELD);
      if (!id) return { person, labels };
      return {
        person: { ...person, userDefined: [...(person.userDefined ?? []), { key: CLIENT_ID_FIELD, value: id }] },
        labels,
      };
    }),
  );
}
