// The digest that lets a re-import of an unchanged file take over its last import's queue rows: the same contacts
// cleaned for another import have the same digest (the plan stamps the running import's id anyway), and any change a
// person could make to the file — a phone, a row more, the order — gives another.

import { contactsDigest, stagedDigest } from '../../../src/core/import/execute/stage-digest';
import type { NormalizedContact } from '../../../src/core/import/types';

function contact(rowNumber: number, phone: string, importId: string): NormalizedContact {
  return {
    rowNumber,
    person: {
      names: [{ givenName: `Клиент ${rowNumber}` }],
      phoneNumbers: [{ value: phone }],
      clientData: [
        { key: 'crm.rowHash', value: `h${rowNumber}` },
        { key: 'crm.importId', value: importId },
      ],
    },
    labels: ['Клиенты'],
  } as unknown as NormalizedContact;
}

const file = (importId: string, phones = ['+79121000001', '+79121000002']) =>
  phones.map((p, i) => contact(i + 2, p, importId));

test('the same contacts cleaned for two imports have one digest', () => {
  expect(contactsDigest(file('imp-a'))).toBe(contactsDigest(file('imp-b')));
});

test('a changed phone, a row more or another order give another digest', () => {
  const base = contactsDigest(file('imp-a'));
  expect(contactsDigest(file('imp-a', ['+79121000001', '+79121000003']))).not.toBe(base);
  expect(contactsDigest(file('imp-a', ['+79121000001', '+79121000002', '+79121000004']))).not.toBe(base);
  expect(contactsDigest(file('imp-a').reverse())).not.toBe(base);
});

test('texts split differently are different contents', () => {
  expect(stagedDigest(['ab', 'c'])).not.toBe(stagedDigest(['a', 'bc']));
  expect(stagedDigest([])).toBe(stagedDigest([]));
});
