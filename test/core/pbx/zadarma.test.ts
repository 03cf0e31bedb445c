// Zadarma notifications as the PBX POSTs them (form fields per zadarma/user-api-v1 lib/Webhook/*.php), read in the
// office's zone: call_start is a wall-clock time without a zone.

import { noticeKey } from '../../../src/core/pbx/notice';
import { readNotice } from '../../../src/core/pbx/read-notice';
import { zadarmaEcho } from '../../../src/core/pbx/zadarma';

const zone = { timeZone: 'Europe/Moscow' };
const read = (params: Record<string, string>) => readNotice('zadarma', { path: '', params }, zone);
// 2026-12-01 10:15:00 in Moscow (UTC+3) is 07:15 UTC.
const START = new Date('2026-12-01T07:15:00Z');

test('NOTIFY_START: an inbound call begins ringing — the caller and the number they dialled', () => {
  const r = read({
    event: 'NOTIFY_START',
    call_start: '2026-12-01 10:15:00',
    pbx_call_id: 'in_7d3b1e0f8c2a4c7b9f1a',
    caller_id: '79161234567',
    called_did: '74951234567',
  });
  expect(r).toEqual({
    ok: true,
    notices: [
      {
        source: 'zadarma',
        callId: 'in_7d3b1e0f8c2a4c7b9f1a',
        type: 'NOTIFY_START',
        stage: 'start',
        direction: 'in',
        clientNumber: '79161234567',
        ourNumber: '74951234567',
        startAt: START,
      },
    ],
  });
});

test('NOTIFY_END answered: talk time from duration, the extension, the recording id when recorded', () => {
  const r = read({
    event: 'NOTIFY_END',
    call_start: '2026-12-01 10:15:00',
    pbx_call_id: 'in_7d3b1e0f8c2a4c7b9f1a',
    caller_id: '79161234567',
    called_did: '74951234567',
    internal: '101',
    duration: '185',
    disposition: 'answered',
    status_code: '16',
    is_recorded: '1',
    call_id_with_rec: '1764573300.1234567',
  });
  expect(r.ok && r.notices[0]).toEqual({
    source: 'zadarma',
    callId: 'in_7d3b1e0f8c2a4c7b9f1a',
    type: 'NOTIFY_END',
    stage: 'end',
    direction: 'in',
    clientNumber: '79161234567',
    ourNumber: '74951234567',
    extension: '101',
    startAt: START,
    answered: true,
    talkSeconds: 185,
    recording: '1764573300.1234567',
  });
  // The start and the end of one call are two keys; the same end retried is one.
  const start = read({
    event: 'NOTIFY_START',
    call_start: '2026-12-01 10:15:00',
    pbx_call_id: 'in_7d3b1e0f8c2a4c7b9f1a',
    caller_id: '79161234567',
    called_did: '74951234567',
  });
  expect(r.ok && start.ok && noticeKey(r.notices[0])).not.toBe(start.ok && noticeKey(start.notices[0]));
});

test('NOTIFY_END no answer: a missed call, no talk time, no recording', () => {
  const r = read({
    event: 'NOTIFY_END',
    call_start: '2026-12-01 21:40:12',
    pbx_call_id: 'in_missed_1',
    caller_id: '+79161234567',
    called_did: '74951234567',
    internal: '',
    duration: '24',
    disposition: 'no answer',
    status_code: '19',
    is_recorded: '0',
    call_id_with_rec: '',
  });
  expect(r.ok && r.notices[0]).toMatchObject({ stage: 'end', direction: 'in', answered: false, talkSeconds: 0 });
  expect(r.ok && r.notices[0].recording).toBeUndefined();
  expect(r.ok && r.notices[0].extension).toBeUndefined();
});

test('NOTIFY_OUT_END: the client is the destination, the extension the one who called', () => {
  const r = read({
    event: 'NOTIFY_OUT_END',
    call_start: '2026-12-01 11:02:30',
    pbx_call_id: 'out_a1b2c3',
    caller_id: '74951234567',
    destination: '79031112233',
    internal: '102',
    duration: '60',
    disposition: 'answered',
    status_code: '16',
    is_recorded: '0',
    call_id_with_rec: '',
  });
  expect(r.ok && r.notices[0]).toMatchObject({
    type: 'NOTIFY_OUT_END',
    stage: 'end',
    direction: 'out',
    clientNumber: '79031112233',
    ourNumber: '74951234567',
    extension: '102',
    answered: true,
    talkSeconds: 60,
    startAt: new Date('2026-12-01T08:02:30Z'),
  });
  const busy = read({
    event: 'NOTIFY_OUT_END',
    call_start: '2026-12-01 11:05:00',
    pbx_call_id: 'out_busy',
    caller_id: '102',
    destination: '79031112233',
    internal: '102',
    duration: '0',
    disposition: 'busy',
  });
  expect(busy.ok && busy.notices[0]).toMatchObject({ direction: 'out', answered: false, talkSeconds: 0 });
  expect(busy.ok && busy.notices[0].ourNumber).toBeUndefined();
});

