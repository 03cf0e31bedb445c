import { massDeletion } from '../../../src/core/backup/guard';
import { planRestore } from '../../../src/core/backup/restore-plan';
import type { BackupContact } from '../../../src/core/backup/types';
import type { Person } from '../../../src/core/import/types';
import { phoneKey as parse } from '../../../src/core/phone';

const phoneKey = (raw: string) => parse(raw, 'RU');

function contact(rn: string, name: string, extra: Partial<Person> = {}, labels: string[] = []): BackupContact {
  return { person: { resourceName: rn, names: [{ givenName: name }], ...extra }, labels };
}
const withId = (id: string): Partial<Person> => ({ clientData: [{ key: 'crm.clientId', value: id }] });

test('into an empty account every backed-up contact is created and every label is made', () => {
  const plan = planRestore(
    [contact('people/c1', 'A', {}, ['VIP']), contact('people/c2', 'B')],
    [],
    new Map(),
    phoneKey,
  );
  expect(plan.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
  expect(plan.labelsToCreate).toEqual(['VIP']);
  expect(plan.relink).toEqual({});
});

test('matched by resourceName, then client id, then phone, then e-mail; each current contact taken once', () => {
  const backup = [
    contact('people/old1', 'Иван', { ...withId('k1'), phoneNumbers: [{ value: '+7 912 111-22-33' }] }),
    contact('people/old2', 'Анна', { phoneNumbers: [{ value: '8 912 111-22-33' }] }),
    contact('people/old3', 'Олег', { emailAddresses: [{ value: 'Oleg@Example.ru' }] }),
    contact('people/same', 'Нино'),
  ];
  const current: Person[] = [
    // Carries the same phone as old2, but belongs to old1 by its client id.
    {
      resourceName: 'people/n1',
      names: [{ givenName: 'Иван' }],
      ...withId('k1'),
      phoneNumbers: [{ value: '+79121112233' }],
    },
    { resourceName: 'people/n3', names: [{ givenName: 'Олег' }], emailAddresses: [{ value: 'oleg@example.ru' }] },
    { resourceName: 'people/same', names: [{ givenName: 'Нино' }], metadata: { sources: [] } as never },
  ];
  const plan = planRestore(backup, current, new Map(), phoneKey);
  expect(plan.relink).toEqual({ 'people/old1': 'people/n1', 'people/old3': 'people/n3', 'people/same': 'people/same' });
  expect(plan.decisions.map((d) => d.action)).toEqual(['update', 'create', 'update', 'unchanged']);
  const ivan = plan.decisions[0] as Extract<(typeof plan.decisions)[number], { action: 'update' }>;
  expect(ivan.fields).toEqual(['phoneNumbers']);
  const oleg = plan.decisions[2] as Extract<(typeof plan.decisions)[number], { action: 'update' }>;
  expect(oleg.fields).toEqual(['emailAddresses']);
});

test('labels are brought back to that night by name; output-only values are not differences', () => {
  const backup = [
    contact(
      'people/a',
      'A',
      { birthdays: [{ date: { month: 5, day: 1 } }], phoneNumbers: [{ value: '+7 912 000-00-01', type: 'mobile' }] },
      ['VIP', 'Опт'],
    ),
  ];
  const current: Person[] = [
    {
      resourceName: 'people/a',
      etag: 'e1',
      names: [{ givenName: 'A', displayName: 'A', metadata: { primary: true } } as never],
      birthdays: [{ date: { month: 5, day: 1 }, metadata: { primary: true } } as never],
      phoneNumbers: [
        { value: '+7 912 000-00-01', type: 'mobile', formattedType: 'Mobile', canonicalForm: '+79120000001' },
      ],
    },
  ];
  const plan = planRestore(backup, current, new Map([['people/a', ['Опт', 'Старые']]]), phoneKey, ['Опт', 'Старые']);
  const d = plan.decisions[0] as Extract<(typeof plan.decisions)[number], { action: 'update' }>;
  expect(d.fields).toEqual([]);
  expect(d.labelsToAdd).toEqual(['VIP']);
  expect(d.labelsToRemove).toEqual(['Старые']);
  expect(plan.labelsToCreate).toEqual(['VIP']);
});

test('the guard fires above the share of all contacts or of one label, not at it', () => {
  const previous = Array.from({ length: 100 }, (_, i) => ({
    resourceName: `people/c${i}`,
    labels: i < 10 ? ['VIP'] : [],
  }));
  expect(
    massDeletion(previous, ['people/c50', 'people/c51', 'people/c52', 'people/c53', 'people/c54'], [], 5).fire,
  ).toBe(false);
  const two = massDeletion(previous, ['people/c0', 'people/c1'], [], 5);
  expect(two.fire).toBe(true);
  expect(two.labels).toEqual([{ label: 'VIP', deleted: 2, of: 10, over: true }]);
  expect(two.total).toEqual({ deleted: 2, of: 100 });
  const taken = massDeletion(previous, [], [{ resourceName: 'people/c3', label: 'VIP' }], 5);
  expect(taken.fire).toBe(true);
  expect(taken.affected).toEqual(['people/c3']);
  expect(massDeletion([], [], [], 5).fire).toBe(false);
});
