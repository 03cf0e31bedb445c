import { formatPhone, parsePhone, phoneKey, splitPhoneCell, toE164 } from '../../src/core/phone';

describe('phone numbers to E.164', () => {
  test.each([
    ['8 (912) 345-67-89', '+79123456789'],
    ['+7 912 3456789', '+79123456789'],
    ['9123456789', '+79123456789'],
    ['79123456789', '+79123456789'],
    ['89123456789', '+79123456789'],
    ['7.9123456789E+10', '+79123456789'],
    ['+7 (343) 222-33-44', '+73432223344'],
    ['8 (800) 555-35-35', '+78005553535'],
    ['+995 555 12 34 56', '+995555123456'],
    ['8-10-995-555-123456', '+995555123456'],
    ['00995 555 123456', '+995555123456'],
    ['+1 212 555 0100', '+12125550100'],
  ])('%s in a Russian office → %s', (written, e164) => {
    expect(toE164(written, 'RU')).toBe(e164);
  });

  test('a Georgian office reads national numbers as Georgian', () => {
    expect(toE164('555 12 34 56', 'GE')).toBe('+995555123456');
    expect(toE164('0 32 2 12 34 56', 'GE')).toBe('+995322123456');
    expect(toE164('+7 912 345-67-89', 'GE')).toBe('+79123456789');
  });

  test.each([
    ['8 912 345-67-89 доб. 100', '100'],
    ['+7 912 345 67 89 ext. 100', '100'],
    ['+7 912 345 67 89 x100', '100'],
  ])('extension in %s is kept apart from the E.164 form', (written, ext) => {
    expect(parsePhone(written, 'RU')).toEqual({ e164: '+79123456789', extension: ext, country: 'RU' });
  });

  test.each(['12345', '222-33-44', 'нет', '', '+7 912 345'])('%j is not a number', (written) => {
    expect(parsePhone(written, 'RU')).toBeUndefined();
  });

  test('an unknown default country still reads international numbers', () => {
    expect(toE164('+7 912 345-67-89', 'XX')).toBe('+79123456789');
    expect(toE164('8 912 345-67-89', 'XX')).toBeUndefined();
  });

  test('phoneKey without a country keys international numbers only', () => {
    expect(phoneKey('+7 912 345-67-89')).toBe('+79123456789');
    expect(phoneKey('8 912 345-67-89')).toBeUndefined();
    expect(phoneKey('8 912 345-67-89', 'RU')).toBe('+79123456789');
  });
});

describe('several numbers in one cell', () => {
  test.each([
    ['8 912 345-67-89, 8 343 222-33-44'],
    ['8 912 345-67-89; 8 343 222-33-44'],
    ['8 912 345-67-89 / 8 343 222-33-44'],
    ['8 912 345-67-89 и 8 343 222-33-44'],
    ['8 912 345-67-89\n8 343 222-33-44'],
  ])('%j splits in two', (cell) => {
    expect(splitPhoneCell(cell)).toEqual(['8 912 345-67-89', '8 343 222-33-44']);
  });

  test('an extension after a comma stays with its number', () => {
    expect(splitPhoneCell('+7 343 222-33-44, доб. 100; 8 912 345-67-89')).toEqual([
      '+7 343 222-33-44, доб. 100',
      '8 912 345-67-89',
    ]);
    expect(parsePhone('+7 343 222-33-44, доб. 100', 'RU')?.extension).toBe('100');
  });
});

describe('a number as Google Contacts shows it', () => {
  test("national in the office's country, international elsewhere, with the extension", () => {
    expect(formatPhone('+7 912 345-67-89', 'RU')).toBe('8 (912) 345-67-89');
    expect(formatPhone('89123456789', 'RU')).toBe('8 (912) 345-67-89');
    expect(formatPhone('+995 555 12 34 56', 'RU')).toBe('+995 555 12 34 56');
    expect(formatPhone('+995 555 12 34 56', 'GE')).toBe('555 12 34 56');
    expect(formatPhone('+7 912 345 67 89 доб. 100', 'RU')).toBe('8 (912) 345-67-89 ext. 100');
  });

  test('a text that is no valid number is shown as written', () => {
    expect(formatPhone(' звонить секретарю ', 'RU')).toBe('звонить секретарю');
    expect(formatPhone('89123456789', 'GE')).toBe('89123456789');
  });
});
