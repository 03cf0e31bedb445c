// The hidden Import log is still a sheet a person can edit. A "Before (JSON)" cell damaged by hand must stop the undo
// with a message that names the row (so the office can restore it from the version history), before any contact is
// touched: undoing the rest and leaving that contact changed would be silent data loss.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { template } from '../../../src/core/sheets/templates';
import { importFile } from '../../../src/local/import-driver';
import { testOffice } from '../../support/office';

test('undo over a damaged Import log cell names the row and changes nothing', () => {
  const office = testOffice();
  office.rpc.runSetup();
  const people = office.workspace.globals({ project: 'sheet', htmlFiles: {}, ui: office.sheet.ui })
    .People as GoogleAppsScript.People;
  // An existing client the file completes, so the log holds an update with its before-values.
  people.People!.createContact({
    names: [{ familyName: 'Иванова', givenName: 'Анна' }],
    phoneNumbers: [{ value: '8 912 345-67-89' }],
  });
  const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, '../../fixtures/office-base.xlsx')));
  const result = importFile(office, { bytes, fileName: 'office-base.xlsx' });
  expect(result.updated).toBeGreaterThanOrEqual(1);

  const sheets = office.workspace.spreadsheets;
  const logName = template('importLog').title.ru;
  const values = sheets.values(office.spreadsheetId, logName);
  const columns = template('importLog').columns.map((c) => c.key);
  const action = columns.indexOf('action');
  const before = columns.indexOf('before');
  const index = values.findIndex((r) => r[action] === 'updated');
  expect(index).toBeGreaterThan(0);
  sheets.editByUser(office.spreadsheetId, logName, index + 1, before + 1, String(values[index][before]).slice(0, 30));

  const contacts = office.workspace.people.allContacts().length;
  expect(() => office.rpc.undoImport(result.importId)).toThrow(
    `Import log row ${index + 1}: the "Before (JSON)" cell is not the JSON the import wrote`,
  );
  expect(office.workspace.people.allContacts()).toHaveLength(contacts);
});
