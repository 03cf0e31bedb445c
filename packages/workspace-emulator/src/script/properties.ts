// PropertiesService: per-project script properties, per-user properties and (bound project only) document
// properties, with Google's size limits and daily read/write quota.
//
// Limits (https://developers.google.com/apps-script/guides/services/quotas): "Properties value size 9 KB / val",
// "Properties total storage 500 KB / property store", "Properties read/write 50,000 / day" (consumer; 500,000
// Workspace). Google does not say whether KB means 1,000 or 1,024 bytes, nor whether the key counts; we count the UTF-8
// bytes of key + value against 9,000 and 500,000, the strictest reading (stricter than Google, on purpose).
//
// Wording: "You have exceeded the property storage quota. Please remove some properties and try again." is quoted from
// real executions in many public reports (e.g. the execution log excerpts found via GitHub code search);
// "Argument too large: value" for an oversized single value is community-reported, not documented (UNVERIFIED);
// "Service invoked too many times for one day: properties." follows Apps Script's daily-quota sentence.

import { scopeFor, scopeKey, ScopeKind } from './scopes';
import { ServiceContext } from '../context';
import { GasException } from '../errors';
import { DailyQuota } from './daily-quota';
import { Emulated } from './emulated';
import { ScriptProject } from './project';
import { PAYLOAD_LIMITS } from '../limits';

export type PropertyStoreKind = 'script' | 'user' | 'document';

export const PROPERTY_LIMITS = {
  entryBytes: PAYLOAD_LIMITS.propertyEntryBytes.value,
  storeBytes: PAYLOAD_LIMITS.propertyStoreBytes.value,
  /** Reads and writes per rolling day, consumer account. Workspace accounts: 500,000. */
  readsWritesPerDay: 50_000,
};

const STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

interface PropertiesJSON {
  stores?: Record<string, Record<string, string>>;
  quota?: unknown;
}

/** Every property store of the account, keyed `script:<project>`, `user:<project>:<email>`, `document:<project>`. */
export class PropertiesStore {
  private readonly stores = new Map<string, Map<string, string>>();
  readonly quota: DailyQuota;

  private constructor(json: PropertiesJSON) {
    for (const [scope, entries] of Object.entries(json.stores ?? {})) {
      this.stores.set(scope, new Map(Object.entries(entries).map(([k, v]) => [k, String(v)])));
    }
    this.quota = new DailyQuota(PROPERTY_LIMITS.readsWritesPerDay, json.quota);
  }

  static fromJSON(json: unknown): PropertiesStore {
    return new PropertiesStore(json && typeof json === 'object' ? (json as PropertiesJSON) : {});
  }

  toJSON(): PropertiesJSON {
    const stores: Record<string, Record<string, string>> = {};
    for (const [scope, entries] of this.stores) if (entries.size) stores[scope] = Object.fromEntries(entries);
    return { stores, quota: this.quota.toJSON() };
  }

  static scriptScope(project: ScriptProject): string {
    return scopeKey('script', project);
  }

  static userScope(project: ScriptProject, email: string): string {
    return scopeKey('user', project, email);
  }

  static documentScope(project: ScriptProject): string {
    return scopeKey('document', project);
  }

  static scopeOf(project: ScriptProject, kind: PropertyStoreKind, email?: string): string {
    if (kind === 'script') return PropertiesStore.scriptScope(project);
    if (kind === 'document') return PropertiesStore.documentScope(project);
    if (!email) throw new Error('user properties need the user e-mail');
    return PropertiesStore.userScope(project, email);
  }

  /** Direct, uncounted read (setup code, the sandbox, tests): what a deployment or an earlier session left there. */
  peek(project: ScriptProject, kind: PropertyStoreKind, key: string, email?: string): string | undefined {
    return this.stores.get(PropertiesStore.scopeOf(project, kind, email))?.get(key);
  }

  /** Direct, uncounted write, bypassing limits and quota (setup only; scripts go through the service). */
  poke(project: ScriptProject, kind: PropertyStoreKind, key: string, value: string, email?: string): void {
    this.scope(PropertiesStore.scopeOf(project, kind, email)).set(key, String(value));
  }

  /** A copy of one store's entries (uncounted: for tests and the sandbox). */
  entries(scope: string): Record<string, string> {
    return Object.fromEntries(this.stores.get(scope) ?? []);
  }

  /** Bytes a store uses, as the limits count them. */
  bytesUsed(scope: string): number {
    let total = 0;
    for (const [k, v] of this.stores.get(scope) ?? []) total += utf8(k) + utf8(v);
    return total;
  }

  /** @internal The live map of one store, for the service. */
  scope(scope: string): Map<string, string> {
    let s = this.stores.get(scope);
    if (!s) {
      s = new Map();
      this.stores.set(scope, s);
    }
    return s;
  }
}

function keyOf(key: unknown): string {
  if (key === null || key === undefined || String(key) === '') throw new GasException('Invalid argument: key');
  return String(key);
}

/** Values are strings; other values are stored as `String(value)`, as Apps Script does. `null` is refused. */
function valueOf(value: unknown): string {
  // UNVERIFIED: what Apps Script does with a null value; refusing it is the stricter choice.
  if (value === null || value === undefined) throw new GasException('Invalid argument: value');
  return String(value);
}

