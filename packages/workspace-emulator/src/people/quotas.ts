// People API quotas, enforced on the virtual clock: per-minute windows per user for critical reads, other reads and
// writes, and a daily limit on contacts created. Google publishes no figures (they show only in the Cloud console,
// People API > Quotas, and can differ per project); what public reports say is below, each figure with its source or
// UNVERIFIED. A host overrides any of them with `Workspace.inMemory({ peopleQuotas: {...} })`.

import { GoogleJsonResponseException } from '../errors';

export interface PeopleQuotaSettings {
  /** "Critical read requests (Contact and Profile Reads) per minute per user". */
  criticalReadsPerMinute: number;
  /** "Read requests per minute per user" (contact groups). */
  readsPerMinute: number;
  /** "Write requests per minute per user". */
  writesPerMinute: number;
  /** Contacts created per day per user (each contact of a batchCreateContacts counts). */
  contactCreatesPerDay: number;
}

/**
 * The figures, conservative where reports differ.
 * - criticalReadsPerMinute 90: UNVERIFIED figure ("a quota limit of 90 requests/user/minute on the People API",
 *   github.com/MrCaspan/GAS-Gmail-Signature-Templator/pull/1); the metric and limit names are verified from a real
 *   429 (github.com/mrmattwilkins/google-contacts-sync/issues/1, fleapower/Google-Script-Contacts-Sync#16).
 * - readsPerMinute 90: UNVERIFIED; one report reads 180/min for people.googleapis.com/read_requests in the console
 *   (github.com/onmyway133/notes/issues/517); we take the critical-read figure, lower.
 * - writesPerMinute 60: UNVERIFIED; no first-hand report found (only secondary pages saying "typically 60").
 * - contactCreatesPerDay 1000: the Apps Script quota table's "Contacts created: 1,000/day consumer, 2,000/day
 *   Workspace" (developers.google.com/apps-script/guides/services/quotas); UNVERIFIED that it applies to People API
 *   creates (the table predates the ContactsApp sunset); we take the consumer figure.
 */
export const PEOPLE_QUOTAS: Readonly<PeopleQuotaSettings> = {
  criticalReadsPerMinute: 90,
  readsPerMinute: 90,
  writesPerMinute: 60,
  contactCreatesPerDay: 1000,
};

type Bucket = 'critical' | 'read' | 'write' | 'creates';

/** How Google names each limit in its 429 (message and google.rpc.ErrorInfo metadata). */
const NAMES: Record<Bucket, { metric: string; limit: string; quotaMetric: string; quotaLimit: string }> = {
  // Verified from captured answers (see PEOPLE_QUOTAS).
  critical: {
    metric: 'Critical read requests (Contact and Profile Reads)',
    limit: 'Critical read requests (Contact and Profile Reads) per minute per user',
    quotaMetric: 'people.googleapis.com/critical_read_requests',
    quotaLimit: 'CriticalReadsPerMinutePerProjectPerUser',
  },
  // quota_metric verified (onmyway133/notes#517 title); the other names follow the same pattern, UNVERIFIED.
  read: {
    metric: 'Read requests',
    limit: 'Read requests per minute per user',
    quotaMetric: 'people.googleapis.com/read_requests',
    quotaLimit: 'ReadsPerMinutePerProjectPerUser',
  },
  // UNVERIFIED: by the pattern of the read limits.
  write: {
    metric: 'Write requests',
    limit: 'Write requests per minute per user',
    quotaMetric: 'people.googleapis.com/write_requests',
    quotaLimit: 'WritesPerMinutePerProjectPerUser',
  },
  // UNVERIFIED: the console name "Daily Contact Writes" was not seen in a captured answer.
  creates: {
    metric: 'Daily Contact Writes',
    limit: 'Daily Contact Writes per day per user',
    quotaMetric: 'people.googleapis.com/daily_contact_writes',
    quotaLimit: 'DailyContactWritesPerDayPerUser',
  },
};

/**
 * What each method counts against. UNVERIFIED beyond what reports show: updateContact is refused on the critical-read
 * limit (fleapower/Google-Script-Contacts-Sync#14, #16), so it counts as a critical read as well as a write; a
 * mutation that returns people (createContact, and a batch with a readMask: its "post-mutate-get") counts as a
 * critical read too — the stricter reading. A batch counts as ONE request: the Contacts API team said "a batch request
 * (containing multiple sub-requests) is considered as one request" (google-contacts-api group, 2012); UNVERIFIED for
 * People. A request refused for quota consumes nothing (UNVERIFIED).
 */
const COUNTS: Record<string, Bucket[]> = {
  'People.People.get': ['critical'],
  'People.People.getBatchGet': ['critical'],
  'People.People.Connections.list': ['critical'],
  'People.People.searchContacts': ['critical'],
  'People.People.createContact': ['write', 'critical'],
  'People.People.updateContact': ['write', 'critical'],
  'People.People.deleteContact': ['write'],
  'People.People.batchCreateContacts': ['write'],
  'People.People.batchUpdateContacts': ['write'],
  'People.People.batchDeleteContacts': ['write'],
  'People.ContactGroups.list': ['read'],
  'People.ContactGroups.get': ['read'],
  'People.ContactGroups.batchGet': ['read'],
  'People.ContactGroups.create': ['write'],
  'People.ContactGroups.update': ['write'],
  'People.ContactGroups.remove': ['write'],
  'People.ContactGroups.Members.modify': ['write'],
};

