// A journalled change as a Journal sheet row and back (sheets-templates/journal.json). Every cell is text; the states
// are JSON. A cell holds at most 50,000 characters (Sheets' limit): a state too big for it keeps the fields that fit,
// the biggest left out and named under "omitted" — the row is written whole, never refused, and a revert of it leaves
// the omitted fields as they are (they are taken out of `fields` when read back).

import { SHEET_CELL_LIMIT } from '../import/plan/checkpoint';
import type { ChangeAction, ChangeSource, ContactChange, ContactState } from './types';

export const JOURNAL_COLUMNS = [
  'id',
  'at',
  'actor',
  'source',
  'action',
  'resourceName',
  'client',
  'fields',
  'before',
  'after',
  'revertOf',
] as const;

type Stored = ContactState & { omitted?: string[] };

/** The state's JSON within `limit` characters: whole when it fits, else without its biggest fields. */
export function stateCell(state: ContactState | undefined, limit = SHEET_CELL_LIMIT): string {
  if (!state) return '';
  const whole = JSON.stringify(state);
  if (whole.length <= limit) return whole;
  const person = { ...(state.person as Record<string, unknown>) };
  const sizes = Object.keys(person)
    .map((f) => ({ f, size: JSON.stringify(person[f]).length }))
    .sort((a, b) => b.size - a.size);
  const omitted: string[] = [];
  for (const { f } of sizes) {
    delete person[f];
    omitted.push(f);
    const text = JSON.stringify({ ...state, person, omitted } satisfies Stored);
    if (text.length <= limit) return text;
  }
  // Labels alone over the limit: thousands of labels on one contact; keep none rather than fail.
  return JSON.stringify({ person: {}, omitted: [...omitted, 'memberships'] } satisfies Stored);
}

/** The row's cells by column key. */
export function changeRow(
  change: ContactChange,
  limit = SHEET_CELL_LIMIT,
): Record<(typeof JOURNAL_COLUMNS)[number], string> {
  return {
    id: change.id,
    at: change.at,
    actor: change.actor,
    source: change.source,
    action: change.action,
    resourceName: change.resourceName,
    client: change.client.slice(0, limit),
    fields: change.fields.join(','),
    before: stateCell(change.before, limit),
    after: stateCell(change.after, limit),
    revertOf: change.revertOf ?? '',
  };
}

function parseState(text: string): Stored | undefined {
  if (!text.trim()) return undefined;
  try {
    const parsed = JSON.parse(text) as Stored;
    return parsed && typeof parsed === 'object' ? { ...parsed, person: parsed.person ?? {} } : undefined;
  } catch {
    return undefined;
  }
}

/** A row read back (undefined when it is not one: a blank id). */
export function changeOfRow(values: Record<string, unknown>): ContactChange | undefined {
  const s = (k: string) => String(values[k] ?? '').trim();
  if (!s('id')) return undefined;
  const before = parseState(String(values.before ?? ''));
  const after = parseState(String(values.after ?? ''));
  const omitted = new Set([...(before?.omitted ?? []), ...(after?.omitted ?? [])]);
  const clean = (st: Stored | undefined): ContactState | undefined => {
    if (!st) return undefined;
    const { omitted: _o, ...rest } = st;
    return rest;
  };
  const change: ContactChange = {
    id: s('id'),
    at: s('at'),
    actor: s('actor'),
    source: s('source') as ChangeSource,
    action: s('action') as ChangeAction,
    resourceName: s('resourceName'),
    client: String(values.client ?? ''),
    fields: s('fields')
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f && !omitted.has(f)),
  };
  const b = clean(before);
  const a = clean(after);
  if (b) change.before = b;
  if (a) change.after = a;
  if (s('revertOf')) change.revertOf = s('revertOf');
  return change;
}
