// Sheets parses text a script writes as if typed (the emulation's model: workspace-emulator user-entered.ts): "007"
// would be 7, "1/2" a date, "TRUE" a boolean, "+7 912 345-67-89" a formula showing #ERROR!. Every writer of the built
// bundle stores what it meant: text goes through core sheetCell (or the Sheets API's typed stringValue).

import { sheetCell } from '../../../src/core/sheets/cell-text';
import { initialRows } from '../../../src/core/sheets/template';
import { TEMPLATES } from '../../../src/core/sheets/templates';
import { createPeople, SpreadsheetStore } from 'workspace-emulator';
import { testOffice } from '../../support/office';
import { eventRows, eventsOffice, logEvent, typeRows } from '../events/office';

/** Text Sheets would turn into something else, in ru and en spreadsheets alike. */
const TRICKY = [
  '007',
  '1/2',
  'TRUE',
  'ложь',
  '+7 912 345-67-89',
  '+79123456789',
  '-звонок не прошёл',
  '=HYPERLINK("http://x","y")',
  '01.02.2026',
  '1,5',
  '5%',
  'Jan 2',
  '2 января',
  '9:30',
  "'quoted",
  '@anna',
  '2026-12-01T10:00:00.000Z',
];

describe('the one rule (core sheetCell) against the emulation of Sheets parsing', () => {
  test.each(['ru', 'en_US'])('every tricky text written through sheetCell reads back exactly (%s)', (locale) => {
    const office = testOffice();
    const ws = office.workspace;
    const id = ws.spreadsheets.create('T', { timeZone: 'Europe/Moscow', locale });
    const app = ws.globals({ project: 'sheet', boundSpreadsheetId: id, htmlFiles: {}, ui: office.sheet.ui })
      .SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange(1, 1, 1, TRICKY.length).setValues([TRICKY.map(sheetCell)]);
    sheet.appendRow(TRICKY.map(sheetCell));
    expect(sheet.getRange(1, 1, 2, TRICKY.length).getValues()).toEqual([TRICKY, TRICKY]);
    expect(sheet.getRange(1, 1, 1, TRICKY.length).getFormulas()[0]).toEqual(TRICKY.map(() => ''));
    // Unescaped, most of them would not have survived (the emulation is not lenient).
    sheet.getRange(3, 1, 1, TRICKY.length).setValues([TRICKY]);
    const raw = sheet.getRange(3, 1, 1, TRICKY.length).getValues()[0];
    expect(raw.filter((v, i) => v !== TRICKY[i]).length).toBeGreaterThan(TRICKY.length / 2);
  });
});

describe('product writers store what they meant', () => {
  test('setup writes every template row and title exactly', () => {
    for (const locale of ['ru'] as const) {
      const office = testOffice();
      office.rpc.runSetup();
      const store: SpreadsheetStore = office.workspace.spreadsheets;
      for (const tpl of TEMPLATES) {
        // Setup fills the blank time zone with the spreadsheet's own: not a template value.
        const rows = initialRows(tpl, locale).filter((r) => r[0] !== 'timeZone');
        if (!rows.length) continue;
        const title = store
          .get(office.spreadsheetId)
          .sheets.find((s) => s.name === tpl.title.ru || s.name === tpl.title.en)!;
        expect(
          title.values
            .slice(1)
            .filter((r) => r[0] !== 'timeZone')
            .slice(0, rows.length)
            .map((r) => r.slice(0, tpl.columns.length)),
        ).toEqual(rows.map((r) => tpl.columns.map((_, i) => r[i] ?? '')));
      }
    }
  });

  test('Settings keep free-text values as typed', () => {
    const office = testOffice();
    office.rpc.runSetup();
    // "ложь" is a boolean and "2 января" a date in a Russian spreadsheet (the emulation's model, UNVERIFIED there).
    const input = { interestReason: '1/2', orderReason: 'ложь', birthdayKind: '007', birthdayReason: '2 января' };
    expect(office.rpc.saveSettings(input).ok).toBe(true);
    const { settings } = office.rpc.getSettingsView();
    for (const [k, v] of Object.entries(input)) expect(settings.find((e) => e.key === k)?.value).toBe(v);
    const rows = office.workspace.spreadsheets.values(office.spreadsheetId, 'Настройки');
    for (const [k, v] of Object.entries(input)) expect(rows.find((r) => r[0] === k)?.[1]).toBe(v);
  });

  test('an event for "+7 912 345-67-89" with the note "TRUE" and the next step "1/2", and its change', () => {
    const { office } = eventsOffice();
    const done = logEvent(office, {
      client: '+7 912 345-67-89',
      noClient: true,
      kind: 'Звонок',
      reason: '',
      note: 'TRUE',
      nextStep: '1/2',
    });
    office.rpc.changeEvent({ id: done.id, action: 'result', result: '=HYPERLINK("http://x","y")', nextStep: '1/2' });
    const row = eventRows(office).find((r) => r.id === done.id)!;
    expect(row).toMatchObject({ client: '+7 912 345-67-89', result: '=HYPERLINK("http://x","y")', nextStep: '1/2' });
  });

  test('a row typed by hand gets its id and its store row as text', () => {
    const { office } = eventsOffice();
    const at = new Date(office.workspace.clock.now() + 86_400_000);
    typeRows(office, 'events', [
      { date: at, kind: 'Звонок', reason: 'Заказ', client: "'007", phone: "'+7 912 345-67-89", status: 'план' },
    ]);
    const row = eventRows(office).find((r) => r.client === '007')!;
    expect(row.id).toMatch(/^E/);
    const store = office.workspace.spreadsheets
      .get(office.spreadsheetId)
      .sheets.find((s) => s.hidden && s.values.some((r) => r[0] === row.id))!;
    const stored = store.values.find((r) => r[0] === row.id)!;
    expect(typeof stored[1]).toBe('string');
    expect(JSON.parse(String(stored[2]))).toMatchObject({ c: '007', ph: '+7 912 345-67-89' });
  });

  test('the Card index keeps a contact named like a formula', () => {
    const { office } = eventsOffice();
    const ws = office.workspace;
    createPeople(ws.people, ws.ctx).People!.createContact(
      {
        names: [{ givenName: '=HYPERLINK("http://x","y")' }],
        phoneNumbers: [{ value: '007' }],
        emailAddresses: [{ value: 'x@example.ru' }],
      },
      { personFields: 'names' },
    );
    const rebuilt = office.sheet.invoke('refreshIndexTrigger', [{}]);
    if (rebuilt.error) throw rebuilt.error;
    const index = ws.spreadsheets.values(office.spreadsheetId, 'Индекс карточки');
    const row = index.find((r) => String(r[2]).includes('HYPERLINK'))!;
    // Its keys start with "," and its JSON with "{": nothing Sheets parses, and sheetCell agrees.
    expect(row.map(String)).toEqual(row.map((c) => sheetCell(String(c))));
    expect(JSON.parse(String(row[2])).n).toBe('=HYPERLINK("http://x","y")');
    expect(String(row[0])).toContain(',x@example.ru,');
  });
});
