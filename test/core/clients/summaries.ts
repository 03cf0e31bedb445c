// A small office's list lines, as the Card index holds them: namesakes, a reversed order, ё, shared phone tails.

import type { ClientSummary } from '../../../src/core/card-index/summary';

export function summary(resourceName: string, name: string, extra: Partial<ClientSummary> = {}): ClientSummary {
  return {
    resourceName,
    name,
    phones: [],
    emails: [],
    labels: [],
    manager: '',
    lastContact: null,
    nextPlanned: null,
    birthday: '',
    lastReason: '',
    lastKind: '',
    missed: null,
    ...extra,
  };
}

export const OFFICE: ClientSummary[] = [
  summary('people/c1', 'Петрова Мария', {
    phones: ['+79123456789'],
    emails: ['maria.petrova@example.ru'],
    labels: ['VIP'],
    manager: 'Анна Смирнова',
    lastContact: '2026-02-20T10:00:00.000Z',
  }),
  summary('people/c2', 'Петрова Мария', { phones: ['+79990001122'], labels: ['Постоянный'] }),
  summary('people/c3', 'Козлова Елена Петровна', {
    phones: ['+79161112233'],
    emails: ['kozlova@example.ru'],
    manager: 'Олег Петров',
    birthday: '--03-05',
  }),
  summary('people/c4', 'Козлова Анна', { phones: ['+79161114455'], birthday: '1990-03-20' }),
  summary('people/c5', 'Елкина Ольга', { phones: ['+995555123456'], nextPlanned: '2026-03-03T09:00:00.000Z' }),
  summary('people/c6', 'Сидоров Олег Иванович', { lastContact: '2026-02-28T10:00:00.000Z', labels: ['VIP'] }),
];
