// The Callbacks sheet ("Перезвонить") read in the caller's batch and written in its batchUpdate.

import { CallbackRecord, callbackCells, readCallbacks } from '../../core/pbx/callbacks';
import { sheetRows } from '../../core/pbx/sheet-rows';
import type { Table } from '../../core/events/table';
import type { Locale } from '../../core/i18n/locale';
import { a1, BatchRead } from '../sheets/values-batch';
import { listWrites } from './list-sheet';

type Request = GoogleAppsScript.Sheets.Schema.Request;

export interface CallbacksRead {
  table: Table | undefined;
  items: CallbackRecord[];
}

export function askCallbacks(
  batch: BatchRead,
  title: string,
  timeZone: () => string,
  got: (r: CallbacksRead) => void,
): void {
  batch.ask(a1(title), (v) => {
    const read = sheetRows(v, 'callbacks');
    got({ table: read.table, items: readCallbacks(read, timeZone()) });
  });
}

export function callbackWrites(
  sheetId: number,
  table: Table | undefined,
  items: CallbackRecord[],
  locale: Locale,
  timeZone: string,
): Request[] {
  return listWrites(
    sheetId,
    'callbacks',
    table,
    items.map((i) => ({ row: i.row, cells: callbackCells(i, locale) })),
    timeZone,
  );
}
