// Each report cell against the hand-counted March of fixture.ts (core/reports).

import { parseFunnelStages } from '../../../src/core/events/lists';
import {
  buildReport,
  countDone,
  firstDays,
  followUpsByManager,
  funnel,
  kpiCells,
  newClients,
  newClientsPerMonth,
  parseGrouping,
  periodOf,
  quietByLabel,
  reportContext,
} from '../../../src/core/reports';
import { CLIENTS, EVENTS, LISTS, NOW, TZ } from './fixture';

const MARCH = periodOf('month', '2026-03-10', undefined, TZ);
const ctx = () => reportContext(MARCH, CLIENTS);
const SHIFT = { shiftSplitHour: 14 };
const rows = (by: Parameters<typeof countDone>[1]) =>
  countDone(EVENTS, by, ctx(), SHIFT).map((r) => [...Object.values(r.group), r.count]);

describe('periodOf: office-local days, weeks from Monday', () => {
  test('a month is bounded by Moscow midnights, not UTC ones', () => {
    expect(MARCH).toEqual({
      kind: 'month',
      firstDay: '2026-03-01',
      lastDay: '2026-03-31',
      start: '2026-02-28T21:00:00.000Z',
      end: '2026-03-31T21:00:00.000Z',
      timeZone: TZ,
    });
  });

  test('the week of a Sunday starts on the Monday before it', () => {
    const week = periodOf('week', '2026-03-01', undefined, TZ);
    expect([week.firstDay, week.lastDay]).toEqual(['2026-02-23', '2026-03-01']);
  });

  test('quarter, February, a day given as an instant, a custom range given backwards', () => {
    const q = periodOf('quarter', '2026-05-17', undefined, TZ);
    expect([q.firstDay, q.lastDay]).toEqual(['2026-04-01', '2026-06-30']);
    const feb = periodOf('month', '2026-02-03', undefined, TZ);
    expect(feb.lastDay).toBe('2026-02-28');
    // 22:30Z on 31 March is already 1 April in Moscow.
    expect(periodOf('day', new Date('2026-03-31T22:30:00Z'), undefined, TZ).firstDay).toBe('2026-04-01');
    const custom = periodOf('custom', '2026-03-20', '2026-03-05', TZ);
    expect([custom.firstDay, custom.lastDay]).toEqual(['2026-03-05', '2026-03-20']);
    expect(custom.end).toBe('2026-03-20T21:00:00.000Z');
  });
});

describe('done events of March, grouped', () => {
  test('manager × kind: "boris" is Boris; planned, cancelled and 1 April events are left out', () => {
    expect(rows(['manager', 'kind'])).toEqual([
      ['Anna', 'Call', 2],
      ['Anna', 'Meeting', 2],
      ['Anna', 'Visit', 1],
      ['Boris', 'Call', 3],
      ['Boris', 'Meeting', 1],
    ]);
  });

  test('manager × reason counts the words as written', () => {
    expect(rows(['manager', 'reason'])).toEqual([
      ['Anna', 'Commercial offer', 1],
      ['Anna', 'Interest', 2],
      ['Anna', 'Offer', 1],
      ['Anna', 'Order', 1],
      ['Boris', 'Complaint', 1],
      ['Boris', 'Interest', 1],
      ['Boris', 'Order', 2],
    ]);
  });

  test('kind × reason', () => {
    expect(rows(['kind', 'reason'])).toEqual([
      ['Call', 'Complaint', 1],
      ['Call', 'Interest', 2],
      ['Call', 'Offer', 1],
      ['Call', 'Order', 1],
      ['Meeting', 'Commercial offer', 1],
      ['Meeting', 'Order', 2],
      ['Visit', 'Interest', 1],
    ]);
  });

  test("label: a client's event counts under each of its labels; the typed-by-hand row finds its card", () => {
    expect(rows(['label'])).toEqual([
      ['Retail', 5],
      ['VIP', 7],
      ['', 1],
    ]);
  });

  test('shift by the office clock: 23:30 is evening, 00:30 morning, an all-day event neither', () => {
    expect(rows(['manager', 'shift'])).toEqual([
      ['Anna', 'all-day', 1],
      ['Anna', 'evening', 1],
      ['Anna', 'morning', 3],
      ['Boris', 'evening', 2],
      ['Boris', 'morning', 2],
    ]);
    // Split at 10:00: Anna's 09:00 and 00:30 stay morning, her 10:00 meeting moves to the evening.
    const early = countDone(EVENTS, ['manager', 'shift'], ctx(), { shiftSplitHour: 10 });
    expect(early.find((r) => r.group.manager === 'Anna' && r.group.shift === 'morning')?.count).toBe(2);
  });

  test('a week series for the Dashboard keys weeks by their Monday', () => {
    expect(rows(['week'])).toEqual([
      ['2026-02-23', 1], // e7, Sunday 1 March
      ['2026-03-02', 3], // e1, e4, e2
      ['2026-03-09', 2], // e3, e5
      ['2026-03-16', 2], // e13, e8
      ['2026-03-23', 1], // e9
    ]);
  });
});

