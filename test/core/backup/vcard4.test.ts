import { normalizeAll } from '../../../src/core/import/normalize';
import { readVcard } from '../../../src/core/import/readers/vcard';
import { readVcard4, vcard4 } from '../../../src/core/backup/vcard4';
import { toBackupContact } from '../../../src/core/backup/snapshot';
import type { BackupContact } from '../../../src/core/backup/types';
import type { Person } from '../../../src/core/import/types';

/** A contact with every kind of value an office's client card has, in the languages the CRM serves. */
const rich: BackupContact = {
  labels: ['VIP, опт', 'Постоянные; 2024', 'ქართველი 🇬🇪'],
  person: {
    resourceName: 'people/c7350092616393221234',
    names: [
      {
        displayName: 'Иванов Иван Иванович',
        familyName: 'Иванов',
        givenName: 'Иван',
        middleName: 'Иванович',
        honorificPrefix: 'г-н',
        unstructuredName: 'Иванов Иван Иванович',
      },
    ],
    nicknames: [{ value: 'Ваня, Иваныч' }],
    birthdays: [{ date: { month: 3, day: 12 } }],
    genders: [{ value: 'male' }],
    biographies: [
      {
        value: 'Любит звонки утром;\nпросил счёт, "срочно" — ☎️ 😀\\ обратный слеш\nმადლობა, გმადლობთ',
        contentType: 'TEXT_PLAIN',
      },
    ],
    organizations: [
      { name: 'ООО «Ромашка»', department: 'Отдел продаж; опт', title: 'Директор' },
      { name: 'შპს თბილისი', type: 'Совместительство' },
    ],
    phoneNumbers: [
      { value: '+7 912 345-67-89', canonicalForm: '+79123456789', type: 'mobile' },
      { value: '8 (343) 222-33-44 доб. 5', canonicalForm: '+73432223344', type: 'work' },
      { value: '222-33-44', type: 'Дача' },
      { value: '+995 32 123 45 67', canonicalForm: '+995321234567' },
    ],
    emailAddresses: [
      { value: 'ivanov@example.ru', type: 'work' },
      { value: 'vanya@example.ge', type: 'other' },
    ],
    addresses: [
      {
        type: 'home',
        formattedValue: 'ул. Ленина, д. 5; кв. 7\nЕкатеринбург',
        streetAddress: 'ул. Ленина, д. 5',
        extendedAddress: 'кв. 7',
        city: 'Екатеринбург',
        region: 'Свердловская обл.',
        postalCode: '620000',
        country: 'Россия',
        countryCode: 'RU',
      },
      { type: 'Офис', city: 'თბილისი', streetAddress: 'რუსთაველის გამზ. 12' },
    ],
    urls: [{ value: 'https://example.ru/a,b;c', type: 'homePage' }, { value: 'https://t.me/ivanov' }],
    events: [
      { type: 'Первый визит', date: { year: 2023, month: 11, day: 1 } },
      { type: 'anniversary', date: { year: 2010, month: 6, day: 20 } },
      { type: 'anniversary', date: { month: 7, day: 1 } },
    ],
    relations: [
      { person: 'Мария Иванова', type: 'spouse' },
      { person: 'Пётр', type: 'brother' },
    ],
    imClients: [{ username: 'ivanov.ivan', protocol: 'skype', type: 'work' }],
    occupations: [{ value: 'Стоматолог' }],
    userDefined: [
      { key: 'Менеджер', value: 'Ольга' },
      { key: 'Источник; "реклама"', value: 'Яндекс, Директ' },
    ],
    clientData: [
      { key: 'crm.clientId', value: 'c-7f3a9' },
      { key: 'crm.importId', value: 'imp-2024-01' },
    ],
  },
};

