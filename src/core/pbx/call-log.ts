// A PBX call-log file (Asterisk Master.csv, or a call history with a header row mapped like the client import) →
// notices, each with its file line, plus what could not be read and every choice made. The bytes are read by the
// client import's CSV reader (core/import/readers/csv.ts: encoding detection with Windows-1251 and BOMs, `;` `,` or
// tab, `sep=` lines, quoted line breaks, header or no header), so a call log reads exactly as a client file would.
// Only its CSV reader: the workbook readers bring SheetJS, too heavy for the Apps Script bundle this may run in.
// Problems with the file as a whole (empty, no date column) throw the readers' ReadError.
import type { ImportCallsResult } from '../../shared/pbx-dto';
import { localeOf } from '../i18n/locale';
import { ReadError } from '../import/readers/read-error';
import { readCsv } from '../import/readers/csv';
import { asteriskHeaderLayout, looksLikeMasterCsv, readMasterCsv } from './asterisk';
import { readCallCsv } from './call-csv';
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

const SEPARATORS: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

export function readCallLog(
  bytes: Uint8Array,
  fileName: string,
  options: { format?: 'asterisk' | 'csv'; timeZone: string; locale?: string },
): CallLogRead {
  const table = readCsv(bytes, fileName, { locale: localeOf(options.locale) });
  const decisions: string[] = [
    `"${fileName}" read as ${table.encoding}, columns separated by ${SEPARATORS[table.delimiter ?? ','] ?? `'${table.delimiter}'`}.`,
  ];
  decisions.push(...table.warnings);

  // A header-less file is an Asterisk log; a header row naming the CDR columns is an Asterisk CDR export (one row per
  // leg, like Master.csv); any other header row is a call history.
  const cdrHeader = !table.headerless && asteriskHeaderLayout(table.headers) !== undefined;
  const asterisk = options.format
    ? options.format === 'asterisk'
    : cdrHeader || (!!table.headerless && looksLikeMasterCsv(table.rows));
  if (!options.format)
    decisions.push(asterisk ? 'Recognised as an Asterisk call log.' : 'Read as a call history with a header row.');
  if (asterisk) {
    if (cdrHeader) {
      const out = readMasterCsv(table.rows, options.timeZone, table.headers);
      return { format: 'asterisk', rows: table.rows.length, ...out, decisions: [...decisions, ...out.decisions] };
    }
    // Told it is a Master.csv, a first row taken for a header is a call like the others.
    const rows = table.headerless
      ? table.rows
      : [{ rowNumber: table.headerRowNumber, cells: table.headers.map((text) => ({ text })) }, ...table.rows];
    const out = readMasterCsv(rows, options.timeZone);
    return { format: 'asterisk', rows: rows.length, ...out, decisions: [...decisions, ...out.decisions] };
  }
  if (table.headerless)
    throw new ReadError(
      'no-header',
      fileName,
      `"${fileName}" has no header row and is not an Asterisk Master.csv: name the columns (date, caller, called, status…) in its first row.`,
    );
  const out = readCallCsv(table, fileName, options.timeZone);
  return { format: 'csv', rows: table.rows.length, ...out, decisions: [...decisions, ...out.decisions] };
}
