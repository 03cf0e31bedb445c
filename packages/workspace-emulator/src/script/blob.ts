// Blob as Apps Script scripts see it. Bytes cross into scripts as Java bytes: signed integers -128..127, which is
// what `blob.getBytes()` and `Utilities.base64Decode()` really return (code that assumes 0..255 breaks on non-ASCII).

import * as iconv from 'iconv-lite';
import { GasException } from '../errors';
import { Emulated } from './emulated';

/** Java `byte[]` → script numbers -128..127. */
export function toJavaBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/** Script numbers (signed or unsigned bytes) → octets. */
export function fromJavaBytes(bytes: readonly number[]): Uint8Array {
  if (!Array.isArray(bytes)) throw new GasException('Invalid argument: data');
  return Uint8Array.from(bytes, (b) => Number(b) & 0xff);
}

export function encodeText(text: string, charset = 'UTF-8'): Uint8Array {
  const name = charset.toLowerCase().replace(/_/g, '-');
  if (name === 'utf-8' || name === 'utf8') return new Uint8Array(Buffer.from(text, 'utf8'));
  if (!iconv.encodingExists(name)) throw new GasException(`Invalid argument: charset`);
  return new Uint8Array(iconv.encode(text, name));
}

export function decodeText(bytes: Uint8Array, charset = 'UTF-8'): string {
  const name = charset.toLowerCase().replace(/_/g, '-');
  if (name === 'utf-8' || name === 'utf8') return Buffer.from(bytes).toString('utf8');
  if (!iconv.encodingExists(name)) throw new GasException(`Invalid argument: charset`);
  return iconv.decode(Buffer.from(bytes), name);
}

type BlobApi = Emulated<
  GoogleAppsScript.Base.Blob,
  | 'getBytes'
  | 'getDataAsString'
  | 'getContentType'
  | 'getName'
  | 'setName'
  | 'setContentType'
  | 'setBytes'
  | 'setDataFromString'
  | 'copyBlob'
  | 'getBlob'
  | 'isGoogleType'
>;

export class Blob implements BlobApi {
  #bytes: Uint8Array;
  #contentType: string | null;
  #name: string | null;

  constructor(bytes: Uint8Array, contentType: string | null, name: string | null) {
    this.#bytes = bytes;
    this.#contentType = contentType;
    this.#name = name;
  }

  /** Host-side access for other emulated services (attachments, downloads); not part of Google's API. */
  static octets(blob: Blob): Uint8Array {
    return blob.#bytes.slice();
  }

  getBytes(): number[] {
    return toJavaBytes(this.#bytes);
  }

  getDataAsString(charset?: string): string {
    return decodeText(this.#bytes, charset);
  }

  getContentType(): string | null {
    return this.#contentType;
  }

  getName(): string | null {
    return this.#name;
  }

  setName(name: string): this {
    this.#name = name === null || name === undefined ? null : String(name);
    return this;
  }

  setContentType(contentType: string | null): this {
    this.#contentType = contentType === null || contentType === undefined ? null : String(contentType);
    return this;
  }

  setBytes(data: number[]): this {
    this.#bytes = fromJavaBytes(data);
    return this;
  }

  setDataFromString(string: string, charset?: string): this {
    this.#bytes = encodeText(String(string), charset);
    return this;
  }

  copyBlob(): Blob {
    return new Blob(this.#bytes.slice(), this.#contentType, this.#name);
  }

  getBlob(): Blob {
    return this;
  }

  isGoogleType(): boolean {
    return false;
  }
}
