// Mango Office notifications as the PBX sends them: a form of vpbx_api_key, sign and json, POSTed to our URL with the
// event's path appended (payload shapes from Bobrovskih/mango-vpbx and maxodrom/yii2-mango-office-api).

import { createHash } from 'crypto';
import { mangoEvent, mangoSignValid } from '../../../src/core/pbx/mango';
import { noticeKey } from '../../../src/core/pbx/notice';
import { readNotice } from '../../../src/core/pbx/read-notice';

const KEY = '2fn293fg43gfh02h4ub3jd23o312u4bc';
const SALT = 'kd93jfh27fhq0sj38fhw82jd7fhe61ks';
const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const zone = { timeZone: 'Europe/Moscow' };

function form(json: unknown) {
  const text = typeof json === 'string' ? json : JSON.stringify(json);
  return { vpbx_api_key: KEY, sign: sha256Hex(KEY + text + SALT), json: text };
}

function read(path: string, json: unknown) {
  return readNotice('mango', { path, params: form(json) }, zone);
}

const T0 = 1764579600; // 2025-12-01 12:00:00 Moscow

test('an answered inbound call: the caller, our line, the extension that talked and for how long', () => {
  const r = read('events/summary', {
    entry_id: 'MTAxOjEwMjM0NTY3ODk=',
    call_direction: 1,
    from: { number: '79161234567' },
    to: { extension: '101', number: 'sip:petrova@vpbx400123.mangosip.ru' },
    line_number: '74951234567',
    create_time: T0,
    forward_time: T0 + 3,
    talk_time: T0 + 12,
    end_time: T0 + 197,
    entry_result: 1,
    disconnect_reason: 1110,
  });
  expect(r).toEqual({
    ok: true,
    notices: [
      {
        source: 'mango',
        callId: 'MTAxOjEwMjM0NTY3ODk=',
        type: 'summary',
        stage: 'end',
        direction: 'in',
        clientNumber: '79161234567',
        ourNumber: '74951234567',
        extension: '101',
        startAt: new Date(T0 * 1000),
        answered: true,
        talkSeconds: 185,
      },
    ],
  });
  if (r.ok) expect(noticeKey(r.notices[0])).toBe('mango:MTAxOjEwMjM0NTY3ODk=:summary');
});

test('an answered outbound call: the client is the number called, the extension the one who called', () => {
  const r = read('/events/summary', {
    entry_id: 'ODg5OjU1NQ==',
    call_direction: '2',
    from: { extension: '102', number: '79031112233' },
    to: { number: '74997654321' },
    line_number: '74951234567',
    create_time: String(T0),
    forward_time: '0',
    talk_time: String(T0 + 20),
    end_time: String(T0 + 80),
    entry_result: '1',
    disconnect_reason: '1100',
  });
  expect(r.ok && r.notices[0]).toMatchObject({
    stage: 'end',
    direction: 'out',
    clientNumber: '74997654321',
    extension: '102',
    ourNumber: '74951234567',
    answered: true,
    talkSeconds: 60,
  });
});

test('a missed inbound call: not answered, no talk time', () => {
  const r = read('mango/secret-segment/events/summary', {
    entry_id: 'MISSED1',
    call_direction: 1,
    from: { number: '79161234567' },
    to: { extension: '', number: '' },
    line_number: '74951234567',
    create_time: T0,
    forward_time: 0,
    talk_time: 0,
    end_time: T0 + 25,
    entry_result: 0,
    disconnect_reason: 1120,
  });
  expect(r.ok && r.notices[0]).toMatchObject({ stage: 'end', direction: 'in', answered: false, talkSeconds: 0 });
  expect(r.ok && r.notices[0].extension).toBeUndefined();
});

test('events/call: each leg state is its own key; Appeared is the start, the rest acknowledged', () => {
  const base = {
    entry_id: 'MzUyODbvczg4OTo0MDE=',
    call_id: 'MzUyODbvczg4OTo0MDEMzUyODbvczg4O',
    timestamp: 1522347638,
    location: 'abonent',
    from: { number: '74991102914', taken_from_call_id: 'MzUyODbvczg4OMzUyODbvczg4OMzUyODbvcg' },
    to: { extension: '101', number: 'sip:example@domain.mangosip.ru', line_number: '74952129298', acd_group: '22' },
    dct: { type: 0 },
  };
  const appeared = read('events/call', { ...base, seq: 1, call_state: 'Appeared' });
  const connected = read('events/call', { ...base, seq: 2, call_state: 'Connected' });
  expect(appeared.ok && appeared.notices[0]).toMatchObject({
    stage: 'start',
    direction: 'in',
    clientNumber: '74991102914',
    extension: '101',
    ourNumber: '74952129298',
    startAt: new Date(1522347638 * 1000),
  });
  expect(connected.ok && connected.notices[0].stage).toBe('other');
  const keys = [appeared, connected].map((r) => r.ok && noticeKey(r.notices[0]));
  expect(new Set(keys).size).toBe(2);
  // The same notification retried has the same key.
  const again = read('events/call', { ...base, seq: 1, call_state: 'Appeared' });
  expect(again.ok && noticeKey(again.notices[0])).toBe(keys[0]);
});

