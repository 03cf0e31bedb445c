import { planImport, undoPlan } from '../../../src/core/import/plan';
import type { Person } from '../../../src/core/import/types';
import { FakeAccount, listed, phoneKey, row, runImport, runUndo } from './plan-support';

const strip = (ps: Person[]) =>
  ps.map((p) => {
    const { etag: _e, metadata: _m, ...rest } = p;
    return rest;
  });

function setup() {
  const existing = [
    listed('people/c1', {
      names: [{ givenName: 'Иван', familyName: 'Иванов' }],
      phoneNumbers: [{ value: '+7 912 345-67-89', canonicalForm: '+79123456789' }],
      memberships: [{ contactGroupMembership: { contactGroupResourceName: 'contactGroups/myContacts' } }],
    }),
    listed('people/c2', {
      names: [{ givenName: 'Анна' }],
      emailAddresses: [{ value: 'anna@example.ru' }],
      biographies: [{ value: 'Старая заметка' }],
    }),
    listed('people/c3', {
      names: [{ givenName: 'Не трогать' }],
      phoneNumbers: [{ value: '+7 900 000-00-03', canonicalForm: '+79000000003' }],
    }),
  ];
  const groups = [{ name: 'VIP', resourceName: 'contactGroups/vip' }];
  const account = new FakeAccount(existing, groups);
  const original = strip(account.list());
  const contacts = [
    row(2, {
      given: 'Иван',
      phones: ['8 912 345 67 89'],
      emails: ['ivan@example.ru'],
      labels: ['VIP', 'Опт'],
      person: { birthdays: [{ date: { year: 1980, month: 2, day: 3 } }] },
    }),
    row(3, { given: 'Анна', family: 'Смирнова', emails: ['ANNA@example.ru'], phones: ['+7 901 000-00-02'] }),
    row(4, { given: 'Новый', phones: ['+7 902 000-00-04'], labels: ['Опт'] }),
    row(5, { given: 'Ещё новый', emails: ['new@example.ru'] }),
  ];
  const plan = planImport(contacts, account.list(), { importId: 'imp9', phoneKey, groups: account.groups });
  const run = runImport(account, plan);
  return { account, original, plan, checkpoint: run.checkpoint };
}

test('undo deletes exactly the created contacts, restores the changed fields, labels and groups', () => {
  const { account, original, plan, checkpoint } = setup();
  expect(plan.creates.map((c) => c.rowNumbers)).toEqual([[4], [5]]);
  expect(plan.updates.map((u) => [u.resourceName, u.updatePersonFields])).toEqual([
    ['people/c1', 'birthdays,emailAddresses'],
    ['people/c2', 'names,phoneNumbers'],
  ]);
  expect(account.persons).toHaveLength(5);

  const undo = undoPlan('imp9', checkpoint, account.list(), { phoneKey, groups: account.groups });
  expect(undo.deletes).toEqual(checkpoint.createdResourceNames);
  expect(undo.restores.map((r) => [r.resourceName, r.updatePersonFields])).toEqual([
    ['people/c1', 'birthdays,emailAddresses'],
    ['people/c2', 'names,phoneNumbers'],
  ]);
  expect(undo.removeMembers).toEqual([
    { group: 'contactGroups/vip', resourceNames: ['people/c1'] },
    { group: 'contactGroups/g2', resourceNames: ['people/c1'] },
  ]);
  expect(undo.deleteGroups).toEqual(['contactGroups/g2']);
  expect(undo.warnings).toEqual([]);
  expect(undo.calls.map((c) => c.kind)).toEqual([
    'batchUpdate',
    'modifyMembers',
    'modifyMembers',
    'batchDelete',
    'deleteGroup',
  ]);

  runUndo(account, undo.calls);
  expect(strip(account.list())).toEqual(original);
  expect(account.groups).toEqual([{ name: 'VIP', resourceName: 'contactGroups/vip' }]);

  // Running it again finds nothing left to do.
  const again = undoPlan('imp9', checkpoint, account.list(), { phoneKey, groups: account.groups });
  expect(again.calls).toEqual([]);
  expect(again.warnings).toEqual([]);
});

test('fields someone changed after the import are left alone and named; the rest is restored', () => {
  const { account, checkpoint } = setup();
  const ivan = account.persons.find((p) => p.resourceName === 'people/c1') as Person;
  ivan.emailAddresses = [{ value: 'ivan@example.ru' }, { value: 'ivan@work.ru' }];
  ivan.etag = 'someone-else';
  const created = account.persons.find((p) => p.names?.[0].givenName === 'Новый') as Person;
  created.biographies = [{ value: 'Добавила менеджер' }];

  const undo = undoPlan('imp9', checkpoint, account.list(), { phoneKey });
  expect(undo.warnings).toEqual([
    { resourceName: created.resourceName, reason: 'edited-after-import' },
    { resourceName: 'people/c1', reason: 'edited-after-import', fields: ['emailAddresses'] },
  ]);
  const restoreIvan = undo.restores.find((r) => r.resourceName === 'people/c1');
  expect(restoreIvan).toMatchObject({ etag: 'someone-else', updatePersonFields: 'birthdays' });
  expect(restoreIvan?.person.birthdays).toEqual([]);
  expect(undo.deletes).toContain(created.resourceName);

  runUndo(account, undo.calls);
  const after = account.persons.find((p) => p.resourceName === 'people/c1') as Person;
  expect(after.birthdays).toBeUndefined();
  expect(after.emailAddresses).toHaveLength(2);
});

test('without a log, undo still removes every contact carrying the import id', () => {
  const { account } = setup();
  const undo = undoPlan('imp9', undefined, account.list());
  expect(undo.deletes).toHaveLength(2);
  expect(undo.restores).toEqual([]);
  expect(() => undoPlan('other', setup().checkpoint, [])).toThrow('imp9');
});

test('a contact deleted by someone since cannot be restored and says so', () => {
  const { account, checkpoint } = setup();
  account.persons = account.persons.filter((p) => p.resourceName !== 'people/c2');
  const undo = undoPlan('imp9', checkpoint, account.list(), { phoneKey });
  expect(undo.warnings).toEqual([{ resourceName: 'people/c2', reason: 'gone' }]);
});

test('undo batches: 500 deletes and 200 restores a call', () => {
  const account = new FakeAccount(
    Array.from({ length: 450 }, (_, i) => listed(`people/e${i}`, { emailAddresses: [{ value: `e${i}@x.ru` }] })),
  );
  const contacts = [
    ...Array.from({ length: 450 }, (_, i) => row(i + 2, { emails: [`e${i}@x.ru`], given: `Имя ${i}` })),
    ...Array.from({ length: 1201 }, (_, i) => row(i + 1000, { emails: [`n${i}@x.ru`] })),
  ];
  const plan = planImport(contacts, account.list(), { importId: 'big', phoneKey });
  const { checkpoint } = runImport(account, plan);
  const undo = undoPlan('big', checkpoint, account.list(), { phoneKey });
  expect(
    undo.calls.map((c) => [c.kind, 'items' in c ? c.items.length : 'resourceNames' in c ? c.resourceNames.length : 0]),
  ).toEqual([
    ['batchUpdate', 200],
    ['batchUpdate', 200],
    ['batchUpdate', 50],
    ['batchDelete', 500],
    ['batchDelete', 500],
    ['batchDelete', 201],
  ]);
});