describe('follow-ups per manager', () => {
  test('done the same office day is on time, after midnight in Moscow is late, a past planned one overdue', () => {
    expect(followUpsByManager(EVENTS, ctx(), NOW)).toEqual([
      { manager: 'Anna', planned: 2, onTime: 1, late: 0, overdue: 1 },
      { manager: 'Boris', planned: 2, onTime: 0, late: 1, overdue: 0 },
    ]);
  });
});

describe('clients', () => {
  test('new in March: first done event or first visit, whichever is earlier; per label', () => {
    const first = firstDays(EVENTS, CLIENTS, ctx());
    expect(first.get('people/c2')).toBe('2026-03-01'); // the first visit, before its first event (3 March)
    expect(first.get('people/c3')).toBe('2026-02-15');
    expect(first.get('people/c4')).toBe('2026-03-25'); // the row typed as "Petrov Ivan"
    expect(newClients(first, ctx())).toEqual({
      total: 3,
      byLabel: [
        { group: { label: 'Retail' }, count: 1 },
        { group: { label: 'VIP' }, count: 2 },
        { group: { label: '' }, count: 1 },
      ],
    });
    const quarter = reportContext(periodOf('quarter', '2026-03-01', undefined, TZ), CLIENTS);
    expect(newClientsPerMonth(first, quarter)).toEqual([
      { group: { month: '2026-02' }, count: 2 },
      { group: { month: '2026-03' }, count: 3 },
    ]);
  });

  test('gone quiet per label by the Reminders rule, unspread: busy clients are not quiet', () => {
    const options = { at: NOW, timeZone: TZ, defaultDays: 30, daysByLabel: { vip: 7 } };
    // c2 (VIP: 7 days since 18 March) and c5 (never contacted); c1 and c3 have planned events; c4 spoke yesterday.
    expect(quietByLabel(CLIENTS, [], options)).toEqual([
      { group: { label: 'Retail' }, count: 1 },
      { group: { label: 'VIP' }, count: 2 },
    ]);
  });
});

describe('funnel', () => {
  test('the Lists sheet marks the stages; a renamed stage keeps its old word', () => {
    expect(parseFunnelStages(LISTS)).toEqual([
      { order: 1, name: 'Interest', names: ['Interest'] },
      { order: 2, name: 'Commercial offer', names: ['Commercial offer', 'Offer', 'Proposal'] },
      { order: 3, name: 'Order', names: ['Order'] },
    ]);
  });

  test('distinct clients per stage and the conversion from the stage before', () => {
    // Interest: c1, c2, c3. Offer (e2 under the old word) and Commercial offer: c1, c2. Order: c2 twice, c1.
    expect(funnel(EVENTS, parseFunnelStages(LISTS), ctx())).toEqual([
      { stage: 'Interest', count: 3, conversion: null },
      { stage: 'Commercial offer', count: 2, conversion: 0.667 },
      { stage: 'Order', count: 2, conversion: 1 },
    ]);
  });

  test('rows sharing a number are one stage named by the first', () => {
    const values = [LISTS[0], ['', 'Order', '', 1, ''], ['', 'Online order', '', 1, 'Web order']];
    expect(parseFunnelStages(values)).toEqual([
      { order: 1, name: 'Order', names: ['Order', 'Online order', 'Web order'] },
    ]);
  });
});

describe('KPI cells and the CLI report', () => {
  test("this month's cells", () => {
    expect(kpiCells(EVENTS, CLIENTS, { now: NOW, timeZone: TZ })).toEqual({
      month: '2026-03',
      activeClients: 4,
      newClients: 3,
      calls: 5,
      meetings: 3,
      followUpsOnTimePercent: 33,
    });
  });

  test('buildReport gives the rows of --by and the funnel', () => {
    const report = buildReport({
      period: MARCH,
      by: parseGrouping('label')!,
      events: EVENTS,
      clients: CLIENTS,
      stages: parseFunnelStages(LISTS),
      shift: SHIFT,
    });
    expect(report.rows[0]).toEqual({ group: { label: 'Retail' }, count: 5 });
    expect(report.funnel.map((s) => s.count)).toEqual([3, 2, 2]);
    expect(parseGrouping('manager, Kind')).toEqual(['manager', 'kind']);
    expect(parseGrouping('manager,colour')).toBeUndefined();
  });
});
