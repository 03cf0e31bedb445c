// The one place where an emulated service call is counted, timed, checked against the run's budget and exposed to
// injected faults. Every emulated method that would be a round trip to Google goes through `ServiceContext.call`.

import { CallLog } from './call-log';
import { VirtualClock } from './clock';
import { ExecutionKilled, GasException, GoogleJsonResponseException, HTTP, sheetsQuotaSentence } from './errors';
import { Execution } from './execution';
import { ActiveFault, FaultInjector } from './faults';
import { baseMs, CallUnits, costMs as costOf } from './latency';
import { jsonBytes } from './wire-size';
import { authorize } from './auth/authorize';

export interface SessionInfo {
  /** The account the scripts run as (the office's shared Google account). */
  email: string;
  /** e.g. `ru`, `en`, `ka`: drives the UI language. */
  locale: string;
  /** IANA zone of the script/account, e.g. `Europe/Moscow`. */
  timeZone: string;
  /** The user's own zone (their Google account's), when it is not the script's: what an add-on's event reports. */
  userTimeZone?: string;
}

/** Where Apps Script's method name differs from the REST method Google's errors name (`delete` is reserved in JS). */
const REST_NAMES: Record<string, string> = {
  'calendar.events.remove': 'calendar.events.delete',
  'drive.files.remove': 'drive.files.delete',
};

/** `People.ContactGroups.Members.modify` → `people.contactGroups.members.modify`, as Apps Script names it in errors. */
export function apiMethodName(service: string): string {
  const name = service
    .split('.')
    .map((part, i) => (i === 0 || /^[A-Z]/.test(part) ? part.charAt(0).toLowerCase() + part.slice(1) : part))
    .join('.');
  return REST_NAMES[name] ?? name;
}

/** What a REST advanced service's quota fault says: Google names its own service and metric in the sentence. */
function quotaSentence(service: string): string | undefined {
  const api = service.startsWith('Sheets.') ? 'sheets' : service.startsWith('Docs.') ? 'docs' : undefined;
  if (!api) return undefined;
  return sheetsQuotaSentence(/\.(get|batchGet)$/.test(service) ? 'Read requests' : 'Write requests', api);
}

function faultError(service: string, kind: ActiveFault['kind']): Error {
  // Advanced services (REST APIs) fail with HTTP errors; `Calendar.` is the Calendar API, not CalendarApp.
  if (/^(People|Sheets|Calendar|Drive|Docs)\./.test(service)) {
    const api = apiMethodName(service);
    switch (kind) {
      case 'quota':
        if (service.startsWith('Calendar.')) return HTTP.forbidden(api, 'Rate Limit Exceeded', 'rateLimitExceeded');
        // Drive's 429 (https://developers.google.com/drive/api/guides/handle-errors#resolve_a_429_error_too_many_requests).
        if (service.startsWith('Drive.')) return HTTP.quota(api, 'Rate Limit Exceeded');
        return HTTP.quota(api, quotaSentence(service));
      case 'unavailable':
        return HTTP.unavailable(api);
      case 'lost-response':
        return HTTP.deadline(api);
      default:
        return HTTP.internal(api);
    }
  }
  const name = service.split('.')[0];
  switch (kind) {
    case 'quota':
      return new GasException(`Service invoked too many times for one day: ${name}.`);
    case 'lost-response':
      return new GasException(`Service ${name} timed out while accessing the requested resource.`);
    default:
      return new GasException(`Service error: ${name}`);
  }
}

/** What a call moves, for `CallRecord.bytes` and for its price (latency.ts). */
export interface CallIo<T> {
  /** What the request carries (arguments, values, payload); its JSON size is counted. */
  sent?: unknown;
  /**
   * Bytes of the response. Default: the JSON size of what `fn` returned (plain data: values, a People response, a
   * cached string); a service that returns handles (Range, CalendarEvent) says what they carried.
   */
  received?: (result: T) => number;
  /**
   * What the call moved besides bytes, once it has answered: spreadsheet cells read, written or scanned; contacts or
   * entries returned or sent. Default: nothing beyond bytes.
   */
  units?: (result: T) => Pick<CallUnits, 'cells' | 'items'>;
  /** A fixed simulated latency instead of the priced one (latency.ts), charged whole whatever the call moved. */
  costMs?: number;
}

