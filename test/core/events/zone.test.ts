// Dates as the office reads them: on the spreadsheet's wall clock, whatever the host's zone.

import { formatLocal, formatLocalDate, formatLocalInput, formatLocalTime } from '../../../src/core/events/zone';

// 21:30 UTC on 31 Dec is already New Year's Day in Moscow and Tbilisi, still New Year's Eve in New York.
const at = new Date('2025-12-31T21:30:00Z');

test('date, time, both, and a datetime-local value in the office zone', () => {
  expect(formatLocalDate(at, 'Europe/Moscow')).toBe('01.01.2026');
  expect(formatLocalTime(at, 'Europe/Moscow')).toBe('00:30');
  expect(formatLocal(at, 'Asia/Tbilisi')).toBe('01.01.2026 01:30');
  expect(formatLocalInput(at, 'America/New_York')).toBe('2025-12-31T16:30');
});

describe('the next round hour (the pickers start there)', () => {
  const { nextRoundHour } = jest.requireActual(
    '../../../src/core/events/zone',
  ) as typeof import('../../../src/core/events/zone');
  it('is the next whole hour of the zone clock, in zones off by half or three quarters of an hour too', () => {
    expect(nextRoundHour(Date.parse('2026-12-02T06:20:00Z'), 'Europe/Moscow').toISOString()).toBe(
      '2026-12-02T07:00:00.000Z',
    );
    expect(nextRoundHour(Date.parse('2026-12-02T06:00:00Z'), 'Europe/Moscow').toISOString()).toBe(
      '2026-12-02T07:00:00.000Z',
    );
    // Kathmandu is UTC+5:45: 12:10 local → 13:00 local = 07:15Z.
    expect(nextRoundHour(Date.parse('2026-12-02T06:25:00Z'), 'Asia/Kathmandu').toISOString()).toBe(
      '2026-12-02T07:15:00.000Z',
    );
  });
});
