// The callback list ("Перезвонить"): ONE open item per caller number (E.164). A missed inbound call opens it or adds
// an attempt; a later answered call with that number, in either direction, closes it (closedBy 'call'); staff may
// close it by hand ('hand'). Closed items stay in the sheet as the history; a new missed call opens a new item.

import type { CallbackItem } from '../../shared/pbx-dto';
import type { Locale } from '../i18n/locale';
import type { CellValue } from '../sheets/cell-text';
import { formatPhone } from '../phone';
import { pbxText, wordOf } from './messages';
import { dateAt, numberAt, SheetRows, textAt } from './sheet-rows';

/** A callback item as the plan works on it: the sidebar's CallbackItem with its instants as Dates (closedAt absent while
 *  open) and `row` 0 for an item this run creates. */
export type CallbackRecord = Omit<CallbackItem, 'display' | 'firstAt' | 'lastAt' | 'closedAt'> & {
  firstAt: Date;
  lastAt: Date;
  closedAt?: Date;
};

const STATES = { open: 'open', closed: 'closed' } as const;
const CLOSED_BY = { call: 'byCall', hand: 'byHand' } as const;

export function readCallbacks(read: SheetRows, timeZone: string): CallbackRecord[] {
  const t = read.table;
  if (!t) return [];
  const out: CallbackRecord[] = [];
  for (const { row, cells } of read.rows) {
    const phone = textAt(t, cells, 'phone');
    const lastAt = dateAt(t, cells, 'lastAt', timeZone);
    if (!phone || !lastAt) continue;
    out.push({
      phone,
      client: textAt(t, cells, 'client'),
      clientId: textAt(t, cells, 'clientId'),
      attempts: Math.max(1, Math.round(numberAt(t, cells, 'attempts'))),
      firstAt: dateAt(t, cells, 'firstAt', timeZone) ?? lastAt,
      lastAt,
      manager: textAt(t, cells, 'manager'),
      state: wordOf(STATES, textAt(t, cells, 'state')) ?? 'open',
      closedAt: dateAt(t, cells, 'closedAt', timeZone),
      closedBy: wordOf(CLOSED_BY, textAt(t, cells, 'closedBy')) ?? '',
      row,
    });
  }
  return out;
}

export function callbackCells(item: CallbackRecord, locale: Locale): Record<string, CellValue> {
  return {
    phone: item.phone,
    client: item.client,
    clientId: item.clientId,
    attempts: item.attempts,
    firstAt: item.firstAt,
    lastAt: item.lastAt,
    manager: item.manager,
    state: pbxText(locale, STATES[item.state]),
    closedAt: item.closedAt ?? '',
    closedBy: item.closedBy ? pbxText(locale, CLOSED_BY[item.closedBy]) : '',
  };
}

/** The open item of a number (the latest, should a hand edit have left two). */
export function openItem(items: CallbackRecord[], phone: string): CallbackRecord | undefined {
  let found: CallbackRecord | undefined;
  for (const i of items) if (i.state === 'open' && i.phone === phone) found = i;
  return found;
}

/** A missed inbound call: the number's open item gets an attempt, or a new item opens. Returns the item changed. */
export function missedCall(
  items: CallbackRecord[],
  call: { phone: string; at: Date; client: string; clientId: string; manager: string },
): CallbackRecord {
  const open = openItem(items, call.phone);
  if (open) {
    open.attempts += 1;
    if (call.at.getTime() > open.lastAt.getTime()) open.lastAt = call.at;
    if (call.at.getTime() < open.firstAt.getTime()) open.firstAt = call.at;
    if (!open.clientId && call.clientId) Object.assign(open, { client: call.client, clientId: call.clientId });
    if (!open.manager) open.manager = call.manager;
    return open;
  }
  const item: CallbackRecord = {
    phone: call.phone,
    client: call.client,
    clientId: call.clientId,
    attempts: 1,
    firstAt: call.at,
    lastAt: call.at,
    manager: call.manager,
    state: 'open',
    closedBy: '',
    row: 0,
  };
  items.push(item);
  return item;
}

/** An answered call started after the open item's last missed call closes it; returns the item closed, if any. */
export function answeredCall(items: CallbackRecord[], phone: string, at: Date): CallbackRecord | undefined {
  const open = openItem(items, phone);
  if (!open || at.getTime() <= open.lastAt.getTime()) return undefined;
  Object.assign(open, { state: 'closed', closedAt: at, closedBy: 'call' });
  return open;
}

export function closeByHand(items: CallbackRecord[], phone: string, now: Date): CallbackRecord | undefined {
  const open = openItem(items, phone);
  if (open) Object.assign(open, { state: 'closed', closedAt: now, closedBy: 'hand' });
  return open;
}

export function callbackView(item: CallbackRecord, defaultCountry: string): CallbackItem {
  return {
    phone: item.phone,
    display: formatPhone(item.phone, defaultCountry),
    client: item.client,
    clientId: item.clientId,
    attempts: item.attempts,
    firstAt: item.firstAt.toISOString(),
    lastAt: item.lastAt.toISOString(),
    manager: item.manager,
    state: item.state,
    closedAt: item.closedAt ? item.closedAt.toISOString() : '',
    closedBy: item.closedBy,
    row: item.row,
  };
}