/**
 * Another execution let in while one is suspended between two of its service calls (Workspace.interleave): the model
 * of two executions running at once. Executions here are synchronous, so concurrency is modelled at service-call
 * granularity: `run` (which starts executions of any loaded project) runs just before the chosen call of the first
 * execution `of` matches goes out; that execution waits meanwhile, keeping the locks it holds.
 */
export interface InterleavePlan {
  /** Which execution is suspended: by default any run that is not itself an interleaved one. */
  of?: (exec: Execution) => boolean;
  /** Before its Nth service call (1-based)… */
  beforeCall?: number;
  /** …or before its first call to a service whose name starts with this (e.g. `Sheets.Spreadsheets.batchUpdate`). */
  beforeService?: string;
  run: () => void;
}

/** What became of a plan: whether it fired, before which call, and what `run` threw, if anything. */
export interface Interleaving {
  fired: boolean;
  /** The suspended execution's function and the service it was about to call. */
  suspended?: { functionName: string; call: number; service: string };
  error?: unknown;
}

export class ServiceContext {
  /** The run in progress, if any. Service calls outside a run (test setup, seeding) have no budget. */
  execution: Execution | undefined;
  #plan: { plan: InterleavePlan; outcome: Interleaving } | undefined;
  /** The executions an interleaved `run` started: they are never the ones suspended. */
  readonly #interleaved = new Set<Execution>();
  #interleaving = false;

  constructor(
    readonly clock: VirtualClock,
    readonly calls: CallLog,
    readonly faults: FaultInjector,
    readonly session: SessionInfo,
  ) {}

  /**
   * One round trip to a Google service. `fn` does the work; it receives the fault chosen for this call so batch
   * methods can apply only part of a batch (`partial`). `io` says what the call moves over the wire (CallRecord.bytes):
   * the request's size is counted even when the call fails, the response's only when it arrives.
   *
   * Time: the base of the round trip passes before the work (what `fn` sees as now), the price of what the call moved
   * after it, once the response's size is known (latency.ts). A failed call costs its base and what it sent. A run
   * whose budget the call's answer overruns is stopped there: the script never sees the answer (the work is done).
   */
  call<T>(service: string, fn: (fault?: ActiveFault) => T, io: CallIo<T> = {}): T {
    const exec = this.execution;
    if (exec?.killed) throw new ExecutionKilled(exec.killed);
    if (exec) this.#maybeInterleave(exec, service);
    authorize(exec, service); // A scope the run lacks: refused before any request leaves, nothing moved.
    const at = this.clock.now();
    const sent = io.sent === undefined ? 0 : jsonBytes(io.sent);
    const upfront = io.costMs ?? baseMs(service);
    this.#spend(upfront);
    if (exec) exec.serviceCalls += 1;
    const fail = (
      error: Error,
      charged = upfront + this.#rest(service, io.costMs !== undefined, { sentBytes: sent, receivedBytes: 0 }),
    ): never => {
      this.#spend(charged - upfront);
      this.calls.record({ service, at, costMs: charged, bytes: sent, failed: error.message });
      exec?.move(sent);
      throw error;
    };
    if (exec?.overBudget()) {
      exec.killed = 'Exceeded maximum execution time';
      fail(new ExecutionKilled(exec.killed));
    }
    const fault = this.faults.next(service);
    if (fault?.kind === 'kill') {
      if (exec) exec.killed = 'Exceeded maximum execution time';
      fail(new ExecutionKilled());
    }
    if (fault?.kind === 'quota' || fault?.kind === 'unavailable' || fault?.kind === 'internal')
      fail(faultError(service, fault.kind));
    let result: T;
    try {
      result = fn(fault);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      return fail(error);
    }
    if (fault?.kind === 'lost-response' || fault?.kind === 'partial') fail(faultError(service, fault.kind));
    const received = io.received ? io.received(result) : jsonBytes(result);
    const units: CallUnits = {
      sentBytes: sent,
      receivedBytes: received,
      ...io.units?.(result),
    };
    const charged = upfront + this.#rest(service, io.costMs !== undefined, units);
    if (exec && exec.elapsedMs() + (charged - upfront) > exec.budgetMs) {
      exec.killed = 'Exceeded maximum execution time';
      fail(new ExecutionKilled(exec.killed), charged);
    }
    this.#spend(charged - upfront);
    const bytes = sent + received;
    this.calls.record({ service, at, costMs: charged, bytes, ...(units.cells ? { cells: units.cells } : {}) });
    exec?.move(bytes, units.cells ?? 0);
    return result;
  }

