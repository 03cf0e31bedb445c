// The one sheet-table layer, through the built bundle: a header below title lines is found by every path that reads
// or writes a CRM sheet, and text a person or a file supplied lands in the cells as that text, never as a formula or
// a number.

import { findTable } from '../../../src/core/events/table';
import { template } from '../../../src/core/sheets/templates';
import { importFile } from '../../../src/local/import-driver';
import type { Office } from '../../../src/local/office';
import type { EventChange } from '../../../src/shared/events-dto';
import { call, testOffice } from '../../support/office';
import { crmSheetOf } from '../card-index/support';
import { DAY, eventsOffice, logEvent } from '../events/office';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What an office does to a sheet: two title lines typed above the header, which moves down to row 3. */
function addTitleRows(sheet: Sheet): void {
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0];
  const blank = () => new Array<unknown>(width).fill('');
  const title = blank();
  title[0] = 'Журнал событий ООО «Ромашка»';
  const subtitle = blank();
  subtitle[0] = 'Заполняется менеджерами';
  sheet.getRange(1, 1, 3, width).setValues([title, subtitle, header] as never);
}

/** The Events rows below the header, by column key, and the header's 1-based row. */
function eventCells(office: Office) {
  const values = crmSheetOf(office, 'events').getDataRange().getValues();
  const table = findTable(values, template('events'))!;
  const rows = values.slice(table.headerIndex + 1).map((row, i) => {
    const out: Record<string, unknown> & { row: number } = { row: table.headerIndex + i + 2 };
    for (const [k, c] of Object.entries(table.columns)) out[k] = row[c];
    return out;
  });
  office.workspace.calls.reset();
  return { headerRow: table.headerIndex + 1, rows };
}

const change = (office: Office, body: EventChange) => office.rpc.changeEvent(body).event;

describe('an Events sheet with two title rows above its header', () => {
  test('logEvent, changeEvent (done, reschedule) and getReminders all work, rows landing under the header', () => {
    const { office, clients } = eventsOffice();
    addTitleRows(crmSheetOf(office, 'events'));
    const now = office.workspace.clock.now();
    const iso = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();

    const done = logEvent(office, { client: clients.vip.email, kind: 'Звонок', reason: 'Заказ', note: '=SUM(1)' });
    const call1 = logEvent(office, {
      client: clients.regular.email,
      kind: 'Звонок',
      reason: '',
      planned: true,
      at: iso(now + DAY),
    });
    const call2 = logEvent(office, {
      client: '89123456789',
      noClient: true,
      kind: 'Встреча',
      reason: '',
      planned: true,
      at: iso(now - DAY),
    });
    expect(call1.calendarEventId).not.toBe('');

    let sheet = eventCells(office);
    expect(sheet.headerRow).toBe(3);
    expect(sheet.rows.map((r) => [r.row, r.id])).toEqual([
      [4, done.id],
      [5, call1.id],
      [6, call2.id],
    ]);
    // The title lines are untouched; a formula-like note and a phone of digits are kept as the text typed.
    expect(crmSheetOf(office, 'events').getRange('A1').getValue()).toBe('Журнал событий ООО «Ромашка»');
    expect(sheet.rows[0]).toMatchObject({ result: '=SUM(1)', status: 'сделано', client: clients.vip.name });
    expect(sheet.rows[2]).toMatchObject({ client: '89123456789', phone: '89123456789' });
    // The calendar event id was written on the planned event's own row, found by id below the header.
    expect(sheet.rows[1].calendarEventId).toBe(call1.calendarEventId);

    const before = office.rpc.getReminders();
    expect(before.problems).toEqual([]);
    expect(before.due.groups.flatMap((g) => g.events).map((e) => e.id)).toEqual([call2.id]);

    const finished = change(office, { id: call2.id, action: 'done', result: 'Договорились' });
    expect(finished).toMatchObject({ status: 'done', result: 'Договорились', rowNumber: 6 });
    const moved = change(office, { id: call1.id, action: 'reschedule', at: iso(now + 2 * DAY) });
    expect(moved.status).toBe('planned');
    sheet = eventCells(office);
    expect(sheet.rows[2]).toMatchObject({ id: call2.id, status: 'сделано', result: 'Договорились' });
    expect((sheet.rows[1].date as Date).toISOString()).toBe(iso(now + 2 * DAY));
    expect(sheet.rows).toHaveLength(3);

    const after = office.rpc.getReminders();
    expect(after.problems).toEqual([]);
    expect(after.due.groups.flatMap((g) => g.events)).toEqual([]);
  });

  test('rows typed by hand under the header get their ids as they are typed (onEdit), one write for adjacent rows', () => {
    const { office, clients } = eventsOffice();
    const events = crmSheetOf(office, 'events');
    addTitleRows(events);
    const header = events.getRange(3, 1, 1, events.getLastColumn()).getValues()[0];
    const { columns } = findTable([header], template('events'))!;
    const now = office.workspace.clock.now();
    const typed = [0, 1].map((i) => {
      const row = new Array<unknown>(header.length).fill('');
      row[columns.date] = new Date(now - (i + 1) * 3600_000);
      row[columns.kind] = 'Звонок';
      row[columns.client] = clients.vip.name;
      row[columns.status] = 'план';
      return row;
    });
    office.workspace.calls.reset();
    const last = String.fromCharCode(64 + header.length);
    const typing = office.workspace.sheetsUser.edit(office.spreadsheetId, events.getName(), `A4:${last}5`, typed);
    expect(typing.fired.map((f) => [f.handler, f.error])).toContainEqual(['onEdit', undefined]);
    const idWrites = office.workspace.calls
      .all()
      .filter((c) => c.service === 'SpreadsheetApp.Range.setValues' || c.service === 'SpreadsheetApp.Range.setValue');
    // One write for the ids of both rows; the store's two rows are appended.
    expect(idWrites).toHaveLength(1);

    const due = office.rpc.getReminders().due.groups.flatMap((g) => g.events);
    expect(due).toHaveLength(2);
    const rows = eventCells(office).rows;
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(due.map((e) => e.id)));
    expect(rows.every((r) => String(r.id).startsWith('E'))).toBe(true);
  });
});

