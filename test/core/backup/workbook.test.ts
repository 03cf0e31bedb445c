import * as XLSX from '@e965/xlsx';
import { eventsWorkbookParts, sheetsWorkbook } from '../../../src/core/backup/workbook';
import type { SheetsCopy } from '../../../src/core/backup/types';

const copy: SheetsCopy = {
  timeZone: 'Europe/Moscow',
  sheets: {
    events: [
      ['id', 'Клиент', 'Дата', 'Сумма', 'Текст'],
      ['ev-1', 'c-7f3a9', '12.03.2024 10:00', 1500, '=1+1'],
      ['ev-2', 'c-8b', '01.04.2024', 0.5, '+7 912 345-67-89'],
      ['ev-3', 'c-9', '', null, '@SUM(A1) ქართული 😀'],
    ],
    lists: [['Тип события'], ['Звонок'], ['Визит']],
    staff: [
      ['E-mail', 'Роль'],
      ['director@example.ru', 'director'],
    ],
  },
};

function readBack(bytes: Uint8Array) {
  const book = XLSX.read(bytes, { type: 'array' });
  return {
    names: book.SheetNames,
    sheet: (name: string) => book.Sheets[name],
    rows: (name: string) => XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name], { header: 1, defval: null }),
  };
}

describe('the CRM sheets as a workbook', () => {
  const bytes = sheetsWorkbook(copy, { events: 'События', lists: 'Списки', staff: 'Сотрудники' });
  const back = readBack(bytes);

  it('has one sheet per copied sheet, titled, in order', () => {
    expect(back.names).toEqual(['События', 'Списки', 'Сотрудники']);
  });

  it('reads back equal to the copy: texts stay texts (no formula), numbers stay numbers', () => {
    // An empty text is an empty cell, as in Sheets.
    const events = copy.sheets.events.map((r) => r.map((v) => (v === '' ? null : v)));
    expect(back.rows('События')).toEqual(events);
    expect(back.rows('Списки')).toEqual(copy.sheets.lists);
    expect(back.rows('Сотрудники')).toEqual(copy.sheets.staff);
    const formulaCell = back.sheet('События').E2;
    expect(formulaCell.t).toBe('s');
    expect(formulaCell.v).toBe('=1+1');
    expect(formulaCell.f).toBeUndefined();
    expect(back.sheet('События').D2).toMatchObject({ t: 'n', v: 1500 });
  });

  it('is compressed (a zip with deflated entries) and names without a title fall back to the key', () => {
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    const big: SheetsCopy = {
      timeZone: 'UTC',
      sheets: { events: [['a'], ...Array.from({ length: 5000 }, () => ['одинаковый текст события'])] },
    };
    const plain = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(plain, XLSX.utils.aoa_to_sheet(big.sheets.events), 'events');
    const uncompressed = (XLSX.write(plain, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer).byteLength;
    expect(sheetsWorkbook(big, {}).length).toBeLessThan(uncompressed / 2);
    expect(readBack(sheetsWorkbook(big, {})).names).toEqual(['events']);
  });

  it('splits a long Events sheet into workbooks of at most maxRows rows, each with the header', () => {
    const header = ['id', 'Текст'];
    const rows = Array.from({ length: 45 }, (_, i) => [`ev-${i}`, `событие ${i}`]);
    const parts = eventsWorkbookParts(rows, header, 20, 'События');
    expect(parts.map((p) => p.rows)).toEqual([20, 20, 5]);
    const all = parts.flatMap((p) => {
      const r = readBack(p.bytes).rows('События');
      expect(r[0]).toEqual(header);
      return r.slice(1);
    });
    expect(all).toEqual(rows);
  });
});
