// The emulated machine's network, as UrlFetchApp (and a test playing a browser or an outside client) reaches it.
//
// There is no internet here: a URL resolves only to
//   - a web app deployed on this Workspace (`https://script.google.com/macros/s/<deploymentId>/exec[/pathInfo]`),
//   - the one-time URL its ContentService output is served from (`https://script.googleusercontent.com/macros/echo`),
//   - or a fake external endpoint a test registered with `route(prefix, handler)`.
// Anything else fails the way an unknown host does ("DNS error: <url>", the sentence users report; UNVERIFIED).
//
// Web apps (https://developers.google.com/apps-script/guides/web):
//   - GET runs `doGet(e)`, POST runs `doPost(e)`, each as its own execution (own 6-minute budget, own call count;
//     its calls land in the Workspace call log, never in the caller's execution report);
//   - `e` has Google's documented shape: queryString, parameter (first values), parameters (all values), contextPath
//     (''), contentLength (-1 for GET), pathInfo (only when the URL goes on after /exec), postData for POST
//     {contents, length, type, name: 'postData'};
//   - "for security reasons, content returned by the Content service isn't served from script.google.com, but instead
//     redirected to a one-time URL at script.googleusercontent.com" (https://developers.google.com/apps-script/guides/content):
//     a TextOutput answers 302 with that Location, and a client that follows redirects (UrlFetchApp's default) gets
//     the content there;
//   - an HtmlOutput is answered as text/html. Simplification: Google serves its own wrapper page that loads the
//     content in a sandboxed iframe; the emulator answers the content itself.
// Answers for failures, all UNVERIFIED (what users report seeing, status codes guessed): a missing doGet/doPost
// gives a 200 HTML page "Script function not found: doPost"; a function that throws gives a 200 HTML page with the
// error's message; one that returns nothing gives "The script completed but did not return anything."; an unknown
// deployment 404 "Sorry, unable to open the file at this time."; a deployment not open to anonymous users, reached
// without an `Authorization: Bearer …` header, 401.

import { createHash } from 'node:crypto';
import { GasException } from '../errors';
import { ExecutionKind, ExecutionReport } from '../execution';
import { DailyQuota } from '../script/daily-quota';
import { TextOutput } from '../script/content-service';
import { HtmlOutput } from '../ui/html-service';
import { decodeText, encodeText } from '../script/blob';
import { PAYLOAD_LIMITS } from '../limits';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  url: string;
  method: HttpMethod;
  /** Header names in lower case, as they arrive at a server. */
  headers: Record<string, string>;
  body: Uint8Array;
  /** The body decoded as UTF-8. */
  text: string;
}

export interface HttpReply {
  status: number;
  /** Header names as the server wrote them; a header sent several times has several values. */
  headers: Record<string, string | string[]>;
  body: Uint8Array;
}

/** What a fake endpoint answers. */
export interface RouteReply {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string | Uint8Array;
  /** Extra simulated time the endpoint takes to answer, ms (charged to the caller on top of the call's latency). */
  latencyMs?: number;
}

export type RouteHandler = (request: HttpRequest) => RouteReply;

/** What a deployed web app runs: a loaded project (loader/load-bundle.ts `LoadedProject` fits). */
export interface WebAppTarget {
  readonly project: string;
  hasFunction(name: string): boolean;
  invoke(
    name: string,
    args?: unknown[],
    kind?: ExecutionKind,
  ): { result?: unknown; error?: Error; report: ExecutionReport };
}

/** The manifest's `webapp` settings (https://developers.google.com/apps-script/manifest/web-app-api-executable). */
export interface WebAppOptions {
  executeAs?: 'USER_DEPLOYING' | 'USER_ACCESSING';
  access?: 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';
}

interface Deployment {
  project: string;
  executeAs: NonNullable<WebAppOptions['executeAs']>;
  access: NonNullable<WebAppOptions['access']>;
}

/** One web-app execution, for tests and the bench to see what the callee did. */
export interface WebAppRun {
  deploymentId: string;
  functionName: string;
  report: ExecutionReport;
  error?: string;
}

export interface Dispatched {
  reply: HttpReply;
  /** The URL the final answer came from (after redirects). */
  finalUrl: string;
  /** Simulated time spent by fake endpoints and web-app executions, ms. */
  extraMs: number;
}

/** Limits of https://developers.google.com/apps-script/guides/services/quotas (consumer account). */
export const URL_FETCH_LIMITS = {
  callsPerDay: 20_000,
  urlBytes: PAYLOAD_LIMITS.urlFetchUrlBytes.value,
  payloadBytes: PAYLOAD_LIMITS.urlFetchPayloadBytes.value,
  responseBytes: PAYLOAD_LIMITS.urlFetchResponseBytes.value,
  headers: PAYLOAD_LIMITS.urlFetchHeaders.value,
  headerBytes: PAYLOAD_LIMITS.urlFetchHeaderBytes.value,
  /** UNVERIFIED: how many redirects UrlFetchApp follows before giving up. */
  maxRedirects: 10,
};

