// A wide file (95 columns with long Cyrillic headers) is imported and its mapping remembered, through the built
// bundle: the mapping is more than one property value holds (9 KB), so it is stored in parts and offered again for
// the next file with the same header. A mapping beyond the whole property store is refused with the file's name and
// the numbers, before the import writes anything.

import { importFile, prepareImport } from '../../../src/local/import-driver';
import { testOffice } from '../../support/office';

const COLUMNS = 95;
const headers = ['ФИО', 'Телефон', 'E-mail'].concat(
  Array.from({ length: COLUMNS - 3 }, (_, i) => `Поле ${i + 1}: примечание менеджера отдела`),
);
const rows = [
  ['Петрова Мария Ивановна', '+7 912 345-67-89', 'maria@example.ru'],
  ['Сидоров Пётр', '+7 903 111-22-33', 'petr@example.ru'],
].map((r) => r.concat(Array.from({ length: COLUMNS - 3 }, (_, i) => `значение ${i}`)));
const csv = [headers, ...rows].map((r) => r.map((c) => `"${c}"`).join(';')).join('\r\n');
const file = (fileName: string) => ({ bytes: new TextEncoder().encode(csv), fileName });

test('a 95-column Cyrillic file imports, and its mapping (over 9 KB) is remembered in parts and offered again', () => {
  const office = testOffice();
  office.rpc.runSetup();
  const result = importFile(office, file('wide.csv'));
  expect(result.status).toBe('done');
  expect(result.created).toBe(2);

  const props = office.workspace.properties.entries('document:sheet');
  const keys = Object.keys(props).filter((k) => k.startsWith('crm.mapping.'));
  expect(keys.length).toBeGreaterThan(2);
  const bytes = keys.reduce((n, k) => n + Buffer.byteLength(k + props[k]), 0);
  expect(bytes).toBeGreaterThan(9_000);

  const again = prepareImport(office, file('wide-again.csv'));
  expect(again.setup.mapping?.columns).toHaveLength(COLUMNS);
  expect(again.setup.mapping?.columns[COLUMNS - 1].header).toBe(headers[COLUMNS - 1]);
  // The same mapping is not written again: re-importing leaves the parts as they are.
  expect(importFile(office, file('wide-again.csv')).created).toBe(0);
  expect(office.workspace.properties.entries('document:sheet')).toEqual(props);
});

test('a mapping beyond the property store is refused with the file, its width and the limit, writing nothing', () => {
  const office = testOffice();
  office.rpc.runSetup();
  const huge = Array.from({ length: 6000 }, (_, i) => ({
    index: i,
    header: `Очень длинный заголовок столбца для проверки предела хранилища ${i}`,
    field: 'notes',
  }));
  const before = office.rpc.listImports().length;
  expect(() =>
    office.rpc.stageImport({
      importId: 'imp-huge',
      fileName: 'огромный.xlsx',
      chunk: 0,
      chunks: 1,
      contacts: [],
      problems: [],
      fingerprint: 'h6000-test',
      mapping: { layout: 'generic', columns: huge },
    }),
  ).toThrow(/"огромный\.xlsx" \(6000 columns, \d+ KB\).*at most 500 KB/);
  expect(office.rpc.listImports()).toHaveLength(before);
  expect(Object.keys(office.workspace.properties.entries('document:sheet')).some((k) => k.includes('h6000'))).toBe(
    false,
  );
});
