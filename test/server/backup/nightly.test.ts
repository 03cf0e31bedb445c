// The nightly backup through the built bundle on the emulated Workspace: a night's folder holds every file, every
// field, label and clientData of a contact is in the json and the vCard, Drive's MD5s match; a second run the same
// night adds nothing; a run cut by its budget goes on in later executions without duplicates; a tampered file fails
// the night and prunes nothing; retention over 45 nights; the root folder trashed by hand; drive.file only.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import type { BackupContact, BackupManifest } from '../../../src/core/backup/types';
import type { BackupNightView } from '../../../src/shared/backup-dto';
import { call } from '../../support/office';
import { backupOffice, driveNights, FULL_CONTACT, runBackup, text } from './fixture';

const NIGHT = '2026-03-02';

test("a night's folder holds every file, every field of a contact, its labels and clientData, and Drive's MD5s match", () => {
  const { office, full } = backupOffice();
  const result = runBackup(office);
  expect(result).toMatchObject({
    night: NIGHT,
    status: 'verified',
    contacts: 4,
    events: 2,
    executions: 1,
    problems: [],
  });
  const nights = driveNights(office);
  expect(Object.keys(nights)).toEqual([NIGHT]);
  expect(Object.keys(nights[NIGHT]).sort()).toEqual(
    [
      'contacts-001.csv',
      'contacts-001.json',
      'contacts-001.vcf',
      'crm.xlsx',
      'manifest.json',
      'sheets-001.json',
    ].sort(),
  );
  expect([...result.files].sort()).toEqual(Object.keys(nights[NIGHT]).sort());
  const files = nights[NIGHT];
  const contacts = JSON.parse(text(office, files['contacts-001.json'])) as BackupContact[];
  const mine = contacts.find((c) => c.person.resourceName === full)!;
  for (const [field, value] of Object.entries(FULL_CONTACT))
    expect({ field, value: (mine.person as Record<string, unknown>)[field] }).toEqual({
      field,
      value: expect.arrayContaining((value as unknown[]).map((v) => expect.objectContaining(v as object))),
    });
  expect(mine.labels).toEqual(['VIP']);
  const vcf = text(office, files['contacts-001.vcf']);
  expect(vcf).toContain('VERSION:4.0');
  expect(vcf).toContain('Полнова');
  expect(vcf).toContain('CATEGORIES:VIP');
  expect(vcf).toContain('cl-full-1');
  const manifest = JSON.parse(text(office, files['manifest.json'])) as BackupManifest;
  expect(manifest).toMatchObject({ night: NIGHT, status: 'verified', counts: { contacts: 4, events: 2 } });
  expect(Object.keys(manifest.contactHashes)).toHaveLength(4);
  // Every file's MD5 as written = Drive's = the bytes' own.
  for (const f of manifest.files) {
    const bytes = office.workspace.drive.content(files[f.name]);
    expect({ name: f.name, md5: createHash('md5').update(bytes).digest('hex'), bytes: bytes.length }).toEqual({
      name: f.name,
      md5: f.md5,
      bytes: f.bytes,
    });
  }
  // The sheets copy keeps a text that looks like a formula as text.
  const sheets = JSON.parse(text(office, files['sheets-001.json'])) as { sheets: Record<string, unknown[][]> };
  expect(JSON.stringify(sheets.sheets.events)).toContain('=cmd');
  expect(Object.keys(sheets.sheets).sort()).toEqual(['events', 'imports', 'lists', 'settings', 'staff'].sort());
  const listed = call<BackupNightView[]>(office.sheet, 'listBackups_');
  expect(listed).toMatchObject([{ night: NIGHT, status: 'verified', contacts: 4, events: 2, problems: [] }]);
  expect(listed[0].url).toContain(listed[0].folderId);
  const copy = call<{ contacts: BackupContact[]; manifest: BackupManifest }>(office.sheet, 'readNight_', NIGHT);
  expect(copy.contacts).toHaveLength(4);
  expect(copy.manifest.status).toBe('verified');
});

test('a second run the same night adds nothing and reports the night', () => {
  const { office } = backupOffice();
  const first = runBackup(office);
  const before = office.workspace.drive.files().length;
  office.workspace.calls.reset();
  const second = runBackup(office);
  expect(second).toEqual(first);
  expect(office.workspace.drive.files().length).toBe(before);
  expect(office.workspace.calls.count('drive.')).toBe(0);
});

