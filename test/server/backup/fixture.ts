// A small office for the backup tests: the events office (three labelled clients, staff, Events rows) plus one
// client carrying every field a backup keeps, and helpers to read the emulated Drive without counting calls.

import { createPeople } from 'workspace-emulator';
import type { Office } from '../../../src/local/office';
import type { BackupRunResult } from '../../../src/shared/backup-dto';
import { call } from '../../support/office';
import { eventsOffice, writeRows } from '../events/office';

/** Every field a contact write may set (skills and fileAses are read-only or unreadable for People). */
export const FULL_CONTACT = {
  names: [{ familyName: 'Полнова', givenName: 'Мария', middleName: 'Ивановна' }],
  nicknames: [{ value: 'Маша' }],
  birthdays: [{ date: { month: 4, day: 12 } }],
  genders: [{ value: 'female' }],
  biographies: [{ value: 'Любит звонки по утрам', contentType: 'TEXT_PLAIN' }],
  organizations: [{ name: 'ООО Ромашка', title: 'Бухгалтер' }],
  phoneNumbers: [{ value: '+7 912 000-11-22', type: 'mobile' }],
  emailAddresses: [{ value: 'maria@example.ru', type: 'work' }],
  addresses: [{ streetAddress: 'ул. Ленина, 1', city: 'Пермь', country: 'Россия', type: 'home' }],
  urls: [{ value: 'https://example.ru/maria' }],
  events: [{ date: { year: 2015, month: 6, day: 1 }, type: 'anniversary' }],
  relations: [{ person: 'Иван', type: 'spouse' }],
  imClients: [{ username: 'maria_tg', protocol: 'telegram' }],
  sipAddresses: [{ value: 'sip:maria@example.ru' }],
  locations: [{ value: 'Офис 2', type: 'desk' }],
  occupations: [{ value: 'бухгалтер' }],
  interests: [{ value: 'садоводство' }],
  miscKeywords: [{ value: 'постоянная', type: 'OUTLOOK_USER' }],
  externalIds: [{ value: 'A-17', type: 'account' }],
  calendarUrls: [{ url: 'https://calendar.example.ru/maria', type: 'home' }],
  locales: [{ value: 'ru' }],
  userDefined: [{ key: 'Скидка', value: '5%' }],
  clientData: [
    { key: 'crm.clientId', value: 'cl-full-1' },
    { key: 'crm.note', value: 'a=b; "quoted"' },
  ],
};

export function backupOffice(): { office: Office; full: string } {
  const { office } = eventsOffice();
  const ws = office.workspace;
  const people = createPeople(ws.people, ws.ctx);
  const vip = people.ContactGroups!.list({ pageSize: 100 }).contactGroups!.find((g) => g.name === 'VIP')!;
  const created = people.People!.createContact(
    {
      ...FULL_CONTACT,
      memberships: [
        {
          contactGroupMembership: { contactGroupResourceName: vip.resourceName },
        } as GoogleAppsScript.People.Schema.Membership,
      ],
    } as GoogleAppsScript.People.Schema.Person,
    { personFields: 'names' },
  );
  writeRows(office, 'events', [
    {
      id: 'E1',
      date: '01.03.2026 10:00',
      kind: 'Звонок',
      reason: 'Интерес',
      client: 'Полнова Мария',
      clientId: String(created.resourceName),
      manager: 'Дмитрий Ковалёв',
      status: 'сделано',
    },
    {
      id: 'E2',
      date: '02.03.2026 12:00',
      kind: 'Звонок',
      reason: '',
      client: 'Полнова Мария',
      clientId: String(created.resourceName),
      manager: "'=cmd",
      status: 'план',
    },
  ]);
  ws.calls.reset();
  return { office, full: String(created.resourceName) };
}

export function runBackup(office: Office, options: { now?: string; budgetMs?: number } = {}): BackupRunResult {
  return call<BackupRunResult>(office.sheet, 'runBackup_', options);
}

/** The backup files the emulated Drive holds (not trashed), by night folder name → file name → id. */
export function driveNights(office: Office): Record<string, Record<string, string>> {
  const drive = office.workspace.drive;
  const all = drive.files();
  const out: Record<string, Record<string, string>> = {};
  for (const f of all) {
    if (f.trashed || f.mimeType === 'application/vnd.google-apps.folder') continue;
    const parent = all.find((p) => p.id === f.parents[0]);
    if (!parent || parent.trashed) continue;
    (out[parent.name] ??= {})[f.name] = f.id;
  }
  return out;
}

export function text(office: Office, id: string): string {
  return Buffer.from(office.workspace.drive.content(id)).toString('utf8');
}
