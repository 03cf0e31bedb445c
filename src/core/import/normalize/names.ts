// Splits a whole name written in one cell. Russian lists put the surname first ("Иванов Иван Иванович"), Western and
// Georgian ones put it last ("John Smith", "გიორგი ბერიძე"). The order is told by the data, never by the interface
// language (an English-speaking office imports Russian names too): a patronymic, a surname ending (-ов/-ова/-ин/
// -ская/-енко/-дзе/-швили/-ян…) or a known given name shows it; a row that shows neither order ("Ким Ли") follows the
// majority of its column (NameOrderVote), and failing any evidence the usual order of its script.

import type { Locale } from '../../i18n/locale';
import { GIVEN_NAMES } from './given-names';
import { collapseSpaces } from './spaces';

export interface NameParts {
  familyName?: string;
  givenName?: string;
  middleName?: string;
  prefix?: string;
}

const CYRILLIC = /[\u0400-\u04FF]/;
const GEORGIAN = /[\u10A0-\u10FF\u1C90-\u1CBF]/;
const ARMENIAN = /[\u0530-\u058F]/;
const LATIN = /[A-Za-z\u00C0-\u024F]/;
const PATRONYMIC_CYRILLIC = /(?:ович|евич|ич|овна|евна|ична|инична)$/i;
const PATRONYMIC_LATIN = /(?:ovich|evich|ovna|evna|ichna|inichna)$/i;
/** Turkic patronymics are two words: "Мамедов Али Гусейн оглы". */
const TURKIC_PATRONYMIC = /^(?:оглы|кызы|улы|қызы|ogly|ogli|oglu|kyzy|qizi)$/i;
const INITIALS = /^(?:\p{Lu}\.){2,}$/u;
const PREFIXES = /^(?:mr|mrs|ms|miss|dr|prof|г-н|г-жа|господин|госпожа|ბ-ნი|ქ-ნი|ბატონი|ქალბატონი)\.?$/i;

const LEGAL_FORMS = new Set([
  'ооо',
  'оао',
  'зао',
  'пао',
  'ао',
  'ип',
  'нко',
  'ано',
  'тоо',
  'чп',
  'гбу',
  'муп',
  'фгуп',
  'llc',
  'ltd',
  'inc',
  'gmbh',
  'corp',
  'jsc',
  'plc',
  'шпс',
  'შპს',
  'სს',
  'ი/მ',
  'იმ',
]);

