// A file whose first row is already a client ("Петрова Мария;+79161234501;maria@mail.ru", no header row) is read
// without a header instead of being refused, or worse, having its first client taken for column names. A row is
// data when one of its cells is a value of the kind its column holds below it — a phone in a column of phones, an
// e-mail, a date, a name that shows it is one — and none of its cells is a column name we know ("Телефон").

import { profileColumns, type ColumnProfile } from '../mapping/content-guess';
import { isShownName, isStrongValue, valueTraits } from '../mapping/content-values';
import { genericMeaning } from '../mapping/generic-headers';
import type { SourceRow } from '../types';

/** The share of a column's values that must be of a kind for a cell of that kind above them to count as data. */
const COLUMN_SHARE = 0.8;

function filledIndexes(row: SourceRow): number[] {
  const out: number[] = [];
  row.cells.forEach((c, i) => {
    if (c.date || /\S/.test(c.text)) out.push(i);
  });
  return out;
}

/** The cells of `row` that a header row never holds: values (phones, e-mails, dates) or names that show they are. */
function valueCells(row: SourceRow): Array<{ index: number; kinds: string[] }> {
  const out: Array<{ index: number; kinds: string[] }> = [];
  for (const index of filledIndexes(row)) {
    const traits = valueTraits(row.cells[index]);
    const kinds = [...traits.kinds].filter((k) => k !== 'personName' || isShownName(traits));
    if (isStrongValue(traits) || kinds.includes('personName')) out.push({ index, kinds });
  }
  return out;
}

/** A cell that is a column name we know ("Телефон", "E-mail"); `№` and number-only cells say nothing. */
function isKnownHeader(row: SourceRow): boolean {
  return filledIndexes(row).some((i) => {
    const cell = row.cells[i];
    if (cell.date || !/\p{L}/u.test(cell.text)) return false;
    const meaning = genericMeaning(cell.text, true);
    return meaning !== undefined && meaning.field !== 'ignore';
  });
}

/**
 * Whether `row` is data like the rows of `below`: one of its cells is of the kind its column mostly holds there.
 * Only the columns where the row has a value-like cell are looked at, so a real header row costs almost nothing.
 */
export function looksLikeData(row: SourceRow, below: SourceRow[]): boolean {
  const cells = valueCells(row);
  if (cells.length === 0 || isKnownHeader(row)) return false;
  const profiles = profileColumns(
    below,
    cells.map((c) => c.index),
  );
  return cells.some(({ index, kinds }) => {
    const p = profiles.get(index) as ColumnProfile;
    return p.sampled > 0 && kinds.some((k) => p.counts[k as keyof ColumnProfile['counts']] / p.sampled >= COLUMN_SHARE);
  });
}

/** A row alone in a file is data when it holds values a header never does (two of them: one could be a title). */
export function loneRowIsData(row: SourceRow): boolean {
  return !isKnownHeader(row) && valueCells(row).filter((c) => c.kinds.some((k) => k !== 'personName')).length >= 2;
}

/** Whether a row holds a phone, an e-mail, a date or a name that shows it is one. */
export function hasValueCell(row: SourceRow): boolean {
  return valueCells(row).length > 0;
}