describe('setup on a sheet with title rows above its header', () => {
  test('finds the header there: nothing to repair, and a lost column is put back in the header row', () => {
    const { office } = eventsOffice();
    const events = crmSheetOf(office, 'events');
    addTitleRows(events);
    const first = office.rpc.runSetup();
    expect(first.repaired).toEqual([]);
    expect(events.getRange('B1').getValue()).toBe('');

    const width = events.getLastColumn();
    const header = events.getRange(3, 1, 1, width).getValues()[0];
    const phoneAt = findTable([header], template('events'))!.columns.phone;
    events.getRange(3, phoneAt + 1).setValue('');
    const again = office.rpc.runSetup();
    expect(again.repaired).toEqual([events.getName()]);
    expect(events.getRange(3, width + 1).getValue()).toBe(
      template('events').columns.find((c) => c.key === 'phone')!.title.ru,
    );
    expect(events.getRange(1, width + 1).getValue()).toBe('');
    // The log still works with the column in its new place.
    const logged = logEvent(office, { client: '+7 912 000-11-22', noClient: true, kind: 'Звонок', reason: '' });
    expect(eventCells(office).rows.find((r) => r.id === logged.id)?.phone).toBe('+7 912 000-11-22');
  });
});

describe('an import whose file name and label look like formulas', () => {
  test('completes, and the Imports and Import log cells read back as the literal text', () => {
    const office = testOffice();
    office.rpc.runSetup();
    const csv = 'Фамилия,Имя,Телефон\nИванов,Иван,+7 912 111-22-33\nПетрова,Анна,8 912 444-55-66\n';
    const result = importFile(
      office,
      { bytes: new TextEncoder().encode(csv), fileName: '=1+2.csv' },
      { label: '=SUM(1)', importId: 'imp-formula' },
    );
    expect(result.status).toBe('done');
    expect(result.created).toBe(2);

    const imports = crmSheetOf(office, 'imports');
    const importsAt = findTable(imports.getDataRange().getValues(), template('imports'))!;
    const fileCell = imports.getRange(importsAt.headerIndex + 2, importsAt.columns.file + 1);
    expect(fileCell.getValue()).toBe('=1+2.csv');
    expect(fileCell.getDisplayValue()).toBe('=1+2.csv');
    expect(fileCell.getFormula()).toBe('');

    const log = crmSheetOf(office, 'importLog');
    const logValues = log.getDataRange().getValues();
    const logAt = findTable(logValues, template('importLog'))!;
    const labelled = logValues
      .map((row, i) => ({ row: i + 1, labels: row[logAt.columns.labels], action: row[logAt.columns.action] }))
      .filter((r) => r.labels !== '' && r.row > 1);
    expect(labelled.length).toBeGreaterThan(0);
    for (const r of labelled) {
      expect(r.labels).toBe('=SUM(1)');
      const cell = log.getRange(r.row, logAt.columns.labels + 1);
      expect(cell.getDisplayValue()).toBe('=SUM(1)');
      expect(cell.getFormula()).toBe('');
    }
    // The label itself was created under its literal name, and the office sees the file name in the list.
    expect(office.workspace.people.allGroups().map((g) => g.name)).toContain('=SUM(1)');
    expect(office.rpc.listImports()[0].file).toBe('=1+2.csv');
  });

  test('a log sheet shorter than the rows a header is searched in still takes the import', () => {
    const office = testOffice();
    office.rpc.runSetup();
    const log = crmSheetOf(office, 'importLog');
    log.deleteRows(3, log.getMaxRows() - 2);
    expect(log.getMaxRows()).toBe(2);
    const csv = 'Фамилия,Имя,Телефон\nИванов,Иван,+7 912 111-22-33\n';
    const result = importFile(office, { bytes: new TextEncoder().encode(csv), fileName: 'short.csv' });
    expect(result).toMatchObject({ status: 'done', created: 1 });
    expect(log.getLastRow()).toBeGreaterThan(1);
  });
});

