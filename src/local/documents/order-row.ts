// An order event written straight into the Events sheet, as an office (or the orders' own logging) leaves one: the
// documents' tests, bench and sandbox start from it. A script's write, so no trigger fires; the row goes below the last.

import { createSpreadsheetApp, UiHost } from 'workspace-emulator';
import { statusLabel } from '../../core/events/status';
import { orderStateLabel } from '../../core/orders/state';
import { locateColumns } from '../../core/sheets/template';
import { template } from '../../core/sheets/templates';
import type { OrderState } from '../../shared/events-dto';
import type { Office } from '../office';

export interface OrderRow {
  id: string;
  at: Date;
  client: string;
  clientId: string;
  amount: number | string;
  currency?: string;
  orderState?: OrderState;
  kind?: string;
  reason?: string;
  result?: string;
  manager?: string;
}

/** Appends the order rows (Russian office words for status and state); returns the rows' numbers. */
export function appendOrderRows(office: Office, orders: OrderRow[]): number[] {
  const ws = office.workspace;
  const ss = createSpreadsheetApp(ws.spreadsheets, ws.ctx, {
    activeSpreadsheetId: office.spreadsheetId,
    ui: new UiHost(),
  }).openById(office.spreadsheetId);
  const tpl = template('events');
  const sheet = ss.getSheets().find((s) => s.getName() === tpl.title.ru);
  if (!sheet) throw new Error('The Events sheet is missing: run setup first');
  const width = sheet.getLastColumn();
  const at = locateColumns(tpl, sheet.getRange(1, 1, 1, width).getValues()[0]);
  const values = orders.map((o) => {
    const row: unknown[] = new Array(width).fill('');
    const cells: Record<string, unknown> = {
      id: o.id,
      date: o.at,
      kind: o.kind ?? 'Заказ',
      reason: o.reason ?? 'Заказ',
      client: o.client,
      clientId: o.clientId,
      manager: o.manager ?? '',
      result: o.result ?? '',
      status: statusLabel('done', 'ru'),
      amount: o.amount,
      currency: o.currency ?? '',
      orderState: o.orderState ? orderStateLabel(o.orderState, 'ru') : '',
    };
    for (const [k, v] of Object.entries(cells)) if (at[k] !== undefined && at[k] >= 0) row[at[k]] = v;
    return row;
  });
  const first = sheet.getLastRow() + 1;
  if (first + values.length - 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), first + values.length - 1 - sheet.getMaxRows());
  sheet.getRange(first, 1, values.length, width).setValues(values as never);
  return values.map((_, i) => first + i);
}
