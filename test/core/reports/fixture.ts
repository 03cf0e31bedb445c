// A small office's March 2026 in Moscow (UTC+3), counted by hand in reports.test.ts: two managers, three kinds, a
// funnel whose second stage the office renamed ("Offer" → "Commercial offer"), and events whose UTC day is not
// their office day (00:30 on 1 March is 21:30Z on 28 February; 01:30 on 1 April is 22:30Z on 31 March).

import type { ReportClient, ReportEvent } from '../../../src/core/reports';
import { summary } from '../clients/summaries';

export const TZ = 'Europe/Moscow';
/** 12:00 in Moscow on Thursday 26 March 2026. */
export const NOW = new Date('2026-03-26T09:00:00Z');

function event(id: string, at: string, fields: Partial<ReportEvent>): ReportEvent {
  return {
    id,
    at: new Date(at),
    allDay: false,
    kind: 'Call',
    reason: 'Interest',
    client: '',
    clientId: '',
    phone: '',
    manager: 'Anna',
    result: '',
    nextStep: '',
    status: 'done',
    calendarEventId: '',
    createdBy: '',
    rowNumber: 0,
    ...fields,
  };
}

export const CLIENTS: ReportClient[] = [
  { ...summary('people/c1', 'Orlova Vera', { labels: ['VIP'], lastContact: '2026-03-20T15:00:00.000Z' }) },
  {
    ...summary('people/c2', 'Smirnov Oleg', { labels: ['VIP', 'Retail'], lastContact: '2026-03-17T21:00:00.000Z' }),
    firstVisit: '2026-03-01',
  },
  {
    ...summary('people/c3', 'Kozlova Elena', {
      labels: ['Retail'],
      lastContact: '2026-02-28T21:30:00.000Z',
      nextPlanned: '2026-03-16T09:00:00.000Z',
    }),
    firstVisit: '2026-02-15',
  },
  { ...summary('people/c4', 'Ivan Petrov', { lastContact: '2026-03-25T08:00:00.000Z' }) },
  { ...summary('people/c5', 'Lee Mina', { labels: ['VIP'] }), firstVisit: '2026-03-07' },
];
// c1 has a planned event (e12): its list line says so.
CLIENTS[0].nextPlanned = '2026-03-27T07:00:00.000Z';

const c = (n: number) => ({ clientId: `people/c${n}`, client: CLIENTS[n - 1].name });

export const EVENTS: ReportEvent[] = [
  // Before the period: c1 is not new in March.
  event('e0', '2026-02-10T07:00:00Z', { ...c(1) }),
  event('e1', '2026-03-02T06:00:00Z', { ...c(1) }), // 09:00 morning
  event('e2', '2026-03-05T12:00:00Z', { ...c(1), reason: 'Offer' }), // 15:00 evening, the stage's old name
  event('e3', '2026-03-10T07:00:00Z', {
    ...c(2),
    kind: 'Meeting',
    reason: 'Commercial offer',
    doneAt: new Date('2026-03-10T16:00:00Z'), // 19:00 the same office day: on time
  }),
  event('e4', '2026-03-03T20:30:00Z', { ...c(2), manager: 'Boris' }), // 23:30 evening; c2's first event
  event('e5', '2026-03-12T07:00:00Z', {
    ...c(2),
    manager: 'Boris',
    reason: 'Order',
    doneAt: new Date('2026-03-12T21:30:00Z'), // 00:30 on the 13th in Moscow (the 12th in UTC): late
  }),
  event('e6', '2026-03-31T22:30:00Z', { ...c(3), manager: 'Boris', kind: 'Visit', reason: 'Order' }), // 1 April
  event('e7', '2026-02-28T21:30:00Z', { ...c(3), kind: 'Visit' }), // 00:30 on 1 March: in, morning
  event('e8', '2026-03-20T15:00:00Z', { ...c(1), manager: 'boris', kind: 'Meeting', reason: 'Order' }), // 18:00
  // Typed by hand: the name in another order, no contact id — still c4.
  event('e9', '2026-03-25T08:00:00Z', { client: 'Petrov Ivan', manager: 'Boris', reason: 'Complaint' }),
  event('e10', '2026-03-15T07:00:00Z', { ...c(2), status: 'cancelled' }),
  event('e11', '2026-03-16T09:00:00Z', { ...c(3), reason: 'Order', status: 'planned' }), // overdue on the 26th
  event('e12', '2026-03-27T07:00:00Z', { ...c(1), manager: 'Boris', status: 'planned' }), // tomorrow: to do
  event('e13', '2026-03-17T21:00:00Z', { ...c(2), kind: 'Meeting', reason: 'Order', allDay: true }), // 18 March
];

/** The Lists sheet as getValues() returns it: stages 1–3, the second renamed with its former names kept. */
export const LISTS: unknown[][] = [
  ['Event kinds', 'Reasons', 'Statuses', 'Funnel stage', "Reason's former names"],
  ['Call', 'Interest', 'planned', 1, ''],
  ['Meeting', 'Commercial offer', 'done', 2, 'Offer; Proposal'],
  ['Visit', 'Order', 'cancelled', '3', ''],
  ['', 'Complaint', '', '', ''],
];
