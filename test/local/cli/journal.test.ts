// `crm journal` and `crm revert`: the change journal as JSON, one change undone by its id, a refused one exits 1.

import * as fs from 'node:fs';
import type { ChangeView, RevertResult } from '../../../src/shared/backup-dto';
import { runCli, tempDir } from './run-cli';

let dir: string;
let rn: string;

beforeAll(async () => {
  dir = tempDir();
  const added = await runCli(
    dir,
    'add-client',
    '--from',
    'Ольга Журналова <olga.j@example.ru>',
    '--phone',
    '8 912 300-20-10',
    '--json',
  );
  expect(added.code).toBe(0);
  rn = added.json<{ client: { resourceName: string } }>().client.resourceName;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('journal lists the changes as ChangeView JSON; revert undoes one and refuses it twice', async () => {
  expect((await runCli(dir, 'edit', rn, '--set', 'phone=8 912 300-20-11')).code).toBe(0);
  const listed = await runCli(dir, 'journal', rn, '--json');
  expect(listed.code).toBe(0);
  const changes = listed.json<ChangeView[]>();
  expect(changes.map((c) => [c.source, c.action])).toEqual([
    ['edit', 'updated'],
    ['add', 'created'],
  ]);
  expect(changes[0]).toMatchObject({ resourceName: rn, fields: ['phoneNumbers'], reverted: false });
  // Found by the client's name too.
  expect((await runCli(dir, 'journal', 'Журналова', '--json')).json<ChangeView[]>()).toHaveLength(2);

  const undo = await runCli(dir, 'revert', changes[0].id);
  expect(undo.code).toBe(0);
  expect(undo.json<RevertResult>()).toMatchObject({ ok: true, change: { source: 'revert', revertOf: changes[0].id } });
  const again = await runCli(dir, 'revert', changes[0].id);
  expect(again.code).toBe(1);
  expect(again.json<RevertResult>().ok).toBe(false);
  expect((await runCli(dir, 'revert', 'ch-nothing')).code).toBe(1);
  expect((await runCli(dir, 'revert')).code).toBe(2);
});
