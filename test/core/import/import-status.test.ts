// The Imports sheet's statuses are words of the office's language, and read back as the status the code decides on
// whatever language (or old machine word) the cell holds.

import { headerLanguage, importStatusWord, parseImportStatus } from '../../../src/core/import/import-status';
import { importProgressRow, importRecord, stagedImportRow } from '../../../src/core/import/journal-rows';
import { template } from '../../../src/core/sheets/templates';
import type { ImportStatus } from '../../../src/shared/import-dto';

const ALL: ImportStatus[] = ['staged', 'running', 'paused', 'done', 'failed', 'undone'];

test('a paused import reads "приостановлен" in a Russian office, "paused" in English, "შეჩერებული" in Georgian', () => {
  const now = new Date('2026-03-02T06:05:00Z');
  expect(importProgressRow({ created: 3 }, 'paused', now, 'ru').status).toBe('приостановлен');
  expect(importProgressRow({ created: 3 }, 'paused', now, 'en').status).toBe('paused');
  expect(importProgressRow({ created: 3 }, 'paused', now, 'ka').status).toBe('შეჩერებული');
  const start = { importId: 'imp-1', file: 'a.xlsx', by: 'a@office.test', errors: 0, startedAt: now };
  expect(stagedImportRow({ ...start, locale: 'ru' }).status).toBe('проверен');
});

test('every word of every language reads back as its status; so do the old machine words and typed variants', () => {
  for (const locale of ['ru', 'en', 'ka'] as const)
    for (const s of ALL) expect(parseImportStatus(importStatusWord(s, locale))).toBe(s);
  for (const s of ALL) expect(parseImportStatus(s)).toBe(s);
  expect(parseImportStatus(' Готово ')).toBe('done');
  expect(parseImportStatus('отменен')).toBe('undone');
  expect(parseImportStatus('whatever')).toBeUndefined();
  expect(parseImportStatus('')).toBeUndefined();
});

test('the words of one language are all different (a status never reads back as another)', () => {
  for (const locale of ['ru', 'en', 'ka'] as const)
    expect(new Set(ALL.map((s) => importStatusWord(s, locale))).size).toBe(ALL.length);
});

test('an Imports row in Russian words is listed with the machine status the server decides on', () => {
  expect(importRecord({ id: 'imp-1', status: 'приостановлен' }).status).toBe('paused');
  expect(importRecord({ id: 'imp-1', status: 'готово' }).status).toBe('done');
  // A word nobody knows is kept as typed, not turned into a status.
  expect(importRecord({ id: 'imp-1', status: 'проверить!' }).status).toBe('проверить!');
});

test('the sheet language is read from its header row', () => {
  const imports = template('imports');
  expect(
    headerLanguage(
      imports,
      imports.columns.map((c) => c.title.ru),
    ),
  ).toBe('ru');
  expect(headerLanguage(imports, ['', ...imports.columns.map((c) => c.title.ka)])).toBe('ka');
  expect(
    headerLanguage(
      imports,
      imports.columns.map((c) => c.title.en),
    ),
  ).toBe('en');
  expect(headerLanguage(imports, ['x', 'y'])).toBeUndefined();
});
