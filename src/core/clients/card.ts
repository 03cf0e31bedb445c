// A client's card as the Client sidebar and the CLI edit it, and its way back into Google Contacts: Person → card,
// card changes → one updateContact (the person and its updatePersonFields), and the three-way merge that keeps a change
// made elsewhere since the user read the card. Names, birthday, first visit, manager and notes are read as
// export/contact-view.ts reads them and written as the import writes them (first visit = an `events[]` entry,
// manager = a `userDefined` key), so every part of the product agrees on what a field is.

import type { ClientCard, ClientCardChanges, ClientCardField } from '../../shared/clients-dto';
import {
  dateText,
  FIRST_VISIT_TYPES,
  firstVisitOf,
  managerOf,
  MANAGER_KEYS,
  nameOf,
  notesOf,
} from '../export/contact-view';
import { Locale } from '../i18n/locale';
import { isValidEmail } from '../import/normalize/emails';
import { parseDate } from '../import/normalize/dates';
import type { CalendarDate, Person } from '../import/types';
import { parsePhone, toE164 } from '../phone';
import { crmLineOf, staffNote, withCrmLine } from './crm-line';

export const CARD_FIELDS: readonly ClientCardField[] = [
  'familyName',
  'givenName',
  'middleName',
  'labels',
  'phones',
  'emails',
  'birthday',
  'firstVisit',
  'notes',
  'addresses',
  'company',
  'title',
  'manager',
];

export const LIST_FIELDS = ['labels', 'phones', 'emails', 'addresses'] as const;
export type ListField = (typeof LIST_FIELDS)[number];
export const isListField = (f: ClientCardField): f is ListField => (LIST_FIELDS as readonly string[]).includes(f);

/** The People fields a card is read from (one get): also what saving needs to keep what the card does not show. */
export const CARD_PERSON_FIELDS =
  'names,phoneNumbers,emailAddresses,birthdays,events,biographies,addresses,organizations,userDefined,memberships,metadata';

const WORD_INDEX: Record<Locale, number> = { en: 0, ru: 1, ka: 2 };

function addressText(a: NonNullable<Person['addresses']>[number]): string {
  return (
    a.formattedValue ||
    [a.streetAddress, a.extendedAddress, a.poBox, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ')
  ).trim();
}

/** The card of a contact; `labels` are its label names (the caller resolved the memberships). */
export function cardOf(person: Person, labels: string[]): ClientCard {
  const n = nameOf(person);
  const org = person.organizations?.[0];
  return {
    resourceName: String(person.resourceName ?? ''),
    etag: String(person.etag ?? ''),
    familyName: n.family,
    givenName: n.given,
    middleName: n.middle,
    labels: [...labels],
    phones: (person.phoneNumbers ?? []).map((p) => String(p.value ?? '').trim()).filter(Boolean),
    emails: (person.emailAddresses ?? []).map((e) => String(e.value ?? '').trim()).filter(Boolean),
    birthday: dateText(person.birthdays?.[0]?.date, 'iso'),
    firstVisit: dateText(firstVisitOf(person)?.date, 'iso'),
    // The staff's own note: the CRM line (./crm-line.ts) is the CRM's, shown on phones, never edited here.
    notes: staffNote(notesOf(person)),
    addresses: (person.addresses ?? []).map(addressText).filter(Boolean),
    company: org?.name ?? '',
    title: org?.title ?? '',
    manager: managerOf(person),
  };
}

/** The name as lists show it (family, given, middle). */
export function cardName(card: Pick<ClientCard, 'familyName' | 'givenName' | 'middleName' | 'company'>): string {
  return [card.familyName, card.givenName, card.middleName].filter(Boolean).join(' ') || card.company;
}

/**
 * A date as a person types it (`dd.mm.yyyy`, `dd.mm`, ISO `yyyy-mm-dd`, `--mm-dd`) as the card stores it
 * (`YYYY-MM-DD` or `--MM-DD`); '' for ''; undefined for text that is no date.
 */
export function cardDate(text: string): string | undefined {
  if (!String(text ?? '').trim()) return '';
  const parsed = parseDate(String(text));
  return parsed.ok ? dateText(parsed.date, 'iso') : undefined;
}

function calendarDate(iso: string): CalendarDate | undefined {
  const parsed = parseDate(iso);
  return parsed.ok ? parsed.date : undefined;
}

/** How two entries of a list field are told to be the same: E.164 phones, lower-case e-mails and labels. */
export function listKey(field: ListField, value: string, defaultCountry: string): string {
  const text = String(value ?? '').trim();
  if (field === 'phones') return toE164(text, defaultCountry) ?? text.replace(/[^\d+]/g, '');
  return text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

function sameValue(field: ClientCardField, a: unknown, b: unknown, country: string): boolean {
  if (isListField(field)) {
    const ka = new Set(((a as string[]) ?? []).map((v) => listKey(field, v, country)));
    const kb = new Set(((b as string[]) ?? []).map((v) => listKey(field, v, country)));
    return ka.size === kb.size && [...ka].every((k) => kb.has(k));
  }
  return String(a ?? '').trim() === String(b ?? '').trim();
}

/** A field's value in the changes, trimmed the way the card keeps it. */
function cleaned<F extends ClientCardField>(field: F, value: ClientCard[F]): ClientCard[F] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean) as ClientCard[F];
  return String(value ?? '').trim() as ClientCard[F];
}

