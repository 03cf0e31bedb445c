// Rules that hold (issue 13), through the built bundle, with the users Google names and those it leaves blank: who
// may make whom responsible, who may change an event (also through the Gmail add-on's writes), a shared browser's
// "who am I", and the rights the server checks before import, export and the settings.

import { eventRows, eventsOffice, writeRows } from '../events/office';

const DMITRY = { email: 'dmitry@example.com' }; // manager under Ольга (director)
const NINO = { email: 'nino@example.com' }; // manager under Ольга
const IRINA = { email: 'irina@example.com' }; // manager, head of Вера and Пётр
const VERA = { email: 'vera@example.com' }; // specialist under Ирина
const ADMIN = { email: 'admin@example.com' };
const OLGA = { email: 'olga@example.com' }; // director
const STRANGER = { email: 'stranger@example.com' }; // same domain, not on the Staff sheet
const GUEST = { email: 'guest@gmail.com' }; // Google leaves them blank

function office13() {
  const built = eventsOffice();
  writeRows(built.office, 'staff', [
    { name: 'Ирина Волкова', email: IRINA.email, role: 'Менеджер', head: '' },
    { name: 'Вера Мастер', email: VERA.email, role: 'Мастер', head: IRINA.email },
    { name: 'Пётр Седов', email: 'petr@example.com', role: 'Менеджер', head: IRINA.email },
    { name: 'Алла Админ', email: ADMIN.email, role: 'Администратор', head: OLGA.email },
  ]);
  const ws = built.office.workspace;
  const rpc = built.office.rpc;
  // The office account's setup, with the staff listed, makes the directors editors of the protected sheets.
  rpc.runSetup();
  const base = {
    client: built.clients.vip.email,
    kind: 'Звонок',
    reason: 'Заказ',
    planned: true,
    at: '2026-12-05T10:00',
  };
  /** A planned event the office account gives to `manager`. */
  const planFor = (manager: string) => rpc.logEvent({ ...base, manager });
  return { ...built, ws, rpc, base, planFor };
}

describe('making someone responsible', () => {
  test('the office account reassigns with changeEvent too; the director and the administrator anyone', () => {
    const { ws, rpc, planFor } = office13();
    const e = planFor('Дмитрий Ковалёв');
    expect(rpc.changeEvent({ id: e.id, action: 'assign', manager: 'Нино Беридзе' }).event.manager).toBe('Нино Беридзе');
    ws.runAs(OLGA, () => rpc.changeEvent({ id: e.id, action: 'assign', manager: 'Вера Мастер' }));
    ws.runAs(ADMIN, () => rpc.changeEvent({ id: e.id, action: 'assign', manager: 'Пётр Седов' }));
    expect(rpc.getClient({ client: e.clientId }).planned[0].manager).toBe('Пётр Седов');
  });

  test('a head anyone below them, a specialist only themselves, a stranger or a blank user no one', () => {
    const { ws, rpc, base } = office13();
    expect(ws.runAs(IRINA, () => rpc.logEvent({ ...base, manager: 'Вера Мастер' })).manager).toBe('Вера Мастер');
    expect(() => ws.runAs(IRINA, () => rpc.logEvent({ ...base, manager: 'Дмитрий Ковалёв' }))).toThrow(
      /Дмитрий Ковалёв/,
    );
    expect(() => ws.runAs(VERA, () => rpc.logEvent({ ...base, manager: 'Пётр Седов' }))).toThrow(/Пётр Седов/);
    expect(ws.runAs(VERA, () => rpc.logEvent(base)).manager).toBe('Вера Мастер');
    for (const who of [STRANGER, GUEST])
      expect(() => ws.runAs(who, () => rpc.logEvent({ ...base, manager: 'Нино Беридзе' }))).toThrow(/Нино Беридзе/);
  });
});

