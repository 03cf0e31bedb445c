// How a cell value reads on screen in the office's time zone: dates as dd.mm.yyyy (HH:mm), like Russian-locale Sheets.

import { formatLocal, formatLocalDate, localParts } from '../../core/events/zone';

export function displayValue(value: unknown, timeZone: string): string {
  if (value instanceof Date) {
    const { hour, minute } = localParts(value, timeZone);
    return hour === 0 && minute === 0 ? formatLocalDate(value, timeZone) : formatLocal(value, timeZone);
  }
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
