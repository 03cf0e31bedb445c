// The SQL side of a persistent Workspace: `state.sqlite` in the state folder, in WAL mode so readers never block the
// one writer, with a generous busy timeout so a process waits for another's execution instead of failing. Tables:
//   stores(name, json, version) — each store's JSON and a counter bumped on every write of it;
//   meta(key, value)            — the migration mark and the clock's high-water instant.

import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const STATE_FILE = 'state.sqlite';

/**
 * How long a process waits for another's transaction (an execution, a sandbox request) before giving up, ms. An
 * execution may run up to 6 minutes in Apps Script; the CLI's and the sandbox's last seconds; 2 minutes covers a
 * queue of dozens of them.
 */
export const BUSY_TIMEOUT_MS = 120_000;

export interface StoreRow {
  name: string;
  version: number;
}

export class StateDb {
  private readonly db: Database.Database;
  private readonly statements: {
    versions: Database.Statement<[], StoreRow>;
    json: Database.Statement<[string], { json: string }>;
    write: Database.Statement<[string, string], { version: number }>;
    meta: Database.Statement<[string], { value: string }>;
    setMeta: Database.Statement<[string, string]>;
  };

  constructor(dir: string) {
    this.db = new Database(path.join(dir, STATE_FILE), { timeout: BUSY_TIMEOUT_MS });
    this.db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL loses nothing when a process dies, only (maybe) the last commits on a power cut.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS stores (name TEXT PRIMARY KEY, json TEXT NOT NULL, version INTEGER NOT NULL);
       CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
    );
    this.statements = {
      versions: this.db.prepare('SELECT name, version FROM stores'),
      json: this.db.prepare('SELECT json FROM stores WHERE name = ?'),
      write: this.db.prepare(
        `INSERT INTO stores (name, json, version) VALUES (?, ?, 1)
         ON CONFLICT (name) DO UPDATE SET json = excluded.json, version = stores.version + 1 RETURNING version`,
      ),
      meta: this.db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: this.db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  /** Whether `dir` holds a state database with at least one store in it (a folder that was used). */
  static holdsState(dir: string): boolean {
    const file = path.join(dir, STATE_FILE);
    if (!fs.existsSync(file)) return false;
    const db = new Database(file, { readonly: true, timeout: BUSY_TIMEOUT_MS });
    try {
      const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stores'").get();
      return !!table && !!db.prepare('SELECT 1 FROM stores LIMIT 1').get();
    } finally {
      db.close();
    }
  }

  /** Takes the database's write lock at once (waiting for another writer), so what is read next stays true. */
  begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
  }

  commit(): void {
    this.db.exec('COMMIT');
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  versions(): StoreRow[] {
    return this.statements.versions.all();
  }

  json(name: string): string | undefined {
    return this.statements.json.get(name)?.json;
  }

  /** Writes a store's JSON and returns its new version. */
  write(name: string, json: string): number {
    return this.statements.write.get(name, json)!.version;
  }

  meta(key: string): string | undefined {
    return this.statements.meta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  close(): void {
    this.rollback();
    this.db.close();
  }
}
