// One run of script code, with the platform's run-time budget. Apps Script stops a run at 6 minutes, and a Workspace
// add-on callback (card builder or action) at 30 seconds; see ../shared/notes/platform.md §3.

import type { AuthMode } from './auth/authorize';
import type { ExecutionIdentity } from './auth/active-user';

export type ExecutionKind = 'script' | 'card' | 'simple-trigger';

/** Simple triggers run LIMITED; everything else here runs authorized (FULL). */
export const AUTH_MODE: Record<ExecutionKind, AuthMode> = { script: 'FULL', card: 'FULL', 'simple-trigger': 'LIMITED' };

export const RUNTIME_BUDGET_MS: Record<ExecutionKind, number> = {
  script: 6 * 60 * 1000,
  card: 30 * 1000,
  'simple-trigger': 30 * 1000,
};

export interface ExecutionReport {
  kind: ExecutionKind;
  functionName: string;
  /** Simulated service latency plus the real time the code itself took, ms. */
  elapsedMs: number;
  budgetMs: number;
  serviceCalls: number;
  /** The simulated service latency alone, ms (what a caller waiting on this run, e.g. a UrlFetch to a web app, waits). */
  serviceMs: number;
  /** What this run's own service calls moved over the wire, bytes (CallRecord.bytes summed). */
  bytes: number;
  /** Spreadsheet cells this run's calls read, wrote or scanned (CallRecord.cells summed). */
  cells: number;
  /** Why the platform stopped the run, when it did. */
  killed?: string;
}

/** Who runs an execution and what its project's manifest grants. */
export interface ExecutionSetup {
  /** The project's explicit manifest `oauthScopes`; absent, Apps Script detects them (every member allowed). */
  grants?: readonly string[];
  /** Absent: the script's owner runs it themselves. */
  identity?: ExecutionIdentity;
}

export class Execution {
  killed: string | undefined;
  readonly authMode: AuthMode;
  readonly grants: readonly string[] | undefined;
  readonly identity: ExecutionIdentity | undefined;
  serviceCalls = 0;
  bytes = 0;
  cells = 0;
  private readonly realStart = performance.now();
  private simulatedMs = 0;

  constructor(
    readonly kind: ExecutionKind,
    readonly functionName: string,
    readonly budgetMs = RUNTIME_BUDGET_MS[kind],
    setup: ExecutionSetup = {},
  ) {
    this.authMode = AUTH_MODE[kind];
    this.grants = setup.grants;
    this.identity = setup.identity;
  }

  charge(ms: number): void {
    this.simulatedMs += ms;
  }

  /** Counts what a service call of this run moved. */
  move(bytes: number, cells = 0): void {
    this.bytes += bytes;
    this.cells += cells;
  }

  elapsedMs(): number {
    return this.simulatedMs + (performance.now() - this.realStart);
  }

  overBudget(): boolean {
    return this.elapsedMs() > this.budgetMs;
  }

  report(): ExecutionReport {
    return {
      kind: this.kind,
      functionName: this.functionName,
      elapsedMs: Math.round(this.elapsedMs()),
      budgetMs: this.budgetMs,
      serviceCalls: this.serviceCalls,
      serviceMs: this.simulatedMs,
      bytes: this.bytes,
      cells: this.cells,
      killed: this.killed,
    };
  }
}