describe('who may change an event', () => {
  test('a colleague may not mark done, reschedule or cancel another’s event; its manager and their head may', () => {
    const { office, ws, rpc, planFor } = office13();
    const nino = planFor('Нино Беридзе');
    for (const change of [
      { id: nino.id, action: 'done' as const },
      { id: nino.id, action: 'reschedule' as const, at: '2026-12-06T10:00' },
      { id: nino.id, action: 'cancel' as const },
      { id: nino.id, action: 'assign' as const, manager: 'Дмитрий Ковалёв' },
    ])
      expect(() => ws.runAs(DMITRY, () => rpc.changeEvent(change))).toThrow(/Нино Беридзе.*директор/);
    expect(eventRows(office).find((r) => r.id === nino.id)).toMatchObject({ manager: 'Нино Беридзе' });
    const vera = planFor('Вера Мастер');
    const done = ws.runAs(IRINA, () => rpc.changeEvent({ id: vera.id, action: 'done', result: 'пришла' }));
    expect(done.event.status).toBe('done');
    // The undo is a change like any other.
    expect(() => ws.runAs(DMITRY, () => rpc.undoChange(done.undo!))).toThrow(/Вера Мастер/);
    expect(ws.runAs(VERA, () => rpc.undoChange(done.undo!)).event.status).toBe('planned');
    expect(ws.runAs(NINO, () => rpc.changeEvent({ id: nino.id, action: 'cancel' })).event.status).toBe('cancelled');
  });

  test('an unassigned event any staff member; someone not on the staff or blank nothing, told why', () => {
    const { ws, rpc, planFor } = office13();
    const open = planFor('');
    for (const who of [STRANGER, GUEST])
      expect(() => ws.runAs(who, () => rpc.changeEvent({ id: open.id, action: 'done' }))).toThrow(/Сотрудники/);
    expect(ws.runAs(VERA, () => rpc.changeEvent({ id: open.id, action: 'done' })).event.status).toBe('done');
  });

  test('the Gmail add-on’s writes, made by the sheet project for the add-on’s user, follow the same rules', () => {
    const { office, clients, planFor } = office13();
    const props = office.workspace.properties;
    const url = props.peek('gmail', 'script', 'crm.sheet.writeUrl')!;
    const secret = props.peek('sheet', 'script', 'crm.cardIndex.pushSecret')!;
    const post = (body: Record<string, unknown>) =>
      JSON.parse(office.workspace.webApp.post(url, JSON.stringify({ secret, ...body }), 'application/json').text) as {
        ok: boolean;
        error?: string;
      };
    const nino = planFor('Нино Беридзе');
    const change = { id: nino.id, action: 'cancel' };
    expect(post({ actor: DMITRY.email, write: 'changeEvent', args: [change] })).toMatchObject({ ok: false });
    // A blank actor is nobody, not the account the web app runs as.
    expect(post({ actor: '', write: 'changeEvent', args: [change] }).error).toMatch(/Сотрудники/);
    const log = { client: clients.vip.email, kind: 'Звонок', reason: '', manager: 'Нино Беридзе' };
    expect(post({ actor: '', write: 'logEvent', args: [log] }).error).toMatch(/Нино Беридзе/);
    expect(post({ actor: NINO.email, write: 'changeEvent', args: [change] })).toMatchObject({ ok: true });
  });
});

describe('"who am I" in a browser of the shared account', () => {
  test('makes that person the author and the default manager, with their rules; a named user’s choice is ignored', () => {
    const { office, ws, rpc, base, planFor } = office13();
    const mine = rpc.logEvent({ ...base, as: DMITRY.email });
    expect(mine).toMatchObject({ manager: 'Дмитрий Ковалёв', createdBy: DMITRY.email });
    expect(eventRows(office).find((r) => r.id === mine.id)).toMatchObject({ createdBy: DMITRY.email });
    const nino = planFor('Нино Беридзе');
    expect(() => rpc.changeEvent({ id: nino.id, action: 'cancel', as: DMITRY.email })).toThrow(/Нино Беридзе/);
    expect(() => ws.runAs(NINO, () => rpc.logEvent({ ...base, manager: 'Дмитрий Ковалёв', as: OLGA.email }))).toThrow(
      /Дмитрий Ковалёв/,
    );
  });
});

describe('rights the server checks before it does anything', () => {
  test('import, export and settings refuse a manager; the administrator sees the settings but may not change them', () => {
    const { ws, rpc } = office13();
    expect(() => ws.runAs(DMITRY, () => rpc.exportContacts({}))).toThrow(/директора и администратора/);
    expect(() => ws.runAs(DMITRY, () => rpc.getImportSetup(''))).toThrow(/Импорт/);
    expect(() => ws.runAs(DMITRY, () => rpc.undoImport('imp-x'))).toThrow(/Импорт/);
    expect(() => ws.runAs(DMITRY, () => rpc.getSettingsView())).toThrow(/Настройки/);
    expect(() => ws.runAs(STRANGER, () => rpc.runSetup())).toThrow(/Сотрудники/);
    expect(ws.runAs(ADMIN, () => rpc.getSettingsView()).settings.length).toBeGreaterThan(0);
    expect(() => ws.runAs(ADMIN, () => rpc.saveSettings({ quietDaysDefault: '30' }))).toThrow(/директор/);
    expect(ws.runAs(OLGA, () => rpc.saveSettings({ quietDaysDefault: '30' }))).toMatchObject({ ok: true });
  });

  test('a specialist and a stranger may not add or edit clients; a manager may', () => {
    const { ws, rpc, clients, office } = office13();
    const card = rpc.getClient({ client: clients.vip.email }).client;
    const save = () =>
      rpc.saveClient({ resourceName: card.resourceName, etag: card.etag, base: card, changes: { notes: 'VIP!' } });
    const contacts = () => office.workspace.people.allContacts().length;
    const before = contacts();
    expect(() => ws.runAs(VERA, () => rpc.addClient({ from: 'Новый Клиент <new@example.ru>' }))).toThrow(/клиент/);
    expect(() => ws.runAs(STRANGER, () => rpc.addClient({ from: 'Новый Клиент <new@example.ru>' }))).toThrow();
    expect(() => ws.runAs(VERA, save)).toThrow(/клиент/);
    expect(contacts()).toBe(before);
    expect(ws.runAs(DMITRY, () => rpc.addClient({ from: 'Новый Клиент <new@example.ru>' })).created).toBe(true);
    expect(ws.runAs(DMITRY, save).saved).toBe(true);
  });
});

