// What a spreadsheet exports to: PDF (every visible sheet's used range as a grid of the values a person sees, in
// sheet order; UNVERIFIED: Google's default print settings — gridlines, scale, page order — are not reproduced) and
// xlsx (SheetJS: every sheet, the values with their number formats — formulas are not carried over — hidden sheets
// hidden).

import * as XLSX from '@e965/xlsx';
import { displayText } from '../spreadsheet/number-format';
import { SpreadsheetStore } from '../spreadsheet/store';
import { Layout } from './layout';

export function sheetLayout(store: SpreadsheetStore, id: string): Layout {
  const ss = store.get(id);
  const blocks: Layout['blocks'] = [];
  for (const sheet of ss.sheets) {
    if (sheet.hidden || sheet.values.length === 0) continue;
    blocks.push({
      kind: 'table',
      rows: sheet.values.map((row, r) =>
        row.map((v, c) => displayText(v, store.formatOf(id, sheet.name, r + 1, c + 1), ss.timeZone, ss.locale)),
      ),
    });
  }
  return { title: ss.name, blocks };
}

export function sheetXlsx(store: SpreadsheetStore, id: string): Uint8Array {
  const ss = store.get(id);
  const book = XLSX.utils.book_new();
  for (const sheet of ss.sheets) {
    const ws = XLSX.utils.aoa_to_sheet(sheet.values, { cellDates: true });
    sheet.values.forEach((row, r) =>
      row.forEach((_, c) => {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        const format = store.formatOf(id, sheet.name, r + 1, c + 1);
        if (cell && format) cell.z = format;
      }),
    );
    XLSX.utils.book_append_sheet(book, ws, sheet.name);
  }
  book.Workbook = { Sheets: ss.sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })) };
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', cellDates: true }) as Buffer);
}
