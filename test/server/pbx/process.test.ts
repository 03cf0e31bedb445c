// Inbox rows (as the web app appends them) → events, the callback list and new callers, through the built bundle on
// the emulated Workspace. Zadarma notifications shaped as zadarma/user-api-v1 documents them.

import type { CallsView, ProcessInboxResult } from '../../../src/shared/pbx-dto';
import type { Office } from '../../../src/local/office';
import { call, testOffice } from '../../support/office';
import { appendRows, seedClients, sheetValues } from '../card-index/support';

jest.setTimeout(60_000);

interface Sheet {
  header: string[];
  rows: string[][];
}

let office: Office;
let names: string[];
let clock: () => number;

// Clients 0 and 1: +7 912 1000000 and +7 912 1000001.
const C0 = '79121000000';
const C1 = '79121000001';
const STRANGER = '79165550000';
const NEWCOMER = '79167770000';
const DID = '74951234567';
const OLEG_LINE = '74957654321';

beforeAll(() => {
  office = testOffice();
  office.rpc.runSetup();
  ({ names } = seedClients(office, 2));
  call(office.sheet, 'refreshIndexTrigger', {});
  appendRows(office, 'staff', [
    { name: 'Анна Смирнова', email: 'anna@example.com', role: 'manager', extension: '101, 102' },
    { name: 'Олег Петров', email: 'oleg@example.com', role: 'manager', line: '8 (495) 765-43-21' },
  ]);
  clock = () => office.workspace.clock.now();
});

/** Inbox rows exactly as the endpoint appends them: receivedAt, provider, '', '', '', the JSON payload. */
function receive(...requests: Array<Record<string, string>>): void {
  receiveFrom('zadarma', ...requests.map((params) => ({ path: '', params })));
}

function receiveFrom(provider: string, ...payloads: Array<{ path: string; params: Record<string, string> }>): void {
  const at = new Date(clock()).toISOString();
  appendRows(
    office,
    'inbox',
    payloads.map((p) => ({ receivedAt: at, provider, payload: JSON.stringify(p) })),
  );
}

/** Mango's form (the endpoint checked vpbx_api_key and sign before appending). */
const mango = (path: string, json: object) => ({
  path,
  params: { vpbx_api_key: 'k', sign: 's', json: JSON.stringify(json) },
});

const end = (id: string, caller: string, start: string, more: Record<string, string>) => ({
  event: 'NOTIFY_END',
  call_start: start,
  pbx_call_id: id,
  caller_id: caller,
  called_did: DID,
  status_code: '16',
  ...more,
});
const outEnd = (id: string, dest: string, start: string, more: Record<string, string>) => ({
  event: 'NOTIFY_OUT_END',
  call_start: start,
  pbx_call_id: id,
  caller_id: OLEG_LINE,
  destination: dest,
  status_code: '16',
  ...more,
});

let lastRun: { serviceCalls: number; bytes: number; services: string[] } | undefined;
function process(options: { budgetMs?: number } = {}): ProcessInboxResult {
  const before = office.workspace.calls.all().length;
  const run = office.sheet.invoke('processInbox_', [options]);
  if (run.error) throw run.error;
  const services = office.workspace.calls
    .all()
    .slice(before)
    .map((c) => c.service);
  lastRun = { serviceCalls: run.report.serviceCalls, bytes: run.report.bytes, services };
  return run.result as ProcessInboxResult;
}
const calls = () => call<CallsView>(office.sheet, 'callbacks_');
const rows = (key: 'events' | 'inbox' | 'callbacks' | 'callers') => call<Sheet>(office.sheet, 'sheetContents_', key);
const byHeader = (s: Sheet, r: string[]) => Object.fromEntries(s.header.map((h, i) => [h, r[i]]));

