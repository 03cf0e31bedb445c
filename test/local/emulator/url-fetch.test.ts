import * as path from 'node:path';
import { UiHost, Workspace } from 'workspace-emulator';
import { loadProject } from 'workspace-emulator';
import { CacheStore } from 'workspace-emulator';
import { HttpRequest, URL_FETCH_LIMITS } from 'workspace-emulator';
import { URL_FETCH_QUOTA } from 'workspace-emulator';
import { testOffice } from '../../support/office';

// A two-function project (doPost, fetchOut, fetchMany) loaded twice: as the caller (a script doing UrlFetch) and as
// the callee deployed as a web app.
const FIXTURE = path.join(__dirname, '../../fixtures/webapp');
const HOOK = 'https://hooks.example.com/';

function setup(oauthScopes?: string[]) {
  const ws = Workspace.inMemory({ clockStart: '2026-03-02T09:00:00Z' });
  const caller = loadProject(ws, FIXTURE, { project: 'sheet', oauthScopes });
  const callee = loadProject(ws, FIXTURE, { project: 'gmail' });
  return { ws, caller, callee };
}

interface Fetched {
  code: number;
  text: string;
  headers: Record<string, string>;
}

function fetchOut(p: ReturnType<typeof setup>['caller'], url: string, params?: object) {
  const run = p.invoke('fetchOut', params ? [url, params] : [url]);
  return { ...run, fetched: run.result as Fetched | undefined, message: run.error?.message ?? '(no error)' };
}

