// Content-aware mapping: a column whose header says nothing we know ("Col1", "Наименование клиента", "Column 3", an
// empty header) or a file without a header row is mapped by what its values look like. Each column is scored from
// a sample of its non-empty values (content-values.ts says what each value is); a field is proposed only above its
// threshold, with the evidence the user reads as the reason ("9 of 10 values are phone numbers", guess-messages.ts).
//
// Known headers keep winning: only the columns the header mapping left unknown are guessed, plus headers too vague
// to decide alone ("Контакт" holds phones as often as names) when the content is clearly phones or e-mails. A field
// that holds one value per client (the name, the company, the birthday) is never given to two columns.

import { SINGLE_VALUE_FIELDS, type ContactField, type Mapping, type MappingColumn, type SourceRow } from '../types';
import { headerKey } from './header-key';
import { isShownName, valueTraits, type ValueKind, type ValueTraits } from './content-values';

/** At most this many non-empty values of a column are looked at: enough to be sure, cheap on a 25,000-row file. */
export const SAMPLE_SIZE = 200;

/** What a guess rests on; the reason shown to the user is made from it (guessReason). */
export interface ContentEvidence {
  kind: ValueKind | 'label';
  /** Values of the sample that are of the kind (for labels: all of them). */
  matched: number;
  /** Non-empty values looked at. */
  sampled: number;
  /** Labels: the number of different values. */
  distinct?: number;
}

export interface ColumnGuess {
  index: number;
  field: ContactField;
  type?: string;
  /** matched / sampled, 0..1: the higher, the surer. */
  score: number;
  evidence: ContentEvidence;
}

/** The share of a sample that must be of one kind. Names and companies need fewer: a name without a known given
 *  name or ending ("Ким Ли") still has a name's shape, and not every company writes its legal form. */
const THRESHOLD: Record<ValueKind | 'label', number> = {
  phone: 0.8,
  email: 0.8,
  date: 0.8,
  personName: 0.8,
  company: 0.6,
  notes: 0.6,
  label: 0.5,
};
/** Of a name column's values, this share must show it is a name (not merely capitalised words: "Москва", "VIP"). */
const SHOWN_NAMES = 0.5;
/** Below this many values, a guess needs all of them. */
const MIN_SAMPLE = 3;
const LABEL_MAX_LENGTH = 40;
const LABEL_MAX_DISTINCT = 20;
/** Yes/no marks (a "newsletter" or "agreed" column): repeated short values, but not categories. */
const FLAGS = new Set([
  'да',
  'нет',
  'yes',
  'no',
  'true',
  'false',
  'истина',
  'ложь',
  'კი',
  'არა',
  'x',
  'х',
  'v',
  '+',
  '-',
]);

export interface ColumnProfile {
  index: number;
  sampled: number;
  counts: Record<ValueKind, number>;
  shownNames: number;
  /** Name words: how many values are one word, and of those how many are each kind. */
  oneWord: number;
  oneWordKinds: { given: number; family: number; patronymic: number };
  years: number[];
  distinct: number;
  shortValues: number;
  /** Values with a letter in them, and values that are a yes/no mark: neither numbers nor flags are categories. */
  lettered: number;
  flags: number;
}

function emptyCounts(): Record<ValueKind, number> {
  return { phone: 0, email: 0, date: 0, personName: 0, company: 0, notes: 0 };
}

