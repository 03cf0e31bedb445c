import { CRM_KEYS, planCounts, planImport, type ImportPlan } from '../../../src/core/import/plan';
import type { Person } from '../../../src/core/import/types';
import { listed, phoneKey, row } from './plan-support';

const opts = { importId: 'imp1', phoneKey };
const data = (p: Person, key: string) => p.clientData?.find((c) => c.key === key)?.value;

describe('deduplication on E.164 phones and lower-cased e-mails', () => {
  test('+7, 8 and bare-digit spellings of one number in the file become one contact', () => {
    const plan = planImport(
      [
        row(2, { family: 'Иванов', given: 'Иван', phones: ['+7 912 345-67-89'] }),
        row(3, { family: 'Иванов', phones: ['8 (912) 345-67-89'], emails: ['ivanov@example.ru'] }),
        row(4, { phones: ['89123456789'], labels: ['VIP'] }),
        row(5, { family: 'Петров', phones: ['+7 912 000-00-01'] }),
      ],
      [],
      opts,
    );
    expect(plan.creates.map((c) => c.rowNumbers)).toEqual([[2, 3, 4], [5]]);
    const ivanov = plan.creates[0].person;
    expect(ivanov.phoneNumbers?.map((p) => p.canonicalForm)).toEqual(['+79123456789']);
    expect(ivanov.emailAddresses?.map((e) => e.value)).toEqual(['ivanov@example.ru']);
    expect(plan.creates[0].labels).toEqual(['VIP']);
    expect(plan.skips).toEqual([
      { rowNumber: 3, reason: 'duplicate-in-file', sameAsRow: 2 },
      { rowNumber: 4, reason: 'duplicate-in-file', sameAsRow: 2 },
    ]);
    expect(plan.duplicates).toEqual([{ rowNumbers: [2, 3, 4], key: '+79123456789' }]);
  });

  test('duplicates are found transitively: phone links rows 2 and 3, e-mail links rows 3 and 4', () => {
    const plan = planImport(
      [
        row(2, { given: 'Анна', phones: ['+7 900 111-22-33'] }),
        row(3, { phones: ['8 900 111 22 33'], emails: ['Anna@Mail.ru'] }),
        row(4, { emails: ['anna@mail.ru'], phones: ['+7 900 444-55-66'] }),
      ],
      [],
      opts,
    );
    expect(plan.creates).toHaveLength(1);
    expect(plan.creates[0].rowNumbers).toEqual([2, 3, 4]);
    expect(plan.creates[0].person.phoneNumbers?.map((p) => p.canonicalForm)).toEqual(['+79001112233', '+79004445566']);
    expect(plan.creates[0].person.emailAddresses).toHaveLength(1);
  });

  test('a row matches the account contact stored as 8… without canonicalForm, and an e-mail in another case', () => {
    const existing = [
      listed('people/c1', {
        names: [{ givenName: 'Иван', familyName: 'Иванов' }],
        phoneNumbers: [{ value: '8 912 345 67 89' }],
      }),
      listed('people/c2', { names: [{ givenName: 'Олег' }], emailAddresses: [{ value: 'oleg@example.ru' }] }),
    ];
    const plan = planImport(
      [
        row(2, { given: 'Иван', family: 'Иванов', phones: ['+79123456789'] }),
        row(3, { given: 'Олег', emails: ['OLEG@Example.RU'] }),
      ],
      existing,
      opts,
    );
    expect(plan.creates).toEqual([]);
    expect(plan.skips).toEqual([
      { rowNumber: 2, reason: 'identical', resourceName: 'people/c1' },
      { rowNumber: 3, reason: 'identical', resourceName: 'people/c2' },
    ]);
    expect(plan.duplicates.map((d) => [d.resourceName, d.key])).toEqual([
      ['people/c1', '+79123456789'],
      ['people/c2', 'oleg@example.ru'],
    ]);
  });

  test('two rows reaching one account contact through different keys update it once', () => {
    const existing = [
      listed('people/c1', {
        phoneNumbers: [{ value: '+79123456789', canonicalForm: '+79123456789' }],
        emailAddresses: [{ value: 'a@b.ru' }],
      }),
    ];
    const plan = planImport(
      [
        row(2, { phones: ['89123456789'], given: 'Иван' }),
        row(9, { emails: ['a@b.ru'], phones: ['+7 900 000-00-09'] }),
      ],
      existing,
      opts,
    );
    expect(plan.updates).toHaveLength(1);
    expect(plan.updates[0].rowNumbers).toEqual([2, 9]);
    expect(plan.updates[0].updatePersonFields).toBe('names,phoneNumbers');
  });

  test('when the account already holds duplicates, the best match is updated and the others are named', () => {
    const existing = [
      listed('people/c1', { emailAddresses: [{ value: 'a@b.ru' }] }),
      listed('people/c2', {
        phoneNumbers: [{ value: '+79123456789', canonicalForm: '+79123456789' }],
        emailAddresses: [{ value: 'x@b.ru' }],
      }),
      listed('people/c3', { phoneNumbers: [{ value: '89123456789' }], emailAddresses: [{ value: 'a@b.ru' }] }),
    ];
    const plan = planImport([row(2, { phones: ['+79123456789'], emails: ['a@b.ru'] })], existing, opts);
    expect(plan.duplicates).toEqual([
      {
        rowNumbers: [2],
        key: '+79123456789, a@b.ru',
        resourceName: 'people/c3',
        otherResourceNames: ['people/c1', 'people/c2'],
      },
    ]);
  });
});