test('one run: answered in and out become one done call event each, missed calls the callback list, a retry nothing', () => {
  const A = end('in_A', C0, '2026-03-02 09:10:00', {
    internal: '101',
    duration: '185',
    disposition: 'answered',
    is_recorded: '1',
    call_id_with_rec: 'rec-A',
  });
  receive(
    { event: 'NOTIFY_START', call_start: '2026-03-02 09:10:00', pbx_call_id: 'in_A', caller_id: C0, called_did: DID },
    A,
    outEnd('out_B', C1, '2026-03-02 09:20:00', { internal: '555', duration: '42', disposition: 'answered' }),
    end('in_C', STRANGER, '2026-03-02 09:30:00', { internal: '101', duration: '0', disposition: 'no answer' }),
    end('in_D', C1, '2026-03-02 09:40:00', { duration: '0', disposition: 'busy' }),
    outEnd('out_E', C0, '2026-03-02 09:45:00', { internal: '101', duration: '0', disposition: 'no answer' }),
    A,
    { event: 'NOTIFY_END', pbx_call_id: 'in_X' },
  );
  const result = process();
  expect(result).toEqual({
    events: 2,
    missed: 2,
    unknown: 1,
    duplicates: 1,
    recordings: 0,
    closedCallbacks: 0,
    ignored: 2,
    problems: [{ row: 9, source: 'zadarma', message: expect.any(String) }],
    left: 0,
  });
  // One read, the touched clients' Card index rows, ONE atomic write: the Inbox can never disagree with the log.
  expect(lastRun!.services.filter((c) => c.startsWith('Sheets.'))).toEqual([
    'Sheets.Spreadsheets.Values.batchGet',
    'Sheets.Spreadsheets.Values.batchGet',
    'Sheets.Spreadsheets.batchUpdate',
  ]);
  expect(lastRun!.serviceCalls).toBeLessThanOrEqual(12);
  const events = rows('events');
  const added = events.rows.slice(-2).map((r) => byHeader(events, r));
  expect(added.map((e) => [e['Клиент'], e['Телефон клиента'], e['Менеджер'], e['Статус'], e['Результат']])).toEqual([
    [
      'Клиент0 Иван',
      '8 (912) 100-00-00',
      'Анна Смирнова',
      'сделано',
      'Входящий · разговор 3:05 · линия 8 (495) 123-45-67 · доб. 101 · запись: rec-A',
    ],
    [
      'Клиент1 Иван',
      '8 (912) 100-00-01',
      'Олег Петров',
      'сделано',
      'Исходящий · разговор 0:42 · линия 8 (495) 765-43-21 · доб. 555',
    ],
  ]);
  const inbox = rows('inbox').rows.map((r) => r.slice(2, 5));
  expect(inbox.map((r) => r[1])).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'duplicate', 'problem']);
  expect(inbox[1][2]).toMatch(/^E[0-9a-z]+-[0-9a-z]+@\d+$/);
  expect(inbox.map((r) => r[2]).slice(3, 7)).toEqual(['callback', 'callback', 'unanswered', '#3']);
  const view = calls();
  expect(view.callbacks.map((c) => [c.phone, c.client, c.clientId, c.attempts, c.state, c.manager])).toEqual([
    ['+79121000001', 'Клиент1 Иван', names[1], 1, 'open', 'Анна'],
    ['+79165550000', '', '', 1, 'open', 'Анна Смирнова'],
  ]);
  expect(view.newCallers.map((c) => [c.phone, c.calls, c.state])).toEqual([['+79165550000', 1, 'new']]);
  // The client's card sees the call at once (the Card index row was written in the same batch), and so does the
  // phone's call screen: the CRM line on the contact's note.
  expect(call(office.sheet, 'lookupClientIndex_', '+79121000000')).toMatchObject({
    recent: [expect.objectContaining({ kind: 'Звонок', reason: 'Звонок АТС' })],
  });
  const note = office.workspace.people.records().find((p) => p.resourceName === names[0])!.data.biographies?.[0];
  expect(note?.value).toMatch(/^\[CRM\] .*\d\d\.\d\d\.\d{4} Звонок, Звонок АТС: Входящий · разговор 3:05/);
});

test('the next run: a second miss is attempt 2 of the same item, a later answered call closes one, a recording attaches', () => {
  receive(
    end('in_F', STRANGER, '2026-03-02 10:00:00', { duration: '0', disposition: 'cancel' }),
    outEnd('out_G', C1, '2026-03-02 10:05:00', { internal: '102', duration: '61', disposition: 'answered' }),
    { event: 'NOTIFY_RECORD', pbx_call_id: 'in_A', call_id_with_rec: 'rec-A-2' },
    outEnd('out_B', C1, '2026-03-02 09:20:00', { internal: '555', duration: '42', disposition: 'answered' }),
    end('in_N', NEWCOMER, '2026-03-02 10:10:00', { internal: '102', duration: '30', disposition: 'answered' }),
  );
  expect(process()).toMatchObject({
    events: 2,
    missed: 1,
    unknown: 2,
    duplicates: 1,
    recordings: 1,
    closedCallbacks: 1,
  });
  const view = calls();
  expect(view.callbacks.map((c) => [c.phone, c.attempts, c.state, c.closedBy])).toEqual([
    ['+79165550000', 2, 'open', ''],
    ['+79121000001', 1, 'closed', 'call'],
  ]);
  const sheet = rows('callbacks');
  expect(sheet.rows).toHaveLength(2);
  expect(sheet.rows.map((r) => byHeader(sheet, r)['Состояние'])).toEqual(['открыт', 'закрыт']);
  const events = rows('events');
  const all = events.rows.map((r) => byHeader(events, r));
  expect(all.filter((e) => e['Результат'].includes('rec-A'))).toHaveLength(1);
  expect(all.find((e) => e['Результат'].includes('rec-A'))!['Результат']).toMatch(/запись: rec-A · запись: rec-A-2$/);
  const stranger = all.find((e) => e['Телефон клиента'] === '8 (916) 777-00-00')!;
  expect([stranger['Клиент'], stranger['Контакт (ID)'], stranger['Менеджер']]).toEqual([
    '8 (916) 777-00-00',
    '',
    'Анна Смирнова',
  ]);
  expect(view.newCallers.map((c) => [c.phone, c.calls])).toEqual([
    ['+79167770000', 1],
    ['+79165550000', 2],
  ]);
});