describe('getAccess', () => {
  test('the mode, the role, the rights and — in the shared mode only — the staff to choose from', () => {
    const { ws, rpc } = office13();
    const shared = rpc.getAccess();
    expect(shared).toMatchObject({ mode: 'shared', role: 'office', me: '', onlyOwn: false });
    expect(shared.capabilities).toContain('settingsEdit');
    expect(shared.staff.map((s) => [s.email, s.role])).toContainEqual([VERA.email, 'specialist']);
    expect(rpc.getAccess(DMITRY.email)).toMatchObject({ mode: 'shared', role: 'manager', me: 'Дмитрий Ковалёв' });
    const dmitry = ws.runAs(DMITRY, () => rpc.getAccess(OLGA.email));
    expect(dmitry).toMatchObject({ mode: 'personal', role: 'manager', me: 'Дмитрий Ковалёв', staff: [] });
    expect(dmitry.capabilities).toEqual(['allClients', 'logEvents', 'editClients']);
    expect(ws.runAs(GUEST, () => rpc.getAccess())).toMatchObject({
      mode: 'anonymous',
      role: 'nobody',
      capabilities: [],
    });
  });
});

describe('Settings → onlyOwn', () => {
  test('a manager then sees only their own tasks and clients; a specialist always only their own schedule', () => {
    const { ws, rpc, clients, planFor } = office13();
    planFor('Дмитрий Ковалёв');
    planFor('Нино Беридзе');
    planFor('Вера Мастер');
    const card = rpc.getClient({ client: clients.vip.resourceName }).client;
    rpc.saveClient({
      resourceName: card.resourceName,
      etag: card.etag,
      base: card,
      changes: { manager: 'Дмитрий Ковалёв' },
    });
    const managers = (view: { due: { groups: Array<{ manager: string }> } }) => view.due.groups.map((g) => g.manager);
    const at = '2026-12-05T12:00';
    // Without onlyOwn a manager may look at everyone's; a specialist sees only her own whatever she asks.
    expect(managers(ws.runAs(DMITRY, () => rpc.getReminders({ at, manager: '' })))).toHaveLength(3);
    expect(managers(ws.runAs(VERA, () => rpc.getReminders({ at, manager: '' })))).toEqual(['Вера Мастер']);
    expect(rpc.saveSettings({ onlyOwn: 'да' })).toMatchObject({ ok: true });
    expect(managers(ws.runAs(DMITRY, () => rpc.getReminders({ at, manager: '' })))).toEqual(['Дмитрий Ковалёв']);
    const due = ws.runAs(DMITRY, () => rpc.getDue({ at, days: 7 }));
    expect(due.groups.map((g) => g.manager)).toEqual(['Дмитрий Ковалёв']);
    expect(managers(rpc.getReminders({ at, manager: '', as: NINO.email }))).toEqual(['Нино Беридзе']);
    // Clients: the card's manager field.
    expect(ws.runAs(DMITRY, () => rpc.findClients({ query: '' })).clients.map((c) => c.resourceName)).toEqual([
      clients.vip.resourceName,
    ]);
    expect(ws.runAs(NINO, () => rpc.findClients({ query: '' })).total).toBe(0);
    expect(() => ws.runAs(NINO, () => rpc.getClient({ client: clients.vip.resourceName }))).toThrow(/ваши клиенты/);
    expect(ws.runAs(OLGA, () => rpc.findClients({ query: '' })).total).toBe(3);
    // The quiet list follows it too: Nino has no clients of her own, the director sees the office's quiet ones.
    const quiet = (who: { email: string }) => ws.runAs(who, () => rpc.getQuietClients(at, 1));
    expect(quiet(OLGA).length).toBeGreaterThan(0);
    expect(quiet(NINO)).toEqual([]);
    expect(ws.runAs(NINO, () => rpc.getBirthdays({ at, days: 366 })).total).toBe(0);
    expect(ws.runAs(DMITRY, () => rpc.getAccess()).onlyOwn).toBe(true);
  });
});
