// The migration's promises, end to end through the built bundle on the emulated Workspace: re-importing creates
// nothing, an import broken in the middle of a batch and resumed ends with exactly the expected contacts, and undo
// returns the account to where it was.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { syntheticXlsx } from '../../../src/local/demo/synthetic-base';
import { importFile, prepareImport, runUntilDone, stagePrepared } from '../../../src/local/import-driver';
import type { Office } from '../../../src/local/office';
import { template } from '../../../src/core/sheets/templates';
import { testOffice } from '../../support/office';

const FIXTURES = path.join(__dirname, '../../fixtures');

function fixture(name: string) {
  return { bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))), fileName: name };
}

function freshOffice(): Office {
  const office = testOffice();
  office.rpc.runSetup();
  return office;
}

/** The account as a person would compare it: contacts by name with their phones, e-mails and labels. */
function accountState(office: Office) {
  const groups = new Map(office.workspace.people.allGroups().map((g) => [g.resourceName, g.name]));
  return office.workspace.people
    .allContacts()
    .map((p) => ({
      resourceName: p.resourceName,
      names: p.names?.map((n) => [n.familyName, n.givenName, n.middleName].join(' ')),
      phones: (p.phoneNumbers ?? []).map((x) => x.value).sort(),
      emails: (p.emailAddresses ?? []).map((x) => x.value).sort(),
      notes: p.biographies?.[0]?.value ?? '',
      labels: (p.memberships ?? [])
        .map((m) => groups.get(m.contactGroupMembership?.contactGroupResourceName ?? ''))
        .filter(Boolean)
        .sort(),
    }))
    .sort((a, b) => String(a.resourceName).localeCompare(String(b.resourceName)));
}

function allPhones(office: Office): string[] {
  return office.workspace.people
    .allContacts()
    .flatMap((p) => (p.phoneNumbers ?? []).map((x) => String(x.canonicalForm)));
}

test('the messy office base imports once; importing it again, or its Windows-1251 CSV twin, creates nothing', () => {
  const office = freshOffice();
  const first = importFile(office, fixture('office-base.xlsx'));
  expect(first.status).toBe('done');
  expect(first.created).toBeGreaterThan(30);
  // The bad e-mail and the impossible date are reported with row and column, and kept on the contact.
  expect(first.errors).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ column: 'E-mail', value: 'test@' }),
      expect.objectContaining({ value: '31.02.1985' }),
    ]),
  );
  const keptIn = office.workspace.people
    .allContacts()
    .filter((p) => (p.biographies?.[0]?.value ?? '').includes('test@'));
  expect(keptIn).toHaveLength(1);
  // +7 and 8 spellings of one number are one client.
  const phones = allPhones(office);
  expect(phones.length).toBe(new Set(phones).size);
  const count = office.workspace.people.allContacts().length;

  const again = importFile(office, fixture('office-base.xlsx'));
  expect(again.created).toBe(0);
  const twin = importFile(office, fixture('office-base-1251.csv'));
  expect(twin.created).toBe(0);
  expect(office.workspace.people.allContacts()).toHaveLength(count);

  // The Imports sheet says what happened, for the office to read.
  const imports = office.rpc.listImports();
  expect(imports.map((r) => r.status)).toEqual(['done', 'done', 'done']);
  expect(imports.find((r) => r.id === first.importId)?.created).toBe(first.created);
  // …in the office's words: the sheet's header is Russian, so is its status column (listImports read it back above).
  const sheet = office.workspace.spreadsheets.values(office.spreadsheetId, template('imports').title.ru);
  const status = template('imports').columns.findIndex((c) => c.key === 'status');
  expect(sheet.slice(1).map((r) => r[status])).toEqual(['готово', 'готово', 'готово']);
});

test('the preview writes nothing to Google Contacts and counts what the import will do', () => {
  const office = freshOffice();
  const prepared = prepareImport(office, fixture('office-base.xlsx'), { importId: 'imp-preview' });
  stagePrepared(office, 'imp-preview', prepared);
  const before = office.workspace.people.allContacts().length;
  const preview = office.rpc.previewImport('imp-preview');
  expect(office.workspace.people.allContacts().length).toBe(before);
  expect(preview.counts.created).toBe(prepared.cleaned.contacts.length - preview.counts.skipped);
  expect(preview.duplicates.length).toBeGreaterThan(0);
  expect(preview.plannedCalls).toBeGreaterThanOrEqual(preview.minimumCalls);
});

describe.each([
  ['a lost response (the batch was applied, its answer never came)', { kind: 'lost-response' as const, nth: [2] }],
  ['a failure in the middle of a batch (half applied)', { kind: 'partial' as const, nth: [2], applyFirst: 77 }],
  ['the platform killing the run', { kind: 'kill' as const, nth: [3] }],
])('an import broken by %s and resumed', (_what, fault) => {
  test('ends with exactly the expected contacts, none twice, none lost', () => {
    const office = freshOffice();
    const rows = 700;
    const file = { bytes: syntheticXlsx(rows), fileName: 'base.xlsx' };
    office.workspace.faults.add({ service: 'People.People.batchCreateContacts', ...fault });
    expect(() => importFile(office, file, { importId: 'imp-broken' })).toThrow();
    const midway = office.workspace.people.allContacts().length;
    expect(midway).toBeLessThan(rows);

    office.workspace.faults.clear();
    const resumed = runUntilDone(office, 'imp-broken');
    expect(resumed.status).toBe('done');
    // The count covers every contact the import made, the batch whose answer was lost included.
    expect(resumed.created).toBe(rows);
    const contacts = office.workspace.people.allContacts();
    expect(contacts).toHaveLength(rows);
    const emails = contacts.map((p) => p.emailAddresses?.[0]?.value);
    expect(new Set(emails).size).toBe(rows);
    // Every contact carries its label, including those of the batch whose answer was lost.
    expect(contacts.every((p) => (p.memberships ?? []).length === 2)).toBe(true);
  });
});

test('undo returns the account to its previous state: created contacts go, changed ones come back, new labels go', () => {
  const office = freshOffice();
  const people = office.workspace.globals({ project: 'sheet', htmlFiles: {}, ui: office.sheet.ui })
    .People as GoogleAppsScript.People;
  // An existing client the file will complete (same phone in 8-form, no e-mail yet).
  people.People!.createContact({
    names: [{ familyName: 'Иванова', givenName: 'Анна' }],
    phoneNumbers: [{ value: '8 912 345-67-89' }],
  });
  const before = accountState(office);
  const groupsBefore = office.workspace.people
    .allGroups()
    .map((g) => g.name)
    .sort();

  const result = importFile(office, fixture('office-base.xlsx'));
  expect(result.updated).toBeGreaterThanOrEqual(1);
  const completed = accountState(office).find((c) => c.resourceName === before[0].resourceName);
  expect(completed?.emails.length).toBeGreaterThan(0);

  const undo = office.rpc.undoImport(result.importId);
  expect(undo.deleted).toBe(result.created);
  expect(undo.restored).toBe(result.updated);
  expect(accountState(office)).toEqual(before);
  expect(
    office.workspace.people
      .allGroups()
      .map((g) => g.name)
      .sort(),
  ).toEqual(groupsBefore);
  // Undo twice is harmless.
  expect(office.rpc.undoImport(result.importId).deleted).toBe(0);
});
