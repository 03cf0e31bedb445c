// `export --format F --out FILE`, the same on the sandbox and on a Google account: the options are checked before
// any contact is read, then the file is written in the chosen format (core/export/export-file.ts).

import * as fs from 'node:fs';
import { EXPORT_FORMATS, ExportFormat } from '../../core/export';
import type { ExportContact } from '../../core/export/contact-view';
import { cutMessages } from '../../core/export/cut-message';
import { exportFile } from '../../core/export/export-file';
import { flag, ParsedArgs, UsageError } from './args';

export interface ExportTarget {
  format: ExportFormat;
  out: string;
}

export function exportTarget(args: ParsedArgs): ExportTarget {
  const format = flag(args, 'format') as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  const out = flag(args, 'out');
  if (!out) throw new UsageError('--out FILE is required');
  return { format, out };
}

/** Writes the file; what the command prints: with `cut`, the cells Excel could not hold whole (sheet, row, column,
 *  length) and `warnings`, the same in words — also on stderr, where a person running the command looks. */
export function writeExport({ format, out }: ExportTarget, contacts: ExportContact[]) {
  const { content, cut } = exportFile(format, contacts, 'ru');
  fs.writeFileSync(out, typeof content === 'string' ? content : Buffer.from(content));
  const warnings = cutMessages(cut, 'ru');
  for (const w of warnings) process.stderr.write(`${w}\n`);
  return { format, out, contacts: contacts.length, cut, warnings };
}
