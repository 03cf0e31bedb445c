// Mango Office's API RealTime notifications → call notices. Mango POSTs a form (vpbx_api_key, sign, json) to our URL
// with the event's path appended: events/call, events/summary, events/recording, events/dtmf, ping.
//
// Sources (public; no Mango account was reachable to confirm anything on a live PBX):
// - Bobrovskih/mango-vpbx: src/urls.js (the paths), src/helpers/sign.js (sign = sha256_hex(api_key + json + salt)),
//   README.MD (an events/call payload: entry_id, call_id, timestamp, seq, call_state 'Appeared', location,
//   from{number}, to{extension, number, line_number, acd_group}; summary filtered by call_direction '2' = outgoing;
//   recordings filtered by recording_state 'Completed', completion_code '1000', recording_id), src/realtime.js (the
//   answer {"success": true}).
// - maxodrom/yii2-mango-office-api: src/models/events/Summary.php and src/controllers/EventsController.php (events/
//   summary fields: entry_id "call group id", call_direction, from.extension/number, to.extension/number,
//   line_number "the PBX line the call came in on", create_time "start", forward_time, talk_time "when an employee or
//   the outside party answered", end_time "end of the whole conversation", entry_result, disconnect_reason; events/
//   dtmf: seq, dtmf, timestamp, call_id, entry_id…), all times unix seconds.
// UNVERIFIED: call_direction 0 = internal; entry_result 1 = answered; events/recording carrying entry_id (we fall back
// to call_id, which then matches no summary); recording states other than 'Completed'.

import { Hash64 } from '../hash';
import type { Locale } from '../i18n/locale';
import { sameSecret } from '../secret';
import type { InboxPayload } from './inbox';
import { type LogKey, logText } from './log-messages';
import type { CallNotice, NoticeRead } from './notice';
import { fieldText, unixInstant, wholeSeconds } from './values';

export type MangoEvent = 'call' | 'summary' | 'recording' | 'dtmf' | 'ping' | 'sms' | 'callback' | 'stat';

/** Mango's documented suffixes (mango-vpbx src/urls.js); result/* answer commands we never send, read as 'other'. */
const PATHS: Array<[string, MangoEvent]> = [
  ['events/summary', 'summary'],
  ['events/call', 'call'],
  ['events/recording', 'recording'],
  ['events/dtmf', 'dtmf'],
  ['result/sms', 'sms'],
  ['result/callback', 'callback'],
  ['result/stat', 'stat'],
  ['ping', 'ping'],
];

/**
 * The event a path names: 'events/summary', '/events/summary/', or a longer path ending with it (Mango appends its
 * suffix to whatever URL it was given: `mango/SECRET/events/summary`).
 */
export function mangoEvent(path: string): MangoEvent | undefined {
  const p = String(path ?? '')
    .trim()
    .toLowerCase()
    .replace(/^\/+|\/+$/g, '');
  for (const [suffix, event] of PATHS) if (p === suffix || p.endsWith(`/${suffix}`)) return event;
  return undefined;
}

/**
 * Whether a Mango request is signed with the office's key and salt: sign = sha256_hex(api_key + json + api_salt)
 * (mango-vpbx src/helpers/sign.js), and vpbx_api_key is the office's key. The digest is injected: the web app passes
 * Utilities.computeDigest(SHA_256, s, UTF_8) as hex, tests pass Node's crypto. The sign is compared in constant time
 * (core/secret.ts; a hex SHA-256 has 64 characters, above its minimum). The key is not a secret — it travels in every
 * body — so a plain comparison is enough for it. No key or salt set → nothing is valid.
 */
export function mangoSignValid(
  params: Record<string, string>,
  apiKey: string,
  apiSalt: string,
  sha256Hex: (s: string) => string,
): boolean {
  if (!apiKey || !apiSalt) return false;
  const key = typeof params.vpbx_api_key === 'string' ? params.vpbx_api_key : '';
  const json = typeof params.json === 'string' ? params.json : '';
  const sign = typeof params.sign === 'string' ? params.sign.toLowerCase() : '';
  if (key !== apiKey) return false;
  return sameSecret(sign, sha256Hex(apiKey + json + apiSalt).toLowerCase());
}

