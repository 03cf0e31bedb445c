import {
  batchPlan,
  newCheckpoint,
  planCounts,
  planImport,
  resumeFilter,
  undoPlan,
} from '../../../src/core/import/plan';
import type { NormalizedContact } from '../../../src/core/import/types';
import { FakeAccount, listed, phoneKey, row, runImport, runUndo } from './plan-support';

function file(n: number): NormalizedContact[] {
  const rows: NormalizedContact[] = [];
  for (let i = 0; i < n; i++) {
    const phone = `+7 9${String(100000000 + i).slice(-9, -7)} ${String(i).padStart(7, '0').slice(0, 3)}-${String(i).padStart(7, '0').slice(3, 5)}-${String(i).padStart(7, '0').slice(5)}`;
    rows.push(
      row(i + 2, {
        given: `Клиент ${i}`,
        phones: [phone],
        emails: i % 2 ? [`c${i}@example.ru`] : [],
        labels: i % 3 === 0 ? ['Опт'] : [],
      }),
    );
  }
  // A client without phone or e-mail: only the content hash and client id can recognise it again.
  rows.push(row(n + 2, { given: 'Без', family: 'Контактов' }));
  return rows;
}

const opts = (account: FakeAccount) => ({ importId: 'imp7', phoneKey, groups: account.groups });
const ours = (account: FakeAccount) =>
  account.persons.filter((p) => p.clientData?.some((c) => c.key === 'crm.importId' && c.value === 'imp7'));

test('re-planning a finished import creates and changes nothing', () => {
  const account = new FakeAccount([
    listed('people/x1', { names: [{ givenName: 'Старый' }], phoneNumbers: [{ value: '8 910 000 00 05' }] }),
  ]);
  const contacts = file(450);
  const first = planImport(contacts, account.list(), opts(account));
  expect(planCounts(first)).toMatchObject({ created: 450, updated: 1 });
  expect(runImport(account, first).finished).toBe(true);

  const again = planImport(contacts, account.list(), opts(account));
  expect(again.creates).toEqual([]);
  expect(again.updates).toEqual([]);
  expect(again.labelsToCreate).toEqual([]);
  expect(batchPlan(again)).toEqual([]);
  expect(again.skips.filter((s) => s.reason === 'already-imported')).toHaveLength(450);
  expect(again.skips.filter((s) => s.reason === 'identical').map((s) => s.resourceName)).toEqual(['people/x1']);
  expect(ours(account)).toHaveLength(450);
});

test('a batchCreate whose response was lost is not created again on resume, and undo still removes it', () => {
  const account = new FakeAccount();
  const contacts = file(999); // 1000 rows → 5 batchCreate calls after the group
  const plan = planImport(contacts, account.list(), opts(account));
  const calls = batchPlan(plan);
  expect(calls.map((c) => c.kind).slice(0, 6)).toEqual([
    'createGroup',
    'batchCreate',
    'batchCreate',
    'batchCreate',
    'batchCreate',
    'batchCreate',
  ]);

  // Step 2 (the second batchCreate) reaches Google, its answer never comes back, the execution dies.
  const broken = runImport(account, plan, newCheckpoint('imp7'), { loseResponseOf: 2 });
  expect(broken.finished).toBe(false);
  expect(account.persons).toHaveLength(400);
  expect(broken.checkpoint.createdResourceNames).toHaveLength(200);
  expect(broken.checkpoint.doneBatches).toBe(2);

  const resumed = planImport(contacts, account.list(), opts(account));
  expect(resumed.creates).toHaveLength(600);
  expect(resumed.creates[0].rowNumbers).toEqual([402]);
  expect(resumed.labelsToCreate).toEqual([]);
  // Contacts created in the lost batch never got their label: the resume adds it.
  const progress = resumeFilter(contacts, account.list(), opts(account));
  expect(progress.done).toHaveLength(400);
  expect(progress.pending).toHaveLength(600);
  const labelOnly = resumed.skips.filter((s) => s.missingLabels);
  expect(labelOnly.length).toBe(Math.ceil(400 / 3));

  const done = runImport(account, resumed, broken.checkpoint);
  expect(done.finished).toBe(true);
  expect(account.persons).toHaveLength(1000);
  const opt = account.groups.find((g) => g.name === 'Опт')?.resourceName;
  const labelled = account.persons.filter((p) =>
    p.memberships?.some((m) => m.contactGroupMembership?.contactGroupResourceName === opt),
  );
  expect(labelled).toHaveLength(333);
  expect(planImport(contacts, account.list(), opts(account)).creates).toEqual([]);

  // The log knows 800 of the 1000 creates; undo finds the other 200 by crm.importId.
  expect(done.checkpoint.createdResourceNames).toHaveLength(800);
  const undo = undoPlan('imp7', done.checkpoint, account.list(), { phoneKey, groups: account.groups });
  expect(undo.deletes).toHaveLength(1000);
  expect(undo.calls.filter((c) => c.kind === 'batchDelete')).toHaveLength(2);
  runUndo(account, undo.calls);
  expect(account.persons).toEqual([]);
  expect(account.groups).toEqual([]);
});

test('keyless rows with the same content: a partial run that created one still creates the other', () => {
  const account = new FakeAccount();
  const contacts = [row(2, { given: 'Мария' }), row(3, { given: 'Мария' })];
  const plan = planImport(contacts, account.list(), opts(account));
  expect(plan.creates).toHaveLength(2);
  account.batchCreate([plan.creates[0].person]);
  const resumed = planImport(contacts, account.list(), opts(account));
  expect(resumed.creates.map((c) => c.rowNumbers)).toEqual([[3]]);
  expect(resumed.skips).toEqual([{ rowNumber: 2, reason: 'already-imported', resourceName: 'people/c1' }]);
});

test('a lost batchUpdate response: the update comes out identical on resume and undo still restores it', () => {
  const before = listed('people/c1', {
    names: [{ givenName: 'Иван' }],
    phoneNumbers: [{ value: '+79123456789', canonicalForm: '+79123456789' }],
  });
  const account = new FakeAccount([before]);
  const contacts = [row(2, { given: 'Иван', phones: ['89123456789'], emails: ['ivan@example.ru'] })];
  const plan = planImport(contacts, account.list(), opts(account));
  const broken = runImport(account, plan, newCheckpoint('imp7'), { loseResponseOf: 0 });
  expect(account.persons[0].emailAddresses).toEqual([{ value: 'ivan@example.ru' }]);
  expect(broken.checkpoint.updated).toHaveLength(1); // written before the call

  const resumed = planImport(contacts, account.list(), opts(account));
  expect(resumed.updates).toEqual([]);
  expect(resumed.skips).toEqual([{ rowNumber: 2, reason: 'identical', resourceName: 'people/c1' }]);

  const undo = undoPlan('imp7', broken.checkpoint, account.list(), { phoneKey });
  expect(undo.restores.map((r) => r.updatePersonFields)).toEqual(['emailAddresses']);
  runUndo(account, undo.calls);
  expect(account.persons[0].emailAddresses).toBeUndefined();
  expect(account.persons[0].names).toEqual(before.names);
});
