// Virtual time for the emulated Workspace. Service latency is simulated by advancing this clock, never by sleeping,
// so budgets (6-minute runs, 30-second card callbacks) are deterministic and tests run fast.

export class VirtualClock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  /** A clock that follows real time, or starts frozen at `startIso` (tests, `--at`). */
  constructor(startIso?: string) {
    if (startIso) this.frozenAt = Date.parse(startIso);
  }

  now(): number {
    return (this.frozenAt ?? Date.now()) + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /**
   * Another process of a shared Workspace already reached `instant` (its runs' simulated latency moved its clock on):
   * a clock that follows real time never runs behind it, so executions keep their order in time across processes. A
   * frozen clock is the host's choice (tests, `clockStart`) and stays where it was put.
   */
  catchUp(instant: number): void {
    if (this.frozenAt === undefined && instant > this.now()) this.offsetMs += instant - this.now();
  }

  set(iso: string | number): void {
    this.frozenAt = typeof iso === 'number' ? iso : Date.parse(iso);
    this.offsetMs = 0;
  }
}
