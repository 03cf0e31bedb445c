// The mail merge on the emulator from the built bundle, as an office would notice it: how many messages go out on a
// consumer account's 100-recipient day, that the next days carry on without anyone getting a message twice, who is
// skipped and why, one e-mail event per message on its client, and a preview that shows a missing field rather than
// sending "Dear ,".

import type { people_v1 } from '@googleapis/people';
import type { MailingResult } from '../../../src/shared/mailing-dto';
import type { Office } from '../../../src/local/office';
import { clockTriggerEvent, dueTriggers } from 'workspace-emulator';
import { call, testOffice } from '../../support/office';
import { appendRows, DAY, HOUR } from '../card-index/support';

jest.setTimeout(180_000);

interface Sheet {
  header: string[];
  rows: string[][];
}

const LABEL = 'Весна';
const SENT_TO = 300;
const NO_EMAIL = 5;
const UNSUB_LABEL = 3;
const UNSUB_LIST = 2;

let office: Office;
let ids: string[];

function seed(o: Office): string[] {
  const ws = o.workspace;
  const spring = ws.people.insertGroup(LABEL, [], ws.clock.now()).resourceName;
  const gone = ws.people.insertGroup('Отписались', [], ws.clock.now()).resourceName;
  const member = (g: string) => ({ contactGroupMembership: { contactGroupResourceName: g } });
  const persons: people_v1.Schema$Person[] = [];
  for (let i = 0; i < SENT_TO + UNSUB_LIST; i++)
    persons.push({
      names: [{ givenName: `Имя${i}`, familyName: `Клиент${i}` }],
      emailAddresses: [{ value: `client${i}@example.ru` }],
      phoneNumbers: [{ value: `+7 912 ${String(1000000 + i).slice(-7)}` }],
      memberships: [member(spring)],
    });
  for (let i = 0; i < NO_EMAIL; i++)
    persons.push({
      names: [{ givenName: 'Безпочты', familyName: `Телефон${i}` }],
      phoneNumbers: [{ value: `+7 913 ${String(1000000 + i).slice(-7)}` }],
      memberships: [member(spring)],
    });
  for (let i = 0; i < UNSUB_LABEL; i++)
    persons.push({
      names: [{ givenName: 'Нет', familyName: `Отписан${i}` }],
      emailAddresses: [{ value: `gone${i}@example.ru` }],
      memberships: [member(spring), member(gone)],
    });
  // Not in the label: never written to.
  persons.push({
    names: [{ givenName: 'Чужой', familyName: 'Клиент' }],
    emailAddresses: [{ value: 'other@example.ru' }],
  });
  return ws.people.seed(persons, ws.clock.now());
}

function rowsOf(title: string): Sheet {
  return call<Sheet>(office.sheet, 'sheetContents_', title);
}

function events(): Array<Record<string, string>> {
  const s = rowsOf('events');
  return s.rows.map((r) => Object.fromEntries(s.header.map((h, i) => [h, r[i]])));
}

const sentMail = () => office.workspace.gmail.sent();

beforeAll(() => {
  office = testOffice();
  office.rpc.runSetup();
  ids = seed(office);
  // The Lists sheet's "Unsubscribed" column: two addresses that asked by e-mail.
  appendRows(office, 'lists', [
    { unsubscribed: `client${SENT_TO}@example.ru` },
    { unsubscribed: `CLIENT${SENT_TO + 1}@example.ru` },
  ]);
  call(office.sheet, 'refreshIndexTrigger', {});
});

const INPUT = {
  channel: 'email' as const,
  recipients: { label: LABEL },
  subject: 'Весенняя акция для {{givenName}}',
  body: 'Здравствуйте, {{givenName}}!\nВаш менеджер — {{office.name}}.',
};

