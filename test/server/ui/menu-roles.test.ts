// Each role's CRM menu, through the built bundle. The simple onOpen knows only the owner (the office account): they
// get the whole menu, anyone Google blanks there gets what anyone may use; the first sidebar opened (getAccess, an
// authorised run) redraws the menu for the person's role; an item chosen anyway is checked again and refused in the
// office's language, opening nothing.

import { invokeEntryPoint } from '../../../src/local/gas/server-rpc';
import type { Office } from '../../../src/local/office';
import { eventsOffice, writeRows } from '../events/office';

const DMITRY = { email: 'dmitry@example.com' }; // Менеджер
const OLGA = { email: 'olga@example.com' }; // Руководитель
const SVETA = { email: 'sveta@example.com' };
const ADMIN = { email: 'admin@example.com' };

function office(): Office {
  const { office } = eventsOffice();
  writeRows(office, 'staff', [
    { name: 'Светлана Мастер', email: SVETA.email, role: 'Мастер', head: '', dailyDigest: false },
    { name: 'Алла Админ', email: ADMIN.email, role: 'Администратор', head: '', dailyDigest: false },
  ]);
  return office;
}

const captions = (o: Office) =>
  o.sheet.ui.menus[0].items.flatMap((i) => ('functionName' in i ? [String(i.functionName)] : []));

function open(o: Office): string[] {
  const run = invokeEntryPoint(o.sheet, 'onOpen', [{ authMode: 'LIMITED' }], 'simple-trigger');
  if (run.error) throw run.error;
  return captions(o);
}

// CRM → Telephony… is for every role too (each may log events: the callback list's right).
const EVERYONE = ['openRemindersSidebar', 'openClientsSidebar', 'openCallsSidebar'];
const REPORTS = ['refreshReportsSheet', 'refreshDashboardSheet'];
// CRM → Backup… needs the `import` right (the whole base, like an export): the administrator has it too.
const BACKUP = 'openBackupSidebar';
// CRM → Mailing… writes to many clients at once: the office, the director and the administrator (`mailings`).
const MAILING = 'openMailingSidebar';
const ALL = [...EVERYONE, MAILING, 'openImportSidebar', ...REPORTS, BACKUP, 'openSettingsSidebar', 'setupCrm'];

test('onOpen: the owner gets the whole menu; a colleague, blank there, the items anyone may use', () => {
  const o = office();
  expect(open(o)).toEqual(ALL);
  expect(o.workspace.runAs(DMITRY, () => open(o))).toEqual(EVERYONE);
});

test('the first sidebar redraws the menu for the role: manager, specialist, administrator, director', () => {
  const o = office();
  const ws = o.workspace;
  const menuAfterSidebar = (user: { email: string }) =>
    ws.runAs(user, () => {
      open(o);
      o.rpc.getAccess();
      return captions(o);
    });
  expect(menuAfterSidebar(DMITRY)).toEqual(EVERYONE);
  expect(menuAfterSidebar(SVETA)).toEqual(EVERYONE);
  // An administrator reads Settings but does not change them or run setup.
  // An administrator also sees the Reports and the Dashboard.
  expect(menuAfterSidebar(ADMIN)).toEqual([
    ...EVERYONE,
    MAILING,
    'openImportSidebar',
    ...REPORTS,
    BACKUP,
    'openSettingsSidebar',
  ]);
  expect(menuAfterSidebar(OLGA)).toEqual(ALL);
  // The shared account choosing to be a specialist in its browser: the menu follows the choice (a convenience).
  o.rpc.getAccess(SVETA.email);
  expect(captions(o)).toEqual(EVERYONE);
  o.rpc.getAccess();
  expect(captions(o)).toEqual(ALL);
});

test('an item the role may not use, chosen anyway (an old menu), opens nothing and says why in the office language', () => {
  const o = office();
  const ui = o.sheet.ui;
  for (const item of ['openImportSidebar', BACKUP, 'openSettingsSidebar', 'setupCrm']) {
    ui.sidebar = undefined;
    ui.toasts.length = 0;
    const run = o.workspace.runAs(DMITRY, () => o.sheet.invoke(item, []));
    expect(run.error).toBeUndefined();
    expect(ui.sidebar).toBeUndefined();
    expect(ui.toasts.map((t) => t.message).join('\n')).toMatch(/недоступно для вашей роли \(менеджер\)/);
  }
  // The administrator opens Settings but may not run setup.
  ui.toasts.length = 0;
  expect(o.workspace.runAs(ADMIN, () => o.sheet.invoke('openSettingsSidebar', [])).error).toBeUndefined();
  expect(ui.sidebar?.title).toBe('Настройки CRM');
  o.workspace.runAs(ADMIN, () => o.sheet.invoke('setupCrm', []));
  expect(ui.toasts.map((t) => t.message).join('\n')).toMatch(/администратор/);
  // The owner opens everything.
  ui.sidebar = undefined;
  o.sheet.invoke('openImportSidebar', []);
  expect(ui.sidebar).toBeDefined();
});

test('getAccess tells each mode and role apart', () => {
  const o = office();
  const ws = o.workspace;
  const shared = o.rpc.getAccess();
  expect(shared).toMatchObject({ mode: 'shared', role: 'office', me: '' });
  expect(shared.staff.map((s) => s.role)).toEqual(['director', 'manager', 'manager', 'specialist', 'administrator']);
  expect(o.rpc.getAccess(SVETA.email)).toMatchObject({ mode: 'shared', role: 'specialist', me: 'Светлана Мастер' });
  expect(ws.runAs(DMITRY, () => o.rpc.getAccess(OLGA.email))).toMatchObject({
    mode: 'personal',
    role: 'manager',
    staff: [],
  });
  expect(ws.runAs({ email: 'guest@gmail.com' }, () => o.rpc.getAccess())).toMatchObject({
    mode: 'anonymous',
    role: 'nobody',
    capabilities: [],
  });
});
