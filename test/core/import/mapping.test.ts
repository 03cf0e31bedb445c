import Papa from 'papaparse';
import { googleCsv } from '../../../src/core/export';
import type { ExportContact } from '../../../src/core/export';
import { applyMapping, autoMap, mappingFingerprint } from '../../../src/core/import/mapping';
import { normalizeAll } from '../../../src/core/import/normalize';
import type { Mapping, MappingColumn, SourceTable } from '../../../src/core/import/types';

/** A SourceTable as a reader would give it: header on row 1, data from row 2. */
function table(headers: string[], rows: string[][], format: SourceTable['format'] = 'csv'): SourceTable {
  return {
    format,
    headerRowNumber: 1,
    headers,
    warnings: [],
    rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells: cells.map((text) => ({ text })) })),
  };
}

function col(mapping: Mapping, header: string): Omit<MappingColumn, 'index' | 'header'> {
  const c = mapping.columns.find((x) => x.header === header);
  if (!c) throw new Error(`no column ${header}`);
  const { index, header: _h, ...rest } = c;
  return rest;
}

const GOOGLE_HEADER =
  'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,E-mail 3 - Label,E-mail 3 - Value,E-mail 4 - Label,E-mail 4 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Phone 3 - Label,Phone 3 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,Website 1 - Label,Website 1 - Value,Event 1 - Label,Event 1 - Value,Event 2 - Label,Event 2 - Value,Custom Field 1 - Label,Custom Field 1 - Value'.split(
    ',',
  );

const LEGACY_HEADER =
  'Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,IM 1 - Type,IM 1 - Service,IM 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Address 1 - Type,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,Organization 1 - Type,Organization 1 - Name,Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department,Organization 1 - Symbol,Organization 1 - Location,Organization 1 - Job Description,Website 1 - Type,Website 1 - Value'.split(
    ',',
  );

// Desktop Outlook on Russian Windows (File → Export → CSV), as found in real exports.
const OUTLOOK_RU_HEADER = [
  'Обращение',
  'Имя',
  'Отчество',
  'Фамилия',
  'Суффикс',
  'Организация',
  'Отдел',
  'Должность',
  'Улица (раб. адрес)',
  'Улица 2 (раб. адрес)',
  'Улица 3 (раб. адрес)',
  'Город (раб. адрес)',
  'Область (раб. адрес)',
  'Индекс (раб. адрес)',
  'Страна или регион (раб. адрес)',
  'Улица (дом. адрес)',
  'Улица 2 (дом. адрес)',
  'Улица 3 (дом. адрес)',
  'Город (дом. адрес)',
  'Область (дом. адрес)',
  'Почтовый код (дом.)',
  'Страна или регион (дом. адрес)',
  'Улица (другой адрес)',
  'Улица  2 (другой адрес)',
  'Улица  3 (другой адрес)',
  'Город  (другой адрес)',
  'Область  (другой адрес)',
  'Индекс  (другой адрес)',
  'Страна или регион  (другой адрес)',
  'Телефон помощника',
  'Рабочий факс',
  'Рабочий телефон',
  'Телефон раб. 2',
  'Обратный вызов',
  'Телефон в машине',
  'Основной телефон организации',
  'Домашний факс',
  'Домашний телефон',
  'Телефон дом. 2',
  'ISDN',
  'Телефон переносной',
  'Другой факс',
  'Другой телефон',
  'Пейджер',
  'Основной телефон',
  'Радиотелефон',
  'Телетайп/телефон с титрами',
  'Телекс',
  'Важность',
  'Веб-страница',
  'Годовщина',
  'День рождения',
  'Дети',
  'Заметки',
  'Имя помощника',
  'Инициалы',
  'Категории',
  'Ключевые слова',
  'Код организации',
  'Личный код',
  'Отложено',
  'Пол',
  'Пользователь 1',
  'Пользователь 2',
  'Пользователь 3',
  'Пользователь 4',
  'Пометка',
  'Почтовый ящик (дом. адрес)',
  'Почтовый ящик (другой адрес)',
  'Почтовый ящик (раб. адрес)',
  'Профессия',
  'Расположение',
  'Расположение комнаты',
  'Расстояние',
  'Руководитель',
  'Сведения о доступности в Интернете',
  'Сервер каталогов',
  'Супруг(а)',
  'Счет',
  'Счета',
  'Хобби',
  'Частное',
  'Адрес эл. почты',
  'Тип эл. почты',
  'Краткое имя эл. почты',
  'Адрес 2 эл. почты',
  'Тип 2 эл. почты',
  'Краткое 2 имя эл. почты',
  'Адрес 3 эл. почты',
  'Тип 3 эл. почты',
  'Краткое 3 имя эл. почты',
  'Язык',
];

