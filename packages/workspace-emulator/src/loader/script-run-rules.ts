// google.script.run's rules for what may cross between a sidebar and the server, shared by the sandbox's browser shim
// (arguments, checked before anything is sent) and the sandbox API (arguments copied in, results checked and copied
// out). Runs in the browser too, so it imports only plain modules (the limits and the JSON size walk).
//
// The documented rules (https://developers.google.com/apps-script/guides/html/reference/run , "Parameters"): legal
// values are primitives (Number, Boolean, String, null) and objects and arrays made of them; a form element is legal
// only as the function's only parameter. "Requests fail if you attempt to pass a Date, Function, DOM element besides a
// form, or other prohibited type, including prohibited types inside objects or arrays. Objects that create circular
// references will also fail, and undefined fields within arrays become null."
//
// Wording: Google's client throws a TypeError "Failed due to illegal value in property: <key>" naming only the last
// property on the way to the bad value ("0" for the first argument), and "Failed due to circular reference." Both
// strings are in Google's own client code and in many public reports (e.g. "Failed due to illegal value in property:
// data"). Our errors carry that exact message plus `path`, the whole way to the value (`args[0].when`), because the
// last key alone rarely tells which value it was.
//
// Values are checked realm-independently (tags and prototypes, not instanceof): results come from the script's own
// V8 context and arguments may be DOM objects.
//
// Size: the JSON of one call's arguments and of a return value are capped (limits.ts, scriptRunArgumentBytes and
// scriptRunResultBytes). Google publishes no figure and no sentence: both are UNVERIFIED, the figure low on purpose.

import { PAYLOAD_LIMITS } from '../limits';
import { jsonBytes } from '../wire-size';

export class ScriptRunValueError extends TypeError {
  /** Where the offending value sits, e.g. `args[0].when` or `result.rows[3].date`. */
  readonly path: string;

  constructor(message: string, path: string) {
    super(message);
    this.name = 'TypeError';
    this.path = path;
  }
}

type Bad = { path: string; key: string; what: string } | { path: string; circular: true };

const tagOf = (v: object): string => Object.prototype.toString.call(v).slice(8, -1);

/** A plain object from any realm: `{}`-created or null-prototype. */
function isPlainObject(v: object): boolean {
  if (tagOf(v) !== 'Object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function isDomNode(v: object): v is { nodeType: number; nodeName: string } {
  const n = v as { nodeType?: unknown; nodeName?: unknown };
  return typeof n.nodeType === 'number' && typeof n.nodeName === 'string';
}

function isForm(v: unknown): v is FormLike {
  return !!v && typeof v === 'object' && isDomNode(v) && v.nodeType === 1 && v.nodeName.toUpperCase() === 'FORM';
}

function describe(v: unknown): string {
  if (typeof v === 'function') return 'a Function';
  if (typeof v === 'symbol') return 'a Symbol';
  if (typeof v === 'bigint') return 'a BigInt';
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object') {
    if (isDomNode(v)) return `a DOM ${v.nodeName} element`;
    return `a ${tagOf(v) === 'Object' ? (Object.getPrototypeOf(v)?.constructor?.name ?? 'Object') : tagOf(v)}`;
  }
  return String(v);
}

const child = (path: string, key: string | number): string =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? `${path}.${key}`
      : `${path}[${JSON.stringify(key)}]`;

/** The first value google.script.run refuses inside `value`, depth first. */
function findBad(value: unknown, path: string, key: string, seen: object[]): Bad | undefined {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean')
    return undefined;
  if (typeof value === 'number') {
    // UNVERIFIED: what Google does with NaN and ±Infinity (JSON would quietly make them null); refused so it shows.
    return Number.isFinite(value) ? undefined : { path, key, what: describe(value) };
  }
  if (typeof value !== 'object') return { path, key, what: describe(value) };
  if (seen.includes(value)) return { path, circular: true };
  const isArray = Array.isArray(value);
  if (isDomNode(value) || (!isArray && !isPlainObject(value))) return { path, key, what: describe(value) };
  seen.push(value);
  try {
    if (isArray) {
      for (let i = 0; i < value.length; i++) {
        const bad = findBad(value[i], child(path, i), String(i), seen);
        if (bad) return bad;
      }
    } else {
      for (const [k, v] of Object.entries(value)) {
        const bad = findBad(v, child(path, k), k, seen);
        if (bad) return bad;
      }
    }
  } finally {
    seen.pop();
  }
  return undefined;
}

function argumentError(bad: Bad): ScriptRunValueError {
  if ('circular' in bad) return new ScriptRunValueError('Failed due to circular reference.', bad.path);
  return new ScriptRunValueError(`Failed due to illegal value in property: ${bad.key}`, bad.path);
}