describe('vCard 4.0 backup', () => {
  it('reads back exactly what it wrote, every field and label', () => {
    const plain: BackupContact = { labels: [], person: { names: [{ givenName: 'Анна', displayName: 'Анна' }] } };
    const nameless: BackupContact = {
      labels: ['Без имени'],
      person: { phoneNumbers: [{ value: '+7 900 000-00-01' }] },
    };
    const text = vcard4([rich, plain, nameless]);
    expect(readVcard4(text)).toEqual([rich, plain, nameless]);
    expect(text).toContain('FN:+7 900 000-00-01\r\n');
    expect(readVcard4('')).toEqual([]);
  });

  it('is RFC 6350: VERSION 4.0, CRLF, folded at 75 octets without splitting a character, text escaped', () => {
    const text = vcard4([rich]);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('UID;VALUE=text:people/c7350092616393221234');
    expect(unfolded).toContain('N;X-CRM-UNSTRUCTURED="Иванов Иван Иванович":Иванов;Иван;Иванович;г-н;\r\n');
    expect(unfolded).toContain('BDAY:--0312');
    expect(unfolded).toContain('TEL;TYPE=cell;VALUE=uri;X-CRM-VALUE="+7 912 345-67-89":tel:+79123456789');
    expect(unfolded).toContain('NOTE;X-CRM-CONTENT-TYPE="TEXT_PLAIN":Любит звонки утром\\;\\nпросил счёт\\, "срочно"');
    expect(unfolded).toContain('CATEGORIES:VIP\\, опт,Постоянные\\; 2024,ქართველი 🇬🇪');
    expect(unfolded).toContain('X-CRM-DATA;X-KEY="crm.clientId":c-7f3a9');
    expect(unfolded).toContain('X-CRM-FIELD;X-KEY="Менеджер":Ольга');
    expect(unfolded).toContain('ANNIVERSARY:20100620');
    expect(unfolded).toMatch(/item\d+\.X-ABDATE:2023-11-01\r\nitem\d+\.X-ABLABEL:Первый визит/);
    // What vCard has no property for (occupations) or a parameter cannot hold (a key with quotes) rides as JSON.
    expect(unfolded).toContain('X-CRM-JSON;X-FIELD=occupations:[{"value":"Стоматолог"}]');
    expect(unfolded).toMatch(/X-CRM-JSON;X-FIELD=userDefined:/);
    expect(unfolded).not.toMatch(/X-CRM-JSON;X-FIELD=(names|phoneNumbers|addresses|events|clientData)/);
  });

  it('keeps a contact People returned with etag and field metadata, without them', () => {
    const person = {
      ...rich.person,
      etag: '%EgUBAi43PRoEAQIFByIM',
      metadata: { sources: [{ type: 'CONTACT', id: '65d' }] },
      phoneNumbers: rich.person.phoneNumbers!.map((p) => ({
        ...p,
        formattedType: 'Mobile',
        metadata: { primary: true, source: { type: 'CONTACT', id: '65d' } },
      })),
      memberships: [{ contactGroupMembership: { contactGroupResourceName: 'contactGroups/myContacts' } }],
    } as Person;
    const backup = toBackupContact(person, new Map());
    expect(readVcard4(vcard4([backup]))).toEqual([{ person: rich.person, labels: [] }]);
  });

  it('a field vCard cannot hold exactly (a second name, a year-only date) still comes back', () => {
    const odd: BackupContact = {
      labels: ['a\r\nb'],
      person: {
        names: [{ givenName: 'A', phoneticGivenName: 'эй' }, { givenName: 'B' }],
        birthdays: [{ date: { year: 1990 } }],
        events: [{ date: { month: 2, day: 30 }, type: 'x' }],
        locations: [{ value: 'Этаж 3', type: 'desk' }],
        biographies: [{ value: 'строка\r\nвторая' }],
      },
    };
    expect(readVcard4(vcard4([odd]))).toEqual([odd]);
  });

  it('the import reads it as an ordinary vCard: names, phones, labels, custom fields, no CRM bookkeeping', () => {
    const { drafts, warnings } = readVcard(new TextEncoder().encode(vcard4([rich])), 'backup.vcf');
    expect(warnings).toEqual([]);
    expect(drafts).toHaveLength(1);
    const d = drafts[0];
    expect(d.fullName?.value).toBe('Иванов Иван Иванович');
    expect(d.familyName?.value).toBe('Иванов');
    expect(d.phones.map((p) => [p.value, p.type])).toEqual([
      ['+79123456789', 'mobile'],
      ['+73432223344', 'work'],
      ['222-33-44', 'Дача'],
      ['+995321234567', undefined],
    ]);
    expect(d.emails.map((e) => e.value)).toEqual(['ivanov@example.ru', 'vanya@example.ge']);
    expect(d.labels.map((l) => l.value)).toEqual(['VIP, опт', 'Постоянные; 2024', 'ქართველი 🇬🇪']);
    expect(d.birthday?.value).toEqual({ month: 3, day: 12 });
    expect(d.events.map((e) => e.type)).toEqual(['Первый визит', 'anniversary', 'anniversary']);
    expect(d.company?.value).toBe('ООО «Ромашка»');
    expect(d.notes[0].value).toContain('просил счёт, "срочно"');
    const custom = d.custom.map((c) => c.key);
    expect(custom).toContain('Менеджер');
    expect(custom.some((k) => k.startsWith('X-CRM'))).toBe(false);
    expect(d.addresses[0]).toMatchObject({ city: 'Екатеринбург', type: 'home', postalCode: '620000' });
    // And the import makes a client of it; the one complaint is about the number People itself held without a
    // country code (a 7-digit local number), not about anything the backup wrote.
    const { contacts, problems } = normalizeAll(drafts, { defaultCountry: 'RU', locale: 'ru' });
    expect(problems.filter((p) => p.severity !== 'warning').map((p) => p.value)).toEqual(['222-33-44']);
    expect(contacts).toHaveLength(1);
    expect(contacts[0].person.phoneNumbers?.map((p) => p.canonicalForm)).toEqual(
      expect.arrayContaining(['+79123456789', '+73432223344', '+995321234567']),
    );
    // The import reads a comma or a semicolon inside a label as a separator (its rule for label cells), so
    // "VIP, опт" arrives as two labels there; a restore reads the file with readVcard4 and keeps it whole.
    expect(contacts[0].labels).toEqual(['VIP', 'опт', 'Постоянные', '2024', 'ქართველი 🇬🇪']);
  });
});
