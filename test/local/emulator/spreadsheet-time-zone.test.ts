// Spreadsheet.setSpreadsheetTimeZone: one call; date-time cells keep the wall clock they show (Sheets stores them as
// zone-less serial numbers), so getValues gives that wall clock in the new zone; an unknown zone is refused.

import { CallLog } from 'workspace-emulator';
import { VirtualClock } from 'workspace-emulator';
import { ServiceContext } from 'workspace-emulator';
import { FaultInjector } from 'workspace-emulator';
import { createSpreadsheetApp, UiHost } from 'workspace-emulator';
import { SpreadsheetStore } from 'workspace-emulator';

function setup() {
  const store = SpreadsheetStore.fromJSON(undefined);
  const calls = new CallLog();
  const ctx = new ServiceContext(new VirtualClock('2026-12-01T09:00:00Z'), calls, new FaultInjector(1), {
    email: 'office@example.com',
    locale: 'ru',
    timeZone: 'Europe/Moscow',
  });
  const id = store.create('CRM', { timeZone: 'Europe/Moscow', locale: 'ru' });
  const ss = createSpreadsheetApp(store, ctx, { activeSpreadsheetId: id, ui: new UiHost() }).getActiveSpreadsheet()!;
  return { store, calls, id, ss, sheet: ss.getSheets()[0] };
}

test('the zone changes in one call and a date cell still shows the same wall clock', () => {
  const { store, calls, id, ss, sheet } = setup();
  // 10:00 in Moscow.
  sheet.getRange('A1').setValue(new Date('2026-12-02T07:00:00Z')).setNumberFormat('dd.mm.yyyy hh:mm');
  sheet.getRange('B1').setValue('text');
  expect(sheet.getRange('A1').getDisplayValue()).toBe('02.12.2026 10:00');
  calls.reset();
  expect(ss.setSpreadsheetTimeZone('Asia/Tbilisi')).toBe(ss);
  expect(calls.byService()).toEqual({ 'SpreadsheetApp.Spreadsheet.setSpreadsheetTimeZone': 1 });
  expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Tbilisi');
  expect(store.get(id).timeZone).toBe('Asia/Tbilisi');
  expect(sheet.getRange('A1').getDisplayValue()).toBe('02.12.2026 10:00');
  // 10:00 in Tbilisi (UTC+4) is an hour before 10:00 in Moscow (UTC+3).
  expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-12-02T06:00:00.000Z');
  expect(sheet.getRange('B1').getValue()).toBe('text');
});

test('an unknown zone is refused and nothing changes', () => {
  const { ss } = setup();
  expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow('Invalid argument');
  expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Moscow');
});
