// The card index built whole from the event log and the contacts: every contact with an e-mail gets an entry, filed
// under each of its lower-case e-mails. The server's rebuild calls this every few hours; between rebuilds
// apply-event.ts folds single events in.

import { clientKey, EventRecord } from '../events/row';
import { ClientIndex, ClientIndexEntry, ENTRY_SIZES, IndexContact, IndexedEvent } from './entry';

const nameKey = (name: string) => clientKey({ clientId: '', client: name });

export function buildClientIndex(
  events: EventRecord[],
  contacts: IndexContact[],
  builtAt: Date = new Date(0),
): ClientIndex {
  const byClient = eventsByClient(events);
  const entries: Record<string, ClientIndexEntry> = {};
  for (const contact of contacts) {
    const emails = [...new Set(contact.emails.map((m) => m.trim().toLowerCase()).filter((m) => m.includes('@')))];
    if (!emails.length) continue;
    // A contact's events name it by contact id, or only by its name (rows typed or restored by hand).
    const own = [
      ...(byClient.get(contact.resourceName) ?? []),
      ...(contact.name ? (byClient.get(nameKey(contact.name)) ?? []) : []),
    ];
    const entry = entryOf(contact, own);
    for (const m of emails) entries[m] = entry;
  }
  return { builtAt: builtAt.toISOString(), entries };
}

function eventsByClient(events: EventRecord[]): Map<string, EventRecord[]> {
  const byKey = new Map<string, EventRecord[]>();
  for (const e of events) {
    const key = clientKey(e);
    if (!key) continue;
    const list = byKey.get(key) ?? [];
    list.push(e);
    byKey.set(key, list);
  }
  return byKey;
}

const indexedEvent = (e: EventRecord): IndexedEvent => ({
  id: e.id,
  row: e.rowNumber,
  at: e.at.toISOString(),
  kind: e.kind,
  reason: e.reason,
});

function entryOf(contact: IndexContact, own: EventRecord[]): ClientIndexEntry {
  const live = own.filter((e) => e.status !== 'cancelled');
  const done = live
    .filter((e) => e.status === 'done')
    .sort((a, b) => b.at.getTime() - a.at.getTime() || b.rowNumber - a.rowNumber);
  const planned = live
    .filter((e) => e.status === 'planned')
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.rowNumber - b.rowNumber);
  const entry: ClientIndexEntry = {
    resourceName: contact.resourceName,
    name: contact.name,
    labels: [...contact.labels],
    manager: contact.manager ?? '',
    phones: [...contact.phones],
    ...(contact.birthday ? { birthday: contact.birthday } : {}),
    planned: planned.slice(0, ENTRY_SIZES.planned).map((e) => ({ ...indexedEvent(e), manager: e.manager })),
    recent: done
      .slice(0, ENTRY_SIZES.recent)
      .map((e) => ({ ...indexedEvent(e), result: e.result.slice(0, ENTRY_SIZES.resultChars) })),
    rows: [...own]
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, ENTRY_SIZES.rows)
      .map((e) => e.rowNumber),
  };
  if (done[0]) entry.lastContact = { at: done[0].at.toISOString(), kind: done[0].kind, reason: done[0].reason };
  return entry;
}
