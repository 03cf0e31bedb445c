// A confirmed column mapping is offered again for the next file with the same header row, through the built bundle:
// also a mapping remembered before fingerprints were made with core/hash.ts, under the key the older hash gave.

import { mappingFingerprint } from '../../../src/core/import/mapping';
import type { SavedMapping } from '../../../src/shared/import-dto';
import { testOffice } from '../../support/office';

const HEADERS = ['ФИО', 'Моб. телефон', 'Менеджер'];
const MAPPING: SavedMapping = {
  layout: 'generic',
  columns: [
    { index: 0, header: 'ФИО', field: 'fullName' },
    { index: 1, header: 'Моб. телефон', field: 'phone', type: 'mobile' },
    // The office said this is a note, not the custom field the proposal made of it.
    { index: 2, header: 'Менеджер', field: 'notes' },
  ],
};

/** The fingerprint as the import area first wrote it (two FNV-1a lanes, the second salted by position). */
function olderFingerprint(keys: string[]): string {
  const text = keys.join('\u001f');
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    b = Math.imul(b ^ text.charCodeAt(i) ^ (i & 0xff), 0x01000193);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `h${keys.length}-${hex(a)}${hex(b)}`;
}

test('a mapping remembered under the older fingerprint is offered again, and moved to the current key', () => {
  const office = testOffice();
  office.rpc.runSetup();
  const older = `crm.mapping.${olderFingerprint(['фио', 'мобтелефон', 'менеджер'])}`;
  const current = mappingFingerprint(HEADERS);
  expect(`crm.mapping.${current}`).not.toBe(older);
  office.workspace.properties.poke('sheet', 'document', older, JSON.stringify(MAPPING));

  const setup = office.rpc.getImportSetup(current);
  expect(setup.mapping).toEqual(MAPPING);
  expect(office.workspace.properties.peek('sheet', 'document', older)).toBeUndefined();
  expect(office.workspace.properties.peek('sheet', 'document', `crm.mapping.${current}`)).toBe(JSON.stringify(MAPPING));
  // From now on it is found under its own key, and another header row finds nothing.
  expect(office.rpc.getImportSetup(current).mapping).toEqual(MAPPING);
  expect(office.rpc.getImportSetup(mappingFingerprint(['Телефон'])).mapping).toBeNull();
});
