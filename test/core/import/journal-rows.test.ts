import {
  importLogRow,
  importProgressRow,
  importRecord,
  journalEntry,
  stagedImportRow,
} from '../../../src/core/import/journal-rows';
import type { JournalEntry } from '../../../src/core/ports/journal';
import type { RowRecord, TableRow } from '../../../src/core/ports/table';

/** What the table layer hands back for a row it wrote: the same values by key (escaping is invisible on read). */
const readBack = (record: RowRecord, rowNumber = 2): TableRow => ({ rowNumber, values: { ...record } });

const ENTRIES: JournalEntry[] = [
  { importId: 'imp-1', resourceName: 'people/c1', action: 'created', fields: '', labels: 'Clients,=SUM(1)' },
  {
    importId: 'imp-1',
    resourceName: 'people/c2',
    action: 'updated',
    before: {
      resourceName: 'people/c2',
      before: { names: [{ givenName: 'Анна', familyName: 'Смирнова' }], phoneNumbers: [{ value: '+7 912 000-00-01' }] },
      after: { phoneNumbers: '0123456789abcdef' },
      updatePersonFields: 'phoneNumbers',
    },
    fields: 'phoneNumbers',
    labels: '',
  },
  {
    importId: 'imp-1',
    resourceName: 'contactGroups/g1',
    action: 'members',
    before: ['people/c7'],
    fields: '',
    labels: '',
  },
  {
    importId: 'imp-1',
    resourceName: '',
    action: 'problem',
    before: { row: 4, column: 'E-mail', value: 'not@', message: 'not an e-mail address' },
    fields: '',
    labels: '',
  },
];

test('every kind of journal entry reads back from its Import log row as it was written', () => {
  const rows = ENTRIES.map((e, i) => readBack(importLogRow(e), i + 2));
  expect(rows.map(journalEntry)).toEqual(ENTRIES);
  // `before` is one JSON cell; an entry without one leaves the cell empty.
  expect(rows[1].values.before).toBe(JSON.stringify(ENTRIES[1].before));
  expect(rows[0].values.before).toBe('');
});

test('an entry written without fields or labels reads back with them empty, not missing', () => {
  const written = importLogRow({ importId: 'imp-1', resourceName: 'people/c3', action: 'deleted' });
  expect(written).toEqual({
    importId: 'imp-1',
    resourceName: 'people/c3',
    action: 'deleted',
    before: '',
    fields: '',
    labels: '',
  });
  expect(journalEntry(readBack(written))).toEqual({
    importId: 'imp-1',
    resourceName: 'people/c3',
    action: 'deleted',
    before: undefined,
    fields: '',
    labels: '',
  });
});

test('a damaged "before" cell is reported with its row and column, without quoting the contact it holds', () => {
  const row = readBack(importLogRow(ENTRIES[1]), 7);
  row.values.before = String(row.values.before).slice(0, 40);
  let thrown: unknown;
  try {
    journalEntry(row);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(Error);
  expect(thrown).not.toBeInstanceOf(SyntaxError);
  const message = (thrown as Error).message;
  expect(message).toContain('Import log row 7');
  expect(message).toContain('"Before (JSON)"');
  expect(message).not.toContain('Анна');
});

test('an Imports row is staged with zero counts and read back as the sidebar lists it', () => {
  const startedAt = new Date('2026-03-02T06:00:00Z');
  const row = stagedImportRow({ importId: 'imp-1', file: '=1+2.csv', by: 'anna@example.ru', errors: 3, startedAt });
  expect(importRecord(readBack(row).values)).toEqual({
    id: 'imp-1',
    startedAt: '2026-03-02T06:00:00.000Z',
    by: 'anna@example.ru',
    file: '=1+2.csv',
    created: 0,
    updated: 0,
    skipped: 0,
    errors: 3,
    status: 'staged',
    finishedAt: '',
  });
});

test('counts the office typed over or cleared read as 0; dates typed as text are kept as text', () => {
  const record = importRecord({
    id: 'imp-2',
    startedAt: '02.03.2026 09:00',
    created: 'много',
    updated: '',
    skipped: '4',
    errors: undefined,
    status: 'done',
  });
  expect(record).toMatchObject({ startedAt: '02.03.2026 09:00', created: 0, updated: 0, skipped: 4, errors: 0 });
  expect(record).toMatchObject({ by: '', file: '', finishedAt: '' });
});

test('progress gets a finish time once the import is done, undone or failed, and an empty one while it runs', () => {
  const now = new Date('2026-03-02T06:05:00Z');
  for (const status of ['done', 'undone', 'failed'] as const)
    expect(importProgressRow({ created: 5 }, status, now)).toEqual({ created: 5, status, finishedAt: now });
  expect(importProgressRow({ created: 2, updated: 1 }, 'running', now)).toEqual({
    created: 2,
    updated: 1,
    status: 'in progress',
    finishedAt: '',
  });
});
