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