describe('UrlFetchApp: authorization and the network', () => {
  it('is refused when the manifest lists its scopes without script.external_request', () => {
    const { ws, caller } = setup(['https://www.googleapis.com/auth/spreadsheets']);
    ws.urlFetch.route(HOOK, () => ({ body: 'ok' }));
    expect(fetchOut(caller, `${HOOK}x`).message).toBe(
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
    expect(ws.calls.count('UrlFetchApp')).toBe(0);
    // The fixture's own manifest lists the scope: the same call goes through.
    const allowed = setup();
    allowed.ws.urlFetch.route(HOOK, () => ({ body: 'ok' }));
    expect(fetchOut(allowed.caller, `${HOOK}x`).fetched?.text).toBe('ok');
  });

  it('fails an unknown host like a DNS failure, as one counted call that uses the quota', () => {
    const { ws, caller } = setup();
    const run = fetchOut(caller, 'https://api.example.org/v1/items?q=1');
    expect(run.message).toBe('DNS error: https://api.example.org/v1/items?q=1');
    expect(run.report.serviceCalls).toBe(1);
    expect(ws.calls.all().map((c) => [c.service, c.costMs, c.failed])).toEqual([
      ['UrlFetchApp.fetch', 300, 'DNS error: https://api.example.org/v1/items?q=1'],
    ]);
    expect(ws.urlFetch.quota.used(ws.clock.now())).toBe(1);
    expect(fetchOut(caller, 'ftp://files.example.org/a').message).toBe('Invalid argument: ftp://files.example.org/a');
  });

  it('delivers a POST to a routed fake endpoint with its body and headers, and returns its answer', () => {
    const { ws, caller } = setup();
    const seen: HttpRequest[] = [];
    ws.urlFetch.route(HOOK, (req) => {
      seen.push(req);
      return { status: 201, headers: { 'Content-Type': 'application/json', 'X-Id': '7' }, body: '{"id":7}' };
    });
    const run = fetchOut(caller, `${HOOK}events`, {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify({ name: 'Мария' }),
      headers: { 'X-Token': 'abc' },
    });
    expect(run.fetched).toEqual({
      code: 201,
      text: '{"id":7}',
      headers: { 'Content-Type': 'application/json', 'X-Id': '7' },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url).toBe(`${HOOK}events`);
    expect(seen[0].text).toBe('{"name":"Мария"}');
    expect(seen[0].body.length).toBe(Buffer.byteLength('{"name":"Мария"}'));
    expect(seen[0].headers['content-type']).toBe('application/json');
    expect(seen[0].headers['x-token']).toBe('abc');
    expect(seen[0].headers['user-agent']).toContain('Google-Apps-Script');

    // An object payload is sent as a form.
    fetchOut(caller, HOOK, { method: 'post', payload: { a: 'б в', n: 2 } });
    expect(seen[1].headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen[1].text).toBe('a=%D0%B1%20%D0%B2&n=2');
  });

  it('throws on a status of 400 and more unless muteHttpExceptions', () => {
    const { caller, ws } = setup();
    ws.urlFetch.route(HOOK, () => ({ status: 404, body: 'no such thing' }));
    expect(fetchOut(caller, `${HOOK}missing`).message).toBe(
      'Request failed for https://hooks.example.com returned code 404. Truncated server response: no such thing (use muteHttpExceptions option to examine full response)',
    );
    expect(fetchOut(caller, `${HOOK}missing`, { muteHttpExceptions: true }).fetched).toMatchObject({
      code: 404,
      text: 'no such thing',
    });
    ws.urlFetch.route(HOOK, () => ({ status: 500, body: 'x'.repeat(500) }));
    const long = fetchOut(caller, HOOK).message;
    expect(long).toContain(`Truncated server response: ${'x'.repeat(100)} (use`);
  });

  it('validates params and the URL length (2 kB)', () => {
    const { caller, ws } = setup();
    ws.urlFetch.route(HOOK, () => ({ body: 'ok' }));
    expect(fetchOut(caller, HOOK, { method: 'fetch' }).message).toBe('Attribute provided with invalid value: method');
    expect(fetchOut(caller, HOOK, { muteHttpExceptions: 'yes' }).message).toBe(
      'Attribute provided with invalid value: muteHttpExceptions',
    );
    const base = `${HOOK}?q=`;
    const atLimit = base + 'a'.repeat(URL_FETCH_LIMITS.urlBytes - base.length);
    expect(fetchOut(caller, atLimit).fetched?.text).toBe('ok');
    expect(fetchOut(caller, `${atLimit}a`).message).toBe('Limit Exceeded: URLFetch URL Length.');
    const headers: Record<string, string> = {};
    for (let i = 0; i <= URL_FETCH_LIMITS.headers; i++) headers[`X-H${i}`] = '1';
    expect(fetchOut(caller, HOOK, { headers }).message).toBe('Limit Exceeded: URLFetch headers.');
    // Refused before the wire: neither a call nor a use of the quota.
    expect(ws.calls.count('UrlFetchApp')).toBe(1);
  });

  it('counts the daily quota of 20,000 calls over a rolling day; fetchAll uses one per request', () => {
    const { caller, ws } = setup();
    ws.urlFetch.route(HOOK, () => ({ body: 'ok' }));
    ws.urlFetch.quota.record(ws.clock.now(), URL_FETCH_LIMITS.callsPerDay - 2);
    ws.clock.advance(60_000);
    expect(caller.invoke('fetchMany', [[HOOK, { url: HOOK, method: 'post', payload: 'x' }]]).result).toEqual([
      200, 200,
    ]);
    expect(fetchOut(caller, HOOK).message).toBe(URL_FETCH_QUOTA);
    expect(URL_FETCH_QUOTA).toBe('Service invoked too many times for one day: urlfetch.');
    // A day after the first 19,998 uses they leave the window; the two of fetchAll (a minute later) are still in it.
    ws.clock.advance(24 * 60 * 60 * 1000);
    expect(ws.urlFetch.quota.used(ws.clock.now())).toBe(2);
    expect(fetchOut(caller, HOOK).fetched?.code).toBe(200);
  });

  it('fails under an injected fault like the other services', () => {
    const { caller, ws } = setup();
    ws.urlFetch.route(HOOK, () => ({ body: 'ok' }));
    ws.faults.add({ service: 'UrlFetchApp.fetch', kind: 'unavailable', nth: [1] });
    expect(fetchOut(caller, HOOK).message).toBe('Service error: UrlFetchApp');
    expect(fetchOut(caller, HOOK).fetched?.text).toBe('ok');
  });
});

describe('web apps', () => {
  it('runs doPost with the event object as its own execution; its TextOutput comes back', () => {
    const { ws, caller, callee } = setup();
    const url = ws.deployWebApp(callee, { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
    expect(url).toMatch(/^https:\/\/script\.google\.com\/macros\/s\/AKfycb[\w-]{66}\/exec$/);
    expect(ws.deployWebApp(callee, { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' })).toBe(url);

    const body = '{"changed":"people/c1"}';
    const run = fetchOut(caller, `${url}/push?x=1&x=2`, {
      method: 'post',
      payload: body,
      contentType: 'application/json',
    });
    expect(run.message).toBe('(no error)');
    expect(run.fetched?.code).toBe(200);
    expect(run.fetched?.headers['Content-Type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(run.fetched!.text)).toEqual({
      postData: { contents: body, length: body.length, type: 'application/json', name: 'postData' },
      parameter: { x: '1' },
      parameters: { x: ['1', '2'] },
      queryString: 'x=1&x=2',
      contentLength: body.length,
      contextPath: '',
      pathInfo: 'push',
      keys: ['contentLength', 'contextPath', 'parameter', 'parameters', 'pathInfo', 'postData', 'queryString'],
    });
    // The web app ran in its own project (its cache), as its own execution: the caller counts one call.
    expect(ws.cache.get(CacheStore.scriptScope('gmail'), 'pushed', ws.clock.now())).toBe(body);
    expect(run.report.serviceCalls).toBe(1);
    expect(ws.urlFetch.runs).toHaveLength(1);
    expect(ws.urlFetch.runs[0]).toMatchObject({
      functionName: 'doPost',
      report: { serviceCalls: 1, budgetMs: 360_000 },
    });
    expect(ws.calls.all().map((c) => c.service)).toEqual(['CacheService.Cache.put', 'UrlFetchApp.fetch']);
    // The caller waited for the callee's own calls too.
    expect(run.report.serviceMs).toBe(300 + ws.urlFetch.runs[0].report.serviceMs);
  });

  it('answers ContentService output through a redirect to script.googleusercontent.com', () => {
    const { ws, caller, callee } = setup();
    const url = ws.deployWebApp(callee, { access: 'ANYONE_ANONYMOUS' });
    const run = fetchOut(caller, url, { method: 'post', payload: 'x', followRedirects: false });
    expect(run.fetched?.code).toBe(302);
    expect(run.fetched?.headers.Location).toMatch(
      /^https:\/\/script\.googleusercontent\.com\/macros\/echo\?user_content_key=/,
    );
    // The one-time URL serves the content once.
    const first = ws.webApp.get(run.fetched!.headers.Location);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text).postData.contents).toBe('x');
    expect(ws.webApp.get(run.fetched!.headers.Location).status).toBe(404);
  });

  it('serves a browser or an outside client: form parameters, missing doGet, errors, access', () => {
    const { ws, callee } = setup();
    const url = ws.deployWebApp(callee, { access: 'ANYONE_ANONYMOUS' });
    const form = ws.webApp.post(url, 'name=%D0%90%D0%BD%D0%BD%D0%B0&tag=a&tag=b', 'application/x-www-form-urlencoded');
    expect(form.contentType).toBe('application/json; charset=utf-8');
    const seen = JSON.parse(form.text);
    expect(seen.parameter).toEqual({ name: 'Анна', tag: 'a' });
    expect(seen.parameters).toEqual({ name: ['Анна'], tag: ['a', 'b'] });
    expect(seen.pathInfo).toBe('(none)');

    const get = ws.webApp.get(url);
    expect(get.status).toBe(200);
    expect(get.text).toContain('Script function not found: doGet');
    expect(ws.webApp.post(`${url}?fail=bad`, '').text).toContain('doPost refused: bad');
    expect(ws.webApp.post(`${url}?nothing=1`, '').text).toContain('The script completed but did not return anything.');
    expect(ws.webApp.post(url.replace(/s\/AKfycb/, 's/AKfycbX'), '').status).toBe(404);

    const mine = ws.deployWebApp(callee, { access: 'MYSELF' });
    expect(mine).not.toBe(url);
    expect(ws.webApp.post(mine, '').status).toBe(401);
    expect(ws.webApp.post(mine, 'x', 'text/plain', { Authorization: 'Bearer token' }).status).toBe(200);
  });
});

describe('the office', () => {
  it('deploys the built Gmail project as a web app whose POST runs in that project', () => {
    const office = testOffice();
    const url = office.deployWebApp('gmail');
    expect(url).toMatch(/^https:\/\/script\.google\.com\/macros\/s\/AKfycb[\w-]{66}\/exec$/);
    const answer = office.workspace.webApp.post(url, '{}', 'application/json');
    expect(answer.status).toBe(200);
    expect(office.workspace.urlFetch.runs.map((r) => r.functionName)).toEqual(
      office.gmail.hasFunction('doPost') ? ['doPost'] : [],
    );
    if (!office.gmail.hasFunction('doPost')) expect(answer.text).toContain('Script function not found: doPost');
  });
});

describe('ScriptApp.getService(): the project as a web app', () => {
  it("gives the project's own /exec URL once it is deployed, null before", () => {
    const { ws, callee } = setup();
    const ScriptApp = () =>
      ws.globals({ project: 'gmail', htmlFiles: {}, ui: new UiHost() }).ScriptApp as GoogleAppsScript.Script.ScriptApp;
    expect(ScriptApp().getService().getUrl()).toBeNull();
    const url = ws.deployWebApp(callee, { access: 'ANYONE_ANONYMOUS' });
    expect(ScriptApp().getService().getUrl()).toBe(url);
    expect(ScriptApp().getService().isEnabled()).toBe(true);
  });
});
