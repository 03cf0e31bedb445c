// The boundary between the emulator (Node's realm) and the script's bare V8 context. Apps Script hands scripts
// native values: a Date from a cell is `instanceof Date` in the script, an array is a script array, data returned by a
// service is a copy the script cannot use to reach into the service. This membrane gives the same guarantees: plain
// data is copied into the script's realm, service objects are wrapped so every method call crosses back through here,
// and errors arrive as the script's own Error objects carrying Google's name, message and details.

export interface Realm {
  Date: DateConstructor;
  Object: ObjectConstructor;
  Array: ArrayConstructor;
  Error: ErrorConstructor;
}

function isPlainObject(v: object, objectProto: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto === objectProto;
}

export class Membrane {
  private readonly wrapped = new WeakMap<object, object>();
  private readonly unwrapped = new WeakMap<object, object>();

  constructor(private readonly realm: Realm) {}

  /** A host value as the script must see it. */
  inward(value: unknown): unknown {
    if (value === null || typeof value !== 'object') {
      return typeof value === 'function' ? this.wrapFunction(value as (...a: unknown[]) => unknown, undefined) : value;
    }
    if (this.unwrapped.has(value)) return value;
    if (value instanceof Date) return new this.realm.Date(value.getTime());
    if (Array.isArray(value)) {
      const out = new this.realm.Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.inward(value[i]);
      return out;
    }
    if (value instanceof Error) return this.inwardError(value);
    if (isPlainObject(value, Object.prototype)) {
      const out = new this.realm.Object() as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) out[k] = this.inward(v);
      return out;
    }
    return this.wrapService(value);
  }

  /** A script value as the emulator must see it. */
  outward(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    const target = this.unwrapped.get(value);
    if (target) return target;
    if (value instanceof this.realm.Date) return new Date(value.getTime());
    if (Array.isArray(value)) return value.map((v) => this.outward(v));
    if (isPlainObject(value, this.realm.Object.prototype)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.outward(v);
      return out;
    }
    if (value instanceof this.realm.Error) {
      const e = new Error((value as Error).message);
      e.name = (value as Error).name;
      e.stack = (value as Error).stack;
      return Object.assign(e, this.outward({ ...value }) as object);
    }
    return value;
  }

  inwardError(error: Error): Error {
    const e = new this.realm.Error(error.message);
    e.name = error.name;
    e.stack = `${error.name}: ${error.message}`;
    for (const [k, v] of Object.entries(error)) (e as unknown as Record<string, unknown>)[k] = this.inward(v);
    return e;
  }

  private wrapFunction(fn: (...a: unknown[]) => unknown, self: unknown): (...a: unknown[]) => unknown {
    // An arrow keeps the membrane as `this`; `self` is the service object the script called the method on.
    return (...args: unknown[]) => {
      let result: unknown;
      try {
        result = fn.apply(
          self,
          args.map((a) => this.outward(a)),
        );
      } catch (e) {
        throw e instanceof Error ? this.inwardError(e) : e;
      }
      return this.inward(result);
    };
  }

  private wrapService(target: object): object {
    const existing = this.wrapped.get(target);
    if (existing) return existing;
    const methods = new Map<PropertyKey, unknown>();
    const proxy = new Proxy(target, {
      get: (t, prop) => {
        const v = Reflect.get(t, prop, t);
        if (typeof v !== 'function') return typeof prop === 'symbol' ? v : this.inward(v);
        let m = methods.get(prop);
        if (!m) {
          m = this.wrapFunction(v as (...a: unknown[]) => unknown, t);
          methods.set(prop, m);
        }
        return m;
      },
      set: () => false,
      defineProperty: () => false,
      deleteProperty: () => false,
    });
    this.wrapped.set(target, proxy);
    this.unwrapped.set(proxy, target);
    return proxy;
  }
}
