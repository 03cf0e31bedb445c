// vCard files (2.1, 3.0, 4.0) go straight to contact drafts: they already say which value is a phone or a name.
// What a card carries that Google Contacts cannot take from an import is dropped knowingly: photos (one warning with
// a count, `hadPhoto` on the draft), sounds, keys, revision stamps, app-internal X- properties.

import { CalendarDate, ContactDraft, DraftAddress, emptyDraft, Located } from '../types';
import { ReadError } from './read-error';
import { canonicalEncoding, decodeText, detectEncoding } from './text-decoding';
import { decodedValue, logicalLines, parseProperty, splitEscaped, unescapeText, VProperty } from './vcard-syntax';

export interface VcardOptions {
  encoding?: string;
}

export interface VcardRead {
  encoding: string;
  drafts: ContactDraft[];
  warnings: string[];
}

interface Card {
  line: number;
  props: VProperty[];
  closed: boolean;
}

function isVcardMarker(p: VProperty): boolean {
  return p.raw.trim().toUpperCase() === 'VCARD';
}

function splitCards(text: string): Card[] {
  const cards: Card[] = [];
  let card: Card | undefined;
  let nested = 0;
  for (const l of logicalLines(text)) {
    const p = parseProperty(l);
    if (!p) continue;
    if (p.name === 'BEGIN' && isVcardMarker(p)) {
      if (card) nested++;
      else cards.push((card = { line: l.line, props: [], closed: false }));
    } else if (p.name === 'END' && isVcardMarker(p)) {
      if (nested > 0) nested--;
      else if (card) {
        card.closed = true;
        card = undefined;
      }
    } else if (card && p.name === 'AGENT' && p.raw.trim().toUpperCase() === 'BEGIN:VCARD') {
      nested++; // a 2.1 AGENT embeds another person's card: not this client's data
    } else if (card && nested === 0) card.props.push(p);
  }
  return cards;
}

/** Apple writes its standard labels as `_$!<Mobile>!$_` and custom ones as plain text. */
function cleanLabel(label: string): string {
  const m = /^_\$!<(.*)>!\$_$/.exec(label.trim());
  return (m ? m[1] : label).trim();
}

const PHONE_LABELS: Record<string, string> = {
  mobile: 'mobile',
  iphone: 'mobile',
  cell: 'mobile',
  home: 'home',
  work: 'work',
  main: 'main',
  homefax: 'homeFax',
  workfax: 'workFax',
  otherfax: 'otherFax',
  pager: 'pager',
  other: 'other',
};

function phoneType(types: string[], label?: string): string | undefined {
  if (label) return PHONE_LABELS[label.toLowerCase().replace(/\s+/g, '')] ?? label;
  const t = new Set(types);
  const work = t.has('work');
  if (t.has('fax')) return t.has('home') ? 'homeFax' : work ? 'workFax' : 'otherFax';
  if (t.has('pager')) return work ? 'workPager' : 'pager';
  if (t.has('cell') || t.has('mobile') || t.has('iphone')) return work ? 'workMobile' : 'mobile';
  if (t.has('main')) return 'main';
  if (t.has('home')) return 'home';
  if (work) return 'work';
  if (t.has('other')) return 'other';
  return undefined;
}

function placeType(types: string[], label?: string): string | undefined {
  if (label) return ['home', 'work', 'other'].includes(label.toLowerCase()) ? label.toLowerCase() : label;
  for (const t of ['home', 'work', 'other']) if (types.includes(t)) return t;
  return undefined;
}

function urlType(types: string[], label?: string): string | undefined {
  if (label) return label.toLowerCase() === 'homepage' ? 'homePage' : placeType([], label);
  return placeType(types);
}

function daysIn(year: number | undefined, month: number): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * BDAY/ANNIVERSARY as a calendar date when the card writes one (YYYYMMDD, YYYY-MM-DD, with or without a time,
 * --MMDD and --MM-DD for a birthday without a year), otherwise the text as written for the cleaner to judge.
 */
