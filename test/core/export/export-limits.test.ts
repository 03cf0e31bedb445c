// Export limits (issue 11, defect 8): a 60,000-character note does not break the Excel export — the cell is cut to
// Excel's 32,767 characters, ends with a marker saying so, and the cut is reported; a name or note that looks like a
// phone (`+1-2`) is neutralised, a phone number is left as it is only in phone columns.

import * as XLSX from '@e965/xlsx';
import { googleCsv, outlookCsv } from '../../../src/core/export';
import type { ExportContact } from '../../../src/core/export';
import { xlsxExport } from '../../../src/core/export/xlsx';

const longNote = 'Переписка с клиентом о поставках. '.repeat(1800);
const client: ExportContact = {
  labels: [],
  person: {
    names: [{ familyName: 'Петрова', givenName: 'Мария' }],
    phoneNumbers: [{ value: '+7 912 345-67-89', type: 'mobile' }],
    biographies: [{ value: longNote }],
  },
};
const phoneShaped: ExportContact = {
  labels: [],
  person: {
    names: [{ givenName: '+1-2' }],
    phoneNumbers: [{ value: '+7 903 111-22-33', type: 'mobile' }],
    biographies: [{ value: '+1-2-3' }],
  },
};

function sheetRows(bytes: Uint8Array): string[][] {
  const book = XLSX.read(bytes, { type: 'array' });
  return XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]], { header: 1, raw: false, defval: '' });
}

test('a 60,000-character note is cut to 32,767 characters with a marker, and the cut is listed', () => {
  expect(longNote.length).toBeGreaterThan(60_000);
  const { bytes, cut } = xlsxExport([client], 'ru');
  const [header, row] = sheetRows(bytes);
  const note = row[header.indexOf('Комментарий')];
  expect(note).toHaveLength(32_767);
  expect(note.startsWith('Переписка с клиентом о поставках.')).toBe(true);
  expect(note).toMatch(
    /\[обрезано: в ячейке Excel не больше 32 767 символов из 61200; полный текст в Google Контактах\]$/,
  );
  expect(cut).toEqual([{ sheet: 'Клиенты', row: 2, column: 'Комментарий', length: longNote.length }]);
  expect(row[header.indexOf('Телефоны')]).toBe('+7 912 345-67-89');
});

test('phone-shaped text is neutralised outside phone columns, phones are kept in them', () => {
  const [header, row] = sheetRows(xlsxExport([phoneShaped], 'en').bytes);
  expect(row[header.indexOf('First name')]).toBe("'+1-2");
  expect(row[header.indexOf('Notes')]).toBe("'+1-2-3");
  expect(row[header.indexOf('Phones')]).toBe('+7 903 111-22-33');

  const google = googleCsv([phoneShaped]);
  expect(google).toContain("\r\n'+1-2,");
  expect(google).toContain(",'+1-2-3,");
  expect(google).toContain(',+7 903 111-22-33');
  const outlook = outlookCsv([phoneShaped]);
  expect(outlook).toContain("'+1-2");
  expect(outlook).toContain(',+7 903 111-22-33');
});