/** Looks at up to SAMPLE_SIZE non-empty values of each of the columns `indexes` of `rows`. */
export function profileColumns(rows: SourceRow[], indexes: number[], defaultCountry = ''): Map<number, ColumnProfile> {
  const profiles = new Map<number, ColumnProfile>();
  for (const index of indexes) {
    const p: ColumnProfile = {
      index,
      sampled: 0,
      counts: emptyCounts(),
      shownNames: 0,
      oneWord: 0,
      oneWordKinds: { given: 0, family: 0, patronymic: 0 },
      years: [],
      distinct: 0,
      shortValues: 0,
      lettered: 0,
      flags: 0,
    };
    const seen = new Set<string>();
    for (const row of rows) {
      if (p.sampled >= SAMPLE_SIZE) break;
      const cell = row.cells[index];
      if (!cell || (!cell.date && !/\S/.test(cell.text))) continue;
      p.sampled++;
      const traits = valueTraits(cell, defaultCountry);
      addTraits(p, traits);
      const text = cell.text.trim().toLowerCase();
      seen.add(text);
      if (text.length <= LABEL_MAX_LENGTH) p.shortValues++;
      if (/\p{L}/u.test(text)) p.lettered++;
      if (FLAGS.has(text)) p.flags++;
    }
    p.distinct = seen.size;
    profiles.set(index, p);
  }
  return profiles;
}

function addTraits(p: ColumnProfile, traits: ValueTraits): void {
  for (const kind of traits.kinds) p.counts[kind]++;
  if (traits.year !== undefined) p.years.push(traits.year);
  if (traits.nameWords) {
    if (isShownName(traits)) p.shownNames++;
    if (traits.nameWords.length === 1) {
      p.oneWord++;
      const k = traits.nameWords[0];
      if (k) p.oneWordKinds[k]++;
    }
  }
}

function guess(index: number, field: ContactField, evidence: ContentEvidence, type?: string): ColumnGuess {
  const out: ColumnGuess = { index, field, score: evidence.matched / evidence.sampled, evidence };
  if (type) out.type = type;
  return out;
}

/** Birthdays spread over decades, or are written without a year; visits and deals fall within a few years. */
function birthdayLike(years: number[], dated: number): boolean {
  if (years.length < dated / 2) return true;
  return Math.max(...years) - Math.min(...years) >= 10;
}

/** A name column holding one word per client is a column of given names, surnames or patronymics. */
function nameField(p: ColumnProfile): ContactField {
  const n = p.counts.personName;
  if (p.oneWord < n * 0.8) return 'fullName';
  const { given, family, patronymic } = p.oneWordKinds;
  if (patronymic >= p.oneWord * 0.5) return 'middleName';
  if (given > family) return 'givenName';
  if (family > given) return 'familyName';
  return 'fullName';
}

/** Every field the column's content supports above its threshold, surest first. */
export function columnGuesses(p: ColumnProfile): ColumnGuess[] {
  const n = p.sampled;
  if (n === 0) return [];
  const out: ColumnGuess[] = [];
  // A file of one or two clients is still mapped (a header-less file has nothing else to go by), but then every
  // value must be of the kind: one phone of two proves nothing.
  const at = (kind: ValueKind) => p.counts[kind] / n >= (n < MIN_SAMPLE ? 1 : THRESHOLD[kind]);
  const ev = (kind: ValueKind): ContentEvidence => ({ kind, matched: p.counts[kind], sampled: n });
  if (at('email')) out.push(guess(p.index, 'email', ev('email')));
  if (at('phone')) out.push(guess(p.index, 'phone', ev('phone')));
  if (at('date')) out.push(guess(p.index, birthdayLike(p.years, p.counts.date) ? 'birthday' : 'event', ev('date')));
  if (at('company')) out.push(guess(p.index, 'company', ev('company')));
  if (at('personName') && p.shownNames >= p.counts.personName * (n < MIN_SAMPLE ? 1 : SHOWN_NAMES))
    out.push(guess(p.index, nameField(p), ev('personName')));
  if (at('notes')) out.push(guess(p.index, 'notes', ev('notes')));
  // Categories: a few short values, each repeated. Checked last: a column of one repeated phone is still phones.
  const labelDistinct = Math.min(LABEL_MAX_DISTINCT, Math.max(2, Math.floor(n / 3)));
  const categoryLike = p.shortValues === n && p.lettered === n && p.flags < n;
  if (out.length === 0 && n >= 4 && categoryLike && p.distinct <= labelDistinct && p.distinct < n)
    out.push({
      index: p.index,
      field: 'label',
      score: 1 - p.distinct / n,
      evidence: { kind: 'label', matched: n, sampled: n, distinct: p.distinct },
    });
  return out.sort((a, b) => b.score - a.score);
}

