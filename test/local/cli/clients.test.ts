// `crm client`, `crm edit`, `crm add-client` and `crm log --new-client` on a base imported a moment before (the card
// index has not been rebuilt since): every answer comes from the account itself.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir } from './run-cli';

let dir: string;

interface Client {
  resourceName: string;
  name: string;
  phones: string[];
  emails: string[];
  labels: string[];
  manager: string;
  birthday: string;
  firstVisit: string;
  notes: string;
}

beforeAll(async () => {
  dir = tempDir();
  const file = path.join(dir, 'base.csv');
  fs.writeFileSync(
    file,
    [
      'First Name,Middle Name,Last Name,Labels,E-mail 1 - Value,Phone 1 - Value,Birthday,Notes',
      'Елена,Петровна,Козлова,VIP,elena@example.ru,8 912 345-67-89,1980-05-07,Любит звонки',
      'Иван,,Петров,,ivan@example.ru,+7 343 111-22-33,,',
    ].join('\n'),
  );
  expect((await runCli(dir, 'import', file)).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('client: the card with E.164 phones, found by e-mail or phone; unknown text exits 2', async () => {
  const run = await runCli(dir, 'client', 'ELENA@example.ru', '--json');
  expect(run.code).toBe(0);
  const { client, events, planned } = run.json<{ client: Client; events: unknown[]; planned: unknown[] }>();
  expect(client).toMatchObject({
    name: 'Козлова Елена Петровна',
    phones: ['+79123456789'],
    emails: ['elena@example.ru'],
    labels: ['VIP'],
    birthday: '1980-05-07',
    notes: 'Любит звонки',
  });
  expect(events).toEqual([]);
  expect(planned).toEqual([]);
  const byPhone = await runCli(dir, 'client', '89123456789', '--json');
  expect(byPhone.json<{ client: Client }>().client.resourceName).toBe(client.resourceName);
  const unknown = await runCli(dir, 'client', 'nobody@example.org', '--json');
  expect(unknown.code).toBe(2);
  expect(unknown.stdout).toBe('');
  expect(unknown.stderr).toContain('nobody@example.org');
});

test('add-client: an existing e-mail (other case) or phone (other format) gives created:false and that client', async () => {
  const ivan = (await runCli(dir, 'client', 'ivan@example.ru', '--json')).json<{ client: Client }>().client;
  const byEmail = await runCli(dir, 'add-client', '--from', 'Иван П <IVAN@Example.RU>', '--json');
  expect(byEmail.code).toBe(0);
  expect(byEmail.json()).toMatchObject({
    created: false,
    matchedBy: 'email',
    client: { resourceName: ivan.resourceName },
  });
  const byPhone = await runCli(
    dir,
    'add-client',
    '--from',
    'Кто-то <someone@example.ru>',
    '--phone',
    '8 (343) 111-22-33',
    '--json',
  );
  expect(byPhone.json()).toMatchObject({
    created: false,
    matchedBy: 'phone',
    client: { resourceName: ivan.resourceName },
  });
  const contacts = (await runCli(dir, 'contacts', '--json')).json<unknown[]>();
  expect(contacts).toHaveLength(2);
  const fresh = await runCli(
    dir,
    'add-client',
    '--from',
    'Гия Беридзе <gia@example.ge>',
    '--phone',
    '+995 555 12 34 56',
    '--json',
  );
  expect(fresh.json()).toMatchObject({ created: true, client: { name: 'Беридзе Гия', phones: ['+995555123456'] } });
  expect((await runCli(dir, 'contacts', '--json')).json<unknown[]>()).toHaveLength(3);
  const bad = await runCli(dir, 'add-client', '--from', 'Ноль <zero@example.ru>', '--phone', '12-34');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('12-34');
});

test('edit: --set, --add and --remove change the card in Google Contacts and print the updated client', async () => {
  const run = await runCli(
    dir,
    'edit',
    'elena@example.ru',
    '--set',
    'givenName=Алёна',
    '--set',
    'birthday=08.05.1980',
    '--set',
    'manager=Олег',
    '--set',
    'firstVisit=2020-01-15',
    '--add',
    'phone=+7 343 222-33-44',
    '--add',
    'label=Постоянные',
    '--remove',
    'label=VIP',
    '--json',
  );
  expect(run.code).toBe(0);
  const { client } = run.json<{ client: Client }>();
  expect(client).toMatchObject({
    name: 'Козлова Алёна Петровна',
    birthday: '1980-05-08',
    manager: 'Олег',
    firstVisit: '2020-01-15',
    phones: ['+79123456789', '+73432223344'],
    labels: ['Постоянные'],
  });
  // As it is now stored, read again.
  const again = (await runCli(dir, 'client', '+73432223344', '--json')).json<{ client: Client }>().client;
  expect(again).toMatchObject({ name: 'Козлова Алёна Петровна', labels: ['Постоянные'] });
  const bad = await runCli(dir, 'edit', 'elena@example.ru', '--set', 'birthday=вчера');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('вчера');
  const unknownField = await runCli(dir, 'edit', 'elena@example.ru', '--set', 'colour=red');
  expect(unknownField.code).toBe(2);
});

test('log --new-client creates the client from the --client text (or finds it) and links the event', async () => {
  const made = await runCli(
    dir,
    'log',
    '--client',
    'Пётр Сидоров <petr@example.ru>',
    '--new-client',
    '--kind',
    'Звонок',
    '--reason',
    'Интерес',
  );
  expect(made.code).toBe(0);
  const event = made.json<{ id: string; clientId: string }>();
  expect(event.clientId).toMatch(/^people\/c/);
  const again = await runCli(
    dir,
    'log',
    '--client',
    'PETR@example.ru',
    '--new-client',
    '--kind',
    'Звонок',
    '--reason',
    'Оплата',
  );
  expect(again.json<{ clientId: string }>().clientId).toBe(event.clientId);
  const view = (await runCli(dir, 'client', 'petr@example.ru', '--json')).json<{
    client: Client;
    events: Array<{ id: string }>;
  }>();
  expect(view.client.name).toBe('Сидоров Пётр');
  expect(view.events).toHaveLength(2);
  expect(view.events.map((e) => e.id)).toContain(event.id);
});
