// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the ambient 'papaparse/papaparse.js' module must be in every project that bundles core
/// <reference path="./papaparse-module.d.ts" />
// CSV and tab-separated files, parsed by papaparse. Excel writes `;` where the decimal mark is a comma (Russia), `,`
// elsewhere, and may put a `sep=;` line first to say which; Google and Outlook write `,`; some tools write tabs.
// Row numbers are the line the record starts on as a text editor shows it, counting the `sep=` line and every line
// break inside quoted cells, so a message about "line 14" points at line 14.

import type { Locale } from '../../i18n/locale';
import { readerText } from './reader-messages';
import Papa from 'papaparse/papaparse.js';
import type { SourceCell, SourceTable } from '../types';
import { GridRow, headerDecision, shapeTable, type TableShape } from './header-row';
import { ReadError, unknownEncoding } from './read-error';
import { decodeText, encodingDecision } from './text-decoding';

export interface CsvOptions {
  encoding?: string;
  delimiter?: string;
  /** The language of the warnings (English when absent). */
  locale?: Locale;
}

const CANDIDATES = [',', ';', '\t'];
const SEP_LINE = /^"?sep=(.)"?[ \t]*(\r\n|\n|\r)/i;

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) n++;
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/**
 * The delimiter that splits the first lines most consistently into two or more fields. A banner line above the
 * header has one field whatever the delimiter, so consistency is measured on multi-field rows only.
 */
export function guessDelimiter(text: string): string {
  let best = { delimiter: ',', score: -1, fields: 0 };
  for (const delimiter of CANDIDATES) {
    const { data } = Papa.parse(text, { delimiter, preview: 30, skipEmptyLines: true });
    const counts = data.map((r) => r.length).filter((n) => n > 1);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 0;
    let modeCount = 0;
    for (const [n, c] of freq) if (c > modeCount || (c === modeCount && n > mode)) [mode, modeCount] = [n, c];
    const score = modeCount / data.length;
    if (score > best.score || (score === best.score && mode > best.fields)) best = { delimiter, score, fields: mode };
  }
  return best.delimiter;
}

const REPLACED = '\uFFFD';
const MAX_DAMAGE_LINES = 50;

/** Each cell where a byte that is not UTF-8 was replaced, by line and column, so it can be fixed. */
function damagedCells(shape: TableShape, fileName: string, locale?: Locale): string[] {
  const out: string[] = [];
  let more = 0;
  const say = (line: string) => (out.length < MAX_DAMAGE_LINES ? out.push(line) : more++);
  shape.headers.forEach((h, c) => {
    if (h.includes(REPLACED))
      say(
        readerText(locale, 'damagedHeader', { line: shape.headerRowNumber, file: fileName, column: c + 1, value: h }),
      );
  });
  for (const row of shape.rows)
    row.cells.forEach((cell, c) => {
      if (cell.text.includes(REPLACED))
        say(
          readerText(locale, 'damagedCell', {
            line: row.rowNumber,
            file: fileName,
            column: shape.headers[c] || c + 1,
            value: cell.text,
          }),
        );
    });
  if (more) out.push(readerText(locale, 'moreDamaged', { file: fileName, count: more }));
  return out;
}

export function readCsv(bytes: Uint8Array, fileName: string, options: CsvOptions = {}): SourceTable {
  if (bytes.length === 0) throw new ReadError('empty', fileName, `The file "${fileName}" is empty.`);
  const decoded = decodeText(bytes, options.encoding);
  if (!decoded) throw unknownEncoding(fileName, options.encoding);
  let text = decoded.text;
  let firstLine = 1;
  let delimiter = options.delimiter;
  const sep = SEP_LINE.exec(text);
  if (sep) {
    delimiter = delimiter ?? sep[1];
    text = text.slice(sep[0].length);
    firstLine = 2;
  }
  if (text.trim() === '') throw new ReadError('empty', fileName, `The file "${fileName}" has no data.`);
  // Papaparse takes the first line break it meets for the whole file; a file pasted together from several systems
  // mixes `\r\n`, `\n` and a lone `\r`, and the other breaks would end up inside cells, joining clients into one
  // row. One kind of break everywhere (inside quoted cells too: notes keep their lines as `\n`) reads every record.
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  delimiter = delimiter ?? guessDelimiter(text);

  const parsed = Papa.parse(text, { delimiter, newline: '\n', skipEmptyLines: false });
  const warnings: string[] = [];
  const rows: GridRow[] = [];
  const startLines: number[] = new Array(parsed.data.length);
  let line = firstLine;
  for (let i = 0; i < parsed.data.length; i++) {
    const fields = parsed.data[i];
    startLines[i] = line;
    let breaks = 0;
    let filled = false;
    const cells: SourceCell[] = new Array(fields.length);
    for (let c = 0; c < fields.length; c++) {
      const f = fields[c];
      cells[c] = { text: f };
      if (!filled && f.trim() !== '') filled = true;
      if (f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) breaks += lineBreaks(f);
    }
    if (filled) rows.push({ index: i, rowNumber: line, cells });
    line += 1 + breaks;
  }
  for (const e of parsed.errors) {
    if (e.code === 'MissingQuotes') {
      const at = e.row !== undefined ? startLines[e.row] : undefined;
      const where = at ? readerText(options.locale, 'onLine', { line: at }) : '';
      warnings.push(readerText(options.locale, 'quoteNeverClosed', { where, file: fileName }));
    }
  }
  const shape = shapeTable(rows, [], fileName);
  const decision = encodingDecision(decoded, fileName, options.locale);
  const header = headerDecision(shape, fileName, options.locale);
  if (header) warnings.unshift(header);
  if (decision) warnings.unshift(decision);
  if (decoded.guess?.kind === 'utf-8-damaged') warnings.push(...damagedCells(shape, fileName, options.locale));
  const { rowsAboveHeader: _above, ...table } = shape;
  return { format: 'csv', encoding: decoded.encoding, delimiter, ...table, warnings };
}
