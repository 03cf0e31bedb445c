// What a typed --at means: a time without an offset is the office's wall clock, whatever zone the host runs in; an
// explicit offset or Z is kept; what is not a date-time is refused.

import { officeInstant } from '../../../src/local/cli/office-zone';

const iso = (text: string, zone: string) => {
  const t = officeInstant(text, zone);
  return t === undefined ? undefined : new Date(t).toISOString();
};

test('no offset: 10:00 in the office zone (Moscow, Tbilisi), not UTC', () => {
  expect(iso('2026-12-02T10:00', 'Europe/Moscow')).toBe('2026-12-02T07:00:00.000Z');
  expect(iso('2026-12-02T10:00', 'Asia/Tbilisi')).toBe('2026-12-02T06:00:00.000Z');
  expect(iso('2026-12-02 10:00:30', 'Europe/Moscow')).toBe('2026-12-02T07:00:30.000Z');
  // A date alone is the start of that office day.
  expect(iso('2026-12-02', 'Europe/Moscow')).toBe('2026-12-01T21:00:00.000Z');
});

test('a zone with summer time: the offset of that date', () => {
  expect(iso('2026-07-01T10:00', 'Europe/Berlin')).toBe('2026-07-01T08:00:00.000Z');
  expect(iso('2026-12-01T10:00', 'Europe/Berlin')).toBe('2026-12-01T09:00:00.000Z');
});

test('an explicit offset or Z is that instant', () => {
  expect(iso('2026-12-02T10:00:00+03:00', 'Asia/Tbilisi')).toBe('2026-12-02T07:00:00.000Z');
  expect(iso('2026-12-02T10:00Z', 'Europe/Moscow')).toBe('2026-12-02T10:00:00.000Z');
  expect(iso('2026-12-02T10:00:00.000Z', 'Europe/Moscow')).toBe('2026-12-02T10:00:00.000Z');
});

test('not a date-time, or a day that does not exist: undefined', () => {
  for (const text of ['tomorrow', '02.12.2026 10:00', '2026-02-31T10:00', '2026-12-02T25:00', '2026-13-01', ''])
    expect(officeInstant(text, 'Europe/Moscow')).toBeUndefined();
});
