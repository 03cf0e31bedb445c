// `crm … --at` without an offset is the office's wall clock: Settings → timeZone, else the spreadsheet's zone (the
// host's zone never counts). An offset or Z is kept as given; a text that is not a date-time is a usage error.

import * as fs from 'node:fs';
import { officeTimeZone } from '../../../src/local/cli/office-zone';
import { openOffice } from '../../../src/local/office';
import { runCli, tempDir } from './run-cli';

let dir: string;
beforeEach(async () => {
  dir = tempDir();
  expect((await runCli(dir, 'settings', '--json')).code).toBe(0);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const log = (...at: string[]) =>
  runCli(dir, 'log', '--client', 'Анна', '--no-client', '--kind', 'Звонок', '--reason', 'Заказ', '--planned', ...at);

test('setup shows the spreadsheet zone as Settings → timeZone, and --at 10:00 is 10:00 there', async () => {
  const settings = (await runCli(dir, 'settings', '--json')).json<Record<string, { value: string }>>();
  expect(settings.timeZone.value).toBe('Europe/Moscow');
  const run = await log('--at', '2026-12-02T10:00');
  expect(run.code).toBe(0);
  expect(run.json<{ at: string }>().at).toBe('2026-12-02T07:00:00.000Z');
  // The Events sheet shows what was typed.
  const rows = (await runCli(dir, 'sheet', 'events', '--json')).json<{ rows: string[][] }>().rows;
  expect(rows.flat()).toContain('02.12.2026 10:00');
});

test('a zone set in Settings is the one --at is read in; an explicit offset or Z is kept', async () => {
  expect((await runCli(dir, 'settings', '--set', 'timeZone=Asia/Tbilisi', '--json')).code).toBe(0);
  expect(officeTimeZone(openOffice({ dir }))).toBe('Asia/Tbilisi');
  expect((await log('--at', '2026-12-02T10:00')).json<{ at: string }>().at).toBe('2026-12-02T06:00:00.000Z');
  expect((await log('--at', '2026-12-02T10:00+03:00')).json<{ at: string }>().at).toBe('2026-12-02T07:00:00.000Z');
  expect((await log('--at', '2026-12-02T10:00Z')).json<{ at: string }>().at).toBe('2026-12-02T10:00:00.000Z');
  const quiet = await runCli(dir, 'quiet', '--at', '2026-12-02T00:00', '--json');
  expect(quiet.json<{ at: string }>().at).toBe('2026-12-01T20:00:00.000Z');
});

test('an --at that is not a date-time exits 2 and writes nothing', async () => {
  const run = await log('--at', '02.12.2026 10:00');
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('--at "02.12.2026 10:00" is not a date-time');
  expect(run.stdout).toBe('');
  expect((await runCli(dir, 'quiet', '--at', '2026-02-30T10:00', '--json')).code).toBe(2);
});
