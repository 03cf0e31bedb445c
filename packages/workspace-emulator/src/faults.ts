// Deterministic fault injection: the same seed and rules give the same failures at the same calls, so a test can
// kill an import in the middle of a batch and replay exactly that.

export type FaultKind =
  /** 429 before anything is applied. */
  | 'quota'
  /** 503 before anything is applied. */
  | 'unavailable'
  /** 500 before anything is applied (a REST API's backendError; a built-in service's "Service error"). */
  | 'internal'
  /** The call is applied, then the response is lost: 504 to the caller. */
  | 'lost-response'
  /** Only the first `applyFirst` items of a batch are applied, then 500. */
  | 'partial'
  /** The platform ends the whole execution at this call (run-time limit); nothing after it runs. */
  | 'kill'
  /**
   * Another client (the office's phone) edits the first contact a People write names just before the write arrives
   * (PeopleStore.editFromPhone): its etag moves on, so the write carries a stale one and is refused as Google refuses
   * it (400 FAILED_PRECONDITION). On Google an etag read moments ago can be stale already
   * (googleapis/google-api-python-client#2417, google-api-go-client#1904).
   */
  | 'concurrent-edit';

export interface FaultRule {
  /** A service method name (`People.People.batchCreateContacts`) or a prefix ending in `*` (`People.*`). */
  service: string;
  kind: FaultKind;
  /** Fire on these 1-based occurrences of matching calls. */
  nth?: number[];
  /** Or fire with this probability per matching call (drawn from the seeded generator). */
  probability?: number;
  /** For `partial`: how many items of the batch are applied before the failure (default: half). */
  applyFirst?: number;
  /** Stop firing after this many times. */
  times?: number;
}

export interface ActiveFault {
  kind: FaultKind;
  applyFirst?: number;
}

/** mulberry32: small, fast, and reproducible across Node versions. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private rules: Array<FaultRule & { seen: number; fired: number }> = [];
  private random: () => number;

  constructor(seed = 1) {
    this.random = generator(seed);
  }

  reseed(seed: number): void {
    this.random = generator(seed);
  }

  add(rule: FaultRule): this {
    this.rules.push({ ...rule, seen: 0, fired: 0 });
    return this;
  }

  clear(): void {
    this.rules = [];
  }

  /** Decides whether the call now starting fails, and how. Called once per service call. */
  next(service: string): ActiveFault | undefined {
    let hit: ActiveFault | undefined;
    for (const rule of this.rules) {
      const matches = rule.service.endsWith('*')
        ? service.startsWith(rule.service.slice(0, -1))
        : service === rule.service;
      if (!matches) continue;
      rule.seen += 1;
      if (hit || (rule.times !== undefined && rule.fired >= rule.times)) continue;
      const byCount = rule.nth?.includes(rule.seen) ?? false;
      const byChance = rule.probability !== undefined && this.random() < rule.probability;
      if (byCount || byChance) {
        rule.fired += 1;
        hit = { kind: rule.kind, applyFirst: rule.applyFirst };
      }
    }
    return hit;
  }
}
