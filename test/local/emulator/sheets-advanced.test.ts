import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GoogleJsonResponseException } from 'workspace-emulator';
import { loadProject } from 'workspace-emulator';
import { UiHost } from 'workspace-emulator';
import { Workspace } from 'workspace-emulator';
import { messageOf } from './support';

const SHEETS_V4 = { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' };
const SPREADSHEETS = 'https://www.googleapis.com/auth/spreadsheets';
const CURRENT_ONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';

type Globals = { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp; Sheets: GoogleAppsScript.Sheets };

function setup(opts: { timeZone?: string; oauthScopes?: string[]; locale?: string } = {}) {
  const ws = Workspace.inMemory({ clockStart: '2024-03-01T09:00:00Z' });
  const id = ws.spreadsheets.create('CRM', { timeZone: opts.timeZone ?? 'Europe/Moscow', locale: opts.locale ?? 'ru' });
  const g = ws.globals({
    project: 'sheet',
    boundSpreadsheetId: id,
    htmlFiles: {},
    ui: new UiHost(),
    advancedServices: [{ userSymbol: 'People', serviceId: 'peopleapi', version: 'v1' }, SHEETS_V4],
    oauthScopes: opts.oauthScopes,
  }) as Globals;
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  return { ws, id, ss, Sheets: g.Sheets, SpreadsheetApp: g.SpreadsheetApp };
}

/** A sheet named `name` holding `rows` from A1, written through SpreadsheetApp. */
function sheetWith(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string, rows: unknown[][]) {
  const sheet = ss.insertSheet(name);
  if (rows.length) sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  return sheet;
}

function googleError(fn: () => unknown): GoogleJsonResponseException {
  try {
    fn();
  } catch (e) {
    if (e instanceof GoogleJsonResponseException) return e;
    throw e;
  }
  throw new Error('expected a GoogleJsonResponseException');
}

const text = (s: string) => ({ userEnteredValue: { stringValue: s } });
const num = (n: number, pattern?: string) => ({
  userEnteredValue: { numberValue: n },
  ...(pattern ? { userEnteredFormat: { numberFormat: { type: 'DATE_TIME', pattern } } } : {}),
});

describe('Sheets.Spreadsheets.Values.batchGet', () => {
  it('reads several ranges of several sheets in one call, each range normalised to the grid', () => {
    const { ws, id, ss, Sheets } = setup();
    sheetWith(ss, 'Card index', [
      ['Name', 'Phone', 'Email', 'Note'],
      ['Анна', "'+7 912", '', ''],
      ['', '', '', ''],
      ['Борис', '', 'b@x.ru', ''],
    ]);
    sheetWith(ss, 'Settings', [['lang', 'ru']]);
    sheetWith(ss, 'Open events', []);
    ws.calls.reset();
    const reply = Sheets.Spreadsheets!.Values!.batchGet(id, {
      ranges: ["'Card index'!A2:D", 'Settings', "'Open events'", 'Settings!B:B', "'Card index'!3:3", 'A1'],
    });
    expect(ws.calls.count('Sheets.')).toBe(1);
    expect(ws.calls.all()[0].service).toBe('Sheets.Spreadsheets.Values.batchGet');
    expect(reply).toEqual({
      spreadsheetId: id,
      valueRanges: [
        // Trailing empty cells of a row are left out, an empty row inside is [], empty cells inside a row are "".
        {
          range: "'Card index'!A2:D1000",
          majorDimension: 'ROWS',
          values: [['Анна', '+7 912'], [], ['Борис', '', 'b@x.ru']],
        },
        { range: 'Settings!A1:Z1000', majorDimension: 'ROWS', values: [['lang', 'ru']] },
        // Nothing there: no `values` key at all.
        { range: "'Open events'!A1:Z1000", majorDimension: 'ROWS' },
        { range: 'Settings!B1:B1000', majorDimension: 'ROWS', values: [['ru']] },
        { range: "'Card index'!A3:Z3", majorDimension: 'ROWS' },
        // Without a title: the first visible sheet.
        { range: "'Лист1'!A1", majorDimension: 'ROWS' },
      ],
    });
  });

  it('FORMATTED_VALUE (default) is the shown text; UNFORMATTED_VALUE gives numbers and booleans', () => {
    const { id, ss, Sheets } = setup();
    const sheet = sheetWith(ss, 'Data', [[1234.5, true, 'text', 7]]);
    sheet.getRange('A1').setNumberFormat('#,##0.00');
    const shown = sheet.getRange('A1:D1').getDisplayValues()[0];
    const formatted = Sheets.Spreadsheets!.Values!.batchGet(id, { ranges: ['Data!A1:D1'] }).valueRanges![0].values;
    expect(formatted).toEqual([shown]);
    expect(shown[0]).toMatch(/^1\s234,50$/);
    const raw = Sheets.Spreadsheets!.Values!.batchGet(id, {
      ranges: ['Data!A1:D1'],
      valueRenderOption: 'UNFORMATTED_VALUE',
    }).valueRanges![0].values;
    expect(raw).toEqual([[1234.5, true, 'text', 7]]);
  });

  it('dates are serial numbers counted in the spreadsheet’s zone, or their shown text', () => {
    const when = new Date('2024-03-01T09:00:00Z');
    const read = (timeZone: string, dateTimeRenderOption?: string) => {
      const { id, ss, Sheets } = setup({ timeZone });
      const sheet = sheetWith(ss, 'Events', [[when]]);
      sheet.getRange('A1').setNumberFormat('dd.mm.yyyy hh:mm');
      return Sheets.Spreadsheets!.Values!.batchGet(id, {
        ranges: ['Events!A1'],
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption,
      }).valueRanges![0].values![0][0];
    };
    // 2024-03-01 is day 45352 after 1899-12-30; 09:00Z is noon in Moscow, 09:00 in UTC.
    expect(read('Europe/Moscow')).toBe(45352.5);
    expect(read('UTC')).toBe(45352.375);
    expect(read('Europe/Moscow', 'FORMATTED_STRING')).toBe('01.03.2024 12:00');
    expect(read('UTC', 'FORMATTED_STRING')).toBe('01.03.2024 09:00');
  });

  it('majorDimension COLUMNS transposes, trimming each column', () => {
    const { id, ss, Sheets } = setup();
    sheetWith(ss, 'Data', [
      ['a', 'b'],
      ['c', ''],
    ]);
    const got = Sheets.Spreadsheets!.Values!.batchGet(id, { ranges: ['Data!A1:C3'], majorDimension: 'COLUMNS' });
    expect(got.valueRanges![0]).toEqual({
      range: 'Data!A1:C3',
      majorDimension: 'COLUMNS',
      values: [['a', 'c'], ['b']],
    });
  });

  it('an unknown sheet or a malformed range is Google’s 400; an unknown spreadsheet 404; nothing partial comes back', () => {
    const { ws, id, Sheets } = setup();
    for (const bad of ['Nope!A1:B2', "'Лист1'!A1:B2:C3", 'Лист1!', "'Лист1", '1A', 'R1C1', "'Лист1'!A 1"]) {
      const e = googleError(() => Sheets.Spreadsheets!.Values!.batchGet(id, { ranges: ['A1', bad] }));
      expect(e.message).toBe(
        `API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: ${bad}`,
      );
      expect(e.details).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
    }
    // Sheet titles match exactly (case included).
    expect(googleError(() => Sheets.Spreadsheets!.Values!.batchGet(id, { ranges: ['лист1!A1'] })).details.code).toBe(
      400,
    );
    expect(googleError(() => Sheets.Spreadsheets!.Values!.batchGet('missing', { ranges: ['A1'] })).details.code).toBe(
      404,
    );
    expect(messageOf(() => Sheets.Spreadsheets!.Values!.batchGet(id, { range: 'A1' }))).toContain(
      'Unknown name "range": Cannot bind query parameter.',
    );
    expect(
      messageOf(() => Sheets.Spreadsheets!.Values!.batchGet(id, { ranges: ['A1'], valueRenderOption: 'RAW' })),
    ).toContain(`Invalid value at 'value_render_option' (TYPE_ENUM), "RAW"`);
    // Every failed request is still a round trip.
    expect(ws.calls.all().filter((c) => c.failed).length).toBe(11);
  });

  it('refuses a URL over 8,192 characters (every range rides in the query string)', () => {
    const { id, ss, Sheets } = setup();
    sheetWith(ss, 'Card index', [['a']]);
    // "'Card index'!A2:D" is 27 characters URL-encoded (%27Card%20index%27%21A2%3AD), 35 with "ranges=" and "&": 231 fit.
    const ranges = (n: number) => Array.from({ length: n }, () => "'Card index'!A2:D");
    expect(Sheets.Spreadsheets!.Values!.batchGet(id, { ranges: ranges(230) }).valueRanges).toHaveLength(230);
    const e = googleError(() => Sheets.Spreadsheets!.Values!.batchGet(id, { ranges: ranges(240) }));
    expect(e.details.code).toBe(414);
    expect(e.message).toContain('The requested URL is too large to process.');
  });

  it('counts the request’s bytes and the cells it read', () => {
    const { ws, id, ss, Sheets } = setup();
    sheetWith(ss, 'Data', [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    ws.calls.reset();
    const args = { ranges: ['Data!A1:B'] };
    const reply = Sheets.Spreadsheets!.Values!.batchGet(id, args);
    const [call] = ws.calls.all();
    const json = (v: unknown) => Buffer.byteLength(JSON.stringify(v));
    expect(call.bytes).toBe(json({ spreadsheetId: id, ...args }) + json(reply));
    expect(call.cells).toBe(4);
  });
});

describe('Sheets.Spreadsheets.batchUpdate', () => {
  it('appends after the last row with data, keeping a blank row inside the data, filling blank grid rows first', () => {
    const { ws, id, ss, Sheets } = setup();
    const sheet = sheetWith(ss, 'Log', [
      ['h1', 'h2'],
      ['a', 1],
      ['', ''],
      ['b', 2],
    ]);
    ws.calls.reset();
    const reply = Sheets.Spreadsheets!.batchUpdate(
      {
        requests: [
          {
            appendCells: {
              sheetId: sheet.getSheetId(),
              rows: [{ values: [text('c'), num(3)] }],
              fields: 'userEnteredValue',
            },
          },
          { appendCells: { sheetId: sheet.getSheetId(), rows: [{ values: [text('d')] }], fields: 'userEnteredValue' } },
        ],
      },
      id,
    );
    expect(reply).toEqual({ spreadsheetId: id, replies: [{}, {}] });
    expect(ws.calls.count()).toBe(1);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['h1', 'h2'],
      ['a', 1],
      ['', ''],
      ['b', 2],
      ['c', 3],
      ['d', ''],
    ]);
    expect(sheet.getMaxRows()).toBe(1000);
  });

  it('appendCells grows the grid only by the rows that do not fit', () => {
    const { id, ss, Sheets } = setup();
    const sheet = sheetWith(ss, 'Full', [['x']]);
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    Sheets.Spreadsheets!.batchUpdate(
      {
        requests: [
          {
            appendCells: {
              sheetId: sheet.getSheetId(),
              rows: [{ values: [text('y')] }, { values: [text('z')] }, { values: [text('w')] }],
              fields: 'userEnteredValue',
            },
          },
        ],
      },
      id,
    );
    expect(sheet.getMaxRows()).toBe(4);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([['x'], ['y'], ['z'], ['w']]);
  });

  it('a stringValue starting with "=" is text, never a formula', () => {
    const { id, ss, Sheets } = setup();
    const sheet = sheetWith(ss, 'Log', []);
    Sheets.Spreadsheets!.batchUpdate(
      {
        requests: [
          {
            updateCells: {
              start: { sheetId: sheet.getSheetId(), rowIndex: 0, columnIndex: 0 },
              rows: [{ values: [text('=1+1'), text('007'), text("'x")] }],
              fields: 'userEnteredValue',
            },
          },
        ],
      },
      id,
    );
    const range = sheet.getRange('A1:C1');
    expect(range.getValues()).toEqual([['=1+1', '007', "'x"]]);
    expect(range.getFormulas()).toEqual([['', '', '']]);
  });

  it('a numberValue under a date format reads back through SpreadsheetApp as the same Date a Date write gives', () => {
    const { id, ss, Sheets } = setup();
    const sheet = sheetWith(ss, 'Events', []);
    const when = new Date('2024-03-01T09:30:00Z');
    sheet.getRange('B1').setValue(when).setNumberFormat('dd.mm.yyyy hh:mm');
    const serial = Sheets.Spreadsheets!.Values!.batchGet(id, {
      ranges: ['Events!B1'],
      valueRenderOption: 'UNFORMATTED_VALUE',
    }).valueRanges![0].values![0][0] as number;
    Sheets.Spreadsheets!.batchUpdate(
      {
        requests: [
          {
            updateCells: {
              start: { sheetId: sheet.getSheetId(), rowIndex: 0, columnIndex: 0 },
              rows: [{ values: [num(serial, 'dd.mm.yyyy hh:mm')] }],
              fields: 'userEnteredValue,userEnteredFormat.numberFormat',
            },
          },
        ],
      },
      id,
    );
    const [[a, b]] = sheet.getRange('A1:B1').getValues();
    expect(a).toBeInstanceOf(Date);
    expect((a as Date).getTime()).toBe(when.getTime());
    expect(b).toEqual(a);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('01.03.2024 12:30');
  });

  it('is atomic: an invalid second request leaves the first unapplied and names its index', () => {
    const { ws, id, ss, Sheets } = setup();
    const sheet = sheetWith(ss, 'Log', [['a']]);
    ws.calls.reset();
    const e = googleError(() =>
      Sheets.Spreadsheets!.batchUpdate(
        {
          requests: [
            {
              appendCells: { sheetId: sheet.getSheetId(), rows: [{ values: [text('b')] }], fields: 'userEnteredValue' },
            },
            { updateCells: { start: { sheetId: sheet.getSheetId() }, rows: [{ values: [text('c')] }] } },
          ],
        },
        id,
      ),
    );
    expect(e.message).toBe(
      'API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[1].updateCells: At least one field must be specified.',
    );
    expect(e.details.code).toBe(400);
    expect(ws.calls.all().map((c) => [c.service, !!c.failed])).toEqual([['Sheets.Spreadsheets.batchUpdate', true]]);
    expect(sheet.getDataRange().getValues()).toEqual([['a']]);
    const e2 = googleError(() =>
      Sheets.Spreadsheets!.batchUpdate(
        {
          requests: [
            {
              deleteDimension: {
                range: { sheetId: sheet.getSheetId(), dimension: 'ROWS', startIndex: 0, endIndex: 1 },
              },
            },
            { appendCells: { sheetId: 99, rows: [{ values: [text('b')] }], fields: 'userEnteredValue' } },
          ],
        },
        id,
      ),
    );
    expect(e2.message).toContain('Invalid requests[1].appendCells: No grid with id: 99');
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getDataRange().getValues()).toEqual([['a']]);
  });

  it('refuses a body over 2 MB, applying nothing', () => {
    const { id, ss, Sheets } = setup();
    const sheet = sheetWith(ss, 'Log', [['a']]);
    const row = { values: [text('x'.repeat(40_000))] };
    const e = googleError(() =>
      Sheets.Spreadsheets!.batchUpdate(
        {
          requests: [
            { appendCells: { sheetId: sheet.getSheetId(), rows: Array.from({ length: 60 }, () => row), fields: '*' } },
          ],
        },
        id,
      ),
    );
    expect(e.details.code).toBe(413);
    expect(e.message).toContain('Request payload size exceeds the limit: 2097152 bytes.');
    expect(sheet.getDataRange().getValues()).toEqual([['a']]);
  });

  it('later requests see what earlier ones did: delete rows, then patch by the new positions, then append', () => {
    const { id, ss, Sheets } = setup();
    const sheet = sheetWith(ss, 'Log', [['h'], ['a'], ['b'], ['c']]);
    const sheetId = sheet.getSheetId();
    Sheets.Spreadsheets!.batchUpdate(
      {
        requests: [
          { deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 2 } } },
          {
            updateCells: {
              range: { sheetId, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 },
              rows: [{ values: [text('B')] }],
              fields: 'userEnteredValue',
            },
          },
          { appendCells: { sheetId, rows: [{ values: [text('d')] }], fields: 'userEnteredValue' } },
        ],
      },
      id,
    );
    expect(sheet.getDataRange().getValues()).toEqual([['h'], ['B'], ['c'], ['d']]);
    expect(sheet.getMaxRows()).toBe(999);
  });

  it('updateCells over a range clears what the data does not cover, for the fields named', () => {
    const { id, ss, Sheets } = setup();
    const sheet = sheetWith(ss, 'Log', [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    sheet.getRange('C1').setNumberFormat('0.00');
    Sheets.Spreadsheets!.batchUpdate(
      {
        requests: [
          {
            updateCells: {
              range: {
                sheetId: sheet.getSheetId(),
                startRowIndex: 0,
                endRowIndex: 2,
                startColumnIndex: 1,
                endColumnIndex: 3,
              },
              rows: [{ values: [text('B')] }],
              fields: 'userEnteredValue',
            },
          },
        ],
      },
      id,
    );
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['a', 'B', ''],
      ['d', '', ''],
    ]);
    expect(sheet.getRange('C1').getNumberFormat()).toBe('0.00');
  });

  it('refuses what it does not model, and a date pattern under a NUMBER type', () => {
    const { id, ss, Sheets } = setup();
    const sheetId = sheetWith(ss, 'Log', []).getSheetId();
    const update = (cell: object, fields = 'userEnteredValue') =>
      messageOf(() =>
        Sheets.Spreadsheets!.batchUpdate(
          { requests: [{ updateCells: { start: { sheetId }, rows: [{ values: [cell] }], fields } }] },
          id,
        ),
      );
    expect(update({ userEnteredValue: { formulaValue: '=1+1' } })).toContain('not supported by the local emulation');
    expect(update(text('x'), 'note')).toContain('not supported by the local emulation');
    expect(update({ note: 'x' })).toContain('not supported by the local emulation');
    expect(update({ userEnteredValue: { stringValue: 'x', numberValue: 1 } })).toContain('Only one of');
    expect(update({ userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: 'dd.mm.yyyy' } } }, '*')).toContain(
      'is not a NUMBER pattern',
    );
    expect(update({ userEnteredValu: {} })).toContain('Unknown name "userEnteredValu"');
    expect(
      messageOf(() => Sheets.Spreadsheets!.batchUpdate({ requests: [{ repeatCell: {} }] } as never, id)),
    ).toContain('Invalid requests[0].repeatCell: Emulator: the request repeatCell is not supported');
  });
});

