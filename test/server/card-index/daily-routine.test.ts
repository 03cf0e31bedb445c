// The daily routine: setup installs two time-driven triggers once and only once; the refresh trigger rebuilds the
// card index; the morning trigger mails each opted-in manager their own due list, in the office's language.

import { clockTriggerEvent, dueTriggers } from 'workspace-emulator';
import type { Office } from '../../../src/local/office';
import { call, testOffice } from '../../support/office';
import { locateColumns } from '../../../src/core/sheets/template';
import { template } from '../../../src/core/sheets/templates';
import { appendRows, crmSheetOf, DAY, seedClients, sheetValues } from './support';

const SHARED = 'office@example.com';

/** Runs every trigger due from now to `toMs` at its time, as Apps Script's scheduler would; returns what fired. */
function runTriggersUntil(office: Office, toMs: number): string[] {
  const ws = office.workspace;
  const fired: string[] = [];
  for (const due of dueTriggers(ws.triggers, ws.clock.now(), toMs)) {
    ws.clock.set(due.at);
    const run = office.sheet.invoke(due.handler, [clockTriggerEvent(due)]);
    if (run.error) throw run.error;
    fired.push(due.handler);
  }
  ws.clock.set(toMs);
  return fired;
}

describe('installing the triggers', () => {
  test('setup installs a refresh every 4 hours and a digest at 8:00 in the office zone, and never a second one', () => {
    const office = testOffice();
    office.rpc.runSetup();
    office.rpc.runSetup();
    office.rpc.runSetup();
    const triggers = office.workspace.triggers.of('sheet', SHARED);
    expect(triggers.map((t) => t.handler).sort()).toEqual([
      'backupTrigger',
      'morningDigestTrigger',
      'onEventsChange',
      'refreshIndexTrigger',
      'refreshReportsTrigger',
    ]);
    // Hand edits of the Events sheet: an installable onChange on the CRM spreadsheet (events/hand-edits.ts).
    expect(triggers.find((t) => t.handler === 'onEventsChange')?.spreadsheet).toEqual({
      id: office.spreadsheetId,
      event: 'ON_CHANGE',
    });
    expect(triggers.find((t) => t.handler === 'refreshIndexTrigger')?.schedule).toMatchObject({
      kind: 'hours',
      every: 4,
    });
    const digest = triggers.find((t) => t.handler === 'morningDigestTrigger')!;
    expect(digest.schedule).toMatchObject({ kind: 'days', every: 1, atHour: 8 });
    expect(digest.timeZone).toBe('Europe/Moscow');
    // The Reports sheet and the Dashboard each night, in the office's zone.
    const reports = triggers.find((t) => t.handler === 'refreshReportsTrigger')!;
    expect(reports.schedule).toMatchObject({ kind: 'days', every: 1, atHour: 2 });
    expect(reports.timeZone).toBe('Europe/Moscow');
    // The nightly backup at Settings → backupHour (3:00 by default), in the office's zone.
    const backup = triggers.find((t) => t.handler === 'backupTrigger')!;
    expect(backup.schedule).toMatchObject({ kind: 'days', every: 1, atHour: 3 });
    expect(backup.timeZone).toBe('Europe/Moscow');
    expect(office.workspace.triggers.of('gmail', SHARED)).toEqual([]);
  });

  test('the nightly backup moves to a new Settings → backupHour, and stays one trigger', () => {
    const office = testOffice();
    office.rpc.runSetup();
    const saved = office.rpc.saveSettings({ backupHour: '1' });
    expect(saved.ok).toBe(true);
    const backups = () => office.workspace.triggers.of('sheet', SHARED).filter((t) => t.handler === 'backupTrigger');
    expect(backups().map((t) => t.schedule)).toEqual([expect.objectContaining({ kind: 'days', atHour: 1 })]);
    office.rpc.runSetup();
    office.rpc.saveSettings({ backupHour: '1' });
    expect(backups()).toHaveLength(1);
  });

  test('a colleague running setup later adds no triggers of their own (every manager would get two digests)', () => {
    const office = testOffice();
    office.rpc.runSetup();
    office.workspace.ctx.session.email = 'colleague@example.com';
    try {
      office.rpc.runSetup();
    } finally {
      office.workspace.ctx.session.email = SHARED;
    }
    expect(office.workspace.triggers.all().map((t) => t.owner)).toEqual([SHARED, SHARED, SHARED, SHARED, SHARED]);
  });
});

