// The one place where an emulated service call is counted, timed, checked against the run's budget and exposed to
// injected faults. Every emulated method that would be a round trip to Google goes through `ServiceContext.call`.

import { CallLog } from './call-log';
import { VirtualClock } from './clock';
import { ExecutionKilled, GasException, GoogleJsonResponseException, HTTP, sheetsQuotaSentence } from './errors';
import { Execution } from './execution';
import { ActiveFault, FaultInjector } from './faults';
import { jsonBytes } from './wire-size';
import { permissionMessage, scopeRefusedInLimited } from './auth-mode';

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

/**
 * Simulated latency per call, ms. Google publishes none; these are round numbers of the order people report from Apps
 * Script, used only so that run-time budgets bite at a realistic scale. Longest matching prefix wins.
 */
export const LATENCY_MS: Record<string, number> = {
  'People.': 400,
  'People.People.batch': 1500,
  'People.People.Connections.list': 900,
  'People.ContactGroups.Members.modify': 700,
  'SpreadsheetApp.': 60,
  'SpreadsheetApp.Range.getValues': 120,
  'SpreadsheetApp.Range.setValues': 200,
  'SpreadsheetApp.Sheet.appendRow': 150,
  'SpreadsheetApp.openById': 300,
  'CalendarApp.': 500,
  'Calendar.': 400,
  'PropertiesService.': 30,
  'CacheService.': 20,
  'LockService.': 50,
  'ScriptApp.': 200,
  'GmailApp.': 300,
  'UrlFetchApp.': 300,
  'MailApp.': 400,
  'HtmlService.': 50,
  'Session.': 5,
  'Sheets.': 300,
  'Sheets.Spreadsheets.batchUpdate': 450,
};

export function latencyOf(service: string): number {
  let best = '';
  for (const prefix of Object.keys(LATENCY_MS))
    if (service.startsWith(prefix) && prefix.length > best.length) best = prefix;
  return best ? LATENCY_MS[best] : 50;
}

/** Where Apps Script's method name differs from the REST method Google's errors name (`delete` is reserved in JS). */
const REST_NAMES: Record<string, string> = { 'calendar.events.remove': 'calendar.events.delete' };

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
  if (!service.startsWith('Sheets.')) return undefined;
  return sheetsQuotaSentence(/\.(get|batchGet)$/.test(service) ? 'Read requests' : 'Write requests');
}

function faultError(service: string, kind: ActiveFault['kind']): Error {
  // Advanced services (REST APIs) fail with HTTP errors; `Calendar.` is the Calendar API, not CalendarApp.
  if (service.startsWith('People.') || service.startsWith('Sheets.') || service.startsWith('Calendar.')) {
    const api = apiMethodName(service);
    switch (kind) {
      case 'quota':
        return service.startsWith('Calendar.')
          ? HTTP.forbidden(api, 'Rate Limit Exceeded', 'rateLimitExceeded')
          : HTTP.quota(api, quotaSentence(service));
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

/** What a call moves, for `CallRecord.bytes`. */
export interface CallIo<T> {
  /** What the request carries (arguments, values, payload); its JSON size is counted. */
  sent?: unknown;
  /**
   * Bytes of the response. Default: the JSON size of what `fn` returned (plain data: values, a People response, a
   * cached string); a service that returns handles (Range, CalendarEvent) says what they carried.
   */
  received?: (result: T) => number;
  /** Simulated latency, when not the service's usual (LATENCY_MS). */
  costMs?: number;
  /**
   * How much work the call did in the service's own unit (Sheets: cells read or written), known once `fn` ran; kept in
   * CallRecord.units for a cost model that grows with it.
   */
  units?: (result: T | undefined) => number;
}

export class ServiceContext {
  /** The run in progress, if any. Service calls outside a run (test setup, seeding) have no budget. */
  execution: Execution | undefined;

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
   */
  call<T>(service: string, fn: (fault?: ActiveFault) => T, io: CallIo<T> = {}): T {
    const exec = this.execution;
    if (exec?.killed) throw new ExecutionKilled(exec.killed);
    // Refused before any request leaves, like a scope missing from the manifest: not a call, nothing moved.
    const refused = exec?.authMode === 'LIMITED' ? scopeRefusedInLimited(service) : undefined;
    if (refused) throw new GasException(permissionMessage(service, refused));
    const costMs = io.costMs ?? latencyOf(service);
    const at = this.clock.now();
    this.clock.advance(costMs);
    exec?.charge(costMs);
    if (exec) exec.serviceCalls += 1;
    const sent = io.sent === undefined ? 0 : jsonBytes(io.sent);
    const unitsOf = (result: T | undefined) => (io.units ? { units: io.units(result) } : {});
    const fail = (error: Error): never => {
      this.calls.record({ service, at, costMs, bytes: sent, failed: error.message, ...unitsOf(undefined) });
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
    if (fault?.kind === 'quota' || fault?.kind === 'unavailable') fail(faultError(service, fault.kind));
    let result: T;
    try {
      result = fn(fault);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      return fail(error);
    }
    if (fault?.kind === 'lost-response' || fault?.kind === 'partial') fail(faultError(service, fault.kind));
    const bytes = sent + (io.received ? io.received(result) : jsonBytes(result));
    this.calls.record({ service, at, costMs, bytes, ...unitsOf(result) });
    exec?.move(bytes);
    return result;
  }

  /** For service code: Google's error for `service` when the request itself is invalid. */
  static isGoogleError(e: unknown): e is GoogleJsonResponseException {
    return e instanceof GoogleJsonResponseException;
  }
}
