// Labels of phones, e-mails, addresses, websites and events as files carry them (`Mobile`, `* Work`, `Work Fax`,
// `WorkFax` from our own export, `Мобильный`) → the predefined People API type when there is one, else the label
// as written (People keeps custom types). Predefined values: https://developers.google.com/people/api/rest/v1/people

type Kind = 'phone' | 'email' | 'address' | 'url' | 'event';

const PREDEFINED: Record<Kind, Record<string, string[]>> = {
  phone: {
    mobile: [
      'mobile',
      'cell',
      'cellphone',
      'mobilephone',
      'моб',
      'мобильный',
      'мобильныйтелефон',
      'сотовый',
      'მობილური',
    ],
    work: [
      'work',
      'business',
      'office',
      'workphone',
      'businessphone',
      'раб',
      'рабочий',
      'рабочийтелефон',
      'სამსახური',
      'სამსახურის',
    ],
    home: ['home', 'homephone', 'дом', 'домашний', 'домашнийтелефон', 'სახლი', 'სახლის'],
    homeFax: ['homefax', 'домашнийфакс'],
    workFax: ['workfax', 'businessfax', 'fax', 'факс', 'рабочийфакс', 'ფაქსი'],
    otherFax: ['otherfax', 'другойфакс'],
    pager: ['pager', 'пейджер'],
    workMobile: ['workmobile', 'рабочиймобильный'],
    workPager: ['workpager'],
    main: ['main', 'primary', 'основной'],
    googleVoice: ['googlevoice'],
    other: ['other', 'другой', 'другое', 'სხვა'],
  },
  email: {
    home: ['home', 'personal', 'личный', 'домашний', 'პირადი', 'სახლის'],
    work: ['work', 'business', 'рабочий', 'სამსახურის'],
    other: ['other', 'другой', 'სხვა'],
  },
  address: {
    home: ['home', 'домашний', 'дом', 'სახლის'],
    work: ['work', 'business', 'рабочий', 'раб', 'სამსახურის'],
    other: ['other', 'другой', 'სხვა'],
  },
  url: {
    homePage: ['homepage', 'сайт', 'website', 'საიტი'],
    work: ['work', 'рабочий'],
    blog: ['blog', 'блог'],
    profile: ['profile', 'профиль'],
    home: ['home', 'personal', 'личный'],
    ftp: ['ftp'],
    reservations: ['reservations'],
    appInstallPage: ['appinstallpage'],
    other: ['other', 'другой'],
  },
  event: {
    anniversary: ['anniversary', 'годовщина', 'юбилей', 'წლისთავი'],
    other: ['other', 'другое', 'სხვა'],
  },
};

const LOOKUP: Record<Kind, Map<string, string>> = {} as Record<Kind, Map<string, string>>;
for (const kind of Object.keys(PREDEFINED) as Kind[]) {
  LOOKUP[kind] = new Map();
  for (const [type, words] of Object.entries(PREDEFINED[kind])) {
    LOOKUP[kind].set(type.toLowerCase(), type);
    for (const w of words) LOOKUP[kind].set(w, type);
  }
}

/** undefined when the file gave no label. A leading `* ` (Google marks the primary value so) is not part of it. */
export function peopleType(kind: Kind, raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const label = String(raw ?? '')
    .replace(/^\*\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!label) return undefined;
  const key = label
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return LOOKUP[kind].get(key) ?? label;
}
