// The simulated PBX requests are shaped as each PBX documents them: Mango's sign verifies with its rule (values from
// `sha256sum`, so a wrong concatenation order or encoding fails), the summary says who called whom and whether it
// was answered, Zadarma's call_start is the office's wall clock, and a recording notification follows only a
// recorded answered call.

import { createHash } from 'node:crypto';
import {
  formBody,
  mangoRequests,
  mangoSign,
  requestUrl,
  SimulatedCall,
  zadarmaRequests,
} from '../../../src/local/pbx/payloads';

const call: SimulatedCall = {
  direction: 'in',
  answered: true,
  clientNumber: '79161234567',
  ourNumber: '74951112233',
  extension: '101',
  startAt: new Date('2026-03-02T06:00:00Z'),
  talkSeconds: 95,
  recording: true,
};
const keys = { apiKey: 'demo-key', apiSalt: 'demo-salt' };
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

test('Mango sign is sha256 hex of key + json + salt, UTF-8', () => {
  // printf '%s' 'k{"a":1}s' | sha256sum
  expect(mangoSign('k', '{"a":1}', 's')).toBe('9eefb34c92e0fa5473558ca3806ab7cac11cace9255d5fddee556a2d720b5939');
  // printf '%s' 'key{"from":{"number":"Анна"}}salt' | sha256sum
  expect(mangoSign('key', '{"from":{"number":"Анна"}}', 'salt')).toBe(
    '7b0262386943e1e2cf665625af46c5b18c9652982a19a84482062d9fbd216d7f',
  );
});

test('Mango: call events, a signed summary of an answered inbound call, then the recording', () => {
  const requests = mangoRequests(call, keys);
  expect(requests.map((r) => r.path)).toEqual([
    'events/call',
    'events/call',
    'events/call',
    'events/summary',
    'events/recording',
  ]);
  for (const r of requests) {
    expect(r.form.vpbx_api_key).toBe('demo-key');
    expect(r.form.sign).toBe(sha256(`demo-key${r.form.json}demo-salt`));
  }
  const summary = JSON.parse(requests[3].form.json);
  expect(summary).toMatchObject({
    call_direction: 1,
    from: { number: '79161234567' },
    to: { extension: '101', number: '74951112233' },
    line_number: '74951112233',
    create_time: 1772431200,
    entry_result: 1,
  });
  expect(summary.end_time - summary.talk_time).toBe(95);
  const recording = JSON.parse(requests[4].form.json);
  expect(recording.entry_id).toBe(summary.entry_id);
  // The same call gives the same ids (a retried webhook); another start, another call.
  expect(JSON.parse(mangoRequests(call, keys)[3].form.json).entry_id).toBe(summary.entry_id);
  expect(JSON.parse(mangoRequests({ ...call, startAt: new Date(0) }, keys)[3].form.json).entry_id).not.toBe(
    summary.entry_id,
  );
});

test('Mango: a missed outbound call has no talk, no recording, direction 2', () => {
  const requests = mangoRequests({ ...call, direction: 'out', answered: false }, keys);
  expect(requests.map((r) => r.path)).toEqual(['events/call', 'events/call', 'events/summary']);
  const summary = JSON.parse(requests[2].form.json);
  expect(summary).toMatchObject({ call_direction: 2, entry_result: 0, talk_time: 0, to: { number: '79161234567' } });
});

test('Zadarma: NOTIFY_START, NOTIFY_END with the office wall clock, NOTIFY_RECORD', () => {
  const requests = zadarmaRequests(call, { timeZone: 'Europe/Moscow', zadarmaSecret: 'zs' });
  expect(requests.map((r) => r.form.event)).toEqual(['NOTIFY_START', 'NOTIFY_END', 'NOTIFY_RECORD']);
  expect(requests[1].form).toMatchObject({
    call_start: '2026-03-02 09:00:00',
    caller_id: '79161234567',
    called_did: '74951112233',
    internal: '101',
    duration: '95',
    disposition: 'answered',
    is_recorded: '1',
  });
  expect(requests[2].form.pbx_call_id).toBe(requests[1].form.pbx_call_id);
  expect(requests[2].form.call_id_with_rec).toBe(requests[1].form.call_id_with_rec);
  expect(requests[0].headers.Signature).toMatch(/^[A-Za-z0-9+/]+=*$/);

  const missed = zadarmaRequests({ ...call, answered: false }, { timeZone: 'Europe/Moscow' });
  expect(missed.map((r) => r.form.event)).toEqual(['NOTIFY_START', 'NOTIFY_END']);
  expect(missed[1].form).toMatchObject({ disposition: 'no answer', duration: '0', is_recorded: '0' });
  const out = zadarmaRequests({ ...call, direction: 'out', recording: false }, { timeZone: 'Europe/Moscow' });
  expect(out.map((r) => r.form.event)).toEqual(['NOTIFY_OUT_START', 'NOTIFY_OUT_END']);
  expect(out[1].form).toMatchObject({ destination: '79161234567', internal: '101' });
});

test('Mango appends its path before the query; a form is url-encoded', () => {
  const post = mangoRequests(call, keys)[3];
  expect(requestUrl('https://x/exec/mango/S3cr', post)).toBe('https://x/exec/mango/S3cr/events/summary');
  expect(requestUrl('https://x/exec?pbx=mango&k=S', post)).toBe('https://x/exec/events/summary?pbx=mango&k=S');
  expect(formBody({ json: '{"a":"б &"}' })).toBe('json=%7B%22a%22%3A%22%D0%B1+%26%22%7D');
});
