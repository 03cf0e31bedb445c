// The vCard reader: 2.1 from old phones (QUOTED-PRINTABLE in Windows-1251, soft line breaks, photos), 3.0 from iPhones
// (grouped labels, folding, escapes), 4.0 (tel: URIs, dates without a year). Each draft names the line of its
// BEGIN:VCARD so problems point into the file.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { ReadError, readContactsFile } from '../../../src/core/import/readers';
import type { ContactDraft } from '../../../src/core/import/types';

const FIXTURES = path.join(__dirname, '../../fixtures');

function read(name: string, bytes?: Uint8Array, encoding?: string) {
  const r = readContactsFile(bytes ?? new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))), name, { encoding });
  if (r.kind !== 'drafts') throw new Error(`${name} read as ${r.kind}`);
  return r;
}
const text = (s: string) => new TextEncoder().encode(s);
const values = (xs: Array<{ value: unknown }>) => xs.map((x) => x.value);

describe('vCard 2.1 from an old phone', () => {
  const r = read('vcard-21.vcf');
  const [stepanov, yakovlev] = r.drafts;

  test('QUOTED-PRINTABLE in Windows-1251, soft line breaks joined', () => {
    expect(r.format).toBe('vcard');
    expect(stepanov.familyName).toEqual({ column: 'N', value: 'Степанов' });
    expect(stepanov.givenName?.value).toBe('Николай');
    expect(stepanov.middleName?.value).toBe('Петрович');
    expect(stepanov.fullName?.value).toBe('Николай Степанов');
    expect(values(stepanov.notes)).toEqual([
      'Постоянный клиент с 2015 года, любит кофе без сахара; просит звонить заранее',
    ]);
    expect(stepanov.addresses).toEqual([
      {
        column: 'ADR',
        type: 'home',
        street: 'ул. Белинского, 9',
        city: 'Екатеринбург',
        postalCode: '620000',
        country: 'Россия',
      },
    ]);
  });

  test('bare 2.1 parameters give phone types; a leap-day birthday is a date', () => {
    expect(stepanov.phones).toEqual([
      { column: 'TEL', value: '+79125554433', type: 'mobile' },
      { column: 'TEL', value: '8 (343) 555-44-33', type: 'workFax' },
    ]);
    expect(stepanov.birthday).toEqual({ column: 'BDAY', value: { year: 1980, month: 2, day: 29 } });
  });

  test('the photo is dropped, flagged on the draft and counted in one warning; row numbers are BEGIN lines', () => {
    expect(stepanov.hadPhoto).toBe(true);
    expect(yakovlev.hadPhoto).toBeUndefined();
    expect(r.warnings).toEqual(['Contacts with a photo: 1. Photos are not imported.']);
    expect(stepanov.rowNumber).toBe(1);
    expect(yakovlev.rowNumber).toBe(18);
    expect(values(yakovlev.emails)).toEqual(['denis.yakovlev@example.ru']);
  });
});

describe('vCard 3.0 from an iPhone and an Android phone', () => {
  const r = read('vcard-30.vcf');
  const [luda, timur] = r.drafts;

  test('grouped properties take their X-ABLabel; Apple labels are unwrapped', () => {
    expect(luda.phones).toEqual([
      { column: 'TEL', value: '+7 (912) 444-55-66', type: 'mobile' },
      { column: 'TEL', value: '+7 343 444 55 67', type: 'Ресепшн' },
    ]);
    expect(luda.urls).toEqual([{ column: 'URL', value: 'https://lotos-salon.ru', type: 'homePage' }]);
    expect(luda.events).toEqual([{ column: 'X-ABDATE', value: { year: 2015, month: 9, day: 1 }, type: 'anniversary' }]);
  });

  test('escapes, structured values, categories, a birthday without a year', () => {
    expect(luda.addresses[0].street).toBe('ул. Куйбышева, 21, кв. 4');
    expect(values(luda.notes)).toEqual([
      'Любит утренние записи.\nПросит не звонить по выходным; только SMS. Путь: C:\\Клиенты',
    ]);
    expect(luda.company?.value).toBe('ООО «Лотос»');
    expect(luda.department?.value).toBe('Отдел продаж');
    expect(luda.title?.value).toBe('Администратор');
    expect(luda.nickname?.value).toBe('Люда');
    expect(values(luda.labels)).toEqual(['VIP', 'Маникюр']);
    expect(luda.birthday?.value).toEqual({ month: 4, day: 12 });
    expect(luda.custom).toEqual([{ key: 'X-SKYPE', column: 'X-SKYPE', value: 'luda.grigorieva' }]); // X-ABUID is the app's own
    expect(luda.hadPhoto).toBe(true);
  });

  test('folded lines are unfolded; Android custom rows become events and relations', () => {
    expect(timur.rowNumber).toBe(27);
    expect(values(timur.notes)).toEqual([
      'Длинная заметка, которую телефон свернул на две строки, как велит RFC 2426.',
    ]);
    expect(timur.phones.map((p) => p.type)).toEqual(['workFax', 'mobile']);
    expect(timur.events).toEqual([
      { column: 'X-ANDROID-CUSTOM', value: { year: 2012, month: 6, day: 30 }, type: 'anniversary' },
    ]);
    expect(timur.custom).toEqual([{ column: 'X-ANDROID-CUSTOM', key: 'spouse', value: 'Анна Зайцева' }]);
  });
});

