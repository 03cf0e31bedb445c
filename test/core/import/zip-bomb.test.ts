// Zip bombs: an xlsx whose central directory declares gigabytes once unpacked is refused before anything is
// inflated, naming the file and the limit; so is a sheet holding more cells than the limit. The same reader serves the
// sidebar (browser) and `crm preview` (CLI): both are exercised. Each file is made here.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { ReadError, readContactsFile } from '../../../src/core/import/readers';
import { declaredUnpackedBytes, WORKBOOK_LIMITS } from '../../../src/core/import/readers/zip-limits';
import { runCli, tempDir } from '../../local/cli/run-cli';

function smallXlsx(): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([
    ['Имя', 'Телефон'],
    ['Анна Иванова', '+79161234501'],
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Клиенты');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** The same archive, its central directory declaring each part 1.5 GB unpacked (what a bomb declares). */
function bomb(): Uint8Array {
  const bytes = smallXlsx().slice();
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 46 <= bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    view.setUint32(at + 24, 1_500_000_000, true);
    at += 45;
  }
  return bytes;
}

function refusal(fn: () => unknown): ReadError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

test('a small xlsx declaring gigabytes unpacked is refused before inflating, with the file and the limit', () => {
  const good = smallXlsx();
  expect(declaredUnpackedBytes(good)).toBeLessThan(100_000);
  const r = readContactsFile(good, 'good.xlsx');
  expect(r.kind === 'table' && r.table.rows.length).toBe(1);

  const bytes = bomb();
  expect(bytes.length).toBeLessThan(50_000);
  expect(declaredUnpackedBytes(bytes)).toBeGreaterThan(WORKBOOK_LIMITS.unpackedBytes);
  const e = refusal(() => readContactsFile(bytes, 'bomb.xlsx'));
  expect(e.code).toBe('too-large');
  expect(e.message).toMatch(
    /^"bomb\.xlsx" is \d+ KB but declares [\d,]+ MB once unpacked; the import reads at most 200 MB/,
  );
});

test('a sheet holding more than 2,000,000 cells is refused with its name, the count and the limit', () => {
  // 130 rows, each with a cell in column A and one in column XFD (the last): 130 × 16,384 cells to build.
  const sheet: XLSX.WorkSheet = {};
  for (let r = 0; r < 130; r++) {
    sheet[XLSX.utils.encode_cell({ r, c: 0 })] = { t: 's', v: r === 0 ? 'Имя' : `Клиент ${r}` };
    sheet[XLSX.utils.encode_cell({ r, c: 16_383 })] = { t: 's', v: 'x' };
  }
  sheet['!ref'] = 'A1:XFD130';
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Широкий');
  const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  const e = refusal(() => readContactsFile(bytes, 'wide.xlsx'));
  expect(e.code).toBe('too-large');
  expect(e.message).toMatch(/^The sheet "Широкий" of "wide\.xlsx" holds 2,129,920 cells .*at most 2,000,000 cells/);
});

test('crm preview refuses the bomb the same way', async () => {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'bomb.xlsx');
    fs.writeFileSync(file, bomb());
    const run = await runCli(dir, 'preview', file, '--json');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(
      /"bomb\.xlsx" is \d+ KB but declares [\d,]+ MB once unpacked; the import reads at most 200 MB/,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