const MINUTE_MS = 60_000;
/** Google resets daily quotas at midnight Pacific Time (Cloud quota docs); UNVERIFIED for this limit. */
const QUOTA_DAY_ZONE = 'America/Los_Angeles';
const CONSUMER = '000000000000';

const dayOf = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: QUOTA_DAY_ZONE }).format(ms);

/** How long until the quota day of `now` ends (the office presses Import again "tomorrow": benches, tests). */
export function msUntilQuotaDayEnds(now: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: QUOTA_DAY_ZONE,
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const into = ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000 + (now % 1000);
  return 24 * 3600 * 1000 - into;
}

/** Google's 429 for a spent limit: RESOURCE_EXHAUSTED with ErrorInfo RATE_LIMIT_EXCEEDED and the quota metadata. */
export function quotaExceeded(api: string, bucket: Bucket, limitValue: number): GoogleJsonResponseException {
  const n = NAMES[bucket];
  const message =
    `Quota exceeded for quota metric '${n.metric}' and limit '${n.limit}' of service 'people.googleapis.com' ` +
    `for consumer 'project_number:${CONSUMER}'.`;
  const e = new GoogleJsonResponseException(api, 429, 'RESOURCE_EXHAUSTED', message, 'rateLimitExceeded');
  // Captured from a real People 429 (mrmattwilkins/google-contacts-sync#1): no RetryInfo, no Retry-After for the
  // script to see. UNVERIFIED whether Apps Script's exception carries these details at all: products must not
  // depend on them (the message names the limit).
  e.details.details = [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'RATE_LIMIT_EXCEEDED',
      domain: 'googleapis.com',
      metadata: {
        quota_limit: n.quotaLimit,
        quota_limit_value: String(limitValue),
        quota_metric: n.quotaMetric,
        quota_location: 'global',
        service: 'people.googleapis.com',
        consumer: `projects/${CONSUMER}`,
      },
    },
  ];
  return e;
}

/** The account's use of its quotas: fixed one-minute windows on the virtual clock (UNVERIFIED: Google's refill
 *  algorithm is not published) and the Pacific-time day. */
export class PeopleQuota {
  private minute = -1;
  private day = '';
  private used: Record<Bucket, number> = { critical: 0, read: 0, write: 0, creates: 0 };

  constructor(
    readonly settings: PeopleQuotaSettings | undefined,
    private readonly now: () => number,
  ) {}

  /** What the account has used, kept with the rest of the state: a quota spent in one process is spent in all. */
  toJSON(): unknown {
    return { minute: this.minute, day: this.day, used: this.used };
  }

  /** Usage only: the settings and the clock are the process's own (state/stores.ts keeps them on reload). */
  static fromJSON(json: unknown): PeopleQuota {
    const quota = new PeopleQuota(undefined, () => 0);
    const saved = json as { minute?: number; day?: string; used?: Record<Bucket, number> } | undefined;
    if (saved?.used) Object.assign(quota, { minute: saved.minute ?? -1, day: saved.day ?? '', used: saved.used });
    return quota;
  }

  private limitOf(bucket: Bucket): number {
    const s = this.settings!;
    return {
      critical: s.criticalReadsPerMinute,
      read: s.readsPerMinute,
      write: s.writesPerMinute,
      creates: s.contactCreatesPerDay,
    }[bucket];
  }

  private roll(): void {
    const t = this.now();
    const minute = Math.floor(t / MINUTE_MS);
    if (minute !== this.minute) {
      this.minute = minute;
      this.used = { ...this.used, critical: 0, read: 0, write: 0 };
    }
    const day = dayOf(t);
    if (day !== this.day) {
      this.day = day;
      this.used.creates = 0;
    }
  }

  /** One request of `service` starts: refused with Google's 429 when a limit it counts against is spent. */
  admit(service: string, api: string, postMutateRead = false): void {
    if (!this.settings) return;
    this.roll();
    const buckets = [...(COUNTS[service] ?? []), ...(postMutateRead ? (['critical'] as Bucket[]) : [])];
    for (const b of buckets) if (this.used[b] + 1 > this.limitOf(b)) throw quotaExceeded(api, b, this.limitOf(b));
    for (const b of buckets) this.used[b] += 1;
  }

  /** `count` contacts are about to be created: refused whole when the day's limit would pass. */
  admitCreates(api: string, count: number): void {
    if (!this.settings || count === 0) return;
    this.roll();
    if (this.used.creates + count > this.settings.contactCreatesPerDay)
      throw quotaExceeded(api, 'creates', this.settings.contactCreatesPerDay);
    this.used.creates += count;
  }

  /** For tests and the bench: what is left in the current windows. */
  remaining(): Record<Bucket, number> {
    if (!this.settings) return { critical: Infinity, read: Infinity, write: Infinity, creates: Infinity };
    this.roll();
    const left = (b: Bucket) => this.limitOf(b) - this.used[b];
    return { critical: left('critical'), read: left('read'), write: left('write'), creates: left('creates') };
  }
}