type Json = Record<string, unknown>;

function party(value: unknown): { number: string; extension: string; lineNumber: string } {
  const o = value && typeof value === 'object' ? (value as Json) : {};
  return { number: fieldText(o.number), extension: fieldText(o.extension), lineNumber: fieldText(o.line_number) };
}

/** Mango writes SIP users as 'sip:user@domain.mangosip.ru' in `number`: not a phone anyone can call back. */
function phoneOrEmpty(number: string): string {
  return /^sip:/i.test(number) ? '' : number;
}

/** Why a request could not be read, in the office's language: the event and the field, never a value. */
type Fail = (event: string, key: LogKey, field: string) => NoticeRead;

function failIn(locale: Locale): Fail {
  return (event, key, field) => ({ ok: false, problem: logText(locale, key, { pbx: 'Mango', event, field }) });
}

/** A stand-in id for a notification that names no call (a ping): the same body gives the same key, so a retry is
 *  a duplicate and two different pings are two rows. */
function bodyId(json: string): string {
  const h = new Hash64();
  h.text(json);
  return `h${h.digest()}`;
}

/**
 * A request that reached us without its path (a relay or a deployment that drops what follows /exec — UNVERIFIED
 * whether Apps Script keeps it for Mango): the event told by the fields only it carries.
 */
function eventByFields(rawJson: string): MangoEvent | undefined {
  let json: Json;
  try {
    const parsed: unknown = JSON.parse(rawJson);
    if (!parsed || typeof parsed !== 'object') return undefined;
    json = parsed as Json;
  } catch {
    return undefined;
  }
  if ('call_direction' in json && 'create_time' in json) return 'summary';
  if ('call_state' in json) return 'call';
  if ('recording_id' in json) return 'recording';
  if ('dtmf' in json) return 'dtmf';
  return undefined;
}

export function readMango(payload: InboxPayload, locale: Locale = 'en'): NoticeRead {
  const fail = failIn(locale);
  const params = payload && typeof payload.params === 'object' && payload.params ? payload.params : {};
  const rawJson = typeof params.json === 'string' ? params.json : '';
  const event = mangoEvent(payload?.path ?? '') ?? (payload?.path ? undefined : eventByFields(rawJson));
  if (!event) return { ok: false, problem: logText(locale, 'mangoNoEvent') };
  let json: Json = {};
  if (rawJson.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(rawJson);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return fail(event, 'notJsonObject', 'json');
      json = parsed as Json;
    } catch {
      return fail(event, 'notJson', 'json');
    }
  } else if (event !== 'ping') {
    return fail(event, 'fieldMissing', 'json');
  }
  switch (event) {
    case 'summary':
      return summary(json, fail);
    case 'call':
      return call(json, fail);
    case 'recording':
      return recording(json, fail);
    case 'dtmf': {
      const entry = fieldText(json.entry_id) || fieldText(json.call_id);
      if (!entry) return fail(event, 'fieldMissing', 'entry_id');
      const seq = fieldText(json.seq) || bodyId(rawJson);
      return one({ source: 'mango', callId: entry, type: `dtmf:${fieldText(json.call_id)}:${seq}`, stage: 'other' });
    }
    default:
      return one({
        source: 'mango',
        callId: fieldText(json.entry_id) || bodyId(rawJson),
        type: event,
        stage: 'other',
      });
  }
}

function one(notice: CallNotice): NoticeRead {
  return { ok: true, notices: [notice] };
}

