// A base at the account's limit (25,000 clients, a title line and a blank row above the header) reads whole, from
// xlsx and from CSV. How fast is the bench's business (`npm run bench -- --only import`: the preview against SheetJS
// parsing the same file alone), not a timed test's: timings on a shared CI machine would make this suite flaky.

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

test(`all ${ROWS} rows of an xlsx and a CSV base are read, under the title line`, () => {
  const { xlsx, csv } = bigBase();
  for (const [bytes, name] of [
    [xlsx, 'big.xlsx'],
    [csv, 'big.csv'],
  ] as const) {
    const r = readContactsFile(bytes, name);
    if (r.kind !== 'table') throw new Error(`${name} was not read as a table`);
    expect(r.table.headers.slice(0, 3)).toEqual(['ФИО', 'Телефон', 'E-mail']);
    expect(r.table.rows).toHaveLength(ROWS);
    expect(r.table.rows[ROWS - 1].cells[2]).toEqual({ text: `c${ROWS - 1}@example.ru` });
  }
});