/** Headers too vague to decide alone: the content decides when it is clearly phones or e-mails. */
const VAGUE_HEADERS = new Set(
  ['контакт', 'контакты', 'связь', 'данные', 'номер', 'contact', 'contacts', 'info', 'number', 'კონტაქტი'].map(
    headerKey,
  ),
);

/** A column the header mapping could not read: no known name, or no name at all. */
export function isUnknownColumn(c: MappingColumn): boolean {
  if (c.source && c.source !== 'header') return false;
  if (c.field === 'ignore') return !headerKey(c.header) && c.part !== 'photo';
  return c.field === 'custom' && c.group === undefined && c.key === c.header.trim();
}

function isVague(c: MappingColumn): boolean {
  return VAGUE_HEADERS.has(headerKey(c.header)) && !c.group;
}

const SINGLE: ReadonlySet<string> = new Set<string>([...SINGLE_VALUE_FIELDS, 'birthday', 'firstVisit']);

/**
 * The header mapping with its unknown columns mapped by content where the content is clear. Every column says where
 * its field came from (`source`), and a guessed one what the guess rests on (`guess`).
 */
export function guessByContent(mapping: Mapping, rows: SourceRow[], defaultCountry = ''): Mapping {
  const columns = mapping.columns.map((c): MappingColumn => ({ ...c, source: c.source ?? 'header' }));
  const unknown = columns.filter(isUnknownColumn);
  const vague = columns.filter(isVague);
  if (unknown.length === 0 && vague.length === 0) return { ...mapping, columns };
  const profiles = profileColumns(
    rows,
    [...unknown, ...vague].map((c) => c.index),
    defaultCountry,
  );
  const guessesOf = (c: MappingColumn) => columnGuesses(profiles.get(c.index) as ColumnProfile);
  const put = (column: MappingColumn, field: ContactField, evidence: ContentEvidence) => {
    const next: MappingColumn = { index: column.index, header: column.header, field, source: 'content' };
    if (field === 'event' && column.header.trim()) next.type = column.header.trim();
    next.guess = evidence;
    columns[columns.indexOf(column)] = next;
  };
  // A vague header gives way only to phones or e-mails, fields a client may have several of; otherwise it keeps its
  // field, and that field counts as taken for the unknown columns below.
  for (const column of vague) {
    const g = guessesOf(column).find((x) => x.field === 'phone' || x.field === 'email');
    if (g && g.field !== column.field) put(column, g.field, g.evidence);
  }
  const taken = new Set<string>(columns.filter((c) => !unknown.includes(c) && SINGLE.has(c.field)).map((c) => c.field));
  const candidates = unknown
    .flatMap((c) => guessesOf(c).map((g) => ({ column: c, guess: g })))
    .sort((a, b) => b.guess.score - a.guess.score || a.column.index - b.column.index);
  const decided = new Set<number>();
  for (const { column, guess: g } of candidates) {
    if (decided.has(column.index)) continue;
    // A second column of dates is another event, not a second birthday.
    const field = g.field === 'birthday' && taken.has('birthday') ? 'event' : g.field;
    if (SINGLE.has(field) && taken.has(field)) continue;
    decided.add(column.index);
    if (SINGLE.has(field)) taken.add(field);
    put(column, field, g.evidence);
  }
  return { ...mapping, columns };
}

/** The mapping as it is remembered: the fields only. Where they came from is this file's story, not the layout's
 *  (next time the whole mapping is `remembered`), and the property store is small. */
export function mappingToRemember(mapping: Mapping): Mapping {
  return {
    ...mapping,
    columns: mapping.columns.map(({ source: _source, guess: _guess, ...rest }) => rest),
  };
}
