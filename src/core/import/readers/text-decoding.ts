// Bytes → text for CSV and vCard files. Offices hand us whatever Excel or an old phone wrote: UTF-8 with or without a
// BOM, UTF-16 (older Google exports), and Windows-1251/1252 from Russian and Western Windows. We decode with the WHATWG
// TextDecoder, present in browsers and Node 20 alike (core has no DOM lib, so its shape is declared here).

import type { Locale } from '../../i18n/locale';
import { readerText } from './reader-messages';

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
  /** Set when the encoding was guessed from the bytes rather than declared (BOM), chosen or plainly valid UTF-8:
   *  the preview says which was chosen and why. */
  guess?: EncodingGuess;
}

export type EncodingGuess =
  { kind: 'utf-8-damaged'; invalidBytes: number } | { kind: 'single-byte' } | { kind: 'utf-16-without-bom' };

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

/** How many multi-byte UTF-8 sequences the bytes hold and how many bytes start no valid sequence (RFC 3629). */
export function utf8Health(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = b.length;
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < n && b[i] >= lo && b[i] <= hi;
  for (let i = 0; i < n;) {
    const x = b[i];
    if (x < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    if (x >= 0xc2 && x <= 0xdf) len = cont(i + 1) ? 2 : 0;
    else if (x >= 0xe0 && x <= 0xef) {
      const lo = x === 0xe0 ? 0xa0 : 0x80;
      const hi = x === 0xed ? 0x9f : 0xbf;
      len = cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    } else if (x >= 0xf0 && x <= 0xf4) {
      const lo = x === 0xf0 ? 0x90 : 0x80;
      const hi = x === 0xf4 ? 0x8f : 0xbf;
      len = cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    if (len) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/**
 * UTF-8 with a few bad bytes (a file edited by a tool that wrote one Windows character into it, a truncated copy) is
 * still UTF-8: read as a single-byte code page, every one of its letters would be garbled. A Windows-1251 file read
 * as UTF-8 has almost no valid sequences (a Cyrillic letter is followed by another letter, not by a continuation
 * byte), so a file whose valid sequences outnumber its bad bytes many times over is UTF-8 with damage.
 */
export function mostlyUtf8(health: { valid: number; invalid: number }): boolean {
  const { valid, invalid } = health;
  return invalid > 0 && valid >= 8 * invalid && invalid <= Math.max(3, valid / 50);
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

/** Which encoding the bytes are most likely in: BOM, then BOM-less UTF-16, valid UTF-8 (or UTF-8 apart from a few bad
 *  bytes), then 1251 vs 1252; with the reason when it was a guess. */
export function detectEncodingWithReason(b: Uint8Array): { encoding: string; guess?: EncodingGuess } {
  const bom = bomEncoding(b);
  if (bom) return { encoding: bom };
  const utf16 = bomlessUtf16(b);
  if (utf16) return { encoding: utf16, guess: { kind: 'utf-16-without-bom' } };
  if (isUtf8(b)) return { encoding: 'utf-8' };
  const health = utf8Health(b);
  if (mostlyUtf8(health)) return { encoding: 'utf-8', guess: { kind: 'utf-8-damaged', invalidBytes: health.invalid } };
  return { encoding: guessSingleByte(b), guess: { kind: 'single-byte' } };
}

export function detectEncoding(b: Uint8Array): string {
  return detectEncodingWithReason(b).encoding;
}

/** How the readers name an encoding to people (a call log's decision names it the same way). */
export const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'windows-1252': 'Windows-1252 (Western European)',
};

/** The preview's words for a guessed encoding: which one and why; undefined when nothing was guessed. */
export function encodingDecision(decoded: DecodedText, fileName: string, locale?: Locale): string | undefined {
  const guess = decoded.guess;
  if (!guess) return undefined;
  const name = ENCODING_NAMES[decoded.encoding] ?? decoded.encoding;
  const params = { file: fileName, name };
  switch (guess.kind) {
    case 'utf-8-damaged':
      return readerText(locale, 'encodingUtf8Damaged', { ...params, count: guess.invalidBytes });
    case 'utf-16-without-bom':
      return readerText(locale, 'encodingUtf16', params);
    case 'single-byte':
      return readerText(locale, decoded.encoding === 'windows-1251' ? 'encoding1251' : 'encoding1252', params);
  }
}

/**
 * Decodes a text file. An override (the user picked the encoding) wins over detection; an unknown override label
 * returns undefined so the caller can tell the user.
 */
export function decodeText(bytes: Uint8Array, override?: string): DecodedText | undefined {
  let encoding: string | undefined;
  let guess: EncodingGuess | undefined;
  if (override) {
    encoding = canonicalEncoding(override);
    if (!encoding) return undefined;
  } else {
    ({ encoding, guess } = detectEncodingWithReason(bytes));
  }
  let text = decodeWith(bytes, encoding);
  // TextDecoder drops a leading BOM of its own encoding; a second one (files concatenated by a script) goes too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return guess ? { text, encoding, guess } : { text, encoding };
}
