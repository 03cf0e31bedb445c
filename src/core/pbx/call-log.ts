// A PBX call-log file (Asterisk Master.csv, or a call history with a header row mapped like the client import) →
// notices, each with its file line, plus what could not be read and every choice made. The bytes are read by the
// client import's CSV reader (core/import/readers/csv.ts: encoding detection with Windows-1251 and BOMs, `;` `,` or
// tab, `sep=` lines, quoted line breaks, header or no header), so a call log reads exactly as a client file would.
// Only its CSV reader: the workbook readers bring SheetJS, too heavy for the Apps Script bundle this may run in.
// Problems with the file as a whole (empty, no date column) throw the readers' ReadError. Every text is in the
// office's language (log-messages.ts), as the readers' own notes are.
import type { ImportCallsResult } from '../../shared/pbx-dto';
import { type Locale, localeOf } from '../i18n/locale';
import { ReadError } from '../import/readers/read-error';
import { readCsv } from '../import/readers/csv';
import { readerText } from '../import/readers/reader-messages';
import { ENCODING_NAMES } from '../import/readers/text-decoding';
import type { SourceTable } from '../import/types';
import { asteriskHeaderLayout, looksLikeMasterCsv, readMasterCsv } from './asterisk';
import { readCallCsv } from './call-csv';
import { logText } from './log-messages';
import type { CallNotice } from './notice';

export interface CallLogRead {
  format: 'asterisk' | 'csv';
  rows: number;
  notices: Array<{ line: number; notice: CallNotice }>;
  /** Rows that are not calls with an outside number (internal calls): counted, not turned into notices. */
  skipped: number;
  problems: ImportCallsResult['problems'];
  decisions: string[];
}

const SEPARATORS = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' } as const;

function separatorWords(delimiter: string, locale: Locale): string {
  const key = SEPARATORS[delimiter as keyof typeof SEPARATORS];
  return key ? logText(locale, key) : logText(locale, 'otherSeparator', { separator: delimiter });
}

/** Whether a warning is the readers' own sentence on the encoding they guessed (text-decoding.ts encodingDecision):
 *  then it says which encoding and why, and only the separator is left to say. */
function isEncodingNote(warning: string, fileName: string, name: string, locale: Locale): boolean {
  const params = { file: fileName, name };
  if (
    (['encodingUtf16', 'encoding1251', 'encoding1252'] as const).some((k) => readerText(locale, k, params) === warning)
  )
    return true;
  const [before] = readerText(locale, 'encodingUtf8Damaged', { ...params, count: '\u0000' }).split('\u0000');
  return warning.startsWith(before);
}

/** One decision on how the bytes were read: the encoding (with the readers' reason when it was a guess) and the
 *  separator, followed by the readers' other notes. */
function readingDecisions(table: SourceTable, fileName: string, locale: Locale): string[] {
  const name = ENCODING_NAMES[table.encoding ?? ''] ?? table.encoding ?? '';
  const separator = separatorWords(table.delimiter ?? ',', locale);
  const [first, ...rest] = table.warnings;
  if (first !== undefined && isEncodingNote(first, fileName, name, locale))
    return [first, logText(locale, 'separator', { file: fileName, separator }), ...rest];
  return [logText(locale, 'encoding', { file: fileName, name, separator }), ...table.warnings];
}

export function readCallLog(
  bytes: Uint8Array,
  fileName: string,
  options: { format?: 'asterisk' | 'csv'; timeZone: string; locale?: string },
): CallLogRead {
  const locale = localeOf(options.locale) ?? 'en';
  const table = readCsv(bytes, fileName, { locale });
  const decisions = readingDecisions(table, fileName, locale);

  // A header-less file is an Asterisk log; a header row naming the CDR columns is an Asterisk CDR export (one row per
  // leg, like Master.csv); any other header row is a call history.
  const cdrHeader = !table.headerless && asteriskHeaderLayout(table.headers) !== undefined;
  const asterisk = options.format
    ? options.format === 'asterisk'
    : cdrHeader || (!!table.headerless && looksLikeMasterCsv(table.rows));
  if (!options.format) decisions.push(logText(locale, asterisk ? 'recognisedAsterisk' : 'recognisedHistory'));
  if (asterisk) {
    if (cdrHeader) {
      const out = readMasterCsv(table.rows, options.timeZone, locale, table.headers);
      return { format: 'asterisk', rows: table.rows.length, ...out, decisions: [...decisions, ...out.decisions] };
    }
    // Told it is a Master.csv, a first row taken for a header is a call like the others.
    const rows = table.headerless
      ? table.rows
      : [{ rowNumber: table.headerRowNumber, cells: table.headers.map((text) => ({ text })) }, ...table.rows];
    const out = readMasterCsv(rows, options.timeZone, locale);
    return { format: 'asterisk', rows: rows.length, ...out, decisions: [...decisions, ...out.decisions] };
  }
  if (table.headerless) throw new ReadError('no-header', fileName, logText(locale, 'noHeaderRow', { file: fileName }));
  const out = readCallCsv(table, fileName, options.timeZone, locale);
  return { format: 'csv', rows: table.rows.length, ...out, decisions: [...decisions, ...out.decisions] };
}
