// `crm report` and `crm dashboard` from a terminal: the JSON shapes the issue names, counted over a few logged events.

import * as fs from 'node:fs';
import { openOffice } from '../../../src/local/office';
import { runCli, tempDir } from './run-cli';

let dir: string;

beforeEach(async () => {
  dir = tempDir();
  expect((await runCli(dir, 'settings', '--json')).code).toBe(0);
  const office = openOffice({ dir });
  const ws = office.workspace;
  ws.people.seed(
    [
      { names: [{ familyName: 'Зайцева', givenName: 'Вера' }], emailAddresses: [{ value: 'vera@example.ru' }] },
      { names: [{ familyName: 'Орлов', givenName: 'Илья' }], emailAddresses: [{ value: 'ilya@example.ru' }] },
    ],
    ws.clock.now(),
  );
  const run = office.sheet.invoke('refreshIndexTrigger', [{}]);
  if (run.error) throw run.error;
  ws.save();
  const log = async (...args: string[]) => expect((await runCli(dir, 'log', ...args)).code).toBe(0);
  await log('--client', 'vera@example.ru', '--kind', 'Звонок', '--reason', 'Интерес', '--at', '2026-03-02T10:00');
  await log('--client', 'vera@example.ru', '--kind', 'Встреча', '--reason', 'Заказ', '--at', '2026-03-03T23:30');
  await log('--client', 'ilya@example.ru', '--kind', 'Звонок', '--reason', 'Интерес', '--at', '2026-03-04T00:30');
  // After the period asked for (office time): not counted.
  await log('--client', 'ilya@example.ru', '--kind', 'Звонок', '--reason', 'Заказ', '--at', '2026-03-05T00:10');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Report {
  period: { firstDay: string; lastDay: string };
  rows: Array<{ group: Record<string, string>; count: number }>;
  funnel: Array<{ stage: string; count: number; conversion: number | null }>;
}

test('crm report: rows of {group, count} and the funnel, days read in the office zone', async () => {
  const run = await runCli(
    dir,
    'report',
    '--from',
    '2026-03-01',
    '--to',
    '2026-03-04',
    '--by',
    'kind,reason',
    '--json',
  );
  expect(run.code).toBe(0);
  const report = run.json<Report>();
  expect(report.period).toMatchObject({ firstDay: '2026-03-01', lastDay: '2026-03-04' });
  expect(report.rows).toEqual([
    { group: { kind: 'Встреча', reason: 'Заказ' }, count: 1 },
    { group: { kind: 'Звонок', reason: 'Интерес' }, count: 2 },
  ]);
  expect(report.funnel).toEqual([
    { stage: 'Интерес', count: 2, conversion: null },
    { stage: 'Презентация', count: 0, conversion: 0 },
    { stage: 'Заказ', count: 1, conversion: null },
    { stage: 'Оплата', count: 0, conversion: 0 },
  ]);
  const byLabel = (
    await runCli(dir, 'report', '--from', '2026-03-01', '--to', '2026-03-31', '--by', 'label', '--json')
  ).json<Report>();
  expect(byLabel.rows).toEqual([{ group: { label: '' }, count: 4 }]);
});

test('crm report refuses an unknown grouping and a missing --to, with the usage', async () => {
  const bad = await runCli(dir, 'report', '--from', '2026-03-01', '--to', '2026-03-04', '--by', 'colour', '--json');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/manager,kind \| manager,reason \| kind,reason \| label/);
  expect((await runCli(dir, 'report', '--from', '2026-03-01', '--json')).code).toBe(2);
});

test('crm report --as someone without the reports right is refused with exit 2 and the reason in words', async () => {
  // Roles hold once the Staff sheet has people on it (an empty one stops nobody).
  const added = await runCli(dir, 'staff', 'add', '--name', 'Анна', '--email', 'anna@example.com', '--role', 'manager');
  expect(added.code).toBe(0);
  // A manager on the Staff sheet, and someone who is not on it.
  for (const who of ['anna@example.com', 'guest@example.com']) {
    const refused = await runCli(dir, 'report', '--from', '2026-03-01', '--to', '2026-03-31', '--json', '--as', who);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/директора и администратора/);
  }
});

test('crm dashboard: refreshes the Dashboard and prints its KPI cells', async () => {
  const run = await runCli(dir, 'dashboard', '--json');
  expect(run.code).toBe(0);
  const out = run.json<Record<string, unknown> & { sheet: string; charts: { created: string[] } }>();
  expect(Object.keys(out).sort()).toEqual(
    ['activeClients', 'calls', 'charts', 'followUpsOnTimePercent', 'meetings', 'month', 'newClients', 'sheet'].sort(),
  );
  expect(out.charts.created).toHaveLength(4);
  // `crm sheet dashboard` finds it by its key, as any CRM sheet.
  const sheet = (await runCli(dir, 'sheet', 'dashboard', '--json')).json<{ title: string; rows: string[][] }>();
  expect(sheet.title).toBe(out.sheet);
  expect(sheet.rows[2].slice(0, 2)).toEqual(['Активных клиентов за месяц', String(out.activeClients)]);
});
