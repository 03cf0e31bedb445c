// Bringing an existing calendar event to its plan: which guests change and what happens to the reminders.

import { calendarEventFor, EventRecord, guestChanges, reminderChange } from '../../../src/core/events';
import { plannedEvent } from './planned-event';

const plan = (fields: Partial<EventRecord> = {}, managerEmail = 'anna@x.ru') =>
  calendarEventFor(plannedEvent(fields), {
    managerEmail,
    timeZone: 'Europe/Moscow',
    locale: 'ru',
    popupMinutes: 15,
    emailMinutes: 60,
  });

describe('guests of a reassigned event', () => {
  test('the new manager is invited and the former one taken off, whatever the case of their addresses', () => {
    expect(guestChanges(plan(), ['Dmitry@X.ru', 'boss@x.ru'], ['dmitry@x.ru'])).toEqual({
      remove: ['dmitry@x.ru'],
      add: ['anna@x.ru'],
    });
  });

  test('people the office added by hand stay, and a guest already there is not invited twice', () => {
    expect(guestChanges(plan(), ['ANNA@x.ru', 'boss@x.ru'], ['anna@x.ru'])).toEqual({ remove: [], add: [] });
    // A former manager no longer on the event (removed by hand) is not removed again.
    expect(guestChanges(plan(), ['anna@x.ru'], ['dmitry@x.ru'])).toEqual({ remove: [], add: [] });
  });
});

describe('reminders of an existing event', () => {
  test('kept when they are the plan’s (in any order the calendar lists them)', () => {
    expect(reminderChange(plan(), [15], [60])).toBe('keep');
  });

  test('reset when the office changed its offsets or someone added another', () => {
    expect(reminderChange(plan(), [10], [60])).toBe('reset');
    expect(reminderChange(plan(), [15, 5], [60])).toBe('reset');
    expect(reminderChange(plan(), [], [])).toBe('reset');
  });

  test('a done event nags no more: its reminders are cleared, and nothing is done when there are none', () => {
    expect(reminderChange(plan({ status: 'done' }), [15], [60])).toBe('clear');
    expect(reminderChange(plan({ status: 'done' }), [], [])).toBe('keep');
  });
});
