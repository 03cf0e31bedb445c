// Every round trip a project makes to a Google service, in order. Benchmarks and tests read it to compare what an
// operation costs with the minimum the API allows.

export interface CallRecord {
  /** Dotted service method, e.g. `People.People.batchCreateContacts`, `SpreadsheetApp.Range.getValues`. */
  service: string;
  /** Virtual time the call started, epoch ms. */
  at: number;
  /** Simulated latency charged for it, ms. */
  costMs: number;
  /**
   * What the call moved over the wire: the UTF-8 JSON size of the request it sent plus the response it got (only the
   * request when it failed). See wire-size.ts.
   */
  bytes: number;
  /** Spreadsheet cells the call read, wrote or scanned, when it moved any (see latency.ts). */
  cells?: number;
  /** Set when an injected fault or a limit made the call fail. */
  failed?: string;
  /** A read of the execution's own context (Session), not a round trip: it costs nothing and is not a service call. */
  local?: true;
}

export class CallLog {
  private records: CallRecord[] = [];

  record(r: CallRecord): void {
    this.records.push(r);
  }

  /** All calls since the last reset (a copy). */
  all(): CallRecord[] {
    return this.records.slice();
  }

  count(prefix = ''): number {
    return this.records.filter((r) => r.service.startsWith(prefix)).length;
  }

  /** Calls per service method, for the bench's JSON. */
  byService(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.records) out[r.service] = (out[r.service] ?? 0) + 1;
    return out;
  }

  /** Bytes moved by all calls (or those whose service starts with `prefix`). */
  totalBytes(prefix = ''): number {
    let n = 0;
    for (const r of this.records) if (r.service.startsWith(prefix)) n += r.bytes;
    return n;
  }

  /** Bytes moved per service method, for the bench's JSON. */
  bytesByService(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.records) out[r.service] = (out[r.service] ?? 0) + r.bytes;
    return out;
  }

  /** Spreadsheet cells moved by all calls (or those whose service starts with `prefix`). */
  totalCells(prefix = ''): number {
    let n = 0;
    for (const r of this.records) if (r.service.startsWith(prefix)) n += r.cells ?? 0;
    return n;
  }

  totalCostMs(): number {
    return this.records.reduce((s, r) => s + r.costMs, 0);
  }

  reset(): void {
    this.records = [];
  }

  /** Runs `fn` and returns what it called, without disturbing the running log. */
  measure<T>(fn: () => T): { result: T; calls: CallRecord[] } {
    const start = this.records.length;
    const result = fn();
    return { result, calls: this.records.slice(start) };
  }
}
