// `crm sheet TITLE`: any CRM sheet as the office sees it, hidden ones included, through the bundle's own function.

import * as fs from 'node:fs';
import { template } from '../../../src/core/sheets/templates';
import { createSpreadsheetApp, UiHost } from 'workspace-emulator';
import { openOffice } from '../../../src/local/office';
import { runCli, tempDir } from './run-cli';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Sheet {
  title: string;
  header: string[];
  rows: string[][];
  formulas: string[][];
}

test('a sheet by its title in any language or its key: header, displayed rows and formulas', async () => {
  const events = template('events');
  const run = await runCli(dir, 'sheet', 'Events', '--json');
  expect(run.code).toBe(0);
  expect(run.json<Sheet>()).toEqual({
    title: events.title.ru,
    header: events.columns.map((c) => c.title.ru),
    rows: [],
    formulas: [],
  });
  for (const name of [events.title.ru, events.title.ka, 'events'])
    expect((await runCli(dir, 'sheet', name, '--json')).json<Sheet>().title).toBe(events.title.ru);
  // Hidden sheets too.
  for (const key of ['importLog', 'importStaging', 'cardIndex'] as const) {
    const hidden = await runCli(dir, 'sheet', template(key).title.en, '--json');
    expect(hidden.code).toBe(0);
    expect(hidden.json<Sheet>().header).toEqual(template(key).columns.map((c) => c.title.ru));
  }
});

test('the header is found below a title row; cells show as displayed, with their formulas', async () => {
  const office = openOffice({ dir });
  office.rpc.runSetup();
  const ws = office.workspace;
  const ss = createSpreadsheetApp(ws.spreadsheets, ws.ctx, {
    activeSpreadsheetId: office.spreadsheetId,
    ui: new UiHost(),
  });
  const lists = ss.openById(office.spreadsheetId).getSheetByName(template('lists').title.ru)!;
  const values = lists.getDataRange().getValues();
  const width = values[0].length;
  const title = ['Справочники офиса', ...new Array(width - 1).fill('')];
  lists.getRange(1, 1, values.length + 1, width).setValues([title, ...values]);
  // Text that looks like a formula, stored as text the way the product writes it (a leading apostrophe).
  lists.getRange(values.length + 2, 1, 1, 2).setValues([["'=1+2", 3]]);
  ws.save();

  const sheet = (await runCli(dir, 'sheet', 'Lists', '--json')).json<Sheet>();
  expect(sheet.header).toEqual(values[0].map(String));
  expect(sheet.rows).toHaveLength(values.length);
  expect(sheet.rows[0]).toEqual(values[1].map(String));
  expect(sheet.rows[values.length - 1].slice(0, 2)).toEqual(['=1+2', '3']);
  expect(sheet.formulas).toHaveLength(values.length);
  expect(sheet.formulas.flat().every((f) => f === '')).toBe(true);
});

test('an unknown title exits 2 with the titles of the CRM sheets', async () => {
  const run = await runCli(dir, 'sheet', 'Invoices', '--json');
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('No CRM sheet "Invoices"');
  expect(run.stderr).toContain(template('events').title.ru);
  expect(run.stderr).toContain(template('cardIndex').title.ru);
  expect((await runCli(dir, 'sheet')).code).toBe(2);
});
