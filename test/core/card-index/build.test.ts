// The card index built whole from the log and the contacts, and the one-event update used between two rebuilds.

import { applyEvent, buildClientIndex } from '../../../src/core/card-index';
import type { EventRecord } from '../../../src/core/events';
import { plannedCall as planned } from '../events/planned-event';

describe('client index for the Gmail card', () => {
  const ev = (i: number, fields: Partial<EventRecord> = {}): EventRecord => ({
    ...planned,
    id: `E${i}`,
    rowNumber: i + 1,
    status: 'done',
    at: new Date(Date.UTC(2025, 0, i + 1)),
    result: `итог ${i}`,
    ...fields,
  });
  const contacts = [
    {
      resourceName: 'people/c1',
      name: 'Иванов Иван',
      emails: ['Ivanov@Example.ru', 'ivan@home.ru'],
      phones: ['+79123456789'],
      labels: ['VIP'],
      manager: 'Ольга',
    },
  ];

  test('a client with 7 events keeps the last 5, the next planned ones and the last contact', () => {
    const events = [0, 1, 2, 3, 4, 5, 6].map((i) => ev(i));
    events.push(ev(20, { status: 'planned', at: new Date('2025-04-01T00:00:00Z') }), ev(21, { status: 'cancelled' }));
    const index = buildClientIndex(events, contacts, new Date('2025-03-01T00:00:00Z'));
    const entry = index.entries['ivanov@example.ru'];
    expect(entry.recent.map((r) => r.id)).toEqual(['E6', 'E5', 'E4', 'E3', 'E2']);
    expect(entry.recent[0]).toMatchObject({ row: 7, result: 'итог 6', at: '2025-01-07T00:00:00.000Z' });
    expect(entry.planned.map((p) => p.id)).toEqual(['E20']);
    expect(entry.lastContact).toEqual({ at: '2025-01-07T00:00:00.000Z', kind: 'Звонок', reason: 'Заказ' });
    expect(index.entries['ivan@home.ru']).toEqual(entry);
    expect(JSON.parse(JSON.stringify(index))).toEqual(index);
  });

  test('an event folded into an entry gives what a rebuild with that event gives', () => {
    const events = [0, 1, 2, 3, 4, 5].map((i) => ev(i));
    events.push(ev(20, { status: 'planned', at: new Date('2025-04-01T00:00:00Z') }));
    const before = buildClientIndex(events, contacts).entries['ivanov@example.ru'];
    const done = ev(7, { result: 'итог 7' });
    const next = ev(21, { status: 'planned', at: new Date('2025-03-20T00:00:00Z') });
    const folded = applyEvent(applyEvent(before, done), next);
    const rebuilt = buildClientIndex([...events, done, next], contacts).entries['ivanov@example.ru'];
    expect(folded.recent).toEqual(rebuilt.recent);
    expect(folded.planned).toEqual(rebuilt.planned);
    expect(folded.lastContact).toEqual(rebuilt.lastContact);
    expect(folded.rows).toHaveLength(rebuilt.rows.length);
    expect(folded.rows).toEqual(expect.arrayContaining(rebuilt.rows));
  });
});
