// The same merge engine by SMS through SMS.ru's strict fake on the emulator's network: each client gets its own text,
// the office's daily SMS limit spreads a mailing over days, every accepted SMS is an "SMS" event on its client, a
// refusal of the whole request (a wrong key) leaves the messages queued instead of losing them, and a message an
// execution claimed but never reported (it died mid-chunk) is 'uncertain' and never sent again.

import type { MailingResult } from '../../../src/shared/mailing-dto';
import type { Office } from '../../../src/local/office';
import type { FakeSmsAccount } from '../../../src/local/sms/form';
import { routeFakeSmsRu } from '../../../src/local/sms/fake-smsru';
import { call, testOffice } from '../../support/office';
import { crmSheetOf, DAY, HOUR } from '../card-index/support';

jest.setTimeout(120_000);

const API_ID = 'A3CA597E-3ACF-4E7D-82EE-CF82B52B1A8B';
const LABEL = 'Должники';

interface Sheet {
  header: string[];
  rows: string[][];
}

let office: Office;
let account: FakeSmsAccount;

const rowsOf = (title: string) => call<Sheet>(office.sheet, 'sheetContents_', title);
const resume = () => call<{ mailings: MailingResult[]; queued: number }>(office.sheet, 'resumeMailings_');

beforeAll(() => {
  office = testOffice();
  office.rpc.runSetup();
  const ws = office.workspace;
  const group = ws.people.insertGroup(LABEL, [], ws.clock.now()).resourceName;
  ws.people.seed(
    Array.from({ length: 6 }, (_, i) => ({
      names: [{ givenName: `Имя${i}`, familyName: `Должник${i}` }],
      phoneNumbers: [{ value: `+7 916 ${String(1000000 + i).slice(-7)}` }],
      memberships: [{ contactGroupMembership: { contactGroupResourceName: group } }],
    })),
    ws.clock.now(),
  );
  call(office.sheet, 'refreshIndexTrigger', {});
  account = routeFakeSmsRu(ws.urlFetch, { apiId: API_ID, balance: 100, price: 1 });
  const saved = office.rpc.saveSettings({ smsGateway: 'smsru', smsApiKey: 'wrong-key', smsDailyLimit: '3' });
  expect(saved.ok).toBe(true);
});

test('SMS: the gateway refusing the request keeps the messages queued; the daily limit spreads the rest', () => {
  const refused = office.rpc.startMailing({
    channel: 'sms',
    recipients: { label: LABEL },
    body: '{{givenName}}, напоминаем об оплате',
  });
  expect(refused).toMatchObject({ sent: 0, queued: 6, done: false });
  expect(refused.problem).toMatch(/200/);
  expect(account.sent).toHaveLength(0);

  expect(office.rpc.saveSettings({ smsApiKey: API_ID }).ok).toBe(true);
  const day1 = resume();
  expect(day1.mailings[0]).toMatchObject({ id: refused.id, sent: 3, queued: 3, remainingQuota: 0 });
  expect(account.sent.map((s) => [s.to, s.text])).toEqual([
    ['79161000000', 'Имя0, напоминаем об оплате'],
    ['79161000001', 'Имя1, напоминаем об оплате'],
    ['79161000002', 'Имя2, напоминаем об оплате'],
  ]);
  // Within the same 24 hours nothing more goes out.
  office.workspace.clock.advance(2 * HOUR);
  expect(resume().mailings[0]).toMatchObject({ sent: 0, queued: 3 });

  // An execution that claimed the next message and died before saying what happened to it.
  const queue = rowsOf('mailings');
  const state = queue.header.indexOf('Состояние');
  const sentAt = queue.header.indexOf('Отправлено');
  const row = queue.rows.findIndex((r) => r[state] === 'queued') + 2;
  const sheet = crmSheetOf(office, 'mailings');
  office.workspace.calls.measure(() => {
    sheet.getRange(row, state + 1).setValue('sending');
    sheet.getRange(row, sentAt + 1).setValue(new Date(office.workspace.clock.now() - HOUR));
  });

  office.workspace.clock.advance(DAY);
  const day2 = resume();
  expect(day2.mailings[0]).toMatchObject({ sent: 2, queued: 0, done: true });
  expect(day2.mailings[0].skipped).toEqual([expect.objectContaining({ client: 'Должник3 Имя3', reason: 'uncertain' })]);
  expect(account.sent.map((s) => s.to)).toEqual([
    '79161000000',
    '79161000001',
    '79161000002',
    '79161000004',
    '79161000005',
  ]);
  expect(account.balance).toBe(95);

  const events = rowsOf('events');
  const kind = events.header.indexOf('Вид');
  const client = events.header.indexOf('Клиент');
  const sms = events.rows.filter((r) => r[kind] === 'SMS');
  expect(sms.map((r) => r[client])).toEqual([
    'Должник0 Имя0',
    'Должник1 Имя1',
    'Должник2 Имя2',
    'Должник4 Имя4',
    'Должник5 Имя5',
  ]);
  const sentIds = rowsOf('mailings').rows.map((r) => r[queue.header.indexOf('Подробности')]);
  expect(sentIds).toContain(account.sent[0].id);
});
