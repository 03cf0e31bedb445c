// The office's time zone for the CLI, and what a typed --at means in it. A time without an offset is the office's wall
// clock (as the sidebar and the card read it), never UTC or the host's zone: `--at 2026-12-02T10:00` is 10:00 where
// the office is. The zone is found as the server finds it — Settings → timeZone, else the spreadsheet's own zone —
// from the emulated spreadsheet's state, so asking costs no service call.

import { zonedInstant } from '../../core/events/zone';
import { readSettingsSheet } from '../../core/settings/read';
import { sheetTitleMatches } from '../../core/sheets/template';
import { template } from '../../core/sheets/templates';
import type { Office } from '../office';
import { flag, ParsedArgs, UsageError } from './args';

/** Where setup remembers each CRM sheet's id (src/server/sheets/crm-spreadsheet.ts SHEET_IDS). */
const SHEET_IDS = 'crm.sheetIds';

/** Settings → timeZone when the office set one it allows, else the spreadsheet's zone. */
export function officeTimeZone(office: Office): string {
  const store = office.workspace.spreadsheets;
  const ss = store.record(office.spreadsheetId);
  if (!ss) throw new Error(`No spreadsheet ${office.spreadsheetId}`);
  const tpl = template('settings');
  // By title in any language first, then by the id setup remembered (a renamed tab), as crmSheet() does.
  let sheet = ss.sheets.find((s) => sheetTitleMatches(tpl, s.name));
  if (!sheet) {
    const raw = office.workspace.properties.peek('sheet', 'script', SHEET_IDS);
    const id = raw ? (JSON.parse(raw) as Record<string, number>).settings : undefined;
    sheet = id === undefined ? undefined : ss.sheets.find((s) => s.sheetId === id);
  }
  const written = sheet ? readSettingsSheet(store.values(ss.id, sheet.name)).written.timeZone : undefined;
  return written || ss.timeZone;
}

const OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?)?$/;

/**
 * An ISO 8601 date-time → the instant (ms), or undefined when it is not one. With Z or an offset it is that instant;
 * without, a wall-clock time in `timeZone` (a date alone is that day's 00:00 there). A time skipped or repeated when
 * the clocks change is read as core's zonedInstant reads it.
 */
export function officeInstant(text: string, timeZone: string): number | undefined {
  const value = text.trim();
  const local = LOCAL.exec(value);
  if (local) {
    const [year, month, day, hour = 0, minute = 0, second = 0] = local.slice(1).map((v) => (v ? Number(v) : 0));
    // Date.UTC rolls 31.02 over into March: a date that does not round-trip does not exist.
    const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    if (
      check.getUTCFullYear() !== year ||
      check.getUTCMonth() !== month - 1 ||
      check.getUTCDate() !== day ||
      check.getUTCHours() !== hour ||
      check.getUTCMinutes() !== minute
    )
      return undefined;
    return zonedInstant(year, month, day, hour, minute, timeZone, second).getTime();
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || !OFFSET.test(value)) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/** `--NAME ISO` as an instant (ISO, UTC) in the office's zone; undefined when the option is absent. */
export function atOption(office: Office, args: ParsedArgs, name = 'at'): string | undefined {
  const value = flag(args, name);
  if (value === undefined) return undefined;
  const t = officeInstant(value, officeTimeZone(office));
  if (t === undefined)
    throw new UsageError(
      `--${name} "${value}" is not a date-time: use ISO 8601, e.g. 2026-03-02T15:00 (office time) or 2026-03-02T15:00:00+03:00`,
    );
  return new Date(t).toISOString();
}
