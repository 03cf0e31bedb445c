// Excel stores a date as a count of days. Workbooks made on old Macs count from 1904-01-01 (serial 0), all others from
// 1899-12-31 (serial 1 = 1900-01-01) and keep Lotus 1-2-3's leap day 1900-02-29 (serial 60), so serials past it are one
// day ahead. https://learn.microsoft.com/en-us/office/troubleshoot/excel/1900-and-1904-date-system

import { civilFromDays } from '../../civil-date';
import type { CalendarDate } from '../types';

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
