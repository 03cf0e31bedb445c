// Reading an office's contacts file: a spreadsheet or CSV becomes a SourceTable (columns still to be mapped), a vCard
// file becomes contact drafts directly. The format is told by the bytes first (a renamed file still reads), then by the
// file's extension. Problems with the whole file throw a ReadError the person can act on.

import type { Locale } from '../../i18n/locale';
import type { ContactDraft, SourceFormat, SourceTable } from '../types';
import { readCsv } from './csv';
import { ReadError } from './read-error';
import { readVcard } from './vcard';
import { readWorkbook } from './workbook';

export { ReadError } from './read-error';
export type { ReadErrorCode } from './read-error';

export interface ReadOptions {
  /** A text encoding chosen by the user (CSV, vCard): `utf-8`, `windows-1251`, `utf-16le`…; detected when absent. */
  encoding?: string;
  /** A CSV delimiter chosen by the user; detected when absent. */
  delimiter?: string;
  /** The workbook sheet to read; the first one with data when absent. */
  sheetName?: string;
  /** The language of the warnings: the office's (English when absent). */
  locale?: Locale;
}

export type ReadResult =
  | { kind: 'table'; table: SourceTable }
  | { kind: 'drafts'; format: 'vcard'; encoding: string; drafts: ContactDraft[]; warnings: string[] };

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** The first bytes as ASCII, skipping BOMs, NULs of UTF-16 and leading blank lines. */
function leadingAscii(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length && out.length < 64; i++) {
    const b = bytes[i];
    if (b > 0 && b < 0x80) out += String.fromCharCode(b);
  }
  return out.replace(/^[\s]+/, '');
}

export function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Both are zip packages; an .ods names its mimetype in the first entry.
    const head = leadingAscii(bytes.subarray(0, 120));
    return ext === 'ods' || head.includes('opendocument.spreadsheet') ? 'ods' : 'xlsx';
  }
  // OLE compound file: Excel 97–2003 .xls, and also an encrypted .xlsx (SheetJS tells those apart).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return ext === 'xlsx' ? 'xlsx' : 'xls';
  // Excel 2.x–5.0 worksheets saved as bare BIFF streams.
  if (
    bytes[0] === 0x09 &&
    [0x00, 0x02, 0x04, 0x08].includes(bytes[1]) &&
    [4, 6, 8, 16].includes(bytes[2]) &&
    bytes[3] === 0
  )
    return 'xls';
  if (/^BEGIN\s*:\s*VCARD/i.test(leadingAscii(bytes.subarray(0, 256)))) return 'vcard';
  if (ext === 'vcf' || ext === 'vcard') return 'vcard';
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls' || ext === 'ods') return undefined; // says workbook, is not one
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt' || ext === 'tab' || ext === '') return 'csv';
  // Unknown extension: text that is not a workbook is read as CSV; binary is not ours to guess.
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  return utf16 || !bytes.subarray(0, 512).some((b) => b === 0) ? 'csv' : undefined;
}

export function readContactsFile(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): ReadResult {
  if (bytes.length === 0) throw new ReadError('empty', fileName, `The file "${fileName}" is empty.`);
  const format = detectFormat(bytes, fileName);
  switch (format) {
    case 'xlsx':
    case 'xls':
    case 'ods':
      return {
        kind: 'table',
        table: readWorkbook(bytes, fileName, format, { sheetName: options.sheetName, locale: options.locale }),
      };
    case 'vcard': {
      const { encoding, drafts, warnings } = readVcard(bytes, fileName, {
        encoding: options.encoding,
        locale: options.locale,
      });
      return { kind: 'drafts', format: 'vcard', encoding, drafts, warnings };
    }
    case 'csv':
      return {
        kind: 'table',
        table: readCsv(bytes, fileName, {
          encoding: options.encoding,
          delimiter: options.delimiter,
          locale: options.locale,
        }),
      };
    default:
      throw new ReadError(
        'unknown-format',
        fileName,
        `"${fileName}" is not a file we can read. Save it from Excel as .xlsx or .csv, or export contacts as vCard (.vcf).`,
      );
  }
}
