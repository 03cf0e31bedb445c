// The emulator's price of a call (latency.ts through ServiceContext.call): what a script waits for grows with what the
// call moved, failed calls cost their round trip, and the run's budget is spent by those prices.

import { CallLog } from 'workspace-emulator';
import { VirtualClock } from 'workspace-emulator';
import { ServiceContext } from 'workspace-emulator';
import { Execution } from 'workspace-emulator';
import { FaultInjector } from 'workspace-emulator';
import { baseMs, costMs } from 'workspace-emulator';
import { createPeople } from 'workspace-emulator';
import { PeopleStore } from 'workspace-emulator';
import { createSpreadsheetApp, UiHost } from 'workspace-emulator';
import { SpreadsheetStore } from 'workspace-emulator';
import { Workspace } from 'workspace-emulator';
import { messageOf } from './support';

function context(faults = new FaultInjector(1)) {
  const clock = new VirtualClock('2024-03-01T09:00:00Z');
  const calls = new CallLog();
  const ctx = new ServiceContext(clock, calls, faults, {
    email: 'office@example.com',
    locale: 'ru',
    timeZone: 'Europe/Moscow',
  });
  return { clock, calls, ctx, faults };
}

/** A spreadsheet whose first sheet has `rows` rows of 26 columns. */
function sheetWith(rows: number, faults?: FaultInjector) {
  const env = context(faults);
  const store = SpreadsheetStore.fromJSON(undefined);
  const id = store.create('CRM', { timeZone: 'Europe/Moscow', locale: 'ru' });
  const app = createSpreadsheetApp(store, env.ctx, { activeSpreadsheetId: id, ui: new UiHost() });
  const sheet = app.getActiveSpreadsheet()!.getSheets()[0];
  if (rows > 1000) sheet.insertRowsAfter(1000, rows - 1000);
  env.calls.reset();
  return { ...env, sheet };
}

/** What the last call cost and what the clock moved during it. */
function timed(env: { clock: VirtualClock; calls: CallLog }, fn: () => unknown) {
  const before = env.clock.now();
  fn();
  const last = env.calls.all().at(-1)!;
  return { costMs: last.costMs, clockMs: env.clock.now() - before, cells: last.cells };
}

