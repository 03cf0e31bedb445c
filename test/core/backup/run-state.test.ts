// The resumable run over a fake port: an execution killed after writing a part but before its checkpoint is redone
// from the last checkpoint by the next one — the same part names are written again in place, nothing twice — and the
// night verifies; a file changed on Drive before the verification fails the night and prunes nothing.

import { createHash } from 'node:crypto';
import { MANIFEST_NAME } from '../../../src/core/backup/manifest';
import { newState, parseState, runBackupSteps, stateText, type BackupPort } from '../../../src/core/backup/run-state';
import type { NightEntry } from '../../../src/core/backup/retention';
import type { BackupContact } from '../../../src/core/backup/types';

class Kill extends Error {}

const contacts: BackupContact[] = Array.from({ length: 50 }, (_, i) => ({
  person: { resourceName: `people/c${i}`, names: [{ givenName: `Имя${i}`, familyName: 'Тестов' }] },
  labels: i % 2 ? ['VIP'] : [],
}));

function fakeOffice() {
  const files = new Map<string, { id: string; content: Uint8Array }>();
  let ids = 0;
  let clock = 0;
  let stored: string | undefined;
  const trashed: string[] = [];
  const writes: string[] = [];
  const port = (opts: { killOnSave?: number } = {}): BackupPort => {
    let saves = 0;
    return {
      now: () => (clock += 1000),
      listContacts(token) {
        const at = Number(token ?? 0);
        const next = at + 10;
        return { contacts: contacts.slice(at, next), nextPageToken: next < contacts.length ? String(next) : undefined };
      },
      listLabels: () => ['VIP'],
      readSheets: () => ({
        copy: { sheets: { events: [['ID'], ['E1'], ['E2']], lists: [['A']] }, timeZone: 'UTC' },
        titles: {},
      }),
      writeFile(name, content) {
        const bytes = typeof content === 'string' ? new Uint8Array(Buffer.from(content)) : content;
        const had = files.get(name);
        const id = had?.id ?? `f${++ids}`;
        files.set(name, { id, content: bytes });
        writes.push(name);
        return { id, md5: createHash('md5').update(bytes).digest('hex'), bytes: bytes.length };
      },
      readText: (id) => Buffer.from([...files.values()].find((f) => f.id === id)!.content).toString('utf8'),
      listFiles: () =>
        [...files.entries()].map(([name, f]) => ({
          id: f.id,
          name,
          md5: createHash('md5').update(f.content).digest('hex'),
          bytes: f.content.length,
        })),
      trashFile(id) {
        for (const [name, f] of files) if (f.id === id) files.delete(name);
        trashed.push(id);
      },
      nights: (): NightEntry[] => [{ night: '2026-03-02', status: 'verified' }],
      trashNight: () => undefined,
      save(state) {
        if (opts.killOnSave !== undefined && ++saves >= opts.killOnSave) throw new Kill('execution killed');
        stored = stateText(state);
      },
    };
  };
  return { files, port, writes, trashed, stored: () => parseState(stored) };
}

const ctx = { startedAt: 0, budgetMs: 2500, keepNights: 30, spreadsheetId: 'ss' };

test('an execution killed after a part, before its checkpoint, is redone in place: no duplicate, verified', () => {
  const office = fakeOffice();
  // Execution 1: two pages, then the budget: one part written, checkpoint.
  let state = runBackupSteps(newState('2026-03-02', 0), office.port(), { ...ctx, startedAt: 0 });
  expect(state.phase).toBe('contacts');
  expect(office.stored()!.files.map((f) => f.name)).toEqual([
    'contacts-001.json',
    'contacts-001.vcf',
    'contacts-001.csv',
  ]);
  // Execution 2 dies at its checkpoint after writing part 2: the store still holds execution 1's state.
  expect(() => runBackupSteps(office.stored()!, office.port({ killOnSave: 2 }), { ...ctx, startedAt: 10_000 })).toThrow(
    Kill,
  );
  expect(office.files.has('contacts-002.json')).toBe(true);
  expect(office.stored()!.files).toHaveLength(3);
  // Executions 3…: from the checkpoint; part 2 is written again under its name.
  for (let i = 0; i < 10 && state.phase !== 'done'; i++)
    state = runBackupSteps(office.stored()!, office.port(), { ...ctx, startedAt: 100_000 * (i + 1), budgetMs: 1e9 });
  expect(state).toMatchObject({ phase: 'done', status: 'verified', contacts: 50, events: 2, problems: [] });
  expect(office.writes.filter((n) => n === 'contacts-002.json')).toHaveLength(2);
  const names = [...office.files.keys()];
  expect(names).toContain(MANIFEST_NAME);
  expect(names.filter((n) => n.endsWith('.json') && n.startsWith('contacts-'))).toEqual([
    'contacts-001.json',
    'contacts-002.json',
  ]);
});

test('a part changed on Drive before the verification: failed, named, nothing pruned', () => {
  const office = fakeOffice();
  const port = office.port();
  const inner = port.listFiles;
  let tampered = false;
  port.listFiles = () => {
    if (!tampered) {
      const f = office.files.get('contacts-001.json')!;
      f.content = new Uint8Array(Buffer.from('[]'));
      tampered = true;
    }
    return inner();
  };
  let pruned = 0;
  port.trashNight = () => void pruned++;
  const state = runBackupSteps(newState('2026-03-02', 0), port, { ...ctx, budgetMs: 1e9 });
  expect(state.status).toBe('failed');
  expect(state.problems.join('\n')).toMatch(/contacts-001\.json/);
  expect(state.pruned).toEqual([]);
  expect(pruned).toBe(0);
});
