// A Workspace kept in a folder, shared by every process that opens it (the sandbox, any number of CLI commands).
// Each outermost execution or host transaction is ONE database transaction:
//   BEGIN IMMEDIATE          — the cross-process write lock: executions of all processes run one after another;
//   reload                   — every store another process wrote since this one last loaded it (version moved);
//   run                      — the execution, with every nested one (a trigger it fires, a web app it fetches);
//   write back               — only the stores whose JSON changed, each bumping its version;
//   COMMIT                   — also when the run threw: Google keeps what a failed execution's calls did.
// Simplification: Apps Script runs executions concurrently and each service call is atomic on its own, so two
// executions can interleave their calls (what LockService guards against); here they never do, across processes as
// within one (a single JS thread never interleaved them either). UNVERIFIED: how far Google's own interleaving goes.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { VirtualClock } from '../clock';
import { holdsLegacyState, importLegacyJson, retireLegacyFiles } from './legacy-json';
import { StateDb } from './state-db';
import { fingerprint, loadInPlace, serialize, STORE_NAMES, StoreName, StoreTable } from './stores';

/** The latest instant a committed transaction's clock showed (ms), so no process's clock runs behind it. */
const CLOCK_KEY = 'clock-high-water';

interface Loaded {
  version: number;
  /** The store's fingerprint as this process read or wrote it: a store whose fingerprint is unchanged is not written. */
  print: string;
}

/** Host code changed a store outside any transaction while another process wrote the same store. */
export class StateConflictError extends Error {
  constructor(store: StoreName, dir: string) {
    super(
      `The ${store} store of ${dir} was changed outside a transaction while another process changed it too; ` +
        'wrap host changes in workspace.transaction() so they are written at once.',
    );
    this.name = 'StateConflictError';
  }
}

export class PersistentState {
  private readonly db: StateDb;
  /** What this process last read or wrote of each store. */
  private readonly loaded = new Map<StoreName, Loaded>();
  private depth = 0;

  private constructor(
    private readonly dir: string,
    private readonly stores: () => StoreTable,
    private readonly clock: VirtualClock,
  ) {
    this.db = new StateDb(dir);
  }

  /** Whether `dir` holds a Workspace's state (in the database or in the old JSON files). */
  static exists(dir: string): boolean {
    return fs.existsSync(dir) && (StateDb.holdsState(dir) || holdsLegacyState(dir));
  }

  /** Opens (creating, or importing the old JSON files of) the state in `dir` and loads every store from it. */
  static open(dir: string, stores: () => StoreTable, clock: VirtualClock): PersistentState {
    fs.mkdirSync(dir, { recursive: true });
    const state = new PersistentState(path.resolve(dir), stores, clock);
    state.db.begin();
    let retire: string[];
    try {
      retire = importLegacyJson(state.db, dir);
      state.reload();
      state.db.commit();
    } catch (e) {
      state.db.rollback();
      throw e;
    }
    retireLegacyFiles(retire);
    // What no row holds yet is compared with its empty form: written only once something is put in it.
    const table = stores();
    for (const name of STORE_NAMES)
      if (!state.loaded.has(name)) state.loaded.set(name, { version: 0, print: fingerprint(name, table[name]) });
    return state;
  }

  /** Runs `fn` in the transaction already open, or in a new one (see the file comment). Re-entrant. */
  transaction<T>(fn: () => T): T {
    if (this.depth > 0) return this.nested(fn);
    this.db.begin();
    try {
      this.reload();
    } catch (e) {
      this.db.rollback();
      throw e;
    }
    let result: T;
    try {
      result = this.nested(fn);
    } catch (e) {
      this.writeBack();
      throw e;
    }
    this.writeBack();
    return result;
  }

  close(): void {
    this.db.close();
  }

  private nested<T>(fn: () => T): T {
    this.depth += 1;
    try {
      return fn();
    } finally {
      this.depth -= 1;
    }
  }

  /** Brings every store another process wrote up to date, and the clock up to the latest committed instant. */
  private reload(): void {
    const table = this.stores();
    for (const { name, version } of this.db.versions()) {
      const store = name as StoreName;
      const mine = this.loaded.get(store);
      if (!(store in table) || mine?.version === version) continue;
      if (mine && fingerprint(store, table[store]) !== mine.print) throw new StateConflictError(store, this.dir);
      loadInPlace(store, table[store], JSON.parse(this.db.json(store)!));
      this.loaded.set(store, { version, print: fingerprint(store, table[store]) });
    }
    const highWater = Number(this.db.meta(CLOCK_KEY) ?? 0);
    this.clock.catchUp(highWater);
  }

  /** Writes the stores whose JSON changed and commits; a failed write rolls the whole transaction back. */
  private writeBack(): void {
    try {
      const table = this.stores();
      for (const name of STORE_NAMES) {
        const print = fingerprint(name, table[name]);
        if (this.loaded.get(name)?.print === print) continue;
        this.loaded.set(name, { version: this.db.write(name, serialize(table[name])), print });
      }
      const now = this.clock.now();
      if (now > Number(this.db.meta(CLOCK_KEY) ?? 0)) this.db.setMeta(CLOCK_KEY, String(now));
      this.db.commit();
    } catch (e) {
      this.db.rollback();
      // What this process believes it wrote was not: forget it, so the next transaction reloads from the database.
      this.loaded.clear();
      throw e;
    }
  }
}