describe('Sheets: injected faults', () => {
  const append = (Sheets: GoogleAppsScript.Sheets, id: string) =>
    googleError(() =>
      Sheets.Spreadsheets!.batchUpdate(
        { requests: [{ appendCells: { sheetId: 0, rows: [{ values: [text('x')] }], fields: 'userEnteredValue' } }] },
        id,
      ),
    );

  it('an atomic batch never half-lands: partial fails with nothing applied, a lost response after applying all', () => {
    const { ws, id, Sheets } = setup();
    ws.faults.add({ service: 'Sheets.Spreadsheets.batchUpdate', kind: 'partial', nth: [1] });
    expect(append(Sheets, id).details.code).toBe(500);
    expect(ws.spreadsheets.values(id, 'Лист1')).toEqual([]);
    ws.faults.add({ service: 'Sheets.Spreadsheets.batchUpdate', kind: 'lost-response', nth: [1] });
    expect(append(Sheets, id).details.code).toBe(504);
    expect(ws.spreadsheets.values(id, 'Лист1')).toEqual([['x']]);
  });

  it('a quota fault is the Sheets API’s 429 for the request’s kind, before anything is applied', () => {
    const { ws, id, Sheets } = setup();
    ws.faults.add({ service: 'Sheets.*', kind: 'quota', nth: [1, 2] });
    const e = append(Sheets, id);
    expect(e.details.code).toBe(429);
    expect(e.message).toContain("quota metric 'Write requests'");
    expect(ws.spreadsheets.values(id, 'Лист1')).toEqual([]);
    expect(googleError(() => Sheets.Spreadsheets!.Values!.batchGet(id, { ranges: ['A1'] })).details.message).toContain(
      "quota metric 'Read requests'",
    );
  });
});