export const WEB_APP_HOST = 'script.google.com';
const ECHO_BASE = 'https://script.googleusercontent.com/macros/echo';

interface NetworkJSON {
  quota?: unknown;
  deployments?: Record<string, Deployment>;
}

function html(status: number, body: string): HttpReply {
  return { status, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: encodeText(body) };
}

function errorPage(message: string): string {
  const text = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html><head><title>Error</title></head><body><div>${text}</div></body></html>`;
}

/** `a=1&b=2&a=3` → { a: ['1', '3'], b: ['2'] }. */
function parseParameters(query: string, into: Record<string, string[]>): void {
  if (!query) return;
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    (into[key] ??= []).push(value);
  }
}

export class UrlFetchNetwork {
  /** UrlFetchApp calls per rolling 24 hours: "URL Fetch calls 20,000 / day" (consumer). */
  readonly quota: DailyQuota;
  /** Every web-app execution, oldest first. */
  readonly runs: WebAppRun[] = [];
  private readonly routes = new Map<string, RouteHandler>();
  private readonly deployments: Map<string, Deployment>;
  private readonly targets = new Map<string, WebAppTarget>();
  private readonly echoes = new Map<string, HttpReply>();
  private echoSeq = 0;

  private constructor(json: NetworkJSON) {
    this.quota = new DailyQuota(URL_FETCH_LIMITS.callsPerDay, json.quota);
    this.deployments = new Map(Object.entries(json.deployments ?? {}));
  }

  static fromJSON(json: unknown): UrlFetchNetwork {
    return new UrlFetchNetwork(json && typeof json === 'object' ? (json as NetworkJSON) : {});
  }

  toJSON(): NetworkJSON {
    return { quota: this.quota.toJSON(), deployments: Object.fromEntries(this.deployments) };
  }

  /** A fake external endpoint: every URL starting with `prefix` is answered by `handler` (longest prefix wins). */
  route(prefix: string, handler: RouteHandler): void {
    this.routes.set(prefix, handler);
  }

  unroute(prefix: string): void {
    this.routes.delete(prefix);
  }

  /**
   * Deploys `target` as a web app and returns its `/exec` URL. Deploying the same project with the same settings again
   * (after a restart of a persisted Workspace, say) keeps its deployment id, as updating a deployment does in Apps Script.
   */
  deploy(target: WebAppTarget, options: WebAppOptions = {}): string {
    const deployment: Deployment = {
      project: target.project,
      executeAs: options.executeAs ?? 'USER_DEPLOYING',
      access: options.access ?? 'MYSELF',
    };
    // The deployment dialog offers "Anyone" (anonymous) only with "Execute as: me".
    if (deployment.access === 'ANYONE_ANONYMOUS' && deployment.executeAs === 'USER_ACCESSING')
      throw new GasException('A web app that runs as the user accessing it cannot be open to anonymous users.');
    let id = [...this.deployments].find(
      ([, d]) =>
        d.project === deployment.project && d.executeAs === deployment.executeAs && d.access === deployment.access,
    )?.[0];
    if (!id) {
      const digest = createHash('sha256')
        .update(`${deployment.project}:${deployment.executeAs}:${deployment.access}:${this.deployments.size}`)
        .digest('base64url');
      // Shaped like Google's deployment ids (AKfycb…, 72 characters).
      id = `AKfycb${digest}${digest}`.slice(0, 72);
      this.deployments.set(id, deployment);
    }
    this.targets.set(id, target);
    return `https://${WEB_APP_HOST}/macros/s/${id}/exec`;
  }

  /** The `/exec` URL of `project`'s latest deployment (ScriptApp.getService().getUrl()); undefined when none. */
  urlOf(project: string): string | undefined {
    const ids = [...this.deployments].filter(([, d]) => d.project === project).map(([id]) => id);
    return ids.length ? `https://${WEB_APP_HOST}/macros/s/${ids[ids.length - 1]}/exec` : undefined;
  }

  /** Sends `request`, following redirects when asked (a 301/302/303 becomes a GET without a body). */
  dispatch(request: HttpRequest, followRedirects: boolean): Dispatched {
    let current = request;
    let extraMs = 0;
    for (let hop = 0; ; hop++) {
      const answered = this.answer(current);
      extraMs += answered.extraMs;
      const location = headerValue(answered.reply.headers, 'location');
      const redirect = answered.reply.status >= 300 && answered.reply.status < 400 && location !== undefined;
      if (!followRedirects || !redirect) return { reply: answered.reply, finalUrl: current.url, extraMs };
      if (hop >= URL_FETCH_LIMITS.maxRedirects) throw new GasException(`Too many redirects: ${request.url}`); // UNVERIFIED
      const next = new URL(location, current.url).toString();
      const keep = answered.reply.status === 307 || answered.reply.status === 308;
      current = keep
        ? { ...current, url: next }
        : { url: next, method: 'GET', headers: withoutBodyHeaders(current.headers), body: new Uint8Array(), text: '' };
    }
  }

  private answer(request: HttpRequest): { reply: HttpReply; extraMs: number } {
    const url = new URL(request.url);
    if (url.hostname === WEB_APP_HOST && url.pathname.startsWith('/macros/s/')) return this.serveWebApp(request, url);
    if (request.url.startsWith(ECHO_BASE)) {
      const key = url.searchParams.get('user_content_key') ?? '';
      const reply = this.echoes.get(key);
      if (!reply) return { reply: html(404, errorPage('Sorry, unable to open the file at this time.')), extraMs: 0 };
      this.echoes.delete(key);
      return { reply, extraMs: 0 };
    }
    let best = '';
    for (const prefix of this.routes.keys())
      if (request.url.startsWith(prefix) && prefix.length > best.length) best = prefix;
    if (!best) throw new GasException(`DNS error: ${request.url}`);
    const r = this.routes.get(best)!(request);
    const body = typeof r.body === 'string' ? encodeText(r.body) : (r.body ?? new Uint8Array());
    return { reply: { status: r.status ?? 200, headers: { ...r.headers }, body }, extraMs: r.latencyMs ?? 0 };
  }

  private serveWebApp(request: HttpRequest, url: URL): { reply: HttpReply; extraMs: number } {
    const notFound = { reply: html(404, errorPage('Sorry, unable to open the file at this time.')), extraMs: 0 };
    const m = /^\/macros\/s\/([^/]+)\/exec(?:\/(.*))?$/.exec(url.pathname);
    const id = m?.[1] ?? '';
    const deployment = this.deployments.get(id);
    const target = this.targets.get(id);
    if (!m || !deployment || !target) return notFound;
    if (deployment.access !== 'ANYONE_ANONYMOUS' && !/^Bearer\s+\S/.test(request.headers['authorization'] ?? ''))
      return { reply: html(401, errorPage('Unauthorized')), extraMs: 0 };
    if (request.method !== 'GET' && request.method !== 'POST')
      return { reply: html(405, errorPage('Method Not Allowed')), extraMs: 0 };
    const functionName = request.method === 'GET' ? 'doGet' : 'doPost';
    if (!target.hasFunction(functionName))
      return { reply: html(200, errorPage(`Script function not found: ${functionName}`)), extraMs: 0 };

    const query = url.search.replace(/^\?/, '');
    const parameters: Record<string, string[]> = {};
    parseParameters(query, parameters);
    const contentType = request.headers['content-type'] ?? '';
    const event: Record<string, unknown> = { queryString: query, parameter: {}, parameters, contextPath: '' };
    if (request.method === 'POST') {
      if (/^application\/x-www-form-urlencoded/i.test(contentType)) parseParameters(request.text, parameters);
      event.contentLength = request.body.length;
      event.postData = { contents: request.text, length: request.body.length, type: contentType, name: 'postData' };
    } else {
      event.contentLength = -1;
    }
    event.parameter = Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, v[0]]));
    if (m[2]) event.pathInfo = decodeURIComponent(m[2]);

    const run = target.invoke(functionName, [event], 'script');
    this.runs.push({ deploymentId: id, functionName, report: run.report, error: run.error?.message });
    const extraMs = run.report.serviceMs;
    if (run.error) return { reply: html(200, errorPage(`${run.error.name}: ${run.error.message}`)), extraMs };
    const output = run.result;
    if (output instanceof TextOutput) {
      const headers: Record<string, string> = { 'Content-Type': `${TextOutput.contentTypeOf(output)}; charset=utf-8` };
      const fileName = output.getFileName();
      if (fileName) headers['Content-Disposition'] = `attachment; filename="${fileName.replace(/"/g, '')}"`;
      const key = `${id.slice(6, 22)}${(this.echoSeq += 1).toString(36)}`;
      this.echoes.set(key, { status: 200, headers, body: encodeText(output.getContent()) });
      return {
        reply: {
          status: 302,
          headers: { Location: `${ECHO_BASE}?user_content_key=${key}&lib=${id}` },
          body: new Uint8Array(),
        },
        extraMs,
      };
    }
    if (output instanceof HtmlOutput) return { reply: html(200, output.getContent()), extraMs };
    return { reply: html(200, errorPage('The script completed but did not return anything.')), extraMs };
  }
}

export function headerValue(headers: Record<string, string | string[]>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return Array.isArray(v) ? v[0] : v;
  return undefined;
}

function withoutBodyHeaders(headers: Record<string, string>): Record<string, string> {
  const out = { ...headers };
  delete out['content-type'];
  delete out['content-length'];
  return out;
}

/** Decodes a reply body with the charset its Content-Type names (UTF-8 otherwise). */
export function replyText(reply: HttpReply, charset?: string): string {
  const declared = /charset=([^;\s]+)/i.exec(headerValue(reply.headers, 'content-type') ?? '')?.[1];
  return decodeText(reply.body, charset ?? declared ?? 'UTF-8');
}
