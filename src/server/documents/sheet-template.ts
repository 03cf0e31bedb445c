// An invoice from a Google Sheet: its cells read once (every sheet, as displayed), the placeholders found in them, and
// the filled copy written in ONE Sheets batchUpdate (updateCells of each cell that named a placeholder, so the
// office's formulas and formats elsewhere stay as they are). Drive's copy keeps the tabs' titles; their ids are read
// from the copy, never assumed.

import { a1, cellData, updateAt, writeBatch } from '../sheets/values-batch';

type Request = GoogleAppsScript.Sheets.Schema.Request;

export interface SheetCells {
  sheets: Array<{ title: string; rows: string[][] }>;
}

function titlesOf(id: string): Array<{ title: string; sheetId: number }> {
  return SpreadsheetApp.openById(id)
    .getSheets()
    .map((s) => ({ title: s.getName(), sheetId: s.getSheetId() }));
}

/** Every sheet's cells as the person sees them (one openById for the titles, one values.batchGet). */
export function readSheetCells(id: string): SheetCells {
  const titles = titlesOf(id);
  const reply = Sheets!.Spreadsheets!.Values!.batchGet(id, {
    ranges: titles.map((t) => a1(t.title)),
    valueRenderOption: 'FORMATTED_VALUE',
  });
  const got = reply.valueRanges ?? [];
  return {
    sheets: titles.map((t, i) => ({
      title: t.title,
      rows: ((got[i]?.values ?? []) as unknown[][]).map((r) => r.map((v) => String(v ?? ''))),
    })),
  };
}

/** The text the placeholders are looked for in: one line per cell. */
export function sheetText(cells: SheetCells): string {
  return cells.sheets.map((s) => s.rows.map((r) => r.join('\n')).join('\n')).join('\n');
}

/** The copy with each placeholder cell rewritten as text; one batchUpdate. */
export function fillSheetCopy(
  copyId: string,
  cells: SheetCells,
  replacements: ReadonlyArray<{ find: string; replace: string }>,
): void {
  const ids = new Map(titlesOf(copyId).map((t) => [t.title, t.sheetId]));
  const requests: Request[] = [];
  for (const sheet of cells.sheets) {
    const sheetId = ids.get(sheet.title);
    if (sheetId === undefined) continue;
    sheet.rows.forEach((row, r) =>
      row.forEach((text, c) => {
        if (!text.includes('{{')) return;
        const filled = replacements.reduce((t, x) => t.split(x.find).join(x.replace), text);
        if (filled !== text) requests.push(updateAt(sheetId, r + 1, c, [cellData(filled, 'UTC')]));
      }),
    );
  }
  if (requests.length) writeBatch(SpreadsheetApp.openById(copyId), requests);
}