describe('latency: a call costs its base plus what it moved', () => {
  it('reading one cell costs the round trip; reading 100,000 cells of the same sheet costs seconds more', () => {
    const env = sheetWith(4000);
    const one = timed(env, () => env.sheet.getRange(1, 1).getValues());
    const many = timed(env, () => env.sheet.getRange(1, 1, 4000, 25).getValues());
    expect(one).toEqual({ costMs: baseMs('SpreadsheetApp.Range.getValues'), clockMs: one.costMs, cells: 1 });
    expect(many.cells).toBe(100_000);
    expect(many.clockMs).toBe(many.costMs);
    // 10 µs a cell: a second on top of the round trip, and the bytes of the 100,000 empty strings.
    expect(many.costMs).toBeGreaterThanOrEqual(one.costMs + 1000);
    // Display values and a TextFinder over the same box are priced by the same cells.
    expect(timed(env, () => env.sheet.getRange(1, 1, 4000, 25).getDisplayValues()).cells).toBe(100_000);
    expect(timed(env, () => env.sheet.getRange(1, 1, 4000, 25).createTextFinder('x').findAll()).cells).toBe(100_000);
  });

  it('a write costs more per cell than a read; appendRow counts the cells of its row', () => {
    const env = sheetWith(1000);
    const grid = Array.from({ length: 1000 }, () => Array.from({ length: 10 }, () => 'a'));
    const read = timed(env, () => env.sheet.getRange(1, 1, 1000, 10).getValues());
    const write = timed(env, () => env.sheet.getRange(1, 1, 1000, 10).setValues(grid));
    expect([read.cells, write.cells]).toEqual([10_000, 10_000]);
    expect(write.costMs).toBeGreaterThan(read.costMs + 500);
    expect(timed(env, () => env.sheet.appendRow(['a', 'b', 'c'])).cells).toBe(3);
  });

  it('findNext is priced by the cells scanned up to its match, not the whole box', () => {
    const env = sheetWith(4000);
    env.sheet.getRange(2, 1).setValue('Иванов');
    const finder = env.sheet.getRange(1, 1, 4000, 25).createTextFinder('иванов');
    // Row 1 (25 cells) and the first cell of row 2.
    expect(timed(env, () => finder.findNext()).cells).toBe(26);
    // Nothing after it: the rest of the box was scanned.
    expect(timed(env, () => finder.findNext()).cells).toBe(100_000 - 26);
  });

  it('grows linearly with the bytes a call moves', () => {
    const MB = 1024 * 1024;
    const at = (bytes: number) => costMs('UrlFetchApp.fetch', { sentBytes: bytes, receivedBytes: 0 });
    expect(at(0)).toBe(baseMs('UrlFetchApp.fetch'));
    // Whole milliseconds: equal steps within rounding.
    expect(Math.abs(at(2 * MB) - at(MB) - (at(MB) - at(0)))).toBeLessThanOrEqual(1);
    expect(Math.abs(at(10 * MB) - 10 * (at(MB) - at(0)) - at(0))).toBeLessThanOrEqual(10);
    expect(at(MB) - at(0)).toBeGreaterThanOrEqual(100);
    expect(costMs('UrlFetchApp.fetch', { sentBytes: MB / 2, receivedBytes: MB / 2 })).toBe(at(MB));
    // The same 1,000 cells cost more when they carry 100 characters than one.
    const env = sheetWith(1000);
    const write = (text: string) =>
      timed(env, () =>
        env.sheet.getRange(1, 1, 100, 10).setValues(Array.from({ length: 100 }, () => Array(10).fill(text))),
      ).costMs;
    expect(write('x'.repeat(1000))).toBeGreaterThan(write('x') + 40);
  });

  it('a page of 1,000 contacts with 14 fields costs more than with 3', () => {
    const env = context();
    const People = createPeople(PeopleStore.fromJSON(undefined), env.ctx);
    for (let b = 0; b < 5; b++)
      People.People.batchCreateContacts({
        contacts: Array.from({ length: 200 }, (_, i) => ({
          contactPerson: {
            names: [{ givenName: `Мария ${b * 200 + i}`, familyName: 'Иванова' }],
            emailAddresses: [{ value: `maria${b * 200 + i}@example.com` }],
            phoneNumbers: [{ value: `+7 912 000-${String(b * 200 + i).padStart(4, '0')}` }],
            organizations: [{ name: 'ООО Ромашка', title: 'бухгалтер' }],
            biographies: [{ value: 'Клиент с 2019 года, звонить после обеда.' }],
            urls: [{ value: 'https://example.com/maria' }],
          },
        })),
      });
    const created = env.calls.all().at(-1)!;
    // A batch of 200 costs its base and 5 ms a contact written.
    expect(created.costMs).toBeGreaterThanOrEqual(baseMs('People.People.batchCreateContacts') + 200 * 5);
    const page = (personFields: string) =>
      timed(env, () => People.People.Connections.list('people/me', { pageSize: 1000, personFields })).costMs;
    const three = page('names,emailAddresses,phoneNumbers');
    const fourteen = page(
      'names,emailAddresses,phoneNumbers,organizations,biographies,urls,memberships,metadata,addresses,birthdays,' +
        'nicknames,occupations,events,userDefined',
    );
    expect(three).toBeGreaterThan(baseMs('People.People.Connections.list') + 1000);
    expect(fourteen).toBeGreaterThan(three + 100);
  });

  it('a failed call costs its base and what it sent, not what it would have moved', () => {
    const faults = new FaultInjector(1);
    const env = sheetWith(4000, faults);
    // Refused by Google (wrong shape): the payload went, nothing came back.
    const grid = Array.from({ length: 100 }, () => Array(10).fill('x'.repeat(100)));
    expect(messageOf(() => env.sheet.getRange(1, 1, 10, 10).setValues(grid))).toMatch(/rows/);
    const refused = env.calls.all().at(-1)!;
    expect(refused.failed).toBeDefined();
    expect(refused.costMs).toBe(
      costMs('SpreadsheetApp.Range.setValues', { sentBytes: refused.bytes, receivedBytes: 0 }),
    );
    expect(refused.costMs).toBeLessThan(baseMs('SpreadsheetApp.Range.setValues') + 20);
    // An injected outage on a 100,000-cell read: the round trip only.
    faults.add({ service: 'SpreadsheetApp.Range.getValues', kind: 'unavailable', nth: [1] });
    const before = env.clock.now();
    expect(messageOf(() => env.sheet.getRange(1, 1, 4000, 25).getValues())).toMatch(/^Service error/);
    expect(env.calls.all().at(-1)!.costMs).toBe(baseMs('SpreadsheetApp.Range.getValues'));
    expect(env.clock.now() - before).toBe(baseMs('SpreadsheetApp.Range.getValues'));
  });

  it('io.costMs is a fixed price that wins over what the call moved', () => {
    const env = context();
    const before = env.clock.now();
    env.ctx.call('SpreadsheetApp.Range.getValues', () => Array(1000).fill(Array(100).fill('x')), {
      costMs: 7,
      units: () => ({ cells: 100_000 }),
    });
    expect(env.clock.now() - before).toBe(7);
    expect(env.calls.all().at(-1)!.costMs).toBe(7);
  });

  it('the Sheets advanced service is priced by the cells it read or wrote', () => {
    const ws = Workspace.inMemory({ clockStart: '2024-03-01T09:00:00Z' });
    const id = ws.spreadsheets.create('CRM', { timeZone: 'Europe/Moscow', locale: 'ru' });
    const g = ws.globals({
      project: 'sheet',
      boundSpreadsheetId: id,
      htmlFiles: {},
      ui: new UiHost(),
      advancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }],
    }) as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp; Sheets: GoogleAppsScript.Sheets };
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange(1, 1, 1000, 20).setValues(Array.from({ length: 1000 }, () => Array(20).fill('a')));
    ws.calls.reset();
    const read = (a1: string) => {
      g.Sheets.Spreadsheets!.Values!.batchGet(id, { ranges: [a1] });
      return ws.calls.all().at(-1)!;
    };
    const one = read('A1');
    const many = read('A1:T1000');
    expect([one.cells, many.cells]).toEqual([1, 20_000]);
    expect(one.costMs).toBe(baseMs('Sheets.Spreadsheets.Values.batchGet'));
    expect(many.costMs).toBeGreaterThanOrEqual(one.costMs + 200);
  });
});