describe('merging never overwrites a filled field without saying so', () => {
  const existing = [
    listed('people/c1', {
      names: [{ givenName: 'Иван', familyName: 'Иванов', displayName: 'Иван Иванов' }],
      phoneNumbers: [{ value: '+7 912 345-67-89', canonicalForm: '+79123456789', type: 'mobile' }],
      biographies: [{ value: 'Звонить утром', contentType: 'TEXT_PLAIN' }],
      userDefined: [{ key: 'Менеджер', value: 'Ольга' }],
      memberships: [{ contactGroupMembership: { contactGroupResourceName: 'contactGroups/vip' } }],
    }),
  ];
  const groups = [{ name: 'VIP', resourceName: 'contactGroups/vip' }];

  test('empty fields are filled, new phones/e-mails/labels added, filled fields kept and reported', () => {
    const plan = planImport(
      [
        row(7, {
          given: 'Иван',
          family: 'Петров',
          phones: ['8 912 345 67 89', '+7 343 222-33-44'],
          emails: ['Ivan@Example.ru'],
          labels: ['vip', 'Опт'],
          person: {
            birthdays: [{ date: { year: 1985, month: 3, day: 12 } }],
            biographies: [{ value: 'Звонить вечером' }],
            userDefined: [
              { key: 'менеджер', value: 'Пётр' },
              { key: 'Источник', value: 'Сайт' },
            ],
            organizations: [{ name: 'ООО «Ромашка»', title: 'Директор' }],
          },
        }),
      ],
      existing,
      { ...opts, groups },
    );
    expect(plan.creates).toEqual([]);
    const [u] = plan.updates;
    expect(u.resourceName).toBe('people/c1');
    expect(u.etag).toBe('e1');
    expect(u.updatePersonFields).toBe('birthdays,biographies,organizations,phoneNumbers,emailAddresses,userDefined');
    expect(u.after.names?.[0].familyName).toBe('Иванов');
    // Notes are added to, never replaced.
    expect(u.after.biographies?.[0].value).toBe('Звонить утром\nЗвонить вечером');
    expect(u.after.phoneNumbers?.map((p) => p.canonicalForm)).toEqual(['+79123456789', '+73432223344']);
    expect(u.after.emailAddresses?.map((e) => e.value)).toEqual(['Ivan@Example.ru']);
    expect(u.after.userDefined).toEqual([
      { key: 'Менеджер', value: 'Ольга' },
      { key: 'Источник', value: 'Сайт' },
    ]);
    expect(u.after.birthdays).toEqual([{ date: { year: 1985, month: 3, day: 12 } }]);
    expect(u.before).toEqual({
      birthdays: [],
      biographies: [{ value: 'Звонить утром', contentType: 'TEXT_PLAIN' }],
      organizations: [],
      phoneNumbers: [{ value: '+7 912 345-67-89', canonicalForm: '+79123456789', type: 'mobile' }],
      emailAddresses: [],
      userDefined: [{ key: 'Менеджер', value: 'Ольга' }],
    });
    expect(u.addedLabels).toEqual(['Опт']);
    expect(u.conflicts).toEqual([
      { field: 'names', existing: 'Иванов Иван', incoming: 'Петров Иван', rowNumber: 7 },
      { field: 'userDefined', key: 'менеджер', existing: 'Ольга', incoming: 'Пётр', rowNumber: 7 },
    ]);
    expect(plan.labelsToCreate).toEqual(['Опт']);
    expect(plan.labels).toEqual(['VIP', 'Опт']);
    expect(planCounts(plan)).toEqual({ created: 0, updated: 1, skipped: 0, duplicates: 1, conflicts: 2 });
  });

  test('empty parts of a name and a missing birth year are filled; the derived display name is left to Google', () => {
    const plan = planImport(
      [
        row(2, {
          given: 'иван',
          family: 'Иванов',
          phones: ['+79001234567'],
          person: { birthdays: [{ date: { year: 1990, month: 5, day: 1 } }] },
        }),
      ],
      [
        listed('people/c9', {
          names: [{ givenName: 'Иван', displayName: 'Иван' }],
          phoneNumbers: [{ value: '+79001234567' }],
          birthdays: [{ date: { month: 5, day: 1 } }],
        }),
      ],
      opts,
    );
    const [u] = plan.updates;
    expect(u.updatePersonFields).toBe('names,birthdays');
    expect(u.after.names).toEqual([{ givenName: 'Иван', familyName: 'Иванов' }]);
    expect(u.after.birthdays).toEqual([{ date: { year: 1990, month: 5, day: 1 } }]);
    expect(u.conflicts).toEqual([]);
  });

  test('an account contact that gains only a label is updated with no person fields', () => {
    const plan = planImport(
      [row(2, { given: 'Иван', family: 'Иванов', phones: ['+79123456789'], labels: ['Опт'] })],
      existing,
      { ...opts, groups: [...groups, { name: 'Опт', resourceName: 'contactGroups/opt' }] },
    );
    expect(plan.updates).toMatchObject([
      { resourceName: 'people/c1', updatePersonFields: '', addedLabels: ['Опт'], before: {} },
    ]);
    expect(plan.labelsToCreate).toEqual([]);
  });

  test('nothing new → identical, with the disagreements still shown', () => {
    const plan = planImport(
      [row(2, { given: 'Иван', family: 'Сидоров', phones: ['+79123456789'], labels: ['VIP'] })],
      existing,
      { ...opts, groups },
    );
    expect(plan.updates).toEqual([]);
    expect(plan.skips).toEqual([
      {
        rowNumber: 2,
        reason: 'identical',
        resourceName: 'people/c1',
        conflicts: [{ field: 'names', existing: 'Иванов Иван', incoming: 'Сидоров Иван', rowNumber: 2 }],
      },
    ]);
    expect(planCounts(plan).conflicts).toBe(1);
  });

  test("in the file the first row wins filled fields; the later row's disagreement names it", () => {
    const plan = planImport(
      [
        row(2, {
          given: 'Анна',
          phones: ['+79001112233'],
          person: { birthdays: [{ date: { year: 1980, month: 1, day: 2 } }] },
        }),
        row(5, {
          given: 'Анна',
          family: 'Смирнова',
          phones: ['89001112233'],
          person: { birthdays: [{ date: { year: 1981, month: 1, day: 2 } }] },
        }),
      ],
      [],
      opts,
    );
    const [c] = plan.creates;
    expect(c.person.names).toEqual([{ givenName: 'Анна', familyName: 'Смирнова' }]);
    expect(c.person.birthdays).toEqual([{ date: { year: 1980, month: 1, day: 2 } }]);
    expect(c.conflicts).toEqual([{ field: 'birthdays', existing: '1980-01-02', incoming: '1981-01-02', rowNumber: 5 }]);
  });

  test('a listing that did not read a field never gets it in an update mask', () => {
    const plan = planImport(
      [
        row(2, {
          phones: ['+79123456789'],
          person: { urls: [{ value: 'https://example.ru' }], emailAddresses: [{ value: 'x@y.ru' }] },
        }),
      ],
      existing,
      { ...opts, groups, readFields: ['names', 'phoneNumbers', 'emailAddresses'] },
    );
    expect(plan.updates[0].updatePersonFields).toBe('emailAddresses');
  });
});

