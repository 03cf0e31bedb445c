// A restore from a copy the CLI read from disk (restoreFile_): into an empty account, then once more (nothing made
// twice), and a preview that changes nothing.

import type { RestoreResult } from '../../../src/shared/backup-dto';
import type { SheetsCopy } from '../../../src/core/backup/types';
import { call } from '../../support/office';
import {
  clearEvents,
  clientIdOf,
  contentHash,
  deleteAllContacts,
  eventRecords,
  eventsSheet,
  seededBase,
  snapshot,
} from './base';

function sheetsCopy(office: Parameters<typeof eventsSheet>[0]): SheetsCopy {
  const values = eventsSheet(office).getDataRange().getValues();
  return { sheets: { events: JSON.parse(JSON.stringify(values)) }, timeZone: 'Europe/Moscow' };
}

test('a copy restored into the emptied account brings every contact, label and event back, relinked, once', () => {
  const { office } = seededBase(60, 200);
  const contacts = snapshot(office);
  const sheets = sheetsCopy(office);
  const before = new Map(contacts.map((c) => [clientIdOf(c.person), contentHash(c)]));
  const eventsBefore = eventRecords(office);
  const clientOf = new Map(contacts.map((c) => [String(c.person.resourceName), clientIdOf(c.person)]));

  deleteAllContacts(office);
  clearEvents(office);
  const source = { night: '2026-03-01', contacts, sheets };
  const preview = call<RestoreResult>(office.sheet, 'restoreFile_', source, { preview: true });
  expect(preview).toMatchObject({ created: 60, updated: 0, unchanged: 0, eventsRestored: 200, paused: false });
  expect(office.workspace.people.allContacts()).toHaveLength(0);

  const done = call<RestoreResult>(office.sheet, 'restoreFile_', source, { preview: false });
  expect(done).toMatchObject({ created: 60, eventsRestored: 200, eventsRelinked: 200, paused: false });
  const now = snapshot(office);
  expect(now).toHaveLength(60);
  expect(new Map(now.map((c) => [clientIdOf(c.person), contentHash(c)]))).toEqual(before);
  const newName = new Map(now.map((c) => [clientIdOf(c.person), String(c.person.resourceName)]));
  const events = eventRecords(office);
  expect(events).toHaveLength(200);
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const e of eventsBefore) {
    const back = byId.get(e.id)!;
    expect(back.clientId).toBe(newName.get(clientOf.get(String(e.clientId))!));
    expect((back.date as Date).getTime()).toBe((e.date as Date).getTime());
    expect(back.result).toBe(e.result);
  }

  const again = call<RestoreResult>(office.sheet, 'restoreFile_', source, { preview: false });
  expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 60, eventsRestored: 0, eventsRelinked: 0 });
  expect(office.workspace.people.allContacts()).toHaveLength(60);
  expect(eventRecords(office)).toHaveLength(200);
});

test('a manager may not restore: refused in the office language, nothing written', () => {
  const { office } = seededBase(5, 0);
  const contacts = snapshot(office);
  deleteAllContacts(office);
  const ws = office.workspace;
  const run = ws.runAs({ email: 'dmitry@example.com' }, () =>
    office.sheet.invoke('restoreFile_', [{ night: 'x', contacts }, { preview: false }]),
  );
  expect(run.error?.name).toBe('NotAllowed');
  expect(() =>
    ws.runAs({ email: 'dmitry@example.com' }, () => office.rpc.restoreBackup({ night: '2026-03-01', preview: false })),
  ).toThrow(/директора|director/i);
  expect(ws.people.allContacts()).toHaveLength(0);
});

test('a restore out of time stops paused and the next runs carry on: nothing made twice', () => {
  const { office } = seededBase(450, 300);
  const contacts = snapshot(office);
  const sheets = sheetsCopy(office);
  const before = new Map(contacts.map((c) => [clientIdOf(c.person), contentHash(c)]));
  deleteAllContacts(office);
  clearEvents(office);
  for (const g of office.workspace.people.allGroups().filter((x) => x.groupType === 'USER_CONTACT_GROUP'))
    office.workspace.people.removeGroup(office.workspace.people.group(String(g.resourceName))!, false, 0);
  const source = { night: '2026-03-01', contacts, sheets };
  // A budget of 1 ms: each execution makes one write call and stops.
  const runs: RestoreResult[] = [];
  do runs.push(call<RestoreResult>(office.sheet, 'restoreFile_', source, { preview: false }, { budgetMs: 1 }));
  while (runs[runs.length - 1].paused && runs.length < 30);
  expect(runs.length).toBeGreaterThan(3);
  expect(runs[runs.length - 1].paused).toBe(false);
  const now = snapshot(office);
  expect(now).toHaveLength(450);
  expect(new Map(now.map((c) => [clientIdOf(c.person), contentHash(c)]))).toEqual(before);
  const events = eventRecords(office);
  expect(events).toHaveLength(300);
  const names = new Set(now.map((c) => String(c.person.resourceName)));
  expect(events.every((e) => names.has(String(e.clientId)))).toBe(true);
});
