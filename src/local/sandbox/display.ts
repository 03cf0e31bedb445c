// How a cell value reads on screen in the office's time zone: dates as dd.mm.yyyy (HH:mm), like Russian-locale Sheets.

export function displayValue(value: unknown, timeZone: string): string {
  if (value instanceof Date) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(value)
        .map((p) => [p.type, p.value]),
    );
    const date = `${parts.day}.${parts.month}.${parts.year}`;
    return parts.hour === '00' && parts.minute === '00' ? date : `${date} ${parts.hour}:${parts.minute}`;
  }
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
