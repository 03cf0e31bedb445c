// The sandbox's Sheets page lets a person type into a cell; the edit goes through workspace.sheetsUser, so the bound
// project's onEdit runs as it would in Sheets.

import * as path from 'node:path';
import { Workspace } from 'workspace-emulator';
import { loadProject } from 'workspace-emulator';
import type { Office } from '../../../src/local/office';
import { SandboxApi } from '../../../src/local/sandbox/api';

const FIXTURE = path.join(__dirname, '../../fixtures/edit-triggers');

function sandbox() {
  const workspace = Workspace.inMemory({ clockStart: '2026-03-02T09:00:00Z' });
  const spreadsheetId = workspace.spreadsheets.create('CRM', { timeZone: 'Europe/Moscow', locale: 'ru' });
  workspace.spreadsheets.renameByUser(spreadsheetId, 'Лист1', 'Data');
  workspace.sheetsUser.insertSheet(spreadsheetId, 'Log');
  const sheet = loadProject(workspace, FIXTURE, { project: 'sheet', boundSpreadsheetId: spreadsheetId });
  // SandboxApi.editCell needs only the workspace, the spreadsheet and the bound project.
  const office = { workspace, sheet, spreadsheetId } as unknown as Office;
  return { workspace, spreadsheetId, api: new SandboxApi(office) };
}

test('typing into a cell stores Sheets’ reading of the text and runs onEdit', () => {
  const { workspace, spreadsheetId, api } = sandbox();
  expect(api.editCell('Data', 'B3', '42')).toEqual({ ok: true, fired: [{ handler: 'onEdit' }] });
  expect(workspace.spreadsheets.values(spreadsheetId, 'Data')[2][1]).toBe(42);
  // A formula is kept as one (the emulation evaluates none and shows #ERROR!).
  expect(api.editCell('Data', 'C3', '=1+1').ok).toBe(true);
  expect(workspace.spreadsheets.values(spreadsheetId, 'Data')[2][2]).toBe('#ERROR!');
  expect(workspace.spreadsheets.values(spreadsheetId, 'Log')).toEqual([['edited B3'], ['edited C3']]);
});

test('a trigger that fails is reported with the edit; a refused edit fires nothing', () => {
  const { workspace, spreadsheetId, api } = sandbox();
  const slow = api.editCell('Data', 'A1', 'slow');
  expect(slow.fired).toEqual([
    { handler: 'onEdit', error: { name: 'Exception', message: 'Exceeded maximum execution time' } },
  ]);
  const outside = api.editCell('Data', 'A2000', 'x');
  expect(outside.ok).toBe(false);
  expect(outside.fired).toEqual([]);
  expect(workspace.spreadsheets.values(spreadsheetId, 'Log')).toEqual([['edited A1']]);
});
