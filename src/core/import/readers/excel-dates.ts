// Excel stores a date as a count of days. Workbooks made on old Macs count from 1904-01-01 (serial 0), all others from
// 1899-12-31 (serial 1 = 1900-01-01) and keep Lotus 1-2-3's leap day 1900-02-29 (serial 60), so serials past it are one
// day ahead. https://learn.microsoft.com/en-us/office/troubleshoot/excel/1900-and-1904-date-system

import type { CalendarDate } from '../types';

function civilFromDays(days: number): CalendarDate {
  // Days since 1970-01-01 → proleptic Gregorian date (Howard Hinnant's algorithm), no Date object, no time zone.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

const DAYS_1899_12_31 = -25568; // 1899-12-31 relative to 1970-01-01
const DAYS_1904_01_01 = -24107;

/** The calendar date of a serial (its time of day ignored), or undefined for serials no calendar can show. */
export function excelSerialToDate(serial: number, date1904: boolean): CalendarDate | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return undefined;
  const whole = Math.floor(serial);
  if (date1904) return civilFromDays(DAYS_1904_01_01 + whole);
  if (whole === 0) return undefined; // Excel shows 00.01.1900: no real day
  if (whole === 60) return { year: 1900, month: 2, day: 29 }; // what Excel shows; the cleaner rejects it as impossible
  return civilFromDays(DAYS_1899_12_31 + (whole > 60 ? whole - 1 : whole));
}
