// The CRM line on the client's Google contact, through the built bundle: written in the execution that logs or
// changes an event (one People read, one write), the staff's own note kept byte for byte whatever they do to it on
// their phone, the client card showing and saving only their text, and the nightly sync not taking our writes for
// outside changes.

import type { ContactChange } from '../../../src/core/backup/types';
import { call } from '../../support/office';
import { DAY, eventsOffice, logEvent } from '../events/office';

jest.setTimeout(60_000);

type Office = ReturnType<typeof eventsOffice>['office'];

function note(office: Office, rn: string): string {
  const p = office.workspace.people.allContacts().find((c) => c.resourceName === rn);
  return String(p?.biographies?.[0]?.value ?? '');
}

/** A whole minute `hours` from now, as the sidebar sends it. */
function at(office: Office, hours: number): string {
  return new Date(Math.floor(office.workspace.clock.now() / 60_000) * 60_000 + hours * 3_600_000).toISOString();
}

test('an event writes the line; phone edits of the note are kept exactly; a line deleted by hand comes back', () => {
  const { office, clients } = eventsOffice();
  const ws = office.workspace;
  const rn = clients.vip.resourceName;

  const { calls } = ws.calls.measure(() =>
    logEvent(office, {
      client: clients.vip.email,
      kind: 'Звонок',
      reason: 'Заказ',
      at: at(office, -2),
      note: 'договорились о встрече',
    }),
  );
  const first = note(office, rn);
  expect(first).toMatch(/^\[CRM\] VIP · \d\d\.\d\d\.\d{4} Звонок, Заказ: договорились о встрече · далее: нет$/);
  // One read and one write of People on top of the event's own requests.
  expect(calls.filter((c) => c.service.startsWith('People.')).map((c) => c.service)).toEqual([
    'People.People.getBatchGet',
    'People.People.batchUpdateContacts',
  ]);

  // On their phone, a manager adds their own text under the line (Windows line ending, trailing spaces and all).
  const staff = 'Звонить после 12\r\n  только Анне  \n';
  ws.people.editByUser(rn, { biographies: [{ value: `${first}\n${staff}`, contentType: 'TEXT_PLAIN' }] });
  const planned = logEvent(office, {
    client: clients.vip.email,
    kind: 'Встреча',
    reason: 'Оплата',
    at: at(office, 26),
    planned: true,
  });
  const second = note(office, rn);
  expect(second).toMatch(/^\[CRM\] VIP · .* · далее: \d\d\.\d\d \d\d:\d\d Встреча, Оплата\n/);
  expect(second.slice(second.indexOf('\n') + 1)).toBe(staff);

  // They delete the line by hand (keeping their text); the next change that moves it writes it back on top.
  ws.people.editByUser(rn, { biographies: [{ value: staff, contentType: 'TEXT_PLAIN' }] });
  office.rpc.changeEvent({ id: planned.id, action: 'done', result: 'оплатил' });
  const third = note(office, rn);
  expect(third).toMatch(/^\[CRM\] VIP · \d\d\.\d\d\.\d{4} Встреча, Оплата: оплатил · далее: нет\n/);
  expect(third.slice(third.indexOf('\n') + 1)).toBe(staff);

  // Edited on the phone between our read and our write: read again once, their edit and our line both kept.
  ws.clock.advance(2 * DAY);
  ws.faults.add({ service: 'People.People.batchUpdateContacts', kind: 'concurrent-edit', nth: [1] });
  logEvent(office, { client: clients.vip.email, kind: 'Звонок', reason: '', at: at(office, -1), note: 'перезвонил' });
  const fourth = note(office, rn);
  expect(fourth).toMatch(/^\[CRM\] VIP · \d\d\.\d\d\.\d{4} Звонок: перезвонил · далее: нет\n/);
  expect(fourth).toContain(staff);
  expect(fourth).toContain('Called back from the phone.');
  expect(fourth.match(/\[CRM\]/g)).toHaveLength(1);

  // A contact deleted in the Contacts app: the event is still logged, nothing thrown.
  ws.people.deleteByUser(clients.sleepy.resourceName);
  expect(logEvent(office, { client: clients.sleepy.email, kind: 'Звонок', reason: '' }).id).toBeTruthy();
});

test('the client card shows and saves only the staff note; a new manager moves the line in the same save', () => {
  const { office, clients } = eventsOffice();
  const rn = clients.regular.resourceName;
  logEvent(office, { client: rn, kind: 'Визит', reason: '', at: at(office, -3), note: 'всё хорошо' });
  const line = note(office, rn);
  expect(line).toMatch(/^\[CRM\] Постоянный · /);

  const seen = office.rpc.getClient({ client: rn }).client;
  expect(seen.notes).toBe('');
  const saved = office.rpc.saveClient({
    resourceName: rn,
    etag: seen.etag,
    base: seen,
    changes: { notes: 'Любит чай' },
  });
  expect(saved.client.notes).toBe('Любит чай');
  expect(note(office, rn)).toBe(`${line}\nЛюбит чай`);

  const again = office.rpc.getClient({ client: rn }).client;
  expect(again.notes).toBe('Любит чай');
  const moved = office.rpc.saveClient({
    resourceName: rn,
    etag: again.etag,
    base: again,
    changes: { manager: 'Нино Беридзе', notes: 'Любит чай\nзелёный' },
  });
  expect(moved.saved).toBe(true);
  expect(note(office, rn)).toMatch(/^\[CRM\] Постоянный · Нино Беридзе · .*\nЛюбит чай\nзелёный$/);
  // The card keeps the etag our line write left: the next save is no merge and no conflict.
  const person = office.workspace.people.allContacts().find((c) => c.resourceName === rn)!;
  expect(moved.client.etag).toBe(person.etag);
});

test('the nightly sync does not journal our line writes as outside changes, only the staff edit', () => {
  const { office, clients } = eventsOffice();
  const ws = office.workspace;
  ws.clock.advance(DAY);
  call(office.sheet, 'backupTrigger', {});
  ws.clock.advance(3_600_000);
  for (const c of [clients.vip, clients.regular])
    logEvent(office, { client: c.email, kind: 'Звонок', reason: '', at: at(office, -1), note: 'обсудили' });
  expect(note(office, clients.vip.resourceName)).toMatch(/^\[CRM\] /);
  // A line written again after a staff edit kept that edit: the edit is theirs, the line ours.
  ws.people.editByUser(clients.regular.resourceName, {
    biographies: [{ value: `${note(office, clients.regular.resourceName)}\nVIP скоро`, contentType: 'TEXT_PLAIN' }],
  });
  logEvent(office, { client: clients.regular.email, kind: 'Визит', reason: '', at: at(office, -0.5), note: 'ок' });
  ws.clock.advance(DAY);
  const sync = call<{ changed: number; deleted: number }>(office.sheet, 'syncOutsideChanges_');
  expect(sync).toMatchObject({ changed: 1, deleted: 0 });
  const outside = call<ContactChange[]>(office.sheet, 'journalChanges_', { limit: 100 }).filter(
    (c) => c.source === 'outside',
  );
  expect(outside.map((c) => [c.resourceName, c.fields])).toEqual([[clients.regular.resourceName, ['biographies']]]);
});
