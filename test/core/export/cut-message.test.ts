// After an Excel export that cut cells, the office is told which column and which rows, in its language.

import { cutMessages } from '../../../src/core/export/cut-message';
import { exportFile } from '../../../src/core/export/export-file';
import type { ExportContact } from '../../../src/core/export';

const contact = (given: string, note: string): ExportContact => ({
  labels: [],
  person: { names: [{ givenName: given }], biographies: [{ value: note }] },
});
const long = 'История заказов. '.repeat(2200);

test('two long notes: one line naming the column and both rows (the header is row 1)', () => {
  const contacts = [contact('Анна', 'ok'), contact('Борис', long), contact('Вера', 'ok'), contact('Глеб', long)];
  const { cut } = exportFile('xlsx', contacts, 'en');
  expect(cut.map((c) => c.row)).toEqual([3, 5]);
  expect(cutMessages(cut, 'en')).toEqual([
    '2 cells of “Notes” cut to 32,767 characters, the most an Excel cell holds (rows 3, 5); the full text stays in ' +
      'Google Contacts.',
  ]);
  expect(cutMessages(exportFile('xlsx', contacts, 'ru').cut, 'ru')).toEqual([
    'Обрезано до 32 767 символов (больше ячейка Excel не вмещает) в столбце «Комментарий»: 2 (строки 3, 5); ' +
      'полный текст остаётся в Google Контактах.',
  ]);
  expect(cutMessages(exportFile('xlsx', contacts.slice(0, 2), 'ka').cut, 'ka')[0]).toContain('(სტრიქონი 3)');
});

test('nothing cut, nothing said; CSV and vCard have no cell limit', () => {
  expect(cutMessages(exportFile('xlsx', [contact('Анна', 'ok')], 'en').cut, 'en')).toEqual([]);
  expect(exportFile('google-csv', [contact('Борис', long)], 'en').cut).toEqual([]);
  expect(exportFile('vcard', [contact('Борис', long)], 'en').cut).toEqual([]);
});
