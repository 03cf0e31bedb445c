// The hidden "Mailings queue" sheet read in the caller's batch and written in its batchUpdate (the same row writer as
// telephony's Callbacks sheet: pbx/list-sheet.ts), wherever the office moved its columns.

import type { Table } from '../../core/events/table';
import { parseState, QueueRow } from '../../core/mailing/queue';
import { dateAt, sheetRows, textAt } from '../../core/pbx/sheet-rows';
import type { CellValue } from '../../core/sheets/cell-text';
import { a1, BatchRead } from '../sheets/values-batch';
import { listWrites } from '../pbx/list-sheet';

type Request = GoogleAppsScript.Sheets.Schema.Request;

export interface QueueRead {
  table: Table | undefined;
  rows: QueueRow[];
  /** The sheet's last row with data: where the next append lands is the row after it. */
  lastRow: number;
}

export function askQueue(batch: BatchRead, title: string, timeZone: () => string, got: (r: QueueRead) => void): void {
  batch.ask(a1(title), (values) => {
    const read = sheetRows(values, 'mailings');
    const table = read.table;
    const rows: QueueRow[] = [];
    if (table)
      for (const { row, cells } of read.rows) {
        const text = (key: string) => textAt(table, cells, key);
        const state = parseState(text('state'));
        const mailing = text('mailing');
        if (!state || !mailing) continue;
        const queuedAt = dateAt(table, cells, 'queuedAt', timeZone());
        const sentAt = dateAt(table, cells, 'sentAt', timeZone());
        rows.push({
          row,
          mailing,
          channel: text('channel') === 'sms' ? 'sms' : 'email',
          ...(queuedAt ? { queuedAt } : {}),
          createdBy: text('createdBy'),
          clientId: text('clientId'),
          client: text('client'),
          to: text('to'),
          subject: text('subject'),
          text: text('text'),
          state,
          ...(sentAt ? { sentAt } : {}),
          eventId: text('eventId'),
          detail: text('detail'),
        });
      }
    got({ table, rows, lastRow: values.length });
  });
}

function cells(r: QueueRow): Record<string, CellValue> {
  return {
    mailing: r.mailing,
    channel: r.channel,
    ...(r.queuedAt ? { queuedAt: r.queuedAt } : {}),
    createdBy: r.createdBy,
    clientId: r.clientId,
    client: r.client,
    to: r.to,
    subject: r.subject,
    text: r.text,
    state: r.state,
    sentAt: r.sentAt ?? '',
    eventId: r.eventId,
    detail: r.detail,
  };
}

/**
 * The moving cells of existing rows (state, sentAt, eventId, detail), or with `append` whole new rows appended in
 * order (their `row` numbers are where the append lands: after the sheet's last row with data).
 */
export function queueWrites(
  sheetId: number,
  table: Table | undefined,
  rows: QueueRow[],
  timeZone: string,
  append = false,
): Request[] {
  return listWrites(
    sheetId,
    'mailings',
    table,
    rows.map((r) => {
      const all = cells(r);
      const moving = { state: all.state, sentAt: all.sentAt, eventId: all.eventId, detail: all.detail };
      return append ? { row: 0, cells: all } : { row: r.row, cells: moving };
    }),
    timeZone,
  );
}
