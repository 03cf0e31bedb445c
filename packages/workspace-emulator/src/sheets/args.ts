// How a Sheets advanced-service call's arguments reach Google: `optionalArgs` become query parameters (an unknown one
// is refused, so a typo like `range` for `ranges` fails as it would) and a `resource` becomes the JSON body.

import { HTTP } from '../errors';
import { SAY } from './wording';

export type Args = Record<string, unknown>;

export const isObject = (v: unknown): v is Args => typeof v === 'object' && v !== null && !Array.isArray(v);

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The query parameters of a call, checked as every REST advanced service checks them (people/args.ts). */
export { queryArgs } from '../people/args';

/** An enum query parameter checked against its values; absent gives the default. */
export function enumArg<T extends string>(api: string, name: string, value: unknown, values: readonly T[], def: T): T {
  if (value === undefined) return def;
  if (!values.includes(value as T)) throw HTTP.badRequest(api, SAY.badEnum(snake(name), String(value)));
  return value as T;
}

/** A repeated query parameter: a list, or a single value (a query string may carry one). */
export function listArg(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
