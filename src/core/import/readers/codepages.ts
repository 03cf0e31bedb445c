// SheetJS needs a code-page table to read strings of old workbooks (BIFF5 .xls from Excel 95 stores text in the
// workbook's ANSI code page: Windows-1251 for a Russian office). Its Node build loads the full table (470 KB) by itself,
// its ES-module build used in the sidebar has none and shows such text as garbage. TextDecoder knows every code page an
// office meets, so a small table built on it serves both and keeps the bundle small.

import * as XLSX from '@e965/xlsx';
import { canonicalEncoding, decodeWith } from './text-decoding';

/** Windows code page numbers (as BIFF's CODEPAGE record and CFB property sets write them) → WHATWG labels. */
const LABELS: Record<number, string> = {
  367: 'windows-1252',
  437: 'windows-1252',
  737: 'windows-1253',
  850: 'windows-1252',
  852: 'windows-1250',
  866: 'ibm866',
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1200: 'utf-16le',
  1201: 'utf-16be',
  10000: 'macintosh',
  10007: 'x-mac-cyrillic',
  20127: 'windows-1252',
  20866: 'koi8-r',
  21866: 'koi8-u',
  28591: 'windows-1252',
  28595: 'iso-8859-5',
  65001: 'utf-8',
  32768: 'macintosh',
};

function labelOf(cp: number): string {
  if (LABELS[cp]) return LABELS[cp];
  if (cp >= 1250 && cp <= 1258) return `windows-${cp}`;
  if (cp >= 28592 && cp <= 28606) return `iso-8859-${cp - 28590}`;
  return 'windows-1252';
}

type ByteSource = ArrayLike<number> | string;

function toBytes(data: ByteSource): Uint8Array {
  if (typeof data === 'string') {
    const out = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = data.charCodeAt(i) & 0xff;
    return out;
  }
  return data instanceof Uint8Array ? data : Uint8Array.from(data as ArrayLike<number>);
}

const reverse = new Map<string, Map<string, number>>();

/** Single-byte encoding for the few places SheetJS writes an ANSI string (old .xls, never our own exports). */
function encodeSingleByte(label: string, text: string): number[] {
  let table = reverse.get(label);
  if (!table) {
    table = new Map();
    const all = new Uint8Array(256);
    for (let i = 0; i < 256; i++) all[i] = i;
    const chars = decodeWith(all, label);
    for (let i = 0; i < chars.length && i < 256; i++) if (!table.has(chars[i])) table.set(chars[i], i);
    reverse.set(label, table);
  }
  const out: number[] = [];
  for (const ch of text) out.push(table.get(ch) ?? 0x3f);
  return out;
}

function encodeUtf16le(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(c & 0xff, c >> 8);
  }
  return out;
}

function encodeUtf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

const table = {
  utils: {
    decode(cp: number, data: ByteSource): string {
      return decodeWith(toBytes(data), canonicalEncoding(labelOf(cp)) ?? 'windows-1252');
    },
    encode(cp: number, text: string, mode?: string): number[] | string {
      const label = labelOf(cp);
      const bytes =
        label === 'utf-16le'
          ? encodeUtf16le(text)
          : label === 'utf-8'
            ? encodeUtf8(text)
            : encodeSingleByte(label, text);
      return mode === 'str' ? bytes.map((b) => String.fromCharCode(b)).join('') : bytes;
    },
  },
};

let installed = false;

/** Gives SheetJS our table once; the same table then serves the sidebar, the CLI and the tests. */
export function installCodepages(): void {
  if (installed) return;
  installed = true;
  XLSX.set_cptable(table);
}
