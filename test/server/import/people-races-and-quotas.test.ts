// Issue 12, items 2 and 3, through the built bundle: another device editing a contact mid-import (a stale etag) does
// not fail the import and keeps that device's change; People's per-minute write quota and its daily creation limit
// stop a run cleanly and a later execution carries on, every row accounted for.

import { PHONE_NOTE } from 'workspace-emulator';
import { importFile, prepareImport, runUntilDone, stagePrepared } from '../../../src/local/import-driver';
import type { ImportProgress } from '../../../src/shared/import-dto';
import type { Office, OfficeOptions } from '../../../src/local/office';
import { testOffice } from '../../support/office';

function freshOffice(options: OfficeOptions = {}): Office {
  const office = testOffice(options);
  office.rpc.runSetup();
  return office;
}

/** `n` clients with a phone, an e-mail and a note. */
function file(n: number, fileName = 'clients.csv', from = 0) {
  const lines = ['ФИО,Телефон,E-mail,Примечание'];
  for (let i = from; i < from + n; i++)
    lines.push(`Клиентова Анна ${i},+7 999 ${String(3000000 + i)},client${i}@example.org,Из файла ${i}`);
  return { bytes: new TextEncoder().encode(lines.join('\n') + '\n'), fileName };
}

test('a contact edited on the phone between the listing and the update: the import re-reads it, keeps the edit, ends done', () => {
  const office = freshOffice();
  // The account already has the clients by phone, without e-mail or note: the file updates them.
  const names = office.workspace.people.seed(
    Array.from({ length: 5 }, (_, i) => ({
      names: [{ familyName: 'Клиентова', givenName: `Анна ${i}` }],
      phoneNumbers: [{ value: `+7 999 ${String(3000000 + i)}` }],
    })),
    office.workspace.clock.now(),
  );
  office.workspace.faults.add({ service: 'People.People.batchUpdateContacts', kind: 'concurrent-edit', nth: [1] });
  const result = importFile(office, file(5), { importId: 'imp-race' });
  expect(result.status).toBe('done');
  expect(result.updated).toBe(5);
  expect(result.errors).toEqual([]);
  const edited = office.workspace.people.contact(names[0])!;
  // The phone's change survived the import's write, and the import's change is there too.
  expect(edited.phoneNumbers?.[0]?.type).toBe('mobile');
  expect(edited.biographies?.[0]?.value).toContain(PHONE_NOTE);
  expect(edited.biographies?.[0]?.value).toContain('Из файла 0');
  expect(edited.emailAddresses?.[0]?.value).toBe('client0@example.org');
  for (const rn of names.slice(1)) expect(office.workspace.people.contact(rn)!.emailAddresses).toHaveLength(1);
  // One re-read of the batch, not a new listing of the account.
  const calls = office.workspace.calls.all().map((c) => c.service);
  expect(calls.filter((s) => s === 'People.People.getBatchGet')).toHaveLength(1);
  expect(calls.filter((s) => s === 'People.People.batchUpdateContacts')).toHaveLength(2);
});

test('a contact that keeps changing under every retry is a listed problem, not a failed import', () => {
  const office = freshOffice();
  const [rn] = office.workspace.people.seed(
    [{ names: [{ familyName: 'Клиентова', givenName: 'Анна 0' }], phoneNumbers: [{ value: '+7 999 3000000' }] }],
    office.workspace.clock.now(),
  );
  office.workspace.faults.add({
    service: 'People.People.batchUpdateContacts',
    kind: 'concurrent-edit',
    probability: 1,
  });
  const result = importFile(office, file(3), { importId: 'imp-moving' });
  expect(result.status).toBe('done');
  expect(result.created).toBe(2);
  expect(result.errors).toEqual([expect.objectContaining({ row: 2, value: rn })]);
  // Said in the office's language (the demo office speaks Russian), like every other problem of the file.
  expect(result.errors[0].message).toMatch(/^Контакт всё время меняли в Google Контактах/);
  expect(office.workspace.people.contact(rn)!.biographies?.[0]?.value).toContain(PHONE_NOTE);
});

test("an import bigger than one minute's write quota finishes across executions with every row accounted for", () => {
  // One write a minute: eight batches of creates cannot all fit one 5-minute run.
  const office = freshOffice({ peopleQuotas: { writesPerMinute: 1, contactCreatesPerDay: 25_000 } });
  const rows = 1600;
  const prepared = prepareImport(office, file(rows), { importId: 'imp-minute' });
  stagePrepared(office, 'imp-minute', prepared);
  // Each runImport is one execution: the first answers after one batch, the others run until their budget.
  const answers: ImportProgress[] = [];
  let result: ImportProgress;
  do {
    result = office.rpc.runImport('imp-minute');
    answers.push(result);
  } while (result.status === 'running');
  expect(answers.length).toBeGreaterThan(2);
  expect(answers.some((a) => a.quota === 'minute' && /Поминутная квота/.test(a.message))).toBe(true);
  expect(result.status).toBe('done');
  expect(result.created).toBe(rows);
  expect(office.workspace.people.allContacts()).toHaveLength(rows);
  const runs = office.workspace.calls
    .all()
    .filter((c) => c.service === 'People.People.batchCreateContacts' && !c.failed);
  expect(runs).toHaveLength(8);
  // The run waited on the quota instead of failing.
  expect(office.workspace.calls.all().some((c) => /Write requests per minute/.test(c.failed ?? ''))).toBe(true);
});

test("Google's daily creation limit pauses the import until the next day, in the office's language", () => {
  const office = freshOffice({ peopleQuotas: { contactCreatesPerDay: 400 } });
  const paused = importFile(office, file(700), { importId: 'imp-day' });
  expect(paused.status).toBe('paused');
  expect(paused.created).toBe(400);
  expect(paused.message).toMatch(/Дневной лимит Google Контактов/);
  expect(office.rpc.listImports().find((r) => r.id === 'imp-day')?.status).toBe('paused');
  // Later the same day: still paused, nothing more written.
  expect(runUntilDone(office, 'imp-day').status).toBe('paused');
  expect(office.workspace.people.allContacts()).toHaveLength(400);
  // The next day (midnight Pacific time), the import carries on and completes.
  office.workspace.clock.advance(24 * 3600 * 1000);
  const resumed = runUntilDone(office, 'imp-day');
  expect(resumed.status).toBe('done');
  expect(resumed.created).toBe(700);
  expect(office.workspace.people.allContacts()).toHaveLength(700);
});

test('undo meeting a contact edited on the phone since its listing leaves that contact as it is, with a warning', () => {
  const office = freshOffice();
  const [rn] = office.workspace.people.seed(
    [{ names: [{ familyName: 'Клиентова', givenName: 'Анна 0' }], phoneNumbers: [{ value: '+7 999 3000000' }] }],
    office.workspace.clock.now(),
  );
  expect(importFile(office, file(1), { importId: 'imp-undo' }).updated).toBe(1);
  office.workspace.faults.add({ service: 'People.People.batchUpdateContacts', kind: 'concurrent-edit', nth: [1] });
  const undo = office.rpc.undoImport('imp-undo');
  expect(undo.restored).toBe(0);
  expect(undo.details).toEqual([expect.objectContaining({ resourceName: rn, reason: 'edited-after-import' })]);
  // The phone's edit stays; undo did not write over it.
  expect(office.workspace.people.contact(rn)!.biographies?.[0]?.value).toContain(PHONE_NOTE);
});
