// The processing plan's rules on hand-built notices: what becomes an event, a callback attempt, a new caller, a
// duplicate, a waiting recording — without any sheet.

import type { CallNotice } from '../../../src/core/pbx/notice';
import { planInbox, PlanInput, PlanRow, SeenKey } from '../../../src/core/pbx/plan';
import type { CallbackRecord } from '../../../src/core/pbx/callbacks';

const T = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);
const CLIENT = { clientId: 'people/c1', name: 'Петрова Анна', manager: 'Ольга' };

function end(callId: string, at: string, more: Partial<CallNotice> = {}): CallNotice {
  return {
    source: 'mango',
    callId,
    type: 'summary',
    stage: 'end',
    direction: 'in',
    clientNumber: '+79161234567',
    ourNumber: '+74951112233',
    startAt: T(at),
    answered: true,
    talkSeconds: 65,
    ...more,
  };
}

let row = 1;
const rowOf = (...notices: CallNotice[]): PlanRow => ({
  row: ++row,
  receivedAt: T('12:00'),
  read: { ok: true, notices },
});

function plan(rows: PlanRow[], more: Partial<PlanInput> = {}) {
  return planInbox({
    rows,
    seen: new Map<string, SeenKey>(),
    callbacks: [],
    callers: [],
    clientOf: (e164) => (e164 === '+79161234567' ? CLIENT : undefined),
    staff: [{ name: 'Иван', extensions: ['101'], lines: [] }],
    settings: { callKind: 'Звонок', callReason: 'Звонок АТС', defaultCountry: 'RU', locale: 'ru' },
    now: T('12:00'),
    ...more,
  });
}

test('an answered call is one done event with a deterministic id, the Staff extension as manager', () => {
  const notice = end('A', '10:00', { extension: '101', recording: 'r1' });
  const a = plan([rowOf(notice)]);
  const b = plan([rowOf(notice)]);
  expect(a.events).toHaveLength(1);
  expect(a.events[0].event).toMatchObject({
    id: b.events[0].event.id,
    at: T('10:00'),
    kind: 'Звонок',
    reason: 'Звонок АТС',
    client: 'Петрова Анна',
    clientId: 'people/c1',
    phone: '8 (916) 123-45-67',
    manager: 'Иван',
    status: 'done',
    result: 'Входящий · разговор 1:05 · линия 8 (495) 111-22-33 · доб. 101 · запись: r1',
  });
  // Without an extension Staff knows, the client's manager.
  expect(plan([rowOf(end('B', '10:00'))]).events[0].event.manager).toBe('Ольга');
});

test('duplicates: twice in the batch, or a key the window already holds as done → nothing twice', () => {
  const n = end('A', '10:00');
  const first = plan([rowOf(n), rowOf(n)]);
  expect(first.events).toHaveLength(1);
  expect(first.counts.duplicates).toBe(1);
  expect(first.inbox.map((u) => u.state)).toEqual(['done', 'duplicate']);
  const seen = new Map([['mango:A:summary', { row: 5, state: 'done' as const, result: 'E1-1@9' }]]);
  const again = plan([rowOf(n)], { seen });
  expect([again.events.length, again.counts.duplicates, again.inbox[0].result]).toEqual([0, 1, '#5']);
});

test('missed inbound: one open item per number with attempts; a later answered call (outbound too) closes it', () => {
  const missed = end('M1', '09:00', { answered: false, talkSeconds: 0, clientNumber: '8 916 000-00-01' });
  const p = plan([rowOf(missed), rowOf({ ...missed, callId: 'M2', startAt: T('09:30') })]);
  expect(p.callbacks).toEqual([
    expect.objectContaining({
      phone: '+79160000001',
      attempts: 2,
      firstAt: T('09:00'),
      lastAt: T('09:30'),
      state: 'open',
    }),
  ]);
  expect(p.callers).toEqual([expect.objectContaining({ phone: '+79160000001', calls: 2, state: 'new' })]);
  expect([p.counts.missed, p.counts.unknown, p.events.length]).toEqual([2, 2, 0]);
  const open: CallbackRecord[] = p.callbacks;
  // An answered call that started BEFORE the last miss does not close it; one after it, outbound, does.
  const earlier = end('X', '09:10', { direction: 'out', clientNumber: '+79160000001' });
  expect(plan([rowOf(earlier)], { callbacks: open }).callbacks).toEqual([]);
  const later = plan([rowOf({ ...earlier, callId: 'Y', startAt: T('09:40') })], { callbacks: open });
  expect(later.callbacks).toEqual([
    expect.objectContaining({ state: 'closed', closedBy: 'call', closedAt: T('09:40') }),
  ]);
  expect(later.counts.closedCallbacks).toBe(1);
  // Missed outbound: nothing at all but the row done.
  const out = plan([rowOf(end('O', '09:50', { direction: 'out', answered: false, talkSeconds: 0 }))]);
  expect([out.events.length, out.callbacks.length, out.callers.length, out.inbox[0].state]).toEqual([0, 0, 0, 'done']);
});

test('an answered unknown number: the event names the number, and the number gets a New callers row', () => {
  const p = plan([rowOf(end('U', '11:00', { clientNumber: '+995555123456' }))]);
  expect(p.events[0].event).toMatchObject({ client: '+995 555 12 34 56', clientId: '', phone: '+995 555 12 34 56' });
  expect(p.callers).toEqual([expect.objectContaining({ phone: '+995555123456', calls: 1, line: '8 (495) 111-22-33' })]);
});

test('a recording: attached to its call in the batch or an earlier run; before its call ends it waits, then gives up', () => {
  const rec: CallNotice = { source: 'mango', callId: 'A', type: 'recording:r9', stage: 'record', recording: 'r9' };
  const both = plan([rowOf(rec), rowOf(end('A', '10:00'))]);
  expect(both.events[0].event.result).toMatch(/ · запись: r9$/);
  const seen = new Map([['mango:A:summary', { row: 3, state: 'done' as const, result: 'E1-1@42' }]]);
  expect(plan([rowOf(rec)], { seen }).recordings).toEqual([
    { eventId: 'E1-1', eventRow: 42, recording: 'r9', inboxRow: row },
  ]);
  expect(plan([rowOf(rec)]).inbox[0].state).toBe('waiting');
  const old = { ...rowOf(rec), receivedAt: T('09:00') };
  expect(plan([old], { now: new Date(T('09:00').getTime() + 25 * 3_600_000) }).inbox[0].state).toBe('problem');
});

test('a row that could not be read is a problem; the others are processed', () => {
  const p = plan([{ row: 1, read: { ok: false, problem: 'bad json' } }, rowOf(end('A', '10:00'))]);
  expect(p.inbox.map((u) => [u.row, u.state])).toEqual([
    [1, 'problem'],
    [row, 'done'],
  ]);
  expect(p.counts.problems).toEqual([{ row: 1, source: '', message: 'bad json' }]);
  expect(p.events).toHaveLength(1);
});
