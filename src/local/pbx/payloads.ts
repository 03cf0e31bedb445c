// What a cloud PBX sends the web app about one call, built as each PBX documents it, for the sandbox's "Simulate a
// call" page, the tests and the bench (/work/shared/notes/telephony.md has the sources):
//   - Mango Office: form POST vpbx_api_key, sign, json to the URL + an appended path (events/call, events/summary,
//     events/recording); sign = sha256_hex(api_key + json + api_salt);
//   - Zadarma: form POST event=NOTIFY_START|NOTIFY_OUT_START, then NOTIFY_END|NOTIFY_OUT_END, then NOTIFY_RECORD, to
//     the URL as given; its `Signature` header (base64 of hex HMAC-SHA1) is built too, though Apps Script never sees it.
// Nothing here knows the CRM: only the PBXs' shapes.

import { createHash, createHmac } from 'node:crypto';
import type { PbxProvider, WebhookReply } from '../../shared/pbx-dto';
import { localParts } from '../../core/events/zone';

/** One call as a person describes it on the simulate page. */
export interface SimulatedCall {
  direction: 'in' | 'out';
  answered: boolean;
  /** The outside party's number as the PBX sends it (digits with the country code, e.g. 79161234567). */
  clientNumber: string;
  /** Our number (DID / line) the call came in on or went out from. */
  ourNumber: string;
  /** Our extension that took (or would have taken) or made the call. */
  extension: string;
  /** When it began ringing. */
  startAt: Date;
  /** Seconds of ringing before the answer (or before the caller gave up); default 8. */
  ringSeconds?: number;
  /** Seconds of conversation (ignored for a missed call). */
  talkSeconds: number;
  /** Whether the PBX recorded it (answered calls only): a recording notification follows the end. */
  recording: boolean;
  /** The PBX's call id; default: derived from the other fields, so the same call gives the same id (a retry). */
  callId?: string;
}

/** One HTTP request the PBX makes: appended `path` ('' for Zadarma) and form fields, in the order sent. */
export interface PbxRequest {
  provider: PbxProvider;
  method: 'POST' | 'GET';
  path: string;
  form: Record<string, string>;
  /** Headers the PBX adds (Zadarma's Signature); the web app cannot read them. */
  headers: Record<string, string>;
}

export interface MangoKeys {
  apiKey: string;
  apiSalt: string;
}

export interface PayloadOptions {
  /** Mango's key and salt (the office's settings mangoApiKey / mangoApiSalt). */
  mango?: MangoKeys;
  /** The office's IANA zone: Zadarma writes call_start as a wall-clock time of the account's zone. */
  timeZone: string;
  /** Zadarma's API secret for the Signature header ('' or absent: no header). */
  zadarmaSecret?: string;
}

/** Mango's signature of one request: sha256 hex of key + json + salt, UTF-8. */
export function mangoSign(apiKey: string, json: string, apiSalt: string): string {
  return createHash('sha256')
    .update(apiKey + json + apiSalt, 'utf8')
    .digest('hex');
}

/** Zadarma's Signature header: base64 of the hex HMAC-SHA1 of the fields the event names, with the API secret. */
export function zadarmaSignature(data: string, secret: string): string {
  return Buffer.from(createHmac('sha1', secret).update(data, 'utf8').digest('hex'), 'utf8').toString('base64');
}

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

function defaultCallId(provider: PbxProvider, call: SimulatedCall): string {
  const h = createHash('sha1')
    .update(
      [provider, call.direction, call.clientNumber, call.ourNumber, call.extension, call.startAt.toISOString()].join(
        '|',
      ),
    )
    .digest('hex');
  return provider === 'mango' ? `MToxMDA${h.slice(0, 20)}` : `${call.direction}_${h.slice(0, 24)}`;
}

function timeline(call: SimulatedCall) {
  const ring = call.ringSeconds ?? 8;
  const talk = call.answered ? Math.max(0, Math.round(call.talkSeconds)) : 0;
  const start = call.startAt;
  const answer = new Date(start.getTime() + ring * 1000);
  const end = new Date(answer.getTime() + talk * 1000);
  return { start, answer, end, talk };
}

