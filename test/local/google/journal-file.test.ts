// The --target google journal keeps the checkpoint file it always wrote (~/.config/office-crm/imports/<id>.json):
// a file from before the shared executor reads back as journal entries that add up to the same checkpoint, and what
// the executor appends lands in the same format.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkpointOf, parseCheckpoint, type ImportCheckpoint } from '../../../src/core/import/plan';
import { fileJournal, journalFile } from '../../../src/local/google/journal-file';

const EARLIER: ImportCheckpoint = {
  version: 1,
  importId: 'imp-old',
  doneBatches: 4,
  createdResourceNames: ['people/c1', 'people/c2'],
  updated: [
    {
      resourceName: 'people/c9',
      before: { emailAddresses: [] },
      after: { emailAddresses: '0123456789abcdef' },
      updatePersonFields: 'emailAddresses',
    },
  ],
  labelsCreated: [{ name: 'VIP', resourceName: 'contactGroups/g1' }],
  membersAdded: [{ group: 'contactGroups/g1', resourceNames: ['people/c9'] }],
};

test('a checkpoint file written before reads back whole, and appends keep its format', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-journal-'));
  try {
    const file = journalFile(dir, 'imp-old');
    fs.writeFileSync(file, JSON.stringify(EARLIER));
    const journal = fileJournal(file, 'imp-old');
    const entries = await journal.read('imp-old');
    expect(checkpointOf('imp-old', entries)).toEqual({ ...EARLIER, doneBatches: 0 });

    await journal.append([{ importId: 'imp-old', resourceName: 'people/c3', action: 'created', labels: 'VIP' }]);
    const stored = parseCheckpoint(fs.readFileSync(file, 'utf8'));
    expect(stored.createdResourceNames).toEqual(['people/c1', 'people/c2', 'people/c3']);
    expect(stored).toMatchObject({ doneBatches: 4, updated: EARLIER.updated, membersAdded: EARLIER.membersAdded });
    expect(fs.readdirSync(dir)).toEqual(['imp-old.json']);
    expect(() => journalFile(dir, '../escape')).toThrow('not an import id');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