describe('vCard 4.0', () => {
  const [irakli] = read('vcard-40.vcf').drafts;

  test('tel: URIs with extensions, quoted TYPE lists, LABEL on ADR, several middle names', () => {
    expect(irakli.phones).toEqual([
      { column: 'TEL', value: '+995-599-11-22-33', type: 'mobile' },
      { column: 'TEL', value: '+995-32-2-123456 ext. 102', type: 'work' },
    ]);
    expect(irakli.addresses[0]).toMatchObject({
      type: 'work',
      formatted: 'Rustaveli Ave 12\nTbilisi 0108\nGeorgia',
      city: 'Tbilisi',
      postalCode: '0108',
    });
    expect(irakli.middleName?.value).toBe('Giorgi Levan');
    expect(irakli.prefix?.value).toBe('Dr.');
  });

  test('--MMDD birthdays, ANNIVERSARY, and what is kept as custom', () => {
    expect(irakli.birthday).toEqual({ column: 'BDAY', value: { month: 4, day: 12 } }); // the first BDAY wins
    expect(irakli.events).toEqual([
      { column: 'ANNIVERSARY', value: { year: 2010, month: 6, day: 15 }, type: 'anniversary' },
    ]);
    expect(irakli.custom).toEqual([
      { key: 'gender', column: 'GENDER', value: 'M' },
      { key: 'xmpp', column: 'IMPP', value: 'irakli@example.ge' },
      { key: 'spouse', column: 'RELATED', value: 'Nino Kapanadze' },
    ]);
    expect(values(irakli.notes)).toEqual(['ქართველი კლიენტი']);
    expect(irakli.hadPhoto).toBe(true); // a photo by URL is a photo too
  });
});

