// The Staff, Lists and Settings sheets are protected (setup / repair, Protection API): only the office account and the
// directors on the Staff sheet edit them, by the product, a script or typing. A manager signed in with their own
// account (same domain, so Google names them) still does their work in the unprotected sheets.

import { ProtectedEditRefused } from 'workspace-emulator';
import { sheetValues } from '../card-index/support';
import { eventsOffice } from '../events/office';
import { actionsOf, gmailOffice, openCard, runAction } from '../gmail/support';

const DMITRY = { email: 'dmitry@example.com' }; // manager
const OLGA = { email: 'olga@example.com' }; // director ("Руководитель")

function protectedOffice() {
  const built = eventsOffice();
  // eventsOffice wrote the Staff rows after its setup: the next setup (or a saved setting) names the directors.
  built.office.rpc.runSetup();
  return built;
}

test('setup protects Staff, Lists and Settings for the office account and the directors only', () => {
  const { office } = protectedOffice();
  const protections = office.workspace.spreadsheets.protections(office.spreadsheetId);
  expect(protections.map((p) => [p.sheet, p.type, p.domainEdit, p.warningOnly])).toEqual([
    ['Сотрудники', 'SHEET', false, false],
    ['Справочники', 'SHEET', false, false],
    ['Настройки', 'SHEET', false, false],
  ]);
  for (const p of protections) expect([...p.editors].sort()).toEqual(['office@example.com', OLGA.email]);
  // A second run changes nothing: one protection per sheet, the same editors.
  office.rpc.runSetup();
  expect(office.workspace.spreadsheets.protections(office.spreadsheetId)).toEqual(protections);
});

test('a manager cannot promote themselves, neither through the product nor by typing; the director can', () => {
  const { office } = protectedOffice();
  const ws = office.workspace;
  const role = 'C3'; // Дмитрий's Role cell (name, e-mail, role…)
  expect(() =>
    ws.runAs(DMITRY, () => ws.sheetsUser.edit(office.spreadsheetId, 'Сотрудники', role, [['Директор']])),
  ).toThrow(ProtectedEditRefused);
  expect(() => ws.runAs(DMITRY, () => office.rpc.saveSettings({ onlyOwn: 'нет' }))).toThrow(/директор/);
  expect(() => ws.runAs(DMITRY, () => ws.sheetsUser.edit(office.spreadsheetId, 'Настройки', 'B2', [['GE']]))).toThrow(
    ProtectedEditRefused,
  );
  expect(ws.runAs(DMITRY, () => office.rpc.getAccess()).role).toBe('manager');
  ws.runAs(OLGA, () => ws.sheetsUser.edit(office.spreadsheetId, 'Сотрудники', role, [['Директор']]));
  expect(ws.runAs(DMITRY, () => office.rpc.getAccess()).role).toBe('director');
  // Typed in by the director, the new director edits the protected sheets at once (the simple onEdit).
  for (const p of ws.spreadsheets.protections(office.spreadsheetId)) expect(p.editors).toContain(DMITRY.email);
  ws.runAs(DMITRY, () => ws.sheetsUser.edit(office.spreadsheetId, 'Настройки', 'B2', [['GE']]));
});

test('a manager’s own work is in unprotected sheets: logging and changing their events still goes', () => {
  const { office, clients } = protectedOffice();
  const ws = office.workspace;
  const logged = ws.runAs(DMITRY, () =>
    office.rpc.logEvent({ client: clients.vip.email, kind: 'Звонок', reason: 'Заказ', planned: true }),
  );
  expect(logged.manager).toBe('Дмитрий Ковалёв');
  expect(ws.runAs(DMITRY, () => office.rpc.changeEvent({ id: logged.id, action: 'done' })).event.status).toBe('done');
});

test('a director added through the product becomes an editor of the protected sheets at once', () => {
  const { office } = protectedOffice();
  const added = office.sheet.invoke('addStaffMember_', [
    { name: 'Анна Новая', email: 'anna@example.com', role: 'director', head: '' },
  ]);
  if (added.error) throw added.error;
  for (const p of office.workspace.spreadsheets.protections(office.spreadsheetId))
    expect(p.editors).toContain('anna@example.com');
});

test('"Open in the CRM" by a colleague writes their record in the rows the protection leaves open', () => {
  const o = gmailOffice(130); // the known sender is client 125
  const ws = o.office.workspace;
  const settings = ws.spreadsheets.protections(o.office.spreadsheetId).find((p) => p.sheet === 'Настройки')!;
  expect(settings.unprotected[0]).toMatch(/^A101:/);
  // The button as the office account's card offers it, clicked by Дмитрий (his add-on runs as him).
  const action = actionsOf(openCard(o, o.messages.known).card).gmailOpenInCrm;
  const { response } = ws.runAs(DMITRY, () => runAction(o, o.messages.known, action));
  expect(response.openLink).toContain(o.office.spreadsheetId);
  const rows = sheetValues(o.office, 'settings');
  const at = rows.findIndex((r) => r[0] === 'openInCrm');
  expect(at + 1).toBeGreaterThanOrEqual(101);
  expect(JSON.parse(String(rows[at][1]))).toMatchObject({ user: DMITRY.email });
  // A key typed in those open rows is no setting.
  ws.runAs(DMITRY, () => ws.sheetsUser.edit(o.office.spreadsheetId, 'Настройки', 'A150:B150', [['onlyOwn', 'да']]));
  expect(o.office.rpc.getAccess().onlyOwn).toBe(false);
});
