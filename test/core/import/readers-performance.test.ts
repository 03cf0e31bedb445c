// 25,000 clients must read about as fast as SheetJS parses the file: the reader adds one pass over the cells and no
// per-cell heavy work. Times are compared with SheetJS on the same machine, not with fixed numbers.

import * as XLSX from '@e965/xlsx';
import { readContactsFile } from '../../../src/core/import/readers';

const ROWS = 25000;

function bigBase(): { xlsx: Uint8Array; csv: Uint8Array } {
  const header = ['ФИО', 'Телефон', 'E-mail', 'Дата рождения', 'Категория', 'Комментарий'];
  const aoa: Array<Array<string | number>> = [['Клиенты'], [], header];
  for (let i = 0; i < ROWS; i++) {
    aoa.push([
      `Клиент ${i}`,
      i % 2 ? `+7 912 ${String(i).padStart(7, '0')}` : 79120000000 + i,
      `c${i}@example.ru`,
      25000 + (i % 20000),
      'VIP',
      i % 7 ? '' : 'Комментарий',
    ]);
  }
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  for (let i = 0; i < ROWS; i++) sheet[XLSX.utils.encode_cell({ r: 3 + i, c: 3 })].z = 'dd.mm.yyyy';
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Клиенты');
  const xlsx = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  const csv = new TextEncoder().encode(aoa.map((r) => r.join(';')).join('\r\n'));
  return { xlsx, csv };
}

function fastest(fn: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

test(`reading ${ROWS} rows costs little more than SheetJS alone`, () => {
  const { xlsx, csv } = bigBase();
  const sheetjs = fastest(() => XLSX.read(xlsx, { type: 'array', dense: true, cellNF: true }));
  let rows = 0;
  const ours = fastest(() => {
    const r = readContactsFile(xlsx, 'big.xlsx');
    if (r.kind === 'table') rows = r.table.rows.length;
  });
  expect(rows).toBe(ROWS);
  expect(ours).toBeLessThan(sheetjs * 1.5 + 200);

  const csvMs = fastest(() => {
    const r = readContactsFile(csv, 'big.csv');
    if (r.kind === 'table') rows = r.table.rows.length;
  });
  expect(rows).toBe(ROWS);
  expect(csvMs).toBeLessThan(sheetjs);
});
