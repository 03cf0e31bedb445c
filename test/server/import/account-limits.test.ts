// Issue 11, defect 6: the account's limits. Google Contacts holds 25,000 contacts: the preview says how many the
// account has and how many the file would add, and an import that would pass the limit is refused with those numbers
// before anything is written. People's per-minute or daily quota (429 RESOURCE_EXHAUSTED past the retries) pauses
// the import with a plain message; running it again later carries on.

import { syntheticXlsx } from '../../../src/local/demo/synthetic-base';
import { importFile, prepareImport, runUntilDone, stagePrepared } from '../../../src/local/import-driver';
import type { Office } from '../../../src/local/office';
import { testOffice } from '../../support/office';

function freshOffice(): Office {
  const office = testOffice();
  office.rpc.runSetup();
  return office;
}

/** `n` clients the account does not have yet. */
function newClients(n: number) {
  const lines = ['ФИО,Телефон,E-mail'];
  for (let i = 0; i < n; i++) lines.push(`Новикова Анна ${i},+7 999 ${String(3000000 + i)},new${i}@example.org`);
  return { bytes: new TextEncoder().encode(lines.join('\n') + '\n'), fileName: 'new.csv' };
}

/** An account already holding `n` contacts (typed in by the office over the years). */
function fill(office: Office, n: number): void {
  const persons = Array.from({ length: n }, (_, i) => ({
    names: [{ familyName: 'Старый', givenName: `Клиент ${i}` }],
    emailAddresses: [{ value: `old${i}@example.org` }],
  }));
  office.workspace.people.seed(persons, office.workspace.clock.now());
}

describe("the account's limit of 25,000 contacts", () => {
  test('an import that would pass it is shown in the preview and refused with the numbers, writing nothing', () => {
    const office = freshOffice();
    fill(office, 24_990);
    const prepared = prepareImport(office, newClients(25), { importId: 'imp-full' });
    stagePrepared(office, 'imp-full', prepared);
    const preview = office.rpc.previewImport('imp-full');
    expect(preview.account).toEqual({ contacts: 24_990, adding: 25, limit: 25_000, fits: false });

    const rev = office.workspace.people.rev;
    expect(() => office.rpc.runImport('imp-full')).toThrow(/25000[\s\S]*24990[\s\S]*25[\s\S]*15/);
    expect(office.workspace.people.rev).toBe(rev);
    expect(office.workspace.people.allContacts()).toHaveLength(24_990);
    // The refused import is not left "running" or "failed" in the Imports sheet: it never started.
    expect(office.rpc.listImports().find((r) => r.id === 'imp-full')?.status).toBe('staged');
  });

  test('an import that fills the account exactly to the limit goes through', () => {
    const office = freshOffice();
    fill(office, 24_990);
    const prepared = prepareImport(office, newClients(10), { importId: 'imp-fits' });
    stagePrepared(office, 'imp-fits', prepared);
    expect(office.rpc.previewImport('imp-fits').account).toEqual({
      contacts: 24_990,
      adding: 10,
      limit: 25_000,
      fits: true,
    });
    const done = runUntilDone(office, 'imp-fits');
    expect(done.status).toBe('done');
    expect(office.workspace.people.allContacts()).toHaveLength(25_000);
  });
});

describe("People's quota", () => {
  test('a 429 that outlasts the retries pauses the import with a plain message; run again, it completes', () => {
    const office = freshOffice();
    const rows = 700;
    // The second batch's call and its three retries all meet the per-minute quota.
    office.workspace.faults.add({ service: 'People.People.batchCreateContacts', kind: 'quota', nth: [2, 3, 4, 5] });
    const paused = importFile(office, { bytes: syntheticXlsx(rows), fileName: 'base.xlsx' }, { importId: 'imp-q' });
    expect(paused.status).toBe('paused');
    expect(paused.created).toBe(200);
    expect(paused.message).not.toMatch(/API call|RESOURCE_EXHAUSTED|429|quota metric/);
    expect(paused.batchesDone).toBeLessThan(paused.batchesTotal);
    expect(paused.message).toContain(`после ${paused.batchesDone} из ${paused.batchesTotal} пакетов`);
    expect(office.rpc.listImports().find((r) => r.id === 'imp-q')?.status).toBe('paused');

    office.workspace.faults.clear();
    const resumed = runUntilDone(office, 'imp-q');
    expect(resumed.status).toBe('done');
    expect(resumed.created).toBe(rows);
    expect(office.workspace.people.allContacts()).toHaveLength(rows);
  });

  test('a spent daily quota pauses every run until it is back, and the import then completes', () => {
    const office = freshOffice();
    const rows = 300;
    office.workspace.faults.add({ service: 'People.People.batchCreateContacts', kind: 'quota', probability: 1 });
    const file = { bytes: syntheticXlsx(rows), fileName: 'base.xlsx' };
    expect(importFile(office, file, { importId: 'imp-day' }).status).toBe('paused');
    expect(runUntilDone(office, 'imp-day').status).toBe('paused');
    expect(office.workspace.people.allContacts()).toHaveLength(0);

    office.workspace.faults.clear();
    const resumed = runUntilDone(office, 'imp-day');
    expect(resumed.status).toBe('done');
    expect(office.workspace.people.allContacts()).toHaveLength(rows);
  });
});
