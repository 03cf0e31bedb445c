// The nightly backup at scale: 25,000 contacts and 100,000 events (the event benches' office), run as Apps Script
// runs it — the trigger's body, one execution after another a minute apart while an execution stops at its budget
// (4.5 minutes of virtual service time). Prints the calls, bytes and virtual time of every execution and in all.
//
// The least the APIs allow for one night (drive.file, parts ≤ 4 MB):
//   People: 25 connections.list pages of 1000 + 1 contactGroups.list (labels);
//   Sheets: 1 values.batchGet (Events, Lists, Staff, Settings, Imports);
//   Drive: 1 files.create per file (3 per contacts part — json, vcf, csv —, the sheets-NNN.json parts, crm.xlsx
//     and events-NNN.xlsx, manifest.json) + 1 night-folder create + the read-back of each json part (files.get media)
//     + 1 listing of the folder's md5Checksum/size + the retention's listings (night folders, manifests).
// What the run adds on top: the root folder check, the folder's listing per execution (to replace, never duplicate),
// the labels once per execution, the state property.

import { openOffice } from '../../office';
import type { BackupRunResult } from '../../../shared/backup-dto';
import { measureInvoke, type Measurement } from '../measure';
import { CLOCK, seed } from './events';

const SCALE = { contacts: 25000, events: 100000 };
const MAX_EXECUTIONS = 30;

/** Every execution of one night's trigger, a minute apart while one stops at its budget; measured together. */
function night(office: ReturnType<typeof openOffice>): { executions: Measurement[]; result: BackupRunResult } {
  const executions: Measurement[] = [];
  let result: BackupRunResult | undefined;
  do {
    if (result) office.workspace.clock.advance(60_000);
    const m = measureInvoke(office, 'sheet', `backup execution ${executions.length + 1}`, 'backupTrigger', [{}]);
    executions.push(m);
    const run = office.sheet.invoke('lastBackup_', []);
    result = run.result as BackupRunResult;
  } while (result.status === 'paused' && executions.length < MAX_EXECUTIONS);
  return { executions, result };
}

function report(id: string, operation: string, { executions, result }: ReturnType<typeof night>): Measurement {
  const sum = (k: 'calls' | 'bytes' | 'serviceMs' | 'cpuMs') => executions.reduce((n, m) => n + (m[k] as number), 0);
  const byService: Record<string, number> = {};
  for (const m of executions) for (const [k, v] of Object.entries(m.byService)) byService[k] = (byService[k] ?? 0) + v;
  const files = result.files;
  const parts = files.filter((f) => /^contacts-\d+\.json$/.test(f)).length;
  const sheetsParts = files.filter((f) => /^sheets-\d+\.json$/.test(f)).length;
  // Creates of every file + the night folder, the listing pages, the labels, the batchGet, the read-backs, the md5 listing.
  const minimum = files.length + 1 + 25 + 1 + 1 + parts + sheetsParts + 1;
  return {
    id,
    operation,
    ...SCALE,
    status: result.status,
    executions: executions.length,
    files: files.length,
    calls: sum('calls'),
    minimum,
    byService,
    bytes: sum('bytes'),
    serviceMs: sum('serviceMs'),
    virtualMinutes: Math.round(sum('serviceMs') / 600) / 100,
    cpuMs: sum('cpuMs'),
    perExecution: executions.map((m) => ({ calls: m.calls, bytes: m.bytes, serviceMs: m.serviceMs })),
  } as Measurement;
}

/**
 * The first night (a full listing for the sync token, nothing to compare with yet) and an ordinary one after it: a
 * day later, with 20 contacts edited and 5 deleted in the Contacts app meanwhile — the sync's incremental listing,
 * the last night's copy read to journal those changes, then the backup. `backup.nightly` is the ordinary night.
 */
export function backupBenches(): Measurement[] {
  const office = openOffice({ clockStart: CLOCK });
  office.rpc.runSetup();
  const names = seed(office);
  const first = night(office);
  const ws = office.workspace;
  ws.clock.advance(24 * 3600_000 - 60_000 * (first.executions.length - 1));
  for (const rn of names.slice(0, 20))
    ws.people.editByUser(rn, { biographies: [{ value: 'Перезвонить после праздников' }] }, ws.clock.now());
  for (const rn of names.slice(100, 105)) ws.people.deleteByUser(rn, ws.clock.now());
  const second = night(office);
  return [
    report(
      'backup.nightly',
      'Nightly backup to Drive, an ordinary night: sync, backup, verification, retention',
      second,
    ),
    report('backup.nightly.first', 'The first nightly backup (the sync learns its token with a full listing)', first),
  ];
}
