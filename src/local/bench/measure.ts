// How the bench measures an operation: the service calls the built bundle made (counted by the emulator, which is
// what a user waits for in Apps Script), the virtual time those calls would take, and the Node CPU time spent.

import type { InvokeResult } from 'workspace-emulator';
import { EntryPointName, NodeRpc, serverRpc } from '../gas/server-rpc';
import type { Office } from '../office';

export interface Measurement {
  /** A stable scenario id (`card.warm`, `client.find`) for comparing runs; `operation` is the human description. */
  id?: string;
  operation: string;
  /** Service calls the operation made (round trips to Google). */
  calls: number;
  byService: Record<string, number>;
  /** The fewest calls the API allows for this operation, where we can state it. */
  minimum?: number;
  /** What those calls moved over the wire, bytes (UTF-8 JSON of requests and responses; see emulator/wire-size.ts). */
  bytes: number;
  /**
   * Virtual time of those calls at the emulator's prices (emulator/latency.ts: a base per call plus what it moved),
   * ms. Only the calls: the Node time of our code is cpuMs.
   */
  serviceMs: number;
  /** Spreadsheet cells those calls read, wrote or scanned. */
  cells?: number;
  /** CPU time of our code in Node, ms (the bundle's own work; Apps Script is slower, but it scales the same). */
  cpuMs: number;
  [extra: string]: unknown;
}

/** Measures one execution; fails loudly if the product failed. */
export function measure(office: Office, operation: string, execute: () => InvokeResult): Measurement {
  const ws = office.workspace;
  ws.calls.reset();
  const cpu = process.cpuUsage();
  const run = execute();
  const used = process.cpuUsage(cpu);
  if (run.error) throw new Error(`${operation}: ${run.error.name}: ${run.error.message}`);
  return {
    operation,
    calls: run.report.serviceCalls,
    byService: ws.calls.byService(),
    bytes: run.report.bytes,
    bytesByService: ws.calls.bytesByService(),
    serviceMs: run.report.serviceMs,
    cells: run.report.cells,
    cpuMs: Math.round((used.user + used.system) / 100) / 10,
  };
}

/** Runs one entry point of a project (a trigger, a card, a menu item) and measures it. */
export function measureInvoke(
  office: Office,
  project: 'sheet' | 'gmail',
  operation: string,
  fn: EntryPointName,
  args: unknown[],
  kind: 'script' | 'card' | 'simple-trigger' = 'script',
): Measurement {
  return measure(office, operation, () => office[project].invoke(fn, args, kind));
}

/** Runs one google.script.run function of the sheet project, called as the sidebars call it, and measures it. */
export function measureRpc(office: Office, operation: string, call: (rpc: NodeRpc) => unknown): Measurement {
  return measure(office, operation, () => {
    let last: InvokeResult | undefined;
    const rpc = serverRpc(office.sheet, { afterRun: (run) => (last = run) });
    try {
      call(rpc);
    } catch (e) {
      // The run's own error, reported by measure with the operation's name.
    }
    if (!last) throw new Error(`${operation}: called no server function`);
    return last;
  });
}
