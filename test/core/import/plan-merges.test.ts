// The preview's list of merges: every group of file rows folded into one client, with the spreadsheet row numbers the
// user sees, why they are one client and the row they were folded into; the rows it folds away are exactly the
// plan's `duplicate-in-file` skips, so the summary still adds up.

import { planImport } from '../../../src/core/import/plan';
import { listed, phoneKey, row } from './plan-support';

const plan = (rows: ReturnType<typeof row>[]) => planImport(rows, [], { importId: 'imp-m', phoneKey });

test('same phone, same e-mail, both: each merge names its rows, its reason and the shared value', () => {
  const p = planImport(
    [
      row(2, { given: 'Анна', phones: ['+79123456789'] }),
      row(3, { given: 'Борис', emails: ['boris@example.com'] }),
      row(4, { given: 'Анна', phones: ['8 912 345-67-89'] }),
      row(5, { given: 'Вера', phones: ['+79160000005'], emails: ['vera@example.com'] }),
      row(6, { given: 'Борис П.', emails: ['Boris@Example.com'] }),
      row(7, { given: 'Вера', phones: ['+7 916 000-00-05'], emails: ['vera@example.com'] }),
      row(8, { given: 'Глеб', phones: ['+79160000008'] }),
    ],
    [],
    { importId: 'imp-m', phoneKey },
  );
  expect(p.merges).toEqual([
    { rows: [2, 4], reason: 'phone', value: '+79123456789', into: 2 },
    { rows: [3, 6], reason: 'email', value: 'boris@example.com', into: 3 },
    { rows: [5, 7], reason: 'both', value: '+79160000005, vera@example.com', into: 5 },
  ]);
  // The rows a merge folds away are the plan's in-file duplicates: nothing counted twice, nothing lost.
  const folded = p.skips.filter((s) => s.reason === 'duplicate-in-file').map((s) => [s.rowNumber, s.sameAsRow]);
  expect(folded).toEqual([
    [4, 2],
    [6, 3],
    [7, 5],
  ]);
  expect(p.creates.length + p.updates.length + p.skips.length).toBe(7);
  expect(p.creates).toHaveLength(4);
});

test('three rows chained through a phone and an e-mail are one merge', () => {
  const p = plan([
    row(10, { phones: ['+79123456789'] }),
    row(11, { phones: ['+79123456789'], emails: ['a@example.com'] }),
    row(12, { emails: ['a@example.com'] }),
  ]);
  expect(p.merges).toEqual([{ rows: [10, 11, 12], reason: 'both', value: '+79123456789, a@example.com', into: 10 }]);
});

test('rows that each match the same account contact by different keys are merged into it, and say so', () => {
  const existing = [
    listed('people/c1', {
      names: [{ givenName: 'Анна' }],
      phoneNumbers: [{ value: '+79123456789', canonicalForm: '+79123456789' }],
      emailAddresses: [{ value: 'anna@example.com' }],
    }),
  ];
  const p = planImport(
    [row(2, { given: 'Анна', phones: ['+79123456789'] }), row(3, { emails: ['anna@example.com'] })],
    existing,
    { importId: 'imp-m', phoneKey },
  );
  expect(p.merges).toEqual([{ rows: [2, 3], reason: 'contact', value: 'people/c1', into: 2 }]);
});

test('a file without duplicates has no merges', () => {
  expect(plan([row(2, { phones: ['+79123456789'] }), row(3, { phones: ['+79123456780'] })]).merges).toEqual([]);
});
