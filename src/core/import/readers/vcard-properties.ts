// One reader per vCard property: each puts what its property says into the contact draft. Properties of the file or
// of the program (vcard.ts skips them) never get here; unknown X- properties that look written by a person are kept
// as custom fields, the ones address-book programs write for themselves are dropped.

import { CalendarDate, ContactDraft, DraftAddress, Located } from '../types';
import { cleanLabel, phoneType, placeType, urlType, vcardDate } from './vcard-values';
import { decodedValue, splitEscaped, unescapeText, VProperty } from './vcard-syntax';

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
// X- properties written by address-book programs for their own use (ours too: the backup's vCard 4.0 carries the
// CRM's clientData and its exact JSON copy of fields in X-CRM-DATA / X-CRM-JSON / X-CRM-LABELS, backup/vcard4.ts;
// an import makes its own bookkeeping).
const MACHINE_X =
  /^X-(CRM-(DATA|JSON|LABELS)$|AB(?!RELATEDNAMES|DATE)|APPLE-|MS-OL-|MS-CARDPICTURE|MS-IMADDRESS|MS-TEL|MOZILLA-|WAB-|IRMC-|PHONETIC-|GN[OX]?$|REDUCTION|CLASS|NO$|EVOLUTION-(FILE-AS|LIST|BLOG-URL|VIDEO-URL|CALLBACK|RADIO|TELEX|TTYTDD|COMPANY|MMS|CAR)|KADDRESSBOOK-BANNER|FUNAMBOL-|LOTUS-|GROUPWISE-|SHARED-|NC-|OC-|ANDROID-CUSTOM$)/;

/** A LABEL property: the address as printed, joined to the ADR of the same type once the card is read. */
export interface AddressLabel {
  type?: string;
  text: string;
}

/** The draft being filled from one card. */
export interface CardDraft {
  draft: ContactDraft;
  addressLabels: AddressLabel[];
}

/** One property as every reader needs it. */
interface PropertyText {
  property: VProperty;
  /** Apple's X-ABLABEL for the property's group (item1.TEL + item1.X-ABLABEL). */
  label?: string;
  /** Decoded, still escaped: readers of structured values split it first. */
  text: string;
  /** Unescaped and trimmed. */
  value: string;
}

type PropertyReader = (card: CardDraft, prop: PropertyText) => void;

const at = <T = string>(column: string, value: T): Located<T> => ({ column, value });
const unescapedParts = (text: string, separator: string) =>
  splitEscaped(text, separator).map((x) => unescapeText(x).trim());
/** `;`-separated fields, each a `,`-separated list (4.0 lists several middle names, streets…) joined by `joiner`. */
const listFields = (text: string, joiner: string) =>
  splitEscaped(text, ';').map((field) => unescapedParts(field, ',').filter(Boolean).join(joiner));
const asText = (prop: PropertyText) => prop.property.params.get('VALUE')?.[0]?.toLowerCase() === 'text';
const omitYear = (prop: PropertyText) => prop.property.params.get('X-APPLE-OMIT-YEAR')?.[0];

function keep({ draft }: CardDraft, key: string, column: string, value: string): void {
  if (value) draft.custom.push({ key, column, value });
}

function readName({ draft }: CardDraft, { text }: PropertyText): void {
  if (draft.familyName || draft.givenName) return;
  const fields = listFields(text, ' ');
  (['familyName', 'givenName', 'middleName', 'prefix', 'suffix'] as const).forEach((key, i) => {
    if (fields[i]) draft[key] = at('N', fields[i]);
  });
}

function readNickname({ draft }: CardDraft, { text }: PropertyText): void {
  const nick = unescapedParts(text, ',').filter(Boolean).join(', ');
  if (nick) draft.nickname = at('NICKNAME', draft.nickname ? `${draft.nickname.value}, ${nick}` : nick);
}

