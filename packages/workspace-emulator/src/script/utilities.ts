// Utilities: local helpers that never talk to Google, so none of them is a counted round trip; only sleep() spends
// (virtual) run time. https://developers.google.com/apps-script/reference/utilities/utilities

import { createHash } from 'node:crypto';
import { ServiceContext } from '../context';
import { GasException } from '../errors';
import { Blob, encodeText, fromJavaBytes, toJavaBytes } from './blob';
import { Emulated, enumOf, signatureMismatch } from './emulated';
import { formatPrintf, formatSimpleDate } from './java-format';
import { requireTimeZone } from './time-zone';
import { spendVirtualTime } from './virtual-time';

type Charset = GoogleAppsScript.Utilities.Charset;
type DigestAlgorithm = GoogleAppsScript.Utilities.DigestAlgorithm;

/** "The maximum allowed value is 300000 (or 5 minutes)" (Utilities.sleep docs). */
export const MAX_SLEEP_MS = 300000;

const CHARSETS = ['US_ASCII', 'UTF_8'] as const;
const DIGESTS: Record<string, string | undefined> = {
  MD2: undefined,
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

const charsetName = (charset: unknown): string =>
  charset === undefined || charset === null ? 'UTF-8' : String(charset);

/** Strings are encoded in `charset` (UTF-8 by default); byte arrays are taken as they are. */
function bytesOf(data: unknown, charset: unknown, method: string): Uint8Array {
  if (typeof data === 'string') return encodeText(data, charsetName(charset));
  if (Array.isArray(data)) return fromJavaBytes(data as number[]);
  throw signatureMismatch(method, [data]);
}

function base64Bytes(encoded: unknown, webSafe: boolean, method: string): Uint8Array {
  if (typeof encoded !== 'string') throw signatureMismatch(method, [encoded]);
  const text = encoded.replace(/\s+/g, '');
  const alphabet = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  // Wording community-reported from real executions (UNVERIFIED in the docs).
  if (!alphabet.test(text) || text.replace(/=+$/, '').length % 4 === 1)
    throw new GasException('Could not decode string.');
  return new Uint8Array(Buffer.from(text, webSafe ? 'base64url' : 'base64'));
}

/** RFC 4180 CSV; a quote left open fails the whole parse, as Utilities.parseCsv does ("Could not parse text."). */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"') {
        if (csv[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new GasException('Could not parse text.');
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Per-workspace counters, so UUIDs are reproducible in tests yet unique within a workspace. */
const uuidCounters = new WeakMap<ServiceContext, number>();

type UtilitiesApi = Emulated<
  GoogleAppsScript.Utilities.Utilities,
  | 'Charset'
  | 'DigestAlgorithm'
  | 'formatDate'
  | 'formatString'
  | 'newBlob'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'base64DecodeWebSafe'
  | 'computeDigest'
  | 'getUuid'
  | 'sleep'
  | 'parseCsv'
>;

class UtilitiesEmulation implements UtilitiesApi {
  readonly Charset = enumOf<typeof GoogleAppsScript.Utilities.Charset>(CHARSETS);
  readonly DigestAlgorithm = enumOf<typeof GoogleAppsScript.Utilities.DigestAlgorithm>(Object.keys(DIGESTS));
  readonly #ctx: ServiceContext;

  constructor(ctx: ServiceContext) {
    this.#ctx = ctx;
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!(date instanceof Date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureMismatch('Utilities.formatDate', [date, timeZone, format]);
    }
    // UNVERIFIED wording for an invalid Date.
    if (Number.isNaN(date.getTime())) throw new GasException('Invalid argument: date');
    return formatSimpleDate(date.getTime(), requireTimeZone(timeZone), format);
  }

  formatString(template: string, ...args: unknown[]): string {
    return formatPrintf(String(template), args);
  }

  newBlob(data: string | number[], contentType?: string, name?: string): Blob {
    const bytes = typeof data === 'string' ? encodeText(data) : bytesOf(data, undefined, 'Utilities.newBlob');
    // UNVERIFIED: Apps Script's default content type for a blob made from a string.
    const type = contentType ?? (typeof data === 'string' ? 'text/plain' : null);
    return new Blob(
      bytes,
      type === null ? null : String(type),
      name === undefined || name === null ? null : String(name),
    );
  }

  base64Encode(data: string | number[], charset?: Charset): string {
    return Buffer.from(bytesOf(data, charset, 'Utilities.base64Encode')).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[], charset?: Charset): string {
    // Google's web-safe alphabet keeps the `=` padding.
    const b64 = Buffer.from(bytesOf(data, charset, 'Utilities.base64EncodeWebSafe')).toString('base64');
    return b64.replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, charset?: Charset): number[] {
    void charset;
    return toJavaBytes(base64Bytes(encoded, false, 'Utilities.base64Decode'));
  }

  base64DecodeWebSafe(encoded: string, charset?: Charset): number[] {
    void charset;
    return toJavaBytes(base64Bytes(encoded, true, 'Utilities.base64DecodeWebSafe'));
  }

  computeDigest(algorithm: DigestAlgorithm, value: string | number[], charset?: Charset): number[] {
    const name = String(algorithm);
    if (!(name in DIGESTS)) throw signatureMismatch('Utilities.computeDigest', [algorithm, value]);
    const hash = DIGESTS[name];
    if (!hash) throw new GasException(`Invalid argument: algorithm`);
    return toJavaBytes(
      new Uint8Array(
        createHash(hash)
          .update(bytesOf(value, charset, 'Utilities.computeDigest'))
          .digest(),
      ),
    );
  }

  /** A version-4-shaped UUID derived from the account, the virtual time and a counter: reproducible in tests. */
  getUuid(): string {
    const n = (uuidCounters.get(this.#ctx) ?? 0) + 1;
    uuidCounters.set(this.#ctx, n);
    const h = createHash('sha256').update(`${this.#ctx.session.email}\n${this.#ctx.clock.now()}\n${n}`).digest();
    h[6] = (h[6] & 0x0f) | 0x40;
    h[8] = (h[8] & 0x3f) | 0x80;
    const hex = h.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** Spends virtual run time (counted against the run's budget). */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds))
      throw signatureMismatch('Utilities.sleep', [milliseconds]);
    // The docs give the maximum; what Google does above it is UNVERIFIED. Refusing is the stricter choice and
    // surfaces unbounded exponential back-off.
    if (milliseconds > MAX_SLEEP_MS) throw new GasException('Invalid argument: milliseconds');
    spendVirtualTime(this.#ctx, Math.max(0, Math.trunc(milliseconds)));
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    if (typeof csv !== 'string') throw signatureMismatch('Utilities.parseCsv', [csv]);
    return parseCsv(csv, delimiter === undefined ? ',' : String(delimiter).charAt(0));
  }
}

export function createUtilities(ctx: ServiceContext): UtilitiesEmulation {
  return new UtilitiesEmulation(ctx);
}
