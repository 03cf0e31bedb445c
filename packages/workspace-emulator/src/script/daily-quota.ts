// A daily quota counted over a rolling 24-hour window of virtual time. Google says daily quotas are "refreshed at the
// end of a 24-hour window" whose start varies by user (https://developers.google.com/apps-script/guides/services/quotas);
// a rolling window is the strictest reading of that: uses never reset early at some midnight. Uses are kept in
// one-minute buckets so a persisted store stays small even at 50,000 uses a day.

const DAY_MS = 24 * 60 * 60 * 1000;
const BUCKET_MS = 60 * 1000;

export class DailyQuota {
  /** [bucket start (virtual epoch ms), uses in that minute], oldest first. */
  private buckets: Array<[number, number]>;

  constructor(
    public limit: number,
    buckets: unknown = [],
  ) {
    this.buckets = Array.isArray(buckets)
      ? buckets.filter(
          (b): b is [number, number] => Array.isArray(b) && typeof b[0] === 'number' && typeof b[1] === 'number',
        )
      : [];
  }

  private prune(now: number): void {
    let drop = 0;
    // A bucket leaves the window once its last possible use is 24 hours old.
    while (drop < this.buckets.length && this.buckets[drop][0] + BUCKET_MS <= now - DAY_MS) drop++;
    if (drop) this.buckets.splice(0, drop);
  }

  /** Uses counted in the 24 hours before `now`. */
  used(now: number): number {
    this.prune(now);
    return this.buckets.reduce((s, b) => s + b[1], 0);
  }

  /** Whether `n` more uses at `now` stay within the limit. */
  allows(now: number, n = 1): boolean {
    return this.used(now) + n <= this.limit;
  }

  record(now: number, n = 1): void {
    this.prune(now);
    const start = now - (now % BUCKET_MS);
    const last = this.buckets[this.buckets.length - 1];
    if (last && last[0] === start) last[1] += n;
    else this.buckets.push([start, n]);
  }

  toJSON(): Array<[number, number]> {
    return this.buckets.map((b) => [b[0], b[1]]);
  }
}