function readOrganization(card: CardDraft, { text }: PropertyText): void {
  const [company, ...units] = unescapedParts(text, ';');
  const { draft } = card;
  if (draft.company || draft.department) {
    keep(card, 'ORG', 'ORG', [company, ...units].filter(Boolean).join(', '));
    return;
  }
  if (company) draft.company = at('ORG', company);
  const department = units.filter(Boolean).join(', ');
  if (department) draft.department = at('ORG', department);
}

function readTitle(card: CardDraft, { value }: PropertyText): void {
  if (!value) return;
  if (card.draft.title) keep(card, 'TITLE', 'TITLE', value);
  else card.draft.title = at('TITLE', value);
}

function readPhone({ draft }: CardDraft, { property, label, value }: PropertyText): void {
  const number = value.replace(/^tel:/i, '').replace(/;ext=/i, ' ext. ');
  if (number) draft.phones.push({ column: 'TEL', value: number, type: phoneType(property.types, label) });
}

function readEmail({ draft }: CardDraft, { property, label, value }: PropertyText): void {
  const email = value.replace(/^mailto:/i, '');
  if (email) draft.emails.push({ column: 'EMAIL', value: email, type: placeType(property.types, label) });
}

function readAddress({ draft }: CardDraft, { property, label, text }: PropertyText): void {
  const [poBox, extended, street, city, region, postalCode, country] = listFields(text, ', ');
  const address: DraftAddress = { column: 'ADR' };
  const type = placeType(property.types, label);
  if (type) address.type = type;
  const formatted = property.params.get('LABEL')?.[0];
  if (formatted) address.formatted = unescapeText(formatted).trim();
  Object.entries({ poBox, extended, street, city, region, postalCode, country }).forEach(([k, v]) => {
    if (v) (address as unknown as Record<string, string>)[k] = v;
  });
  if (Object.keys(address).length > (type ? 2 : 1)) draft.addresses.push(address);
}

function readBirthday({ draft }: CardDraft, prop: PropertyText): void {
  if (!prop.value || draft.birthday) return;
  draft.birthday = at<string | CalendarDate>('BDAY', asText(prop) ? prop.value : vcardDate(prop.value, omitYear(prop)));
}

function readCategories({ draft }: CardDraft, { text }: PropertyText): void {
  for (const label of unescapedParts(text, ',')) if (label) draft.labels.push(at('CATEGORIES', label));
}

function readAppleDate({ draft }: CardDraft, prop: PropertyText): void {
  if (!prop.value) return;
  const type = prop.label && /^anniversary$/i.test(prop.label) ? 'anniversary' : prop.label || 'other';
  draft.events.push({ column: 'X-ABDATE', value: vcardDate(prop.value, omitYear(prop)), type });
}

function readRelated(card: CardDraft, { property, label, value }: PropertyText): void {
  const key = label || property.types.filter((t) => t !== 'pref')[0] || 'related';
  keep(card, key, property.name, value.replace(/^(urn:uuid:|mailto:|tel:)/i, ''));
}

function readMessenger(card: CardDraft, { property, value }: PropertyText): void {
  const service = property.types.find((t) => t !== 'pref') || value.split(':')[0] || 'IM';
  keep(card, service, 'IMPP', value.replace(/^[a-z-]+:/i, ''));
}

