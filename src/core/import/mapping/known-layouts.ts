// The fixed header sets of files that other programs write: Google Contacts' CSV (current and legacy) and Outlook's
// CSV (desktop in English and Russian, outlook.com, Google's "Outlook CSV"). Header rows: ../shared/notes/crm-anchors.md §3;
// the Russian desktop Outlook row as it appears in real exports (`Обращение,Имя,Отчество,Фамилия,…,Телефон переносной,…`).

import type { AddressPart, ContactField, MappingColumn } from '../types';
import { headerKey } from './header-key';

export type ColumnMeaning = Omit<MappingColumn, 'index' | 'header'>;

const f = (field: ContactField, extra: Partial<ColumnMeaning> = {}): ColumnMeaning => ({ field, ...extra });
const phone = (type: string) => f('phone', { type });
const ignore = f('ignore');

function table(entries: Array<[string[], ColumnMeaning]>): Map<string, ColumnMeaning> {
  const map = new Map<string, ColumnMeaning>();
  for (const [headers, meaning] of entries) for (const h of headers) map.set(headerKey(h), meaning);
  return map;
}

// ---- Google Contacts ----

const GOOGLE_FIXED = table([
  [['First Name', 'Given Name'], f('givenName')],
  [['Middle Name', 'Additional Name'], f('middleName')],
  [['Last Name', 'Family Name'], f('familyName')],
  [['Name'], f('fullName')],
  [['Name Prefix'], f('prefix')],
  [['Name Suffix'], f('suffix')],
  [['Nickname'], f('nickname')],
  [['Organization Name'], f('company')],
  [['Organization Title'], f('title')],
  [['Organization Department'], f('department')],
  [['Birthday'], f('birthday')],
  [['Notes'], f('notes')],
  [['Photo'], f('ignore', { part: 'photo' })],
  [['Labels', 'Group Membership'], f('label')],
  [['Initials', 'Sensitivity', 'Priority'], ignore],
]);

const GOOGLE_NUMBERED =
  /^(e-?mail|phone|website|event|custom field|relation|im|address|organization)\s+(\d+)\s+-\s+(.+)$/i;
const NUMBERED_FIELD: Record<string, ContactField> = {
  email: 'email',
  phone: 'phone',
  website: 'url',
  event: 'event',
  'custom field': 'custom',
  relation: 'custom',
  im: 'custom',
  address: 'address',
};
const ADDRESS_PARTS: Record<string, AddressPart> = {
  formatted: 'formatted',
  street: 'street',
  city: 'city',
  'po box': 'poBox',
  region: 'region',
  'postal code': 'postalCode',
  country: 'country',
  'extended address': 'extended',
};

export function googleMeaning(header: string): ColumnMeaning | undefined {
  const fixed = GOOGLE_FIXED.get(headerKey(header));
  if (fixed) return fixed;
  const m = GOOGLE_NUMBERED.exec(header.trim().replace(/\s+/g, ' '));
  if (!m) return undefined;
  const kind = m[1].toLowerCase().replace('-', '');
  const n = Number(m[2]);
  const part = m[3].toLowerCase();
  const group = `${m[1]} ${m[2]}`;
  if (kind === 'organization') {
    // Legacy exports: one organisation per block. The first fills the card; later ones stay as custom fields.
    if (n !== 1) return part === 'type' ? ignore : undefined;
    return part === 'name'
      ? f('company')
      : part === 'title'
        ? f('title')
        : part === 'department'
          ? f('department')
          : part === 'type'
            ? ignore
            : undefined;
  }
  const field = NUMBERED_FIELD[kind];
  if (kind === 'im') {
    // The service (`Skype`, `Telegram`) says more than the IM's "type" does, so it names the custom field.
    if (part === 'service') return f(field, { group, part: 'label' });
    return part === 'value' ? f(field, { group, part: 'value' }) : ignore;
  }
  if (part === 'label' || part === 'type') return f(field, { group, part: 'label' });
  if (kind === 'address') return ADDRESS_PARTS[part] ? f(field, { group, part: ADDRESS_PARTS[part] }) : undefined;
  return part === 'value' ? f(field, { group, part: 'value' }) : undefined;
}

