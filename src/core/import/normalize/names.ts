// Splits a whole name written in one cell. Russian lists put the surname first ("Иванов Иван Иванович"), Western and
// Georgian ones put it last ("John Smith", "გიორგი ბერიძე"); a patronymic, when there is one, tells which order it is.

import type { Locale } from '../../i18n/locale';
import { collapseSpaces } from './spaces';

export interface NameParts {
  familyName?: string;
  givenName?: string;
  middleName?: string;
  prefix?: string;
}

const CYRILLIC = /[\u0400-\u04FF]/;
const GEORGIAN = /[\u10A0-\u10FF\u1C90-\u1CBF]/;
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

function isPatronymic(word: string): boolean {
  return CYRILLIC.test(word) ? PATRONYMIC_CYRILLIC.test(word) : PATRONYMIC_LATIN.test(word);
}

function clean(parts: NameParts): NameParts {
  const out: NameParts = {};
  for (const k of ['prefix', 'givenName', 'middleName', 'familyName'] as const) if (parts[k]) out[k] = parts[k];
  return out;
}

export function splitFullName(fullName: string, locale: Locale): NameParts {
  const text = collapseSpaces(fullName);
  if (!text) return {};
  // "Smith, John" / "Иванов, Иван Иванович": the part before the comma is the surname.
  const comma = /^([^,]+),\s*(.+)$/.exec(text);
  if (comma) {
    const rest = comma[2].split(' ');
    return clean({ familyName: comma[1].trim(), givenName: rest[0], middleName: rest.slice(1).join(' ') });
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
    return clean({ prefix, familyName: words[0], givenName: words[1], middleName: words.slice(2).join(' ') });
  }
  const cyrillic = CYRILLIC.test(text) && !GEORGIAN.test(text);
  const russianOrder = cyrillic && locale === 'ru';
  if (words.length === 1) return clean({ prefix, givenName: words[0] });
  if (words.length === 2) {
    if (isPatronymic(words[1]) && cyrillic) return clean({ prefix, givenName: words[0], middleName: words[1] });
    return russianOrder
      ? clean({ prefix, familyName: words[0], givenName: words[1] })
      : clean({ prefix, givenName: words[0], familyName: words[1] });
  }
  if (words.length === 3) {
    // "Иван Иванович Иванов": patronymic in the middle, surname last.
    if (isPatronymic(words[1]))
      return clean({ prefix, givenName: words[0], middleName: words[1], familyName: words[2] });
    if (isPatronymic(words[2]) || russianOrder)
      return clean({ prefix, familyName: words[0], givenName: words[1], middleName: words[2] });
    return clean({ prefix, givenName: words[0], middleName: words[1], familyName: words[2] });
  }
  if (russianOrder || isPatronymic(words[words.length - 1])) {
    return clean({ prefix, familyName: words[0], givenName: words[1], middleName: words.slice(2).join(' ') });
  }
  return clean({
    prefix,
    givenName: words[0],
    middleName: words.slice(1, -1).join(' '),
    familyName: words[words.length - 1],
  });
}
