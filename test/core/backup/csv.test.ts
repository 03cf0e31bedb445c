import * as XLSX from '@e965/xlsx';
import { backupCsv } from '../../../src/core/backup/csv';
import type { BackupContact } from '../../../src/core/backup/types';

/** The Google Contacts export's header row as it begins (../shared/notes/crm-anchors.md §3, from real files). */
const GOOGLE_HEADER_START =
  'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,' +
  'Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,' +
  'Labels,E-mail 1 - Label,E-mail 1 - Value';

function rows(text: string): string[][] {
  const book = XLSX.read(text.replace(/^\uFEFF/, ''), { type: 'string', raw: true });
  return XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]], { header: 1, raw: false, defval: '' });
}

const contacts: BackupContact[] = [
  {
    labels: ['VIP', 'Опт, розница'],
    person: {
      names: [{ givenName: 'Иван', familyName: 'Иванов', displayName: 'Иван Иванов' }],
      phoneNumbers: [{ value: '+7 912 345-67-89', canonicalForm: '+79123456789', type: 'mobile' }],
      userDefined: [{ key: 'Менеджер', value: 'Ольга' }],
      clientData: [
        { key: 'crm.clientId', value: 'c-7f3a9' },
        { key: 'crm.rowHash', value: 'abc' },
      ],
    },
  },
  {
    labels: [],
    person: {
      names: [{ givenName: '=HYPERLINK("http://evil","x")' }],
      biographies: [{ value: '@SUM(1)' }],
      phoneNumbers: [{ value: '=1+1' }],
    },
  },
];

describe('backup Google CSV', () => {
  const text = backupCsv(contacts);
  const [header, ivan, attacker] = rows(text);
  const col = (row: string[], name: string) => row[header.indexOf(name)];

  it("has Google Contacts' header row, labels in Labels", () => {
    expect(text.startsWith(`\uFEFF${GOOGLE_HEADER_START}`)).toBe(true);
    expect(col(ivan, 'Labels')).toBe('* myContacts ::: VIP ::: Опт, розница');
    expect(col(ivan, 'Phone 1 - Value')).toBe('+7 912 345-67-89');
  });

  it('carries the CRM client id as a custom field after the office’s own, and no other bookkeeping', () => {
    expect(col(ivan, 'Custom Field 1 - Label')).toBe('Менеджер');
    expect(col(ivan, 'Custom Field 2 - Label')).toBe('crm.clientId');
    expect(col(ivan, 'Custom Field 2 - Value')).toBe('c-7f3a9');
    expect(text).not.toContain('crm.rowHash');
    expect(col(attacker, 'Custom Field 1 - Label')).toBe('');
  });

  it('neutralises formulas in client text', () => {
    expect(col(attacker, 'First Name')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(col(attacker, 'Notes')).toBe("'@SUM(1)");
    expect(col(attacker, 'Phone 1 - Value')).toBe("'=1+1");
  });
});
