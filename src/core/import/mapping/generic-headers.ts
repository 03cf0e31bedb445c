// Column names offices give their own spreadsheets, in Russian, English and Georgian (our xlsx export's headers
// included, so an exported workbook comes back in). Exact synonyms first; then word stems for headers such as
// `Телефон клиента` or `Дата первого визита`.

import type { AddressPart, ContactField } from '../types';
import { headerKey, withoutCounter } from './header-key';

export interface HeaderMeaning {
  field: ContactField;
  type?: string;
  part?: AddressPart;
}

const SYNONYMS: Array<[HeaderMeaning, string[]]> = [
  [
    { field: 'fullName' },
    [
      'фио',
      'фамилияимяотчество',
      'фамилияимя',
      'имяфамилия',
      'клиент',
      'имяклиента',
      'фиоклиента',
      'контакт',
      'контактноелицо',
      'покупатель',
      'пациент',
      'заказчик',
      'name',
      'fullname',
      'client',
      'clientname',
      'customer',
      'customername',
      'contact',
      'contactname',
      'contactperson',
      'displayname',
      'სახელიდაგვარი',
      'სახელიგვარი',
      'გვარისახელი',
      'კლიენტი',
      'სრულისახელი',
      'კონტაქტი',
      'პაციენტი',
    ],
  ],
  [{ field: 'familyName' }, ['фамилия', 'lastname', 'familyname', 'surname', 'გვარი']],
  [{ field: 'givenName' }, ['имя', 'firstname', 'givenname', 'forename', 'სახელი']],
  [{ field: 'middleName' }, ['отчество', 'middlename', 'patronymic', 'additionalname', 'მამისსახელი']],
  [{ field: 'prefix' }, ['обращение', 'prefix', 'nameprefix', 'salutation']],
  [{ field: 'suffix' }, ['суффикс', 'suffix', 'namesuffix']],
  [{ field: 'nickname' }, ['псевдоним', 'прозвище', 'nickname', 'nick', 'მეტსახელი']],
  [
    { field: 'company' },
    [
      'компания',
      'организация',
      'фирма',
      'названиекомпании',
      'company',
      'companyname',
      'organization',
      'organisation',
      'organizationname',
      'კომპანია',
      'ორგანიზაცია',
      'ფირმა',
    ],
  ],
  [{ field: 'title' }, ['должность', 'position', 'jobtitle', 'title', 'organizationtitle', 'თანამდებობა']],
  [{ field: 'department' }, ['отдел', 'подразделение', 'department', 'organizationdepartment', 'განყოფილება']],
  [
    { field: 'phone' },
    [
      'телефон',
      'телефоны',
      'тел',
      'номер',
      'номертелефона',
      'контактныйтелефон',
      'phone',
      'phones',
      'telephone',
      'tel',
      'phonenumber',
      'ტელეფონი',
      'ტელეფონები',
      'ტელ',
      'ტელეფონისნომერი',
    ],
  ],
  [
    { field: 'phone', type: 'mobile' },
    [
      'мобтелефон',
      'мобтел',
      'моб',
      'мобильный',
      'мобильныйтелефон',
      'сотовый',
      'сотовыйтелефон',
      'сот',
      'mobile',
      'mobilephone',
      'cell',
      'cellphone',
      'мобильный',
      'მობილური',
      'მობტელეფონი',
      'მობილურიტელეფონი',
    ],
  ],
  [
    { field: 'phone', type: 'work' },
    ['рабочийтелефон', 'рабтелефон', 'рабтел', 'workphone', 'businessphone', 'officephone', 'სამსახურისტელეფონი'],
  ],
  [{ field: 'phone', type: 'home' }, ['домашнийтелефон', 'домтелефон', 'домтел', 'homephone', 'სახლისტელეფონი']],
  [{ field: 'phone', type: 'workFax' }, ['факс', 'fax', 'ფაქსი']],
  [
    { field: 'email' },
    [
      'email',
      'emails',
      'eмейл',
      'емейл',
      'емэйл',
      'имейл',
      'мейл',
      'почта',
      'элпочта',
      'эпочта',
      'электроннаяпочта',
      'адресэлектроннойпочты',
      'mail',
      'emailaddress',
      'ელფოსტა',
      'იმეილი',
      'ელექტრონულიფოსტა',
      'მეილი',
    ],
  ],
  [
    { field: 'birthday' },
    [
      'датарождения',
      'др',
      'деньрождения',
      'birthday',
      'dateofbirth',
      'birthdate',
      'dob',
      'დაბადებისთარიღი',
      'დაბადებისდღე',
    ],
  ],
  [
    { field: 'firstVisit' },
    [
      'первыйвизит',
      'датапервоговизита',
      'датапервогопосещения',
      'первоепосещение',
      'firstvisit',
      'firstvisitdate',
      'dateoffirstvisit',
      'პირველივიზიტი',
      'პირველივიზიტისთარიღი',
    ],
  ],
  [
    { field: 'label' },
    [
      'категория',
      'категории',
      'группа',
      'группы',
      'метка',
      'метки',
      'тег',
      'теги',
      'ярлык',
      'ярлыки',
      'category',
      'categories',
      'group',
      'groups',
      'label',
      'labels',
      'tag',
      'tags',
      'კატეგორია',
      'კატეგორიები',
      'ჯგუფი',
      'ჯგუფები',
      'იარლიყი',
      'ტეგი',
    ],
  ],
  [
    { field: 'manager' },
    [
      'менеджер',
      'ответственный',
      'ответственныйменеджер',
      'manager',
      'responsible',
      'accountmanager',
      'მენეჯერი',
      'პასუხისმგებელი',
    ],
  ],
  [
    { field: 'notes' },
    [
      'комментарий',
      'комментарии',
      'примечание',
      'примечания',
      'заметки',
      'заметка',
      'notes',
      'note',
      'comment',
      'comments',
      'remarks',
      'კომენტარი',
      'კომენტარები',
      'შენიშვნა',
      'შენიშვნები',
    ],
  ],
  [{ field: 'address', part: 'formatted' }, ['адрес', 'address', 'fulladdress', 'მისამართი']],
  [{ field: 'address', part: 'street' }, ['улица', 'street', 'ქუჩა']],
  [{ field: 'address', part: 'city' }, ['город', 'населенныйпункт', 'city', 'town', 'ქალაქი']],
  [{ field: 'address', part: 'region' }, ['область', 'регион', 'region', 'state', 'province', 'რეგიონი']],
  [
    { field: 'address', part: 'postalCode' },
    ['индекс', 'почтовыйиндекс', 'zip', 'zipcode', 'postalcode', 'postcode', 'საფოსტოინდექსი'],
  ],
  [{ field: 'address', part: 'country' }, ['страна', 'country', 'ქვეყანა']],
  [{ field: 'url' }, ['сайт', 'вебсайт', 'website', 'web', 'url', 'homepage', 'ვებგვერდი', 'საიტი']],
  [{ field: 'ignore' }, ['', 'пп', 'нпп', 'no', 'nr', 'num']],
];

