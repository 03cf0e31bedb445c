import { Workspace } from 'workspace-emulator';
import { UiHost } from 'workspace-emulator';
import { jsonBytes, utf8Bytes } from 'workspace-emulator';

/** What the JSON of `v` weighs in UTF-8: the reference the emulator's streaming measure must agree with. */
const json = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');

function setup() {
  const ws = Workspace.inMemory({ clockStart: '2026-03-02T09:00:00Z' });
  const id = ws.spreadsheets.create('CRM', { timeZone: 'Europe/Moscow', locale: 'ru' });
  const g = ws.globals({ project: 'sheet', boundSpreadsheetId: id, htmlFiles: {}, ui: new UiHost() }) as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    CacheService: GoogleAppsScript.Cache.CacheService;
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
    People: GoogleAppsScript.People;
  };
  return { ws, ...g };
}

const last = (ws: Workspace) => ws.calls.all()[ws.calls.all().length - 1];

describe('bytes moved per call', () => {
  it('measures like UTF-8 JSON without building the JSON', () => {
    const sample = [
      ['Козлова Елена Петровна', '+79161234567', 12.5, -3, true, false, null, '', 'Ёж 🦔', 'say "hi"\\\n\t\u0001'],
      { 'key "q"': JSON.stringify({ nested: 'json "in" json' }) },
      { a: 'б', n: [1, 2, { deep: 'ლ' }], skipped: undefined },
      [],
      {},
    ];
    expect(jsonBytes(sample)).toBe(json(sample));
    expect(utf8Bytes('a€𝄞')).toBe(Buffer.byteLength('a€𝄞'));
    expect(jsonBytes(new Date('2026-03-02T09:00:00Z'))).toBe(json(new Date('2026-03-02T09:00:00Z')));
  });

  it('a getValues of a known range reports the size of its values; setValues and appendRow what they sent', () => {
    const { ws, SpreadsheetApp } = setup();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    const rows = [
      ['Мария Петрова', 'maria@example.ru', 3],
      ['Anna Smith', 'anna@example.com', 10.25],
    ];
    sheet.getRange(1, 1, 2, 3).setValues(rows);
    expect(last(ws)).toMatchObject({ service: 'SpreadsheetApp.Range.setValues', bytes: json(rows) });
    ws.calls.reset();
    const got = sheet.getRange(1, 1, 2, 3).getValues();
    expect(got).toEqual(rows);
    expect(last(ws)).toMatchObject({ service: 'SpreadsheetApp.Range.getValues', bytes: json(rows) });
    expect(json(rows)).toBe(92);
    sheet.appendRow(['Ёлкин', 'x']);
    expect(last(ws)).toMatchObject({ service: 'SpreadsheetApp.Sheet.appendRow', bytes: json(['Ёлкин', 'x']) });
    // A handle (the sheet, the range) is not data: getLastRow moves only its number.
    sheet.getLastRow();
    expect(last(ws).bytes).toBe(1);
    expect(ws.calls.totalBytes()).toBe(json(rows) + json(['Ёлкин', 'x']) + 1);
    expect(ws.calls.bytesByService()).toEqual({
      'SpreadsheetApp.Range.getValues': json(rows),
      'SpreadsheetApp.Sheet.appendRow': json(['Ёлкин', 'x']),
      'SpreadsheetApp.Sheet.getLastRow': 1,
    });
  });

  it('a cache getAll reports the keys it asked for and the values that came back; a put what it sent', () => {
    const { ws, CacheService } = setup();
    const cache = CacheService.getScriptCache();
    const card = JSON.stringify({ name: 'Мария Петрова', events: ['звонок', 'встреча'] });
    cache.put('card:1', card);
    expect(last(ws).bytes).toBe(json(['card:1', card]));
    cache.put('v', '42');
    ws.calls.reset();
    const got = cache.getAll(['card:1', 'v', 'missing']);
    expect(got).toEqual({ 'card:1': card, v: '42' });
    expect(ws.calls.totalBytes('CacheService.Cache.getAll')).toBe(json(['card:1', 'v', 'missing']) + json(got));
    expect(cache.get('missing')).toBeNull();
    expect(last(ws).bytes).toBe(json('missing') + json(null));
  });

  it('properties, People requests and responses, and the execution report count bytes too', () => {
    const { ws, PropertiesService, People } = setup();
    const run = ws.run('script', 'test', () => {
      PropertiesService.getScriptProperties().setProperty('crm.version', '17');
      const created = People.People!.createContact(
        { names: [{ givenName: 'Анна', familyName: 'Котова' }] },
        {
          personFields: 'names',
        },
      );
      return created;
    });
    const [setProp, create] = ws.calls.all();
    expect(setProp.bytes).toBe(json(['crm.version', '17']));
    expect(create.service).toBe('People.People.createContact');
    expect(create.bytes).toBe(
      json([{ names: [{ givenName: 'Анна', familyName: 'Котова' }] }, { personFields: 'names' }]) + json(run.result),
    );
    expect(run.report.bytes).toBe(setProp.bytes + create.bytes);
  });

  it('a failed call counts what it sent, not a response', () => {
    const { ws, CacheService } = setup();
    ws.faults.add({ service: 'CacheService.Cache.put', kind: 'unavailable', nth: [1] });
    expect(() => CacheService.getScriptCache().put('k', 'value')).toThrow('Service error: CacheService');
    expect(last(ws)).toMatchObject({ bytes: json(['k', 'value']), failed: 'Service error: CacheService' });
  });
});