test('a preview with a field some clients lack lists them as skipped instead of sending "Dear ,"', () => {
  const saved = office.rpc.saveSettings({ officeName: 'Салон «Весна»' });
  expect(saved.ok).toBe(true);
  const preview = office.rpc.previewMailing({ ...INPUT, body: 'Здравствуйте, {{givenName}} {{middleName}}!' });
  expect(preview.messages).toEqual([]);
  const missing = preview.skipped.filter((s) => s.reason === 'missing-field');
  expect(missing).toHaveLength(SENT_TO);
  expect(missing[0].detail).toBe('middleName');
  const typo = office.rpc.previewMailing({ ...INPUT, body: 'Здравствуйте, {{givenname}}!' });
  expect(typo.unknown).toEqual(['givenname']);
  expect(() => office.rpc.startMailing({ ...INPUT, body: 'Здравствуйте, {{givenname}}!' })).toThrow(/givenname/);
  const good = office.rpc.previewMailing(INPUT);
  expect(good.recipients).toBe(SENT_TO + UNSUB_LIST + NO_EMAIL + UNSUB_LABEL);
  expect(good.messages).toHaveLength(5);
  const first = good.messages.find((m) => m.to === 'client0@example.ru')!;
  expect(first.subject).toBe('Весенняя акция для Имя0');
  expect(first.text).toBe('Здравствуйте, Имя0!\nВаш менеджер — Салон «Весна».');
  expect(good.remainingQuota).toBe(100);
  expect(sentMail()).toHaveLength(0);
});

test('300 recipients on a consumer account: 100 a day, never anyone twice, skips kept, one event per message', () => {
  const day1 = office.rpc.startMailing(INPUT);
  expect(day1).toMatchObject({ sent: 100, queued: 200, remainingQuota: 0, done: false });
  const reasons = (r: MailingResult) =>
    r.skipped.reduce<Record<string, number>>((a, s) => ({ ...a, [s.reason]: (a[s.reason] ?? 0) + 1 }), {});
  expect(reasons(day1)).toEqual({ 'no-email': NO_EMAIL, unsubscribed: UNSUB_LABEL + UNSUB_LIST });
  expect(sentMail()).toHaveLength(100);
  expect(office.workspace.triggers.all().filter((t) => t.handler === 'mailingTrigger')).toHaveLength(1);
  expect(office.rpc.listMailings()).toEqual([
    expect.objectContaining({ id: day1.id, total: 310, sent: 100, queued: 200, skipped: 10, state: 'waiting-quota' }),
  ]);

  // Day 2: one client still waiting unsubscribes (the office gives them the label); the trigger carries on.
  const waiting = ids[250];
  const group = (name: string) => office.workspace.people.allGroups().find((g) => g.name === name)!.resourceName!;
  const memberships = [group(LABEL), group('Отписались')].map((g) => ({
    contactGroupMembership: { contactGroupResourceName: g },
  }));
  office.workspace.people.editByUser(waiting, { memberships }, office.workspace.clock.now());
  call(office.sheet, 'refreshIndexTrigger', {});
  office.workspace.clock.advance(DAY + HOUR);
  const day2 = call<{ mailings: MailingResult[]; queued: number }>(office.sheet, 'mailingTrigger', {});
  expect(day2.mailings[0]).toMatchObject({ id: day1.id, sent: 100, queued: 99 });
  expect(sentMail()).toHaveLength(200);

  office.workspace.clock.advance(DAY + HOUR);
  const day3 = call<{ mailings: MailingResult[]; queued: number }>(office.sheet, 'mailingTrigger', {});
  expect(day3.mailings[0]).toMatchObject({ sent: 99, queued: 0, done: true });
  expect(day3.queued).toBe(0);
  // Nothing waits: the trigger removed itself.
  expect(office.workspace.triggers.all().filter((t) => t.handler === 'mailingTrigger')).toHaveLength(0);

  const to = sentMail().map((m) => m.to);
  expect(to).toHaveLength(299);
  expect(new Set(to).size).toBe(299);
  expect(to).not.toContain('client250@example.ru');
  expect(to).not.toContain(`client${SENT_TO}@example.ru`);
  expect(to.some((t) => t.startsWith('gone'))).toBe(false);
  const mailEvents = events().filter((e) => e['Вид'] === 'E-mail');
  expect(mailEvents).toHaveLength(299);
  expect(new Set(mailEvents.map((e) => e['Клиент'])).size).toBe(299);
  expect(mailEvents[0]['Результат']).toMatch(/^Весенняя акция для Имя/);
  expect(office.rpc.listMailings()[0]).toMatchObject({ sent: 299, queued: 0, skipped: 11, state: 'done' });
});