/** events/summary: the call is over (Mango sends it once per entry, after the last leg ended). */
function summary(json: Json, fail: Fail): NoticeRead {
  const entry = fieldText(json.entry_id);
  if (!entry) return fail('summary', 'fieldMissing', 'entry_id');
  const direction = fieldText(json.call_direction);
  const from = party(json.from);
  const to = party(json.to);
  const start = unixInstant(json.create_time);
  if (!start) return fail('summary', 'notUnixTime', 'create_time');
  // An internal call (UNVERIFIED: 0) has no outside party: acknowledged, nothing to log.
  if (direction === '0')
    return one({ source: 'mango', callId: entry, type: 'summary', stage: 'other', startAt: start });
  if (direction !== '1' && direction !== '2') return fail('summary', 'notOneOrTwo', 'call_direction');
  // talk_time is the moment someone answered (0 when nobody did), end_time the end of the whole call: their
  // difference is the conversation. talk_time's meaning is documented; entry_result's values are not, so it decides
  // only when talk_time is absent (UNVERIFIED: 1 = answered).
  const talkAt = wholeSeconds(json.talk_time);
  const endAt = wholeSeconds(json.end_time);
  const answered = talkAt !== undefined ? talkAt > 0 : fieldText(json.entry_result) === '1';
  let talkSeconds = 0;
  if (answered && talkAt && endAt !== undefined) {
    if (endAt < talkAt) return fail('summary', 'endBeforeTalk', 'end_time');
    talkSeconds = endAt - talkAt;
  }
  const line = fieldText(json.line_number) || to.lineNumber;
  const inbound = direction === '1';
  const notice: CallNotice = {
    source: 'mango',
    callId: entry,
    type: 'summary',
    stage: 'end',
    direction: inbound ? 'in' : 'out',
    startAt: start,
    answered,
    talkSeconds,
  };
  const client = phoneOrEmpty(inbound ? from.number : to.number);
  if (!client) {
    // Both ends are our employees (an internal call sent with a direction): nothing to log.
    if (from.extension && to.extension)
      return one({ source: 'mango', callId: entry, type: 'summary', stage: 'other', startAt: start });
    return fail('summary', 'fieldMissing', inbound ? 'from.number' : 'to.number');
  }
  notice.clientNumber = client;
  if (line) notice.ourNumber = line;
  const extension = inbound ? to.extension : from.extension;
  if (extension) notice.extension = extension;
  return one(notice);
}

/**
 * events/call: one leg of the call changed state (Appeared, Connected, OnHold, Disconnected). Nothing is logged from
 * these — events/summary says how the call ended — but each is acknowledged under its own key (leg and seq), so a
 * retry of one is a duplicate and the next state is not.
 */
function call(json: Json, fail: Fail): NoticeRead {
  const entry = fieldText(json.entry_id);
  if (!entry) return fail('call', 'fieldMissing', 'entry_id');
  const seq = fieldText(json.seq);
  if (!seq) return fail('call', 'fieldMissing', 'seq');
  const callId = fieldText(json.call_id);
  const state = fieldText(json.call_state);
  if (!state) return fail('call', 'fieldMissing', 'call_state');
  const from = party(json.from);
  const to = party(json.to);
  const notice: CallNotice = {
    source: 'mango',
    callId: entry,
    type: `call:${callId}:${seq}`,
    stage: state.toLowerCase() === 'appeared' ? 'start' : 'other',
  };
  const at = unixInstant(json.timestamp);
  if (at) notice.startAt = at;
  // An outside caller has a number and no extension; our employee has an extension.
  if (from.number && !from.extension && to.extension) {
    notice.direction = 'in';
    notice.clientNumber = from.number;
    notice.extension = to.extension;
    if (to.lineNumber) notice.ourNumber = to.lineNumber;
  } else if (from.extension && to.number && !to.extension) {
    notice.direction = 'out';
    notice.clientNumber = phoneOrEmpty(to.number) || undefined;
    notice.extension = from.extension;
    if (!notice.clientNumber) delete notice.clientNumber;
  }
  return one(notice);
}

/** events/recording: a recording of a call changed state; 'Completed' means it can be fetched by recording_id. */
function recording(json: Json, fail: Fail): NoticeRead {
  const recordingId = fieldText(json.recording_id);
  if (!recordingId) return fail('recording', 'fieldMissing', 'recording_id');
  const entry = fieldText(json.entry_id) || fieldText(json.call_id);
  if (!entry) return fail('recording', 'fieldMissing', 'entry_id');
  const state = fieldText(json.recording_state);
  const completed = state === '' || state.toLowerCase() === 'completed';
  const notice: CallNotice = {
    source: 'mango',
    callId: entry,
    // One call can have several recordings (a transfer records each leg): each is its own notification.
    type: completed ? `recording:${recordingId}` : `recording:${recordingId}:${state}`,
    stage: completed ? 'record' : 'other',
  };
  if (completed) notice.recording = recordingId;
  return one(notice);
}