const RU = { defaultCountry: 'RU', locale: 'ru' as const };

describe('Google CSV, current layout', () => {
  const mapping = autoMap(GOOGLE_HEADER);

  test('is recognised, and label/value columns pair up', () => {
    expect(mapping.layout).toBe('google');
    expect(col(mapping, 'First Name')).toEqual({ field: 'givenName' });
    expect(col(mapping, 'Last Name')).toEqual({ field: 'familyName' });
    expect(col(mapping, 'Labels')).toEqual({ field: 'label' });
    expect(col(mapping, 'Photo')).toEqual({ field: 'ignore', part: 'photo' });
    expect(col(mapping, 'Phone 2 - Label')).toEqual({ field: 'phone', group: 'Phone 2', part: 'label' });
    expect(col(mapping, 'Phone 2 - Value')).toEqual({ field: 'phone', group: 'Phone 2', part: 'value' });
    expect(col(mapping, 'Address 1 - Postal Code')).toEqual({
      field: 'address',
      group: 'Address 1',
      part: 'postalCode',
    });
    expect(col(mapping, 'Custom Field 1 - Value')).toEqual({ field: 'custom', group: 'Custom Field 1', part: 'value' });
    expect(col(mapping, 'Phonetic First Name')).toEqual({ field: 'custom', key: 'Phonetic First Name' });
  });

  test('splits ::: values, types phones and e-mails by their label, keeps system groups for the normaliser', () => {
    const row: Record<string, string> = {
      'First Name': 'Ivan',
      'Last Name': 'Petrov',
      Labels: '* myContacts ::: * starred ::: VIP ::: Опт',
      Photo: 'https://lh3.googleusercontent.com/x',
      'E-mail 1 - Label': '* Work',
      'E-mail 1 - Value': 'ivan@work.example ::: ivan2@work.example',
      'Phone 1 - Label': 'Mobile',
      'Phone 1 - Value': '+7 912 345-67-89 ::: +7 912 345-67-80',
      'Phone 2 - Label': 'Work Fax',
      'Phone 2 - Value': '+7 343 222-33-44',
      'Address 1 - Label': 'Home',
      'Address 1 - Street': 'ул. Ленина, 1',
      'Address 1 - City': 'Екатеринбург',
      'Event 1 - Label': 'Anniversary',
      'Event 1 - Value': '2010-06-01',
      'Custom Field 1 - Label': 'Источник',
      'Custom Field 1 - Value': 'Instagram',
    };
    const [draft] = applyMapping(table(GOOGLE_HEADER, [GOOGLE_HEADER.map((h) => row[h] ?? '')]), mapping);
    expect(draft.hadPhoto).toBe(true);
    // System groups ride along to the normaliser, which tells them apart (normalize/system-groups.ts).
    expect(draft.labels.map((l) => l.value)).toEqual(['* myContacts', '* starred', 'VIP', 'Опт']);
    expect(draft.emails).toEqual([
      { value: 'ivan@work.example', column: 'E-mail 1 - Value', type: '* Work' },
      { value: 'ivan2@work.example', column: 'E-mail 1 - Value', type: '* Work' },
    ]);
    const { contacts, problems } = normalizeAll([draft], RU);
    expect(problems).toEqual([]);
    const p = contacts[0].person;
    expect(p.names).toEqual([{ givenName: 'Ivan', familyName: 'Petrov' }]);
    expect(p.phoneNumbers).toEqual([
      { value: '+7 912 345-67-89', canonicalForm: '+79123456789', type: 'mobile' },
      { value: '+7 912 345-67-80', canonicalForm: '+79123456780', type: 'mobile' },
      { value: '+7 343 222-33-44', canonicalForm: '+73432223344', type: 'workFax' },
    ]);
    expect(p.emailAddresses).toEqual([
      { value: 'ivan@work.example', type: 'work' },
      { value: 'ivan2@work.example', type: 'work' },
    ]);
    expect(p.addresses).toEqual([{ streetAddress: 'ул. Ленина, 1', city: 'Екатеринбург', type: 'home' }]);
    expect(p.events).toEqual([{ type: 'anniversary', date: { year: 2010, month: 6, day: 1 } }]);
    expect(p.userDefined).toEqual([{ key: 'Источник', value: 'Instagram' }]);
    expect(contacts[0].labels).toEqual(['* Starred', 'VIP', 'Опт']);
  });
});

