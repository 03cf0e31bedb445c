// The Reports sheet's and the Dashboard's sections in one call each (core/reports/sheets.ts), on fixture.ts's March.

import { parseFunnelStages } from '../../../src/core/events/lists';
import { dashboardData, periodOf, reportsSheetData, ReportSources } from '../../../src/core/reports';
import { CLIENTS, EVENTS, LISTS, NOW, TZ } from './fixture';

const MARCH = periodOf('month', NOW, undefined, TZ);
const SOURCES: ReportSources = {
  events: EVENTS,
  clients: CLIENTS,
  open: [],
  stages: parseFunnelStages(LISTS),
  shift: { shiftSplitHour: 14 },
  quiet: { at: NOW, timeZone: TZ, defaultDays: 30, daysByLabel: { VIP: 7 } },
  now: NOW,
};

test('the Reports sheet: every section of the period', () => {
  const data = reportsSheetData(MARCH, SOURCES);
  expect(data.byManagerKind.map((r) => r.count)).toEqual([2, 2, 1, 3, 1]);
  expect(data.byLabel).toEqual([
    { group: { label: 'Retail' }, count: 5 },
    { group: { label: 'VIP' }, count: 7 },
    { group: { label: '' }, count: 1 },
  ]);
  expect(data.followUps.map((r) => [r.manager, r.overdue, r.late])).toEqual([
    ['Anna', 1, 0],
    ['Boris', 0, 1],
  ]);
  expect(data.newClients.total).toBe(3);
  expect(data.quietByLabel.map((r) => r.count)).toEqual([1, 2]);
  expect(data.funnel.map((s) => [s.stage, s.count])).toEqual([
    ['Interest', 3],
    ['Commercial offer', 2],
    ['Order', 2],
  ]);
});

test('the Dashboard: weekly stacks, new clients per month, overdue by manager from any period, KPI cells', () => {
  // A span of the first half of March: the overdue event of 16 March still shows, it is overdue today.
  const data = dashboardData(periodOf('custom', '2026-03-01', '2026-03-15', TZ), SOURCES);
  expect(data.eventsPerWeek).toEqual([
    { group: { week: '2026-02-23', manager: 'Anna', kind: 'Visit' }, count: 1 },
    { group: { week: '2026-03-02', manager: 'Anna', kind: 'Call' }, count: 2 },
    { group: { week: '2026-03-02', manager: 'Boris', kind: 'Call' }, count: 1 },
    { group: { week: '2026-03-09', manager: 'Anna', kind: 'Meeting' }, count: 1 },
    { group: { week: '2026-03-09', manager: 'Boris', kind: 'Call' }, count: 1 },
  ]);
  expect(data.newClientsPerMonth).toEqual([{ group: { month: '2026-03' }, count: 2 }]); // c2 on 1 March, c5 on 7
  expect(data.overdueByManager).toEqual([{ group: { manager: 'Anna' }, count: 1 }]);
  expect(data.kpi).toMatchObject({ month: '2026-03', activeClients: 4, followUpsOnTimePercent: 33 });
});