export type CardProblem =
  | { field: 'phones'; code: 'badPhone'; value: string }
  | { field: 'emails'; code: 'badEmail'; value: string }
  | { field: 'birthday' | 'firstVisit'; code: 'badDate'; value: string };

/** What the card's rules refuse in a set of changes: phones that do not parse, e-mails and dates that are not ones. */
export function checkChanges(changes: ClientCardChanges, defaultCountry: string): CardProblem[] {
  const out: CardProblem[] = [];
  for (const p of changes.phones ?? [])
    if (String(p).trim() && !parsePhone(String(p), defaultCountry))
      out.push({ field: 'phones', code: 'badPhone', value: p });
  for (const e of changes.emails ?? [])
    if (String(e).trim() && !isValidEmail(String(e).trim())) out.push({ field: 'emails', code: 'badEmail', value: e });
  for (const f of ['birthday', 'firstVisit'] as const) {
    const v = changes[f];
    if (v !== undefined && cardDate(v) === undefined) out.push({ field: f, code: 'badDate', value: v });
  }
  return out;
}

/** Only the fields whose value differs from `card` (a date normalised, lists compared as sets). */
export function effectiveChanges(card: ClientCard, changes: ClientCardChanges, country: string): ClientCardChanges {
  const out: Record<string, unknown> = {};
  for (const f of CARD_FIELDS) {
    if (!(f in changes) || changes[f] === undefined) continue;
    let value = cleaned(f, changes[f] as ClientCard[typeof f]);
    if (f === 'birthday' || f === 'firstVisit') value = cardDate(value as string) ?? (value as string);
    if (!sameValue(f, card[f], value, country)) out[f] = value;
  }
  return out as ClientCardChanges;
}

export interface PersonUpdate {
  /** The Person body for updateContact: the changed fields whole (updateContact replaces what it names). */
  person: Person;
  /** People field names for `updatePersonFields` (memberships excluded: labels are the caller's, by group). */
  fields: string[];
}

/**
 * The changed card fields as the fields of `current` they replace. Everything the card does not show (phone types,
 * other events, other custom fields, honorifics, a second company) is kept as it is.
 */
export function personUpdate(
  current: Person,
  changes: ClientCardChanges,
  defaultCountry: string,
  locale: Locale,
): PersonUpdate {
  const person: Person = {};
  const fields = new Set<string>();
  const has = (f: ClientCardField) => changes[f] !== undefined;
  if (has('familyName') || has('givenName') || has('middleName')) {
    const n = current.names?.[0] ?? {};
    const name: NonNullable<Person['names']>[number] = {};
    if (n.honorificPrefix) name.honorificPrefix = n.honorificPrefix;
    if (n.honorificSuffix) name.honorificSuffix = n.honorificSuffix;
    const part = (f: 'familyName' | 'givenName' | 'middleName') => (has(f) ? changes[f] : (n[f] ?? '')) || undefined;
    name.familyName = part('familyName');
    name.givenName = part('givenName');
    name.middleName = part('middleName');
    for (const k of Object.keys(name) as Array<keyof typeof name>) if (name[k] === undefined) delete name[k];
    person.names = Object.keys(name).length ? [name] : [];
    fields.add('names');
  }
  if (has('phones')) {
    const existing = current.phoneNumbers ?? [];
    person.phoneNumbers = (changes.phones ?? []).map((value) => {
      const key = listKey('phones', value, defaultCountry);
      const kept = existing.find((p) => listKey('phones', String(p.value ?? ''), defaultCountry) === key);
      if (kept && String(kept.value ?? '').trim() === value)
        return { value, ...(kept.type ? { type: kept.type } : {}) };
      const e164 = toE164(value, defaultCountry);
      return { value, ...(e164 ? { canonicalForm: e164 } : {}), ...(kept?.type ? { type: kept.type } : {}) };
    });
    fields.add('phoneNumbers');
  }
  if (has('emails')) {
    const existing = current.emailAddresses ?? [];
    person.emailAddresses = (changes.emails ?? []).map((value) => {
      const kept = existing.find((e) => String(e.value ?? '').toLowerCase() === value.toLowerCase());
      return { value, ...(kept?.type ? { type: kept.type } : {}) };
    });
    fields.add('emailAddresses');
  }
  if (has('birthday')) {
    const date = calendarDate(changes.birthday ?? '');
    person.birthdays = date ? [{ date }] : [];
    fields.add('birthdays');
  }
  if (has('firstVisit')) {
    const old = firstVisitOf(current);
    const others = (current.events ?? [])
      .filter((e) => e !== old)
      .map(({ metadata: _m, formattedType: _f, ...e }) => e);
    const date = calendarDate(changes.firstVisit ?? '');
    const type = old?.type || FIRST_VISIT_TYPES[WORD_INDEX[locale]];
    person.events = date ? [{ type, date }, ...others] : others;
    fields.add('events');
  }
  if (has('notes')) {
    // The staff's text with the CRM line the contact carries now (a save never takes it away).
    const value = withCrmLine(changes.notes ?? '', crmLineOf(notesOf(current)));
    person.biographies = value ? [{ value, contentType: 'TEXT_PLAIN' }] : [];
    fields.add('biographies');
  }
  if (has('addresses')) {
    const existing = current.addresses ?? [];
    person.addresses = (changes.addresses ?? []).map((text) => {
      const kept = existing.find((a) => addressText(a) === text);
      if (kept) {
        const { metadata: _m, formattedType: _f, ...rest } = kept;
        return rest;
      }
      return { formattedValue: text };
    });
    fields.add('addresses');
  }
  if (has('company') || has('title')) {
    const [first, ...rest] = current.organizations ?? [];
    const { metadata: _m, ...org } = first ?? {};
    if (has('company')) org.name = changes.company || undefined;
    if (has('title')) org.title = changes.title || undefined;
    for (const k of Object.keys(org) as Array<keyof typeof org>) if (org[k] === undefined) delete org[k];
    person.organizations = Object.keys(org).some((k) => k !== 'type') ? [org, ...rest] : rest;
    fields.add('organizations');
  }
  if (has('manager')) {
    const isManager = (key: unknown) => MANAGER_KEYS.some((k) => k.toLowerCase() === String(key ?? '').toLowerCase());
    const old = (current.userDefined ?? []).find((u) => isManager(u.key));
    const others = (current.userDefined ?? []).filter((u) => !isManager(u.key)).map(({ metadata: _m, ...u }) => u);
    const value = changes.manager ?? '';
    const key = old?.key || MANAGER_KEYS[WORD_INDEX[locale]];
    person.userDefined = value ? [{ key, value }, ...others] : others;
    fields.add('userDefined');
  }
  return { person, fields: [...fields] };
}

