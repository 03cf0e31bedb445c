// `crm import-calls`, `crm callbacks [--close PHONE]` and `crm process-inbox` on a sandbox state folder.

import * as path from 'node:path';
import type { CallsView, ImportCallsResult, ProcessInboxResult } from '../../../src/shared/pbx-dto';
import { runCli, tempDir } from './run-cli';

jest.setTimeout(60_000);

const MASTER = path.join(__dirname, '../../fixtures/pbx/Master.csv');

test('import a call log, list the callbacks, close one by hand; process-inbox with an empty Inbox', async () => {
  const dir = tempDir();
  const imported = await runCli(dir, 'import-calls', MASTER, '--format', 'asterisk', '--json');
  expect(imported.code).toBe(0);
  expect(imported.json<ImportCallsResult>()).toMatchObject({ format: 'asterisk', events: 2, missed: 2, duplicates: 0 });
  const list = (await runCli(dir, 'callbacks', '--json')).json<CallsView>();
  expect(list.callbacks.map((c) => [c.display, c.attempts, c.state])).toEqual([
    ['8 (926) 555-44-33', 1, 'open'],
    ['8 (916) 999-88-77', 1, 'open'],
  ]);
  const closed = await runCli(dir, 'callbacks', '--close', '8 916 999 88 77', '--json');
  expect(closed.json<CallsView>().callbacks.map((c) => [c.phone, c.state, c.closedBy])).toEqual([
    ['+79265554433', 'open', ''],
    ['+79169998877', 'closed', 'hand'],
  ]);
  // Nothing open for that number any more: refused (exit 2), nothing written.
  const again = await runCli(dir, 'callbacks', '--close', '+79169998877', '--json');
  expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('8 (916) 999-88-77')]);
  const run = await runCli(dir, 'process-inbox', '--json');
  expect(run.json<ProcessInboxResult>()).toMatchObject({ events: 0, missed: 0, unknown: 0, duplicates: 0, left: 0 });
  const twice = await runCli(dir, 'import-calls', MASTER, '--json');
  expect(twice.json<ImportCallsResult>()).toMatchObject({ events: 0, missed: 0, duplicates: 5 });
});
