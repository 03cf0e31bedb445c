// Who of the staff a call reached: the Staff sheet's `extension` and `line` columns (issue 15), each may hold several
// values separated by commas ("101, 102"; "+7 495 123-45-67, +7 495 765-43-21").

import { findTable, cellText, isBlankRow } from '../events/table';
import { toE164 } from '../phone';
import { template } from '../sheets/templates';

export interface StaffPhones {
  name: string;
  extensions: string[];
  /** Our numbers, E.164 where readable (else the digits). */
  lines: string[];
}

/** A number compared as E.164 when it reads as one, else by its digits (a short DID, an internal trunk name). */
export function lineKey(text: string, defaultCountry: string): string {
  const t = String(text ?? '').trim();
  if (!t) return '';
  return toE164(t, defaultCountry) ?? t.replace(/\D/g, '');
}

const split = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');

export function parseStaffPhones(values: unknown[][], defaultCountry: string): StaffPhones[] {
  const table = findTable(values, template('staff'));
  if (!table) return [];
  const col = (key: string) => table.columns[key] ?? -1;
  return values
    .slice(table.headerIndex + 1)
    .filter((r) => !isBlankRow(r))
    .map((r) => ({
      name: cellText(r, col('name')) || cellText(r, col('email')),
      extensions: split(cellText(r, col('extension'))),
      lines: split(cellText(r, col('line')))
        .map((l) => lineKey(l, defaultCountry))
        .filter(Boolean),
    }))
    .filter((s) => s.name !== '' && (s.extensions.length > 0 || s.lines.length > 0));
}

/** The staff member by extension, else by our number; '' when neither names one. */
export function staffFor(
  staff: StaffPhones[],
  call: { extension?: string; ourNumber?: string },
  defaultCountry: string,
): string {
  const ext = String(call.extension ?? '').trim();
  if (ext) {
    const byExt = staff.find((s) => s.extensions.includes(ext));
    if (byExt) return byExt.name;
  }
  const line = lineKey(call.ourNumber ?? '', defaultCountry);
  if (line) {
    const byLine = staff.find((s) => s.lines.includes(line));
    if (byLine) return byLine.name;
  }
  return '';
}
