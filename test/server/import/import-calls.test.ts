// What an import makes the office wait for, in service calls (issue 11, "Fewer calls around the People minimum"):
// the staging area and the Import log cost one spreadsheet write per People batch, not several; the same file
// imported again sends nothing twice and lists the account once; the first runImport answers after one batch, so the
// sidebar's progress moves from the start. And the fewer writes are still safe: an import killed between a People
// batch and its journal write resumes with nothing created twice, and undo removes all of it.

import { runUntilDoneSteps } from '../../../src/core/import/execute/stage';
import { runSteps } from '../../../src/core/ports/steps';
import type { ImportProgress } from '../../../src/shared/import-dto';
import { syntheticXlsx } from '../../../src/local/demo/synthetic-base';
import { prepareImport, runUntilDone, stagePrepared } from '../../../src/local/import-driver';
import type { Office, OfficeOptions } from '../../../src/local/office';
import { testOffice } from '../../support/office';

function freshOffice(options: OfficeOptions = {}): Office {
  const office = testOffice(options);
  office.rpc.runSetup();
  return office;
}

/** Counted calls by service prefix since the last reset (Session reads are not round trips). */
function calls(office: Office, prefix = ''): number {
  return office.workspace.calls.all().filter((c) => !c.service.startsWith('Session.') && c.service.startsWith(prefix))
    .length;
}

const spreadsheetCalls = (office: Office) => calls(office, 'Sheets.') + calls(office, 'SpreadsheetApp.');

/** Stages a file and runs the import to its end, recording each runImport answer; calls counted from the staging. */
function importAll(office: Office, bytes: Uint8Array, importId: string): ImportProgress[] {
  const prepared = prepareImport(office, { bytes, fileName: 'base.xlsx' }, { importId, region: 'RU' });
  office.workspace.calls.reset();
  stagePrepared(office, importId, prepared);
  const answers: ImportProgress[] = [];
  runSteps(
    runUntilDoneSteps(importId, (p) => answers.push(p)),
    { server: office.rpc },
  );
  return answers;
}

test('a 1,000-row import writes the staging area and the Import log in one request per People batch', () => {
  const office = freshOffice();
  const answers = importAll(office, syntheticXlsx(1000), 'imp-1k');
  expect(answers[answers.length - 1]).toMatchObject({ status: 'done', created: 1000 });
  const peopleWrites =
    calls(office, 'People.People.batchCreateContacts') + calls(office, 'People.ContactGroups.create');
  expect(peopleWrites).toBe(5 + 5);
  // Two staged chunks, one journal write before each People write, one read and one final write per runImport, and
  // the card index's own upkeep: the old import made 55 spreadsheet calls here (a getLastRow, a getMaxRows and a
  // setValues for each block of rows, a setValues for each progress update).
  const importSheets = calls(office, 'Sheets.');
  expect(importSheets).toBeLessThanOrEqual(2 + peopleWrites + 2 * answers.length + 1);
  expect(spreadsheetCalls(office)).toBeLessThanOrEqual(30);
});

test('the first runImport answers after one batch of contacts, and the next calls carry on to the end', () => {
  const office = freshOffice();
  const answers = importAll(office, syntheticXlsx(700), 'imp-first');
  // The labels first (no batch create for groups), then one batch of 200: the bar shows it.
  expect(answers[0]).toMatchObject({ status: 'running', created: 200 });
  expect(answers[0].batchesDone).toBeGreaterThan(0);
  expect(answers[answers.length - 1]).toMatchObject({ status: 'done', created: 700 });
  expect(office.workspace.people.allContacts()).toHaveLength(700);
  // "Batch N of M" counts from the import's start in every answer: one M, N only growing, ending at M.
  const total = answers[0].batchesTotal;
  expect(answers.every((a) => a.batchesTotal === total)).toBe(true);
  const done = answers.map((a) => a.batchesDone);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  expect(done[done.length - 1]).toBe(total);
});

test('importing the same 3,000 rows again sends no chunk twice, lists the account once, and makes at most 30 calls', () => {
  // Calls are what is measured here, not Google's daily creation limit (1,000 by default, people/quotas.ts).
  const office = freshOffice({ peopleQuotas: { contactCreatesPerDay: 25_000 } });
  const bytes = syntheticXlsx(3000);
  importAll(office, bytes, 'imp-a');
  expect(office.workspace.people.allContacts()).toHaveLength(3000);

  const again = importAll(office, bytes, 'imp-b');
  expect(again[again.length - 1]).toMatchObject({ status: 'done', created: 0, updated: 0, skipped: 3000 });
  expect(office.workspace.people.allContacts()).toHaveLength(3000);
  // 3 pages of 1000 and the labels, once; the first chunk's read and write (the queue rows of imp-a are taken over,
  // the other five chunks are never sent); the run's read and its final write. The old code made 37.
  expect(calls(office, 'People.People.Connections.list')).toBe(3);
  expect(calls(office, 'People.ContactGroups.list')).toBe(1);
  expect(calls(office)).toBeLessThanOrEqual(10);
  expect(calls(office)).toBeLessThanOrEqual(30);
  // Undo of the re-import removes nothing: it created nothing.
  expect(office.rpc.undoImport('imp-b').deleted).toBe(0);
  expect(office.workspace.people.allContacts()).toHaveLength(3000);
});

test.each([
  ['killed by the platform', 'kill' as const],
  ['answered with an error after it was applied', 'lost-response' as const],
])(
  'a journal write %s after a People batch: the resume creates nothing twice, and undo removes it all',
  (_what, kind) => {
    const office = freshOffice();
    const rows = 700;
    const prepared = prepareImport(
      office,
      { bytes: syntheticXlsx(rows), fileName: 'base.xlsx' },
      { importId: 'imp-k' },
    );
    stagePrepared(office, 'imp-k', prepared);
    // The first run: 5 label creates and one batch. In the second, the journal write after its first batch of 200
    // (which also carries that batch's created contacts) is where the platform kills the execution.
    expect(office.rpc.runImport('imp-k')).toMatchObject({ status: 'running', created: 200 });
    office.workspace.calls.reset();
    office.workspace.faults.add({ service: 'Sheets.Spreadsheets.batchUpdate', kind, nth: [2] });
    expect(() => office.rpc.runImport('imp-k')).toThrow();
    office.workspace.faults.clear();
    expect(office.workspace.people.allContacts()).toHaveLength(400);

    const resumed = runUntilDone(office, 'imp-k');
    expect(resumed).toMatchObject({ status: 'done', created: rows });
    const contacts = office.workspace.people.allContacts();
    expect(contacts).toHaveLength(rows);
    expect(new Set(contacts.map((p) => p.emailAddresses?.[0]?.value)).size).toBe(rows);

    // The log names each created contact once, however the write failed.
    expect(office.rpc.listImports().find((r) => r.id === 'imp-k')).toMatchObject({ created: rows, status: 'done' });
    const undo = office.rpc.undoImport('imp-k');
    expect(undo.deleted).toBe(rows);
    expect(office.workspace.people.allContacts()).toHaveLength(0);
  },
);