/** Refuses a call whose arguments (`which` = 'args') or return value ('result') are too big to carry. */
export function checkScriptRunSize(value: unknown, which: 'args' | 'result'): void {
  const limit = which === 'args' ? PAYLOAD_LIMITS.scriptRunArgumentBytes : PAYLOAD_LIMITS.scriptRunResultBytes;
  const bytes = jsonBytes(value);
  if (bytes <= limit.value) return;
  const what = which === 'args' ? 'arguments' : 'return value';
  throw new ScriptRunValueError(
    `google.script.run cannot carry ${bytes} bytes of ${what}; the emulator allows ${limit.value} (page or chunk it).`,
    which,
  );
}

/**
 * What a sidebar may pass to `google.script.run.fn(...args)`. Throws at the call, as Google's client does, before
 * anything is sent.
 */
export function checkScriptRunArgs(args: unknown[]): void {
  args.forEach((arg, i) => {
    if (isForm(arg)) {
      if (args.length !== 1) throw argumentError({ path: `args[${i}]`, key: String(i), what: 'a form element' });
      return;
    }
    const bad = findBad(arg, `args[${i}]`, String(i), []);
    if (bad) throw argumentError(bad);
  });
  checkScriptRunSize(
    args.filter((a) => !isForm(a)),
    'args',
  );
}

/**
 * What a server function may return to a success handler. The same types are legal as for arguments, and a form is
 * not. Google does not document what happens to an illegal return value; it is community-reported that the success
 * handler then receives null instead of the value (UNVERIFIED). The emulator fails the call instead, naming the path,
 * so the bug cannot pass silently as "no data".
 */
export function checkScriptRunResult(value: unknown): void {
  const bad = findBad(value, 'result', '', []);
  if (!bad) return checkScriptRunSize(value, 'result');
  if ('circular' in bad) {
    throw new ScriptRunValueError(
      `google.script.run cannot return ${bad.path}: it refers back to itself (circular reference).`,
      bad.path,
    );
  }
  throw new ScriptRunValueError(
    `google.script.run cannot return ${bad.what} (at ${bad.path}); Apps Script would hand the success handler null. ` +
      'Return primitives, arrays and plain objects only (e.g. dates as ISO strings or epoch ms).',
    bad.path,
  );
}

interface FormLike {
  nodeName: string;
  nodeType: number;
  elements: ArrayLike<{
    name?: string;
    value?: string;
    type?: string;
    checked?: boolean;
    disabled?: boolean;
    files?: unknown;
  }>;
}

/**
 * A form element as the server receives it: "an object with the form field names as keys and the field values as
 * values", all strings (guides/html/communication, "Forms"). File inputs would arrive as Blobs, which the sandbox
 * cannot carry: refused. UNVERIFIED: how Google joins several fields of the same name; we keep them all, as an array.
 */
function formToObject(form: FormLike, path: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (let i = 0; i < form.elements.length; i++) {
    const field = form.elements[i];
    if (!field.name || field.disabled) continue;
    const type = String(field.type ?? '').toLowerCase();
    if ((type === 'checkbox' || type === 'radio') && !field.checked) continue;
    if (type === 'file')
      throw new ScriptRunValueError(`Failed due to illegal value in property: ${field.name}`, child(path, field.name));
    if (type === 'submit' || type === 'button' || type === 'reset') continue;
    const value = String(field.value ?? '');
    const prior = out[field.name];
    out[field.name] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return out;
}

function copy(value: unknown, path: string, key: string, seen: object[]): unknown {
  if (value === null || typeof value !== 'object') {
    const bad = findBad(value, path, key, []);
    if (bad) throw argumentError(bad);
    return value;
  }
  if (isForm(value)) return formToObject(value, path);
  if (seen.includes(value)) throw argumentError({ path, circular: true });
  if (isDomNode(value) || (!Array.isArray(value) && !isPlainObject(value)))
    throw argumentError({ path, key, what: describe(value) });
  seen.push(value);
  try {
    if (Array.isArray(value))
      return value.map((v, i) => (v === undefined ? null : copy(v, child(path, i), String(i), seen)));
    const out: Record<string, unknown> = {};
    // UNVERIFIED: undefined object fields are dropped, as JSON does; only the array case is documented (→ null).
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = copy(v, child(path, k), k, seen);
    return out;
  } finally {
    seen.pop();
  }
}

/**
 * The copy the other side receives: "an object passed to the server becomes a copy of the original", undefined inside
 * arrays becomes null, a form becomes a plain object of its fields. Throws as `checkScriptRunArgs` does on anything
 * illegal.
 */
export function copyForScriptRun(value: unknown): unknown {
  return copy(value, Array.isArray(value) ? 'args' : 'value', '0', []);
}