test('a completed recording is attached to its call by entry_id; other states are only acknowledged', () => {
  const done = read('events/recording', {
    recording_id: 'MToxMjI3NTM6MzUwNzMxMDk4NTow',
    recording_state: 'Completed',
    completion_code: '1000',
    entry_id: 'MTAxOjEwMjM0NTY3ODk=',
    call_id: 'MToxMjI3NTM6MzUwNzMxMDk4NTow',
    extension: '101',
    timestamp: T0 + 200,
  });
  expect(done.ok && done.notices[0]).toMatchObject({
    stage: 'record',
    callId: 'MTAxOjEwMjM0NTY3ODk=',
    recording: 'MToxMjI3NTM6MzUwNzMxMDk4NTow',
  });
  const started = read('events/recording', {
    recording_id: 'MToxMjI3NTM6MzUwNzMxMDk4NTow',
    recording_state: 'Started',
    entry_id: 'MTAxOjEwMjM0NTY3ODk=',
  });
  expect(started.ok && started.notices[0].stage).toBe('other');
  expect(started.ok && done.ok && noticeKey(started.notices[0])).not.toBe(done.ok && noticeKey(done.notices[0]));
});

test('ping and dtmf are acknowledged, nothing to log', () => {
  expect(readNotice('mango', { path: 'ping', params: form('{}') }, zone)).toMatchObject({
    ok: true,
    notices: [{ stage: 'other', type: 'ping' }],
  });
  const dtmf = read('events/dtmf', {
    seq: 1,
    dtmf: '1',
    timestamp: T0,
    call_id: 'C1',
    entry_id: 'E1',
    location: 'ivr',
  });
  expect(dtmf.ok && dtmf.notices[0]).toMatchObject({ stage: 'other', callId: 'E1' });
});

test('malformed bodies are problems that name the field, and say nothing of the call', () => {
  const bad = readNotice('mango', { path: 'events/summary', params: form('{"entry_id": "E1", ') }, zone);
  expect(bad).toEqual({ ok: false, problem: "Mango summary: the field 'json' is not valid JSON." });
  const noEntry = read('events/summary', { call_direction: 1, from: { number: '79161234567' }, create_time: T0 });
  expect(noEntry).toEqual({ ok: false, problem: "Mango summary: the field 'entry_id' is missing or empty." });
  const noTime = read('events/summary', { entry_id: 'E1', call_direction: 1, from: { number: '79161234567' } });
  expect(!noTime.ok && noTime.problem).toContain("'create_time'");
  const noDirection = read('events/summary', { entry_id: 'E1', from: { number: '7916' }, create_time: T0 });
  expect(!noDirection.ok && noDirection.problem).toContain("'call_direction'");
  const noCaller = read('events/summary', { entry_id: 'E1', call_direction: 1, create_time: T0, talk_time: 0 });
  expect(!noCaller.ok && noCaller.problem).toContain("'from.number'");
  const unknownPath = readNotice('mango', { path: 'events/unknown', params: form({}) }, zone);
  expect(unknownPath.ok).toBe(false);
  for (const r of [bad, noEntry, noTime, noDirection, noCaller]) expect(!r.ok && r.problem).not.toMatch(/7916/);
});

test('the signature: right key, json and salt only', () => {
  const json = JSON.stringify({ entry_id: 'E1', call_direction: 1 });
  const params = form(json);
  expect(mangoSignValid(params, KEY, SALT, sha256Hex)).toBe(true);
  expect(mangoSignValid({ ...params, sign: params.sign.toUpperCase() }, KEY, SALT, sha256Hex)).toBe(true);
  expect(mangoSignValid({ ...params, json: json.replace('E1', 'E2') }, KEY, SALT, sha256Hex)).toBe(false);
  expect(mangoSignValid({ ...params, sign: sha256Hex(KEY + json + 'other-salt') }, KEY, SALT, sha256Hex)).toBe(false);
  expect(mangoSignValid({ ...params, vpbx_api_key: 'another-office-key-0000000000000' }, KEY, SALT, sha256Hex)).toBe(
    false,
  );
  const { sign: _sign, ...unsigned } = params;
  expect(mangoSignValid(unsigned, KEY, SALT, sha256Hex)).toBe(false);
  expect(mangoSignValid(params, KEY, '', sha256Hex)).toBe(false);
  expect(mangoSignValid(params, '', SALT, sha256Hex)).toBe(false);
});

test('paths: with or without slashes, or after our own segments', () => {
  expect(mangoEvent('events/summary')).toBe('summary');
  expect(mangoEvent('/events/summary/')).toBe('summary');
  expect(mangoEvent('mango/abc/events/call')).toBe('call');
  expect(mangoEvent('mango/abc/ping')).toBe('ping');
  expect(mangoEvent('events/summaryx')).toBeUndefined();
  expect(mangoEvent('')).toBeUndefined();
});

test('a request that lost its path is still read by the fields its event carries', () => {
  const r = readNotice(
    'mango',
    {
      path: '',
      params: form({
        entry_id: 'E9',
        call_direction: 1,
        from: { number: '79161234567' },
        create_time: T0,
        talk_time: 0,
        end_time: T0 + 9,
      }),
    },
    zone,
  );
  expect(r.ok && r.notices[0]).toMatchObject({ type: 'summary', stage: 'end', answered: false });
  expect(readNotice('mango', { path: '', params: form({ something: 1 }) }, zone).ok).toBe(false);
});

test("problems are in the office's language, still naming the field and not the caller", () => {
  const noEntry = readNotice(
    'mango',
    { path: 'events/summary', params: form({ call_direction: 1, from: { number: '79161234567' }, create_time: T0 }) },
    { ...zone, locale: 'ru' },
  );
  expect(noEntry).toEqual({ ok: false, problem: 'Mango summary: поле «entry_id» отсутствует или пусто.' });
  const ka = readNotice('mango', { path: 'events/nothing', params: form({}) }, { ...zone, locale: 'ka' });
  expect(!ka.ok && ka.problem).toMatch(/^Mango: URL-ის გზა/);
  expect(readNotice('mango', null as never, { ...zone, locale: 'ru' })).toEqual({
    ok: false,
    problem: 'Сохранённый запрос пуст.',
  });
});