export function vcardDate(text: string, omitYear?: string): string | CalendarDate {
  const t = text.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(T[\d:.]*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  let date: CalendarDate | undefined;
  if (m) date = { year: +m[1], month: +m[2], day: +m[3] };
  else if ((m = /^--(\d{2})-?(\d{2})$/.exec(t))) date = { month: +m[1], day: +m[2] };
  if (!date || date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysIn(date.year, date.month)) return t;
  // Apple stores a birthday without a year as 1604 and says so in X-APPLE-OMIT-YEAR.
  if (date.year !== undefined && (String(date.year) === omitYear || date.year === 1604)) delete date.year;
  return date;
}

const ANDROID_EVENT_TYPES: Record<string, string> = { '1': 'anniversary', '2': 'other', '3': 'birthday' };
const ANDROID_RELATIONS: Record<string, string> = {
  '1': 'assistant',
  '2': 'brother',
  '3': 'child',
  '4': 'domesticPartner',
  '5': 'father',
  '6': 'friend',
  '7': 'manager',
  '8': 'mother',
  '9': 'parent',
  '10': 'partner',
  '11': 'referredBy',
  '12': 'relative',
  '13': 'sister',
  '14': 'spouse',
};
const ANNIVERSARY_PROPS = new Set([
  'ANNIVERSARY',
  'X-ANNIVERSARY',
  'X-MS-ANNIVERSARY',
  'X-EVOLUTION-ANNIVERSARY',
  'X-KADDRESSBOOK-X-ANNIVERSARY',
]);
// Properties that describe the file or the program, not the client.
const IGNORED = new Set([
  'VERSION',
  'PRODID',
  'REV',
  'UID',
  'SOURCE',
  'NAME',
  'KIND',
  'CLASS',
  'SORT-STRING',
  'MAILER',
  'TZ',
  'GEO',
  'KEY',
  'SOUND',
  'LOGO',
  'AGENT',
  'PROFILE',
  'CLIENTPIDMAP',
  'XML',
  'FBURL',
  'CALURI',
  'CALADRURI',
  'MEMBER',
  'LANG',
  'X-ABLABEL',
]);
// X- properties written by address-book programs for their own use.
const MACHINE_X =
  /^X-(AB(?!RELATEDNAMES|DATE)|APPLE-|MS-OL-|MS-CARDPICTURE|MS-IMADDRESS|MS-TEL|MOZILLA-|WAB-|IRMC-|PHONETIC-|GN[OX]?$|REDUCTION|CLASS|NO$|EVOLUTION-(FILE-AS|LIST|BLOG-URL|VIDEO-URL|CALLBACK|RADIO|TELEX|TTYTDD|COMPANY|MMS|CAR)|KADDRESSBOOK-BANNER|FUNAMBOL-|LOTUS-|GROUPWISE-|SHARED-|NC-|OC-|ANDROID-CUSTOM$)/;

interface CardRead {
  draft: ContactDraft;
  photo: boolean;
}

function cardToDraft(card: Card): CardRead {
  const d = emptyDraft(card.line);
  let photo = false;
  const labels = new Map<string, string>();
  for (const p of card.props)
    if (p.name === 'X-ABLABEL' && p.group) labels.set(p.group, cleanLabel(unescapeText(decodedValue(p))));
  const addressLabels: Array<{ type?: string; text: string }> = [];
  const at = <T = string>(column: string, value: T): Located<T> => ({ column, value });
  const keep = (key: string, column: string, value: string) => {
    if (value) d.custom.push({ key, column, value });
  };

  for (const p of card.props) {
    const name = p.name;
    if (name === 'PHOTO') {
      photo = true;
      continue;
    }
    if (IGNORED.has(name) || p.encoding === 'base64') continue;
    const label = p.group ? labels.get(p.group) : undefined;
    const text = decodedValue(p);
    const value = unescapeText(text).trim();
    const parts = () => splitEscaped(text, ';').map((x) => unescapeText(x).trim());
    switch (name) {
      case 'FN':
        if (value && !d.fullName) d.fullName = at('FN', value);
        break;
      case 'N': {
        if (d.familyName || d.givenName) break;
        // 4.0 lists several middle names or prefixes with commas
        const n = splitEscaped(text, ';').map((x) =>
          splitEscaped(x, ',')
            .map((y) => unescapeText(y).trim())
            .filter(Boolean)
            .join(' '),
        );
        const set = (k: 'familyName' | 'givenName' | 'middleName' | 'prefix' | 'suffix', v: string | undefined) => {
          if (v) d[k] = at('N', v);
        };
        set('familyName', n[0]);
        set('givenName', n[1]);
        set('middleName', n[2]);
        set('prefix', n[3]);
        set('suffix', n[4]);
        break;
      }
      case 'NICKNAME': {
        const nick = splitEscaped(text, ',')
          .map((x) => unescapeText(x).trim())
          .filter(Boolean)
          .join(', ');
        if (nick) d.nickname = at('NICKNAME', d.nickname ? `${d.nickname.value}, ${nick}` : nick);
        break;
      }
      case 'ORG': {
        const [company, ...units] = parts();
        if (d.company || d.department) {
          keep('ORG', 'ORG', [company, ...units].filter(Boolean).join(', '));
          break;
        }
        if (company) d.company = at('ORG', company);
        const dept = units.filter(Boolean).join(', ');
        if (dept) d.department = at('ORG', dept);
        break;
      }
      case 'TITLE':
        if (!value) break;
        if (d.title) keep('TITLE', 'TITLE', value);
        else d.title = at('TITLE', value);
        break;
      case 'ROLE':
        keep('ROLE', 'ROLE', value);
        break;
      case 'TEL': {
        const number = value.replace(/^tel:/i, '').replace(/;ext=/i, ' ext. ');
        if (number) d.phones.push({ column: 'TEL', value: number, type: phoneType(p.types, label) });
        break;
      }
      case 'EMAIL': {
        const email = value.replace(/^mailto:/i, '');
        if (email) d.emails.push({ column: 'EMAIL', value: email, type: placeType(p.types, label) });
        break;
      }
      case 'ADR': {
        const [poBox, extended, street, city, region, postalCode, country] = splitEscaped(text, ';').map((x) =>
          splitEscaped(x, ',')
            .map((y) => unescapeText(y).trim())
            .filter(Boolean)
            .join(', '),
        );
        const a: DraftAddress = { column: 'ADR' };
        const type = placeType(p.types, label);
        if (type) a.type = type;
        const formatted = p.params.get('LABEL')?.[0];
        if (formatted) a.formatted = unescapeText(formatted).trim();
        Object.entries({ poBox, extended, street, city, region, postalCode, country }).forEach(([k, v]) => {
          if (v) (a as unknown as Record<string, string>)[k] = v;
        });
        if (Object.keys(a).length > (type ? 2 : 1)) d.addresses.push(a);
        break;
      }
      case 'LABEL':
        if (value) addressLabels.push({ type: placeType(p.types, label), text: value });
        break;
      case 'URL':
        if (value) d.urls.push({ column: 'URL', value, type: urlType(p.types, label) });
        break;
      case 'BDAY':
        if (value && !d.birthday)
          d.birthday = at<string | CalendarDate>(
            'BDAY',
            p.params.get('VALUE')?.[0]?.toLowerCase() === 'text'
              ? value
              : vcardDate(value, p.params.get('X-APPLE-OMIT-YEAR')?.[0]),
          );
        break;
      case 'NOTE':
        if (value) d.notes.push(at('NOTE', value));
        break;
      case 'CATEGORIES':
        for (const c of splitEscaped(text, ',')) {
          const v = unescapeText(c).trim();
          if (v) d.labels.push(at('CATEGORIES', v));
        }
        break;
      case 'X-ANDROID-CUSTOM':
        androidCustom(d, parts());
        break;
      case 'X-ABDATE':
        if (value) {
          const type = label && /^anniversary$/i.test(label) ? 'anniversary' : label || 'other';
          d.events.push({ column: 'X-ABDATE', value: vcardDate(value, p.params.get('X-APPLE-OMIT-YEAR')?.[0]), type });
        }
        break;
      case 'X-ABRELATEDNAMES':
      case 'RELATED':
        keep(
          label || p.types.filter((t) => t !== 'pref')[0] || 'related',
          name,
          value.replace(/^(urn:uuid:|mailto:|tel:)/i, ''),
        );
        break;
      case 'IMPP':
        keep(p.types.find((t) => t !== 'pref') || value.split(':')[0] || 'IM', 'IMPP', value.replace(/^[a-z-]+:/i, ''));
        break;
      case 'GENDER':
        keep('gender', 'GENDER', parts().filter(Boolean).join(', '));
        break;
      default:
        if (ANNIVERSARY_PROPS.has(name)) {
          if (value)
            d.events.push({
              column: name,
              value: p.params.get('VALUE')?.[0]?.toLowerCase() === 'text' ? value : vcardDate(value),
              type: 'anniversary',
            });
        } else if (name.startsWith('X-') && !MACHINE_X.test(name) && value && value.length <= 500) {
          keep(label || name, name, value);
        }
    }
  }
  for (const l of addressLabels) {
    const match = d.addresses.find((a) => !a.formatted && a.type === l.type);
    if (match) match.formatted = l.text;
    else d.addresses.push({ column: 'LABEL', ...(l.type ? { type: l.type } : {}), formatted: l.text });
  }
  if (photo) d.hadPhoto = true;
  return { draft: d, photo };
}

/** Android's own rows: `X-ANDROID-CUSTOM:vnd.android.cursor.item/<kind>;data1;data2;data3;…`. */
function androidCustom(d: ContactDraft, parts: string[]): void {
  const kind = (parts[0] ?? '').replace(/^vnd\.android\.cursor\.item\//i, '').toLowerCase();
  const [data1, data2, data3] = [parts[1] ?? '', parts[2] ?? '', parts[3] ?? ''];
  if (!data1) return;
  const column = 'X-ANDROID-CUSTOM';
  if (kind === 'nickname') {
    d.nickname = { column, value: d.nickname ? `${d.nickname.value}, ${data1}` : data1 };
  } else if (kind === 'contact_event') {
    const type = data2 === '0' ? data3 || 'other' : (ANDROID_EVENT_TYPES[data2] ?? 'other');
    if (type === 'birthday' && !d.birthday) d.birthday = { column, value: vcardDate(data1) };
    else d.events.push({ column, value: vcardDate(data1), type });
  } else if (kind === 'relation') {
    d.custom.push({
      column,
      key: data2 === '0' ? data3 || 'relation' : (ANDROID_RELATIONS[data2] ?? 'relation'),
      value: data1,
    });
  }
  // Other kinds belong to the apps that wrote them (messengers' internal ids): nothing a client card shows.
}

/**
 * 2.1 cards may carry raw 8-bit text in the charset a CHARSET parameter names (Shift_JIS, Windows-1251). When the bytes
 * are not UTF-8, that parameter is a better guide than guessing.
 */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const detected = detectEncoding(bytes);
  if (detected === 'utf-8' || detected.startsWith('utf-16')) return undefined;
  let ascii = '';
  const n = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < n; i++) ascii += bytes[i] < 0x80 ? String.fromCharCode(bytes[i]) : ' ';
  const re = /CHARSET=([A-Za-z0-9_.-]+)/gi;
  for (let m = re.exec(ascii); m; m = re.exec(ascii)) {
    const label = canonicalEncoding(m[1]);
    if (label && label !== 'utf-8') return label;
  }
  return undefined;
}

