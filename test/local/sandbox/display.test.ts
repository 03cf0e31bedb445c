// How the sandbox shows a date cell: in the office's zone, midnight as a bare date as Russian-locale Sheets does.

import { displayValue } from '../../../src/local/sandbox/display';

test('a sandbox cell shows midnight as a bare date and any other time with it', () => {
  expect(displayValue(new Date('2025-12-31T21:00:00Z'), 'Europe/Moscow')).toBe('01.01.2026');
  expect(displayValue(new Date('2025-12-31T21:30:00Z'), 'Europe/Moscow')).toBe('01.01.2026 00:30');
  expect(displayValue(true, 'Europe/Moscow')).toBe('TRUE');
});
