// The sidebar's progress bar moves from the first batch: it calls runImport again while the import is running
// (each call returns after a batch or a few) and sees every answer, until the import is done or paused.

import { runUntilDoneSteps } from '../../../src/core/import/execute/stage';
import { runSteps } from '../../../src/core/ports/steps';
import type { ImportProgress } from '../../../src/shared/import-dto';

function progress(batchesDone: number, status: ImportProgress['status']): ImportProgress {
  return {
    importId: 'imp-1',
    status,
    total: 450,
    created: batchesDone * 150,
    updated: 0,
    skipped: 0,
    errors: [],
    batchesDone,
    batchesTotal: 3,
    message: '',
  };
}

test('runImport is called until done, and every answer reaches the progress bar', () => {
  const answers = [progress(1, 'running'), progress(2, 'running'), progress(3, 'done')];
  const calls: string[] = [];
  const seen: string[] = [];
  const server = {
    stageImport: () => {
      throw new Error('not staged here');
    },
    runImport: (id: string) => {
      calls.push(id);
      return answers[calls.length - 1];
    },
  };
  const last = runSteps(
    runUntilDoneSteps('imp-1', (p) => seen.push(`${p.batchesDone} of ${p.batchesTotal}`)),
    { server },
  );
  expect(calls).toEqual(['imp-1', 'imp-1', 'imp-1']);
  expect(seen).toEqual(['1 of 3', '2 of 3', '3 of 3']);
  expect(last.status).toBe('done');
});

test('a pause stops the calls (the user presses Import again later)', () => {
  let n = 0;
  const server = {
    stageImport: () => {
      throw new Error('not staged here');
    },
    runImport: () => (++n === 1 ? progress(1, 'running') : progress(1, 'paused')),
  };
  expect(runSteps(runUntilDoneSteps('imp-1'), { server }).status).toBe('paused');
  expect(n).toBe(2);
});
