// Deterministic content hashes (no clock, no randomness): the same client data always gives the same key, in the
// browser, in Node and in Apps Script.

/** Two independent 32-bit FNV-1a lanes over UTF-16 code units → 16 hex digits. */
export function stableHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193);
  }
  return hex8(a) + hex8(b);
}

const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));

/** `(n >>> 0).toString(16).padStart(8, '0')`, built in one piece (radix conversion is slow on 25,000 rows). */
export function hex8(n: number): string {
  return String.fromCharCode(
    HEX_CODES[(n >>> 28) & 15],
    HEX_CODES[(n >>> 24) & 15],
    HEX_CODES[(n >>> 20) & 15],
    HEX_CODES[(n >>> 16) & 15],
    HEX_CODES[(n >>> 12) & 15],
    HEX_CODES[(n >>> 8) & 15],
    HEX_CODES[(n >>> 4) & 15],
    HEX_CODES[n & 15],
  );
}

/**
 * crm.rowHash of a normalised row: stableHash's two lanes over the row's person and labels, walked in place. The
 * normaliser builds a person the same way, key by key, for the same row, so key order needs no sorting, and nothing
 * is serialised: on 25,000 rows a JSON text per row was most of what this cost. Strings go in with their length
 * first, so no value can pass for a piece of structure. Nothing compares this hash with one made elsewhere: the plan
 * stamps the contacts it creates with its own content fingerprint (plan/keys.ts contentFingerprint).
 */
export function rowHash(person: unknown, labels: string[]): string {
  laneA = 0x811c9dc5;
  laneB = 0x01000193 ^ 0x5bd1e995;
  position = 0;
  feed(person);
  feed(labels);
  return hex8(laneA) + hex8(laneB);
}

// One walk runs at a time (it is synchronous and not re-entered), so its state lives here, not in an object per row.
let laneA = 0;
let laneB = 0;
let position = 0;

function feedCode(c: number): void {
  laneA = Math.imul(laneA ^ c, 0x01000193);
  laneB = Math.imul(laneB ^ c ^ (position & 0xff), 0x01000193);
  position++;
}

function feedString(s: string): void {
  feedCode(0x22);
  feedCode(s.length & 0xffff);
  feedCode(s.length >>> 16);
  let a = laneA;
  let b = laneB;
  let i = position;
  for (let k = 0; k < s.length; k++, i++) {
    const c = s.charCodeAt(k);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193);
  }
  laneA = a;
  laneB = b;
  position = i;
}

function feed(v: unknown): void {
  if (typeof v === 'string') {
    feedString(v);
  } else if (Array.isArray(v)) {
    feedCode(0x5b);
    for (let k = 0; k < v.length; k++) feed(v[k]);
    feedCode(0x5d);
  } else if (v !== null && typeof v === 'object') {
    feedCode(0x7b);
    const o = v as Record<string, unknown>;
    // Plain objects of the normaliser's making: every enumerable key is their own.
    for (const k in o) {
      const item = o[k];
      if (item === undefined) continue;
      feedString(k);
      feed(item);
    }
    feedCode(0x7d);
  } else {
    // numbers (dates), booleans, null
    feedCode(0x23);
    feedString(String(v));
  }
}