test('a run cut by its budget goes on in later executions (a continuation trigger) with no duplicate file', () => {
  const { office } = backupOffice();
  const first = runBackup(office, { budgetMs: 1 });
  expect(first.status).toBe('paused');
  const continuation = () =>
    office.workspace.triggers.all().filter((t) => t.handler === 'backupTrigger' && t.schedule?.kind === 'once');
  expect(continuation()).toHaveLength(1);
  let last = first;
  for (let i = 0; i < 5 && last.status === 'paused'; i++) last = runBackup(office, { budgetMs: 1 });
  expect(last.status).toBe('verified');
  expect(last.executions).toBeGreaterThan(1);
  expect(continuation()).toHaveLength(0);
  const names = office.workspace.drive
    .files()
    .filter((f) => !f.trashed)
    .map((f) => f.name);
  expect(names.length).toBe(new Set(names).size);
});

test('a tampered file fails the night, says so in the list and the digest, and prunes nothing', () => {
  const { office } = backupOffice();
  const ws = office.workspace;
  expect(runBackup(office, { now: '2026-03-01T09:00:00+03:00' }).status).toBe('verified');
  const paused = runBackup(office, { budgetMs: 1 });
  expect(paused.status).toBe('paused');
  const id = driveNights(office)[NIGHT]['contacts-001.json'];
  ws.drive.setContent(ws.drive.record(id)!, new Uint8Array(Buffer.from('[]')), ws.clock.now());
  let last = paused;
  for (let i = 0; i < 5 && last.status === 'paused'; i++) last = runBackup(office, { budgetMs: 1 });
  expect(last.status).toBe('failed');
  expect(last.problems.join('\n')).toMatch(/contacts-001\.json/);
  expect(last.pruned).toEqual([]);
  const listed = call<BackupNightView[]>(office.sheet, 'listBackups_');
  expect(listed.map((n) => [n.night, n.status])).toEqual([
    [NIGHT, 'failed'],
    ['2026-03-01', 'verified'],
  ]);
  expect(listed[0].problems.join('\n')).toMatch(/contacts-001\.json/);
  // The morning after: one short mail to the director (Staff) and the office account about the failed night.
  const before = ws.gmail.sent().length;
  call(office.sheet, 'morningDigestTrigger', {});
  const alert = ws.gmail
    .sent()
    .slice(before)
    .find((m) => /2026-03-02/.test(String(m.subject)));
  expect(alert).toBeDefined();
  expect(String(alert!.to)).toContain('olga@example.com');
  expect(String(alert!.to)).toContain('office@example.com');
});

test('retention over 45 nights keeps the newest 30 verified and the first of each month', () => {
  const { office } = backupOffice();
  const start = Date.parse('2026-01-10T12:00:00Z');
  let pruned: string[] = [];
  for (let d = 0; d < 45; d++) {
    const r = runBackup(office, { now: new Date(start + d * 86_400_000).toISOString() });
    expect(r.status).toBe('verified');
    pruned = pruned.concat(r.pruned);
  }
  const kept = Object.keys(driveNights(office)).sort();
  expect(kept).toHaveLength(31);
  expect(kept[0]).toBe('2026-01-10');
  expect(kept[1]).toBe('2026-01-25');
  expect(kept[kept.length - 1]).toBe('2026-02-23');
  expect(pruned).toContain('2026-01-11');
});

test('the root folder trashed by hand: the next backup makes a new one and says so', () => {
  const { office } = backupOffice();
  runBackup(office, { now: '2026-03-01T09:00:00+03:00' });
  const ws = office.workspace;
  const root = ws.drive.files().find((f) => f.name.startsWith('CRM backups'))!;
  ws.drive.userTrash(root.id);
  const r = runBackup(office);
  expect(r.status).toBe('verified');
  expect(r.problems.join(' ')).toMatch(/new one/);
  const roots = ws.drive.files().filter((f) => f.name.startsWith('CRM backups') && !f.trashed);
  expect(roots).toHaveLength(1);
  expect(roots[0].id).not.toBe(root.id);
});

test('the manifest asks for drive.file only, never the full drive scope', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../appsscript.json'), 'utf8')) as {
    oauthScopes: string[];
    dependencies: { enabledAdvancedServices: Array<{ serviceId: string; version: string }> };
  };
  expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/drive.file');
  expect(manifest.oauthScopes.filter((s) => /auth\/drive(\.readonly)?$/.test(s))).toEqual([]);
  expect(manifest.dependencies.enabledAdvancedServices).toContainEqual(
    expect.objectContaining({ serviceId: 'drive', version: 'v3' }),
  );
});
