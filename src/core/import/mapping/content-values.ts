// What one cell's value looks like, for mapping a column by its content when its header says nothing ("Col1",
// "Наименование клиента") or the file has no header row. Each test reuses the knowledge the cleaning applies to the
// same value later — the phone parser, the e-mail and date rules, the name and legal-form lists — so a column
// guessed as phones is a column the cleaning will read as phones.

import { parsePhone, splitPhoneCell } from '../../phone';
import { parseDate } from '../normalize/dates';
import { splitEmailCell } from '../normalize/emails';
import { looksLikeCompany, nameWords, type NameWordKind } from '../normalize/names';
import { collapseSpaces } from '../normalize/spaces';
import type { CalendarDate, SourceCell } from '../types';

/** The kinds of value a column can be recognised by. */
export type ValueKind = 'phone' | 'email' | 'date' | 'personName' | 'company' | 'notes';

export interface ValueTraits {
  kinds: Set<ValueKind>;
  /** For a date: its year, when written (birthdays and visits differ in how their years spread). */
  year?: number;
  dated?: boolean;
  /** For a name: the words and what each shows (nameWords). */
  nameWords?: Array<NameWordKind | undefined>;
}

// A phone as offices write it: digits with spaces, dashes, brackets, a leading + and perhaps an extension.
const PHONE_SHAPE = /^\+?[\d\s()\-–]+(?:\s*(?:доб|вн|ext|x|#)\.?\s*\d{1,6})?$/i;
const DATE_SEPARATED = /[./-]|\p{L}/u;
/** Excel serials of 1927–2099: a date cell that lost its format. Smaller or larger bare numbers are other things
 *  (postal codes, counters, sums). */
const SERIAL_MIN = 10_000;
const SERIAL_MAX = 73_050;

function isPhone(text: string, defaultCountry: string): boolean {
  const pieces = splitPhoneCell(text);
  if (pieces.length === 0) return false;
  return pieces.every((piece) => {
    const p = piece.trim();
    if (!PHONE_SHAPE.test(p)) return false;
    const digits = p.replace(/\D/g, '').length;
    if (digits < 7 || digits > 15) return false;
    if (parsePhone(p, defaultCountry)) return true;
    // Without the office's country a national number cannot be checked: its shape has to do. Bare digits need the
    // length of a full number; a 7-digit local number needs its separators.
    if (defaultCountry) return false;
    return /^\+/.test(p) ? false : digits >= 10 || /[\s()\-–]/.test(p);
  });
}

function isEmail(text: string): boolean {
  const pieces = splitEmailCell(text);
  return pieces.length > 0 && pieces.every((p) => p.valid);
}

function dateOf(cell: SourceCell, text: string): CalendarDate | undefined {
  if (cell.date) return cell.date;
  if (!DATE_SEPARATED.test(text)) {
    const n = Number(text);
    if (!Number.isInteger(n) || n < SERIAL_MIN || n > SERIAL_MAX) return undefined;
  }
  const parsed = parseDate(text);
  return parsed.ok ? parsed.date : undefined;
}

function isNotes(text: string): boolean {
  // Free text: a sentence or more, in words with lower-case letters (not a code, not a shouted company name).
  return text.length >= 30 && text.split(' ').length >= 4 && /\p{Ll}/u.test(text);
}

/** What a non-empty cell looks like. `defaultCountry` (the office's, when known) lets national numbers be checked. */
export function valueTraits(cell: SourceCell, defaultCountry = ''): ValueTraits {
  const text = collapseSpaces(String(cell.text ?? ''));
  const kinds = new Set<ValueKind>();
  const traits: ValueTraits = { kinds };
  const date = dateOf(cell, text);
  if (date) {
    kinds.add('date');
    traits.dated = true;
    if (date.year !== undefined) traits.year = date.year;
    return traits;
  }
  if (!text) return traits;
  if (/\d/.test(text) && isPhone(text, defaultCountry)) kinds.add('phone');
  else if (text.includes('@') && isEmail(text)) kinds.add('email');
  else if (looksLikeCompany(text)) kinds.add('company');
  else {
    const words = nameWords(text);
    if (words) {
      kinds.add('personName');
      traits.nameWords = words;
    } else if (isNotes(text)) kinds.add('notes');
  }
  return traits;
}

/** A value that a column name never is: a header row holding one is a row of data. */
export function isStrongValue(traits: ValueTraits): boolean {
  return traits.kinds.has('phone') || traits.kinds.has('email') || traits.kinds.has('date');
}

/** A name that shows it is one (a known given name, a surname ending, a patronymic, an initial). */
export function isShownName(traits: ValueTraits): boolean {
  return !!traits.nameWords?.some((k) => k !== undefined);
}
