// A planned call with a calendar reminder, as the event-log rule tests start from.

import type { EventRecord } from '../../../src/core/events';

export const plannedEvent = (fields: Partial<EventRecord> = {}): EventRecord => ({
  id: 'E1',
  at: new Date('2026-03-05T07:00:00Z'),
  allDay: false,
  kind: 'Звонок',
  reason: 'Заказ',
  client: 'Иван Сидоров',
  clientId: 'people/c1',
  phone: '+7 912 444-55-66',
  manager: 'Дмитрий Ковалёв',
  result: '',
  nextStep: 'перезвонить',
  status: 'planned',
  calendarEventId: 'cal-1',
  createdBy: 'dmitry@example.com',
  rowNumber: 7,
  ...fields,
});

/** Olga's planned call with Ivanov, as the calendar and card-index tests start from (no calendar event yet). */
export const plannedCall: EventRecord = plannedEvent({
  id: 'Elx1-0',
  at: new Date('2025-03-05T07:30:00Z'),
  client: 'Иванов Иван',
  phone: '',
  manager: 'Ольга',
  nextStep: 'Уточнить количество',
  calendarEventId: '',
  createdBy: 'anna@x.ru',
});