describe('Google CSV, legacy layout', () => {
  test('is recognised and read: Name, Group Membership, typed phones, Organization 1', () => {
    const mapping = autoMap(LEGACY_HEADER);
    expect(mapping.layout).toBe('google-legacy');
    expect(col(mapping, 'Group Membership')).toEqual({ field: 'label' });
    expect(col(mapping, 'Phone 1 - Type')).toEqual({ field: 'phone', group: 'Phone 1', part: 'label' });
    expect(col(mapping, 'Organization 1 - Name')).toEqual({ field: 'company' });
    expect(col(mapping, 'IM 1 - Service')).toEqual({ field: 'custom', group: 'IM 1', part: 'label' });
    const row: Record<string, string> = {
      Name: 'Nino Beridze',
      'Given Name': 'Nino',
      'Family Name': 'Beridze',
      'Group Membership': '* myContacts ::: Clients',
      'E-mail 1 - Type': '* Home',
      'E-mail 1 - Value': 'nino@example.ge',
      'Phone 1 - Type': 'Mobile',
      'Phone 1 - Value': '555 12 34 56',
      'Phone 2 - Type': 'Telma',
      'Phone 2 - Value': '+995 32 2 12 34 56',
      'Organization 1 - Name': 'Alpha',
      'Organization 1 - Title': 'CEO',
      'IM 1 - Service': 'Skype',
      'IM 1 - Value': 'nino.b',
      Sensitivity: 'Normal',
    };
    const drafts = applyMapping(table(LEGACY_HEADER, [LEGACY_HEADER.map((h) => row[h] ?? '')]), mapping);
    const { contacts, problems } = normalizeAll(drafts, { defaultCountry: 'GE', locale: 'ka' });
    expect(problems).toEqual([]);
    const p = contacts[0].person;
    expect(p.names).toEqual([{ givenName: 'Nino', familyName: 'Beridze' }]);
    expect(p.phoneNumbers).toEqual([
      { value: '555 12 34 56', canonicalForm: '+995555123456', type: 'mobile' },
      { value: '+995 32 2 12 34 56', canonicalForm: '+995322123456', type: 'Telma' },
    ]);
    expect(p.emailAddresses).toEqual([{ value: 'nino@example.ge', type: 'home' }]);
    expect(p.organizations).toEqual([{ name: 'Alpha', title: 'CEO' }]);
    expect(p.userDefined).toEqual([{ key: 'Skype', value: 'nino.b' }]);
    expect(contacts[0].labels).toEqual(['Clients']);
  });
});