test('an extension calling another extension is no client call', () => {
  const r = read({
    event: 'NOTIFY_OUT_END',
    call_start: '2026-12-01 11:10:00',
    pbx_call_id: 'out_internal',
    caller_id: '101',
    destination: '102',
    internal: '101',
    duration: '30',
    disposition: 'answered',
  });
  expect(r.ok && r.notices[0]).toMatchObject({ stage: 'other' });
  expect(r.ok && r.notices[0].clientNumber).toBeUndefined();
});

test('NOTIFY_RECORD: the recording of a call that ended', () => {
  const r = read({
    event: 'NOTIFY_RECORD',
    pbx_call_id: 'in_7d3b1e0f8c2a4c7b9f1a',
    call_id_with_rec: '1764573300.1234567',
  });
  expect(r.ok && r.notices[0]).toMatchObject({
    stage: 'record',
    callId: 'in_7d3b1e0f8c2a4c7b9f1a',
    recording: '1764573300.1234567',
  });
});

test('ringing extensions, answers and IVR steps are acknowledged, one key per extension', () => {
  const a = read({
    event: 'NOTIFY_INTERNAL',
    call_start: '2026-12-01 10:15:00',
    pbx_call_id: 'in_1',
    caller_id: '79161234567',
    called_did: '74951234567',
    internal: '101',
  });
  const b = read({
    event: 'NOTIFY_INTERNAL',
    call_start: '2026-12-01 10:15:00',
    pbx_call_id: 'in_1',
    caller_id: '79161234567',
    called_did: '74951234567',
    internal: '102',
  });
  const ivr = read({
    event: 'NOTIFY_IVR',
    call_start: '2026-12-01 10:15:00',
    pbx_call_id: 'in_1',
    caller_id: '79161234567',
    called_did: '74951234567',
  });
  for (const r of [a, b, ivr]) expect(r.ok && r.notices[0].stage).toBe('other');
  expect(a.ok && b.ok && noticeKey(a.notices[0])).not.toBe(b.ok && noticeKey(b.notices[0]));
});

test('zd_echo: the token to answer the URL validation with', () => {
  expect(zadarmaEcho({ zd_echo: 'b8f1c2d3e4' })).toBe('b8f1c2d3e4');
  expect(zadarmaEcho({})).toBeUndefined();
  expect(zadarmaEcho({ zd_echo: '' })).toBeUndefined();
  expect(zadarmaEcho({ zd_echo: 'x'.repeat(1000) })).toBeUndefined();
});

test('malformed notifications are problems naming the field, without the caller', () => {
  const cases: Array<[Record<string, string>, string]> = [
    [{}, "'event'"],
    [{ event: 'NOTIFY_SOMETHING' }, 'NOTIFY_SOMETHING'],
    [{ event: 'NOTIFY_END', caller_id: '79161234567' }, "'pbx_call_id'"],
    [
      {
        event: 'NOTIFY_END',
        pbx_call_id: 'x',
        caller_id: '79161234567',
        call_start: '01/12/2026 25:99',
        duration: '5',
        disposition: 'answered',
      },
      "'call_start'",
    ],
    [
      {
        event: 'NOTIFY_END',
        pbx_call_id: 'x',
        caller_id: '79161234567',
        call_start: '2026-12-01 10:15:00',
        duration: 'long',
        disposition: 'answered',
      },
      "'duration'",
    ],
    [
      {
        event: 'NOTIFY_END',
        pbx_call_id: 'x',
        caller_id: '79161234567',
        call_start: '2026-12-01 10:15:00',
        duration: '5',
      },
      "'disposition'",
    ],
    [
      {
        event: 'NOTIFY_END',
        pbx_call_id: 'x',
        call_start: '2026-12-01 10:15:00',
        duration: '5',
        disposition: 'answered',
      },
      "'caller_id'",
    ],
    [
      {
        event: 'NOTIFY_OUT_END',
        pbx_call_id: 'x',
        call_start: '2026-12-01 10:15:00',
        duration: '5',
        disposition: 'answered',
      },
      "'destination'",
    ],
    [{ event: 'NOTIFY_RECORD', pbx_call_id: 'x' }, "'call_id_with_rec'"],
  ];
  for (const [params, field] of cases) {
    const r = read(params);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toContain(field);
    expect(!r.ok && r.problem).not.toContain('79161234567');
  }
});

test("problems are in the office's language, naming the field", () => {
  const ru = readNotice(
    'zadarma',
    { path: '', params: { event: 'NOTIFY_END', pbx_call_id: 'x', caller_id: '79161234567', call_start: 'вчера' } },
    { ...zone, locale: 'ru' },
  );
  expect(ru).toEqual({
    ok: false,
    problem: 'Zadarma NOTIFY_END: поле «call_start» — не дата и время (ГГГГ-ММ-ДД ЧЧ:ММ:СС).',
  });
  const ka = readNotice('zadarma', { path: '', params: {} }, { ...zone, locale: 'ka' });
  expect(ka).toEqual({ ok: false, problem: 'Zadarma: ველი „event“ აკლია.' });
});
