// Every call is checked against the project's manifest scopes, and Session blanks the user where Google does.

import { GoogleJsonResponseException, UiHost, Workspace } from 'workspace-emulator';

const AUTH = 'https://www.googleapis.com/auth/';
const PEOPLE = { userSymbol: 'People', serviceId: 'peopleapi', version: 'v1' };
const CALENDAR = { userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' };

type G = {
  Session: GoogleAppsScript.Base.Session;
  MailApp: GoogleAppsScript.Mail.MailApp;
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  People: GoogleAppsScript.People;
  Calendar: GoogleAppsScript.Calendar;
};

function project(oauthScopes?: string[]) {
  const ws = Workspace.inMemory({ clockStart: '2024-03-01T09:00:00Z' });
  const id = ws.spreadsheets.create('CRM', { timeZone: 'Europe/Moscow', locale: 'ru' });
  const g = ws.globals({
    project: 'sheet',
    boundSpreadsheetId: id,
    htmlFiles: {},
    ui: new UiHost(),
    advancedServices: [PEOPLE, CALENDAR],
    oauthScopes,
  }) as G;
  const run = <T>(fn: () => T, kind: 'script' | 'simple-trigger' = 'script') => ws.run(kind, 'test', fn, 'sheet');
  return { ws, id, g, run };
}

const errorOf = (r: { error?: unknown }) => r.error as Error;

describe('a call the manifest does not cover', () => {
  it('is refused with Apps Script sentence for a built-in service', () => {
    const { g, run, id } = project([`${AUTH}spreadsheets.currentonly`]);
    expect(errorOf(run(() => g.Session.getActiveUser().getEmail())).message).toBe(
      `You do not have permission to call Session.getActiveUser. Required permissions: ${AUTH}userinfo.email`,
    );
    expect(errorOf(run(() => g.MailApp.sendEmail('a@example.com', 's', 'b'))).message).toBe(
      `You do not have permission to call MailApp.sendEmail. Required permissions: ${AUTH}script.send_mail`,
    );
    // currentonly reaches the bound file, never openById (even of its own id).
    expect(run(() => g.SpreadsheetApp.getActiveSpreadsheet().getName()).result).toBe('CRM');
    expect(errorOf(run(() => g.SpreadsheetApp.openById(id))).message).toBe(
      `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${AUTH}spreadsheets`,
    );
    // What needs no scope still runs.
    expect(run(() => g.Session.getActiveUserLocale()).error).toBeUndefined();
  });

  it('is a 403 of the REST API for an advanced service; contacts.readonly reads but does not write', () => {
    const { g, run } = project([`${AUTH}contacts.readonly`]);
    const list = () => g.People.People!.Connections!.list('people/me', { personFields: 'names' });
    expect(run(list).error).toBeUndefined();
    const create = run(() => g.People.People!.createContact({ names: [{ givenName: 'A' }] }));
    expect(create.error).toBeInstanceOf(GoogleJsonResponseException);
    expect(errorOf(create).message).toBe(
      'API call to people.people.createContact failed with error: Request had insufficient authentication scopes.',
    );
    expect((create.error as GoogleJsonResponseException).details).toMatchObject({
      code: 403,
      status: 'PERMISSION_DENIED',
    });
    const calendar = run(() => g.Calendar.Events!.list('primary'));
    expect((calendar.error as GoogleJsonResponseException).details.code).toBe(403);
  });

  it('calendar.events is enough for the Calendar API events; without explicit scopes everything is allowed', () => {
    const { g, run } = project([`${AUTH}calendar.events`]);
    expect(run(() => g.Calendar.Events!.list('primary')).error).toBeUndefined();
    const open = project();
    expect(open.run(() => open.g.MailApp.getRemainingDailyQuota()).error).toBeUndefined();
  });
});

describe('who Session names', () => {
  const OWNER = 'office@example.com';
  const who = (p: ReturnType<typeof project>, kind: 'script' | 'simple-trigger' = 'script') =>
    p.run(() => [p.g.Session.getActiveUser().getEmail(), p.g.Session.getEffectiveUser().getEmail()], kind).result;

  it('the owner is always named; a colleague of the domain only in a run they authorised', () => {
    const p = project();
    expect(who(p)).toEqual([OWNER, OWNER]);
    expect(who(p, 'simple-trigger')).toEqual([OWNER, OWNER]);
    const colleague = { email: 'anna@example.com' };
    expect(p.ws.runAs(colleague, () => who(p))).toEqual(['anna@example.com', 'anna@example.com']);
    expect(p.ws.runAs(colleague, () => who(p, 'simple-trigger'))).toEqual(['', '']);
  });

  it('a consumer account or another domain is blank as the active user; the run is still theirs', () => {
    const p = project();
    expect(p.ws.runAs({ email: 'guest@gmail.com' }, () => who(p))).toEqual(['', 'guest@gmail.com']);
    expect(p.ws.runAs({ email: 'x@other.org' }, () => who(p))).toEqual(['', 'x@other.org']);
  });

  it("a user's edit fires the simple onEdit blank and the installable one as its creator", () => {
    const ws = Workspace.inMemory({ clockStart: '2024-03-01T09:00:00Z' });
    const id = ws.spreadsheets.create('CRM', { timeZone: 'Europe/Moscow', locale: 'ru' });
    const g = ws.globals({ project: 'sheet', boundSpreadsheetId: id, htmlFiles: {}, ui: new UiHost() }) as G & {
      ScriptApp: GoogleAppsScript.Script.ScriptApp;
    };
    const seen: Record<string, string[]> = {};
    const record = (name: string) => () => {
      seen[name] = [g.Session.getActiveUser().getEmail(), g.Session.getEffectiveUser().getEmail()];
    };
    const handlers: Record<string, () => void> = { onEdit: record('onEdit'), edited: record('edited') };
    ws.triggerHosts.sheet = {
      project: 'sheet',
      boundSpreadsheetId: id,
      spreadsheetApp: g.SpreadsheetApp as never,
      hasFunction: (n) => n in handlers,
      invoke: (n, _args, kind) => ws.run(kind, n, handlers[n], 'sheet') as never,
    };
    g.ScriptApp.newTrigger('edited').forSpreadsheet(id).onEdit().create();
    const sheet = ws.spreadsheets.record(id)!.sheets[0].name;
    const fired = ws.runAs({ email: 'anna@example.com' }, () => ws.sheetsUser.edit(id, sheet, 'A1', [['x']]));
    expect(fired.fired.map((f) => f.error)).toEqual([undefined, undefined]);
    expect(seen.onEdit).toEqual(['', '']);
    expect(seen.edited).toEqual(['anna@example.com', OWNER]);
  });

  it('a web app executing as me names no visitor but the owner; it runs as the owner', () => {
    const p = project();
    const seen: string[][] = [];
    const url = p.ws.deployWebApp(
      {
        project: 'gmail',
        hasFunction: (n) => n === 'doGet',
        invoke: (n, _a, kind = 'script') => p.ws.run(kind, n, () => void seen.push(who(p)!)) as never,
      },
      { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' },
    );
    p.ws.runAs({ email: 'anna@example.com' }, () => p.ws.webApp.get(url));
    p.ws.webApp.get(url);
    p.ws.runAs({ email: OWNER }, () => p.ws.webApp.get(url));
    expect(seen).toEqual([
      ['', OWNER],
      ['', OWNER],
      [OWNER, OWNER],
    ]);
  });
});
