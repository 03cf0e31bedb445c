// How the bench measures an operation: the service calls the built bundle made (counted by the emulator, which is
// what a user waits for in Apps Script), the virtual time those calls would take, and the Node CPU time spent.

import type { InvokeResult } from '../gas/load-bundle';
import type { Office } from '../office';

export interface Measurement {
  operation: string;
  /** Service calls the operation made (round trips to Google). */
  calls: number;
  byService: Record<string, number>;
  /** The fewest calls the API allows for this operation, where we can state it. */
  minimum?: number;
  /** Virtual wall time of those calls at the emulator's latencies, ms. */
  serviceMs: number;
  /** CPU time of our code in Node, ms (the bundle's own work; Apps Script is slower, but it scales the same). */
  cpuMs: number;
  [extra: string]: unknown;
}

/** Runs one entry point of a project and measures it; fails loudly if the product failed. */
export function measureInvoke(
  office: Office,
  project: 'sheet' | 'gmail',
  operation: string,
  fn: string,
  args: unknown[],
  kind: 'script' | 'card' | 'simple-trigger' = 'script',
): Measurement {
  const ws = office.workspace;
  ws.calls.reset();
  const cpu = process.cpuUsage();
  const run: InvokeResult = office[project].invoke(fn, args, kind);
  const used = process.cpuUsage(cpu);
  if (run.error) throw new Error(`${operation}: ${run.error.name}: ${run.error.message}`);
  return {
    operation,
    calls: run.report.serviceCalls,
    byService: ws.calls.byService(),
    serviceMs: run.report.elapsedMs,
    cpuMs: Math.round((used.user + used.system) / 100) / 10,
  };
}
