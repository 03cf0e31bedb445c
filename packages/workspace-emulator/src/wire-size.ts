// How many bytes a service call moves over the wire, measured as the UTF-8 size of the JSON the values would take.
// Google's services speak JSON (People, the Sheets values API behind Range.getValues) or something of that order, so
// it is a fair measure of what a call costs in transfer, and it is what the issue budgets ("under 2 MB moved").
//
// Computed by walking the value, never by JSON.stringify: a 100,000-row getValues must not build a 10 MB string just
// to be measured. Equal to Buffer.byteLength(JSON.stringify(v)) for plain data, escapes included (a cached card is a
// JSON string inside JSON: its quotes count twice), except lone surrogates. Service objects (a Range, a
// CalendarEvent) are handles, not data: they count 0, and the service reports what they carry itself.

/** UTF-8 length of a JS string (surrogate pairs are 4 bytes). */
export function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      // A pair: 2 UTF-16 units, 4 bytes.
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

/** The UTF-8 size of a string as a JSON string literal, quotes and escapes included, in one pass. */
function jsonStringBytes(s: string): number {
  let n = s.length + 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 34 && c !== 92) continue;
      // \" \\ \b \t \n \f \r take one extra byte; other control characters become \u00XX (5 extra).
      n += c === 34 || c === 92 || c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 1 : 5;
    } else if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The UTF-8 size of `JSON.stringify(value)` (see above for what it leaves out); 0 for undefined and handles. */
export function jsonBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return jsonStringBytes(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'bigint':
      return String(value).length;
    case 'object':
      break;
    default:
      return 0;
  }
  if (value === null) return 4;
  if (value instanceof Date) return 26; // "2026-03-02T06:00:00.000Z"
  if (value instanceof Uint8Array) return value.length;
  if (Array.isArray(value)) {
    let n = 2 + Math.max(0, value.length - 1);
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      n += v === undefined || typeof v === 'function' ? 4 : jsonBytes(v);
    }
    return n;
  }
  if (!isPlain(value)) return 0;
  let n = 2;
  let first = true;
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    n += (first ? 0 : 1) + jsonStringBytes(k) + 1 + jsonBytes(v);
    first = false;
  }
  return n;
}
