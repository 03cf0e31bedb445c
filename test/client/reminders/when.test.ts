// Dates and times as the Reminders sidebar writes them: the user's format, the office's zone (never the host's), and
// the log form's default time.

import { ageText } from '../../../src/client/sidebars/reminders/age';
import { nextRoundHour, when } from '../../../src/client/sidebars/reminders/when';

const AT = '2026-12-02T12:30:00Z';

test('Russian and Georgian: dd.mm.yyyy and a 24-hour clock, in the office zone', () => {
  expect(when('ru', 'Europe/Moscow').dateTime(AT)).toBe('02.12.2026 15:30');
  expect(when('ka', 'Asia/Tbilisi').dateTime(AT)).toBe('02.12.2026 16:30');
  expect(when('ru', 'Europe/Moscow').time(AT)).toBe('15:30');
  expect(when('ru', 'Europe/Moscow').date(AT)).toBe('02.12.2026');
});

test('English: the locale convention, month first and a 12-hour clock', () => {
  expect(when('en', 'Europe/Moscow').dateTime(AT)).toMatch(/^12\/2\/2026, 3:30\sPM$/);
  expect(when('en', 'Europe/Moscow').time(AT)).toMatch(/^3:30\sPM$/);
});

test('the zone decides the day: late evening in New York is the next day in Moscow', () => {
  const evening = '2026-12-03T02:00:00Z';
  expect(when('ru', 'America/New_York').dateTime(evening)).toBe('02.12.2026 21:00');
  expect(when('ru', 'Europe/Moscow').dateTime(evening)).toBe('03.12.2026 05:00');
});

test('midnight is 00:00, never 24:00', () => {
  expect(when('ru', 'Europe/Moscow').dateTime('2026-12-01T21:00:00Z')).toBe('02.12.2026 00:00');
});

test('a local day (a birthday) stays that day in any zone', () => {
  for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Moscow', 'UTC'])
    expect(when('ru', zone).day('2026-12-02')).toBe('02.12.2026');
  expect(when('en', 'Pacific/Pago_Pago').day('2026-12-02')).toBe('12/2/2026');
});

test('the log form starts at the next round hour on the office clock', () => {
  // 09:20 in Moscow.
  expect(nextRoundHour(Date.parse('2026-12-02T06:20:00Z'), 'Europe/Moscow')).toBe('2026-12-02T10:00');
  // On the hour exactly: the next one.
  expect(nextRoundHour(Date.parse('2026-12-02T06:00:00Z'), 'Europe/Moscow')).toBe('2026-12-02T10:00');
  // Late evening: tomorrow's midnight.
  expect(nextRoundHour(Date.parse('2026-12-02T20:40:00Z'), 'Europe/Moscow')).toBe('2026-12-03T00:00');
  // A zone 45 minutes off the hour: 09:15 in Kathmandu is 03:30 UTC.
  expect(nextRoundHour(Date.parse('2026-12-02T03:30:00Z'), 'Asia/Kathmandu')).toBe('2026-12-02T10:00');
  // The night clocks go forward in Berlin: 01:30 is followed by 03:00.
  expect(nextRoundHour(Date.parse('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:00');
});

test('ages in words, with the language plural', () => {
  expect(ageText('ru', 31)).toBe('31 год');
  expect(ageText('ru', 32)).toBe('32 года');
  expect(ageText('ru', 35)).toBe('35 лет');
  expect(ageText('ru', 11)).toBe('11 лет');
  expect(ageText('en', 1)).toBe('1 year');
  expect(ageText('en', 40)).toBe('40 years');
  expect(ageText('ka', 40)).toBe('40 წლის');
});
