// preview / import / undo / export / contacts: the migration commands. The file is read and cleaned by the same core
// code as the sidebar; writes go through the built bundle's google.script.run functions, exactly as the sidebar's do.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { planImport } from '../../core/import/plan';
import { phoneKey } from '../../core/phone';
import type { ExportPage, UndoResult } from '../../shared/import-dto';
import { importFile, prepareImport } from '../import-driver';
import type { Office } from '../office';
import { exportTarget, writeExport } from './export-file';
import { previewOutput } from './preview-output';
import { flag, ParsedArgs, UsageError } from './args';

function readArgs(args: ParsedArgs) {
  const file = args.positional[0];
  if (!file) throw new UsageError('Which file? e.g. npm run crm -- preview clients.xlsx');
  if (!fs.existsSync(file)) throw new UsageError(`${file}: no such file`);
  return {
    file: { bytes: new Uint8Array(fs.readFileSync(file)), fileName: path.basename(file) },
    options: {
      encoding: flag(args, 'encoding'),
      delimiter: flag(args, 'delimiter'),
      sheetName: flag(args, 'sheet'),
      region: flag(args, 'region'),
      label: flag(args, 'label'),
    },
  };
}

/** A contact as the preview prints it: the Person exactly as batchCreateContacts will get it, plus its label names. */
export function previewCommand(office: Office, args: ParsedArgs) {
  const { file, options } = readArgs(args);
  const { opened, mapping, cleaned, setup } = prepareImport(office, file, options);
  const existing = office.workspace.people.allContacts();
  const plan = planImport(cleaned.contacts, existing, { importId: 'preview', phoneKey });
  return previewOutput(opened, mapping, cleaned, plan, setup.locale);
}

export function importCommand(office: Office, args: ParsedArgs) {
  const { file, options } = readArgs(args);
  const result = importFile(office, file, { ...options, importId: flag(args, 'id') });
  if (result.status !== 'done') throw new Error(`Import ${result.importId} ${result.status}: ${result.message}`);
  return {
    importId: result.importId,
    created: result.created,
    updated: result.updated,
    skipped: result.skipped,
    errors: result.errors,
  };
}

export function undoCommand(office: Office, args: ParsedArgs): UndoResult {
  const importId = args.positional[0];
  if (!importId)
    throw new UsageError('Which import? e.g. npm run crm -- undo imp-abc123 (ids are in the Imports sheet)');
  return office.rpc.undoImport(importId);
}

function allContacts(office: Office, label?: string): ExportPage['contacts'] {
  const out: ExportPage['contacts'] = [];
  let pageToken: string | undefined;
  do {
    const page = office.rpc.exportContacts({ label, pageToken });
    out.push(...page.contacts);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}

export function exportCommand(office: Office, args: ParsedArgs) {
  const target = exportTarget(args);
  return writeExport(target, allContacts(office, flag(args, 'label')));
}

export function contactsCommand(office: Office) {
  return allContacts(office).map(({ person, labels }) => ({ ...person, labels }));
}