describe('Outlook CSV', () => {
  test('Russian desktop headers: recognised, phones typed by column, addresses assembled, Outlook defaults ignored', () => {
    const mapping = autoMap(OUTLOOK_RU_HEADER);
    expect(mapping.layout).toBe('outlook');
    expect(col(mapping, 'Телефон переносной')).toEqual({ field: 'phone', type: 'mobile' });
    expect(col(mapping, 'Обращение')).toEqual({ field: 'prefix' });
    expect(col(mapping, 'Город  (другой адрес)')).toEqual({
      field: 'address',
      type: 'other',
      group: 'Other',
      part: 'city',
    });
    expect(col(mapping, 'Руководитель')).toEqual({ field: 'custom', key: 'Руководитель' });
    expect(col(mapping, 'Важность')).toEqual({ field: 'ignore' });
    const row: Record<string, string> = {
      Имя: 'Иван',
      Отчество: 'Иванович',
      Фамилия: 'Иванов',
      Организация: 'ООО «Ромашка»',
      Должность: 'Директор',
      'Улица (раб. адрес)': 'ул. Ленина, 1',
      'Город (раб. адрес)': 'Екатеринбург',
      'Индекс (раб. адрес)': '620000',
      'Рабочий телефон': '+7 (343) 222-33-44',
      'Телефон переносной': '8 912 345-67-89',
      'День рождения': '12.03.1985',
      Годовщина: '0.0.00',
      Категории: 'VIP;Опт',
      Заметки: 'Постоянный клиент',
      Важность: 'Обычная',
      Пол: 'Не определен',
      Частное: 'Ложь',
      Инициалы: 'И.И.И.',
      'Адрес эл. почты': 'ivanov@example.ru',
      'Тип эл. почты': 'SMTP',
      'Краткое имя эл. почты': 'Иванов (ivanov@example.ru)',
    };
    const drafts = applyMapping(table(OUTLOOK_RU_HEADER, [OUTLOOK_RU_HEADER.map((h) => row[h] ?? '')]), mapping);
    const { contacts, problems } = normalizeAll(drafts, RU);
    expect(problems).toEqual([]);
    const p = contacts[0].person;
    expect(p.names).toEqual([{ familyName: 'Иванов', givenName: 'Иван', middleName: 'Иванович' }]);
    expect(p.organizations).toEqual([{ name: 'ООО «Ромашка»', title: 'Директор' }]);
    expect(p.phoneNumbers).toEqual([
      { value: '+7 (343) 222-33-44', canonicalForm: '+73432223344', type: 'work' },
      { value: '8 912 345-67-89', canonicalForm: '+79123456789', type: 'mobile' },
    ]);
    expect(p.addresses).toEqual([
      { streetAddress: 'ул. Ленина, 1', city: 'Екатеринбург', postalCode: '620000', type: 'work' },
    ]);
    expect(p.birthdays).toEqual([{ date: { year: 1985, month: 3, day: 12 } }]);
    expect(p.events).toBeUndefined();
    expect(p.emailAddresses).toEqual([{ value: 'ivanov@example.ru' }]);
    expect(p.biographies).toEqual([{ value: 'Постоянный клиент', contentType: 'TEXT_PLAIN' }]);
    expect(p.userDefined).toBeUndefined();
    expect(contacts[0].labels).toEqual(['VIP', 'Опт']);
  });

  test('outlook.com English headers', () => {
    const headers = [
      'First Name',
      'Last Name',
      'E-mail Address',
      'Business Phone',
      'Mobile Phone',
      'Home Phone',
      'Job Title',
      'Company',
      'Business Street',
      'Categories',
    ];
    const mapping = autoMap(headers);
    expect(mapping.layout).toBe('outlook');
    expect(col(mapping, 'Business Phone')).toEqual({ field: 'phone', type: 'work' });
    expect(col(mapping, 'Business Street')).toEqual({
      field: 'address',
      type: 'work',
      group: 'Business',
      part: 'street',
    });
  });
});

