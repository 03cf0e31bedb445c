// `crm settings`: every setting with its value and default, read and changed through the bundle's own functions;
// a change the rules refuse writes nothing and exits 2 with the allowed values.

import * as fs from 'node:fs';
import { SETTING_KEYS } from '../../../src/core/settings/definitions';
import { runCli, tempDir } from './run-cli';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

type Report = Record<string, { value: string | number; default: string | number; isDefault: boolean }>;

test('every setting, with its value, its default and whether it is the default', async () => {
  const run = await runCli(dir, 'settings', '--json');
  expect(run.code).toBe(0);
  const report = run.json<Report>();
  expect(Object.keys(report)).toEqual(SETTING_KEYS);
  expect(report.defaultCountry).toEqual({ value: 'RU', default: 'RU', isDefault: true });
  expect(report.quietDaysDefault).toEqual({ value: 90, default: 90, isDefault: true });
  expect(report.reminderEmailMinutes).toEqual({ value: 60, default: 60, isDefault: true });
});

test('--set changes settings in the Settings sheet, normalised, and they stay changed', async () => {
  const set = await runCli(dir, 'settings', '--set', 'DefaultCountry=ge', '--set', 'quietDaysDefault=45', '--json');
  expect(set.code).toBe(0);
  expect(set.json<Report>().defaultCountry).toEqual({ value: 'GE', default: 'RU', isDefault: false });
  const again = (await runCli(dir, 'settings', '--json')).json<Report>();
  expect(again.defaultCountry.value).toBe('GE');
  expect(again.quietDaysDefault).toEqual({ value: 45, default: 90, isDefault: false });
  // Written over the template's own rows, not appended as second ones.
  const sheet = (await runCli(dir, 'sheet', 'settings', '--json')).json<{ rows: string[][] }>();
  expect(sheet.rows.filter((r) => r[0] === 'defaultCountry')).toEqual([['defaultCountry', 'GE', expect.any(String)]]);
  // An empty value puts a setting back to its default.
  const reset = await runCli(dir, 'settings', '--set', 'defaultCountry=', '--json');
  expect(reset.json<Report>().defaultCountry).toEqual({ value: 'RU', default: 'RU', isDefault: true });
});

test('an invalid value or an unknown key is refused with exit 2 and the allowed values, and nothing is written', async () => {
  const invalid = await runCli(dir, 'settings', '--set', 'language=ka', '--set', 'defaultCountry=XX', '--json');
  expect(invalid.code).toBe(2);
  expect(invalid.stdout).toBe('');
  expect(invalid.stderr).toContain('"XX"');
  expect(invalid.stderr).toMatch(/"XX".* Allowed: a two-letter country code: .*\bGE\b/);
  const unknown = await runCli(dir, 'settings', '--set', 'colour=red');
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain(`Unknown setting "colour". Allowed: ${SETTING_KEYS.join(', ')}`);
  // The refusal is the whole message: the usage text is for malformed commands, not refused values.
  expect(unknown.stderr).not.toContain('Usage:');
  const number = await runCli(dir, 'settings', '--set', 'reminderPopupMinutes=soon');
  expect(number.code).toBe(2);
  expect(number.stderr).toContain('a whole number from 0 to 40320');
  expect((await runCli(dir, 'settings', '--json')).json<Report>().language.value).toBe('');
  expect((await runCli(dir, 'settings', '--set', 'language')).code).toBe(2);
});
