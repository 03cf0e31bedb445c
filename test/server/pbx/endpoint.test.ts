// The PBX endpoint through the emulator's network, as Mango Office and Zadarma reach it: an HTTP request to the sheet
// project's deployed /exec URL runs doPost / doGet from the built bundle as its own execution; the answer comes back
// through Google's 302. What a PBX would notice: the answer, and exactly which Inbox rows appeared.

import { createHash } from 'node:crypto';
import type { InboxPayload } from '../../../src/core/pbx/inbox';
import type { PbxSetupView } from '../../../src/shared/pbx-dto';
import type { Office } from '../../../src/local/office';
import { call, testOffice } from '../../support/office';

jest.setTimeout(60_000);

const KEY = 'mk4f1b0c2d9e8a7b6c5d4e3f2a1b0c9d8';
const SALT = 'salt-7c1e9a0b2d3f4e5a6b7c8d9e0f1a2b3c';

interface Sheet {
  header: string[];
  rows: string[][];
}

let office: Office;
let setup: PbxSetupView;
let exec: string;

beforeAll(() => {
  office = testOffice();
  office.rpc.runSetup();
  const saved = office.rpc.saveSettings({ mangoApiKey: KEY, mangoApiSalt: SALT });
  expect(saved.ok).toBe(true);
  setup = office.rpc.getPbxSetup();
  exec = office.deployWebApp('sheet');
});