describe('Sheets: enabling and scopes', () => {
  it('exists only when the manifest enables sheets v4, under its userSymbol', () => {
    const ws = Workspace.inMemory();
    const base = { project: 'sheet' as const, htmlFiles: {}, ui: new UiHost() };
    expect('Sheets' in ws.globals(base)).toBe(false);
    expect('Sheets' in ws.globals({ ...base, advancedServices: [{ ...SHEETS_V4, version: 'v3' }] })).toBe(false);
    expect(
      Object.keys(ws.globals({ ...base, advancedServices: [{ ...SHEETS_V4, userSymbol: 'SheetsApi' }] })),
    ).toContain('SheetsApi');
    // The manifest the loader registered for the project counts when the binding does not say.
    ws.manifests.gmail = { dependencies: { enabledAdvancedServices: [SHEETS_V4] } };
    expect('Sheets' in ws.globals({ ...base, project: 'gmail' })).toBe(true);
  });

  it('spreadsheets.currentonly does not reach the REST API: 403; readonly reads but cannot write', () => {
    // The manifest's scopes bind the project's executions.
    const inRun = <T>(o: { ws: Workspace }, fn: () => T): T => {
      const run = o.ws.run('script', 'test', fn, 'sheet');
      if (run.error) throw run.error;
      return run.result as T;
    };
    const denied = setup({ oauthScopes: [CURRENT_ONLY] });
    const e = googleError(() =>
      inRun(denied, () => denied.Sheets.Spreadsheets!.Values!.batchGet(denied.id, { ranges: ['A1'] })),
    );
    expect(e.message).toBe(
      'API call to sheets.spreadsheets.values.batchGet failed with error: Request had insufficient authentication scopes.',
    );
    expect(e.details).toMatchObject({ code: 403, status: 'PERMISSION_DENIED' });
    const readonly = setup({ oauthScopes: [`${SPREADSHEETS}.readonly`] });
    const read = inRun(readonly, () => readonly.Sheets.Spreadsheets!.Values!.batchGet(readonly.id, { ranges: ['A1'] }));
    expect(read.valueRanges).toHaveLength(1);
    const write = () =>
      inRun(readonly, () =>
        readonly.Sheets.Spreadsheets!.batchUpdate(
          { requests: [{ appendCells: { sheetId: 0, rows: [{ values: [text('x')] }], fields: '*' } }] },
          readonly.id,
        ),
      );
    expect(googleError(write).details.code).toBe(403);
    const full = setup({ oauthScopes: [SPREADSHEETS] });
    full.Sheets.Spreadsheets!.batchUpdate(
      { requests: [{ appendCells: { sheetId: 0, rows: [{ values: [text('x')] }], fields: '*' } }] },
      full.id,
    );
    expect(full.ws.spreadsheets.values(full.id, 'Лист1')).toEqual([['x']]);
  });

  it('60 reads per minute per user, refilled each minute', () => {
    const { ws, id, Sheets } = setup();
    const read = () => messageOf(() => Sheets.Spreadsheets!.Values!.batchGet(id, { ranges: ['A1'] }));
    // The clock starts on a minute and each call takes its latency (300 ms): 60 calls fit in the minute.
    for (let i = 0; i < 60; i++) expect(read()).toBe('(no error)');
    const e = googleError(() => Sheets.Spreadsheets!.Values!.batchGet(id, { ranges: ['A1'] }));
    expect(e.details.code).toBe(429);
    expect(e.message).toContain(
      "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com'",
    );
    // Writes have their own bucket.
    expect(
      messageOf(() =>
        Sheets.Spreadsheets!.batchUpdate(
          { requests: [{ appendCells: { sheetId: 0, rows: [{ values: [text('x')] }], fields: '*' } }] },
          id,
        ),
      ),
    ).toBe('(no error)');
    ws.clock.set('2024-03-01T09:01:00Z');
    expect(read()).toBe('(no error)');
  });
});

