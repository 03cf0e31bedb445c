// The Reminders sidebar's day from a terminal: `crm due` for today / tomorrow / the week by manager, `crm birthdays`,
// and `crm done | cancel | reschedule` with `crm undo-last` reverting the last of them, once. Every --at is office time.

import * as fs from 'node:fs';
import { locateColumns } from '../../../src/core/sheets/template';
import { template } from '../../../src/core/sheets/templates';
import { createSpreadsheetApp, UiHost } from 'workspace-emulator';
import { openOffice } from '../../../src/local/office';
import type { BirthdayView, DueEventView, DueGroup, EventPatch } from '../../../src/shared/events-dto';
import { runCli, tempDir } from './run-cli';

interface Due {
  at: string;
  timeZone: string;
  from: string;
  to: string;
  days: number;
  manager: string;
  count: number;
  overdue: number;
  events: DueEventView[];
  byManager: DueGroup[];
}

let dir: string;
/** Event ids by what they are. */
const ids: Record<string, string> = {};
const NOW = '2026-12-02T09:00';

beforeEach(async () => {
  dir = tempDir();
  expect((await runCli(dir, 'settings', '--json')).code).toBe(0);
  const office = openOffice({ dir });
  const ws = office.workspace;
  const ss = createSpreadsheetApp(ws.spreadsheets, ws.ctx, {
    activeSpreadsheetId: office.spreadsheetId,
    ui: new UiHost(),
  }).openById(office.spreadsheetId);
  const staff = ss.getSheetByName(template('staff').title.ru)!;
  const at = locateColumns(template('staff'), staff.getRange(1, 1, 1, staff.getLastColumn()).getValues()[0]);
  staff.getRange(2, at.name + 1, 2, 1).setValues([['Ольга Смирнова'], ['Нино Беридзе']]);
  ws.people.seed(
    [
      {
        names: [{ familyName: 'Зайцева', givenName: 'Вера' }],
        phoneNumbers: [{ value: '+7 912 100-00-01' }],
        birthdays: [{ date: { year: 1990, month: 12, day: 3 } }],
      },
      {
        names: [{ familyName: 'Орлов', givenName: 'Илья' }],
        phoneNumbers: [{ value: '+7 912 100-00-02' }],
        birthdays: [{ date: { month: 12, day: 20 } }],
      },
    ],
    ws.clock.now(),
  );
  const index = office.sheet.invoke('refreshIndexTrigger', [{}]);
  if (index.error) throw index.error;
  ws.save();
  const plan = async (key: string, when: string, manager: string) => {
    const run = await runCli(
      dir,
      'log',
      '--client',
      key,
      '--no-client',
      '--kind',
      'Звонок',
      '--reason',
      'Запись',
      '--planned',
      '--at',
      when,
      '--manager',
      manager,
    );
    expect(run.code).toBe(0);
    ids[key] = run.json<{ id: string }>().id;
  };
  await plan('overdue', '2026-12-01T15:00', 'Ольга Смирнова');
  await plan('today', '2026-12-02T10:00', 'Ольга Смирнова');
  await plan('today-nino', '2026-12-02T18:30', 'Нино Беридзе');
  await plan('tomorrow', '2026-12-03T11:00', 'Нино Беридзе');
  await plan('week', '2026-12-06T12:00', 'Ольга Смирнова');
  await plan('later', '2026-12-20T12:00', 'Ольга Смирнова');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const due = async (...args: string[]) => {
  const run = await runCli(dir, 'due', '--at', NOW, ...args, '--json');
  expect(run.code).toBe(0);
  return run.json<Due>();
};
const names = (d: Due) => d.events.map((e) => e.client);

test('due: today and overdue, then tomorrow, then the week ahead, sorted by time, in office time', async () => {
  const today = await due();
  expect(today).toMatchObject({
    at: '2026-12-02T06:00:00.000Z',
    timeZone: 'Europe/Moscow',
    from: '2026-12-02',
    to: '2026-12-02',
    days: 0,
    count: 3,
    overdue: 1,
  });
  expect(names(today)).toEqual(['overdue', 'today', 'today-nino']);
  expect(today.events[0]).toMatchObject({ overdue: true, day: '2026-12-01' });
  expect(today.byManager.map((g) => [g.manager, g.events.map((e) => e.client)]).sort()).toEqual([
    ['Нино Беридзе', ['today-nino']],
    ['Ольга Смирнова', ['overdue', 'today']],
  ]);
  expect(names(await due('--days', '1'))).toEqual(['overdue', 'today', 'today-nino', 'tomorrow']);
  const week = await due('--days', '7');
  expect(week).toMatchObject({ from: '2026-12-02', to: '2026-12-09', count: 5 });
  expect(names(week)).toEqual(['overdue', 'today', 'today-nino', 'tomorrow', 'week']);
  expect(names(await due('--days', '7', '--manager', 'Нино Беридзе'))).toEqual(['today-nino', 'tomorrow']);
});

test('due and birthdays refuse a malformed --days or --at with exit 2', async () => {
  for (const args of [
    ['--days', '-1'],
    ['--days', 'week'],
    ['--days', '400'],
    ['--at', 'tomorrow'],
  ])
    expect((await runCli(dir, 'due', ...args, '--json')).code).toBe(2);
  expect((await runCli(dir, 'birthdays', '--days', '0', '--json')).code).toBe(2);
});

test('birthdays: today and this week, with the day and the age', async () => {
  const run = await runCli(dir, 'birthdays', '--at', NOW, '--days', '7', '--json');
  expect(run.code).toBe(0);
  const out = run.json<{ count: number; days: number; timeZone: string; birthdays: BirthdayView[] }>();
  expect(out).toMatchObject({ count: 1, days: 7, timeZone: 'Europe/Moscow' });
  expect(out.birthdays[0]).toMatchObject({ name: expect.stringContaining('Зайцева'), day: '2026-12-03', age: 36 });
  const month = (await runCli(dir, 'birthdays', '--at', NOW, '--days', '30', '--json')).json<{ count: number }>();
  expect(month.count).toBe(2);
});

test('done leaves the list; undo-last brings it back, once', async () => {
  const done = await runCli(dir, 'done', ids.today, '--result', 'Записана на стрижку');
  expect(done.code).toBe(0);
  expect(done.json<EventPatch>()).toMatchObject({
    open: false,
    event: { status: 'done', result: 'Записана на стрижку' },
  });
  expect(names(await due())).toEqual(['overdue', 'today-nino']);

  const undone = await runCli(dir, 'undo-last');
  expect(undone.code).toBe(0);
  expect(undone.json<EventPatch>()).toMatchObject({ open: true, event: { id: ids.today, status: 'planned' } });
  expect(names(await due())).toEqual(['overdue', 'today', 'today-nino']);

  const again = await runCli(dir, 'undo-last');
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('Nothing to undo');
});

test('cancel and reschedule (office time), each undone by undo-last', async () => {
  const cancelled = await runCli(dir, 'cancel', ids.tomorrow);
  expect(cancelled.json<EventPatch>()).toMatchObject({ open: false, event: { status: 'cancelled' } });
  expect(names(await due('--days', '1'))).not.toContain('tomorrow');
  expect((await runCli(dir, 'undo-last')).code).toBe(0);
  expect(names(await due('--days', '1'))).toContain('tomorrow');

  const moved = await runCli(dir, 'reschedule', ids.overdue, '--at', '2026-12-04T15:30');
  expect(moved.code).toBe(0);
  const patch = moved.json<EventPatch>();
  expect(patch).toMatchObject({ open: true, day: '2026-12-04', overdue: false });
  expect(patch.event.at).toBe('2026-12-04T12:30:00.000Z');
  expect(patch.message).toContain('04.12.2026 15:30');
  expect(names(await due())).toEqual(['today', 'today-nino']);
  expect((await runCli(dir, 'undo-last')).code).toBe(0);
  expect(names(await due())).toEqual(['overdue', 'today', 'today-nino']);
});

test('usage: an id is needed, reschedule needs --at, nothing to undo in a fresh folder', async () => {
  expect((await runCli(dir, 'done')).code).toBe(2);
  expect((await runCli(dir, 'cancel', 'a', 'b')).code).toBe(2);
  const noAt = await runCli(dir, 'reschedule', ids.today);
  expect(noAt.code).toBe(2);
  expect(noAt.stderr).toContain('--at');
  const nothing = await runCli(dir, 'undo-last');
  expect(nothing.code).toBe(2);
  expect(nothing.stderr).toContain('Nothing to undo');
  expect((await runCli(dir, 'help')).stdout).toContain('undo-last');
});
