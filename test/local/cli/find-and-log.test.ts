// `crm find` and `crm log --client`: the one resolver from a terminal, on an emulated office in a temp folder. A text
// that does not name ONE client exits 2 with the candidates on stderr and writes nothing, unless --no-client.

import * as fs from 'node:fs';
import { openOffice } from '../../../src/local/office';
import { runCli, tempDir } from './run-cli';

let dir: string;
let ids: string[];

beforeEach(async () => {
  dir = tempDir();
  // A set-up office (the CLI sets up a fresh folder) with namesakes, its Card index rebuilt by the trigger.
  expect((await runCli(dir, 'settings', '--json')).code).toBe(0);
  const office = openOffice({ dir });
  const ws = office.workspace;
  ids = ws.people.seed(
    [
      {
        names: [{ familyName: 'Петрова', givenName: 'Мария' }],
        phoneNumbers: [{ value: '+7 912 345-67-89' }],
        emailAddresses: [{ value: 'maria1@example.ru' }],
      },
      { names: [{ familyName: 'Петрова', givenName: 'Мария' }], phoneNumbers: [{ value: '+7 999 000-11-22' }] },
      {
        names: [{ familyName: 'Козлова', givenName: 'Елена', middleName: 'Петровна' }],
        phoneNumbers: [{ value: '+7 916 111-22-33' }],
        emailAddresses: [{ value: 'kozlova@example.ru' }],
      },
    ],
    ws.clock.now(),
  );
  const run = office.sheet.invoke('refreshIndexTrigger', [{}]);
  if (run.error) throw run.error;
  ws.save();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const events = async () => (await runCli(dir, 'sheet', 'events', '--json')).json<{ rows: string[][] }>().rows;

test('find: best match first, exactly the listed keys, with filters and a limit', async () => {
  const run = await runCli(dir, 'find', 'козлова', 'ел', '--json');
  expect(run.code).toBe(0);
  const found = run.json<Array<Record<string, unknown>>>();
  expect(found).toEqual([
    {
      resourceName: ids[2],
      name: expect.stringContaining('Козлова'),
      phones: ['+79161112233'],
      emails: ['kozlova@example.ru'],
      labels: [],
      manager: '',
      lastContact: null,
      nextPlanned: null,
    },
  ]);
  const byTail = (await runCli(dir, 'find', '4567 89', '--json')).json<Array<{ resourceName: string }>>();
  expect(byTail.map((c) => c.resourceName)).toEqual([ids[0]]);
  const petrovy = (await runCli(dir, 'find', 'петр', '--limit', '2', '--json')).json<unknown[]>();
  expect(petrovy).toHaveLength(2);
  expect((await runCli(dir, 'find', 'петр', '--quiet', '--json')).json<unknown[]>()).toHaveLength(3);
  expect((await runCli(dir, 'find', 'петр', '--label', 'VIP', '--json')).json<unknown[]>()).toEqual([]);
  expect((await runCli(dir, 'find', 'x', '--limit', 'all')).code).toBe(2);
});

test('log by a unique name or a phone tail links the event; namesakes or a stranger exit 2 with the candidates', async () => {
  const linked = await runCli(dir, 'log', '--client', 'Козлова Елена', '--kind', 'Звонок', '--reason', 'Заказ');
  expect(linked.code).toBe(0);
  expect(linked.json<{ clientId: string; phone: string }>()).toMatchObject({
    clientId: ids[2],
    phone: '+7 916 111-22-33',
  });
  const tail = await runCli(dir, 'log', '--client', '456789', '--kind', 'Звонок', '--reason', 'Заказ');
  expect(tail.json<{ clientId: string }>().clientId).toBe(ids[0]);

  const several = await runCli(dir, 'log', '--client', 'Мария Петрова', '--kind', 'Звонок', '--reason', 'Заказ');
  expect(several.code).toBe(2);
  expect(several.stdout).toBe('');
  expect(several.stderr).toContain('Several clients match "Мария Петрова"');
  expect(several.stderr).toContain(`${ids[0]}  Петрова Мария  +79123456789`);
  expect(several.stderr).toContain(`${ids[1]}  Петрова Мария  +79990001122`);
  expect(several.stderr).not.toContain('Usage:');
  const none = await runCli(dir, 'log', '--client', 'Сидоров', '--kind', 'Звонок', '--reason', 'Заказ');
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('No client matches "Сидоров"');
  expect(await events()).toHaveLength(2);

  const textOnly = await runCli(
    dir,
    'log',
    '--client',
    'Мария Петрова',
    '--no-client',
    '--kind',
    'Звонок',
    '--reason',
    'Заказ',
  );
  expect(textOnly.code).toBe(0);
  expect(textOnly.json()).toMatchObject({ client: 'Мария Петрова', clientId: '' });
  expect(await events()).toHaveLength(3);
});