test('closing by hand, and "Add as client" relinking the calls of that number', () => {
  const closed = office.rpc.closeCallback({ phone: '8 916 555-00-00' });
  expect(closed.callbacks.find((c) => c.phone === '+79165550000')).toMatchObject({ state: 'closed', closedBy: 'hand' });
  const added = office.rpc.addCaller({ phone: '+79167770000', name: 'Пётр Новиков' });
  expect(added).toMatchObject({ client: 'Новиков Пётр', relinked: 1 });
  expect(added.calls.newCallers.find((c) => c.phone === '+79167770000')).toMatchObject({
    state: 'added',
    clientId: added.clientId,
  });
  const events = rows('events');
  const row = events.rows.map((r) => byHeader(events, r)).find((e) => e['Телефон клиента'] === '8 (916) 777-00-00')!;
  expect([row['Клиент'], row['Контакт (ID)']]).toEqual(['Новиков Пётр', added.clientId]);
  expect(call(office.sheet, 'lookupClientIndex_', '+79167770000')).toMatchObject({
    name: 'Новиков Пётр',
    recent: [expect.objectContaining({ kind: 'Звонок' })],
  });
  void sheetValues;
});

test('setup installs the processing trigger (every 5 minutes) once a PBX has reached the Inbox, and only once', () => {
  const inboxTriggers = () => office.workspace.triggers.all().filter((t) => t.handler === 'processInboxTrigger');
  // The office was set up before any PBX call: no trigger yet (288 executions a day for nothing).
  expect(inboxTriggers()).toEqual([]);
  office.rpc.runSetup();
  office.rpc.runSetup();
  expect(inboxTriggers().map((t) => t.schedule)).toEqual([expect.objectContaining({ kind: 'minutes', every: 5 })]);
});

test('Mango: a recording that comes before its call ends waits, and is attached when the summary arrives', () => {
  const t0 = Math.floor(clock() / 1000) - 600;
  const entry = 'MTAxOjEwMjM0NTY3ODk=';
  receiveFrom(
    'mango',
    mango('events/recording', {
      recording_id: 'MToxMjI3NTM6MzUwNzMxMDk4NTow',
      recording_state: 'Completed',
      completion_code: '1000',
      entry_id: entry,
      call_id: 'MToxMjI3NTM6MzUwNzMxMDk4NTow',
      extension: '101',
      timestamp: t0 + 200,
    }),
  );
  expect(process()).toMatchObject({ events: 0, recordings: 0, left: 1 });
  expect(rows('inbox').rows.slice(-1)[0][3]).toBe('waiting');
  receiveFrom(
    'mango',
    mango('events/summary', {
      entry_id: entry,
      call_direction: 1,
      from: { number: C0 },
      to: { extension: '101', number: 'sip:anna@vpbx400123.mangosip.ru' },
      line_number: DID,
      create_time: t0,
      forward_time: t0 + 3,
      talk_time: t0 + 12,
      end_time: t0 + 197,
      entry_result: 1,
      disconnect_reason: 1110,
    }),
  );
  expect(process()).toMatchObject({ events: 1, recordings: 1, left: 0 });
  const events = rows('events');
  const last = byHeader(events, events.rows[events.rows.length - 1]);
  expect([last['Клиент'], last['Менеджер'], last['Результат']]).toEqual([
    'Клиент0 Иван',
    'Анна Смирнова',
    'Входящий · разговор 3:05 · линия 8 (495) 123-45-67 · доб. 101 · запись: MToxMjI3NTM6MzUwNzMxMDk4NTow',
  ]);
  expect(
    rows('inbox')
      .rows.slice(-2)
      .map((r) => r[3]),
  ).toEqual(['done', 'done']);
  // Nothing is waiting any more: the next run reads nothing old.
  expect(process()).toMatchObject({ events: 0, recordings: 0, left: 0, ignored: 0 });
});
