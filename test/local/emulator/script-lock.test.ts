import { CallLog } from 'workspace-emulator';
import { VirtualClock } from 'workspace-emulator';
import { ServiceContext } from 'workspace-emulator';
import { Execution } from 'workspace-emulator';
import { FaultInjector } from 'workspace-emulator';
import { LOCK_TIMEOUT_MESSAGE, LockTable, createLockService } from 'workspace-emulator';

function setup() {
  const clock = new VirtualClock('2024-03-01T09:00:00Z');
  const calls = new CallLog();
  const ctx = new ServiceContext(clock, calls, new FaultInjector(1), {
    email: 'office@example.com',
    locale: 'ru',
    timeZone: 'Europe/Moscow',
  });
  const table = new LockTable();
  return { clock, calls, ctx, table };
}

/** Runs `fn` as one execution, releasing its locks at the end as Workspace.run does. */
function run<T>(
  ctx: ServiceContext,
  table: LockTable,
  fn: (exec: Execution) => T,
  kind: 'script' | 'card' = 'script',
): T {
  const exec = new Execution(kind, 'test');
  ctx.execution = exec;
  try {
    return fn(exec);
  } finally {
    ctx.execution = undefined;
    table.releaseAll(exec);
  }
}

describe('LockService', () => {
  it('grants a free lock at once and reports it held', () => {
    const { ctx, table, calls } = setup();
    const lock = createLockService(table, ctx, 'sheet', 'ss1').getScriptLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(calls.byService()).toEqual({ 'LockService.Lock.tryLock': 1, 'LockService.Lock.releaseLock': 1 });
  });

  it('waits for another execution to let go, spending the wait on the virtual clock', () => {
    const { ctx, table, clock } = setup();
    const start = clock.now();
    table.holdByOther(LockTable.scriptKey('sheet'), start + 5000);
    const lock = createLockService(table, ctx, 'sheet').getScriptLock();
    expect(lock.tryLock(10_000)).toBe(true);
    // 50 ms of call latency, then the remaining ~4.95 s of the other run's hold.
    expect(clock.now() - start).toBe(5000);
  });

  it('gives up after the timeout: tryLock says false, waitLock throws Google wording', () => {
    const { ctx, table, clock } = setup();
    table.holdByOther(LockTable.scriptKey('sheet'), clock.now() + 60_000);
    const locks = createLockService(table, ctx, 'sheet');
    const before = clock.now();
    expect(locks.getScriptLock().tryLock(1000)).toBe(false);
    expect(clock.now() - before).toBe(1050);
    expect(() => locks.getScriptLock().waitLock(2000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(LOCK_TIMEOUT_MESSAGE).toBe('Lock timeout: another process was holding the lock for too long.');
    // The other project's script lock is a different lock.
    expect(createLockService(table, ctx, 'gmail').getScriptLock().tryLock(0)).toBe(true);
  });

  it('never grants a second Lock object for a scope already held in the same run (nested locking)', () => {
    const { ctx, table } = setup();
    run(ctx, table, () => {
      const locks = createLockService(table, ctx, 'sheet');
      const outer = locks.getScriptLock();
      outer.waitLock(30_000);
      expect(outer.tryLock(0)).toBe(true);
      expect(() => locks.getScriptLock().waitLock(3000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    });
  });

  it('releases the locks of an execution when it ends', () => {
    const { ctx, table } = setup();
    const locks = createLockService(table, ctx, 'sheet', 'ss1');
    run(ctx, table, () => {
      expect(locks.getScriptLock().tryLock(0)).toBe(true);
      expect(locks.getDocumentLock()!.tryLock(0)).toBe(true);
      // The script forgets releaseLock().
    });
    run(ctx, table, () => {
      expect(locks.getScriptLock().tryLock(0)).toBe(true);
      expect(locks.getDocumentLock()!.tryLock(0)).toBe(true);
    });
  });

  it('counts waiting against the run budget: a card callback cannot wait a minute', () => {
    const { ctx, table, clock } = setup();
    table.holdByOther(LockTable.scriptKey('sheet'), clock.now() + 120_000);
    const exec = run(
      ctx,
      table,
      (e) => {
        expect(() => createLockService(table, ctx, 'sheet').getScriptLock().waitLock(60_000)).toThrow(
          'Exceeded maximum execution time',
        );
        return e;
      },
      'card',
    );
    expect(exec.killed).toBe('Exceeded maximum execution time');
  });

  it('scopes user and document locks; the Gmail add-on has no document lock', () => {
    const { ctx, table } = setup();
    expect(createLockService(table, ctx, 'gmail').getDocumentLock()).toBeNull();
    const a = createLockService(table, ctx, 'sheet', 'ss1');
    const b = createLockService(table, ctx, 'sheet', 'ss2');
    expect(a.getDocumentLock()!.tryLock(0)).toBe(true);
    expect(b.getDocumentLock()!.tryLock(0)).toBe(true);
    expect(a.getUserLock().tryLock(0)).toBe(true);
    const other = new ServiceContext(ctx.clock, ctx.calls, ctx.faults, {
      ...ctx.session,
      email: 'manager@example.com',
    });
    expect(createLockService(table, other, 'sheet', 'ss1').getUserLock().tryLock(0)).toBe(true);
    expect(createLockService(table, ctx, 'sheet', 'ss1').getUserLock().tryLock(0)).toBe(false);
  });
});
