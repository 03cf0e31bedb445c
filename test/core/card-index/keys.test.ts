// What the card index is looked up by: a lower-case e-mail or an E.164 phone, and the sheet's keys cell.

import { contactKeys, indexKeyOf, keysCell, keysFromCell } from '../../../src/core/card-index';

test('an e-mail in any dress and a phone as the office typed it give the same keys as the contact', () => {
  expect(indexKeyOf('Иван <Ivan@Example.RU>')).toBe('ivan@example.ru');
  expect(indexKeyOf('8 (912) 100-00-01', 'RU')).toBe('+79121000001');
  // A national number without the office's country has no key: it could be anyone's.
  expect(indexKeyOf('8 (912) 100-00-01')).toBeUndefined();
  expect(indexKeyOf('   ')).toBeUndefined();
  const keys = contactKeys(
    {
      emailAddresses: [{ value: 'Ivan@Example.ru' }, { value: 'not an address' }],
      phoneNumbers: [{ value: '8 912 100-00-01', canonicalForm: '+79121000001' }, { value: '8 495 123-45-67' }],
    },
    'RU',
  );
  expect(keys).toEqual(['ivan@example.ru', '+79121000001', '+74951234567']);
});

test('the keys cell finds a key whole, never as part of a longer one', () => {
  const cell = keysCell(['client123@example.ru', '+79121000123']);
  expect(cell).toBe(',client123@example.ru,+79121000123,');
  expect(cell.includes(',client12@example.ru,')).toBe(false);
  expect(keysFromCell(cell)).toEqual(['client123@example.ru', '+79121000123']);
  expect(keysFromCell('')).toEqual([]);
});
