// The subset of Drive's search grammar (files.list `q`) the emulator understands
// (https://developers.google.com/drive/api/guides/search-files , …/ref-search-terms):
//   '<folder id>' in parents        (also 'root')
//   name = '<x>'   name != '<x>'   name contains '<x>'
//   mimeType = '<x>'   mimeType != '<x>'
//   trashed = true|false   trashed != true|false
// joined by `and`. Strings are single-quoted; \' and \\ escape. What Google would reject is its 400 "Invalid Value"
// (location q); what Google accepts but the emulator does not model (or, not, parentheses, other terms) is refused
// as not emulated, also 400, so product code never relies on a query the emulator cannot check.
//
// `name contains` is prefix matching (the search-terms page: "The contains operator only performs prefix matching for
// a name term", e.g. HelloWorld matches 'Hello' but not 'World'): here a name matches when it, or one of its words
// (split at spaces and punctuation), starts with the value, ignoring case. UNVERIFIED: Google's word splitting and case.

import { driveError, SAY } from './wording';
import type { DriveFileRecord } from './store';

export type Term =
  | { kind: 'parent'; id: string }
  | { kind: 'name'; op: '=' | '!=' | 'contains'; value: string }
  | { kind: 'mimeType'; op: '=' | '!='; value: string }
  | { kind: 'trashed'; op: '=' | '!='; value: boolean };

type Token = { t: 'str'; v: string } | { t: 'word'; v: string } | { t: 'op'; v: string };

/** Words Google's grammar has that the emulator does not model (refused as not emulated, not as invalid). */
const GOOGLE_ONLY = new Set([
  'or',
  'not',
  'has',
  'fulltext',
  'modifiedtime',
  'createdtime',
  'viewedbymetime',
  'starred',
  'owners',
  'writers',
  'readers',
  'sharedwithme',
  'properties',
  'appproperties',
  'visibility',
  'shortcutdetails.targetid',
]);

function tokenize(api: string, q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const invalid = () => driveError(api, 400, SAY.invalidValue, 'invalid', 'q');
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= q.length) throw invalid();
        const d = q[i];
        if (d === '\\') {
          if (i + 1 >= q.length) throw invalid();
          v += q[i + 1];
          i += 2;
          continue;
        }
        if (d === "'") {
          i++;
          break;
        }
        v += d;
        i++;
      }
      out.push({ t: 'str', v });
      continue;
    }
    const op = /^(!=|<=|>=|=|<|>|\(|\)|\{|\})/.exec(q.slice(i));
    if (op) {
      out.push({ t: 'op', v: op[1] });
      i += op[1].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(q.slice(i));
    if (!word) throw invalid();
    out.push({ t: 'word', v: word[0] });
    i += word[0].length;
  }
  return out;
}

/** The terms of `q`, all of which a file must match. */
export function parseQuery(api: string, q: unknown): Term[] {
  if (q === undefined || q === null || String(q).trim() === '') return [];
  const tokens = tokenize(api, String(q));
  const invalid = () => driveError(api, 400, SAY.invalidValue, 'invalid', 'q');
  const unsupported = (what: string) => driveError(api, 400, SAY.notEmulated(`the query ${what}`), 'badRequest', 'q');
  for (const tok of tokens) {
    if (tok.t === 'op' && '(){}<>'.includes(tok.v[0])) throw unsupported(`"${tok.v}"`);
    if (tok.t === 'word' && GOOGLE_ONLY.has(tok.v.toLowerCase())) throw unsupported(`term ${tok.v}`);
  }
  const terms: Term[] = [];
  let i = 0;
  const next = () => tokens[i++];
  for (;;) {
    const a = next();
    const b = next();
    const c = next();
    if (!a || !b || !c) throw invalid();
    if (a.t === 'str' && b.t === 'word' && b.v === 'in' && c.t === 'word' && c.v === 'parents')
      terms.push({ kind: 'parent', id: a.v });
    else if (a.t === 'word' && a.v === 'name' && c.t === 'str') {
      const op =
        b.v === 'contains' && b.t === 'word' ? 'contains' : b.t === 'op' && (b.v === '=' || b.v === '!=') ? b.v : '';
      if (!op) throw invalid();
      terms.push({ kind: 'name', op, value: c.v });
    } else if (a.t === 'word' && a.v === 'mimeType' && c.t === 'str' && b.t === 'op' && (b.v === '=' || b.v === '!='))
      terms.push({ kind: 'mimeType', op: b.v, value: c.v });
    else if (
      a.t === 'word' &&
      a.v === 'trashed' &&
      b.t === 'op' &&
      (b.v === '=' || b.v === '!=') &&
      c.t === 'word' &&
      (c.v === 'true' || c.v === 'false')
    )
      terms.push({ kind: 'trashed', op: b.v, value: c.v === 'true' });
    else throw invalid();
    const joint = next();
    if (!joint) return terms;
    if (!(joint.t === 'word' && joint.v.toLowerCase() === 'and')) throw invalid();
  }
}

function nameContains(name: string, value: string): boolean {
  const v = value.toLowerCase();
  const n = name.toLowerCase();
  return n.startsWith(v) || n.split(/[\s\-_.,;:()[\]{}'"/\\]+/).some((w) => w.startsWith(v));
}

/** Whether `f` matches every term; `rootId` is what 'root' names. */
export function matches(f: DriveFileRecord, terms: readonly Term[], rootId: string): boolean {
  return terms.every((t) => {
    switch (t.kind) {
      case 'parent':
        return f.parents.includes(t.id === 'root' ? rootId : t.id);
      case 'name':
        return t.op === 'contains' ? nameContains(f.name, t.value) : (f.name === t.value) === (t.op === '=');
      case 'mimeType':
        return (f.mimeType === t.value) === (t.op === '=');
      case 'trashed':
        return (f.trashed === t.value) === (t.op === '=');
    }
  });
}
