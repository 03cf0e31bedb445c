import { normalizeAll, normalizeDraft, parseDate, splitFullName } from '../../../src/core/import/normalize';
import { ContactDraft, emptyDraft, NormalizeOptions } from '../../../src/core/import/types';

const RU: NormalizeOptions = { defaultCountry: 'RU', locale: 'ru' };
const at = (column: string, value: string) => ({ column, value });

function draft(row: number, fill: Partial<ContactDraft>): ContactDraft {
  return { ...emptyDraft(row), ...fill };
}

/** No undefined values and no empty lists anywhere: the Person is sent as it is. */
function assertSendable(value: unknown, path = 'person'): void {
  if (Array.isArray(value)) {
    expect(`${path}: ${value.length}`).not.toBe(`${path}: 0`);
    value.forEach((v, i) => assertSendable(v, `${path}[${i}]`));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      expect(`${path}.${k}: ${v === undefined ? 'undefined' : 'set'}`).toBe(`${path}.${k}: set`);
      assertSendable(v, `${path}.${k}`);
    }
  }
}

describe('splitting a whole name', () => {
  test.each([
    ['Иванов Иван Иванович', 'ru', { familyName: 'Иванов', givenName: 'Иван', middleName: 'Иванович' }],
    ['Петрова Анна Сергеевна', 'en', { familyName: 'Петрова', givenName: 'Анна', middleName: 'Сергеевна' }],
    ['Иван Ильич Смирнов', 'ru', { givenName: 'Иван', middleName: 'Ильич', familyName: 'Смирнов' }],
    [
      'Шостакович Дмитрий Дмитриевич',
      'en',
      { familyName: 'Шостакович', givenName: 'Дмитрий', middleName: 'Дмитриевич' },
    ],
    ['Кузнецова Мария Ильинична', 'ka', { familyName: 'Кузнецова', givenName: 'Мария', middleName: 'Ильинична' }],
    ['Сидоров Пётр Ким', 'ru', { familyName: 'Сидоров', givenName: 'Пётр', middleName: 'Ким' }],
    ['Иванов Иван', 'ru', { familyName: 'Иванов', givenName: 'Иван' }],
    ['Иванов И.И.', 'ru', { familyName: 'Иванов', givenName: 'И.', middleName: 'И.' }],
    ['Мамедов Али Гусейн оглы', 'ru', { familyName: 'Мамедов', givenName: 'Али', middleName: 'Гусейн оглы' }],
    ['John Smith', 'ru', { givenName: 'John', familyName: 'Smith' }],
    ['John Paul Smith', 'en', { givenName: 'John', middleName: 'Paul', familyName: 'Smith' }],
    ['Smith, John', 'en', { familyName: 'Smith', givenName: 'John' }],
    ['Ivanov Ivan Ivanovich', 'en', { familyName: 'Ivanov', givenName: 'Ivan', middleName: 'Ivanovich' }],
    ['Dr. John Smith', 'en', { prefix: 'Dr.', givenName: 'John', familyName: 'Smith' }],
    ['გიორგი ბერიძე', 'ka', { givenName: 'გიორგი', familyName: 'ბერიძე' }],
    ['ნინო ბერიძე', 'ru', { givenName: 'ნინო', familyName: 'ბერიძე' }],
    ['Мадонна', 'ru', { givenName: 'Мадонна' }],
  ] as const)('%s (%s)', (full, locale, parts) => {
    expect(splitFullName(full, locale)).toEqual(parts);
  });

  test('the name goes to names[0]; a company written in the name column goes to organizations with no name', () => {
    const person = normalizeDraft(draft(2, { fullName: at('ФИО', '  Иванов   Иван Иванович ') }), RU).contact?.person;
    expect(person?.names).toEqual([{ familyName: 'Иванов', givenName: 'Иван', middleName: 'Иванович' }]);
    const company = normalizeDraft(
      draft(3, { fullName: at('Клиент', 'ООО «Ромашка»'), phones: [at('Телефон', '8 912 345-67-89')] }),
      RU,
    ).contact?.person;
    expect(company?.names).toBeUndefined();
    expect(company?.organizations).toEqual([{ name: 'ООО «Ромашка»' }]);
  });

  test('a company-only row is a contact with organizations and no names', () => {
    const { contact, problems } = normalizeDraft(
      draft(4, { company: at('Компания', 'Acme LLC'), title: at('Должность', 'Buyer') }),
      RU,
    );
    expect(problems).toEqual([]);
    expect(contact?.person.names).toBeUndefined();
    expect(contact?.person.organizations).toEqual([{ name: 'Acme LLC', title: 'Buyer' }]);
  });

  test('separate name columns win over splitting', () => {
    const person = normalizeDraft(
      draft(2, { givenName: at('Имя', 'Анна'), familyName: at('Фамилия', 'Петрова'), prefix: at('Обращение', 'г-жа') }),
      RU,
    ).contact?.person;
    expect(person?.names).toEqual([{ familyName: 'Петрова', givenName: 'Анна', honorificPrefix: 'г-жа' }]);
  });
});