describe('Sheets in a loaded project', () => {
  // A two-function project, as clasp would push it, whose manifest enables the service.
  const CODE = `
    function readAll(id) {
      return Sheets.Spreadsheets.Values.batchGet(id, { ranges: ['A1:B'] }).valueRanges;
    }
    function badRange(id) {
      try { Sheets.Spreadsheets.Values.batchGet(id, { ranges: ['Nope!A1'] }); }
      catch (e) { return [e.name, e.message, e.details.code]; }
    }
    function appendRow(id, text) {
      return Sheets.Spreadsheets.batchUpdate({ requests: [{ appendCells: {
        sheetId: 0, rows: [{ values: [{ userEnteredValue: { stringValue: text } }] }], fields: 'userEnteredValue' } }] }, id);
    }`;

  function project(manifest: object) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheets-api-'));
    fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
    fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(manifest));
    const ws = Workspace.inMemory({ clockStart: '2024-03-01T09:00:00Z' });
    const id = ws.spreadsheets.create('CRM', { timeZone: 'Europe/Moscow', locale: 'ru' });
    return { ws, id, p: loadProject(ws, dir, { project: 'sheet', boundSpreadsheetId: id }) };
  }

  const manifest = {
    timeZone: 'Europe/Moscow',
    runtimeVersion: 'V8',
    dependencies: { enabledAdvancedServices: [SHEETS_V4] },
    oauthScopes: [SPREADSHEETS],
  };

  it('a script reads and appends through it, and sees Google’s error shape', () => {
    const { ws, id, p } = project(manifest);
    expect(p.invoke('appendRow', [id, '=HYPERLINK("x")']).error).toBeUndefined();
    expect(ws.spreadsheets.values(id, 'Лист1')).toEqual([['=HYPERLINK("x")']]);
    expect(p.invoke('readAll', [id]).result).toEqual([
      { range: "'Лист1'!A1:B1000", majorDimension: 'ROWS', values: [['=HYPERLINK("x")']] },
    ]);
    expect(p.invoke('badRange', [id]).result).toEqual([
      'GoogleJsonResponseException',
      'API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: Nope!A1',
      400,
    ]);
  });

  it('without the manifest entry the global is not defined; with currentonly every call is refused', () => {
    const { dependencies: _, ...bare } = manifest;
    const none = project(bare);
    expect(none.p.invoke('readAll', [none.id]).error?.message).toBe('Sheets is not defined');
    const narrow = project({ ...manifest, oauthScopes: [CURRENT_ONLY] });
    expect(narrow.p.invoke('appendRow', [narrow.id, 'x']).error?.message).toBe(
      'API call to sheets.spreadsheets.batchUpdate failed with error: Request had insufficient authentication scopes.',
    );
    expect(narrow.ws.spreadsheets.values(narrow.id, 'Лист1')).toEqual([]);
  });
});

