// Drives an import on an emulated office the way the sidebar does — read and clean locally with the core code, stage
// the cleaned contacts in chunks through google.script.run, then call runImport until it reports done (the same steps
// as the sidebar: core/import/execute/stage.ts) — so the CLI, the bench and the tests all exercise the built bundle's
// real path.

import {
  cleanImportFile,
  openImportFile,
  OpenedFile,
  ReadOptions,
  rememberedMapping,
  withImportLabel,
} from '../core/import/pipeline';
import { ImportServer, runUntilDoneSteps, stageSteps } from '../core/import/execute/stage';
import type { Mapping } from '../core/import/mapping';
import type { CleanedFile } from '../core/import/pipeline';
import type { ImportProgress, ImportSetup } from '../shared/import-dto';
import { runSteps } from '../core/ports/steps';
import type { Office } from './office';

export interface PreparedImport {
  opened: OpenedFile;
  mapping: Mapping | null;
  cleaned: CleanedFile;
  setup: ImportSetup;
  region: string;
}

export function prepareImport(
  office: Office,
  file: { bytes: Uint8Array; fileName: string },
  options: ReadOptions & { region?: string; label?: string; importId?: string } = {},
): PreparedImport {
  const read = { ...options, defaultCountry: options.region?.toUpperCase() };
  let opened = openImportFile(file.bytes, file.fileName, read);
  const setup = office.rpc.getImportSetup(opened.fingerprint);
  // A header-less file's columns are named in the office's language, known only now: read again (such files are
  // small, and the fingerprint does not depend on the names).
  if (opened.table?.headerless && setup.locale !== 'en')
    opened = openImportFile(file.bytes, file.fileName, { ...read, locale: setup.locale });
  const mapping = rememberedMapping(setup.mapping as Mapping | null) ?? opened.proposed;
  const region = (options.region ?? setup.defaultCountry).toUpperCase();
  const cleaned = cleanImportFile(opened, mapping, {
    defaultCountry: region,
    locale: setup.locale,
    importId: options.importId,
  });
  cleaned.contacts = withImportLabel(cleaned.contacts, options.label);
  return { opened, mapping, cleaned, setup, region };
}

/** The bundle's stageImport and runImport, as the steps of core/import/execute/stage.ts call them. */
function importServer(office: Office): ImportServer {
  return { server: office.rpc };
}

export function stagePrepared(office: Office, importId: string, prepared: PreparedImport): void {
  const { opened, mapping, cleaned } = prepared;
  const { fileName, fingerprint } = opened;
  const { contacts, problems } = cleaned;
  const remembered = prepared.setup.mapping;
  runSteps(
    stageSteps({ importId, fileName, contacts, problems, fingerprint, mapping, remembered }),
    importServer(office),
  );
}

/** Calls runImport until the import is no longer running (each call is one Apps Script execution). */
export function runUntilDone(office: Office, importId: string): ImportProgress {
  return runSteps(runUntilDoneSteps(importId), importServer(office));
}

export function importFile(
  office: Office,
  file: { bytes: Uint8Array; fileName: string },
  options: ReadOptions & { region?: string; label?: string; importId?: string } = {},
): ImportProgress & { importId: string } {
  const importId = options.importId ?? `imp-${office.workspace.clock.now().toString(36)}`;
  const prepared = prepareImport(office, file, { ...options, importId });
  stagePrepared(office, importId, prepared);
  return { ...runUntilDone(office, importId), importId };
}