describe('dates', () => {
  test.each([
    ['12.03.1985', { year: 1985, month: 3, day: 12 }],
    ['1.3.85', { year: 1985, month: 3, day: 1 }],
    ['1.3.05', { year: 2005, month: 3, day: 1 }],
    ['1985-03-12', { year: 1985, month: 3, day: 12 }],
    ['1985-03-12T00:00:00', { year: 1985, month: 3, day: 12 }],
    ['--03-12', { month: 3, day: 12 }],
    ['12.03', { month: 3, day: 12 }],
    ['29.02', { month: 2, day: 29 }],
    ['12/03/1985', { year: 1985, month: 3, day: 12 }],
    ['03/25/1985', { year: 1985, month: 3, day: 25 }],
    ['12 марта 1985 г.', { year: 1985, month: 3, day: 12 }],
    ['March 12, 1985', { year: 1985, month: 3, day: 12 }],
    ['31118', { year: 1985, month: 3, day: 12 }],
    ['31118.0', { year: 1985, month: 3, day: 12 }],
    ['29.02.2000', { year: 2000, month: 2, day: 29 }],
  ])('%s', (text, date) => {
    expect(parseDate(text)).toEqual({ ok: true, date });
  });

  test('a date cell the reader typed is taken as it is', () => {
    expect(parseDate({ year: 1985, month: 3, day: 12 })).toEqual({ ok: true, date: { year: 1985, month: 3, day: 12 } });
    expect(parseDate({ month: 3, day: 12 })).toEqual({ ok: true, date: { month: 3, day: 12 } });
  });

  test.each([
    ['31.02.1985', 'impossible'],
    ['29.02.1985', 'impossible'],
    ['12.13.1985', 'impossible'],
    ['32.01', 'impossible'],
    ['60', 'invalid'],
    ['1985', 'yearOnly'],
    ['завтра', 'invalid'],
    ['0.0.00', 'empty'],
    ['  ', 'empty'],
  ])('%j → %s', (text, reason) => {
    expect(parseDate(text)).toEqual({ ok: false, reason });
  });

  test('birthday, first visit (in the office language) and other events land where the export reads them', () => {
    const { contact } = normalizeDraft(
      draft(2, {
        fullName: at('ФИО', 'Иванов Иван'),
        birthday: at('ДР', '12.03.1985'),
        firstVisit: { column: 'Первый визит', value: { year: 2023, month: 11, day: 1 } },
        events: [{ column: 'Годовщина', value: '01.06.2010', type: 'Годовщина' }],
      }),
      RU,
    );
    expect(contact?.person.birthdays).toEqual([{ date: { year: 1985, month: 3, day: 12 } }]);
    expect(contact?.person.events).toEqual([
      { type: 'Первый визит', date: { year: 2023, month: 11, day: 1 } },
      { type: 'anniversary', date: { year: 2010, month: 6, day: 1 } },
    ]);
    const ka = normalizeDraft(
      draft(2, { fullName: at('სახელი', 'ნინო'), firstVisit: at('პირველი ვიზიტი', '01.11.2023') }),
      { defaultCountry: 'GE', locale: 'ka' },
    );
    expect(ka.contact?.person.events).toEqual([{ type: 'პირველი ვიზიტი', date: { year: 2023, month: 11, day: 1 } }]);
  });

  test('an impossible date is reported with row and column and kept in the notes', () => {
    const { contact, problems } = normalizeDraft(
      draft(7, { fullName: at('ФИО', 'Иванов Иван'), birthday: at('Дата рождения', '31.02.1985') }),
      RU,
    );
    expect(problems).toEqual([
      {
        row: 7,
        column: 'Дата рождения',
        value: '31.02.1985',
        message: 'Такой даты не бывает: проверьте день и месяц.',
      },
    ]);
    expect(contact?.person.birthdays).toBeUndefined();
    expect(contact?.person.biographies).toEqual([
      { value: 'Не распознано при импорте — Дата рождения: 31.02.1985', contentType: 'TEXT_PLAIN' },
    ]);
  });
});