/** Android's own rows: `X-ANDROID-CUSTOM:vnd.android.cursor.item/<kind>;data1;data2;data3;…`. */
function readAndroidCustom({ draft }: CardDraft, { text }: PropertyText): void {
  const parts = unescapedParts(text, ';');
  const kind = (parts[0] ?? '').replace(/^vnd\.android\.cursor\.item\//i, '').toLowerCase();
  const [data1, data2, data3] = [parts[1] ?? '', parts[2] ?? '', parts[3] ?? ''];
  if (!data1) return;
  const column = 'X-ANDROID-CUSTOM';
  if (kind === 'nickname') {
    draft.nickname = { column, value: draft.nickname ? `${draft.nickname.value}, ${data1}` : data1 };
  } else if (kind === 'contact_event') {
    const type = data2 === '0' ? data3 || 'other' : (ANDROID_EVENT_TYPES[data2] ?? 'other');
    if (type === 'birthday' && !draft.birthday) draft.birthday = { column, value: vcardDate(data1) };
    else draft.events.push({ column, value: vcardDate(data1), type });
  } else if (kind === 'relation') {
    draft.custom.push({
      column,
      key: data2 === '0' ? data3 || 'relation' : (ANDROID_RELATIONS[data2] ?? 'relation'),
      value: data1,
    });
  }
  // Other kinds belong to the apps that wrote them (messengers' internal ids): nothing a client card shows.
}

/** Anniversaries under their many names, and the X- properties a person wrote. */
function readOther(card: CardDraft, prop: PropertyText): void {
  const { name } = prop.property;
  if (ANNIVERSARY_PROPS.has(name)) {
    if (prop.value)
      card.draft.events.push({
        column: name,
        value: asText(prop) ? prop.value : vcardDate(prop.value),
        type: 'anniversary',
      });
  } else if (name.startsWith('X-') && !MACHINE_X.test(name) && prop.value && prop.value.length <= 500) {
    keep(card, prop.label || name, name, prop.value);
  }
}

const READERS = new Map<string, PropertyReader>([
  [
    'FN',
    ({ draft }, { value }) => {
      if (value && !draft.fullName) draft.fullName = at('FN', value);
    },
  ],
  ['N', readName],
  ['NICKNAME', readNickname],
  ['ORG', readOrganization],
  ['TITLE', readTitle],
  ['ROLE', (card, { value }) => keep(card, 'ROLE', 'ROLE', value)],
  ['TEL', readPhone],
  ['EMAIL', readEmail],
  ['ADR', readAddress],
  [
    'LABEL',
    (card, { property, label, value }) => {
      if (value) card.addressLabels.push({ type: placeType(property.types, label), text: value });
    },
  ],
  [
    'URL',
    ({ draft }, { property, label, value }) => {
      if (value) draft.urls.push({ column: 'URL', value, type: urlType(property.types, label) });
    },
  ],
  ['BDAY', readBirthday],
  [
    'NOTE',
    ({ draft }, { value }) => {
      if (value) draft.notes.push(at('NOTE', value));
    },
  ],
  ['CATEGORIES', readCategories],
  ['X-ANDROID-CUSTOM', readAndroidCustom],
  ['X-ABDATE', readAppleDate],
  ['X-ABRELATEDNAMES', readRelated],
  ['RELATED', readRelated],
  ['IMPP', readMessenger],
  // The backup's custom fields (userDefined): the key is the X-KEY parameter, escaped like a value.
  [
    'X-CRM-FIELD',
    (card, { property, value }) =>
      keep(card, unescapeText(property.params.get('X-KEY')?.[0] ?? '').trim() || 'X-CRM-FIELD', 'X-CRM-FIELD', value),
  ],
  ['GENDER', (card, { text }) => keep(card, 'gender', 'GENDER', unescapedParts(text, ';').filter(Boolean).join(', '))],
]);

/** Apple names a property's kind in a sibling X-ABLABEL of the same group: group → label. */
export function groupLabels(properties: VProperty[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const p of properties)
    if (p.name === 'X-ABLABEL' && p.group) labels.set(p.group, cleanLabel(unescapeText(decodedValue(p))));
  return labels;
}

export function readProperty(card: CardDraft, property: VProperty, labels: Map<string, string>): void {
  const text = decodedValue(property);
  const prop: PropertyText = {
    property,
    label: property.group ? labels.get(property.group) : undefined,
    text,
    value: unescapeText(text).trim(),
  };
  (READERS.get(property.name) ?? readOther)(card, prop);
}
