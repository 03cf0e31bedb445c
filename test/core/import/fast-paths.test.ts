// The preview of a 25,000-row file takes shortcuts (no library call for a number that cannot parse, memoised parses
// and comparison forms, hashes fed in pieces instead of built from JSON). Each shortcut must answer exactly what the
// long way answers; these tests hold them to it on the inputs where they could differ.

import { fnv1a, hash64, hex8 } from '../../../src/core/hash';
import { rowHash } from '../../../src/core/import/normalize/row-hash';
import { CONTENT_FIELDS } from '../../../src/core/import/plan/fields';
import { comparableText, contentFingerprint, fieldProjection } from '../../../src/core/import/plan/keys';
import type { Person } from '../../../src/core/import/types';
import { parsePhone, phoneKey, phoneParser, splitPhoneCell } from '../../../src/core/phone';

describe('phones without a country', () => {
  test('a national number has no key, and the library is not needed to say so', () => {
    expect(phoneKey('8 (912) 345-67-89')).toBeUndefined();
    expect(phoneKey('9123456789')).toBeUndefined();
    expect(parsePhone('8 912 345-67-89', 'XX')).toBeUndefined();
  });

  test('a plus sign anywhere in the text, or the 00 prefix, still reaches the library', () => {
    expect(phoneKey('Тел.: +7 912 345-67-89')).toBe('+79123456789');
    expect(phoneKey("'+7 912 345-67-89")).toBe('+79123456789');
    expect(phoneKey('00 7 912 345 67 89')).toBe('+79123456789');
    expect(phoneKey('00995 555 123456')).toBe('+995555123456');
  });

  test('an international number keys alike whatever the office country', () => {
    for (const text of ['+7 912 345-67-89', '+995 555 12 34 56', '+1 212 555 0100', '+7 912 345 67 89 доб. 100']) {
      const e164 = phoneKey(text);
      expect(e164).toBeDefined();
      for (const country of ['RU', 'GE', 'US', 'KZ', 'DE']) expect(phoneKey(text, country)).toBe(e164);
    }
  });
});

describe('phoneParser (one run over a file)', () => {
  test('answers what parsePhone answers, for the first reading and the repeated ones', () => {
    const texts = [
      '8 (912) 345-67-89',
      '+7 912 345 67 89 доб. 100',
      '12345',
      '',
      '00995 555 123456',
      '8 (912) 345-67-89',
      '12345',
    ];
    for (const country of ['RU', 'GE', '', 'XX']) {
      const parse = phoneParser(country);
      for (const text of texts) expect(parse(text)).toEqual(parsePhone(text, country));
    }
  });
});

describe('splitPhoneCell on a cell with one number', () => {
  test('trims it, and an empty cell gives nothing', () => {
    expect(splitPhoneCell('  8 912 345-67-89 ')).toEqual(['8 912 345-67-89']);
    expect(splitPhoneCell(' \t ')).toEqual([]);
    expect(splitPhoneCell('+7 912 345 67 89 доб. 100')).toEqual(['+7 912 345 67 89 доб. 100']);
  });
});

describe('comparableText', () => {
  test('composes, collapses spaces and lower-cases, for text it has seen before too', () => {
    for (let i = 0; i < 2; i++) {
      expect(comparableText('Е\u0308жик')).toBe('ёжик');
      expect(comparableText('Cafe\u0301')).toBe('café');
      expect(comparableText('  Иван \t Петрович ')).toBe('иван петрович');
      expect(comparableText('ИВАН')).toBe('иван');
      expect(comparableText('გიორგი')).toBe('გიორგი');
      expect(comparableText(`  ${'Длинная заметка '.repeat(10)}`)).toBe('длинная заметка '.repeat(10).trim());
    }
    expect(comparableText(undefined)).toBe('');
    expect(comparableText(null)).toBe('');
  });
});

describe('content fingerprint', () => {
  test('is hash64 of the JSON of the projections, whatever the text holds', () => {
    const tricky = ['quote " and \\ backslash', 'tab\there', 'bell\u0007', 'lone \ud800 surrogate', 'emoji 😀', 'Иван'];
    for (const text of tricky) {
      const person: Person = {
        names: [{ givenName: text, familyName: 'Иванов' }],
        biographies: [{ value: text }],
        userDefined: [
          { key: text, value: 'v' },
          { key: 'k', value: text },
        ],
        phoneNumbers: [{ value: text }, { value: '+7 912 345-67-89', canonicalForm: '+79123456789' }],
        urls: [{ value: text }],
        events: [{ type: text, date: { month: 3, day: 4 } }],
      };
      const projections = CONTENT_FIELDS.map((f) =>
        fieldProjection(f, (person as Record<string, unknown>)[f], phoneKey),
      );
      expect(contentFingerprint(person, phoneKey)).toBe(hash64(JSON.stringify(projections)));
    }
  });

  test('a stored phone with a canonical form is keyed by it without parsing the value', () => {
    const calls: string[] = [];
    const counting = (raw: string) => {
      calls.push(raw);
      return phoneKey(raw);
    };
    fieldProjection('phoneNumbers', [{ value: '8 912 345-67-89', canonicalForm: '+79123456789' }], counting);
    expect(calls).toEqual([]);
  });
});

describe('hashes', () => {
  test('hex8 writes what toString(16) and padStart write', () => {
    for (const n of [0, 1, -1, 0x811c9dc5, 0x7fffffff, -2147483648, 0x0000abcd])
      expect(hex8(n)).toBe((n >>> 0).toString(16).padStart(8, '0'));
  });

  test('the hash gives the values it was first written with: they are stored on contacts, in journals and as keys', () => {
    const reference64 = (text: string) => {
      let a = 0x811c9dc5;
      let b = 0x01000193 ^ 0x5bd1e995;
      for (let i = 0; i < text.length; i++) {
        a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
        b = Math.imul(b ^ text.charCodeAt(i), 0x01000193) ^ (b >>> 15);
      }
      return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
    };
    const reference32 = (text: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
      return h;
    };
    for (const text of ['', 'фио\u001fтелефон', 'x'.repeat(300), 'ivan@example.com']) {
      expect(hash64(text)).toBe(reference64(text));
      expect(fnv1a(text)).toBe(reference32(text));
    }
  });

  test('the row hash tells structure from text', () => {
    expect(rowHash({ names: [{ givenName: 'a' }] }, [])).not.toBe(rowHash({ names: [{ familyName: 'a' }] }, []));
    expect(rowHash({ a: 'x","b":"y' }, [])).not.toBe(rowHash({ a: 'x', b: 'y' }, []));
    expect(rowHash({ a: ['x', 'y'] }, [])).not.toBe(rowHash({ a: ['xy'] }, []));
    expect(rowHash({ a: 'x' }, ['VIP'])).not.toBe(rowHash({ a: 'x' }, []));
    expect(rowHash({ a: 'x', b: undefined }, ['VIP'])).toBe(rowHash({ a: 'x' }, ['VIP']));
    expect(rowHash({ d: { year: 1985, month: 3, day: 12 } }, [])).toMatch(/^[0-9a-f]{16}$/);
  });
});
