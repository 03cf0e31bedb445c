// How an advanced-service call's arguments reach Google: `optionalArgs` become query parameters (an unknown one is
// rejected, so a typo like `personField` fails as it would in Apps Script) and `resource` becomes the JSON body.

import { HTTP } from '../errors';
import { SAY } from './wording';

export type Args = Record<string, unknown>;

const isObject = (v: unknown): v is Args => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The query parameters of a call; undefined values are not sent (Apps Script drops them). */
export function queryArgs(api: string, value: unknown, allowed: readonly string[]): Args {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw HTTP.badRequest(api, SAY.unknownParam(String(value)));
  const out: Args = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === null) continue;
    if (!allowed.includes(k)) throw HTTP.badRequest(api, SAY.unknownParam(k));
    out[k] = v;
  }
  return out;
}

/** A JSON request body; `at` names where an unknown field sits, as Google's message does. */
export function bodyArgs(
  api: string,
  value: unknown,
  allowed: readonly string[],
  ignored: readonly string[] = [],
  at?: string,
): Args {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw HTTP.badRequest(api, SAY.unknownField(String(value), at));
  const out: Args = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === null || ignored.includes(k)) continue;
    if (!allowed.includes(k)) throw HTTP.badRequest(api, SAY.unknownField(k, at));
    out[k] = v;
  }
  return out;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** An int32 parameter: a number or a numeric string, as a query string carries it. */
export function intArg(api: string, name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n)) throw HTTP.badRequest(api, SAY.badEnum(snake(name), 'TYPE_INT32', String(value)));
  return n;
}

export function boolArg(api: string, name: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw HTTP.badRequest(api, SAY.badEnum(snake(name), 'TYPE_BOOL', String(value)));
}

export function stringArg(value: unknown): string | undefined {
  return value === undefined || value === '' ? undefined : String(value);
}

/** A repeated parameter: a list, or a single value (a query string may carry one). */
export function listArg(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => String(v));
}

/** An enum parameter checked against its values; `type` is the proto enum Google names in the error. */
export function enumArg<T extends string>(
  api: string,
  name: string,
  value: unknown,
  values: readonly T[],
  type: string,
): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (!values.includes(value as T)) throw HTTP.badRequest(api, SAY.badEnum(snake(name), type, String(value)));
  return value as T;
}

/** Page size within Google's documented range; 0 or absent means the method's default. */
export function pageSizeArg(api: string, value: unknown, def: number, max: number): number {
  const n = intArg(api, 'pageSize', value);
  if (n === undefined || n === 0) return def;
  if (n < 1 || n > max) throw HTTP.badRequest(api, SAY.pageSize(max));
  return n;
}
