// Time a script spends waiting (Utilities.sleep, LockService waits) passes on the virtual clock and counts against the
// run's budget like service latency does; a wait that runs past the budget ends the run, as the platform would.

import { ServiceContext } from '../context';
import { ExecutionKilled } from '../errors';

export function spendVirtualTime(ctx: ServiceContext, ms: number): void {
  const exec = ctx.execution;
  if (exec?.killed) throw new ExecutionKilled(exec.killed);
  if (ms <= 0) return;
  ctx.clock.advance(ms);
  exec?.charge(ms);
  if (exec?.overBudget()) {
    exec.killed = 'Exceeded maximum execution time';
    throw new ExecutionKilled(exec.killed);
  }
}