function mangoRequest(path: string, payload: object, keys: MangoKeys): PbxRequest {
  const json = JSON.stringify(payload);
  return {
    provider: 'mango',
    method: 'POST',
    path,
    form: { vpbx_api_key: keys.apiKey, sign: mangoSign(keys.apiKey, json, keys.apiSalt), json },
    headers: {},
  };
}

/**
 * Mango's requests for one call: events/call (Appeared, then Connected when answered, Disconnected), events/summary
 * and, for a recorded answered call, events/recording (Completed). Inbound: from = the client, to = our extension on
 * our line; outbound the other way round. entry_result 1 = answered (UNVERIFIED beyond the notes' source).
 */
export function mangoRequests(call: SimulatedCall, keys: MangoKeys): PbxRequest[] {
  const entryId = call.callId ?? defaultCallId('mango', call);
  const callId = `${entryId}-leg1`;
  const { start, answer, end, talk } = timeline(call);
  const client = { number: call.clientNumber };
  const ours = { extension: call.extension, number: call.ourNumber, line_number: call.ourNumber };
  const from = call.direction === 'in' ? client : { extension: call.extension, number: call.ourNumber };
  const to = call.direction === 'in' ? ours : client;
  let seq = 0;
  const callEvent = (state: string, at: Date, extra: object = {}) =>
    mangoRequest(
      'events/call',
      {
        entry_id: entryId,
        call_id: callId,
        timestamp: unix(at),
        seq: ++seq,
        call_state: state,
        location: 'abonent',
        from,
        to,
        ...extra,
      },
      keys,
    );
  const requests = [callEvent('Appeared', start)];
  if (call.answered) requests.push(callEvent('Connected', answer));
  requests.push(callEvent('Disconnected', end, { disconnect_reason: call.answered ? 1110 : 1120 }));
  requests.push(
    mangoRequest(
      'events/summary',
      {
        entry_id: entryId,
        call_direction: call.direction === 'in' ? 1 : 2,
        from,
        to,
        line_number: call.ourNumber,
        create_time: unix(start),
        forward_time: unix(start),
        talk_time: call.answered ? unix(answer) : 0,
        end_time: unix(end),
        entry_result: call.answered ? 1 : 0,
        disconnect_reason: call.answered ? 1110 : 1120,
      },
      keys,
    ),
  );
  if (call.answered && call.recording && talk > 0)
    requests.push(
      mangoRequest(
        'events/recording',
        {
          entry_id: entryId,
          call_id: callId,
          extension: call.extension,
          recording_id: `rec-${entryId}`,
          recording_state: 'Completed',
          seq: ++seq,
          timestamp: unix(end) + 5,
          completion_code: 1000,
        },
        keys,
      ),
    );
  return requests;
}