const EXACT = new Map<string, HeaderMeaning>();
for (const [meaning, keys] of SYNONYMS) for (const k of keys) if (!EXACT.has(k)) EXACT.set(k, meaning);

/** Stems, tried in order: the first that the header key contains wins. */
const STEMS: Array<[RegExp, HeaderMeaning | ((key: string) => HeaderMeaning)]> = [
  [/фио/, { field: 'fullName' }],
  // `Фамилия, имя и отчество клиента`, `Имя и фамилия`: the whole name, not its surname.
  [/фамил.*им|им[яе].*фамил/, { field: 'fullName' }],
  [/рожд|birth|დაბად/, { field: 'birthday' }],
  [/(перв.*(визит|посещ))|(first.*visit)|(პირველ.*ვიზიტ)/, { field: 'firstVisit' }],
  [/почтовыйящик|абонентскийящик|pobox|postofficebox/, { field: 'address', part: 'poBox' }],
  [/почтовыйадрес|postaladdress|mailingaddress|საფოსტომისამართ/, { field: 'address', part: 'formatted' }],
  [/индекс|zip|postal|საფოსტო/, { field: 'address', part: 'postalCode' }],
  [/почт|mail|ფოსტ/, { field: 'email' }],
  [/^тел(?!еграм)|телефон|phone|ტელ|^моб|mobile|сотов/, (key) => ({ field: 'phone', type: phoneTypeFromHeader(key) })],
  [/факс|fax/, { field: 'phone', type: 'workFax' }],
  [/фамил|surname|lastname|გვარ/, { field: 'familyName' }],
  [/отчеств|patronym|middlename/, { field: 'middleName' }],
  [/компан|организац|company|organi[sz]ation|კომპან|ორგანიზაც/, { field: 'company' }],
  [/должн|jobtitle|position|თანამდებ/, { field: 'title' }],
  [/коммент|примеч|заметк|note|comment|კომენტ|შენიშვ/, { field: 'notes' }],
  [/менеджер|ответствен|manager|მენეჯერ/, { field: 'manager' }],
  [/категор|групп|метк|тег|label|tag|categor|კატეგორ|ჯგუფ/, { field: 'label' }],
  [/адрес|address|მისამართ/, { field: 'address', part: 'formatted' }],
  [/сайт|website|url|ვებ/, { field: 'url' }],
];

export function phoneTypeFromHeader(key: string): string | undefined {
  if (/моб|сот|mobile|cell|მობ/.test(key)) return 'mobile';
  if (/факс|fax/.test(key)) return /дом|home/.test(key) ? 'homeFax' : 'workFax';
  if (/раб|work|business|office|სამსახ/.test(key)) return 'work';
  if (/дом|home|სახლ/.test(key)) return 'home';
  return undefined;
}

/** What a header means in an office's own spreadsheet, or undefined when we cannot tell (kept as a custom field).
 *  `exactOnly` for extra columns in a known layout, where stems would misread e.g. Google's `Phonetic First Name`. */
export function genericMeaning(header: string, exactOnly = false): HeaderMeaning | undefined {
  const key = headerKey(header);
  const exact = EXACT.get(key) ?? EXACT.get(withoutCounter(key));
  if (exact || exactOnly) return exact;
  for (const [stem, meaning] of STEMS)
    if (stem.test(key)) return typeof meaning === 'function' ? meaning(key) : meaning;
  return undefined;
}
