// LockService with contention modelled explicitly. Emulated runs are synchronous, so "another execution holding the
// lock" cannot happen by itself: a test declares it with `LockTable.holdByOther(key, untilMs)`. Waiting for a lock
// advances the virtual clock and counts against the run's budget. Locks a run still holds are released when it ends
// (`releaseAll`, called by Workspace.run), as Apps Script does.
//
// Docs: https://developers.google.com/apps-script/reference/lock/lock-service , .../lock/lock
// - getScriptLock: all users of the project; getUserLock: the current user; getDocumentLock: the current document,
//   null "if the script is not container-bound" (the standalone Gmail add-on).
// - tryLock(ms) returns false on timeout; waitLock(ms) throws. The waitLock message "Lock timeout: another process was
//   holding the lock for too long." is quoted from real executions in many public reports (not in the docs).
//
// Deliberately stricter than Google, as far as we know: each getXxxLock() call returns a distinct Lock, and a second
// Lock for the same scope cannot be acquired while the first is held in the same run (nested locking times out
// instead of silently succeeding).

import { ServiceContext } from '../context';
import { GasException } from '../errors';
import { Execution } from '../execution';
import { Emulated } from './emulated';
import { ScriptProject } from './project';
import { spendVirtualTime } from './virtual-time';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

type Hold = { by: 'lock'; lock: object; exec: Execution | undefined } | { by: 'other'; until: number };

export class LockTable {
  private readonly holds = new Map<string, Hold>();

  static scriptKey(project: ScriptProject): string {
    return `script:${project}`;
  }

  static userKey(project: ScriptProject, email: string): string {
    return `user:${project}:${email}`;
  }

  static documentKey(project: ScriptProject, documentId: string): string {
    return `document:${project}:${documentId}`;
  }

  /** Contention hook: another execution holds the lock at `key` until virtual time `untilMs` (then releases it). */
  holdByOther(key: string, untilMs: number): void {
    this.holds.set(key, { by: 'other', until: untilMs });
  }

  /** Who holds `key` at `now`: nobody, another execution, or one of our Lock objects. */
  holderAt(key: string, now: number): 'free' | 'other' | object {
    const h = this.holds.get(key);
    if (!h) return 'free';
    if (h.by === 'other') {
      if (h.until <= now) {
        this.holds.delete(key);
        return 'free';
      }
      return 'other';
    }
    return h.lock;
  }

  /** When another execution's hold on `key` ends, if it is held by one. */
  otherReleasesAt(key: string): number | undefined {
    const h = this.holds.get(key);
    return h?.by === 'other' ? h.until : undefined;
  }

  /** Locks the run `exec` still holds are released when it ends. */
  releaseAll(exec: Execution): void {
    for (const [key, h] of this.holds) if (h.by === 'lock' && h.exec === exec) this.holds.delete(key);
  }

  /** @internal */
  acquire(key: string, lock: object, exec: Execution | undefined): void {
    this.holds.set(key, { by: 'lock', lock, exec });
  }

  /** @internal */
  release(key: string, lock: object): void {
    const h = this.holds.get(key);
    if (h?.by === 'lock' && h.lock === lock) this.holds.delete(key);
  }
}

function timeoutOf(timeoutInMillis: unknown): number {
  const n = Number(timeoutInMillis);
  // UNVERIFIED wording for a non-numeric timeout.
  if (typeof timeoutInMillis !== 'number' || !Number.isFinite(n))
    throw new GasException('Invalid argument: timeoutInMillis');
  return Math.max(0, Math.trunc(n));
}

type LockApi = Emulated<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock'>;

class Lock implements LockApi {
  readonly #table: LockTable;
  readonly #ctx: ServiceContext;
  readonly #key: string;

  constructor(table: LockTable, ctx: ServiceContext, key: string) {
    this.#table = table;
    this.#ctx = ctx;
    this.#key = key;
  }

  /** Waits up to `timeout` virtual ms for the lock; true if this Lock holds it afterwards. */
  #acquire(timeout: number): boolean {
    const now = this.#ctx.clock.now();
    const holder = this.#table.holderAt(this.#key, now);
    if (holder === this) return true;
    if (holder === 'free') {
      this.#table.acquire(this.#key, this, this.#ctx.execution);
      return true;
    }
    const until = holder === 'other' ? this.#table.otherReleasesAt(this.#key) : undefined;
    // A Lock of this same synchronous process can never be released while we wait on it.
    if (until !== undefined && until - now <= timeout) {
      spendVirtualTime(this.#ctx, until - now);
      this.#table.acquire(this.#key, this, this.#ctx.execution);
      return true;
    }
    spendVirtualTime(this.#ctx, timeout);
    return false;
  }

  tryLock(timeoutInMillis: number): boolean {
    const timeout = timeoutOf(timeoutInMillis);
    return this.#ctx.call('LockService.Lock.tryLock', () => this.#acquire(timeout));
  }

  waitLock(timeoutInMillis: number): void {
    const timeout = timeoutOf(timeoutInMillis);
    this.#ctx.call('LockService.Lock.waitLock', () => {
      if (!this.#acquire(timeout)) throw new GasException(LOCK_TIMEOUT_MESSAGE);
    });
  }

  /** Local state of this Lock object; not a round trip. */
  hasLock(): boolean {
    return this.#table.holderAt(this.#key, this.#ctx.clock.now()) === this;
  }

  releaseLock(): void {
    this.#ctx.call('LockService.Lock.releaseLock', () => this.#table.release(this.#key, this));
  }
}

type LockServiceApi = Emulated<GoogleAppsScript.Lock.LockService, 'getScriptLock' | 'getUserLock' | 'getDocumentLock'>;

class LockServiceEmulation implements LockServiceApi {
  readonly #table: LockTable;
  readonly #ctx: ServiceContext;
  readonly #project: ScriptProject;
  readonly #documentId: string | undefined;

  constructor(table: LockTable, ctx: ServiceContext, project: ScriptProject, documentId: string | undefined) {
    this.#table = table;
    this.#ctx = ctx;
    this.#project = project;
    this.#documentId = documentId;
  }

  getScriptLock(): Lock {
    return new Lock(this.#table, this.#ctx, LockTable.scriptKey(this.#project));
  }

  getUserLock(): Lock {
    return new Lock(this.#table, this.#ctx, LockTable.userKey(this.#project, this.#ctx.session.email));
  }

  getDocumentLock(): Lock | null {
    if (!this.#documentId) return null;
    return new Lock(this.#table, this.#ctx, LockTable.documentKey(this.#project, this.#documentId));
  }
}

export function createLockService(
  table: LockTable,
  ctx: ServiceContext,
  project: ScriptProject,
  boundSpreadsheetId?: string,
): LockServiceEmulation {
  return new LockServiceEmulation(table, ctx, project, boundSpreadsheetId);
}