describe('creates', () => {
  test('carry crm.importId, a deterministic crm.clientId and a content hash, and no memberships', () => {
    const make = () =>
      planImport(
        [
          row(4, {
            given: 'Ян',
            phones: ['+79005556677'],
            labels: ['Новые'],
            person: { memberships: [{ contactGroupMembership: { contactGroupResourceName: 'x' } }] },
          }),
        ],
        [],
        opts,
      );
    const a: ImportPlan = make();
    const [c] = a.creates;
    expect(c.clientId).toBe('c-imp1-r4');
    expect(data(c.person, CRM_KEYS.importId)).toBe('imp1');
    expect(data(c.person, CRM_KEYS.clientId)).toBe('c-imp1-r4');
    expect(data(c.person, CRM_KEYS.rowHash)).toMatch(/^[0-9a-f]{16}$/);
    expect(c.person.memberships).toBeUndefined();
    expect(make()).toEqual(a);
    expect(a.labelsToCreate).toEqual(['Новые']);
  });

  test("labels match existing groups ignoring case and take the group's spelling", () => {
    const plan = planImport([row(2, { phones: ['+79005556677'], labels: ['vip', ' VIP ', 'Опт', 'опт'] })], [], {
      ...opts,
      groups: [{ name: 'VIP', resourceName: 'contactGroups/1' }],
    });
    expect(plan.creates[0].labels).toEqual(['VIP', 'Опт']);
    expect(plan.labelsToCreate).toEqual(['Опт']);
    expect(plan.labelGroups).toEqual({ VIP: 'contactGroups/1' });
  });
});
