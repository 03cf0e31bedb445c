// Settings → timeZone: setup writes the spreadsheet's zone there when it is blank (and adds the rows an older
// Settings sheet lacks), so the office sees and can change it; saving a new zone sets the spreadsheet's too, so the
// date cells and what the office is shown agree.

import { createSpreadsheetApp, UiHost } from 'workspace-emulator';
import type { Office } from '../../../src/local/office';
import { testOffice } from '../../support/office';

function spreadsheet(office: Office) {
  const ws = office.workspace;
  return createSpreadsheetApp(ws.spreadsheets, ws.ctx, {
    activeSpreadsheetId: office.spreadsheetId,
    ui: new UiHost(),
  }).openById(office.spreadsheetId);
}

const settingsRows = (office: Office) =>
  spreadsheet(office).getSheetByName('Настройки')!.getDataRange().getDisplayValues();
const rowOf = (office: Office, key: string) => settingsRows(office).find((r) => r[0] === key);
const setting = (office: Office, key: string) => office.rpc.getSettingsView().settings.find((s) => s.key === key);

test('setup of a new spreadsheet writes its zone into the timeZone row, with the birthday rows beside it', () => {
  const office = testOffice({ session: { timeZone: 'Asia/Tbilisi' } });
  office.rpc.runSetup();
  expect(rowOf(office, 'timeZone')?.slice(0, 2)).toEqual(['timeZone', 'Asia/Tbilisi']);
  expect(rowOf(office, 'timeZone')?.[2]).toContain('Часовой пояс');
  expect(rowOf(office, 'birthdayReason')?.slice(0, 2)).toEqual(['birthdayReason', 'Поздравление']);
  expect(rowOf(office, 'birthdayHour')?.slice(0, 2)).toEqual(['birthdayHour', '10']);
  expect(setting(office, 'timeZone')).toMatchObject({ value: 'Asia/Tbilisi', isDefault: false });
  // Again: nothing more to write, and no second row.
  office.rpc.runSetup();
  expect(settingsRows(office).filter((r) => r[0] === 'timeZone')).toHaveLength(1);
});

test('setup of an older Settings sheet adds the missing rows and fills a blank zone; a typed one is kept', () => {
  const office = testOffice();
  office.rpc.runSetup();
  const sheet = spreadsheet(office).getSheetByName('Настройки')!;
  // An office set up before these settings existed: its own rows only, a blank timeZone row typed by hand.
  sheet.getDataRange().clearContent();
  sheet.getRange(1, 1, 3, 3).setValues([
    ['Параметр', 'Значение', 'Пояснение'],
    ['defaultCountry', 'GE', ''],
    ['TimeZone', '', ''],
  ]);
  office.rpc.runSetup();
  expect(rowOf(office, 'TimeZone')?.slice(0, 2)).toEqual(['TimeZone', 'Europe/Moscow']);
  expect(rowOf(office, 'defaultCountry')?.[1]).toBe('GE');
  expect(rowOf(office, 'birthdayKind')?.slice(0, 2)).toEqual(['birthdayKind', 'Звонок']);
  expect(settingsRows(office).filter((r) => /^time ?zone$/i.test(r[0]))).toHaveLength(1);

  sheet.getRange(3, 2).setValue('Asia/Almaty');
  office.rpc.runSetup();
  expect(rowOf(office, 'TimeZone')?.[1]).toBe('Asia/Almaty');
});

test('saving a new zone sets the spreadsheet zone in one call; date cells keep what they show', () => {
  const office = testOffice();
  office.rpc.runSetup();
  const events = spreadsheet(office).getSheetByName('События')!;
  events.getRange('A2').setValue(new Date('2026-12-02T07:00:00Z')).setNumberFormat('dd.mm.yyyy hh:mm');
  office.workspace.calls.reset();
  const saved = office.rpc.saveSettings({ timeZone: 'Asia/Tbilisi' });
  expect(saved.ok).toBe(true);
  expect(office.workspace.calls.byService()['SpreadsheetApp.Spreadsheet.setSpreadsheetTimeZone']).toBe(1);
  expect(office.workspace.spreadsheets.get(office.spreadsheetId).timeZone).toBe('Asia/Tbilisi');
  expect(setting(office, 'timeZone')?.value).toBe('Asia/Tbilisi');
  expect(events.getRange('A2').getDisplayValue()).toBe('02.12.2026 10:00');

  // Other settings, or the same zone again, leave the spreadsheet's zone alone (no call).
  office.workspace.calls.reset();
  expect(office.rpc.saveSettings({ defaultCountry: 'GE', timeZone: 'Asia/Tbilisi' }).ok).toBe(true);
  expect(office.workspace.calls.byService()['SpreadsheetApp.Spreadsheet.setSpreadsheetTimeZone']).toBeUndefined();
});

test('an unknown zone is refused in the office language and changes nothing', () => {
  const office = testOffice();
  office.rpc.runSetup();
  const saved = office.rpc.saveSettings({ timeZone: 'Europe/Atlantis' });
  expect(saved.ok).toBe(false);
  if (!saved.ok)
    expect(saved.errors[0]).toMatchObject({ field: 'timeZone', message: expect.stringContaining('Europe/Atlantis') });
  expect(office.workspace.spreadsheets.get(office.spreadsheetId).timeZone).toBe('Europe/Moscow');
});