describe('the product’s Sheets adapter (server/sheets/values-batch.ts) over the emulation', () => {
  // The adapter calls the `Sheets` global, as the bundle does in Apps Script.
  const holder = globalThis as { Sheets?: unknown };
  afterEach(() => delete holder.Sheets);

  it('an append and a patch in one atomic call; dates come back as the same Dates and serials', async () => {
    const { appendRows, cellData, readRanges, rowData, updateCellsOfRow, writeBatch, a1 } =
      await import('../../../src/server/sheets/values-batch');
    const { ws, ss, Sheets } = setup();
    holder.Sheets = Sheets;
    const events = sheetWith(ss, 'События', [['Когда', 'Клиент', 'Заметка']]);
    const when = new Date('2024-03-05T07:15:00Z');
    ws.calls.reset();
    writeBatch(ss, [
      appendRows(events.getSheetId(), [rowData([cellData(when, 'Europe/Moscow'), cellData('=1+1', 'Europe/Moscow')])]),
      ...updateCellsOfRow(events.getSheetId(), 1, new Map([[2, cellData('Заметка (ред.)', 'Europe/Moscow')]])),
    ]);
    expect(ws.calls.count()).toBe(1);
    expect(events.getDataRange().getValues()).toEqual([
      ['Когда', 'Клиент', 'Заметка (ред.)'],
      [when, '=1+1', ''],
    ]);
    expect(events.getRange('A2').getDisplayValue()).toBe('05.03.2024 10:15');
    const [rows, header] = readRanges(ss, [a1('События', 'A2:C'), a1('События', '1:1')]);
    expect(rows).toEqual([[expect.any(Number), '=1+1']]);
    // 10:15 in Moscow on day 45356 (2024-03-05).
    expect(rows[0][0]).toBeCloseTo(45356 + (10 * 60 + 15) / 1440, 9);
    expect(header).toEqual([['Когда', 'Клиент', 'Заметка (ред.)']]);
  });
});
