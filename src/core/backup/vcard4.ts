// The backup's vCard 4.0 (RFC 6350): a file people and other programs can open, that this CRM reads back without
// losing anything. Every People field with a vCard property gets it (FN, N, TEL, EMAIL, ADR, ORG, …); a People type
// vCard has no word for goes into Apple's `itemN.X-ABLABEL` (what Google, iPhone and our import read); the CRM's own
// data is X-CRM-DATA (clientData) and X-CRM-FIELD (userDefined), keyed by an X-KEY parameter.
// Nothing is lost: after writing a card, the writer reads its own lines back, and every field that did not come back
// exactly (a name's phonetic parts, an organisation's dates, a field vCard has no property for) is also written as
// X-CRM-JSON;X-FIELD=<field>:<the field's JSON>, which the reader takes over the standard properties. Other programs
// ignore those lines; our import skips them (import/readers/vcard-properties.ts).
// UID is the People resourceName as text (`UID;VALUE=text:people/c123`): RFC 6350 §6.7.6 allows a text UID, and a
// restore matches contacts by it.

import { nameOf } from '../export/contact-view';
import { escapeText, foldLine } from '../export/vcard';
import type { CalendarDate, Person } from '../import/types';
import { splitCards } from '../import/readers/vcard';
import { groupLabels } from '../import/readers/vcard-properties';
import { parseProperty, splitEscaped, unescapeText, VProperty } from '../import/readers/vcard-syntax';
import { vcardDate } from '../import/readers/vcard-values';
import { backupPerson, canonicalJson, sortedLabels } from './snapshot';
import type { BackupContact } from './types';

type Item = Record<string, unknown>;

/** People types that have a vCard TYPE list (written sorted, as the reader compares them); any other type is an
 *  X-ABLABEL. Each table is one-to-one, so a TYPE list gives back the People type it was written for. */
const PHONE_TYPES: Record<string, string> = {
  mobile: 'cell',
  home: 'home',
  work: 'work',
  homeFax: 'fax,home',
  workFax: 'fax,work',
  otherFax: 'fax',
  pager: 'pager',
  workMobile: 'cell,work',
  workPager: 'pager,work',
  other: 'voice',
};
const PLACE_TYPES: Record<string, string> = { home: 'home', work: 'work' };
const RELATION_TYPES: Record<string, string> = { spouse: 'spouse', child: 'child', parent: 'parent', friend: 'friend' };
const GENDERS: Record<string, string> = { male: 'M', female: 'F', unspecified: 'U' };
/** URI schemes for the messengers People names (RFC 6350 IMPP takes a URI); the protocol itself is X-SERVICE-TYPE. */
const IM_SCHEMES: Record<string, string> = {
  skype: 'skype',
  jabber: 'xmpp',
  googleTalk: 'xmpp',
  aim: 'aim',
  msn: 'msnim',
  yahoo: 'ymsgr',
  icq: 'icq',
};

const reverse = (table: Record<string, string>) => new Map(Object.entries(table).map(([k, v]) => [v, k]));
const REVERSE = new Map<Record<string, string>, Map<string, string>>(
  [PHONE_TYPES, PLACE_TYPES, RELATION_TYPES].map((t) => [t, reverse(t)]),
);

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const items = (v: unknown): Item[] => (Array.isArray(v) ? (v as Item[]) : []);

/** A quoted parameter (nothing for an empty value), escaped like a value so it holds no raw `;` or line break. A
 *  parameter cannot hold a double quote or a control character: they become `'` and a space — other programs get
 *  the nearest text, and the writer's read-back sees the difference and keeps the field exactly as X-CRM-JSON. */
