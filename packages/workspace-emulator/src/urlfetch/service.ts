// UrlFetchApp over the emulated network (./network.ts). https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app
//
// - Needs the `https://www.googleapis.com/auth/script.external_request` scope: checked with every member's scopes
//   where every call passes (auth/authorize.ts, auth/member-scopes.ts).
// - Every fetch is one counted call `UrlFetchApp.fetch` (fetchAll: one `UrlFetchApp.fetchAll`, its requests run in
//   parallel) and uses the daily quota "URL Fetch calls: 20,000 / day" (consumer), one per request; past it:
//   "Service invoked too many times for one day: urlfetch." (widely quoted).
// - Limits (quota page): URL length 2 kB ("Limit Exceeded: URLFetch URL Length.", widely quoted), POST size 50 MB,
//   response 50 MB, 100 headers and 8 KB of headers (the sentences for these three are UNVERIFIED).
// - params (documented): method get|delete|patch|post|put (default get; upper case accepted), payload (string, byte
//   array, Blob, or an object sent as a form — multipart when a value is a Blob), contentType (default
//   application/x-www-form-urlencoded), headers, followRedirects (default true), muteHttpExceptions (default false),
//   validateHttpsCertificates, useIntranet (no effect here), escaping. A bad value is refused with "Attribute provided
//   with invalid value: <name>" (UNVERIFIED wording).
// - A status ≥ 400 throws unless muteHttpExceptions: "Request failed for <scheme://host> returned code <n>. Truncated
//   server response: <start of the body> (use muteHttpExceptions option to examine full response)" — the shape users
//   report; the truncation length (here 100 characters) is UNVERIFIED.

import { ServiceContext } from '../context';
import { GasException } from '../errors';
import { Blob, encodeText, fromJavaBytes, toJavaBytes } from '../script/blob';
import { Emulated, signatureMismatch } from '../script/emulated';
import { jsonBytes } from '../wire-size';
import {
  HttpMethod,
  HttpReply,
  HttpRequest,
  URL_FETCH_LIMITS,
  UrlFetchNetwork,
  headerValue,
  replyText,
} from './network';

export const URL_FETCH_QUOTA = 'Service invoked too many times for one day: urlfetch.';
const TRUNCATED_CHARS = 100;
let boundarySeq = 0;

type HttpResponseApi = Emulated<
  GoogleAppsScript.URL_Fetch.HTTPResponse,
  'getAllHeaders' | 'getAs' | 'getBlob' | 'getContent' | 'getContentText' | 'getHeaders' | 'getResponseCode'
>;

export class HTTPResponse implements HttpResponseApi {
  readonly #reply: HttpReply;

  constructor(reply: HttpReply) {
    this.#reply = reply;
  }

  /** Host side (CallRecord.bytes): the body and the headers that came back. */
  static bytes(response: HTTPResponse): number {
    return response.#reply.body.length + jsonBytes(response.#reply.headers);
  }

  getResponseCode(): number {
    return this.#reply.status;
  }

