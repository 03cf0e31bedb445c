// HtmlTemplate scriptlets (https://developers.google.com/apps-script/guides/html/templates): `<? code ?>` runs code,
// `<?= expr ?>` prints escaped, `<?!= expr ?>` prints raw.
//
// What is emulated: scriptlets see the template's own properties and a few language built-ins (JSON, Math, String…).
// What is not: the script project's global functions (a common `include('css')` pattern), because the template runs
// in the emulator's realm, not the script's; such a name fails loudly with a ReferenceError saying so. Google escapes
// `<?= ?>` contextually (HTML text, attribute, script); we always escape for HTML, which is the strictest of the three
// for text and attributes. Product code serves static HTML and loads its data through google.script.run, so this is
// a convenience for tests, not a path the project relies on.

/** Text as HTML that shows it literally, safe in element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const BUILT_INS: Record<string, unknown> = {
  JSON,
  Math,
  String,
  Number,
  Boolean,
  Array,
  Object,
  Date,
  encodeURIComponent,
  parseInt,
  parseFloat,
  isNaN,
};

type Part = { kind: 'text' | 'code' | 'print' | 'raw'; text: string };

function parse(source: string): Part[] {
  const parts: Part[] = [];
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let at = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index > at) parts.push({ kind: 'text', text: source.slice(at, m.index) });
    parts.push({ kind: m[1] === '=' ? 'print' : m[1] === '!=' ? 'raw' : 'code', text: m[2] });
    at = re.lastIndex;
  }
  if (at < source.length) parts.push({ kind: 'text', text: source.slice(at) });
  return parts;
}

const show = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

export function evaluateTemplate(source: string, vars: Record<string, unknown>): string {
  const body = parse(source)
    .map((p) => {
      if (p.kind === 'text') return `__out.push(${JSON.stringify(p.text)});`;
      if (p.kind === 'print') return `__out.push(__esc(${p.text}));`;
      if (p.kind === 'raw') return `__out.push(__raw(${p.text}));`;
      return `${p.text}\n`;
    })
    .join('\n');
  const scope = new Proxy(vars, {
    has: (_t, name) => typeof name === 'string' && !name.startsWith('__'),
    get: (t, name) => {
      if (name === Symbol.unscopables || typeof name !== 'string') return undefined;
      if (Object.prototype.hasOwnProperty.call(t, name)) return t[name];
      if (Object.prototype.hasOwnProperty.call(BUILT_INS, name)) return BUILT_INS[name];
      throw new ReferenceError(
        `${name} is not defined (the emulated HtmlTemplate only sees the template's own properties, not the script's globals)`,
      );
    },
    set: (t, name, value) => {
      if (typeof name === 'string') t[name] = value;
      return true;
    },
  });
  const out: string[] = [];
  // Sloppy-mode Function on purpose: `with` is what gives scriptlets the template's properties as plain names.
  const run = new Function('__scope', '__out', '__esc', '__raw', `with (__scope) {\n${body}\n}`) as (
    ...a: unknown[]
  ) => void;
  run(scope, out, (v: unknown) => escapeHtml(show(v)), show);
  return out.join('');
}
