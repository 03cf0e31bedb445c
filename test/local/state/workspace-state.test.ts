// A Workspace kept in a folder is shared by every Workspace that opens the folder (here two in one process, as the
// sandbox and a CLI command are two processes): each execution sees what the others committed and loses nothing of
// theirs; a failed execution keeps what it did; nested executions are one transaction; an old folder of JSON files
// is imported once.

import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSpreadsheetApp, StateConflictError, UiHost, Workspace } from 'workspace-emulator';

let dir: string;
const opened: Workspace[] = [];

function open(options: Parameters<typeof Workspace.open>[1] = {}): Workspace {
  const ws = Workspace.open(dir, options);
  opened.push(ws);
  return ws;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-state-'));
});
afterEach(() => {
  for (const ws of opened.splice(0)) ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The one spreadsheet of the folder, made by the first Workspace (in a transaction, as openOffice does). */
function makeSheet(ws: Workspace): string {
  return ws.transaction(() => ws.spreadsheets.create('CRM', { timeZone: 'Europe/Moscow', locale: 'ru' }));
}

/** A script execution appending `text` to the first sheet through SpreadsheetApp. */
function append(ws: Workspace, id: string, text: string, fail = false) {
  return ws.run('script', 'append', () => {
    const app = createSpreadsheetApp(ws.spreadsheets, ws.ctx, { activeSpreadsheetId: id, ui: new UiHost() });
    app.openById(id).getSheets()[0].appendRow([text]);
    if (fail) throw new Error('after the write');
  });
}

const column = (ws: Workspace, id: string) => ws.spreadsheets.get(id).sheets[0].values.map((row) => row[0]);

/** The version of a store's row, read on a connection of its own (WAL: it never waits for a writer). */
function version(store: string): number {
  const db = new Database(path.join(dir, 'state.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT version FROM stores WHERE name = ?').get(store) as { version: number }).version;
  } finally {
    db.close();
  }
}

test('two Workspaces on one folder, runs interleaved: every row of both survives, in order', () => {
  const a = open();
  const id = makeSheet(a);
  const b = open();
  append(a, id, 'a1');
  append(b, id, 'b1');
  append(a, id, 'a2');
  append(b, id, 'b2');
  expect(column(a, id)).toEqual(['a1', 'b1', 'a2']);
  a.transaction(() => expect(column(a, id)).toEqual(['a1', 'b1', 'a2', 'b2']));
  expect(column(open(), id)).toEqual(['a1', 'b1', 'a2', 'b2']);
});

test('a run that throws still commits what its calls did', () => {
  const a = open();
  const id = makeSheet(a);
  const run = append(a, id, 'written before the error', true);
  expect((run.error as Error).message).toBe('after the write');
  expect(column(open(), id)).toEqual(['written before the error']);
});

test('a host transaction that throws commits too, and rethrows', () => {
  const a = open();
  const id = makeSheet(a);
  expect(() =>
    a.transaction(() => {
      append(a, id, 'kept');
      throw new Error('host failed');
    }),
  ).toThrow('host failed');
  expect(column(open(), id)).toEqual(['kept']);
});

test('nested runs join the outer one: nothing is committed before it ends, then once', () => {
  const a = open();
  const id = makeSheet(a);
  const before = version('spreadsheets');
  a.run('script', 'outer', () => {
    append(a, id, 'inner 1');
    append(a, id, 'inner 2');
    // The inner runs ended, the outer has not: nothing of theirs is in the database yet.
    expect(version('spreadsheets')).toBe(before);
  });
  expect(version('spreadsheets')).toBe(before + 1);
  expect(column(open(), id)).toEqual(['inner 1', 'inner 2']);
});

test('a store nobody changed is not written again', () => {
  const a = open();
  const id = makeSheet(a);
  a.transaction(() => a.people.seed([{ names: [{ givenName: 'Анна' }] }], a.clock.now()));
  const people = version('people');
  append(a, id, 'only the spreadsheet changes');
  expect(version('people')).toBe(people);
});

test('save() writes what host code changed outside a transaction', () => {
  const a = open();
  a.properties.poke('sheet', 'script', 'k', 'v');
  a.save();
  expect(open().properties.peek('sheet', 'script', 'k')).toBe('v');
});

test('a host change outside a transaction that another Workspace overtook is refused, not lost silently', () => {
  const a = open();
  const b = open();
  a.properties.poke('sheet', 'script', 'mine', 'a'); // not in a transaction
  b.transaction(() => b.properties.poke('sheet', 'script', 'theirs', 'b'));
  expect(() => a.save()).toThrow(StateConflictError);
  expect(open().properties.peek('sheet', 'script', 'theirs')).toBe('b');
});

test('what a process keeps for itself (its deployed web apps) survives loading what another process wrote', () => {
  const a = open();
  const target = {
    project: 'sheet',
    hasFunction: (name: string) => name === 'doGet',
    invoke: () => ({ report: a.run('script', 'doGet', () => undefined).report }),
  };
  const url = a.transaction(() => a.deployWebApp(target, { access: 'ANYONE_ANONYMOUS' }));
  const b = open();
  b.transaction(() => b.deployWebApp({ ...target, project: 'gmail' }, { access: 'ANYONE_ANONYMOUS' }));
  // a reloads the network store (b added a deployment) and still answers for its own.
  expect(a.webApp.get(url).status).toBe(200);
  expect(a.webApp.get(url.replace(/\/s\/[^/]+/, '/s/AKfycbUnknown')).status).toBe(404);
});

test('a clock that follows real time never runs behind what another Workspace committed; a frozen one stays', () => {
  const a = open();
  const ahead = a.transaction(() => {
    a.clock.advance(3_600_000); // an hour of simulated service latency
    return a.clock.now();
  });
  const b = open();
  expect(b.transaction(() => b.clock.now())).toBeGreaterThanOrEqual(ahead);
  const frozen = open({ clockStart: '2026-03-02T09:00:00Z' });
  expect(frozen.transaction(() => frozen.clock.now())).toBe(Date.parse('2026-03-02T09:00:00Z'));
});

test('a folder of the old JSON files is imported once, and the files are kept aside', () => {
  const old = Workspace.inMemory();
  const id = old.spreadsheets.create('CRM', { timeZone: 'Europe/Moscow', locale: 'ru' });
  old.properties.poke('sheet', 'script', 'crm.key', 'value');
  old.people.seed([{ names: [{ givenName: 'Анна', familyName: 'Старая' }] }], old.clock.now());
  const files = { spreadsheets: old.spreadsheets, properties: old.properties, people: old.people };
  for (const [name, store] of Object.entries(files))
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(store.toJSON()));
  fs.writeFileSync(path.join(dir, 'cli-last-change.json'), '{}'); // not a store: left alone

  const said = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  let a: Workspace;
  try {
    expect(Workspace.hasState(dir)).toBe(true);
    a = open();
    expect(said.mock.calls.map((c) => String(c[0])).join('')).toMatch(/imported .*people\.json.* into state\.sqlite/);
  } finally {
    said.mockRestore();
  }
  expect(a.spreadsheets.has(id)).toBe(true);
  expect(a.properties.peek('sheet', 'script', 'crm.key')).toBe('value');
  expect(a.people.allContacts()).toHaveLength(1);
  expect(fs.readdirSync(dir).sort()).toEqual(
    [
      'cli-last-change.json',
      'people.json.migrated',
      'properties.json.migrated',
      'spreadsheets.json.migrated',
      'state.sqlite',
      'state.sqlite-shm',
      'state.sqlite-wal',
    ].sort(),
  );
  // Changed after the import, reopened: the database is the state, the old files are not read again.
  a.transaction(() => a.properties.poke('sheet', 'script', 'crm.key', 'changed'));
  expect(open().properties.peek('sheet', 'script', 'crm.key')).toBe('changed');
});

test('an empty folder holds no state until something is written', () => {
  expect(Workspace.hasState(dir)).toBe(false);
  const a = open();
  expect(Workspace.hasState(dir)).toBe(false);
  makeSheet(a);
  expect(Workspace.hasState(dir)).toBe(true);
});

test('a People quota spent by one process is spent for every process on the folder', () => {
  const start = '2026-12-01T10:00:00Z';
  const quotas = { contactCreatesPerDay: 3 };
  const a = open({ clockStart: start, peopleQuotas: quotas });
  const b = open({ clockStart: start, peopleQuotas: quotas });
  a.run('script', 'creates', () => a.peopleQuota.admitCreates('people.people.batchCreateContacts', 2));
  // The second process has the same day's limit and sees the first's two creations: one more fits, two do not.
  const refused = b.run('script', 'creates', () => b.peopleQuota.admitCreates('people.people.batchCreateContacts', 2));
  expect(String(refused.error)).toMatch(/RESOURCE_EXHAUSTED|Quota exceeded|quota/i);
  expect(b.run('script', 'one', () => b.peopleQuota.admitCreates('people.people.batchCreateContacts', 1)).error).toBe(
    undefined,
  );
});