  /** Decoded with `charset`, else the charset the Content-Type names, else UTF-8 (the fallback is UNVERIFIED). */
  getContentText(charset?: string): string {
    return replyText(this.#reply, charset);
  }

  getContent(): number[] {
    return toJavaBytes(this.#reply.body);
  }

  /** One value per header; a header sent several times shows its first value here (UNVERIFIED which one Google keeps). */
  getHeaders(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.#reply.headers)) out[k] = Array.isArray(v) ? v[0] : v;
    return out;
  }

  /** "headers that have multiple values returned as arrays" (documented). */
  getAllHeaders(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(this.#reply.headers))
      out[k] = Array.isArray(v) ? (v.length === 1 ? v[0] : [...v]) : v;
    return out;
  }

  getBlob(): Blob {
    const type = headerValue(this.#reply.headers, 'content-type')?.split(';')[0].trim() || null;
    return new Blob(this.#reply.body.slice(), type, null);
  }

  /** Only "conversion" to the type the body already has; others are refused (wording UNVERIFIED). */
  getAs(contentType: string): Blob {
    if (typeof contentType !== 'string') throw signatureMismatch('HTTPResponse.getAs', [contentType]);
    const blob = this.getBlob();
    const from = blob.getContentType() ?? 'application/octet-stream';
    if (contentType.toLowerCase() !== from.toLowerCase())
      throw new GasException(`Converting from ${from} to ${contentType} is not supported.`);
    return blob;
  }
}

type UrlFetchAppApi = Emulated<GoogleAppsScript.URL_Fetch.UrlFetchApp, 'fetch' | 'fetchAll'>;

const METHODS: Record<string, HttpMethod> = { get: 'GET', delete: 'DELETE', patch: 'PATCH', post: 'POST', put: 'PUT' };

interface Prepared {
  request: HttpRequest;
  followRedirects: boolean;
  muteHttpExceptions: boolean;
}

function invalid(name: string): GasException {
  return new GasException(`Attribute provided with invalid value: ${name}`);
}

function isBlob(v: unknown): v is Blob {
  return v instanceof Blob;
}

function formEncode(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function multipart(fields: Record<string, unknown>, boundary: string): Uint8Array {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    const name = k.replace(/"/g, '%22');
    if (isBlob(v)) {
      const file = (v.getName() ?? name).replace(/"/g, '%22');
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file}"\r\n` +
            `Content-Type: ${v.getContentType() ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        Buffer.from(Blob.octets(v)),
        Buffer.from('\r\n'),
      );
    } else {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${String(v)}\r\n`),
      );
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** Validates `url` and `params` the way UrlFetchApp does before anything goes on the wire. */
function prepare(method: string, url: unknown, params: unknown): Prepared {
  if (typeof url !== 'string') throw signatureMismatch(method, params === undefined ? [url] : [url, params]);
  if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params)))
    throw signatureMismatch(method, [url, params]);
  const p = (params ?? {}) as Record<string, unknown>;
  if (Buffer.byteLength(url, 'utf8') > URL_FETCH_LIMITS.urlBytes)
    throw new GasException('Limit Exceeded: URLFetch URL Length.');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GasException(`Invalid argument: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new GasException(`Invalid argument: ${url}`);
  // Keys UrlFetchApp does not know are ignored (UNVERIFIED).

  const flag = (name: string, fallback: boolean): boolean => {
    const v = p[name];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') throw invalid(name);
    return v;
  };
  const followRedirects = flag('followRedirects', true);
  const muteHttpExceptions = flag('muteHttpExceptions', false);
  flag('validateHttpsCertificates', true);
  flag('useIntranet', false);
  flag('escaping', true);

  let verb: HttpMethod = 'GET';
  if (p.method !== undefined && p.method !== null) {
    const m = typeof p.method === 'string' ? METHODS[p.method.toLowerCase()] : undefined;
    if (!m) throw invalid('method');
    verb = m;
  }

  const headers: Record<string, string> = {};
  if (p.headers !== undefined && p.headers !== null) {
    if (typeof p.headers !== 'object' || Array.isArray(p.headers)) throw invalid('headers');
    const entries = Object.entries(p.headers as Record<string, unknown>);
    if (entries.length > URL_FETCH_LIMITS.headers) throw new GasException('Limit Exceeded: URLFetch headers.'); // UNVERIFIED
    let size = 0;
    for (const [k, v] of entries) {
      if (v === undefined || v === null) continue;
      const value = String(v);
      size += Buffer.byteLength(k, 'utf8') + Buffer.byteLength(value, 'utf8');
      headers[k.toLowerCase()] = value;
    }
    if (size > URL_FETCH_LIMITS.headerBytes) throw new GasException('Limit Exceeded: URLFetch headers.'); // UNVERIFIED
  }

  if (p.contentType !== undefined && p.contentType !== null && typeof p.contentType !== 'string')
    throw invalid('contentType');
  let contentType = (p.contentType as string | undefined) ?? undefined;
  let body: Uint8Array = new Uint8Array();
  const payload = p.payload;
  if (payload !== undefined && payload !== null) {
    if (typeof payload === 'string') body = encodeText(payload);
    else if (isBlob(payload)) {
      body = Blob.octets(payload);
      contentType ??= payload.getContentType() ?? undefined;
    } else if (Array.isArray(payload)) {
      if (!payload.every((b) => typeof b === 'number')) throw invalid('payload');
      body = fromJavaBytes(payload as number[]);
    } else if (typeof payload === 'object') {
      const fields = payload as Record<string, unknown>;
      if (Object.values(fields).some(isBlob)) {
        const boundary = `----=_Part_${(boundarySeq += 1)}_${Object.keys(fields).length}`;
        body = multipart(fields, boundary);
        contentType = `multipart/form-data; boundary=${boundary}`;
      } else body = encodeText(formEncode(fields));
    } else body = encodeText(String(payload));
    if (body.length > URL_FETCH_LIMITS.payloadBytes) throw new GasException('Limit Exceeded: URLFetch POST Size.'); // UNVERIFIED
    // UNVERIFIED: a payload on a GET is sent as given; Google documents only that "certain HTTP methods (for
    // example, GET) do not accept a payload".
    headers['content-type'] ??= contentType ?? 'application/x-www-form-urlencoded';
  } else if (contentType !== undefined) headers['content-type'] ??= contentType;
  // UNVERIFIED detail of the id; the "compatible; Google-Apps-Script" agent is what servers log.
  headers['user-agent'] ??=
    'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: UAEmdDd)';

  return {
    request: { url: parsed.toString(), method: verb, headers, body, text: Buffer.from(body).toString('utf8') },
    followRedirects,
    muteHttpExceptions,
  };
}

/** What a request puts on the wire, for CallRecord.bytes: the URL, the headers and the body. */
function wire(prepared: Prepared): unknown {
  const r = prepared.request;
  return [r.url, r.headers, r.body];
}

function requestFailed(url: string, reply: HttpReply): GasException {
  const origin = new URL(url).origin;
  const text = replyText(reply).slice(0, TRUNCATED_CHARS);
  return new GasException(
    `Request failed for ${origin} returned code ${reply.status}. Truncated server response: ${text} (use muteHttpExceptions option to examine full response)`,
  );
}

class UrlFetchAppEmulation implements UrlFetchAppApi {
  readonly #network: UrlFetchNetwork;
  readonly #ctx: ServiceContext;

  constructor(network: UrlFetchNetwork, ctx: ServiceContext) {
    this.#network = network;
    this.#ctx = ctx;
  }

  #send(prepared: Prepared): HTTPResponse {
    const { reply, extraMs } = this.#network.dispatch(prepared.request, prepared.followRedirects);
    if (extraMs > 0) {
      // The caller waits while the endpoint (or the web app's own execution) works.
      this.#ctx.clock.advance(extraMs);
      this.#ctx.execution?.charge(extraMs);
    }
    if (reply.body.length > URL_FETCH_LIMITS.responseBytes)
      throw new GasException('Limit Exceeded: URLFetch response size.'); // UNVERIFIED
    if (reply.status >= 400 && !prepared.muteHttpExceptions) throw requestFailed(prepared.request.url, reply);
    return new HTTPResponse(reply);
  }

  #charge(n: number): void {
    const now = this.#ctx.clock.now();
    if (!this.#network.quota.allows(now, n)) throw new GasException(URL_FETCH_QUOTA);
    this.#network.quota.record(now, n);
  }

  fetch(url: string, params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions): HTTPResponse {
    const prepared = prepare('UrlFetchApp.fetch', url, params);
    return this.#ctx.call(
      'UrlFetchApp.fetch',
      () => {
        this.#charge(1);
        return this.#send(prepared);
      },
      { sent: wire(prepared), received: (r) => HTTPResponse.bytes(r) },
    );
  }

  fetchAll(requests: Array<GoogleAppsScript.URL_Fetch.URLFetchRequest | string>): HTTPResponse[] {
    if (!Array.isArray(requests)) throw signatureMismatch('UrlFetchApp.fetchAll', [requests]);
    const prepared = requests.map((r) => {
      if (typeof r === 'string') return prepare('UrlFetchApp.fetchAll', r, undefined);
      if (r === null || typeof r !== 'object') throw signatureMismatch('UrlFetchApp.fetchAll', [requests]);
      const { url, ...params } = r;
      return prepare('UrlFetchApp.fetchAll', url, params);
    });
    return this.#ctx.call(
      'UrlFetchApp.fetchAll',
      () => {
        this.#charge(prepared.length);
        return prepared.map((p) => this.#send(p));
      },
      { sent: prepared.map(wire), received: (rs) => rs.reduce((n, r) => n + HTTPResponse.bytes(r), 0) },
    );
  }
}

export function createUrlFetchApp(network: UrlFetchNetwork, ctx: ServiceContext): UrlFetchAppEmulation {
  return new UrlFetchAppEmulation(network, ctx);
}
