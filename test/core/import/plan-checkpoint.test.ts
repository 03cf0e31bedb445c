import {
  afterCall,
  beforeCall,
  checkpointChunks,
  joinCheckpointChunks,
  newCheckpoint,
  parseCheckpoint,
  planImport,
  batchPlan,
  serializeCheckpoint,
  SHEET_CELL_LIMIT,
} from '../../../src/core/import/plan';
import { listed, phoneKey, row } from './plan-support';

test('a 25,000-contact import checkpoint stays under a megabyte and round-trips through text', () => {
  let cp = newCheckpoint('imp-25k');
  for (let batch = 0; batch < 125; batch++) {
    const names = Array.from({ length: 200 }, (_, i) => `people/c${String(7000000000000000000 + batch * 200 + i)}`);
    cp = afterCall(cp, { kind: 'batchCreate', items: [], withLabels: false }, { createdResourceNames: names });
  }
  const text = serializeCheckpoint(cp);
  expect(cp.doneBatches).toBe(125);
  expect(text.length).toBeGreaterThan(25000 * 25);
  expect(text.length).toBeLessThan(1024 * 1024);
  const chunks = checkpointChunks(cp);
  expect(chunks.every((c) => c.length <= SHEET_CELL_LIMIT)).toBe(true);
  expect(joinCheckpointChunks(chunks)).toEqual(cp);
});

test('updates and label adds on existing contacts are written ahead of the call', () => {
  const existing = [
    listed('people/c1', {
      names: [{ givenName: 'Иван' }],
      phoneNumbers: [{ value: '+79123456789' }],
      biographies: [{ value: 'Длинная заметка о клиенте'.repeat(10) }],
    }),
  ];
  const plan = planImport([row(2, { phones: ['89123456789'], emails: ['i@x.ru'], labels: ['Новые'] })], existing, {
    importId: 'i',
    phoneKey,
  });
  let cp = newCheckpoint('i');
  const calls = batchPlan(plan);
  expect(calls.map((c) => c.kind)).toEqual(['createGroup', 'batchUpdate', 'modifyMembers']);
  cp = afterCall(beforeCall(cp, calls[0], phoneKey), calls[0], { groupResourceName: 'contactGroups/77' });
  cp = beforeCall(cp, calls[1], phoneKey);
  expect(cp.updated).toEqual([
    {
      resourceName: 'people/c1',
      before: { emailAddresses: [] },
      after: { emailAddresses: expect.stringMatching(/^[0-9a-f]{16}$/) },
      updatePersonFields: 'emailAddresses',
    },
  ]);
  cp = afterCall(cp, calls[1]);
  cp = beforeCall(cp, calls[2], phoneKey);
  expect(cp.membersAdded).toEqual([{ group: 'contactGroups/77', resourceNames: ['people/c1'] }]);
  expect(cp.labelsCreated).toEqual([{ name: 'Новые', resourceName: 'contactGroups/77' }]);
  // Only the changed field travels, not the whole contact.
  expect(serializeCheckpoint(cp).length).toBeLessThan(400);
  expect(() => afterCall(cp, calls[0])).toThrow('resourceName');
});

test('a damaged checkpoint is refused, not half-trusted', () => {
  expect(() => parseCheckpoint('{"version":1}')).toThrow('Not an import checkpoint: importId');
  expect(() => parseCheckpoint({ ...newCheckpoint('x'), updated: [{ resourceName: 1 }] })).toThrow('updated');
  expect(() => parseCheckpoint('[]')).toThrow('not an object');
  expect(parseCheckpoint(serializeCheckpoint(newCheckpoint('x')))).toEqual(newCheckpoint('x'));
});
