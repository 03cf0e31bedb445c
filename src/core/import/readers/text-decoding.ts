// Bytes → text for CSV and vCard files. Offices hand us whatever Excel or an old phone wrote: UTF-8 with or without a
// BOM, UTF-16 (older Google exports), and Windows-1251/1252 from Russian and Western Windows. We decode with the WHATWG
// TextDecoder, present in browsers and Node 20 alike (core has no DOM lib, so its shape is declared here).

declare const TextDecoder: {
  new (
    label?: string,
    options?: { fatal?: boolean; ignoreBOM?: boolean },
  ): {
    readonly encoding: string;
    decode(input?: Uint8Array): string;
  };
};

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used (`utf-8`, `utf-16le`, `windows-1251`, …). */
  encoding: string;
}

/** The canonical name TextDecoder uses for a label, or undefined when it knows no such encoding. */
export function canonicalEncoding(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** Decodes with a known encoding; the BOM, if any, is dropped. */
export function decodeWith(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding).decode(bytes);
}

function bomEncoding(b: Uint8Array): string | undefined {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 without a BOM shows itself by NUL bytes on one side of every ASCII character. */
function bomlessUtf16(b: Uint8Array): string | undefined {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/**
 * Windows-1251 or Windows-1252? Both put letters at 0xC0–0xFF: Cyrillic in 1251, accented Latin in 1252. Russian words
 * are made only of such bytes, so high letters stand next to each other; in French or German an accented letter sits
 * between ASCII letters. The share of high letters with a high neighbour tells the two apart.
 */
export function guessSingleByte(b: Uint8Array): 'windows-1251' | 'windows-1252' {
  let high = 0;
  let paired = 0;
  const n = Math.min(b.length, 1 << 16);
  for (let i = 0; i < n; i++) {
    if (b[i] < 0xc0) continue;
    high++;
    if ((i > 0 && b[i - 1] >= 0xc0) || (i + 1 < n && b[i + 1] >= 0xc0)) paired++;
  }
  return high > 0 && paired / high >= 0.5 ? 'windows-1251' : 'windows-1252';
}

/** Which encoding the bytes are most likely in: BOM, then BOM-less UTF-16, valid UTF-8, then 1251 vs 1252. */
export function detectEncoding(b: Uint8Array): string {
  return bomEncoding(b) ?? bomlessUtf16(b) ?? (isUtf8(b) ? 'utf-8' : guessSingleByte(b));
}

/**
 * Decodes a text file. An override (the user picked the encoding) wins over detection; an unknown override label
 * returns undefined so the caller can tell the user.
 */
export function decodeText(bytes: Uint8Array, override?: string): DecodedText | undefined {
  let encoding: string | undefined;
  if (override) {
    encoding = canonicalEncoding(override);
    if (!encoding) return undefined;
  } else {
    encoding = detectEncoding(bytes);
  }
  let text = decodeWith(bytes, encoding);
  // TextDecoder drops a leading BOM of its own encoding; a second one (files concatenated by a script) goes too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}
