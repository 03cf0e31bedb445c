// What the fake gateways read from a request: the query and the form body as a PHP server reads them (both gateways
// are PHP: `to[79…]=text` is one entry of the array `to`), with the percent-encoded bytes decoded in the charset the
// gateway assumes — SMSC reads windows-1251 unless told charset=utf-8, so a client that forgets it gets garbled text,
// as on the real service.

import type { HttpRequest } from 'workspace-emulator';

export interface FormEntry {
  name: string;
  /** The bracketed key of `name[key]`, when there is one. */
  key?: string;
  /** The value's bytes: decoded later, in the gateway's charset. */
  bytes: Uint8Array;
}

function percentBytes(text: string): Uint8Array {
  const out: number[] = [];
  const plain = text.replace(/\+/g, ' ');
  for (let i = 0; i < plain.length; i++) {
    const c = plain[i];
    if (c === '%' && /^[0-9a-fA-F]{2}$/.test(plain.slice(i + 1, i + 3))) {
      out.push(parseInt(plain.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(...new TextEncoder().encode(c));
  }
  return Uint8Array.from(out);
}

export function readForm(request: HttpRequest): FormEntry[] {
  const query = new URL(request.url).search.replace(/^\?/, '');
  const form = /^application\/x-www-form-urlencoded/i.test(request.headers['content-type'] ?? '') ? request.text : '';
  const entries: FormEntry[] = [];
  for (const part of [query, form].join('&').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawName = new TextDecoder().decode(percentBytes(eq < 0 ? part : part.slice(0, eq)));
    const m = /^([^[]+)\[([^\]]*)\]$/.exec(rawName);
    entries.push({
      name: m ? m[1] : rawName,
      ...(m ? { key: m[2] } : {}),
      bytes: percentBytes(eq < 0 ? '' : part.slice(eq + 1)),
    });
  }
  return entries;
}

export function decode(bytes: Uint8Array, charset: string): string {
  return new TextDecoder(charset).decode(bytes);
}

/** The first plain (unbracketed) value of `name`, decoded; undefined when absent. */
export function field(entries: FormEntry[], name: string, charset = 'utf-8'): string | undefined {
  const e = entries.find((x) => x.name === name && x.key === undefined);
  return e ? decode(e.bytes, charset) : undefined;
}

/** How many SMS a text takes: 160 / 153 per part in Latin (GSM-7), 70 / 67 otherwise (UCS-2), as both bill it. */
export function smsParts(text: string): number {
  const latin = /^[\x20-\x7e\n\r]*$/.test(text);
  const [one, part] = latin ? [160, 153] : [70, 67];
  const length = [...text].length;
  return length <= one ? 1 : Math.ceil(length / part);
}

/** What a fake gateway took: for tests and the sandbox to show (never sent anywhere). */
export interface FakeSms {
  gateway: 'smsru' | 'smsc';
  /** As the gateway received it (digits, or with '+'). */
  to: string;
  text: string;
  id: string;
  sender: string;
  parts: number;
}

export interface FakeSmsAccount {
  /** Every message taken, oldest first. */
  readonly sent: FakeSms[];
  /** Requests answered, refused ones included. */
  requests: number;
  /** What is left on the account; every part of every message taken costs `price`. */
  balance: number;
  price: number;
}

/** A number a gateway can route: 8 to 15 digits, an optional '+' first (no spaces, brackets or a national 8). */
export function routable(number: string): boolean {
  return /^\+?[1-9]\d{7,14}$/.test(number);
}

export const money = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
