// The Dashboard through the built bundle: its KPI cells and chart blocks counted by hand (fixture.ts), its four native
// charts over the right ranges, and a second refresh after new events that moves the ranges without making charts
// again — in the few calls the issue allows.

import { serverRpc } from '../../../src/local/gas/server-rpc';
import { call } from '../../support/office';
import { DAY, logEvent } from '../events/office';
import { DMITRY, NINO, reportsOffice } from './fixture';

interface Shown {
  rows: string[][];
  header: string[];
}

function cells(office: ReturnType<typeof reportsOffice>) {
  const sheet = call<Shown>(office.sheet, 'sheetContents_', 'Панель');
  const all = [sheet.header, ...sheet.rows];
  const at = (row: number, first: number, last: number) => (all[row - 1] ?? []).slice(first - 1, last);
  return { all, at };
}

/** The charts as the spreadsheet keeps them: title → its one range (A1, without the sheet name). */
function charts(office: ReturnType<typeof reportsOffice>) {
  return office.workspace.spreadsheets.charts(office.spreadsheetId, 'Панель').map((c) => ({
    id: c.chartId,
    title: c.options.title,
    type: c.type,
    stacked: c.options.isStacked ?? null,
    at: [c.position.anchorRow, c.position.anchorColumn],
    range: c.ranges.map((r) => r.replace(/^.*!/, '')),
  }));
}

test('KPI cells, the chart blocks and four native charts, counted by hand', () => {
  const office = reportsOffice();
  const board = office.rpc.refreshDashboard();
  expect(board.kpi).toEqual({
    month: '2026-03',
    activeClients: 2,
    newClients: 2,
    calls: 5,
    meetings: 1,
    followUpsOnTimePercent: 50,
  });
  const { at } = cells(office);
  expect([1, 2, 3, 4, 5, 6, 7, 8].map((r) => at(r, 1, 2))).toEqual([
    ['Панель руководителя', ''],
    ['Обновлено', '02.03.2026 09:00'],
    ['Месяц', '2026-03'],
    ['Активных клиентов за месяц', '2'],
    ['Новых клиентов за месяц', '2'],
    ['Звонков за месяц', '5'],
    ['Встреч за месяц', '1'],
    ['Задачи сделаны вовремя, %', '50'],
  ]);
  // Column L on: overdue by manager, new clients per month (the last 12), the funnel (12 months: sleepy's February
  // interest counts), and events per (week, manager) by kind over the last 13 weeks.
  expect([2, 3].map((r) => at(r, 12, 13))).toEqual([
    ['Менеджер', 'Просрочено'],
    [DMITRY, '1'],
  ]);
  expect(at(6, 12, 13)).toEqual(['Месяц', 'Новые клиенты']);
  expect(at(7, 12, 13)).toEqual(['2025-04', '0']);
  expect([17, 18].map((r) => at(r, 12, 13))).toEqual([
    ['2026-02', '1'],
    ['2026-03', '2'],
  ]);
  expect([21, 22, 23, 24, 25].map((r) => at(r, 12, 13))).toEqual([
    ['Этап', 'Клиентов'],
    ['Интерес', '3'],
    ['Демонстрация', '1'],
    ['Заказ', '1'],
    ['Оплата', '0'],
  ]);
  // Sunday 1 March belongs to the week of Monday 23 February.
  expect([28, 29, 30, 31, 32, 33].map((r) => at(r, 12, 14))).toEqual([
    ['Неделя (понедельник) · менеджер', 'Звонок', 'Встреча'],
    [`2026-02-16 · ${DMITRY}`, '1', '0'],
    ['2026-02-23 · =cmd', '1', '0'],
    [`2026-02-23 · ${DMITRY}`, '1', '1'],
    [`2026-02-23 · ${NINO}`, '1', '0'],
    [`2026-03-02 · ${NINO}`, '2', '0'],
  ]);
  expect(charts(office)).toEqual([
    expect.objectContaining({ title: 'Просроченные задачи по менеджерам', type: 'BAR', range: ['L2:M3'], at: [28, 6] }),
    expect.objectContaining({ title: 'Новые клиенты по месяцам', type: 'COLUMN', range: ['L6:M18'], at: [10, 6] }),
    expect.objectContaining({ title: 'Воронка', type: 'BAR', range: ['L21:M25'], at: [28, 1] }),
    expect.objectContaining({
      title: 'Сделано за неделю по менеджерам и видам',
      type: 'COLUMN',
      stacked: true,
      range: ['L28:N33'],
      at: [10, 1],
    }),
  ]);
  expect(board.charts.created).toHaveLength(4);
  // What the sandbox draws: the chart's table from its range.
  const weekly = charts(office)[3];
  expect(office.workspace.spreadsheets.chartData(office.spreadsheetId, weekly.id).headers).toEqual([
    'Неделя (понедельник) · менеджер',
    'Звонок',
    'Встреча',
  ]);
});

test('a refresh after new events moves the ranges of the same four charts, in at most ten calls', () => {
  const office = reportsOffice();
  office.rpc.refreshDashboard();
  const before = charts(office);
  const now = office.workspace.clock.now();
  // A new kind this week (a third series) and a second manager with an overdue follow-up.
  logEvent(office, { client: 'petrova@example.ru', kind: 'Визит', reason: 'Заказ', manager: NINO });
  logEvent(office, {
    client: 'sidorov@example.ru',
    kind: 'Звонок',
    reason: '',
    planned: true,
    at: new Date(now - DAY).toISOString(),
    manager: NINO,
  });
  office.workspace.calls.reset();
  const runs: number[] = [];
  const rpc = serverRpc(office.sheet, { afterRun: (run) => runs.push(run.report.serviceCalls) });
  const board = rpc.refreshDashboard();
  expect(board.charts.created).toEqual([]);
  expect(board.charts.updated.sort()).toEqual(['eventsPerWeek', 'funnel', 'newPerMonth', 'overdue']);
  const after = charts(office);
  expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
  expect(after.map((c) => c.range)).toEqual([['L2:M4'], ['L7:M19'], ['L22:M26'], ['L29:O34']]);
  expect(board.overdueByManager).toEqual([
    { group: { manager: DMITRY }, count: 1 },
    { group: { manager: NINO }, count: 1 },
  ]);
  expect(runs[0]).toBeLessThanOrEqual(10);
  const byService = office.workspace.calls.byService();
  expect(byService['Sheets.Spreadsheets.Values.batchGet']).toBe(1);
  expect(byService['Sheets.Spreadsheets.batchUpdate']).toBe(1);
  expect(byService['SpreadsheetApp.Sheet.insertChart'] ?? 0).toBe(0);
  // Nothing moved: nothing is touched but the values.
  office.workspace.calls.reset();
  expect(office.rpc.refreshDashboard().charts).toEqual({ created: [], updated: [] });
  expect(office.workspace.calls.byService()['SpreadsheetApp.Sheet.updateChart'] ?? 0).toBe(0);
});

test('the nightly trigger refreshes both sheets from one read', () => {
  const office = reportsOffice();
  office.workspace.calls.reset();
  call(office.sheet, 'refreshReportsTrigger', {});
  expect(office.workspace.calls.byService()['Sheets.Spreadsheets.Values.batchGet']).toBe(1);
  expect(charts(office)).toHaveLength(4);
  expect(cells(office).at(4, 1, 2)).toEqual(['Активных клиентов за месяц', '2']);
});
