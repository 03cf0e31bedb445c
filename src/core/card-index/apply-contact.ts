// A contact created or changed by the CRM (import, undo, the card's "add as client", an edit) folded into its index
// entry: what the contact says is taken from the contact, the history the entry already had is kept.

import { ClientIndexEntry, emptyEntry, IndexContact } from './entry';

export function applyContact(entry: ClientIndexEntry | undefined, contact: IndexContact): ClientIndexEntry {
  const base =
    entry ?? emptyEntry(contact.resourceName, contact.name, contact.phones, contact.labels, contact.manager ?? '');
  const next: ClientIndexEntry = {
    ...base,
    resourceName: contact.resourceName,
    name: contact.name,
    phones: [...contact.phones],
    labels: [...contact.labels],
    manager: contact.manager ?? '',
  };
  if (contact.birthday) next.birthday = contact.birthday;
  else delete next.birthday;
  return next;
}
