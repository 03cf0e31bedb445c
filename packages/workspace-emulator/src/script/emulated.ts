// Typing helpers shared by the emulated script services and CalendarApp.
//
// An emulated class `implements Emulated<GoogleType, 'methodA' | 'methodB'>`: the method names and parameter types are
// Google's, so a typo or a signature drift fails the type check. Return types that are Google service objects are
// loosened to `object | null`, because our service objects only carry the subset of methods we emulate and can never
// be assignable to Google's full interfaces. Overloaded methods are checked against their last (widest) overload.

import { GasException } from '../errors';

type Fn = (...args: never[]) => unknown;

/** A Google interface whose members are all methods (a service object), as opposed to a plain data record. */
type IsServiceObject<R> = R extends object ? (R[keyof R] extends Fn ? true : false) : false;

export type Loosened<R> = R extends Date
  ? R
  : R extends readonly (infer E)[]
    ? Loosened<E>[]
    : IsServiceObject<R> extends true
      ? object | null
      : R;

export type Emulated<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R ? (...args: A) => Loosened<R> : T[P];
};

/**
 * An Apps Script enum as scripts see it: each member's value is an object-like constant whose string form is its
 * name (`String(CalendarApp.GuestStatus.YES) === 'YES'`). We use the names themselves, so `===` comparisons between a
 * value a service returned and the enum member hold, and logging shows the name, as in Apps Script.
 */
export function enumOf<E>(names: readonly string[]): E {
  const out: Record<string, string> = {};
  for (const n of names) out[n] = n;
  return Object.freeze(out) as unknown as E;
}

/** How Apps Script names an argument's type in a signature mismatch (`(String,number)`). */
function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (v instanceof Date) return 'Date';
  if (Array.isArray(v)) return 'Object[]';
  return 'Object';
}

/**
 * Apps Script's error when a built-in method gets arguments of the wrong types, e.g. "The parameters (String,String,
 * String) don't match the method signature for Utilities.formatDate." (wording from real executions, widely quoted).
 */
export function signatureMismatch(method: string, args: readonly unknown[]): GasException {
  // Optional arguments the script did not pass are not part of the signature it used.
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  const types = args.slice(0, n).map(typeName).join(',');
  return new GasException(`The parameters (${types}) don't match the method signature for ${method}.`);
}

/** The enum member a service returns, typed as Google's enum. */
export function member<E>(name: string): E {
  return name as unknown as E;
}
