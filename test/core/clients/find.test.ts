// Search as you type over the office's list lines, with the Client sidebar's filters, best match first.

import { findClients, FindContext, isQuietClient, weekMonthDays } from '../../../src/core/clients';
import type { FindClientsInput } from '../../../src/shared/clients-dto';
import { OFFICE, summary } from './summaries';

// 2 March 2026, 09:00 in Moscow.
const CONTEXT: FindContext = {
  defaultCountry: 'RU',
  now: new Date('2026-03-02T06:00:00Z'),
  timeZone: 'Europe/Moscow',
  quietDays: 30,
  quietDaysByLabel: { vip: 5 },
};
const ids = (input: FindClientsInput, clients = OFFICE, context = CONTEXT) =>
  findClients(clients, input, context).clients.map((c) => c.resourceName);

test('a name prefix, best match first; the exact name before longer ones', () => {
  expect(ids({ query: 'козл' })).toEqual(['people/c4', 'people/c3']);
  expect(ids({ query: 'Козлова Анна' })).toEqual(['people/c4']);
  expect(ids({ query: 'ёлк' })).toEqual(['people/c5']);
  const clients = [summary('people/b', 'Петрова Мария Ивановна'), summary('people/a', 'Петрова Мария')];
  expect(ids({ query: 'мария петрова' }, clients)).toEqual(['people/a', 'people/b']);
});

test('a phone as it is typed: the whole number, its end or a part', () => {
  expect(ids({ query: '8 912 345-67-89' })).toEqual(['people/c1']);
  expect(ids({ query: '6789' })).toEqual(['people/c1']);
  expect(ids({ query: '+7916111' })).toEqual(['people/c4', 'people/c3']);
  expect(ids({ query: '2233' })).toEqual(['people/c3']);
});

test('an e-mail, a label or a manager', () => {
  expect(ids({ query: 'KOZLOVA@example.ru' })).toEqual(['people/c3']);
  expect(ids({ query: 'maria.' })).toEqual(['people/c1']);
  expect(ids({ query: 'vip' })).toEqual(['people/c1', 'people/c6']);
  // "Олег" is a client's given name (better) and a manager's (Козлова's).
  expect(ids({ query: 'Олег' })).toEqual(['people/c6', 'people/c3']);
});

test('filters: label, manager, quiet, birthday this week; an empty query lists everyone in the filter, by name', () => {
  expect(ids({ query: '', label: 'VIP' })).toEqual(['people/c1', 'people/c6']);
  expect(ids({ query: '', manager: 'анна смирнова' })).toEqual(['people/c1']);
  expect(ids({ query: 'петрова', label: 'постоянный' })).toEqual(['people/c2']);
  // Quiet: Петрова (VIP, 5 days) last seen 20 Feb; never contacted ones; not Елкина (planned), not Сидоров (VIP, 2 days).
  expect(ids({ query: '', quiet: true })).toEqual(['people/c4', 'people/c3', 'people/c1', 'people/c2']);
  // Birthday 5 March (no year) is this week; 20 March is not.
  expect(ids({ query: '', birthdayThisWeek: true })).toEqual(['people/c3']);
});

test('total counts every match, limit cuts the list', () => {
  const many = Array.from({ length: 120 }, (_, i) => summary(`people/m${i}`, `Иванов ${String(i).padStart(3, '0')}`));
  const result = findClients(many, { query: 'иван', limit: 10 }, CONTEXT);
  expect(result.total).toBe(120);
  expect(result.limit).toBe(10);
  expect(result.clients.map((c) => c.name)).toEqual(many.slice(0, 10).map((c) => c.name));
  expect(findClients(many, { query: 'иван' }, CONTEXT)).toMatchObject({ total: 120, limit: 50 });
  expect(findClients(many, { query: 'петр' }, CONTEXT)).toEqual({ clients: [], total: 0, limit: 50 });
});

test('quiet follows the Reminders rule: the shortest label period, local days, a planned event is not quiet', () => {
  const at = (lastContact: string, extra = {}) => summary('people/q', 'Q', { lastContact, ...extra });
  // 30 days by default, counted in Moscow days: 1 Feb 00:30 there is 29 days before 2 March, 31 Jan 23:59 is 30.
  expect(isQuietClient(at('2026-01-31T21:30:00Z'), CONTEXT)).toBe(false);
  expect(isQuietClient(at('2026-01-31T20:59:00Z'), CONTEXT)).toBe(true);
  expect(isQuietClient(at('2026-02-24T10:00:00Z', { labels: ['VIP'] }), CONTEXT)).toBe(true);
  expect(isQuietClient(at('2026-01-01T10:00:00Z', { nextPlanned: '2026-03-10T10:00:00Z' }), CONTEXT)).toBe(false);
});

test('this week is the seven local days from today; 29 February counts on the 28th in other years', () => {
  expect([...weekMonthDays(new Date('2026-02-24T22:00:00Z'), 'Europe/Moscow')]).toEqual([
    '02-25',
    '02-26',
    '02-27',
    '02-28',
    '02-29',
    '03-01',
    '03-02',
    '03-03',
  ]);
  expect([...weekMonthDays(new Date('2026-12-28T12:00:00Z'), 'UTC')]).toContain('01-03');
});
