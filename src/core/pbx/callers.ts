// New callers: one row per number no client has that called or was called, counted again by each call, until the
// staff add it as a client ("added", with the contact) or leave it ("ignored", typed by hand).

import type { NewCallerItem } from '../../shared/pbx-dto';
import type { Locale } from '../i18n/locale';
import type { CellValue } from '../sheets/cell-text';
import { formatPhone } from '../phone';
import { pbxText, wordOf } from './messages';
import { dateAt, numberAt, SheetRows, textAt } from './sheet-rows';

/** A new caller as the plan works on it: the sidebar's NewCallerItem with its instants as Dates. */
export type CallerRecord = Omit<NewCallerItem, 'display' | 'firstAt' | 'lastAt'> & { firstAt: Date; lastAt: Date };

const STATES = { new: 'new', added: 'added', ignored: 'ignored' } as const;

export function readCallers(read: SheetRows, timeZone: string): CallerRecord[] {
  const t = read.table;
  if (!t) return [];
  const out: CallerRecord[] = [];
  for (const { row, cells } of read.rows) {
    const phone = textAt(t, cells, 'phone');
    const lastAt = dateAt(t, cells, 'lastAt', timeZone);
    if (!phone || !lastAt) continue;
    out.push({
      phone,
      firstAt: dateAt(t, cells, 'firstAt', timeZone) ?? lastAt,
      lastAt,
      calls: Math.max(1, Math.round(numberAt(t, cells, 'calls'))),
      line: textAt(t, cells, 'line'),
      manager: textAt(t, cells, 'manager'),
      state: wordOf(STATES, textAt(t, cells, 'state')) ?? 'new',
      clientId: textAt(t, cells, 'clientId'),
      row,
    });
  }
  return out;
}

export function callerCells(c: CallerRecord, locale: Locale): Record<string, CellValue> {
  return {
    phone: c.phone,
    firstAt: c.firstAt,
    lastAt: c.lastAt,
    calls: c.calls,
    line: c.line,
    manager: c.manager,
    state: pbxText(locale, STATES[c.state]),
    clientId: c.clientId,
  };
}

/** A call with an unknown number: its row counts it, or a new row is made. Returns the row changed. */
export function unknownCall(
  callers: CallerRecord[],
  call: { phone: string; at: Date; line: string; manager: string },
): CallerRecord {
  const known = callers.find((c) => c.phone === call.phone);
  if (known) {
    known.calls += 1;
    if (call.at.getTime() > known.lastAt.getTime()) {
      known.lastAt = call.at;
      if (call.line) known.line = call.line;
      if (call.manager) known.manager = call.manager;
    }
    if (call.at.getTime() < known.firstAt.getTime()) known.firstAt = call.at;
    return known;
  }
  const row: CallerRecord = {
    ...call,
    firstAt: call.at,
    lastAt: call.at,
    calls: 1,
    state: 'new',
    clientId: '',
    row: 0,
  };
  callers.push(row);
  return row;
}

export function callerView(c: CallerRecord, defaultCountry: string): NewCallerItem {
  return {
    phone: c.phone,
    display: formatPhone(c.phone, defaultCountry),
    firstAt: c.firstAt.toISOString(),
    lastAt: c.lastAt.toISOString(),
    calls: c.calls,
    line: c.line,
    manager: c.manager,
    state: c.state,
    clientId: c.clientId,
    row: c.row,
  };
}
