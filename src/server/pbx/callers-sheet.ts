// The New callers sheet read in the caller's batch and written in its batchUpdate.

import { CallerRecord, callerCells, readCallers } from '../../core/pbx/callers';
import { sheetRows } from '../../core/pbx/sheet-rows';
import type { Table } from '../../core/events/table';
import type { Locale } from '../../core/i18n/locale';
import { a1, BatchRead } from '../sheets/values-batch';
import { listWrites } from './list-sheet';

type Request = GoogleAppsScript.Sheets.Schema.Request;

export interface CallersRead {
  table: Table | undefined;
  items: CallerRecord[];
}

export function askCallers(
  batch: BatchRead,
  title: string,
  timeZone: () => string,
  got: (r: CallersRead) => void,
): void {
  batch.ask(a1(title), (v) => {
    const read = sheetRows(v, 'callers');
    got({ table: read.table, items: readCallers(read, timeZone()) });
  });
}

export function callerWrites(
  sheetId: number,
  table: Table | undefined,
  items: CallerRecord[],
  locale: Locale,
  timeZone: string,
): Request[] {
  return listWrites(
    sheetId,
    'callers',
    table,
    items.map((i) => ({ row: i.row, cells: callerCells(i, locale) })),
    timeZone,
  );
}