describe('phones, e-mails and the rest of the card', () => {
  test('each phone keeps what the office wrote and gets its E.164 form and type', () => {
    const { contact, problems } = normalizeDraft(
      draft(2, {
        fullName: at('ФИО', 'Иванов Иван'),
        phones: [
          { column: 'Моб. телефон', value: '8 (912) 345-67-89, +7 912 3456789', type: 'mobile' },
          { column: 'Рабочий телефон', value: ' +7 (343) 222-33-44 доб. 100 ', type: 'work' },
          { column: 'Тел. Грузия', value: '+995 555 12 34 56 и 9123456780' },
        ],
      }),
      RU,
    );
    expect(problems).toEqual([]);
    expect(contact?.person.phoneNumbers).toEqual([
      { value: '8 (912) 345-67-89', canonicalForm: '+79123456789', type: 'mobile' },
      { value: '+7 (343) 222-33-44 доб. 100', canonicalForm: '+73432223344', type: 'work' },
      { value: '+995 555 12 34 56', canonicalForm: '+995555123456' },
      { value: '9123456780', canonicalForm: '+79123456780' },
    ]);
    expect(contact?.keys.phones).toEqual(['+79123456789', '+73432223344', '+995555123456', '+79123456780']);
  });

  test('a bad e-mail is reported naming row and column, and kept in the notes next to the office’s own', () => {
    const { contact, problems } = normalizeDraft(
      draft(12, {
        fullName: at('ФИО', 'Петров Пётр'),
        emails: [at('E-mail', ' Petrov@Example.RU '), at('Почта 2', 'test@')],
        notes: [at('Комментарий', 'Звонить после обеда')],
      }),
      RU,
    );
    expect(problems).toEqual([
      { row: 12, column: 'Почта 2', value: 'test@', message: expect.stringContaining('Неверный адрес e-mail') },
    ]);
    expect(contact?.person.emailAddresses).toEqual([{ value: 'Petrov@Example.RU' }]);
    expect(contact?.keys.emails).toEqual(['petrov@example.ru']);
    expect(contact?.person.biographies).toEqual([
      { value: 'Звонить после обеда\n\nНе распознано при импорте — Почта 2: test@', contentType: 'TEXT_PLAIN' },
    ]);
  });

  test('e-mail cells with several addresses or a display name', () => {
    const { contact, problems } = normalizeDraft(
      draft(2, {
        fullName: at('Name', 'John Smith'),
        emails: [
          at('Email', 'a@x.com; Иван <ivan@почта.рф>, A@X.com'),
          { column: 'E-mail 2 - Value', value: 'john@work.example', type: '* Work' },
        ],
      }),
      { defaultCountry: 'US', locale: 'en' },
    );
    expect(problems).toEqual([]);
    expect(contact?.person.emailAddresses).toEqual([
      { value: 'a@x.com' },
      { value: 'ivan@почта.рф' },
      { value: 'john@work.example', type: 'work' },
    ]);
  });

  test.each([
    ['ivan.petrov+crm@mail.ru', true],
    ['ivan@почта.рф', true],
    ['mailto:ivan@x.ru', true],
    ['test@', false],
    ['ivan@mail,ru', false],
    ['ivan..petrov@mail.ru', false],
    ['ivan petrov@mail.ru', false],
    ['@mail.ru', false],
  ])('e-mail %j valid: %s', (written, valid) => {
    const { problems } = normalizeDraft(
      draft(2, { fullName: at('ФИО', 'Иванов Иван'), emails: [at('E-mail', written)] }),
      RU,
    );
    expect(problems).toHaveLength(valid ? 0 : 1);
  });

  test('a bad phone is reported in the office language and kept in the notes', () => {
    const { contact, problems } = normalizeDraft(
      draft(5, { fullName: at('Name', 'John Smith'), phones: [at('Phone', '12345')] }),
      { defaultCountry: 'RU', locale: 'en' },
    );
    expect(problems).toEqual([
      {
        row: 5,
        column: 'Phone',
        value: '12345',
        message: 'Not a valid phone number. Numbers without a +country code are read as RU numbers.',
      },
    ]);
    expect(contact?.person.phoneNumbers).toBeUndefined();
    expect(contact?.person.biographies?.[0].value).toBe('Not recognised on import — Phone: 12345');
  });

  test('labels, manager, notes, address, company, custom fields', () => {
    const { contact } = normalizeDraft(
      draft(2, {
        fullName: at('ФИО', 'Иванов Иван Иванович'),
        company: at('Компания', 'ООО «Ромашка»'),
        title: at('Должность', 'Директор'),
        department: at('Отдел', 'Закупки'),
        labels: [at('Категория', 'VIP, Опт; vip'), at('Labels', '* myContacts ::: Семья ::: * starred')],
        manager: at('Ответственный', 'Ольга'),
        notes: [at('Комментарий', 'Любит звонки утром'), at('Примечание', 'Просил счёт')],
        addresses: [
          { column: 'Адрес', street: 'ул. Ленина, 1', city: 'Екатеринбург', postalCode: '620000' },
          { column: 'Адрес 2', formatted: 'Тбилиси, пр. Руставели 5' },
        ],
        custom: [
          { column: 'Источник', key: 'Источник', value: 'Instagram' },
          { column: 'Пусто', key: 'Пусто', value: '  ' },
        ],
      }),
      RU,
    );
    const p = contact!.person;
    // myContacts is dropped; Google's "starred" stays as the marker the plan turns into the system group.
    expect(contact?.labels).toEqual(['VIP', 'Опт', 'Семья', '* Starred']);
    expect(p.organizations).toEqual([{ name: 'ООО «Ромашка»', title: 'Директор', department: 'Закупки' }]);
    expect(p.userDefined).toEqual([
      { key: 'Менеджер', value: 'Ольга' },
      { key: 'Источник', value: 'Instagram' },
    ]);
    expect(p.biographies).toEqual([{ value: 'Любит звонки утром\nПросил счёт', contentType: 'TEXT_PLAIN' }]);
    expect(p.addresses).toEqual([
      { streetAddress: 'ул. Ленина, 1', city: 'Екатеринбург', postalCode: '620000' },
      { formattedValue: 'Тбилиси, пр. Руставели 5' },
    ]);
    assertSendable(p);
  });

  test('clientData: a stable row hash of the content, and the import id when given', () => {
    const d = draft(2, { fullName: at('ФИО', 'Иванов Иван'), phones: [at('Телефон', '8 912 345-67-89')] });
    const a = normalizeDraft(d, { ...RU, importId: 'imp-1' }).contact!;
    const b = normalizeDraft({ ...d, rowNumber: 40 }, RU).contact!;
    const c = normalizeDraft(
      draft(2, { fullName: at('ФИО', 'Иванов Пётр'), phones: [at('Телефон', '8 912 345-67-89')] }),
      RU,
    ).contact!;
    const hash = a.person.clientData?.[0];
    expect(hash).toEqual({ key: 'crm.rowHash', value: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(a.person.clientData?.[1]).toEqual({ key: 'crm.importId', value: 'imp-1' });
    expect(b.person.clientData).toEqual([hash]);
    expect(c.person.clientData?.[0].value).not.toBe(hash?.value);
  });
});

describe('normalizeAll', () => {
  test('reports every problem of every row at once and skips rows with nobody in them', () => {
    const drafts = [
      draft(2, {
        fullName: at('ФИО', 'Иванов Иван'),
        emails: [at('E-mail', 'ivan@')],
        birthday: at('ДР', '31.02.1985'),
      }),
      draft(3, { notes: [at('Комментарий', 'просто заметка')], phones: [at('Телефон', '123')] }),
      draft(4, { company: at('Компания', 'ИП Сидоров') }),
    ];
    const { contacts, problems } = normalizeAll(drafts, RU);
    expect(contacts.map((c) => c.rowNumber)).toEqual([2, 4]);
    expect(problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [2, 'E-mail', 'ivan@'],
      [2, 'ДР', '31.02.1985'],
      [3, 'Телефон', '123'],
      [3, '', ''],
    ]);
    expect(problems[3].message).toBe('Нет ни имени, ни компании, ни телефона, ни e-mail: строка не импортирована.');
    expect(contacts[0].person.biographies?.[0].value).toBe(
      'Не распознано при импорте — E-mail: ivan@\nНе распознано при импорте — ДР: 31.02.1985',
    );
  });
});
