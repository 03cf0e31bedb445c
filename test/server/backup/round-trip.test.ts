// Issue 14's round trip, through the built bundle on the emulator: a base of 1,000 clients (labels, birthdays,
// notes, a manager field, the import's client id) and 5,000 events → the nightly backup → every contact deleted and
// the Events sheet cleared → restore → every field, label and event back, each event pointing at its client's NEW
// resourceName, nothing twice; then edits, a second night's backup, the same loss, and its restore brings the edits.

import type { Office } from '../../../src/local/office';
import type { RestoreResult } from '../../../src/shared/backup-dto';
import { runBackup } from './fixture';
import {
  clearEvents,
  clientIdOf,
  contentHash,
  deleteAllContacts,
  eventRecords,
  groupNames,
  seededBase,
  snapshot,
} from './base';

jest.setTimeout(120_000);

/** Runs the restore until it is done (each call an execution of its own, as the CLI and the sidebar do). */
function restore(office: Office, night: string): RestoreResult {
  const first = office.rpc.restoreBackup({ night, preview: false });
  let last = first;
  for (let i = 0; last.paused && i < 10; i++) last = office.rpc.restoreBackup({ night, preview: false });
  expect(last.paused).toBe(false);
  return { ...last, created: first.created, updated: first.updated, unchanged: first.unchanged };
}

/** client id → content hash; client id → resourceName; event id → (client id, the row's other cells). */
function state(office: Office) {
  const contacts = snapshot(office);
  const clientOf = new Map(contacts.map((c) => [String(c.person.resourceName), clientIdOf(c.person)]));
  const events = eventRecords(office).map((e) => ({
    ...e,
    clientId: clientOf.get(String(e.clientId)) ?? `unlinked:${String(e.clientId)}`,
    date: (e.date as Date).getTime(),
  }));
  return {
    contacts: new Map(contacts.map((c) => [clientIdOf(c.person), contentHash(c)])),
    names: contacts.map((c) => String(c.person.resourceName)),
    labels: [...groupNames(office).values()].sort(),
    events: new Map(events.map((e) => [String((e as Record<string, unknown>).id), JSON.stringify(e)])),
    count: { contacts: contacts.length, events: events.length },
  };
}

const T0 = Date.now();
const lap = (what: string) => process.env.LAPS && console.log(what, Date.now() - T0);

test('1,000 clients and 5,000 events: backed up, lost, restored — twice, the second night with its edits', () => {
  const { office } = seededBase(1000, 5000);
  const ws = office.workspace;
  lap('const original = sta');
  const original = state(office);
  expect(original.count).toEqual({ contacts: 1000, events: 5000 });

  lap('const first = runBac');
  const first = runBackup(office, { now: '2026-03-02T03:00:00+03:00' });
  expect(first).toMatchObject({ night: '2026-03-02', status: 'verified', contacts: 1000, events: 5000 });

  deleteAllContacts(office);
  clearEvents(office);
  for (const g of ws.people.allGroups().filter((x) => x.groupType === 'USER_CONTACT_GROUP'))
    ws.people.removeGroup(ws.people.group(String(g.resourceName))!, false, ws.clock.now());

  lap('const preview = offi');
  const preview = office.rpc.restoreBackup({ night: '2026-03-02', preview: true });
  expect(preview).toMatchObject({ created: 1000, updated: 0, unchanged: 0, eventsRestored: 5000, paused: false });
  expect(preview.samples.length).toBeGreaterThan(0);
  expect(ws.people.allContacts()).toHaveLength(0);

  lap('const done = restore');
  const done = restore(office, '2026-03-02');
  expect(done).toMatchObject({ created: 1000, updated: 0, eventsRestored: 5000, eventsRelinked: 5000 });
  lap('const back = state(o');
  const back = state(office);
  expect(back.count).toEqual({ contacts: 1000, events: 5000 });
  expect(back.contacts).toEqual(original.contacts);
  expect(back.labels).toEqual(original.labels);
  expect(back.events).toEqual(original.events);
  // Every contact is new (the old ones are gone), and every event points at one of them.
  expect(back.names.filter((n) => original.names.includes(n))).toEqual([]);

  // Edits after the restore, then the second night.
  const people = ws.people;
  const edited = back.names.slice(0, 20);
  for (const [k, rn] of edited.entries())
    people.editByUser(
      rn,
      { biographies: [{ value: `Новая заметка ${k}`, contentType: 'TEXT_PLAIN' }] },
      ws.clock.now(),
    );
  lap('const second = runBa');
  ws.clock.advance(86_400_000);
  const second = runBackup(office, { now: '2026-03-03T03:00:00+03:00' });
  expect(second).toMatchObject({ night: '2026-03-03', status: 'verified', contacts: 1000 });
  const withEdits = state(office);

  deleteAllContacts(office);
  clearEvents(office);
  lap('const again = restor');
  const again = restore(office, '2026-03-03');
  expect(again).toMatchObject({ created: 1000, eventsRestored: 5000 });
  lap('const last = state(o');
  const last = state(office);
  expect(last.contacts).toEqual(withEdits.contacts);
  expect(last.events).toEqual(withEdits.events);
  expect(last.count).toEqual({ contacts: 1000, events: 5000 });
});

test('restoring a night into the account as it is: nothing made twice, only what differs is written back', () => {
  const { office, names } = seededBase(50, 100);
  const ws = office.workspace;
  runBackup(office, { now: '2026-03-02T03:00:00+03:00' });
  const original = state(office);
  ws.people.editByUser(names[1], { biographies: [{ value: 'испорчено', contentType: 'TEXT_PLAIN' }] }, ws.clock.now());
  ws.people.deleteByUser(names[2], ws.clock.now());
  const result = restore(office, '2026-03-02');
  expect(result).toMatchObject({ created: 1, updated: 1, unchanged: 48, eventsRestored: 0, eventsRelinked: 2 });
  const now = state(office);
  expect(now.contacts).toEqual(original.contacts);
  expect(now.events).toEqual(original.events);
});