function inbox(): string[][] {
  return call<Sheet>(office.sheet, 'sheetContents_', 'inbox').rows;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = 'application/x-www-form-urlencoded';

function mangoFields(json: string, options: { key?: string; salt?: string; sign?: string } = {}) {
  const key = options.key ?? KEY;
  const sign =
    options.sign ??
    createHash('sha256')
      .update(`${key}${json}${options.salt ?? SALT}`, 'utf8')
      .digest('hex');
  return { vpbx_api_key: key, sign, json };
}

const SUMMARY = JSON.stringify({
  entry_id: 'MTExMjQ4NjM3Mw==',
  call_direction: 1,
  from: { number: '79161234567' },
  to: { number: '74951112233', extension: '101' },
  line_number: '74951112233',
  create_time: 1764662400,
  forward_time: 1764662403,
  talk_time: 1764662410,
  end_time: 1764662530,
  entry_result: 1,
  disconnect_reason: 1100,
});

/** POSTs and returns the answer, the new Inbox rows and the receiving execution's report. */
function post(url: string, body: string) {
  const before = inbox().length;
  const runs = office.workspace.urlFetch.runs.length;
  const calls = office.workspace.calls.all().length;
  const reply = office.workspace.webApp.post(url, body, FORM);
  const run = office.workspace.urlFetch.runs[runs];
  const services = office.workspace.calls
    .all()
    .slice(calls)
    .map((c) => c.service);
  return { reply, added: inbox().slice(before), run, services };
}

const payloadOf = (row: string[]) => JSON.parse(row[5]) as InboxPayload;

test('the setup view gives each PBX a URL carrying the secret, and knows Mango is configured', () => {
  expect(setup.webAppUrl).toBe(exec);
  expect(setup.secret.length).toBeGreaterThanOrEqual(32);
  expect(setup.urls.mango).toBe(`${exec}/mango/${setup.secret}`);
  expect(setup.urls.zadarma).toBe(`${exec}?pbx=zadarma&k=${setup.secret}`);
  expect(setup).toMatchObject({ mangoKeySet: true, mangoSaltSet: true, inboxWaiting: 0, lastProcessedAt: '' });
  // The secret stays the same: the PBXs keep their URL.
  expect(office.rpc.getPbxSetup().secret).toBe(setup.secret);
});

test('Mango: a signed summary on the URL from the setup view → one Inbox row with the payload, {"success":true}', () => {
  const { reply, added, run, services } = post(`${setup.urls.mango}/events/summary`, form(mangoFields(SUMMARY)));
  expect(reply.status).toBe(200);
  expect(JSON.parse(reply.text)).toEqual({ success: true });
  expect(added).toHaveLength(1);
  const [receivedAt, provider, key, state, result] = added[0];
  expect({ provider, key, state, result }).toEqual({ provider: 'mango', key: '', state: '', result: '' });
  expect(new Date(receivedAt).toISOString()).toBe(receivedAt);
  const payload = payloadOf(added[0]);
  expect(payload).toEqual({ path: 'events/summary', params: mangoFields(SUMMARY) });
  // The secret is never stored.
  expect(added[0].join(' ')).not.toContain(setup.secret);
  // The receiving execution: at most three service calls, and these three.
  expect(run.functionName).toBe('doPost');
  expect(run.report.serviceCalls).toBeLessThanOrEqual(3);
  expect(services).toEqual([
    'PropertiesService.Properties.getProperties',
    'LockService.Lock.waitLock',
    'Sheets.Spreadsheets.batchUpdate',
  ]);
});

test('Mango with the secret in the query (?pbx=mango&k=…) is accepted too', () => {
  const url = `${exec}/events/call?pbx=mango&k=${setup.secret}`;
  const { reply, added } = post(url, form(mangoFields('{"entry_id":"x","call_state":"Appeared"}')));
  expect(JSON.parse(reply.text)).toEqual({ success: true });
  expect(added).toHaveLength(1);
  expect(payloadOf(added[0]).path).toBe('events/call');
  expect(payloadOf(added[0]).params).not.toHaveProperty('k');
  expect(payloadOf(added[0]).params).not.toHaveProperty('pbx');
});

test('Mango refused — wrong or missing secret, bad sign, wrong key, no sign: nothing stored, {"success":false}', () => {
  const good = mangoFields(SUMMARY);
  const wrongSecret = 'A'.repeat(setup.secret.length);
  const cases: Array<[string, string]> = [
    [`${exec}/mango/${wrongSecret}/events/summary`, form(good)],
    [`${exec}/mango/events/summary`, form(good)],
    [`${exec}?pbx=mango`, form(good)],
    [`${setup.urls.mango}/events/summary`, form(mangoFields(SUMMARY, { salt: 'another salt' }))],
    [`${setup.urls.mango}/events/summary`, form({ ...good, json: SUMMARY.replace('79161234567', '79160000000') })],
    [`${setup.urls.mango}/events/summary`, form(mangoFields(SUMMARY, { key: 'not-our-key' }))],
    [`${setup.urls.mango}/events/summary`, form({ vpbx_api_key: KEY, json: SUMMARY })],
  ];
  for (const [url, body] of cases) {
    const { reply, added } = post(url, body);
    expect([reply.status, reply.text, added.length]).toEqual([200, '{"success":false}', 0]);
  }
});

test('Mango: a malformed json with a right secret and sign is stored as it came (processing marks it)', () => {
  const broken = '{"entry_id": "abc", "from": ';
  const { reply, added } = post(`${setup.urls.mango}/events/summary`, form(mangoFields(broken)));
  expect(JSON.parse(reply.text)).toEqual({ success: true });
  expect(added).toHaveLength(1);
  expect(payloadOf(added[0]).params.json).toBe(broken);
});

const END = {
  event: 'NOTIFY_END',
  call_start: '2026-12-02 10:15:00',
  pbx_call_id: 'in_4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a',
  caller_id: '+79161234567',
  called_did: '74951112233',
  internal: '101',
  duration: '95',
  disposition: 'answered',
  status_code: '16',
  is_recorded: '1',
  call_id_with_rec: '1764670500.123456',
};

test('Zadarma: a NOTIFY_END → one row; the same webhook retried → a second row (deduplication is processing’s)', () => {
  const first = post(setup.urls.zadarma, form(END));
  expect([first.reply.status, first.reply.text]).toEqual([200, 'ok']);
  expect(first.added).toHaveLength(1);
  expect(first.added[0][1]).toBe('zadarma');
  expect(payloadOf(first.added[0])).toEqual({ path: '', params: END });
  expect(first.run.report.serviceCalls).toBeLessThanOrEqual(3);
  const again = post(setup.urls.zadarma, form(END));
  expect(again.added).toHaveLength(1);
  expect(payloadOf(again.added[0])).toEqual(payloadOf(first.added[0]));
});

test('Zadarma refused: wrong or missing secret → nothing stored, a text answer', () => {
  for (const url of [`${exec}?pbx=zadarma&k=${'x'.repeat(43)}`, `${exec}?pbx=zadarma`, `${exec}/zadarma`]) {
    const { reply, added } = post(url, form(END));
    expect([reply.status, reply.text, added.length]).toEqual([200, 'refused', 0]);
    expect(reply.contentType).toMatch(/^text\/plain/);
  }
});

test('Zadarma URL check: zd_echo is echoed with the right secret only, and stores nothing', () => {
  const before = inbox().length;
  const right = office.workspace.webApp.get(`${setup.urls.zadarma}&zd_echo=a1b2c3`);
  expect([right.status, right.text]).toEqual([200, 'a1b2c3']);
  expect(right.contentType).toMatch(/^text\/plain/);
  const wrong = office.workspace.webApp.get(`${exec}?pbx=zadarma&k=${'x'.repeat(43)}&zd_echo=a1b2c3`);
  expect(wrong.text).not.toContain('a1b2c3');
  expect(inbox().length).toBe(before);
});

test('a payload over 50,000 characters is refused, not cut', () => {
  const big = { ...END, event: 'NOTIFY_RECORD', call_id_with_rec: 'r'.repeat(50_001) };
  const { reply, added } = post(setup.urls.zadarma, form(big));
  expect([reply.text, added.length]).toEqual(['refused', 0]);
});

test('the other web-app routes still answer: the restore link page, the add-on write refused without the secret', () => {
  const page = office.workspace.webApp.get(`${exec}?action=restore-deleted&incident=x&key=y`);
  expect(page.contentType).toMatch(/^text\/html/);
  const write = office.workspace.webApp.post(exec, JSON.stringify({ write: 'logEvent', secret: 'no', args: [] }));
  expect(JSON.parse(write.text)).toEqual({ ok: false });
});

test('the Gmail add-on’s copy of the web app refuses PBX requests, even with the sheet project’s secret', () => {
  const addon = office.deployWebApp('gmail');
  const reply = office.workspace.webApp.post(`${addon}?pbx=zadarma&k=${setup.secret}`, form(END), FORM);
  expect(reply.text).toBe('refused');
  const echo = office.workspace.webApp.get(`${addon}?pbx=zadarma&k=${setup.secret}&zd_echo=abc`);
  expect(echo.text).toBe('refused');
});

test('the Mango key and salt live in the script properties only: masked in the view, never in the Settings sheet', () => {
  const settings = call<Sheet>(office.sheet, 'sheetContents_', 'settings');
  const text = JSON.stringify(settings);
  expect(text).not.toContain(SALT);
  expect(text).not.toContain(KEY);
  const entries = office.rpc.getSettingsView().settings;
  const salt = entries.find((e) => e.key === 'mangoApiSalt')!;
  expect(salt).toEqual({ key: 'mangoApiSalt', value: `••••${SALT.slice(-2)}`, default: '', isDefault: false });
  expect(JSON.stringify(entries)).not.toContain(SALT);
  expect(office.workspace.properties.peek('sheet', 'script', 'crm.setting.mangoApiSalt')).toBe(SALT);
});

test('an office set up before the Inbox existed: the first webhook makes the sheet, the next costs three calls', () => {
  const fresh = testOffice();
  fresh.rpc.runSetup();
  const secret = fresh.rpc.getPbxSetup().secret;
  // The Inbox sheet removed and forgotten by setup's remembered ids: an office set up before issue 15.
  fresh.workspace.transaction(() => {
    const props = fresh.workspace.properties;
    const ids = JSON.parse(props.peek('sheet', 'script', 'crm.sheetIds') ?? '{}') as Record<string, number>;
    const record = fresh.workspace.spreadsheets.record(fresh.spreadsheetId)!;
    record.sheets = record.sheets.filter((s) => s.sheetId !== ids.inbox);
    delete ids.inbox;
    props.poke('sheet', 'script', 'crm.sheetIds', JSON.stringify(ids));
  });
  expect(call<{ found: boolean }>(fresh.sheet, 'sheetContents_', 'inbox').found).toBe(false);
  const url = `${fresh.deployWebApp('sheet')}?pbx=zadarma&k=${secret}`;
  expect(fresh.workspace.webApp.post(url, form(END), FORM).text).toBe('ok');
  const second = fresh.workspace.urlFetch.runs.length;
  expect(fresh.workspace.webApp.post(url, form(END), FORM).text).toBe('ok');
  expect(fresh.workspace.urlFetch.runs[second].report.serviceCalls).toBe(3);
  expect(call<Sheet>(fresh.sheet, 'sheetContents_', 'inbox').rows).toHaveLength(2);
});