describe('latency: the run budget is spent by what calls move', () => {
  it('a script reading 1,000,000 cells at a time is stopped within the 6 minutes, as Apps Script would', () => {
    // The price of a million-cell getValues, without building a million cells in Node for each of ~36 reads.
    const env = context();
    const exec = new Execution('script', 'readEverything');
    env.ctx.execution = exec;
    const read = () =>
      env.ctx.call('SpreadsheetApp.Range.getValues', () => [], { units: () => ({ cells: 1_000_000 }) });
    let reads = 0;
    const message = messageOf(() => {
      for (;;) {
        read();
        reads += 1;
      }
    });
    expect(message).toBe('Exceeded maximum execution time');
    expect(exec.killed).toBe('Exceeded maximum execution time');
    // 10 s a read: 35 fit in 6 minutes (at the old fixed 120 ms a call, 3,000 would have).
    expect(reads).toBe(35);
    expect(exec.report().serviceMs).toBeGreaterThan(360_000 - 10_200);
    expect(exec.report().cells).toBe(reads * 1_000_000);
    expect(messageOf(read)).toBe('Exceeded maximum execution time');
  });

  it('reads of real ranges spend the budget by their cells', () => {
    const env = sheetWith(4000);
    // A 10-second budget keeps the Node work small (the 6-minute one is the test above, priced alone).
    const exec = new Execution('script', 'readAll', 10_000);
    env.ctx.execution = exec;
    let reads = 0;
    const message = messageOf(() => {
      for (;;) {
        env.sheet.getRange(1, 1, 4000, 25).getValues();
        reads += 1;
      }
    });
    expect(message).toBe('Exceeded maximum execution time');
    // ~1.1 s a read of 100,000 cells (plus the real time the emulator takes): at most 8 fit in 10 s.
    expect(reads).toBeGreaterThan(3);
    expect(reads).toBeLessThanOrEqual(8);
    expect(exec.report().cells).toBe(reads * 100_000);
  });

  it('a read whose answer comes after the deadline never reaches the script', () => {
    const env = sheetWith(4000);
    const exec = new Execution('card', 'onOpenCard', 1000);
    env.ctx.execution = exec;
    expect(messageOf(() => env.sheet.getRange(1, 1, 4000, 25).getValues())).toBe('Exceeded maximum execution time');
    expect(exec.killed).toBe('Exceeded maximum execution time');
    const last = env.calls.all().at(-1)!;
    expect(last.failed).toBe('Exceeded maximum execution time');
    expect(last.costMs).toBeGreaterThan(1000);
  });
});
