// The Settings sheet as offices really edit it — keys typed in another case, a title row above the header, a value
// that is not allowed — read by the one reader wherever the server needs a setting.

import { createPeople } from 'workspace-emulator';
import { createSpreadsheetApp, UiHost } from 'workspace-emulator';
import type { Office } from '../../../src/local/office';
import { eventsOffice, liveCalendarEvents, logEvent } from '../events/office';

function settingsSheet(office: Office) {
  const ws = office.workspace;
  const ss = createSpreadsheetApp(ws.spreadsheets, ws.ctx, {
    activeSpreadsheetId: office.spreadsheetId,
    ui: new UiHost(),
  }).openById(office.spreadsheetId);
  return ss.getSheetByName('Настройки')!;
}

/** The office retypes the rows by hand, keys in its own spelling, maybe with a title line above the header. */
function retype(office: Office, rows: Array<[string, string | number]>, title?: string): void {
  const sheet = settingsSheet(office);
  sheet.getDataRange().clearContent();
  const header = ['Параметр', 'Значение', 'Пояснение'];
  const values = [...(title ? [[title, '', '']] : []), header, ...rows.map(([k, v]) => [k, v, ''])];
  sheet.getRange(1, 1, values.length, 3).setValues(values);
  office.workspace.calls.reset();
}

test('keys written in any case are read everywhere: the import, the event log and the view', () => {
  const { office } = eventsOffice();
  retype(
    office,
    [
      [' DefaultCountry ', 'ge'],
      ['QUIET DAYS DEFAULT', 'soon'],
    ],
    'Настройки нашего офиса',
  );
  expect(office.rpc.getImportSetup('x').defaultCountry).toBe('GE');
  // A number written the Georgian national way finds the client stored with +995.
  const ws = office.workspace;
  const nino = createPeople(ws.people, ws.ctx).People!.createContact(
    { names: [{ givenName: 'Нино' }], phoneNumbers: [{ value: '+995 555 12 34 56' }] },
    { personFields: 'names' },
  );
  const logged = logEvent(office, { client: '555 12 34 56', kind: 'Звонок', reason: '' });
  expect(logged.clientId).toBe(nino.resourceName);
  const view = office.rpc.getSettingsView();
  expect(view.defaultCountry).toBe('GE');
  const quiet = view.settings.find((s) => s.key === 'quietDaysDefault')!;
  expect(quiet).toMatchObject({ value: 90, default: 90, isDefault: true });
  expect(quiet.problem).toContain('soon');
});

test('saving changes the row the office wrote, in place, and refuses what the rules refuse', () => {
  const { office } = eventsOffice();
  retype(office, [['defaultcountry', 'KZ']]);
  const saved = office.rpc.saveSettings({ defaultCountry: 'ge', language: '' });
  expect(saved.ok && saved.view.defaultCountry).toBe('GE');
  const values = settingsSheet(office).getDataRange().getValues();
  expect(values.filter((r) => String(r[0]).toLowerCase() === 'defaultcountry')).toEqual([['defaultcountry', 'GE', '']]);
  expect(office.rpc.saveSettings({ defaultCountry: 'XX', language: 'fr' })).toEqual({
    ok: false,
    errors: [
      { field: 'defaultCountry', message: expect.stringContaining('XX') },
      { field: 'language', message: expect.stringContaining('fr') },
    ],
  });
  expect(office.rpc.getSettingsView().defaultCountry).toBe('GE');
});

test("a planned event's calendar reminders follow the Settings", () => {
  const { office, clients } = eventsOffice();
  retype(office, [
    ['reminderPopupMinutes', 15],
    ['Reminder e-mail minutes', '1440'],
  ]);
  const at = new Date(Math.floor(office.workspace.clock.now() / 60_000) * 60_000 + 86_400_000).toISOString();
  logEvent(office, { client: clients.vip.email, kind: 'Звонок', reason: '', at, planned: true });
  const [event] = liveCalendarEvents(office);
  expect(event).toMatchObject({ popupReminders: [15], emailReminders: [1440] });
});

test('a changed language applies to the CRM menu at once, not after a reload', () => {
  const { office } = eventsOffice();
  office.sheet.invoke('onOpen', [{}], 'simple-trigger');
  const captions = () =>
    office.sheet.ui.menus.flatMap((m) => m.items.flatMap((i) => ('caption' in i ? [i.caption] : [])));
  const russian = captions();
  expect(office.rpc.saveSettings({ language: 'en' }).ok).toBe(true);
  expect(office.sheet.ui.menus).toHaveLength(1);
  expect(captions()).not.toEqual(russian);
  expect(captions().join(' ')).toMatch(/Reminders/);
});