describe('the triggers at work', () => {
  let office: Office;
  const start = Date.parse('2026-03-02T09:00:00+03:00');
  const at = (iso: string) => new Date(iso);

  beforeAll(() => {
    office = testOffice();
    office.rpc.runSetup();
    appendRows(office, 'staff', [
      { name: 'Анна Смирнова', email: 'anna@office.example', role: 'Менеджер', dailyDigest: true },
      { name: 'Олег Петров', email: 'Oleg@Office.example', role: 'Менеджер', dailyDigest: 'да' },
      { name: 'Мария Козлова', email: 'maria@office.example', role: 'Менеджер', dailyDigest: false },
      { name: 'Без почты', email: '', role: 'Менеджер', dailyDigest: true },
    ]);
    const ev = (
      id: string,
      date: string,
      client: string,
      manager: string,
      status: string,
      kind = 'Звонок',
      reason = 'Оплата',
    ) => ({
      id,
      date: at(date),
      kind,
      reason,
      client,
      phone: `'+7 912 000-00-${id.slice(-2)}`,
      manager,
      status,
    });
    appendRows(office, 'events', [
      ev('E-01', '2026-03-01T15:00:00+03:00', 'Клиент Просроченный', 'Анна Смирнова', 'план'),
      ev('E-02', '2026-03-03T12:30:00+03:00', 'Клиент Сегодняшний', 'Анна Смирнова', 'план', 'Встреча', 'Заказ'),
      ev('E-03', '2026-03-04T10:00:00+03:00', 'Клиент Завтрашний', 'Анна Смирнова', 'план'),
      ev('E-04', '2026-03-02T10:00:00+03:00', 'Клиент Сделанный', 'Анна Смирнова', 'сделано'),
      ev('E-05', '2026-03-01T11:00:00+03:00', 'Клиент Отменённый', 'Анна Смирнова', 'отменено'),
      ev('E-06', '2026-03-03T17:00:00+03:00', 'Клиент Олега', 'oleg@office.example', 'план'),
      ev('E-07', '2026-03-03T11:00:00+03:00', 'Клиент Марии', 'Мария Козлова', 'план'),
      ev('E-08', '2026-03-03T11:00:00+03:00', 'Клиент Ничей', '', 'план'),
    ]);
  });

  test('the refresh trigger picks up contacts added since setup', () => {
    seedClients(office, 3);
    expect(call(office.sheet, 'lookupClientIndex_', 'client2@example.ru')).toBeNull();
    const refresh = office.workspace.triggers.all().find((t) => t.handler === 'refreshIndexTrigger')!;
    const fired = runTriggersUntil(office, refresh.createdAt + 4 * 3_600_000);
    expect(fired).toEqual(['refreshIndexTrigger']);
    expect(call(office.sheet, 'lookupClientIndex_', 'client2@example.ru')).toMatchObject({
      name: 'Клиент2 Иван',
      labels: [],
    });
  });

  test('a contact deleted in Google Contacts leaves the index at the next refresh', () => {
    const gone = office.workspace.people
      .records()
      .find((c) => c.data.emailAddresses?.[0]?.value === 'client1@example.ru')!;
    office.workspace.people.deleteByUser(gone.resourceName, office.workspace.clock.now());
    const fired = runTriggersUntil(office, office.workspace.clock.now() + 4 * 3_600_000);
    expect(fired).toContain('refreshIndexTrigger');
    expect(call(office.sheet, 'lookupClientIndex_', 'client1@example.ru')).toBeNull();
    expect(call(office.sheet, 'clientIndexStats_')).toMatchObject({ clients: 2, keys: 4 });
    const rows = sheetValues(office, 'cardIndex').filter((r) => r.some((c) => c !== ''));
    expect(rows).toHaveLength(3);
  });

  test('the morning digest mails each opted-in manager their overdue and today items only', () => {
    const fired = runTriggersUntil(office, start + DAY);
    expect(fired.filter((h) => h === 'morningDigestTrigger')).toHaveLength(1);
    const sent = office.workspace.gmail.sent();
    expect(sent.map((m) => m.to).sort()).toEqual(['anna@office.example', 'oleg@office.example']);
    // 8:00 in Moscow.
    for (const m of sent) expect(new Date(m.date).toISOString()).toMatch(/^2026-03-03T05:00:/);

    const anna = sent.find((m) => m.to === 'anna@office.example')!;
    expect(anna.subject).toBe('CRM: ваши дела на 03.03.2026');
    expect(anna.htmlBody).toBeUndefined();
    const body = anna.plainBody;
    expect(body).toContain('Доброе утро, Анна Смирнова! На сегодня и просрочено: 2.');
    expect(body).toContain(
      'Просрочено (1):\n• 01.03.2026 15:00 — Клиент Просроченный, +7 912 000-00-01 — Звонок: Оплата',
    );
    expect(body).toContain('Сегодня (1):\n• 12:30 — Клиент Сегодняшний, +7 912 000-00-02 — Встреча: Заказ');
    for (const other of ['Завтрашний', 'Сделанный', 'Отменённый', 'Олега', 'Марии', 'Ничей'])
      expect(body).not.toContain(other);

    const oleg = sent.find((m) => m.to === 'oleg@office.example')!;
    expect(oleg.plainBody).toContain('• 17:00 — Клиент Олега');
    expect(oleg.plainBody).not.toContain('Просрочено');

    const logged = office.workspace.log
      .entries()
      .map((e) => e.message)
      .join('\n');
    expect(logged).not.toMatch(/Клиент|anna@|oleg@|\+7 912/);
  });

  test('a manager with nothing due gets no mail, and the next morning repeats only what is still due', () => {
    // Oleg did his call: the office marks it done by hand in the sheet.
    const values = sheetValues(office, 'events');
    const status = locateColumns(template('events'), values[0]).status;
    const row = values.findIndex((r) => r[0] === 'E-06') + 1;
    office.workspace.spreadsheets.editByUser(
      office.spreadsheetId,
      crmSheetOf(office, 'events').getName(),
      row,
      status + 1,
      'сделано',
    );
    const before = office.workspace.gmail.sent().length;
    runTriggersUntil(office, start + 2 * DAY);
    const next = office.workspace.gmail.sent().slice(0, office.workspace.gmail.sent().length - before);
    expect(next.map((m) => m.to)).toEqual(['anna@office.example']);
    const anna = next.find((m) => m.to === 'anna@office.example')!;
    expect(anna.plainBody).toContain('Просрочено (2):');
    expect(anna.plainBody).toContain('Сегодня (1):\n• 10:00 — Клиент Завтрашний');
  });
});
