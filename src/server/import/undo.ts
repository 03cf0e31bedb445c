// Undo an import, on Apps Script: the core undo (core/import/execute/undo.ts) driven synchronously over the People
// API and the Imports / Import log sheets.

import { undoImportSteps } from '../../core/import/execute/undo';
import { phoneKey as parsePhoneKey } from '../../core/phone';
import { runSteps } from '../../core/ports/steps';
import type { UndoResult } from '../../shared/import-dto';
import { RecordingDirectory } from '../../core/card-index';
import { peopleDirectory } from '../people/gateway';
import { indexChanges } from './runner';
import { journalled, JournalSheet } from '../backup/journal-sheet';
import { OfficeContext } from '../events/office';
import { readImportSheets } from './import-sheets';
import { recordIn, SheetJournal } from './journal';

export function undoImport(importId: string): UndoResult {
  const sheets = readImportSheets({ imports: 'all', log: 'all' });
  const found = recordIn(sheets.imports!.table, importId);
  if (!found) throw new Error(`There is no import ${importId} in the Imports sheet.`);
  if (found.record.status === 'undone') return { importId, deleted: 0, restored: 0, warnings: [] };
  const region = sheets.settings.get('defaultCountry');
  // Deleted contacts leave the card index, restored ones are rewritten, in this execution.
  // Its changes are journalled with the undo's last commit (no Sheets request of their own).
  const changes = new JournalSheet({ ss: sheets.ss });
  const people = new RecordingDirectory(
    journalled(peopleDirectory, 'undo', new OfficeContext(sheets.ss).actorEmail, { log: changes }),
  );
  try {
    return runSteps(
      undoImportSteps(importId, (raw: string) => parsePhoneKey(raw, region)),
      {
        people,
        journal: new SheetJournal(sheets, importId, found.rowNumber, changes),
      },
    );
  } finally {
    changes.flush();
    indexChanges(people, region);
  }
}