type PropertiesApi = Emulated<
  GoogleAppsScript.Properties.Properties,
  | 'getProperty'
  | 'setProperty'
  | 'setProperties'
  | 'getProperties'
  | 'deleteProperty'
  | 'deleteAllProperties'
  | 'getKeys'
>;

class Properties implements PropertiesApi {
  readonly #store: PropertiesStore;
  readonly #ctx: ServiceContext;
  readonly #scope: string;

  constructor(store: PropertiesStore, ctx: ServiceContext, scope: string) {
    this.#store = store;
    this.#ctx = ctx;
    this.#scope = scope;
  }

  /**
   * One counted round trip, charged to the daily read/write quota. `entries`, for the calls on many properties, counts
   * those they return or write (their price grows with them, latency.ts).
   */
  #call<T>(
    method: string,
    fn: (entries: Map<string, string>) => T,
    sent?: unknown,
    entries?: (result: T) => number,
  ): T {
    return this.#ctx.call(
      `PropertiesService.Properties.${method}`,
      () => {
        const now = this.#ctx.clock.now();
        if (!this.#store.quota.allows(now))
          throw new GasException('Service invoked too many times for one day: properties.');
        this.#store.quota.record(now);
        return fn(this.#store.scope(this.#scope));
      },
      { sent, units: entries && ((result) => ({ items: entries(result) })) },
    );
  }

  /** Applies `change` to a copy and commits it only if the store stays within Google's limits. */
  #write(entries: Map<string, string>, change: (draft: Map<string, string>) => void): void {
    const draft = new Map(entries);
    change(draft);
    let total = 0;
    for (const [k, v] of draft) {
      const bytes = utf8(k) + utf8(v);
      if (bytes > PROPERTY_LIMITS.entryBytes && entries.get(k) !== v)
        throw new GasException('Argument too large: value');
      total += bytes;
    }
    if (total > PROPERTY_LIMITS.storeBytes) throw new GasException(STORE_FULL);
    entries.clear();
    for (const [k, v] of draft) entries.set(k, v);
  }

  getProperty(key: string): string | null {
    const k = keyOf(key);
    return this.#call('getProperty', (entries) => entries.get(k) ?? null, k);
  }

  getProperties(): { [key: string]: string } {
    return this.#call(
      'getProperties',
      (entries) => Object.fromEntries(entries),
      undefined,
      (all) => Object.keys(all).length,
    );
  }

  getKeys(): string[] {
    return this.#call(
      'getKeys',
      (entries) => [...entries.keys()],
      undefined,
      (keys) => keys.length,
    );
  }

  setProperty(key: string, value: string): this {
    const k = keyOf(key);
    const v = valueOf(value);
    this.#call('setProperty', (entries) => this.#write(entries, (draft) => draft.set(k, v)), [k, v]);
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): this {
    if (!properties || typeof properties !== 'object') throw new GasException('Invalid argument: properties');
    const pairs = Object.entries(properties).map(([k, v]) => [keyOf(k), valueOf(v)] as const);
    this.#call(
      'setProperties',
      (entries) =>
        this.#write(entries, (draft) => {
          if (deleteAllOthers) draft.clear();
          for (const [k, v] of pairs) draft.set(k, v);
        }),
      pairs,
      () => pairs.length,
    );
    return this;
  }

  deleteProperty(key: string): this {
    const k = keyOf(key);
    this.#call('deleteProperty', (entries) => void entries.delete(k), k);
    return this;
  }

  deleteAllProperties(): this {
    this.#call('deleteAllProperties', (entries) => entries.clear());
    return this;
  }
}

type PropertiesServiceApi = Emulated<
  GoogleAppsScript.Properties.PropertiesService,
  'getScriptProperties' | 'getUserProperties' | 'getDocumentProperties'
>;

class PropertiesServiceEmulation implements PropertiesServiceApi {
  readonly #store: PropertiesStore;
  readonly #ctx: ServiceContext;
  readonly #project: ScriptProject;

  readonly #bound: boolean;

  constructor(store: PropertiesStore, ctx: ServiceContext, project: ScriptProject, bound: boolean) {
    this.#store = store;
    this.#ctx = ctx;
    this.#project = project;
    this.#bound = bound;
  }

  getScriptProperties(): Properties {
    return this.#open('script') as Properties;
  }

  getUserProperties(): Properties {
    return this.#open('user') as Properties;
  }

  /** Only a container-bound project has a document; the standalone Gmail add-on gets null. */
  getDocumentProperties(): Properties | null {
    return this.#open('document');
  }

  #open(kind: ScopeKind): Properties | null {
    const scope = scopeFor(kind, this.#project, this.#ctx.session.email, this.#bound);
    return scope === null ? null : new Properties(this.#store, this.#ctx, scope);
  }
}

export function createPropertiesService(
  store: PropertiesStore,
  ctx: ServiceContext,
  project: ScriptProject,
  /** Container-bound (has a document): only then getDocumentProperties/getDocumentCache answer. */
  bound = false,
): PropertiesServiceEmulation {
  return new PropertiesServiceEmulation(store, ctx, project, bound);
}
