// `crm restore FILE [--preview] --json` from copies on disk: a .vcf as the backup writes it, and a night folder
// (manifest.json + contacts and sheets parts) as `crm backup --out DIR` leaves it. Into the sandbox's empty account,
// then again (nothing made twice).

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BackupContact } from '../../../src/core/backup/types';
import { vcard4 } from '../../../src/core/backup/vcard4';
import type { RestoreResult } from '../../../src/shared/backup-dto';
import { runCli, tempDir } from './run-cli';

const CONTACTS: BackupContact[] = [
  {
    person: {
      resourceName: 'people/c111',
      names: [{ familyName: 'Козлова', givenName: 'Елена', middleName: 'Петровна' }],
      phoneNumbers: [{ value: '+7 912 345-67-89', type: 'mobile' }],
      emailAddresses: [{ value: 'elena@example.ru' }],
      birthdays: [{ date: { month: 5, day: 7 } }],
      biographies: [{ value: 'Любит звонки', contentType: 'TEXT_PLAIN' }],
      clientData: [{ key: 'crm.clientId', value: 'cl-1' }],
    },
    labels: ['VIP'],
  },
  {
    person: { resourceName: 'people/c222', names: [{ familyName: 'Петров', givenName: 'Иван' }] },
    labels: [],
  },
];

test('a .vcf restored, previewed first, and a second run makes nothing twice', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'contacts-001.vcf');
  fs.writeFileSync(file, vcard4(CONTACTS));
  const preview = await runCli(dir, 'restore', file, '--preview', '--json');
  expect(preview.code).toBe(0);
  expect(preview.json<RestoreResult>()).toMatchObject({
    preview: true,
    created: 2,
    updated: 0,
    labelsCreated: ['VIP'],
  });
  const done = await runCli(dir, 'restore', file, '--json');
  expect(done.json<RestoreResult>()).toMatchObject({ created: 2, paused: false });
  const again = await runCli(dir, 'restore', file, '--json');
  expect(again.json<RestoreResult>()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
});

test('a night folder: contacts and the Events rows it kept, relinked to the new contacts', async () => {
  const dir = tempDir();
  const night = path.join(dir, 'out', '2026-03-01');
  fs.mkdirSync(night, { recursive: true });
  fs.writeFileSync(
    path.join(night, 'manifest.json'),
    JSON.stringify({ format: 1, night: '2026-03-01', status: 'verified' }),
  );
  fs.writeFileSync(path.join(night, 'contacts-001.json'), JSON.stringify(CONTACTS));
  const events = [
    [
      'ID',
      'Дата и время',
      'Вид',
      'Повод',
      'Клиент',
      'Контакт (ID)',
      'Телефон клиента',
      'Менеджер',
      'Результат',
      'Следующий шаг',
      'Статус',
      'Событие календаря',
      'Кто записал',
      'Когда сделано',
    ],
    [
      'ev-1',
      '2026-02-20T07:00:00.000Z',
      'Звонок',
      'Заказ',
      'Козлова Елена',
      'people/c111',
      '',
      '',
      'ok',
      '',
      'сделано',
      '',
      '',
      '',
    ],
  ];
  fs.writeFileSync(
    path.join(night, 'sheets-001.json'),
    JSON.stringify({ sheets: { events }, timeZone: 'Europe/Moscow' }),
  );
  const done = await runCli(dir, 'restore', path.join(dir, 'out'), '--json');
  expect(done.code).toBe(0);
  expect(done.json<RestoreResult>()).toMatchObject({
    night: '2026-03-01',
    created: 2,
    eventsRestored: 1,
    eventsRelinked: 1,
  });
  const sheet = await runCli(dir, 'sheet', 'Events', '--json');
  const text = sheet.stdout;
  expect(text).toContain('ev-1');
  expect(text).not.toContain('people/c111');
});