function param(name: string, value: unknown): string {
  const text = str(value);
  if (!text) return '';
  let safe = '';
  for (const ch of text.replace(/"/g, "'")) safe += ch < ' ' && ch !== '\n' ? ' ' : ch;
  return `;${name}="${escapeText(safe)}"`;
}

/** A basic-format RFC 6350 date: 19850315, --0315 without a year; '' when People's date is not a whole day. */
function dateValue(date: unknown, extended = false): string {
  const d = (date ?? {}) as { year?: number; month?: number; day?: number };
  if (!d.month || !d.day) return '';
  const mm = String(d.month).padStart(2, '0');
  const dd = String(d.day).padStart(2, '0');
  const sep = extended ? '-' : '';
  return d.year ? `${String(d.year).padStart(4, '0')}${sep}${mm}${sep}${dd}` : `--${mm}${sep}${dd}`;
}

/** One card's content lines, unfolded. */
class CardLines {
  readonly lines: string[] = [];
  private groups = 0;

  group(): string {
    return `item${++this.groups}`;
  }

  add(name: string, params: string, value: string, group?: string): void {
    this.lines.push(`${group ? `${group}.` : ''}${name}${params}:${value}`);
  }

  /** A typed property: TYPE from the table, or its own group with an X-ABLABEL naming the type. */
  typed(name: string, params: string, value: string, type: unknown, table: Record<string, string>): void {
    const t = str(type);
    if (!t) return this.add(name, params, value);
    const vcardType = Object.prototype.hasOwnProperty.call(table, t) ? table[t] : undefined;
    if (vcardType) return this.add(name, `;TYPE=${vcardType}${params}`, value);
    const g = this.group();
    this.add(name, params, value, g);
    this.add('X-ABLABEL', '', escapeText(t), g);
  }
}

/** The standard properties of one contact (what other programs read), in People's field order. */
function standardLines({ person: p, labels }: BackupContact): string[] {
  const out = new CardLines();
  if (p.resourceName) out.add('UID', ';VALUE=text', escapeText(p.resourceName));
  const name = (p.names?.[0] ?? {}) as Item;
  out.add('FN', '', escapeText(str(name.displayName) || nameOf(p).display));
  if (p.names?.length) {
    const parts = [name.familyName, name.givenName, name.middleName, name.honorificPrefix, name.honorificSuffix];
    out.add('N', param('X-CRM-UNSTRUCTURED', name.unstructuredName), parts.map((x) => escapeText(str(x))).join(';'));
  }
  for (const n of items(p.nicknames)) out.add('NICKNAME', '', escapeText(str(n.value)));
  const bday = items(p.birthdays)[0];
  if (bday) {
    const date = dateValue(bday.date);
    if (date) out.add('BDAY', '', date);
    else if (bday.text) out.add('BDAY', ';VALUE=text', escapeText(str(bday.text)));
  }
  const gender = items(p.genders)[0];
  if (gender?.value) {
    const v = str(gender.value);
    out.add('GENDER', '', GENDERS[v] ?? `O;${escapeText(v)}`);
  }
  for (const b of items(p.biographies))
    out.add('NOTE', param('X-CRM-CONTENT-TYPE', b.contentType), escapeText(str(b.value)));
  for (const o of items(p.organizations)) {
    const g = out.group();
    if (o.name || o.department)
      out.add('ORG', '', `${escapeText(str(o.name))}${o.department ? `;${escapeText(str(o.department))}` : ''}`, g);
    if (o.title) out.add('TITLE', '', escapeText(str(o.title)), g);
    if (o.type) out.add('X-ABLABEL', '', escapeText(str(o.type)), g);
  }
  for (const ph of items(p.phoneNumbers)) {
    const value = str(ph.value);
    const canonical = str(ph.canonicalForm);
    if (canonical)
      out.typed(
        'TEL',
        `;VALUE=uri${value === canonical ? '' : param('X-CRM-VALUE', value)}`,
        `tel:${canonical}`,
        ph.type,
        PHONE_TYPES,
      );
    else out.typed('TEL', ';VALUE=text', escapeText(value), ph.type, PHONE_TYPES);
  }
  for (const e of items(p.emailAddresses)) out.typed('EMAIL', '', escapeText(str(e.value)), e.type, PLACE_TYPES);
  for (const a of items(p.addresses)) {
    const parts = [a.poBox, a.extendedAddress, a.streetAddress, a.city, a.region, a.postalCode, a.country];
    out.typed(
      'ADR',
      param('LABEL', a.formattedValue) + param('X-CRM-COUNTRY-CODE', a.countryCode),
      parts.map((x) => escapeText(str(x))).join(';'),
      a.type,
      PLACE_TYPES,
    );
  }
  for (const u of items(p.urls)) out.typed('URL', '', escapeText(str(u.value)), u.type, PLACE_TYPES);
  let anniversary = false;
  for (const e of items(p.events)) {
    const date = dateValue(e.date);
    if (!date) continue;
    if (e.type === 'anniversary' && !anniversary) {
      anniversary = true; // RFC 6350 allows one ANNIVERSARY; further ones are Apple's X-ABDATE like other events
      out.add('ANNIVERSARY', '', date);
    } else out.typed('X-ABDATE', '', dateValue(e.date, true), e.type, {});
  }
  for (const r of items(p.relations))
    out.typed('RELATED', ';VALUE=text', escapeText(str(r.person)), r.type, RELATION_TYPES);
  for (const im of items(p.imClients)) {
    const protocol = str(im.protocol);
    const scheme = IM_SCHEMES[protocol] ?? 'x-im';
    out.typed(
      'IMPP',
      param('X-SERVICE-TYPE', protocol),
      `${scheme}:${escapeText(str(im.username))}`,
      im.type,
      PLACE_TYPES,
    );
  }
  for (const u of items(p.userDefined)) out.add('X-CRM-FIELD', param('X-KEY', u.key), escapeText(str(u.value)));
  for (const d of items(p.clientData)) out.add('X-CRM-DATA', param('X-KEY', d.key), escapeText(str(d.value)));
  if (labels.length) out.add('CATEGORIES', '', labels.map(escapeText).join(','));
  return out.lines;
}

const clean = (item: Item): Item => {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) if (v !== undefined && v !== '') out[k] = v;
  return out;
};

/** A property's value as text: unescaped (TEL's tel: and IMPP's URIs hold no escapes we write, so one rule fits). */
const textOf = (p: VProperty) => unescapeText(p.raw);
const paramOf = (p: VProperty, name: string) => {
  const v = p.params.get(name)?.[0];
  return v === undefined ? undefined : unescapeText(v);
};
const partsOf = (p: VProperty) => splitEscaped(p.raw, ';').map((x) => unescapeText(x));

function typeOf(p: VProperty, labels: Map<string, string>, table: Record<string, string>): string | undefined {
  const label = p.group ? labels.get(p.group) : undefined;
  if (label !== undefined) return label;
  const key = p.types
    .filter((t) => t !== 'pref')
    .sort()
    .join(',');
  return key ? REVERSE.get(table)?.get(key) : undefined;
}

function dateOf(text: string): { date: CalendarDate } | { text: string } {
  const d = vcardDate(text);
  return typeof d === 'string' ? { text: d } : { date: clean({ ...d }) as unknown as CalendarDate };
}

/** One card read back: standard properties first, then X-CRM-JSON over the fields it names. */
function readCard(props: VProperty[], normalize = true): BackupContact {
  const labels = groupLabels(props);
  const p: Record<string, Item[] | string> = {};
  const list = (field: string): Item[] => {
    if (!Array.isArray(p[field])) p[field] = [];
    return p[field] as Item[];
  };
  const push = (field: string, item: Item) => {
    const c = clean(item);
    if (Object.keys(c).length) list(field).push(c);
  };
  const overrides = new Map<string, unknown>();
  const orgs = new Map<string, Item>();
  let fn: string | undefined;
  let n: string[] | undefined;
  let unstructured: string | undefined;
  let cardLabels: string[] = [];
  let labelsOverride: string[] | undefined;
  const org = (prop: VProperty) => {
    const key = prop.group ?? '';
    let o = orgs.get(key);
    if (!o) {
      o = {};
      orgs.set(key, o);
      list('organizations').push(o);
    }
    const type = prop.group ? labels.get(prop.group) : undefined;
    if (type !== undefined) o.type = type;
    return o;
  };
  for (const prop of props) {
    const value = textOf(prop);
    switch (prop.name) {
      case 'UID':
        p.resourceName = value;
        break;
      case 'FN':
        fn = value;
        break;
      case 'N':
        n = partsOf(prop);
        unstructured = paramOf(prop, 'X-CRM-UNSTRUCTURED');
        break;
      case 'NICKNAME':
        push('nicknames', { value });
        break;
      case 'BDAY':
        push('birthdays', prop.params.get('VALUE')?.[0]?.toLowerCase() === 'text' ? { text: value } : dateOf(prop.raw));
        break;
      case 'ANNIVERSARY':
        push('events', { ...dateOf(prop.raw), type: 'anniversary' });
        break;
      case 'X-ABDATE':
        push('events', { ...dateOf(prop.raw), type: typeOf(prop, labels, {}) });
        break;
      case 'GENDER': {
        const [sex, text] = partsOf(prop);
        const known = Object.entries(GENDERS).find(([, v]) => v === sex)?.[0];
        push('genders', { value: text ?? known ?? sex });
        break;
      }
      case 'NOTE':
        push('biographies', { value, contentType: paramOf(prop, 'X-CRM-CONTENT-TYPE') });
        break;
      case 'ORG': {
        const [name, department] = partsOf(prop);
        Object.assign(org(prop), clean({ name, department }));
        break;
      }
      case 'TITLE':
        org(prop).title = value;
        break;
      case 'TEL': {
        const uri = /^tel:/i.test(prop.raw) && prop.params.get('VALUE')?.[0]?.toLowerCase() === 'uri';
        const canonical = uri ? prop.raw.slice(4) : undefined;
        push('phoneNumbers', {
          value: canonical ? (paramOf(prop, 'X-CRM-VALUE') ?? canonical) : value,
          canonicalForm: canonical,
          type: typeOf(prop, labels, PHONE_TYPES),
        });
        break;
      }
      case 'EMAIL':
        push('emailAddresses', { value, type: typeOf(prop, labels, PLACE_TYPES) });
        break;
      case 'ADR': {
        const [poBox, extendedAddress, streetAddress, city, region, postalCode, country] = partsOf(prop);
        const address = { poBox, extendedAddress, streetAddress, city, region, postalCode, country };
        push('addresses', {
          formattedValue: paramOf(prop, 'LABEL'),
          ...address,
          countryCode: paramOf(prop, 'X-CRM-COUNTRY-CODE'),
          type: typeOf(prop, labels, PLACE_TYPES),
        });
        break;
      }
      case 'URL':
        push('urls', { value, type: typeOf(prop, labels, PLACE_TYPES) });
        break;
      case 'RELATED':
        push('relations', { person: value, type: typeOf(prop, labels, RELATION_TYPES) });
        break;
      case 'IMPP':
        push('imClients', {
          username: value.slice(value.indexOf(':') + 1),
          protocol: paramOf(prop, 'X-SERVICE-TYPE'),
          type: typeOf(prop, labels, PLACE_TYPES),
        });
        break;
      case 'X-CRM-FIELD':
        push('userDefined', { key: paramOf(prop, 'X-KEY'), value });
        break;
      case 'X-CRM-DATA':
        push('clientData', { key: paramOf(prop, 'X-KEY'), value });
        break;
      case 'CATEGORIES':
        cardLabels = splitEscaped(prop.raw, ',').map((x) => unescapeText(x));
        break;
      case 'X-CRM-JSON':
        overrides.set(paramOf(prop, 'X-FIELD') ?? '', JSON.parse(value));
        break;
      case 'X-CRM-LABELS':
        labelsOverride = JSON.parse(value) as string[];
        break;
      default:
        break; // VERSION, PRODID, X-ABLABEL (read through groupLabels) and anything another program added
    }
  }
  if (n) {
    const [familyName, givenName, middleName, honorificPrefix, honorificSuffix] = n;
    const name = clean({
      displayName: fn,
      familyName,
      givenName,
      middleName,
      honorificPrefix,
      honorificSuffix,
      unstructuredName: unstructured,
    });
    p.names = [name];
  }
  for (const [field, v] of overrides) {
    if (v === null) delete p[field];
    else p[field] = v as Item[];
  }
  // The read-back check compares what it built itself (already without empty parts); a file read is cleaned.
  const labelsRead = labelsOverride ?? cardLabels;
  return normalize
    ? { person: backupPerson(p as Person), labels: sortedLabels(labelsRead) }
    : { person: p as Person, labels: labelsRead };
}

function parsedLines(lines: string[]): VProperty[] {
  return lines.map((text) => parseProperty({ line: 0, text })).filter((x): x is VProperty => !!x);
}

/** Deep equality of JSON values, objects by key whatever their order (the writer's read-back check, allocation-free). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    n++;
    if (!same(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

/** The card's lines: the standard ones, then X-CRM-JSON for every field they did not carry exactly. */
function cardLines(c: BackupContact): string[] {
  const lines = standardLines(c);
  const back = readCard(parsedLines(lines), false);
  const original = c.person as Record<string, unknown>;
  const read = back.person as Record<string, unknown>;
  const fields = new Set([...Object.keys(original), ...Object.keys(read)]);
  for (const field of fields) {
    if (same(original[field], read[field])) continue;
    const json = original[field] === undefined ? 'null' : canonicalJson(original[field]);
    lines.push(`X-CRM-JSON;X-FIELD=${field}:${escapeText(json)}`);
  }
  if (!same(back.labels, c.labels)) lines.push(`X-CRM-LABELS:${escapeText(JSON.stringify(c.labels))}`);
  return lines;
}

/** RFC 6350 vCard 4.0 of the contacts (backups: toBackupContact's, labels sorted): CRLF line ends, lines folded at
 *  75 octets, one card per contact. */
export function vcard4(contacts: BackupContact[]): string {
  let out = '';
  for (const contact of contacts) {
    out += 'BEGIN:VCARD\r\nVERSION:4.0\r\n';
    for (const line of cardLines(contact)) out += `${foldLine(line)}\r\n`;
    out += 'END:VCARD\r\n';
  }
  return out;
}

/** The contacts of a vCard file this backup wrote (a restore from a .vcf); any other vCard gives what its standard
 *  properties say. Uses the import's tokenizer: one reading of vCard syntax in the product. */
export function readVcard4(text: string): BackupContact[] {
  return splitCards(text.replace(/^\uFEFF/, '')).map((card) => readCard(card.props));
}
