// Apps Script has no TextDecoder, which the client import's readers (core/import/readers/text-decoding.ts) decode
// files with; a call log imported on the server (import-calls.ts) gets this stand-in backed by Blob.getDataAsString,
// for the encodings those readers try (UTF-8, UTF-16, the Cyrillic and Western code pages). UNVERIFIED on a real
// deployment: the Java charset names below, and that getDataAsString replaces a malformed UTF-8 sequence with U+FFFD
// (the `fatal` check relies on it).

const JAVA_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1250': 'windows-1250',
  'koi8-r': 'KOI8-R',
  'koi8-u': 'KOI8-U',
  ibm866: 'IBM866',
  'iso-8859-5': 'ISO-8859-5',
  'x-mac-cyrillic': 'x-MacCyrillic',
};

/** WHATWG labels (the usual ones) → the canonical encoding name TextDecoder reports. */
const LABELS: Record<string, string> = {
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'utf-16': 'utf-16le',
  cp1251: 'windows-1251',
  'x-cp1251': 'windows-1251',
  cp1252: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
  cp1250: 'windows-1250',
  koi8: 'koi8-r',
  cp866: 'ibm866',
  '866': 'ibm866',
  maccyrillic: 'x-mac-cyrillic',
};

class BlobTextDecoder {
  readonly encoding: string;
  private readonly fatal: boolean;

  constructor(label = 'utf-8', options: { fatal?: boolean } = {}) {
    const l = String(label).trim().toLowerCase();
    const encoding = JAVA_NAMES[l] ? l : LABELS[l];
    if (!encoding) throw new RangeError(`The encoding label provided ('${label}') is invalid.`);
    this.encoding = encoding;
    this.fatal = options.fatal === true;
  }

  decode(input?: Uint8Array): string {
    const bytes = input ?? new Uint8Array(0);
    if (!bytes.length) return '';
    const signed = Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
    let text = Utilities.newBlob(signed).getDataAsString(JAVA_NAMES[this.encoding]);
    if (this.fatal && text.includes('\uFFFD') && !hasReplacementBytes(bytes))
      throw new TypeError('The encoded data was not valid for encoding utf-8');
    // TextDecoder drops a leading BOM of its own encoding.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text;
  }
}

/** EF BF BD: a U+FFFD the file itself holds. */
function hasReplacementBytes(b: Uint8Array): boolean {
  for (let i = 0; i + 2 < b.length; i++) if (b[i] === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd) return true;
  return false;
}

export function ensureTextDecoder(): void {
  const g = globalThis as { TextDecoder?: unknown };
  if (typeof g.TextDecoder === 'undefined') g.TextDecoder = BlobTextDecoder;
}