  /** Schedules one interleaving (replacing any not yet fired); the returned record fills in when it fires. */
  interleave(plan: InterleavePlan): Interleaving {
    if (!plan.beforeCall && !plan.beforeService) throw new Error('interleave: say beforeCall or beforeService');
    const outcome: Interleaving = { fired: false };
    this.#plan = { plan, outcome };
    return outcome;
  }

  /** Whether `exec` was started by an interleaved run (so it is never itself suspended). */
  isInterleaved(exec: Execution): boolean {
    return this.#interleaved.has(exec);
  }

  /** Runs the scheduled executions if `exec` is the one to suspend and is about to make the chosen call. */
  #maybeInterleave(exec: Execution, service: string): void {
    const scheduled = this.#plan;
    if (!scheduled || this.#interleaving || this.#interleaved.has(exec)) return;
    const { plan, outcome } = scheduled;
    if (plan.of && !plan.of(exec)) return;
    const call = exec.serviceCalls + 1;
    const due = plan.beforeCall ? call === plan.beforeCall : service.startsWith(plan.beforeService!);
    if (!due) return;
    this.#plan = undefined;
    outcome.fired = true;
    outcome.suspended = { functionName: exec.functionName, call, service };
    this.#interleaving = true;
    const track = (e: Execution | undefined) => e && e !== exec && this.#interleaved.add(e);
    this.onRunStart = track;
    try {
      plan.run();
    } catch (e) {
      outcome.error = e;
    } finally {
      this.onRunStart = undefined;
      this.#interleaving = false;
      this.execution = exec;
    }
  }

  /** @internal Workspace.run reports each execution it starts (to mark the interleaved ones). */
  onRunStart: ((exec: Execution) => void) | undefined;

  /**
   * A read of what the execution itself knows — Session's user, locale and zones. Apps Script starts each execution
   * knowing who runs it, in which locale and zone (the add-on event object carries the same facts), so we do not
   * count these as round trips: logged (`local`) for the record, no latency, not among the run's service calls.
   * UNVERIFIED: Google documents no cost for Session, and no quota names it.
   */
  local<T>(service: string, fn: () => T): T {
    const exec = this.execution;
    if (exec?.killed) throw new ExecutionKilled(exec.killed);
    authorize(exec, service);
    const result = fn();
    this.calls.record({ service, at: this.clock.now(), costMs: 0, bytes: 0, local: true });
    return result;
  }

  /** What a call costs beyond what was charged before its work: nothing when its cost is fixed. */
  #rest(service: string, fixed: boolean, units: CallUnits): number {
    return fixed ? 0 : costOf(service, units) - baseMs(service);
  }

  #spend(ms: number): void {
    if (ms <= 0) return;
    this.clock.advance(ms);
    this.execution?.charge(ms);
  }

  /** For service code: Google's error for `service` when the request itself is invalid. */
  static isGoogleError(e: unknown): e is GoogleJsonResponseException {
    return e instanceof GoogleJsonResponseException;
  }
}