describe('logging for a client the Card index knows', () => {
  test('finds and reads the client’s index row once, for the lookup and the index update together', () => {
    const { office, clients } = eventsOffice();
    call(office.sheet, 'refreshIndexTrigger');
    office.workspace.calls.reset();
    const logged = office.rpc.logEvent({ client: clients.vip.email, kind: 'Звонок', reason: '' });
    expect(office.workspace.calls.byService()['SpreadsheetApp.TextFinder.findAll']).toBe(1);
    // The index row was still brought up to date with the event.
    const entry = call<{ recent: Array<{ id: string }> }>(office.sheet, 'lookupClientIndex_', clients.vip.email);
    expect(entry.recent.map((r) => r.id)).toContain(logged.id);
  });
});

describe('saving settings', () => {
  test('a number setting is stored as a number, text as the literal text, under a header with a title above', () => {
    const office = testOffice();
    office.rpc.runSetup();
    const settings = crmSheetOf(office, 'settings');
    const width = settings.getLastColumn();
    const rows = settings.getRange(1, 1, settings.getLastRow(), width).getValues();
    const title = new Array<unknown>(width).fill('');
    title[0] = 'Настройки CRM';
    settings.getRange(1, 1, rows.length + 1, width).setValues([title, ...rows] as never);

    const saved = office.rpc.saveSettings({ quietDaysDefault: '60', interestReason: '=Интерес' });
    expect(saved.ok).toBe(true);
    const values = settings.getDataRange().getValues();
    const at = findTable(values, template('settings'))!;
    expect(at.headerIndex).toBe(1);
    const valueOf = (key: string) => values.find((r) => r[at.columns.key] === key)?.[at.columns.value];
    expect(valueOf('quietDaysDefault')).toBe(60);
    expect(valueOf('interestReason')).toBe('=Интерес');
    expect(values[0][0]).toBe('Настройки CRM');
  });
});
