// One draft → the Person batchCreateContacts will receive, plus every problem found on the way. Nothing the office
// typed is lost: a value we cannot use is reported (row, column, value, why) AND written into the client's notes,
// so it can still be fixed by hand in Google Contacts.
//
// The Person carries no undefined values and no empty lists: it is sent as it is.

import { FIRST_VISIT_TYPES, MANAGER_KEYS } from '../../export/contact-view';
import { LOCALES, Locale } from '../../i18n/locale';
import { MessageKey, t } from '../../i18n/messages';
import { CARD_LIMIT, cardLength } from './card-size';
import { ParsedPhone, phoneParser, splitPhoneCell } from '../../phone';
import type {
  CalendarDate,
  ContactDraft,
  ImportProblem,
  Located,
  NormalizeOptions,
  NormalizeResult,
  NormalizedContact,
  NormalizedDraft,
  Person,
} from '../types';
import { dateAsText, parseDate } from './dates';
import { splitEmailCell } from './emails';
import { rowHash } from './row-hash';
import { looksLikeCompany, NameOrderDecision, NameOrderVote, NameParts, splitFullName } from './names';
import { peopleType } from './people-types';
import { googleSystemGroup, STARRED_LABEL } from './system-groups';

type Schema<K extends keyof Person> = NonNullable<Person[K]> extends Array<infer E> ? E : never;

/** Several labels in one cell: Google's ` ::: `, commas, semicolons, one per line. */
const LABEL_SEPARATOR = /\s*:::\s*|[,;\r\n]/;
const LABEL_SEPARATOR_TEST = /:::|[,;\r\n]/;
/** Where each language's word sits in the export's FIRST_VISIT_TYPES / MANAGER_KEYS lists. */
const WORD_INDEX: Record<Locale, number> = { en: 0, ru: 1, ka: 2 };
/** Text fields where a formula is reported (a phone, e-mail or date that is a formula is already not one). */
const FORMULA_FIELDS = [
  'fullName',
  'familyName',
  'givenName',
  'middleName',
  'nickname',
  'company',
  'title',
  'department',
  'manager',
] as const;

