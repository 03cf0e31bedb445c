// The product's one hash: FNV-1a over UTF-16 code units, run as two 32-bit lanes with different offsets for 64 bits.
// Deterministic (no clock, no randomness) and pure, so the browser, Node and Apps Script agree without
// Utilities.computeDigest. It tells contents apart; it is never a security boundary.
// Stored values depend on it — crm.rowHash on created contacts, the import journal's fingerprints, the keys of
// remembered mappings, the card index's buckets — so its lanes must not change.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** The second lane starts elsewhere and folds its high bits back in, so the two lanes do not move together. */
const SECOND_OFFSET = FNV_PRIME ^ 0x5bd1e995;

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

/** The hash fed in pieces: feeding the parts of a text gives the hash of the whole text. */
export class Hash64 {
  private a = FNV_OFFSET;
  private b = SECOND_OFFSET;

  code(c: number): void {
    this.a = Math.imul(this.a ^ c, FNV_PRIME);
    this.b = Math.imul(this.b ^ c, FNV_PRIME) ^ (this.b >>> 15);
  }

  text(s: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, FNV_PRIME);
      b = Math.imul(b ^ c, FNV_PRIME) ^ (b >>> 15);
    }
    this.a = a;
    this.b = b;
  }

  /** Feeds JSON.stringify(s) in one pass: quotes and backslashes escaped in place, anything rarer through
   *  JSON.stringify (the content fingerprint feeds 25,000 rows of these). */
  jsonString(s: string): void {
    let a = Math.imul(this.a ^ 0x22, FNV_PRIME);
    let b = Math.imul(this.b ^ 0x22, FNV_PRIME) ^ (this.b >>> 15);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff)) {
        // Control characters and surrogates: JSON's own escapes, from the state before the opening quote.
        this.text(JSON.stringify(s));
        return;
      }
      if (c === 0x22 || c === 0x5c) {
        a = Math.imul(a ^ 0x5c, FNV_PRIME);
        b = Math.imul(b ^ 0x5c, FNV_PRIME) ^ (b >>> 15);
      }
      a = Math.imul(a ^ c, FNV_PRIME);
      b = Math.imul(b ^ c, FNV_PRIME) ^ (b >>> 15);
    }
    this.a = Math.imul(a ^ 0x22, FNV_PRIME);
    this.b = Math.imul(b ^ 0x22, FNV_PRIME) ^ (b >>> 15);
  }

  /** 16 hex digits. */
  digest(): string {
    return hex8(this.a) + hex8(this.b);
  }

  /** The first lane alone: the 32-bit FNV-1a of what was fed, unsigned. */
  first32(): number {
    return this.a >>> 0;
  }
}

/** 64 bits of a text, as 16 hex digits. */
export function hash64(s: string): string {
  const h = new Hash64();
  h.text(s);
  return h.digest();
}

/** 32-bit FNV-1a of a text: a stable, well-mixed number (an order that does not follow the alphabet, a bucket). */
export function fnv1a(s: string): number {
  const h = new Hash64();
  h.text(s);
  return h.first32();
}
