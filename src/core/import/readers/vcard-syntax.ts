// The text layer of vCard 2.1 (1996), 3.0 (RFC 2426) and 4.0 (RFC 6350): physical lines → logical lines →
// properties `[group.]NAME;PARAM=VALUE;BARE:value`, and value decoding (QUOTED-PRINTABLE with its CHARSET, escapes).
// Written for what phones and mail programs really produce: 2.1 QUOTED-PRINTABLE soft line breaks ("=" at the end of
// a line, the next line not indented), base64 photos whose lines are not indented, AOSP's backslash-newline addresses.

import { canonicalEncoding, decodeText, decodeWith } from './text-decoding';

export interface LogicalLine {
  /** 1-based physical line the logical line starts on. */
  line: number;
  text: string;
}

export interface VProperty {
  line: number;
  group?: string;
  /** Upper-cased property name (`TEL`, `X-ABLABEL`). */
  name: string;
  /** Upper-cased parameter names → their values (quotes removed, comma lists split). */
  params: Map<string, string[]>;
  /** Lower-cased TYPE values, including 2.1's bare parameters (`TEL;CELL;PREF`). */
  types: string[];
  encoding?: 'quoted-printable' | 'base64';
  /** The value as written (unfolded, still encoded and escaped). */
  raw: string;
}

const BARE_ENCODINGS: Record<string, VProperty['encoding'] | null> = {
  'QUOTED-PRINTABLE': 'quoted-printable',
  BASE64: 'base64',
  B: 'base64',
  '8BIT': null,
  '7BIT': null,
};

/** Index of the first `ch` outside double quotes, or -1. */
function indexOutsideQuotes(text: string, ch: string, from = 0): number {
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) return i;
  }
  return -1;
}

function splitOutsideQuotes(text: string, ch: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (;;) {
    const at = indexOutsideQuotes(text, ch, start);
    if (at < 0) break;
    out.push(text.slice(start, at));
    start = at + 1;
  }
  out.push(text.slice(start));
  return out;
}

function headOf(text: string): string {
  const colon = indexOutsideQuotes(text, ':');
  return colon < 0 ? text : text.slice(0, colon);
}

