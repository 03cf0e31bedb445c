import * as XLSX from '@e965/xlsx';
import { csvField, neutralizeCell } from '../../../src/core/export/cells';
import { googleCsv, outlookCsv, vcard } from '../../../src/core/export';
import { foldLine } from '../../../src/core/export/vcard';
import { xlsxWorkbook } from '../../../src/core/export/xlsx';
import type { ExportContact } from '../../../src/core/export';

const ivanov: ExportContact = {
  labels: ['VIP', 'Опт'],
  person: {
    names: [{ familyName: 'Иванов', givenName: 'Иван', middleName: 'Иванович' }],
    phoneNumbers: [
      { value: '+7 912 345-67-89', canonicalForm: '+79123456789', type: 'mobile' },
      { value: '+7 343 222-33-44', canonicalForm: '+73432223344', type: 'work' },
    ],
    emailAddresses: [{ value: 'ivanov@example.ru' }],
    birthdays: [{ date: { year: 1985, month: 3, day: 12 } }],
    events: [{ type: 'Первый визит', date: { year: 2023, month: 11, day: 1 } }],
    userDefined: [{ key: 'Менеджер', value: 'Ольга' }],
    biographies: [{ value: 'Любит звонки утром; просил счёт, "срочно"' }],
    organizations: [{ name: 'ООО «Ромашка»', title: 'Директор' }],
  },
};
const attacker: ExportContact = {
  labels: [],
  person: { names: [{ givenName: '=HYPERLINK("http://evil","x")' }], biographies: [{ value: '@SUM(1)' }] },
};

function parseCsv(text: string): string[][] {
  const book = XLSX.read(text.replace(/^\uFEFF/, ''), { type: 'string', raw: true });
  return XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]], { header: 1, raw: false, defval: '' });
}

describe('spreadsheet-safe cells', () => {
  test.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=x'])('%j is neutralised with an apostrophe', (v) => {
    expect(neutralizeCell(v)).toBe(`'${v}`);
  });
  test('an international phone number is left as it is in a phone column, and only there', () => {
    expect(neutralizeCell('+7 912 345-67-89', true)).toBe('+7 912 345-67-89');
    expect(neutralizeCell('+7 912 345-67-89, +7 343 222-33-44', true)).toBe('+7 912 345-67-89, +7 343 222-33-44');
    expect(neutralizeCell('+7 912 345-67-89 =1', true)).toBe("'+7 912 345-67-89 =1");
    expect(neutralizeCell('+7 912 345-67-89')).toBe("'+7 912 345-67-89");
  });
  test('quotes only when needed', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
  });
});

describe('Google CSV', () => {
  const csv = googleCsv([ivanov, attacker]);
  const rows = parseCsv(csv);
  const header = rows[0];
  const col = (row: string[], name: string) => row[header.indexOf(name)];

  test('is UTF-8 with a BOM so Excel shows Cyrillic', () => {
    expect(csv.startsWith('\uFEFFFirst Name,Middle Name,Last Name')).toBe(true);
  });
  test('has as many phone blocks as the busiest contact needs, and Google labels', () => {
    expect(header).toContain('Phone 2 - Value');
    expect(header).not.toContain('Phone 3 - Value');
    expect(col(rows[1], 'Last Name')).toBe('Иванов');
    expect(col(rows[1], 'Phone 2 - Value')).toBe('+7 343 222-33-44');
    expect(col(rows[1], 'Labels')).toBe('* myContacts ::: VIP ::: Опт');
    expect(col(rows[1], 'Birthday')).toBe('1985-03-12');
    expect(col(rows[1], 'Notes')).toBe('Любит звонки утром; просил счёт, "срочно"');
  });
  test('neutralises formulas in client data', () => {
    expect(col(rows[2], 'First Name')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(col(rows[2], 'Notes')).toBe("'@SUM(1)");
  });
});

describe('Outlook CSV', () => {
  test('puts phones in Outlook slots by type, dates day-first, labels in Categories', () => {
    const rows = parseCsv(outlookCsv([ivanov]));
    const at = (name: string) => rows[1][rows[0].indexOf(name)];
    expect(rows[0]).toHaveLength(62);
    expect(at('Mobile Phone')).toBe('+7 912 345-67-89');
    expect(at('Business Phone')).toBe('+7 343 222-33-44');
    expect(at('Birthday')).toBe('12.03.1985');
    expect(at('Categories')).toBe('VIP;Опт');
    expect(at('Company')).toBe('ООО «Ромашка»');
  });
});

describe('vCard 3.0', () => {
  const text = vcard([ivanov]).replace(/\r\n /g, '');
  test('escapes text and keeps our fields', () => {
    expect(text).toContain('N:Иванов;Иван;Иванович;;');
    expect(text).toContain('TEL;TYPE=CELL:+79123456789');
    expect(text).toContain('BDAY:1985-03-12');
    expect(text).toContain('CATEGORIES:VIP,Опт');
    expect(text).toContain('NOTE:Любит звонки утром\\; просил счёт\\, "срочно"');
  });
  test('folds long lines at 75 octets without splitting a Cyrillic letter', () => {
    const folded = foldLine(`NOTE:${'Щ'.repeat(100)}`);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n ').join('')).toBe(`NOTE:${'Щ'.repeat(100)}`);
  });
});

describe('xlsx', () => {
  test('opens in Excel terms: clients in the office language, events on their own sheet', () => {
    const bytes = xlsxWorkbook([ivanov, attacker], 'ru', {
      headers: ['Дата', 'Клиент'],
      rows: [['01.03.2026', '=evil()']],
    });
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['Клиенты', 'События']);
    const clients = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Клиенты'], { header: 1 });
    expect(clients[1].slice(0, 3)).toEqual(['Иванов', 'Иван', 'Иванович']);
    expect(clients[2][1]).toBe(`'=HYPERLINK("http://evil","x")`);
    const events = XLSX.utils.sheet_to_json<string[]>(book.Sheets['События'], { header: 1 });
    expect(events[1][1]).toBe("'=evil()");
  });
});
