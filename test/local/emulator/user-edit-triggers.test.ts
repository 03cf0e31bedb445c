import * as path from 'node:path';
import { Workspace } from 'workspace-emulator';
import { loadProject } from 'workspace-emulator';
import { UiHost } from 'workspace-emulator';
import { dueTriggers } from 'workspace-emulator';
import { messageOf } from './support';

// A spreadsheet with a "Data" and a "Log" sheet, and the edit-triggers fixture bound to it.
const FIXTURE = path.join(__dirname, '../../fixtures/edit-triggers');
const EMAIL = 'office@example.com';

function setup() {
  const ws = Workspace.inMemory({ clockStart: '2026-03-02T09:00:00Z' });
  const id = ws.spreadsheets.create('CRM', { timeZone: 'Europe/Moscow', locale: 'ru' });
  ws.spreadsheets.renameByUser(id, 'Лист1', 'Data');
  ws.sheetsUser.insertSheet(id, 'Log');
  const project = loadProject(ws, FIXTURE, { project: 'sheet', boundSpreadsheetId: id });
  const seen = (key: string): Array<Record<string, unknown>> =>
    JSON.parse(ws.properties.peek('sheet', 'script', key) || '[]');
  return { ws, id, project, seen, user: ws.sheetsUser };
}

describe('a user editing cells fires the simple onEdit trigger', () => {
  it('runs onEdit in its own LIMITED execution with Google’s event object for a single cell', () => {
    const { ws, id, seen, user } = setup();
    const first = user.edit(id, 'Data', 'B2', [[42]]);
    expect(first.fired.map((f) => [f.handler, f.authMode, f.triggerUid, f.report.kind])).toEqual([
      ['onEdit', 'LIMITED', undefined, 'simple-trigger'],
    ]);
    expect(first.fired[0].error).toBeUndefined();
    user.edit(id, 'Data', 'B2', [['Иванов']]);
    const [a, b] = seen('onEdit');
    // An empty cell before the edit: no oldValue at all. Values arrive as strings.
    expect(a).toMatchObject({
      keys: ['authMode', 'range', 'source', 'user', 'value'],
      authMode: 'LIMITED',
      isLimited: true,
      a1: 'B2',
      sheet: 'Data',
      source: id,
      user: EMAIL,
      value: '42',
    });
    expect(b).toMatchObject({ keys: ['authMode', 'oldValue', 'range', 'source', 'user', 'value'], oldValue: '42' });
    expect(b.value).toBe('Иванов');
    expect(ws.spreadsheets.values(id, 'Data')[1][1]).toBe('Иванов');
    // The handler's own appendRow did not fire onEdit again.
    expect(ws.spreadsheets.values(id, 'Log')).toEqual([['edited B2'], ['edited B2']]);
    expect(seen('onEdit')).toHaveLength(2);
  });

  it('a paste of several cells has no value/oldValue; booleans arrive as TRUE/FALSE', () => {
    const { id, seen, user } = setup();
    user.edit(id, 'Data', 'A1:B2', [
      [1, 2],
      [3, 4],
    ]);
    user.edit(id, 'Data', 'C1', [[true]]);
    const [paste, box] = seen('onEdit');
    expect(paste).toMatchObject({ keys: ['authMode', 'range', 'source', 'user'], a1: 'A1:B2' });
    expect(box.value).toBe('TRUE');
  });

  it('LIMITED auth: UrlFetchApp, CalendarApp and People are refused, CacheService works', () => {
    const { ws, id, seen, user } = setup();
    user.edit(id, 'Data', 'A1', [['x']]);
    const [e] = seen('onEdit');
    expect(e.fetch).toBe(
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
    expect(e.calendar).toBe(
      'You do not have permission to call CalendarApp.getDefaultCalendar. Required permissions: https://www.googleapis.com/auth/calendar',
    );
    expect(e.people).toBe(
      'You do not have permission to call People.People.get. Required permissions: https://www.googleapis.com/auth/contacts',
    );
    expect(e.cache).toBe('ok');
    expect(ws.calls.count('UrlFetchApp')).toBe(0);
  });

  it('a script’s setValue fires nothing', () => {
    const { ws, id, project, seen } = setup();
    const run = project.invoke('scriptWrite');
    expect(run.error).toBeUndefined();
    expect(ws.spreadsheets.values(id, 'Data')[0][0]).toBe('by script');
    expect(seen('onEdit')).toEqual([]);
    expect(ws.spreadsheets.values(id, 'Log')).toEqual([]);
  });

  it('a simple trigger is stopped at 30 seconds', () => {
    const { id, user } = setup();
    const [run] = user.edit(id, 'Data', 'A1', [['slow']]).fired;
    expect(run.error?.message).toBe('Exceeded maximum execution time');
    expect(run.report).toMatchObject({ budgetMs: 30_000, killed: 'Exceeded maximum execution time' });
  });

  it('an edit a validation rule rejects is refused and fires nothing', () => {
    const { ws, id, seen, user } = setup();
    const app = ws.globals({ project: 'sheet', htmlFiles: {}, ui: new UiHost(), boundSpreadsheetId: id })
      .SpreadsheetApp as {
      getActiveSpreadsheet(): {
        getSheetByName(n: string): { getRange(a1: string): { setDataValidation(r: object): void } };
      };
      newDataValidation(): { requireValueInList(v: string[]): { setAllowInvalid(b: boolean): { build(): object } } };
    };
    app
      .getActiveSpreadsheet()
      .getSheetByName('Data')
      .getRange('D1')
      .setDataValidation(app.newDataValidation().requireValueInList(['yes', 'no']).setAllowInvalid(false).build());
    expect(messageOf(() => user.edit(id, 'Data', 'D1', [['maybe']]))).not.toBe('(no error)');
    expect(seen('onEdit')).toEqual([]);
  });
});

describe('installable spreadsheet triggers: ScriptApp.newTrigger(fn).forSpreadsheet(ss).onChange()/onEdit()', () => {
  function installed() {
    const s = setup();
    const run = s.project.invoke('installTriggers');
    expect(run.error).toBeUndefined();
    return { ...s, listed: run.result as string[][] };
  }

  it('are listed with their event type, source and the spreadsheet’s id', () => {
    const { id, listed, ws } = installed();
    expect(listed).toEqual([
      ['changed', 'ON_CHANGE', 'SPREADSHEETS', id],
      ['edited', 'ON_EDIT', 'SPREADSHEETS', id],
    ]);
    expect(ws.triggers.all().map((t) => t.spreadsheet)).toEqual([
      { id, event: 'ON_CHANGE' },
      { id, event: 'ON_EDIT' },
    ]);
    // They are not clock triggers: the scheduler never fires them.
    expect(dueTriggers(ws.triggers, 0, ws.clock.now() + 365 * 86_400_000)).toEqual([]);
  });

  it('deleting rows fires onChange with REMOVE_ROW, FULL auth and the triggerUid; not onEdit', () => {
    const { ws, id, seen, user } = installed();
    user.edit(id, 'Data', 'A1:A3', [['a'], ['b'], ['c']]);
    const before = seen('onEdit').length;
    const { fired } = user.deleteRows(id, 'Data', 2, 1);
    const uid = ws.triggers.all().find((t) => t.handler === 'changed')?.id;
    expect(fired.map((f) => [f.handler, f.authMode, f.triggerUid])).toEqual([['changed', 'FULL', uid]]);
    expect(seen('changed').at(-1)).toEqual({
      keys: ['authMode', 'changeType', 'source', 'triggerUid', 'user'],
      authMode: 'FULL',
      changeType: 'REMOVE_ROW',
      triggerUid: uid,
      calendar: 'ok',
    });
    expect(seen('onEdit')).toHaveLength(before);
    expect(ws.spreadsheets.values(id, 'Data')).toEqual([['a'], ['c']]);
  });

  it('a cell edit fires the simple onEdit, the installable onEdit, then onChange (EDIT)', () => {
    const { id, seen, user } = installed();
    const { fired } = user.edit(id, 'Data', 'A1', [['x']]);
    expect(fired.map((f) => [f.handler, f.authMode])).toEqual([
      ['onEdit', 'LIMITED'],
      ['edited', 'FULL'],
      ['changed', 'FULL'],
    ]);
    expect(seen('edited')[0]).toEqual({
      keys: ['authMode', 'range', 'source', 'triggerUid', 'user', 'value'],
      authMode: 'FULL',
      a1: 'A1',
    });
    expect(seen('changed')[0].changeType).toBe('EDIT');
  });

  it('inserting rows is INSERT_ROW, a sort OTHER (without onEdit), a new sheet INSERT_GRID', () => {
    const { ws, id, seen, user } = installed();
    user.edit(id, 'Data', 'A1:B3', [
      ['Петров', 2],
      ['Алиев', 3],
      ['Сидоров', 1],
    ]);
    const edits = seen('onEdit').length;
    user.insertRows(id, 'Data', 1, 2);
    user.sort(id, 'Data', 'A1:B5', 2, true);
    user.insertSheet(id, 'Archive');
    expect(
      seen('changed')
        .slice(1)
        .map((c) => c.changeType),
    ).toEqual(['INSERT_ROW', 'OTHER', 'INSERT_GRID']);
    expect(seen('onEdit')).toHaveLength(edits);
    // Rows 2–3 were inserted empty; the sort puts empty keys last.
    expect(ws.spreadsheets.values(id, 'Data')).toEqual([
      ['Сидоров', 1],
      ['Петров', 2],
      ['Алиев', 3],
    ]);
  });

  it('a simple trigger cannot install one; an unknown spreadsheet key is refused', () => {
    const { ws } = setup();
    const app = ws.globals({ project: 'sheet', htmlFiles: {}, ui: new UiHost() }).ScriptApp as {
      newTrigger(f: string): { forSpreadsheet(k: string): { onChange(): { create(): unknown } } };
    };
    expect(messageOf(() => app.newTrigger('changed').forSpreadsheet('no-such-id').onChange().create())).toBe(
      'Invalid argument: key',
    );
    const limited = ws.run('simple-trigger', 'onEdit', () =>
      app.newTrigger('changed').forSpreadsheet('no-such-id').onChange().create(),
    );
    expect((limited.error as Error).message).toBe(
      'You do not have permission to call ScriptApp.SpreadsheetTriggerBuilder.create. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
  });
});