describe('vCard details', () => {
  const one = (s: string, encoding?: string): ContactDraft =>
    read('x.vcf', typeof s === 'string' ? text(s) : s, encoding).drafts[0];

  test('QUOTED-PRINTABLE UTF-8 without a CHARSET, soft breaks before a line starting with "="', () => {
    const d = one(
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:=D0=98=D0=B2=D0=B0=\r\n=D0=BD=D0=BE=D0=B2;=D0=98=D0=B2=D0=B0=D0=BD;;;\r\nEND:VCARD\r\n',
    );
    expect(d.familyName?.value).toBe('Иванов');
    expect(d.givenName?.value).toBe('Иван');
  });

  test('a whole file in Windows-1251 with raw 8-bit text, detected or chosen', () => {
    const bytes = new Uint8Array(
      iconv.encode('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ёлкина Мария\r\nEND:VCARD\r\n', 'win1251'),
    );
    const r = read('x.vcf', bytes);
    expect(r.encoding).toBe('windows-1251');
    expect(r.drafts[0].fullName?.value).toBe('Ёлкина Мария');
    expect(read('x.vcf', bytes, 'windows-1252').drafts[0].fullName?.value).not.toBe('Ёлкина Мария');
  });

  test('UTF-16 with a BOM is recognised as vCard by its content', () => {
    const bytes = new Uint8Array(
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Нино\r\nEND:VCARD\r\n', 'utf16le'),
      ]),
    );
    const r = readContactsFile(bytes, 'contacts.dat');
    expect(r.kind).toBe('drafts');
    if (r.kind === 'drafts') {
      expect(r.encoding).toBe('utf-16le');
      expect(r.drafts[0].fullName?.value).toBe('Нино');
    }
  });

  test('an embedded AGENT card is skipped; a card without END is read and warned about', () => {
    const r = read(
      'x.vcf',
      text(
        'BEGIN:VCARD\nVERSION:2.1\nFN:Boss\nAGENT:BEGIN:VCARD\nFN:Secretary\nTEL:1\nEND:VCARD\nTEL;WORK:2\nEND:VCARD\n\nBEGIN:VCARD\nFN:Tail\n',
      ),
    );
    expect(r.drafts.map((d) => d.fullName?.value)).toEqual(['Boss', 'Tail']);
    expect(values(r.drafts[0].phones)).toEqual(['2']);
    expect(r.drafts[1].rowNumber).toBe(11);
    expect(r.warnings).toEqual([expect.stringContaining('line 11')]);
  });

  test('photos are counted across cards in one warning', () => {
    const card = (n: number) =>
      `BEGIN:VCARD\nVERSION:3.0\nFN:P${n}\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\n BBBB\nEND:VCARD\n`;
    const r = read('x.vcf', text(card(1) + card(2) + card(3)));
    expect(r.drafts.every((d) => d.hadPhoto)).toBe(true);
    expect(r.warnings).toEqual(['Contacts with a photo: 3. Photos are not imported.']);
  });

  test('dates that are not dates stay text for the cleaner to report', () => {
    expect(one('BEGIN:VCARD\nVERSION:3.0\nBDAY:1985-02-31\nEND:VCARD').birthday?.value).toBe('1985-02-31');
    expect(one('BEGIN:VCARD\nVERSION:4.0\nBDAY;VALUE=text:circa 1800\nEND:VCARD').birthday?.value).toBe('circa 1800');
    expect(one('BEGIN:VCARD\nVERSION:3.0\nBDAY:19850315T000000Z\nEND:VCARD').birthday?.value).toEqual({
      year: 1985,
      month: 3,
      day: 15,
    });
  });

  test('a file without cards is a ReadError naming it', () => {
    try {
      readContactsFile(text('hello'), 'notes.vcf');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(ReadError);
      expect((e as ReadError).code).toBe('no-vcard');
      expect((e as ReadError).message).toContain('"notes.vcf"');
    }
  });
});

describe('vCards from real programs (test/fixtures/corpus)', () => {
  test('AOSP: Shift_JIS by its CHARSET, backslash-continued addresses, 2.1 escapes', () => {
    expect(read('corpus/v21_japanese_1.vcf').drafts[0].familyName?.value).toBe('安藤ロイド');
    const [adr] = read('corpus/v21_adr_multiple_line.vcf').drafts;
    expect(adr.addresses[1].street).toBe('Hermann v. Brevern\n9999999\nPackstation 999');
    const [bs] = read('corpus/v21_backslash.vcf').drafts;
    expect(bs.fullName?.value).toBe('A;B\\C;D:E\\');
  });

  test('Outlook 2003: QP notes with soft breaks, a certificate dropped silently', () => {
    const [d] = read('corpus/outlook-2003.vcf').drafts;
    expect(values(d.notes)[0]).toBe('This is the note field!!\nSecond line\n\nThird line is empty');
    expect(d.addresses[0].formatted).toBe('TheOffice\n123 Main St\nAustin, TX 12345\nUnited States of America');
    expect(d.birthday?.value).toEqual({ year: 1980, month: 3, day: 21 });
  });

  test('node-vcf: a folded 4.0 ADR whose LABEL holds quoted line breaks', () => {
    const r = read('corpus/multiple.vcf');
    expect(r.drafts).toHaveLength(3);
    expect(r.drafts[0].addresses[0]).toMatchObject({
      formatted: 'Heidestraße 17\n51147 Köln\nDeutschland',
      city: 'Köln',
    });
  });
});
