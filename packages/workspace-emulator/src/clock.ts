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

  set(iso: string | number): void {
    this.frozenAt = typeof iso === 'number' ? iso : Date.parse(iso);
    this.offsetMs = 0;
  }
}
