// `crm webhook` and `crm pbx-secret`: a PBX notification sent from a terminal through the emulator's network to the
// sheet project's web app, as the PBX would send it, and the answer it would get; the Mango key and salt set with
// `crm settings --set` (kept secret: masked, never in the Settings sheet).

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { runCli, tempDir } from './run-cli';

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Reply {
  status: number;
  body: string;
}

async function inboxRows(): Promise<string[][]> {
  return (await runCli(dir, 'sheet', 'inbox', '--json')).json<{ rows: string[][] }>().rows;
}

test('pbx-secret gives the same secret each time', async () => {
  const first = await runCli(dir, 'pbx-secret', '--json');
  expect(first.code).toBe(0);
  const { secret } = first.json<{ secret: string }>();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{32,}$/);
  expect((await runCli(dir, 'pbx-secret', '--json')).json()).toEqual({ secret });
});

test('Mango key and salt: set with crm settings, shown masked, never written to the Settings sheet', async () => {
  const set = await runCli(
    dir,
    'settings',
    '--set',
    'mangoApiKey=key-0123456789',
    '--set',
    'mangoApiSalt=salt-abcdefXY',
  );
  expect(set.code).toBe(0);
  const view = set.json<Record<string, { value: string; isDefault: boolean }>>();
  expect(view.mangoApiSalt).toEqual({ value: '••••XY', default: '', isDefault: false });
  expect(view.mangoApiKey.value).toBe('••••89');
  const sheet = (await runCli(dir, 'sheet', 'settings', '--json')).stdout;
  expect(sheet).not.toContain('salt-abcdefXY');
  expect(sheet).not.toContain('key-0123456789');
});

test('webhook: Mango signed → {"success":true} and one Inbox row; a wrong secret → {"success":false}, no row', async () => {
  const { secret } = (await runCli(dir, 'pbx-secret', '--json')).json<{ secret: string }>();
  const json = '{"entry_id":"e1","call_direction":1,"from":{"number":"79161234567"},"entry_result":0}';
  const sign = createHash('sha256').update(`key-0123456789${json}salt-abcdefXY`).digest('hex');
  const fields = new URLSearchParams({ vpbx_api_key: 'key-0123456789', sign, json }).toString();
  const before = (await inboxRows()).length;
  const ok = await runCli(
    dir,
    'webhook',
    '--provider',
    'mango',
    '--query',
    `k=${secret}`,
    '--path',
    'events/summary',
    '--form',
    fields,
  );
  expect(ok.code).toBe(0);
  expect(ok.json<Reply>()).toEqual({ status: 200, body: '{"success":true}' });
  const rows = await inboxRows();
  expect(rows).toHaveLength(before + 1);
  expect(JSON.parse(rows[rows.length - 1][5])).toEqual({
    path: 'events/summary',
    params: { vpbx_api_key: 'key-0123456789', sign, json },
  });
  // Mango's own URL shape: the secret in the path.
  const inPath = await runCli(
    dir,
    'webhook',
    '--provider',
    'mango',
    '--path',
    `mango/${secret}/events/summary`,
    '--form',
    fields,
  );
  expect(inPath.json<Reply>().body).toBe('{"success":true}');
  const wrong = await runCli(
    dir,
    'webhook',
    '--provider',
    'mango',
    '--query',
    'k=nope',
    '--path',
    'events/summary',
    '--form',
    fields,
  );
  expect(wrong.code).toBe(0);
  expect(wrong.json<Reply>()).toEqual({ status: 200, body: '{"success":false}' });
  expect(await inboxRows()).toHaveLength(before + 2);
});

test('webhook --get: Zadarma zd_echo echoed with the secret, not without', async () => {
  const { secret } = (await runCli(dir, 'pbx-secret', '--json')).json<{ secret: string }>();
  const echo = await runCli(
    dir,
    'webhook',
    '--provider',
    'zadarma',
    '--query',
    `k=${secret}`,
    '--form',
    'zd_echo=Zx81',
    '--get',
  );
  expect(echo.json<Reply>()).toEqual({ status: 200, body: 'Zx81' });
  const refused = await runCli(dir, 'webhook', '--provider', 'zadarma', '--form', 'zd_echo=Zx81', '--get');
  expect(refused.json<Reply>()).toEqual({ status: 200, body: 'refused' });
});

test('webhook without --provider or with an unknown one: exit 2', async () => {
  expect((await runCli(dir, 'webhook', '--form', 'a=1')).code).toBe(2);
  const unknown = await runCli(dir, 'webhook', '--provider', 'sipuni', '--form', 'a=1');
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('mango, zadarma');
});