// `NAME:`, `NAME;`, `group.NAME:` — anything else that is not indented continues the line before.
const PROPERTY_START = /^\s*[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\s*[;:]/;
const QP_HEAD = /;\s*(ENCODING\s*=\s*)?QUOTED-PRINTABLE\s*(;|$)/i;
const B64_HEAD = /;\s*(ENCODING\s*=\s*)?(B|BASE64)\s*(;|$)/i;

/** Unfolds physical lines into logical ones, keeping the line number each starts on. */
export function logicalLines(text: string): LogicalLine[] {
  const physical = text.split(/\r\n|\n|\r/);
  const out: LogicalLine[] = [];
  let current: LogicalLine | undefined;
  let qp = false;
  let b64 = false;
  const start = (line: number, t: string) => {
    current = { line, text: t };
    out.push(current);
    const head = headOf(t);
    qp = QP_HEAD.test(head);
    b64 = B64_HEAD.test(head);
  };
  for (let i = 0; i < physical.length; i++) {
    const p = physical[i];
    if (current && qp && current.text.endsWith('=') && !/^\s*END\s*:/i.test(p)) {
      // A QUOTED-PRINTABLE soft line break: the value goes on, whatever the next line starts with.
      current.text = current.text.slice(0, -1) + p;
      continue;
    }
    if (p === '') {
      current = undefined; // a blank line ends a 2.1 base64 value; elsewhere it means nothing
      continue;
    }
    if (current && (p[0] === ' ' || p[0] === '\t')) {
      current.text += b64 ? p.trim() : p.slice(1);
      continue;
    }
    if (current && !PROPERTY_START.test(p)) {
      // Not a property: base64 lines a 2.1 writer did not indent, or text AOSP broke with a backslash-newline.
      if (b64) current.text += p.trim();
      else current.text = (current.text.endsWith('\\') ? current.text.slice(0, -1) : current.text) + '\n' + p;
      continue;
    }
    start(i + 1, p);
  }
  return out;
}

/** Parses a logical line, or returns undefined for a line that is no property. */
export function parseProperty(l: LogicalLine): VProperty | undefined {
  const colon = indexOutsideQuotes(l.text, ':');
  if (colon <= 0) return undefined;
  const parts = splitOutsideQuotes(l.text.slice(0, colon), ';');
  const fullName = parts[0].trim();
  const dot = fullName.lastIndexOf('.');
  const name = (dot >= 0 ? fullName.slice(dot + 1) : fullName).toUpperCase();
  if (!name) return undefined;
  const params = new Map<string, string[]>();
  const types: string[] = [];
  let encoding: VProperty['encoding'];
  for (const part of parts.slice(1)) {
    const p = part.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    if (eq < 0) {
      const upper = p.toUpperCase();
      if (upper in BARE_ENCODINGS) encoding = BARE_ENCODINGS[upper] ?? encoding;
      else types.push(p.toLowerCase());
      continue;
    }
    const key = p.slice(0, eq).trim().toUpperCase();
    const values = splitOutsideQuotes(p.slice(eq + 1), ',').map((v) => v.trim().replace(/^"(.*)"$/s, '$1'));
    if (key === 'TYPE') {
      // TYPE="voice,home" (4.0) is a list too
      for (const v of values) for (const t of v.split(',')) if (t.trim()) types.push(t.trim().toLowerCase());
    } else if (key === 'ENCODING') {
      const e = values[0]?.toUpperCase();
      if (e === 'QUOTED-PRINTABLE') encoding = 'quoted-printable';
      else if (e === 'B' || e === 'BASE64') encoding = 'base64';
    }
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return {
    line: l.line,
    group: dot >= 0 ? fullName.slice(0, dot).toLowerCase() : undefined,
    name,
    params,
    types,
    encoding,
    raw: l.text.slice(colon + 1),
  };
}

function utf8Bytes(ch: number, out: number[]): void {
  if (ch < 0x800) out.push(0xc0 | (ch >> 6), 0x80 | (ch & 63));
  else out.push(0xe0 | (ch >> 12), 0x80 | ((ch >> 6) & 63), 0x80 | (ch & 63));
}

/** QUOTED-PRINTABLE → bytes (soft line breaks are already gone). */
export function quotedPrintableBytes(raw: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) {
      out.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) out.push(c);
    else utf8Bytes(c, out);
  }
  return Uint8Array.from(out);
}

/** The property's text with its transfer encoding undone; base64 values are not decoded (photos are dropped). */
export function decodedValue(p: VProperty): string {
  if (p.encoding !== 'quoted-printable') return p.raw;
  const bytes = quotedPrintableBytes(p.raw);
  const charset = p.params.get('CHARSET')?.[0];
  const known = charset ? canonicalEncoding(charset) : undefined;
  // Without a (known) CHARSET, the bytes tell: phones write UTF-8, old Windows programs their ANSI code page.
  const text = known ? decodeWith(bytes, known) : (decodeText(bytes)?.text ?? '');
  return text.replace(/\r\n?/g, '\n'); // =0D=0A is a line break like any other
}

/** Splits on a separator not preceded by a backslash escape; the pieces keep their escapes. */
export function splitEscaped(text: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      cur += c + text[i + 1];
      i++;
    } else if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Undoes vCard text escapes: \\ \; \, \: and \n (a line break). Other backslashes stay as written. */
export function unescapeText(text: string): string {
  if (text.indexOf('\\') < 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const n = text[i + 1];
    if (n === 'n' || n === 'N') out += '\n';
    else if (n === '\\' || n === ';' || n === ',' || n === ':') out += n;
    else {
      out += c;
      continue;
    }
    i++;
  }
  return out;
}