test('stopping a mailing skips what is still queued; a dry run SMS sends, queues and logs nothing', () => {
  office.workspace.clock.advance(DAY + HOUR);
  const started = office.rpc.startMailing({ ...INPUT, subject: 'Вторая' });
  expect(started.sent).toBe(100);
  const stopped = office.rpc.stopMailing({ id: started.id });
  expect(stopped).toMatchObject({ sent: 100, queued: 0, state: 'stopped' });
  // A card whose only number is not a phone number anyone can text.
  const ws = office.workspace;
  const spring = ws.people.allGroups().find((g) => g.name === LABEL)!.resourceName!;
  ws.people.seed(
    [
      {
        names: [{ givenName: 'Короткий', familyName: 'Номер' }],
        emailAddresses: [{ value: 'short@example.ru' }],
        phoneNumbers: [{ value: '555-12' }],
        memberships: [{ contactGroupMembership: { contactGroupResourceName: spring } }],
      },
    ],
    ws.clock.now(),
  );
  call(office.sheet, 'refreshIndexTrigger', {});
  const before = { events: events().length, queue: rowsOf('mailings').rows.length, mail: sentMail().length };
  const sms = office.rpc.startMailing({
    channel: 'sms',
    recipients: { label: LABEL },
    body: '{{givenName}}, весной скидка 10%',
    dryRun: true,
  });
  expect(sms.id).toBe('');
  expect(sms.messages![0]).toMatchObject({ to: '+79121000000', text: 'Имя0, весной скидка 10%' });
  expect(sms.skipped.filter((s) => s.reason === 'no-phone')).toHaveLength(UNSUB_LABEL);
  expect(sms.skipped.filter((s) => s.reason === 'not-e164')).toEqual([
    expect.objectContaining({ client: 'Номер Короткий', detail: '555-12' }),
  ]);
  expect(sms.sent).toBe(200);
  expect({ events: events().length, queue: rowsOf('mailings').rows.length, mail: sentMail().length }).toEqual(before);
});

/** Runs every trigger due up to `toMs` at its time, as Apps Script's scheduler would (one a run may make, too). */
function runTriggersUntil(toMs: number): string[] {
  const ws = office.workspace;
  const fired: string[] = [];
  for (let due = dueTriggers(ws.triggers, ws.clock.now(), toMs)[0]; due;) {
    ws.clock.set(due.at);
    const run = office.sheet.invoke(due.handler, [clockTriggerEvent(due)]);
    if (run.error) throw run.error;
    fired.push(due.handler);
    due = dueTriggers(ws.triggers, ws.clock.now() + 1, toMs)[0];
  }
  ws.clock.set(toMs);
  return fired;
}

test("a Workspace account's 1,500 a day are not cut to one run: what the start had no time for goes on minutes later", () => {
  office.workspace.gmail.quota.limit = 1500;
  office.workspace.clock.advance(DAY + HOUR);
  const start = office.rpc.startMailing({ ...INPUT, subject: 'Летняя акция для {{givenName}}' });
  // The start answers the sidebar within its minute; the rest is not left for tomorrow's trigger.
  expect(start).toMatchObject({ done: false, resumesSoon: true });
  expect(start.sent).toBeGreaterThan(0);
  expect(start.queued).toBeGreaterThan(0);
  const total = start.sent + start.queued;
  const fired = runTriggersUntil(office.workspace.clock.now() + 30 * 60_000);
  expect(fired[0]).toBe('mailingSoonTrigger');
  expect(fired).not.toContain('mailingTrigger');
  const summer = sentMail().filter((m) => m.subject.startsWith('Летняя'));
  expect(summer).toHaveLength(total);
  expect(new Set(summer.map((m) => m.to)).size).toBe(total);
  // Nothing waits: neither the one-off runs nor the daily trigger are left behind.
  const left = office.workspace.triggers.all().map((t) => t.handler);
  expect(left.filter((h) => h.startsWith('mailing'))).toEqual([]);
});