/** A wall-clock "YYYY-MM-DD HH:MM:SS" of `d` in `timeZone`, as Zadarma writes call_start. */
export function zadarmaTime(d: Date, timeZone: string): string {
  const p = localParts(d, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

/**
 * Zadarma's requests for one call: NOTIFY_START then NOTIFY_END (inbound), NOTIFY_OUT_START then NOTIFY_OUT_END
 * (outbound), then NOTIFY_RECORD for a recorded answered call. disposition 'answered' or 'no answer'.
 */
export function zadarmaRequests(
  call: SimulatedCall,
  options: Pick<PayloadOptions, 'timeZone' | 'zadarmaSecret'>,
): PbxRequest[] {
  const pbxCallId = call.callId ?? defaultCallId('zadarma', call);
  const { start, talk } = timeline(call);
  const callStart = zadarmaTime(start, options.timeZone);
  const secret = options.zadarmaSecret ?? '';
  const recorded = call.answered && call.recording && talk > 0;
  const callIdWithRec = recorded ? `${unix(start)}.${pbxCallId.slice(-8)}` : '';
  const signed = (form: Record<string, string>, data: string): PbxRequest => ({
    provider: 'zadarma',
    method: 'POST',
    path: '',
    form,
    headers: secret ? { Signature: zadarmaSignature(data, secret) } : {},
  });
  const outcome = {
    duration: String(talk),
    disposition: call.answered ? 'answered' : 'no answer',
    status_code: call.answered ? '16' : '19',
    is_recorded: recorded ? '1' : '0',
    call_id_with_rec: callIdWithRec,
  };
  const requests: PbxRequest[] = [];
  if (call.direction === 'in') {
    const base = {
      call_start: callStart,
      pbx_call_id: pbxCallId,
      caller_id: call.clientNumber,
      called_did: call.ourNumber,
    };
    const data = call.clientNumber + call.ourNumber + callStart;
    requests.push(signed({ event: 'NOTIFY_START', ...base }, data));
    requests.push(signed({ event: 'NOTIFY_END', ...base, internal: call.extension, ...outcome }, data));
  } else {
    const base = {
      call_start: callStart,
      pbx_call_id: pbxCallId,
      caller_id: call.ourNumber,
      destination: call.clientNumber,
    };
    const data = call.extension + call.clientNumber + callStart;
    requests.push(signed({ event: 'NOTIFY_OUT_START', ...base, internal: call.extension }, data));
    requests.push(signed({ event: 'NOTIFY_OUT_END', ...base, internal: call.extension, ...outcome }, data));
  }
  if (recorded)
    requests.push(
      signed(
        { event: 'NOTIFY_RECORD', call_id_with_rec: callIdWithRec, pbx_call_id: pbxCallId },
        pbxCallId + callIdWithRec,
      ),
    );
  return requests;
}

/** Every request `provider` makes about `call`, in the order it makes them. */
export function callRequests(provider: PbxProvider, call: SimulatedCall, options: PayloadOptions): PbxRequest[] {
  if (provider === 'zadarma') return zadarmaRequests(call, options);
  if (!options.mango) throw new Error('Mango requests need the office’s Mango API key and salt');
  return mangoRequests(call, options.mango);
}

/** Zadarma's URL validation: a GET with ?zd_echo=X, answered with X. */
export function zadarmaEcho(echo: string): PbxRequest {
  return { provider: 'zadarma', method: 'GET', path: '', form: { zd_echo: echo }, headers: {} };
}

/** application/x-www-form-urlencoded, as both PBXs send it. */
export function formBody(form: Record<string, string>): string {
  return new URLSearchParams(form).toString();
}

/**
 * The URL the PBX calls, from the one pasted into its settings: Mango appends the event's path to it (before any
 * query: whether Mango keeps a query is UNVERIFIED); a GET carries the form as query parameters.
 */
export function requestUrl(pastedUrl: string, request: PbxRequest): string {
  const [base, query = ''] = pastedUrl.split('?');
  const withPath = request.path ? `${base.replace(/\/+$/, '')}/${request.path}` : base;
  const params = new URLSearchParams(query);
  if (request.method === 'GET') for (const [k, v] of Object.entries(request.form)) params.append(k, v);
  const q = params.toString();
  return q ? `${withPath}?${q}` : withPath;
}

/** What can carry a request to the web app: the emulated Workspace's outside network (workspace.webApp). */
export interface WebAppNetwork {
  get(url: string, headers?: Record<string, string>): { status: number; text: string };
  post(
    url: string,
    body: string,
    contentType?: string,
    headers?: Record<string, string>,
  ): { status: number; text: string };
}

/** Sends the requests one after another as the PBX would (redirects followed), each reply as {status, body}. */
export function sendPbxRequests(net: WebAppNetwork, pastedUrl: string, requests: PbxRequest[]): WebhookReply[] {
  return requests.map((r) => {
    const url = requestUrl(pastedUrl, r);
    const reply =
      r.method === 'GET'
        ? net.get(url, r.headers)
        : net.post(url, formBody(r.form), 'application/x-www-form-urlencoded', r.headers);
    return { status: reply.status, body: reply.text };
  });
}