export function readVcard(bytes: Uint8Array, fileName: string, options: VcardOptions = {}): VcardRead {
  const decoded = decodeText(bytes, options.encoding ?? declaredCharset(bytes));
  if (!decoded) {
    throw new ReadError(
      'unknown-encoding',
      fileName,
      `Unknown encoding "${options.encoding}" for "${fileName}": choose UTF-8, UTF-16 or Windows-1251.`,
      { encoding: options.encoding ?? '' },
    );
  }
  const cards = splitCards(decoded.text);
  if (cards.length === 0)
    throw new ReadError('no-vcard', fileName, `"${fileName}" holds no contact: no BEGIN:VCARD line was found.`);
  const warnings: string[] = [];
  const drafts: ContactDraft[] = [];
  let photos = 0;
  for (const card of cards) {
    const { draft, photo } = cardToDraft(card);
    if (photo) photos++;
    drafts.push(draft);
    if (!card.closed)
      warnings.push(
        `The contact starting on line ${card.line} of "${fileName}" has no END:VCARD line; it was read up to the end of the file.`,
      );
  }
  if (photos > 0)
    warnings.push(
      `${photos} ${photos === 1 ? 'contact has a photo' : 'contacts have photos'}: photos are not imported.`,
    );
  return { encoding: decoded.encoding, drafts, warnings };
}