// Most cells are already clean; this tells them apart without building three new strings per cell. `\s` covers the
// BOM, so a text it does not match has no BOM, no leading apostrophe, no run of spaces and nothing to trim.
const NEEDS_CLEANING = /^['\s]|\s$|[^\S ]| {2}/;

/** Cell text as a value: BOM gone, the apostrophe our export puts before formula-like text gone, spaces collapsed. */
function clean(text: string | undefined): string {
  if (text === undefined) return '';
  const s = String(text ?? '');
  if (!NEEDS_CLEANING.test(s)) return s;
  return s
    .replace(/^\uFEFF/, '')
    .replace(/^'(?=[=+\-@\t\r])/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Notes keep their line breaks. */
function cleanLines(text: string | undefined): string {
  return String(text ?? '')
    .replace(/^\uFEFF/, '')
    .replace(/^'(?=[=+\-@\t\r])/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The list at its own size. An array grown by push keeps room for 16 more items, and a preview keeps its 25,000
 * contacts: the spare room made each of them twice as costly to move through the garbage collector.
 */
function sized<T>(list: T[]): T[] {
  return list.slice();
}

/** Copies only the keys that hold something. */
function compact<T extends object>(obj: T): T {
  const out = {} as T;
  for (const k of Object.keys(obj) as Array<keyof T>) {
    const v = obj[k];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

/** What stays the same for every row of one run: the language, the country, the parses made so far and the order
 *  each column's names are written in (decided from the whole column, never from the language). */
interface Run {
  options: NormalizeOptions;
  locale: Locale;
  parsePhone: (text: string) => Readonly<ParsedPhone> | undefined;
  names: NameOrderVote;
}

function runOf(options: NormalizeOptions, drafts: readonly ContactDraft[]): Run {
  const locale = (LOCALES as readonly string[]).includes(options.locale) ? options.locale : 'en';
  const names = new NameOrderVote();
  for (const d of drafts) {
    const full = nameToSplit(d);
    if (full !== undefined) names.add(d.fullName?.column ?? '', full);
  }
  return { options, locale, parsePhone: phoneParser(options.defaultCountry), names };
}

/** A formula where a value was expected (`=HYPERLINK("http://…","click")`): Sheets would run it, and its words are
 *  not a name to split. */
const FORMULA = /^=\S/;

/** The whole name a row leaves to be split: no name parts of its own, and not a company written as a name. */
function nameToSplit(d: ContactDraft): string | undefined {
  if (!d.fullName) return undefined;
  if (clean(d.familyName?.value) || clean(d.givenName?.value) || clean(d.middleName?.value)) return undefined;
  const full = clean(d.fullName.value);
  if (!full || FORMULA.test(full)) return undefined;
  const company = clean(d.company?.value);
  if (looksLikeCompany(full) && (!company || company === full)) return undefined;
  return full;
}

function scriptWord(locale: Locale, script: NameOrderDecision['script']): string {
  const key: Record<NameOrderDecision['script'], MessageKey> = {
    cyrillic: 'nameScriptCyrillic',
    latin: 'nameScriptLatin',
    georgian: 'nameScriptGeorgian',
    armenian: 'nameScriptArmenian',
    other: 'nameScriptOther',
  };
  return t(locale, key[script]);
}

/** The preview's words for each column's name order: which order, and how many rows showed it. */
function nameOrderWarnings(run: Run): string[] {
  const { locale } = run;
  return run.names.decisions().map((d) =>
    t(locale, d.byVote ? 'nameOrderByVote' : 'nameOrderUsual', {
      column: d.column,
      script: scriptWord(locale, d.script),
      order: t(locale, d.order === 'family-first' ? 'nameOrderFamilyFirst' : 'nameOrderGivenFirst'),
      familyFirst: String(d.familyFirst),
      givenFirst: String(d.givenFirst),
      ambiguous: String(d.ambiguous),
    }),
  );
}

class DraftNormalizer {
  readonly problems: ImportProblem[] = [];
  private readonly unrecognized: string[] = [];
  private readonly options: NormalizeOptions;
  private readonly locale: Locale;

  constructor(
    private readonly draft: ContactDraft,
    private readonly shared: Run,
  ) {
    this.options = shared.options;
    this.locale = shared.locale;
  }

  private reject(column: string, value: string, key: MessageKey, params: Record<string, string> = {}): void {
    this.problems.push({ row: this.draft.rowNumber, column, value, message: t(this.locale, key, params) });
    this.unrecognized.push(`${t(this.locale, 'importNotRecognized')} — ${column}: ${value}`);
  }

  private date(located: Located<string | CalendarDate> | undefined): CalendarDate | undefined {
    if (!located) return undefined;
    const result = parseDate(typeof located.value === 'string' ? clean(located.value) : located.value);
    if (result.ok) return result.date;
    if (result.reason === 'empty') return undefined;
    const key: MessageKey =
      result.reason === 'impossible'
        ? 'problemDateImpossible'
        : result.reason === 'yearOnly'
          ? 'problemDateYearOnly'
          : 'problemDate';
    this.reject(located.column, dateAsText(located.value), key);
    return undefined;
  }

  /** A formula cell in a text field: its displayed text was taken, or (none in the file) the formula kept as text. */
  private formulas(): void {
    const d = this.draft;
    for (const field of FORMULA_FIELDS) {
      const located = d[field];
      if (!located) continue;
      const value = clean(located.value);
      const shown = located.formula?.shown === true;
      if (!shown && !FORMULA.test(value)) continue;
      this.problems.push({
        row: d.rowNumber,
        column: located.column,
        value: shown ? `${value} (${located.formula?.formula ?? ''})` : value,
        message: t(this.locale, shown ? 'problemFormulaShown' : 'problemFormulaKept'),
        severity: 'warning',
      });
    }
  }

  private names(company: string): { name?: Schema<'names'>; company: string } {
    const d = this.draft;
    let parts: NameParts = compact({
      familyName: clean(d.familyName?.value),
      givenName: clean(d.givenName?.value),
      middleName: clean(d.middleName?.value),
    });
    const full = clean(d.fullName?.value);
    if (!parts.familyName && !parts.givenName && !parts.middleName && full) {
      if (FORMULA.test(full)) parts = { givenName: full };
      else if (looksLikeCompany(full) && (!company || company === full)) return { company: full };
      else parts = splitFullName(full, this.shared.names.order(d.fullName?.column ?? '', full));
    }
    const name = compact({
      familyName: parts.familyName,
      givenName: parts.givenName,
      middleName: parts.middleName,
      honorificPrefix: clean(d.prefix?.value) || parts.prefix,
      honorificSuffix: clean(d.suffix?.value),
    });
    return { name: Object.keys(name).length ? name : undefined, company };
  }

  private phones(): { list: Array<Schema<'phoneNumbers'>>; keys: string[] } {
    const list: Array<Schema<'phoneNumbers'>> = [];
    const keys: string[] = [];
    const seen: string[] = [];
    for (const cell of this.draft.phones) {
      for (const written of splitPhoneCell(clean(cell.value))) {
        const parsed = this.shared.parsePhone(written);
        if (!parsed) {
          this.reject(cell.column, written, 'problemPhone', {
            country: String(this.options.defaultCountry ?? '').toUpperCase(),
          });
          continue;
        }
        const id = `${parsed.e164};${parsed.extension ?? ''}`;
        if (seen.includes(id)) continue;
        seen.push(id);
        list.push(compact({ value: written, canonicalForm: parsed.e164, type: peopleType('phone', cell.type) }));
        if (!keys.includes(parsed.e164)) keys.push(parsed.e164);
      }
    }
    return { list: sized(list), keys: sized(keys) };
  }

  private emails(): { list: Array<Schema<'emailAddresses'>>; keys: string[] } {
    const list: Array<Schema<'emailAddresses'>> = [];
    const seen = new Set<string>();
    for (const cell of this.draft.emails) {
      for (const piece of splitEmailCell(clean(cell.value))) {
        if (!piece.valid) {
          this.reject(cell.column, piece.value, 'problemEmail');
          continue;
        }
        const key = piece.value.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        list.push(compact({ value: piece.value, type: peopleType('email', cell.type) }));
      }
    }
    return { list: sized(list), keys: [...seen] };
  }

  private labels(): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const cell of this.draft.labels) {
      const value = String(cell.value ?? '');
      for (const raw of LABEL_SEPARATOR_TEST.test(value) ? value.split(LABEL_SEPARATOR) : [value]) {
        const text = clean(raw);
        const system = text ? googleSystemGroup(text) : undefined;
        if (system === 'myContacts') continue;
        const bare =
          system === 'starred' ? STARRED_LABEL : text.charCodeAt(0) === 0x2a ? text.replace(/^\*\s*/, '') : text;
        if (!bare) continue;
        const lower = bare.toLowerCase();
        if (seen.has(lower)) continue;
        seen.add(lower);
        out.push(bare);
      }
    }
    return sized(out);
  }

  private addresses(): Array<Schema<'addresses'>> {
    return this.draft.addresses
      .map((a) =>
        compact({
          formattedValue: clean(a.formatted),
          streetAddress: clean(a.street),
          extendedAddress: clean(a.extended),
          poBox: clean(a.poBox),
          city: clean(a.city),
          region: clean(a.region),
          postalCode: clean(a.postalCode),
          country: clean(a.country),
          type: peopleType('address', a.type),
        } as Schema<'addresses'>),
      )
      .filter((a) => Object.keys(a).some((k) => k !== 'type'));
  }

  private urls(): Array<Schema<'urls'>> {
    return this.draft.urls
      .map((u) => compact({ value: clean(u.value), type: peopleType('url', u.type) }))
      .filter((u) => u.value);
  }

  /** The first visit (under the office's word for it) and the other dated events. */
  private events(): Array<Schema<'events'>> {
    const events: Array<Schema<'events'>> = [];
    const firstVisit = this.date(this.draft.firstVisit);
    if (firstVisit) events.push({ type: FIRST_VISIT_TYPES[WORD_INDEX[this.locale]], date: firstVisit });
    for (const e of this.draft.events) {
      const date = this.date(e);
      if (date) events.push({ type: peopleType('event', e.type) ?? 'other', date });
    }
    return events;
  }

  /** The manager (under the office's word for it), then the custom fields, each key and value once. */
  private userDefined(): Array<Schema<'userDefined'>> {
    const userDefined: Array<Schema<'userDefined'>> = [];
    const manager = clean(this.draft.manager?.value);
    if (manager) userDefined.push({ key: MANAGER_KEYS[WORD_INDEX[this.locale]], value: manager });
    for (const c of this.draft.custom) {
      const value = cleanLines(c.value);
      if (!value) continue;
      const key = clean(c.key) || clean(c.column);
      if (!userDefined.some((u) => u.key === key && u.value === value)) userDefined.push({ key, value });
    }
    return userDefined;
  }

  /** The file's notes, then (after a blank line) what no column could take. */
  private notes(): string {
    let written = '';
    for (const n of this.draft.notes) {
      const line = cleanLines(n.value);
      if (line) written = written ? `${written}\n${line}` : line;
    }
    const unrecognized = this.unrecognized.join('\n');
    return written && unrecognized ? `${written}\n\n${unrecognized}` : written || unrecognized;
  }

  run(): NormalizedDraft {
    const d = this.draft;
    this.formulas();
    const { name, company } = this.names(clean(d.company?.value));
    const organization = compact({
      name: company,
      title: clean(d.title?.value),
      department: clean(d.department?.value),
    });
    const phones = this.phones();
    const emails = this.emails();
    const addresses = this.addresses();
    const urls = this.urls();
    const nickname = d.nickname ? clean(d.nickname.value) : '';
    const birthday = this.date(d.birthday);
    const events = this.events();
    const userDefined = this.userDefined();
    const labels = this.labels();
    if (!(name || organization.name || phones.list.length || emails.list.length)) {
      this.problems.push({ row: d.rowNumber, column: '', value: '', message: t(this.locale, 'problemEmptyRow') });
      return { contact: null, problems: this.problems };
    }
    const notes = this.notes();

    const person: Person = {};
    if (name) person.names = [name];
    if (nickname) person.nicknames = [{ value: nickname }];
    if (Object.keys(organization).length) person.organizations = [organization];
    if (phones.list.length) person.phoneNumbers = phones.list;
    if (emails.list.length) person.emailAddresses = emails.list;
    if (addresses.length) person.addresses = addresses;
    if (urls.length) person.urls = urls;
    if (birthday) person.birthdays = [{ date: birthday }];
    if (events.length) person.events = sized(events);
    if (userDefined.length) person.userDefined = sized(userDefined);
    if (notes) person.biographies = [{ value: notes, contentType: 'TEXT_PLAIN' }];

    const hash = { key: 'crm.rowHash', value: rowHash(person, labels) };
    person.clientData = this.options.importId ? [hash, { key: 'crm.importId', value: this.options.importId }] : [hash];

    const contact: NormalizedContact = {
      rowNumber: d.rowNumber,
      person,
      labels,
      keys: { phones: phones.keys, emails: emails.keys },
    };
    const length = cardLength(contact);
    if (length > CARD_LIMIT) {
      // The import could not stage it (server/import/staging.ts): refused here, so the preview does not count it new.
      const note = person.biographies?.[0]?.value ?? '';
      this.problems.push({
        row: d.rowNumber,
        column: this.draft.notes[0]?.column ?? '',
        value: note.slice(0, 80),
        message: t(this.locale, 'problemCardTooLong', { length, limit: CARD_LIMIT, note: note.length }),
      });
      return { contact: null, problems: this.problems };
    }
    return { contact, problems: this.problems };
  }
}

export function normalizeDraft(draft: ContactDraft, options: NormalizeOptions): NormalizedDraft {
  return new DraftNormalizer(draft, runOf(options, [draft])).run();
}

export function normalizeAll(drafts: ContactDraft[], options: NormalizeOptions): NormalizeResult {
  const contacts: NormalizedContact[] = [];
  const problems: ImportProblem[] = [];
  const run = runOf(options, drafts);
  for (const draft of drafts) {
    const result = new DraftNormalizer(draft, run).run();
    if (result.contact) contacts.push(result.contact);
    for (const p of result.problems) problems.push(p);
  }
  return { contacts, problems, warnings: nameOrderWarnings(run) };
}
