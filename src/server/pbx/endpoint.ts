// The PBX side of the sheet project's web app (doPost / doGet in server/main.ts): Mango Office and Zadarma notify us
// of calls here, and each accepted request is stored as it came in the hidden Inbox sheet, for the processing trigger
// to turn into events (server/pbx/process.ts). Nothing else happens here: PBXs give up after 5–10 s, so the request is
// checked, stored and answered in at most three service calls — ONE getProperties (the secret, Mango's key and salt,
// the Inbox sheet's id), the lock, ONE Sheets batchUpdate (inbox-append.ts).
//
// A PBX request is one with `pbx=mango|zadarma` among its parameters, or whose path after /exec starts `mango/` or
// `zadarma/`. The secret is the query's `k`, or else the path segment after the provider: Mango APPENDS its paths
// (events/call, events/summary, events/recording, events/dtmf, ping) to the URL it is given, so its URL is
// /exec/mango/SECRET and a notification arrives at /exec/mango/SECRET/events/summary. UNVERIFIED on a real deployment:
// whether a path after /exec reaches an anonymous web app without a login page, and whether Mango keeps a query.
//
// Checked before anything is stored, and a failure stores nothing and answers like any refusal (answers.ts):
//   - the secret (constant time, core/secret.ts), for both;
//   - Mango: vpbx_api_key must be the office's mangoApiKey and `sign` must be sha256_hex(key + json + salt) — the only
//     signature Apps Script can check, because Mango puts it in the body;
//   - Zadarma signs in a `Signature` header, which Apps Script does not show a web app (doPost's e has no headers):
//     the secret in the URL is its only guard. Its URL check (GET ?zd_echo=X) is answered X, only with the secret;
//   - a payload (what is stored) over 50,000 characters, more than a Sheets cell holds, is refused, never cut.
// A body that is not what the PBX documents (json that does not parse, fields missing) but passed the checks IS
// stored: nothing a PBX sent is lost, and processing marks the row `problem` with the reason.

import { mangoSignValid } from '../../core/pbx/mango';
import { zadarmaEcho } from '../../core/pbx/zadarma';
import { INBOX_PAYLOAD_MAX_CHARS, InboxPayload } from '../../core/pbx/inbox';
import { sameSecret } from '../../core/secret';
import { secretSettingProperty } from '../../core/settings/secret';
import type { PbxProvider } from '../../shared/pbx-dto';
import { isAddon } from '../card-index/announce';
import { PbxOutcome, pbxAnswer, zadarmaEchoAnswer } from './answers';
import { appendToInbox } from './inbox-append';
import { PBX_SECRET_PROPERTY } from './secret';

type TextOutput = GoogleAppsScript.Content.TextOutput;
type WebAppEvent = GoogleAppsScript.Events.DoPost | GoogleAppsScript.Events.DoGet;

const PROVIDERS: readonly PbxProvider[] = ['mango', 'zadarma'];
/** Parameters that are ours, not the PBX's: not stored. */
const OUR_PARAMETERS = ['k', 'pbx'];

function providerOf(name: unknown): PbxProvider | undefined {
  return PROVIDERS.find((p) => p === name);
}

function segmentsOf(e: WebAppEvent): string[] {
  return String((e as { pathInfo?: string }).pathInfo ?? '')
    .split('/')
    .filter((s) => s !== '');
}

/** Whether doPost / doGet should hand this request to the PBX endpoint. */
export function isPbxRequest(e: WebAppEvent | undefined): boolean {
  if (!e) return false;
  return providerOf(e.parameter?.pbx) !== undefined || providerOf(segmentsOf(e)[0]) !== undefined;
}

/** Who sent it, the secret it carries, and what is stored of it (everything but our k and pbx). */
export interface PbxRequest {
  provider: PbxProvider;
  secret: string;
  payload: InboxPayload;
}

export function readPbxRequest(e: WebAppEvent): PbxRequest {
  const segments = segmentsOf(e);
  const fromPath = providerOf(segments[0]);
  const provider = fromPath ?? providerOf(e.parameter?.pbx) ?? 'zadarma';
  const query = e.parameter?.k;
  // /exec/mango/SECRET/events/summary: the segment after the provider is the secret unless the query carries one.
  const secret = typeof query === 'string' ? query : fromPath ? (segments[1] ?? '') : '';
  const rest = fromPath ? segments.slice(typeof query === 'string' ? 1 : 2) : segments;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(e.parameter ?? {}))
    if (!OUR_PARAMETERS.includes(name)) params[name] = String(value);
  const post = (e as GoogleAppsScript.Events.DoPost).postData;
  const form = /^application\/x-www-form-urlencoded/i.test(String(post?.type ?? ''));
  const payload: InboxPayload = { path: rest.join('/'), params };
  if (post && !form && post.contents) payload.body = String(post.contents);
  return { provider, secret, payload };
}

function sha256Hex(text: string): string {
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8);
  return bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

/** Mango's own checks (core/pbx/mango.ts): its key, and the sign over key + json + salt (no service call). */
function mangoValid(params: Record<string, string>, props: Record<string, string>): boolean {
  const key = props[secretSettingProperty('mangoApiKey')] ?? '';
  const salt = props[secretSettingProperty('mangoApiSalt')] ?? '';
  return mangoSignValid(params, key, salt, sha256Hex);
}

/** The request answered; stored in the Inbox when every check passed. */
export function pbxRequest(e: WebAppEvent): TextOutput {
  const request = readPbxRequest(e);
  const { provider, payload } = request;
  // Only the sheet project has an Inbox: the Gmail add-on's copy of the web app refuses (no call made).
  if (isAddon()) return pbxAnswer(provider, 'refused');
  const props = PropertiesService.getScriptProperties().getProperties();
  if (!sameSecret(request.secret, props[PBX_SECRET_PROPERTY] ?? '')) return pbxAnswer(provider, 'refused');
  if (provider === 'zadarma') {
    const echo = zadarmaEcho(payload.params);
    if (echo !== undefined) return zadarmaEchoAnswer(echo);
  } else if (!mangoValid(payload.params, props)) return pbxAnswer(provider, 'refused');
  if (JSON.stringify(payload).length > INBOX_PAYLOAD_MAX_CHARS) return pbxAnswer(provider, 'refused');
  return pbxAnswer(provider, store(props, request));
}

function store(props: Record<string, string>, request: PbxRequest): PbxOutcome {
  try {
    appendToInbox(props, request.provider, request.payload, new Date());
    return 'accepted';
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Google's waitLock message: the webhooks before this one held the lock past our wait. The PBX may send again.
    if (/^Lock timeout/i.test(message)) return 'busy';
    // Anything else (a Sheets error) is answered in the PBX's shape too, not as Google's error page; the log names
    // the error only, never the payload (phone numbers).
    console.error(`A PBX request was not stored: ${err instanceof Error ? err.name : 'error'}`);
    return 'failed';
  }
}