const LONGEST_LEGAL_FORM = Math.max(...[...LEGAL_FORMS].map((w) => w.length));
const WORD_EDGE_PUNCTUATION = /^[."'(]|[.,"')]$/;

function isLegalForm(word: string): boolean {
  // Lower case never makes a word shorter, so a longer word with nothing to strip at its ends is not one.
  if (word.length > LONGEST_LEGAL_FORM && !WORD_EDGE_PUNCTUATION.test(word)) return false;
  return LEGAL_FORMS.has(word.toLowerCase().replace(/^[."'(]+|[.,"')]+$/g, ''));
}

/** "ООО «Ромашка»", "Acme LLC", "შპს ალფა": a company written where a name was expected. */
export function looksLikeCompany(text: string): boolean {
  if (/[«»„“]/.test(text)) return true;
  // Only the first and the last word can be a legal form.
  const words = text.split(/\s+/);
  return isLegalForm(words[0]) || (words.length > 1 && isLegalForm(words[words.length - 1]));
}

function clean(parts: NameParts): NameParts {
  const out: NameParts = {};
  for (const k of ['prefix', 'givenName', 'middleName', 'familyName'] as const) if (parts[k]) out[k] = parts[k];
  return out;
}

function isPatronymic(word: string): boolean {
  return CYRILLIC.test(word) ? PATRONYMIC_CYRILLIC.test(word) : PATRONYMIC_LATIN.test(word);
}

const SURNAME_CYRILLIC = /(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|енко|дзе|швили|ян|янц)$/i;
const SURNAME_LATIN = /(?:ov|ova|ev|eva|sky|skiy|skii|skaya|enko|dze|shvili|yan|yants)$/i;
const SURNAME_GEORGIAN = /(?:ძე|შვილი|ია|ავა|უა|ანი|ური|ელი)$/;
const SURNAME_ARMENIAN = /(?:յան|յանց|ունի)$/;
const INITIAL = /^\p{Lu}\.$/u;

export type NameOrder = 'family-first' | 'given-first';
export type NameScript = 'cyrillic' | 'latin' | 'georgian' | 'armenian' | 'other';

export function nameScript(text: string): NameScript {
  if (GEORGIAN.test(text)) return 'georgian';
  if (ARMENIAN.test(text)) return 'armenian';
  if (CYRILLIC.test(text)) return 'cyrillic';
  if (LATIN.test(text)) return 'latin';
  return 'other';
}

/** The order a script's names are usually written in when nothing in the data says otherwise. */
function usualOrder(script: NameScript): NameOrder {
  return script === 'cyrillic' ? 'family-first' : 'given-first';
}

function surnameLike(word: string): boolean {
  const w = word.replace(/[.,]+$/, '');
  const re = CYRILLIC.test(w)
    ? SURNAME_CYRILLIC
    : GEORGIAN.test(w)
      ? SURNAME_GEORGIAN
      : ARMENIAN.test(w)
        ? SURNAME_ARMENIAN
        : SURNAME_LATIN;
  const m = re.exec(w);
  // The ending alone, or with one letter before it (Ян, Лев), is not a surname.
  return !!m && w.length >= m[0].length + 2;
}

/** What one word of a name shows about itself. */
function wordKind(word: string): 'given' | 'family' | undefined {
  if (INITIAL.test(word)) return 'given';
  if (GIVEN_NAMES.has(word.toLowerCase().replace(/ё/g, 'е')) || GIVEN_NAMES.has(word.toLowerCase())) return 'given';
  return surnameLike(word) ? 'family' : undefined;
}

/** The order two words show: the first is a surname or the second a given name → family first, and so on. */
function orderOf(first: string, last: string): NameOrder | undefined {
  const a = wordKind(first);
  const b = wordKind(last);
  const familyFirst = (a === 'family' && b !== 'family') || (b === 'given' && a !== 'given');
  const givenFirst = (a === 'given' && b !== 'given') || (b === 'family' && a !== 'family');
  if (familyFirst === givenFirst) return undefined;
  return familyFirst ? 'family-first' : 'given-first';
}

/** A name as the data alone reads it: split already (one word, a comma, a Turkic patronymic), or in words whose
 *  order the name shows (`order`) or does not show (`order` undefined: the column decides). */
interface ReadName {
  script: NameScript;
  prefix?: string;
  parts?: NameParts;
  words: string[];
  order?: NameOrder;
}

function readName(fullName: string): ReadName | undefined {
  const text = collapseSpaces(fullName);
  if (!text) return undefined;
  const script = nameScript(text);
  // "Smith, John" / "Иванов, Иван Иванович": the part before the comma is the surname.
  const comma = /^([^,]+),\s*(.+)$/.exec(text);
  if (comma) {
    const rest = comma[2].split(' ');
    return {
      script,
      words: [],
      parts: { familyName: comma[1].trim(), givenName: rest[0], middleName: rest.slice(1).join(' ') },
    };
  }
  // Initials written together ("Иванов И.И.") are two words.
  let words: string[] = [];
  for (const w of text.split(' ')) {
    if (w.includes('.') && INITIALS.test(w)) words.push(...(w.match(/\p{Lu}\./gu) ?? [w]));
    else words.push(w);
  }
  let prefix: string | undefined;
  if (words.length > 1 && PREFIXES.test(words[0])) {
    prefix = words[0];
    words = words.slice(1);
  }
  if (words.length > 2 && TURKIC_PATRONYMIC.test(words[words.length - 1])) {
    words = [...words.slice(0, -2), `${words[words.length - 2]} ${words[words.length - 1]}`];
    return {
      script,
      prefix,
      words,
      parts: { familyName: words[0], givenName: words[1], middleName: words.slice(2).join(' ') },
    };
  }
  const cyrillic = script === 'cyrillic';
  if (words.length === 1)
    return { script, prefix, words, parts: surnameLike(words[0]) ? { familyName: words[0] } : { givenName: words[0] } };
  if (words.length === 2 && cyrillic && isPatronymic(words[1]))
    return { script, prefix, words, parts: { givenName: words[0], middleName: words[1] } };
  const last = words.length - 1;
  // "Иван Иванович Иванов": patronymic in the middle, surname last; "Иванов Иван Иванович": patronymic last.
  if (words.length === 3 && isPatronymic(words[1])) return { script, prefix, words, order: 'given-first' };
  if (words.length >= 3 && isPatronymic(words[last])) return { script, prefix, words, order: 'family-first' };
  return { script, prefix, words, order: orderOf(words[0], words[last]) };
}

function assemble(read: ReadName, order: NameOrder): NameParts {
  const { prefix, words } = read;
  if (read.parts) return clean({ prefix, ...read.parts });
  if (order === 'family-first')
    return clean({ prefix, familyName: words[0], givenName: words[1], middleName: words.slice(2).join(' ') });
  return clean({
    prefix,
    givenName: words[0],
    middleName: words.slice(1, -1).join(' '),
    familyName: words[words.length - 1],
  });
}

/**
 * Splits a whole name. `columnOrder` is the order its column's other names show (NameOrderVote), for a name that
 * shows none itself; without it such a name takes its script's usual order. A Locale may still be passed by older
 * callers: it is ignored — the interface language never decides which word is the surname.
 */
export function splitFullName(fullName: string, columnOrder?: NameOrder | Locale): NameParts {
  const read = readName(fullName);
  if (!read) return {};
  const fromColumn = columnOrder === 'family-first' || columnOrder === 'given-first' ? columnOrder : undefined;
  return assemble(read, read.order ?? fromColumn ?? usualOrder(read.script));
}

export interface NameOrderDecision {
  column: string;
  script: NameScript;
  order: NameOrder;
  /** Names that show family-first / given-first themselves. */
  familyFirst: number;
  givenFirst: number;
  /** Names that show neither and were read in `order`. */
  ambiguous: number;
  /** True when the rows decided by a majority; false when nothing in the column showed an order (script's usual). */
  byVote: boolean;
}

/** The vote over a column: the order its names show decides the order of those that show none. Per column and
 *  script, so a column of Russian names in Cyrillic and English ones in Latin reads each in its own way. */
export class NameOrderVote {
  private readonly tally = new Map<
    string,
    { column: string; script: NameScript; family: number; given: number; none: number }
  >();

  add(column: string, fullName: string): void {
    const read = readName(fullName);
    if (!read || read.parts) return;
    const key = `${column}\u0000${read.script}`;
    let t = this.tally.get(key);
    if (!t) {
      t = { column, script: read.script, family: 0, given: 0, none: 0 };
      this.tally.set(key, t);
    }
    if (read.order === 'family-first') t.family++;
    else if (read.order === 'given-first') t.given++;
    else t.none++;
  }

  /** The order for a name of this column that shows none. */
  order(column: string, fullName: string): NameOrder {
    const script = nameScript(fullName);
    const t = this.tally.get(`${column}\u0000${script}`);
    if (t && t.family !== t.given) return t.family > t.given ? 'family-first' : 'given-first';
    return usualOrder(script);
  }

  decisions(): NameOrderDecision[] {
    return [...this.tally.values()].map((t) => {
      const byVote = t.family !== t.given;
      return {
        column: t.column,
        script: t.script,
        order: byVote ? (t.family > t.given ? 'family-first' : 'given-first') : usualOrder(t.script),
        familyFirst: t.family,
        givenFirst: t.given,
        ambiguous: t.none,
        byVote,
      };
    });
  }
}

/** What one word of a cell shows about it being part of a person's name. */
export type NameWordKind = 'given' | 'family' | 'patronymic';

const NAME_WORD = /^\p{L}[\p{L}'’-]*\.?$/u;

/**
 * The words of a cell that has the shape of a person's name (one to four words of letters, each capitalised in
 * scripts that have capitals, or initials), each with what it shows: a known given name or an initial, a surname
 * ending, a patronymic — the same knowledge splitFullName uses. Undefined when the cell is not name-shaped or is a
 * company. For content-aware mapping (mapping/content-values.ts): a column of such cells is a column of names.
 */
export function nameWords(text: string): Array<NameWordKind | undefined> | undefined {
  const t = collapseSpaces(text);
  if (!t || t.length > 80 || looksLikeCompany(t)) return undefined;
  const words: string[] = [];
  for (const w of t.replace(/,/g, ' ').split(' ')) {
    if (!w) continue;
    if (w.includes('.') && INITIALS.test(w)) words.push(...(w.match(/\p{Lu}\./gu) ?? [w]));
    else words.push(w);
  }
  if (words.length === 0 || words.length > 4) return undefined;
  const out: Array<NameWordKind | undefined> = [];
  for (const w of words) {
    if (TURKIC_PATRONYMIC.test(w)) {
      out.push('patronymic');
      continue;
    }
    if (!NAME_WORD.test(w)) return undefined;
    // Georgian and Armenian-in-lower-case have no capital to look at; in the other scripts a name is capitalised.
    if (/^\p{Ll}/u.test(w) && !GEORGIAN.test(w)) return undefined;
    if (w.endsWith('.') && !INITIAL.test(w)) return undefined;
    out.push(isPatronymic(w) && w.length > 5 ? 'patronymic' : wordKind(w));
  }
  return out;
}