describe('an office’s own sheet', () => {
  test.each([
    ['ФИО', { field: 'fullName' }],
    ['Фамилия', { field: 'familyName' }],
    ['Имя', { field: 'givenName' }],
    ['სახელი', { field: 'givenName' }],
    ['Отчество', { field: 'middleName' }],
    ['Клиент', { field: 'fullName' }],
    ['Моб. телефон', { field: 'phone', type: 'mobile' }],
    ['Тел.', { field: 'phone' }],
    ['ТЕЛЕФОН 2', { field: 'phone' }],
    ['Телефон клиента', { field: 'phone' }],
    ['Рабочий телефон', { field: 'phone', type: 'work' }],
    ['E-mail', { field: 'email' }],
    ['Эл. почта', { field: 'email' }],
    ['Почта', { field: 'email' }],
    ['Дата рождения', { field: 'birthday' }],
    ['ДР', { field: 'birthday' }],
    ['Категория', { field: 'label' }],
    ['Группа', { field: 'label' }],
    ['Метка', { field: 'label' }],
    ['Первый визит', { field: 'firstVisit' }],
    ['Дата первого визита', { field: 'firstVisit' }],
    ['Менеджер', { field: 'manager' }],
    ['Ответственный', { field: 'manager' }],
    ['Комментарий', { field: 'notes' }],
    ['Примечание', { field: 'notes' }],
    ['Компания', { field: 'company' }],
    ['Организация', { field: 'company' }],
    ['Должность', { field: 'title' }],
    ['Last name', { field: 'familyName' }],
    ['Full Name', { field: 'fullName' }],
    ['Mobile', { field: 'phone', type: 'mobile' }],
    ['Date of birth', { field: 'birthday' }],
    ['First visit', { field: 'firstVisit' }],
    ['Notes', { field: 'notes' }],
    ['გვარი', { field: 'familyName' }],
    ['ტელეფონი', { field: 'phone' }],
    ['ელ-ფოსტა', { field: 'email' }],
    ['დაბადების თარიღი', { field: 'birthday' }],
    ['კატეგორია', { field: 'label' }],
    ['მენეჯერი', { field: 'manager' }],
    ['კომენტარი', { field: 'notes' }],
    ['კომპანია', { field: 'company' }],
    ['Источник', { field: 'custom', key: 'Источник' }],
    ['', { field: 'ignore' }],
    ['№', { field: 'ignore' }],
  ])('%j', (header, expected) => {
    const mapping = autoMap([header, 'Фамилия']);
    expect(mapping.layout).toBe('generic');
    expect(mapping.columns[0]).toEqual({ index: 0, header, ...expected });
  });

  test('a lone name column is the whole name; Адрес next to Город is the street line', () => {
    const mapping = autoMap(['Имя', 'Телефон', 'Адрес', 'Город', 'Юр. адрес']);
    expect(mapping.columns.map((c) => [c.field, c.part, c.group])).toEqual([
      ['fullName', undefined, undefined],
      ['phone', undefined, undefined],
      ['address', 'street', 'address'],
      ['address', 'city', 'address'],
      ['address', 'formatted', 'address 4'],
    ]);
  });

  test('a Russian sheet end to end; blank lines are skipped, a second company column is kept as a custom field', () => {
    const headers = [
      '№',
      'ФИО',
      'Телефон',
      'E-mail',
      'ДР',
      'Категория',
      'Менеджер',
      'Компания',
      'Компания',
      'Источник',
    ];
    const t = table(headers, [
      [
        '1',
        'Иванов Иван Иванович',
        '8 (912) 345-67-89; 8 343 222-33-44 доб. 100',
        'ivanov@example.ru',
        '12.03.1985',
        'VIP, Опт',
        'Ольга',
        'Ромашка',
        'Лютик',
        'Instagram',
      ],
      ['2', '', '', '', '', '', '', '', '', ''],
    ]);
    t.rows[0].cells[4] = { text: '12.03.85', date: { year: 1985, month: 3, day: 12 } };
    const drafts = applyMapping(t, autoMap(headers));
    expect(drafts).toHaveLength(1);
    const { contacts, problems } = normalizeAll(drafts, RU);
    expect(problems).toEqual([]);
    const c = contacts[0];
    expect(c.person.phoneNumbers).toEqual([
      { value: '8 (912) 345-67-89', canonicalForm: '+79123456789' },
      { value: '8 343 222-33-44 доб. 100', canonicalForm: '+73432223344' },
    ]);
    expect(c.person.birthdays).toEqual([{ date: { year: 1985, month: 3, day: 12 } }]);
    expect(c.person.organizations).toEqual([{ name: 'Ромашка' }]);
    expect(c.person.userDefined).toEqual([
      { key: 'Менеджер', value: 'Ольга' },
      { key: 'Компания', value: 'Лютик' },
      { key: 'Источник', value: 'Instagram' },
    ]);
    expect(c.labels).toEqual(['VIP', 'Опт']);
  });
});

