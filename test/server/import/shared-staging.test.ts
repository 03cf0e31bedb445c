// Issue 11, defect 9: the staging sheet is shared by the office. A colleague's Check (stage + preview) while an
// import is interrupted must not take the interrupted import's staged rows: its resume completes with every contact.

import { syntheticXlsx } from '../../../src/local/demo/synthetic-base';
import { importFile, prepareImport, runUntilDone, stagePrepared } from '../../../src/local/import-driver';
import type { Office } from '../../../src/local/office';
import { testOffice } from '../../support/office';

/** Another office's file: `n` clients none of whom the synthetic base has. */
function otherFile(n: number, fileName: string) {
  const lines = ['ФИО,Телефон,E-mail'];
  for (let i = 0; i < n; i++)
    lines.push(`Коллегова Мария ${i},+7 999 ${String(2000000 + i)},colleague${i}@example.org`);
  return { bytes: new TextEncoder().encode(lines.join('\n') + '\n'), fileName };
}

function freshOffice(): Office {
  const office = testOffice();
  office.rpc.runSetup();
  return office;
}

test("a colleague's Check between an interrupted import and its resume leaves the import's rows staged", () => {
  const office = freshOffice();
  const rows = 700;
  office.workspace.faults.add({ service: 'People.People.batchCreateContacts', kind: 'kill', nth: [2] });
  expect(() => importFile(office, { bytes: syntheticXlsx(rows), fileName: 'a.xlsx' }, { importId: 'imp-a' })).toThrow();
  office.workspace.faults.clear();
  const midway = office.workspace.people.allContacts().length;
  expect(midway).toBeGreaterThan(0);
  expect(midway).toBeLessThan(rows);

  // The colleague checks another file: it is staged and previewed, never imported.
  const other = prepareImport(office, otherFile(30, 'b.csv'), { importId: 'imp-b' });
  stagePrepared(office, 'imp-b', other);
  const preview = office.rpc.previewImport('imp-b');
  expect(preview.counts.created).toBe(30);

  const resumed = runUntilDone(office, 'imp-a');
  expect(resumed.status).toBe('done');
  expect(resumed.created).toBe(rows);
  expect(office.workspace.people.allContacts()).toHaveLength(rows);
  // The colleague's Check is still there to import.
  expect(office.rpc.previewImport('imp-b').counts.created).toBe(30);
});

test('a finished import leaves its staged rows to be cleaned by the next stage', () => {
  const office = freshOffice();
  importFile(office, { bytes: syntheticXlsx(20), fileName: 'a.xlsx' }, { importId: 'imp-done' });
  stagePrepared(office, 'imp-next', prepareImport(office, otherFile(5, 'b.csv'), { importId: 'imp-next' }));
  expect(() => office.rpc.previewImport('imp-done')).toThrow(/nothing staged/);
  expect(office.rpc.previewImport('imp-next').counts.created).toBe(5);
});
