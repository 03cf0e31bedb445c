// Two executions at once, modelled at service-call granularity (Workspace.interleave): B runs while A is suspended
// before one of its calls, A's locks stay held, and B's writes land between A's read and A's write.

import { LOCK_TIMEOUT_MESSAGE, UiHost, Workspace } from 'workspace-emulator';

type Globals = {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
};

function setup() {
  const ws = Workspace.inMemory({ clockStart: '2026-03-02T09:00:00Z' });
  const id = ws.spreadsheets.create('CRM', { timeZone: 'Europe/Moscow', locale: 'ru' });
  const bound = ws.globals({ project: 'sheet', boundSpreadsheetId: id, htmlFiles: {}, ui: new UiHost() }) as Globals;
  const addon = ws.globals({ project: 'gmail', htmlFiles: {}, ui: new UiHost() }) as Globals;
  const cell = (g: Globals) => g.SpreadsheetApp.openById(id).getSheets()[0].getRange('A1');
  return { ws, id, bound, addon, cell };
}

/** A read-modify-write of one counter cell, as two projects' executions would do it. */
function increment(g: Globals, cell: (g: Globals) => GoogleAppsScript.Spreadsheet.Range): void {
  const range = cell(g);
  const n = Number(range.getValue() || 0);
  range.setValue(n + 1);
}

describe('Workspace.interleave', () => {
  it('runs B between A’s read and A’s write, so an unlocked read-modify-write loses B’s update', () => {
    const { ws, bound, addon, cell } = setup();
    const plan = ws.interleave({
      of: (e) => e.functionName === 'A',
      beforeService: 'SpreadsheetApp.Range.setValue',
      run: () => ws.run('script', 'B', () => increment(addon, cell)),
    });
    ws.run('script', 'A', () => increment(bound, cell));
    expect(plan).toMatchObject({
      fired: true,
      suspended: { functionName: 'A', service: 'SpreadsheetApp.Range.setValue' },
    });
    // Both executions added one; the cell says one: B's write landed between A's read and A's write.
    expect(ws.run('script', 'read', () => cell(bound).getValue()).result).toBe(1);
  });

  it('fires once, before the Nth call of the chosen execution, never inside the interleaved run', () => {
    const { ws, bound, cell } = setup();
    const seen: string[] = [];
    const plan = ws.interleave({
      beforeCall: 2,
      run: () => {
        seen.push('B');
        ws.run('script', 'B', () => increment(bound, cell));
      },
    });
    ws.run('script', 'A', () => increment(bound, cell));
    ws.run('script', 'C', () => increment(bound, cell));
    expect(seen).toEqual(['B']);
    expect(plan.suspended?.functionName).toBe('A');
    expect(plan.suspended?.call).toBe(2);
  });

  it('keeps the suspended execution’s lock held: B’s waitLock times out with Google’s message, tryLock says false', () => {
    const { ws, id, bound } = setup();
    const outcomes: unknown[] = [];
    ws.interleave({
      of: (e) => e.functionName === 'A',
      beforeService: 'SpreadsheetApp.openById',
      run: () => {
        const b = ws.run('script', 'B', () => bound.LockService.getScriptLock().waitLock(3000));
        outcomes.push((b.error as Error)?.message);
        outcomes.push(ws.run('script', 'B2', () => bound.LockService.getScriptLock().tryLock(100)).result);
      },
    });
    const start = ws.clock.now();
    const a = ws.run('script', 'A', () => {
      const lock = bound.LockService.getScriptLock();
      lock.waitLock(1000);
      bound.SpreadsheetApp.openById(id);
      lock.releaseLock();
    });
    expect(a.error).toBeUndefined();
    expect(outcomes).toEqual([LOCK_TIMEOUT_MESSAGE, false]);
    // B waited its whole timeout on the virtual clock.
    expect(ws.clock.now() - start).toBeGreaterThanOrEqual(3000);
    // Released with A: the next execution takes it at once.
    expect(ws.run('script', 'C', () => bound.LockService.getScriptLock().tryLock(0)).result).toBe(true);
  });

  it('lets the other project take its own script lock: script locks are per project', () => {
    const { ws, id, bound, addon } = setup();
    let other: unknown;
    ws.interleave({
      of: (e) => e.functionName === 'A',
      beforeService: 'SpreadsheetApp.openById',
      run: () => (other = ws.run('card', 'B', () => addon.LockService.getScriptLock().tryLock(0)).result),
    });
    ws.run('script', 'A', () => {
      bound.LockService.getScriptLock().waitLock(1000);
      bound.SpreadsheetApp.openById(id);
    });
    expect(other).toBe(true);
    // And the standalone add-on has no document lock at all.
    expect(ws.run('card', 'D', () => addon.LockService.getDocumentLock()).result).toBeNull();
  });
});