describe('mappingFingerprint', () => {
  test('same header row → same key, whatever the case, spacing or punctuation', () => {
    expect(mappingFingerprint(['ФИО', 'Моб. телефон', 'E-mail'])).toBe(
      mappingFingerprint(['фио ', 'МОБ ТЕЛЕФОН', 'Email', '']),
    );
    expect(mappingFingerprint(['ФИО', 'Телефон'])).not.toBe(mappingFingerprint(['Телефон', 'ФИО']));
    expect(mappingFingerprint(['ФИО', 'Телефон'])).toMatch(/^h2-[0-9a-f]{16}$/);
  });
});

describe('round trip: our Google CSV export comes back as the same contacts', () => {
  const contacts: ExportContact[] = [
    {
      labels: ['VIP', 'Опт'],
      person: {
        names: [{ familyName: 'Иванов', givenName: 'Иван', middleName: 'Иванович' }],
        organizations: [{ name: 'ООО «Ромашка»', title: 'Директор' }],
        phoneNumbers: [
          { value: '+7 912 345-67-89', canonicalForm: '+79123456789', type: 'mobile' },
          { value: '+7 343 222-33-44', canonicalForm: '+73432223344', type: 'workFax' },
        ],
        emailAddresses: [{ value: 'ivanov@example.ru', type: 'work' }],
        addresses: [
          {
            formattedValue: 'ул. Ленина, 1, Екатеринбург',
            streetAddress: 'ул. Ленина, 1',
            city: 'Екатеринбург',
            type: 'home',
          },
        ],
        urls: [{ value: 'https://romashka.example', type: 'homePage' }],
        birthdays: [{ date: { year: 1985, month: 3, day: 12 } }],
        events: [{ type: 'Первый визит', date: { year: 2023, month: 11, day: 1 } }],
        userDefined: [{ key: 'Менеджер', value: 'Ольга' }],
        biographies: [{ value: 'Любит звонки утром; просил счёт, "срочно"\nВторая строка', contentType: 'TEXT_PLAIN' }],
      },
    },
    {
      labels: [],
      person: {
        organizations: [{ name: 'Acme LLC' }],
        phoneNumbers: [{ value: '+995 555 12 34 56', canonicalForm: '+995555123456' }],
      },
    },
    {
      labels: ['Семья'],
      person: {
        names: [{ givenName: 'John', familyName: 'Smith' }],
        emailAddresses: [{ value: 'John.Smith@Example.com' }],
        birthdays: [{ date: { month: 2, day: 29 } }],
      },
    },
  ];

  test('export → CSV → autoMap → applyMapping → normalize gives the same Person and labels', () => {
    const csv = googleCsv(contacts);
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    const [headers, ...rows] = parsed.data;
    const mapping = autoMap(headers);
    expect(mapping.layout).toBe('google');
    const result = normalizeAll(applyMapping(table(headers, rows), mapping), RU);
    expect(result.problems).toEqual([]);
    expect(result.contacts).toHaveLength(contacts.length);
    result.contacts.forEach((c, i) => {
      const { clientData, ...person } = c.person;
      expect(person).toEqual(contacts[i].person);
      expect(c.labels).toEqual(contacts[i].labels);
      expect(clientData?.map((d) => d.key)).toEqual(['crm.rowHash']);
    });
    expect(result.contacts[2].keys).toEqual({ phones: [], emails: ['john.smith@example.com'] });
  });
});
