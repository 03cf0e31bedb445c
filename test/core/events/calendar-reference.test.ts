import {
  calendarAction,
  calendarEventFor,
  eventIdFromDescription,
  parseLabels,
  parseLists,
  parseStaff,
  quietDaysByLabel,
} from '../../../src/core/events';
import { plannedCall as planned } from './planned-event';

describe('calendar reminder', () => {
  test('the plan carries the client, phone, reason, the manager as guest and our id', () => {
    const plan = calendarEventFor(planned, {
      phone: '+7 912 345-67-89',
      managerEmail: 'Olga@X.ru',
      timeZone: 'Europe/Moscow',
      locale: 'ru',
    });
    expect(plan.title).toBe('Звонок: Иванов Иван — Заказ');
    expect(plan.start.toISOString()).toBe('2025-03-05T07:30:00.000Z');
    expect(plan.end.toISOString()).toBe('2025-03-05T08:00:00.000Z');
    expect(plan.guests).toEqual(['olga@x.ru']);
    expect(plan.reminders).toEqual({ popupMinutes: 30, emailMinutes: 60 });
    expect(plan.description).toContain('Телефон: +7 912 345-67-89');
    expect(plan.description).toContain('05.03.2025 10:30');
    expect(eventIdFromDescription(plan.description)).toBe('Elx1-0');
    expect(
      calendarEventFor(planned, { managerEmail: 'olga@x.ru', ownerEmail: 'OLGA@x.ru', timeZone: 'UTC', locale: 'en' })
        .guests,
    ).toEqual([]);
    const allDay = calendarEventFor(
      { ...planned, allDay: true, at: new Date('2025-03-04T21:00:00Z') },
      { timeZone: 'Europe/Moscow', locale: 'en' },
    );
    expect([allDay.allDay, allDay.end.toISOString()]).toEqual([true, '2025-03-05T21:00:00.000Z']);
    const done = calendarEventFor({ ...planned, status: 'done' }, { timeZone: 'UTC', locale: 'en' });
    expect([done.title.startsWith('✓ '), done.reminders]).toEqual([true, null]);
  });

  test('create once, then only updates on a visible change; cancel deletes; done keeps it as history', () => {
    expect(calendarAction(undefined, planned)).toBe('create');
    const saved = { ...planned, calendarEventId: 'cal-1' };
    expect(calendarAction(planned, saved)).toBe('none');
    expect(calendarAction(saved, { ...saved })).toBe('none');
    expect(calendarAction(saved, { ...saved, result: 'notes only' })).toBe('none');
    expect(calendarAction(undefined, saved)).toBe('update');
    expect(calendarAction(saved, { ...saved, at: new Date('2025-03-06T07:30:00Z') })).toBe('update');
    expect(calendarAction(saved, { ...saved, manager: 'Анна' })).toBe('update');
    expect(calendarAction(saved, { ...saved, status: 'cancelled' })).toBe('delete');
    expect(calendarAction(saved, { ...saved, status: 'cancelled', calendarEventId: '' })).toBe('delete');
    expect(calendarAction(undefined, { ...planned, status: 'cancelled' })).toBe('none');
    expect(calendarAction(saved, { ...saved, status: 'done' })).toBe('update');
    expect(calendarAction({ ...saved, status: 'done' }, { ...saved, status: 'done' })).toBe('none');
    expect(calendarAction(undefined, { ...planned, status: 'done' })).toBe('none');
  });
});

describe('reference sheets and who may assign whom', () => {
  test('lists, labels and staff read with their columns moved', () => {
    const lists = parseLists([
      ['Statuses', 'Event kinds', 'Reasons'],
      ['план', 'Звонок', 'Заказ'],
      ['сделано', 'Встреча', ''],
      ['отменено', '', 'Интерес'],
    ]);
    expect(lists).toEqual({
      kinds: ['Звонок', 'Встреча'],
      reasons: ['Заказ', 'Интерес'],
      statuses: { planned: ['план'], done: ['сделано'], cancelled: ['отменено'] },
    });
    const labels = parseLabels([
      ['Без контакта, дней', 'Категория (метка в Контактах)'],
      [30, 'VIP'],
      ['', 'Новый'],
      ['90', 'Постоянный'],
    ]);
    expect(quietDaysByLabel(labels)).toEqual({ VIP: 30, Постоянный: 90 });
    const staff = parseStaff([
      ['E-mail', 'Name', 'Morning digest', 'Role', 'Head (e-mail)'],
      ['Olga@x.ru', 'Ольга', true, 'Менеджер', 'boss@x.ru'],
      ['anna@x.ru', 'Анна', 'нет', '', ''],
    ]);
    expect(staff[0]).toEqual({
      name: 'Ольга',
      email: 'olga@x.ru',
      role: 'Менеджер',
      head: 'boss@x.ru',
      dailyDigest: true,
    });
    expect(staff[1].dailyDigest).toBe(false);
  });
});
