// `crm staff`, `crm staff add` and `--as EMAIL`: the Staff sheet from a terminal, and commands run as a staff member
// of the sandbox's domain (example.com), whose role's rules then apply.

import type { EventPatch, EventView } from '../../../src/shared/events-dto';
import { runCli, tempDir } from './run-cli';

let dir: string;
beforeAll(async () => {
  dir = tempDir();
  expect((await runCli(dir, 'settings', '--json')).code).toBe(0);
});

test('staff add writes a checked row and prints it; staff lists the sheet as the roles read it', async () => {
  expect((await runCli(dir, 'staff', '--json')).json()).toEqual([]);
  const olga = await runCli(
    dir,
    'staff',
    'add',
    '--name',
    'Ольга Смирнова',
    '--email',
    'Olga@example.com',
    '--role',
    'director',
  );
  expect(olga.code).toBe(0);
  expect(olga.json()).toEqual({
    name: 'Ольга Смирнова',
    email: 'olga@example.com',
    role: 'director',
    head: '',
    roleText: 'Директор',
  });
  for (const [name, email] of [
    ['Дмитрий Ковалёв', 'dmitry@example.com'],
    ['Нино Беридзе', 'nino@example.com'],
  ])
    expect(
      (
        await runCli(
          dir,
          'staff',
          'add',
          '--name',
          name,
          '--email',
          email,
          '--role',
          'manager',
          '--head',
          'olga@example.com',
        )
      ).code,
    ).toBe(0);
  const list = (await runCli(dir, 'staff', '--json')).json<Array<{ email: string; role: string; head: string }>>();
  expect(list.map((s) => [s.email, s.role, s.head])).toEqual([
    ['olga@example.com', 'director', ''],
    ['dmitry@example.com', 'manager', 'olga@example.com'],
    ['nino@example.com', 'manager', 'olga@example.com'],
  ]);
});

test('staff add refuses an unknown role, an e-mail already there, an unknown head — and a manager', async () => {
  const add = (...more: string[]) => runCli(dir, 'staff', 'add', '--name', 'Кто-то', ...more);
  expect((await add('--email', 'x@example.com', '--role', 'boss')).code).toBe(2);
  const twice = await add('--email', 'DMITRY@example.com', '--role', 'manager');
  expect(twice.code).toBe(2);
  expect(twice.stderr).toMatch(/dmitry@example\.com.*Дмитрий Ковалёв/);
  const head = await add('--email', 'x@example.com', '--role', 'manager', '--head', 'nobody@example.com');
  expect(head.code).toBe(2);
  expect(head.stderr).toMatch(/nobody@example\.com/);
  expect((await add('--email', 'x@example.com', '--role', 'manager', '--as', 'dmitry@example.com')).code).toBe(2);
  expect((await runCli(dir, 'staff', '--json')).json<unknown[]>()).toHaveLength(3);
});

test('log and done --as a staff member: their name on the event, and their rules', async () => {
  const log = (...more: string[]) =>
    runCli(
      dir,
      'log',
      '--client',
      'Звонок с улицы',
      '--no-client',
      '--kind',
      'Звонок',
      '--reason',
      'Заказ',
      '--planned',
      ...more,
    );
  const mine = await log('--as', 'dmitry@example.com');
  expect(mine.code).toBe(0);
  expect(mine.json<EventView>()).toMatchObject({ manager: 'Дмитрий Ковалёв', createdBy: 'dmitry@example.com' });
  const refused = await log('--manager', 'Нино Беридзе', '--as', 'dmitry@example.com');
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/Нино Беридзе/);
  const nino = (await log('--manager', 'Нино Беридзе')).json<EventView>();
  const cancel = await runCli(dir, 'cancel', nino.id, '--as', 'dmitry@example.com');
  expect(cancel.code).toBe(2);
  expect(cancel.stderr).toMatch(/Нино Беридзе/);
  const done = await runCli(dir, 'done', nino.id, '--as', 'olga@example.com');
  expect(done.code).toBe(0);
  expect(done.json<EventPatch>().event.status).toBe('done');
});