export function looksLikeGoogle(headers: string[]): 'google' | 'google-legacy' | undefined {
  const keys = new Set(headers.map(headerKey));
  const text = headers.map((h) => h.trim().toLowerCase());
  if (
    text.some((h) => /^(e-mail|phone|event|website) \d+ - label$/.test(h)) ||
    (keys.has('labels') && keys.has('organizationname'))
  )
    return 'google';
  if (keys.has('groupmembership') || (keys.has('givenname') && keys.has('familyname') && keys.has('additionalname')))
    return 'google-legacy';
  if (text.some((h) => /^(e-mail|phone) \d+ - (type|value)$/.test(h))) return 'google-legacy';
  return undefined;
}

// ---- Outlook ----

const addr = (type: 'work' | 'home' | 'other', part: AddressPart): ColumnMeaning =>
  f('address', { type, part, group: type === 'work' ? 'Business' : type === 'home' ? 'Home' : 'Other' });

const OUTLOOK = table([
  [['Title', 'Обращение'], f('prefix')],
  [['First Name', 'Имя'], f('givenName')],
  [['Middle Name', 'Отчество'], f('middleName')],
  [['Last Name', 'Фамилия'], f('familyName')],
  [['Suffix', 'Суффикс'], f('suffix')],
  [['Nickname', 'Псевдоним'], f('nickname')],
  [['Company', 'Организация'], f('company')],
  [['Department', 'Отдел'], f('department')],
  [['Job Title', 'Должность'], f('title')],
  [
    [
      'E-mail Address',
      'E-mail 2 Address',
      'E-mail 3 Address',
      'Адрес эл. почты',
      'Адрес 2 эл. почты',
      'Адрес 3 эл. почты',
    ],
    f('email'),
  ],
  [['Mobile Phone', 'Телефон переносной', 'Мобильный телефон'], phone('mobile')],
  [
    [
      'Business Phone',
      'Business Phone 2',
      'Company Main Phone',
      'Рабочий телефон',
      'Телефон раб. 2',
      'Основной телефон организации',
    ],
    phone('work'),
  ],
  [['Home Phone', 'Home Phone 2', 'Домашний телефон', 'Телефон дом. 2'], phone('home')],
  [['Other Phone', 'Другой телефон'], phone('other')],
  [['Primary Phone', 'Основной телефон'], phone('main')],
  [['Pager', 'Пейджер'], phone('pager')],
  [['Business Fax', 'Рабочий факс'], phone('workFax')],
  [['Home Fax', 'Домашний факс'], phone('homeFax')],
  [['Other Fax', 'Другой факс'], phone('otherFax')],
  [['Car Phone', 'Телефон в машине'], phone('Car')],
  [['Callback', 'Обратный вызов'], phone('Callback')],
  [['Radio Phone', 'Радиотелефон'], phone('Radio')],
  [["Assistant's Phone", 'Телефон помощника'], phone('Assistant')],
  [['ISDN'], phone('ISDN')],
  [['Telex', 'Телекс'], phone('Telex')],
  [['TTY/TDD Phone', 'Телетайп/телефон с титрами'], phone('TTY/TDD')],
  [['Business Street', 'Улица (раб. адрес)'], addr('work', 'street')],
  [
    ['Business Street 2', 'Business Street 3', 'Улица 2 (раб. адрес)', 'Улица 3 (раб. адрес)'],
    addr('work', 'extended'),
  ],
  [['Business City', 'Город (раб. адрес)'], addr('work', 'city')],
  [['Business State', 'Область (раб. адрес)'], addr('work', 'region')],
  [['Business Postal Code', 'Индекс (раб. адрес)'], addr('work', 'postalCode')],
  [['Business Country/Region', 'Business Country', 'Страна или регион (раб. адрес)'], addr('work', 'country')],
  [['Business Address PO Box', 'Почтовый ящик (раб. адрес)'], addr('work', 'poBox')],
  [['Home Street', 'Улица (дом. адрес)'], addr('home', 'street')],
  [['Home Street 2', 'Home Street 3', 'Улица 2 (дом. адрес)', 'Улица 3 (дом. адрес)'], addr('home', 'extended')],
  [['Home City', 'Город (дом. адрес)'], addr('home', 'city')],
  [['Home State', 'Область (дом. адрес)'], addr('home', 'region')],
  [['Home Postal Code', 'Почтовый код (дом.)', 'Индекс (дом. адрес)'], addr('home', 'postalCode')],
  [['Home Country/Region', 'Home Country', 'Страна или регион (дом. адрес)'], addr('home', 'country')],
  [['Home Address PO Box', 'Почтовый ящик (дом. адрес)'], addr('home', 'poBox')],
  [['Other Street', 'Улица (другой адрес)'], addr('other', 'street')],
  [['Other Street 2', 'Other Street 3', 'Улица 2 (другой адрес)', 'Улица 3 (другой адрес)'], addr('other', 'extended')],
  [['Other City', 'Город (другой адрес)'], addr('other', 'city')],
  [['Other State', 'Область (другой адрес)'], addr('other', 'region')],
  [['Other Postal Code', 'Индекс (другой адрес)'], addr('other', 'postalCode')],
  [['Other Country/Region', 'Other Country', 'Страна или регион (другой адрес)'], addr('other', 'country')],
  [['Other Address PO Box', 'Почтовый ящик (другой адрес)'], addr('other', 'poBox')],
  [['Web Page', 'Веб-страница'], f('url')],
  [['Personal Web Page'], f('url', { type: 'home' })],
  [['Birthday', 'День рождения'], f('birthday')],
  [['Anniversary', 'Годовщина'], f('event', { type: 'anniversary' })],
  [['Notes', 'Заметки'], f('notes')],
  [['Categories', 'Категории'], f('label')],
  // Outlook fills these with its own defaults (`Normal`, `False`, `Unspecified`, `SMTP`, `Обычная`, `Ложь`…), not client data.
  [
    [
      'Priority',
      'Sensitivity',
      'Private',
      'Gender',
      'Initials',
      'Internet Free Busy',
      'E-mail Type',
      'E-mail 2 Type',
      'E-mail 3 Type',
      'E-mail Display Name',
      'E-mail 2 Display Name',
      'E-mail 3 Display Name',
      'Directory Server',
      'Mileage',
      'Language',
      'Важность',
      'Частное',
      'Пол',
      'Инициалы',
      'Сведения о доступности в Интернете',
      'Тип эл. почты',
      'Тип 2 эл. почты',
      'Тип 3 эл. почты',
      'Краткое имя эл. почты',
      'Краткое 2 имя эл. почты',
      'Краткое 3 имя эл. почты',
      'Сервер каталогов',
      'Расстояние',
      'Отложено',
      'Пометка',
      'Язык',
    ],
    ignore,
  ],
]);

/** Headers only Outlook writes: enough of them and the file is Outlook's. */
const OUTLOOK_SIGNATURE = new Set(
  [
    'E-mail Address',
    'Business Phone',
    'Mobile Phone',
    'Home Phone',
    'Business Street',
    'Job Title',
    'Business Fax',
    'Home Street',
    'Other Phone',
    'Company Main Phone',
    'Адрес эл. почты',
    'Телефон переносной',
    'Улица (раб. адрес)',
    'Улица (дом. адрес)',
    'Рабочий факс',
    'Телефон раб. 2',
    'Основной телефон организации',
    'Тип эл. почты',
  ].map(headerKey),
);

export function looksLikeOutlook(headers: string[]): boolean {
  return headers.filter((h) => OUTLOOK_SIGNATURE.has(headerKey(h))).length >= 3;
}

export function outlookMeaning(header: string): ColumnMeaning | undefined {
  return OUTLOOK.get(headerKey(header));
}