/** The card with the changes applied (what the user sees after a save, before the contact is read back). */
export function appliedCard(card: ClientCard, changes: ClientCardChanges): ClientCard {
  return { ...card, ...changes } as ClientCard;
}

export interface MergeResult {
  /** What to write over `theirs`: the user's changes, list fields merged element by element. */
  changes: ClientCardChanges;
  mergedFromElsewhere: ClientCardField[];
  conflicts: Array<{ field: ClientCardField; mine: string | string[]; theirs: string | string[] }>;
}

/**
 * Three-way merge. `base` is the card the user read, `changes` what they changed in it, `theirs` the contact now.
 * A field only the user changed is written; a field only changed elsewhere is kept (and listed); a field both changed
 * to different values is a conflict — unless it is a list (phones, e-mails, labels, addresses): then what the user
 * added and removed is applied to what is there now, so a phone added here and one added elsewhere both stay.
 */
export function mergeCards(
  base: ClientCard,
  changes: ClientCardChanges,
  theirs: ClientCard,
  defaultCountry: string,
): MergeResult {
  const mine = effectiveChanges(base, changes, defaultCountry);
  const out: Record<string, unknown> = {};
  const mergedFromElsewhere: ClientCardField[] = [];
  const conflicts: MergeResult['conflicts'] = [];
  for (const f of CARD_FIELDS) {
    const theirsChanged = !sameValue(f, base[f], theirs[f], defaultCountry);
    const mineChanged = f in mine;
    if (theirsChanged && !(mineChanged && !isListField(f) && !sameValue(f, mine[f], theirs[f], defaultCountry)))
      mergedFromElsewhere.push(f);
    if (!mineChanged) continue;
    const value = mine[f] as ClientCard[typeof f];
    if (!theirsChanged || sameValue(f, value, theirs[f], defaultCountry)) {
      if (!sameValue(f, value, theirs[f], defaultCountry)) out[f] = value;
      continue;
    }
    if (isListField(f)) {
      out[f] = mergeList(f, base[f], value as string[], theirs[f], defaultCountry);
      continue;
    }
    conflicts.push({ field: f, mine: value, theirs: theirs[f] });
  }
  return { changes: out as ClientCardChanges, mergedFromElsewhere, conflicts };
}

function mergeList(field: ListField, base: string[], mine: string[], theirs: string[], country: string): string[] {
  const key = (v: string) => listKey(field, v, country);
  const baseKeys = new Set(base.map(key));
  const mineKeys = new Set(mine.map(key));
  const removed = new Set([...baseKeys].filter((k) => !mineKeys.has(k)));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of [...theirs, ...mine.filter((v) => !baseKeys.has(key(v)))]) {
    const k = key(v);
    if (removed.has(k) || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}
