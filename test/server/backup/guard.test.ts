// The mass-deletion guard, through the built bundle: 20 % of a label deleted in the Google Contacts app (the
// emulator's host API, as the app would) → the nightly sync journals the deletions as 'outside' and sends ONE e-mail
// to the director and the office account; a night with no new deletions sends none; the e-mail's link (the sheet
// project's web app, fetched as a browser would) brings back exactly those contacts, once; a wrong key changes
// nothing. A sync token older than 7 days falls back to a full comparison that still finds a deletion.

import type { ContactChange } from '../../../src/core/backup/types';
import { call } from '../../support/office';
import { clientIdOf, contentHash, eventRecords, seededBase, snapshot } from './base';

jest.setTimeout(60_000);
const DAY = 86_400_000;

interface Sync {
  changed: number;
  deleted: number;
  full: boolean;
  alert?: { incident: string; contacts: number; labels: string[]; mailedTo: string[] };
}

test('20 % of a label deleted outside: one mail, its link restores exactly those contacts once', () => {
  const { office, names, groups } = seededBase(200, 400);
  const ws = office.workspace;
  const night = () => {
    ws.clock.advance(DAY);
    return call(office.sheet, 'backupTrigger', {});
  };
  night(); // the first night: the sync learns its token, the backup is made
  const before = snapshot(office);
  const hashOf = new Map(before.map((c) => [clientIdOf(c.person), contentHash(c)]));
  const eventsBefore = eventRecords(office);

  // 20 % of the label "Опт" (members: i % 3 === 2), deleted in the Contacts app.
  const members = ws.people.membersOf(groups['Опт']);
  const gone = members.slice(0, Math.ceil(members.length * 0.2));
  for (const rn of gone) ws.people.deleteByUser(rn, ws.clock.now());
  const goneIds = new Set(gone.map((rn) => clientIdOf(before.find((c) => c.person.resourceName === rn)!.person)));
  const mailsBefore = ws.gmail.sent().length;

  ws.clock.advance(DAY);
  const sync = call<Sync>(office.sheet, 'syncOutsideChanges_');
  expect(sync).toMatchObject({ deleted: gone.length, full: false });
  expect(sync.alert?.labels).toContain('Опт');
  const mails = ws.gmail.sent().slice(0, ws.gmail.sent().length - mailsBefore);
  expect(mails).toHaveLength(1);
  const mail = mails[0];
  expect(mail.to.split(',').sort()).toEqual(['office@example.com', 'olga@example.com'].sort());
  expect(mail.subject).toContain(String(gone.length));
  expect(mail.plainBody).toContain('Клиентов');
  // The deletions are in the journal, as outside changes with the contact as the backup had it.
  const journal = call<ContactChange[]>(office.sheet, 'journalChanges_', { limit: 500 });
  const outside = journal.filter((c) => c.source === 'outside' && c.action === 'deleted');
  expect(outside.map((c) => c.resourceName).sort()).toEqual([...gone].sort());
  expect(outside[0].before?.person.names).toBeDefined();
  call(office.sheet, 'runBackup_', {});

  // The next night: nothing new deleted, nothing sent.
  night();
  expect(ws.gmail.sent().length - mailsBefore).toBe(1);

  const link = /https:\/\/\S+action=restore-deleted\S+/.exec(mail.plainBody)![0];
  const wrong = ws.webApp.get(link.replace(/key=[^&]+/, 'key=' + 'a'.repeat(64)));
  expect(wrong.text).toMatch(/недействительна|not valid/);
  expect(ws.people.allContacts()).toHaveLength(200 - gone.length);

  const page = ws.webApp.get(link);
  expect(page.status).toBe(200);
  expect(page.text).toMatch(/Восстановлено|Restored/);
  const after = snapshot(office);
  expect(after).toHaveLength(200);
  expect(new Map(after.map((c) => [clientIdOf(c.person), contentHash(c)]))).toEqual(hashOf);
  // The restored contacts are new ones; every event of theirs points at the new contact.
  const nameOf = new Map(after.map((c) => [clientIdOf(c.person), String(c.person.resourceName)]));
  const oldClient = new Map(before.map((c) => [String(c.person.resourceName), clientIdOf(c.person)]));
  const events = new Map(eventRecords(office).map((e) => [e.id, e]));
  expect(events.size).toBe(eventsBefore.length);
  for (const e of eventsBefore) {
    const client = oldClient.get(String(e.clientId))!;
    expect(events.get(e.id)!.clientId).toBe(nameOf.get(client));
    if (goneIds.has(client)) expect(events.get(e.id)!.clientId).not.toBe(e.clientId);
  }

  const second = ws.webApp.get(link);
  expect(second.text).toMatch(/уже восстановлены|already restored/);
  expect(ws.people.allContacts()).toHaveLength(200);

  // The restore's own writes are the CRM's (journalled as 'restore'): the next sync finds nothing from outside.
  const restored = call<ContactChange[]>(office.sheet, 'journalChanges_', { limit: 500 }).filter(
    (c) => c.source === 'restore',
  );
  expect(restored.filter((c) => c.action === 'created')).toHaveLength(gone.length);
  ws.clock.advance(DAY);
  expect(call<Sync>(office.sheet, 'syncOutsideChanges_')).toMatchObject({ changed: 0, deleted: 0 });
  void names;
});

test('a sync token older than 7 days: a full comparison with the last night still finds the deletion', () => {
  const { office, names } = seededBase(100, 0);
  const ws = office.workspace;
  ws.clock.advance(DAY);
  call(office.sheet, 'backupTrigger', {});
  ws.clock.advance(8 * DAY);
  call(office.sheet, 'runBackup_', {});
  ws.people.deleteByUser(names[7], ws.clock.now());
  const sync = call<Sync>(office.sheet, 'syncOutsideChanges_');
  expect(sync).toMatchObject({ full: true, deleted: 1 });
  expect(sync.alert).toBeUndefined();
  const journal = call<ContactChange[]>(office.sheet, 'journalChanges_', { limit: 50 });
  expect(journal.filter((c) => c.source === 'outside').map((c) => c.resourceName)).toEqual([names[7]]);
});
