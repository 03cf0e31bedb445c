// Content-aware mapping (issue 11): columns whose header says nothing ("Col1", "Наименование клиента", "Column 3")
// are mapped by what their values look like, above a threshold, with a reason the user reads; known headers keep
// winning, and a one-value field never goes to two columns.

import { autoMap } from '../../../src/core/import/mapping';
import { guessByContent, SAMPLE_SIZE } from '../../../src/core/import/mapping/content-guess';
import { guessReason } from '../../../src/core/import/mapping/guess-messages';
import type { Mapping, MappingColumn, SourceRow } from '../../../src/core/import/types';

/** Rows from columns of values (one array per column), numbered from 2 as under a header. */
function rows(...columns: string[][]): SourceRow[] {
  const height = Math.max(...columns.map((c) => c.length));
  return Array.from({ length: height }, (_, r) => ({
    rowNumber: r + 2,
    cells: columns.map((c) => ({ text: c[r] ?? '' })),
  }));
}

function guessed(headers: string[], ...columns: string[][]): Mapping {
  return guessByContent(autoMap(headers), rows(...columns));
}

const col = (m: Mapping, i: number): MappingColumn => m.columns[i];
const field = (m: Mapping, i: number) => col(m, i).field;

const PHONES = [
  '+7 916 123-45-01',
  '8 (916) 123-45-02',
  '+79161234503',
  '89161234504',
  '+995 555 12 34 56',
  '+7 916 123 45 06',
  '8-916-123-45-07',
  '+7 (916) 123-45-08',
  '+79161234509',
  '+7 916 1234510',
];
const EMAILS = [
  'anna@mail.ru',
  'boris@yandex.ru',
  'vera@example.com',
  'gleb@gmail.com',
  'dina@firma.ge',
  'egor@list.ru',
  'zoya@inbox.ru',
  'ilya@bk.ru',
  'kira@mail.ru',
  'lev@example.org',
];
const NAMES = [
  'Петрова Мария',
  'Иванов Иван Иванович',
  'Сидоров Пётр',
  'Кузнецова Анна',
  'Ким Ли',
  'გიორგი ბერიძე',
  'Anna Smith',
  'Орлов Глеб',
  'Смирнова Ольга Петровна',
  'Nino Kapanadze',
];

describe('each kind of value', () => {
  test('phones, with the reason counted from the sample', () => {
    const m = guessed(['Col1'], PHONES);
    expect(col(m, 0)).toMatchObject({ field: 'phone', source: 'content' });
    expect(guessReason('en', col(m, 0).guess!)).toBe('10 of 10 values are phone numbers');
    expect(guessReason('ru', col(m, 0).guess!)).toBe('10 из 10 значений — номера телефонов');
    expect(guessReason('ka', col(m, 0).guess!)).toBe('10 მნიშვნელობიდან 10 ტელეფონის ნომერია');
  });

  test('e-mails, several columns of them allowed', () => {
    const m = guessed(
      ['Column 1', 'Column 2'],
      EMAILS,
      EMAILS.map((e) => `work.${e}`),
    );
    expect([field(m, 0), field(m, 1)]).toEqual(['email', 'email']);
    expect(guessReason('en', col(m, 1).guess!)).toBe('10 of 10 values are e-mail addresses');
  });

  test('dates: spread over decades they are birthdays; close together, events; Excel serials and ISO count', () => {
    const births = ['12.03.1985', '1970-01-01', '05.05.1990', '31118', '21.11.1962', '3.4.2001', '--07-14', '14.02'];
    const visits = ['12.03.2024', '2024-01-15', '05.05.2023', '45000', '01.02.2024', '3.4.2023'];
    const m = guessed(['Дата 1', 'Дата 2'], births, visits);
    expect(col(m, 0)).toMatchObject({ field: 'birthday', source: 'content' });
    expect(col(m, 1)).toMatchObject({ field: 'event', type: 'Дата 2', source: 'content' });
    expect(guessReason('en', col(m, 0).guess!)).toBe('8 of 8 values are dates');
  });

  test("people's names in Cyrillic, Georgian and Latin make one full-name column", () => {
    const m = guessed(['Col1'], NAMES);
    expect(col(m, 0)).toMatchObject({ field: 'fullName', source: 'content' });
    expect(guessReason('en', col(m, 0).guess!)).toBe("10 of 10 values are people's names");
  });

  test('one word per cell: given names, surnames and patronymics each find their field', () => {
    const m = guessed(
      ['A', 'B', 'C'],
      ['Иванов', 'Петрова', 'Сидоров', 'Кузнецова', 'Беридзе'],
      ['Мария', 'Иван', 'Анна', 'Ольга', 'Глеб'],
      ['Иванович', 'Петровна', 'Сергеевич', 'Олеговна', 'Ильич'],
    );
    expect([field(m, 0), field(m, 1), field(m, 2)]).toEqual(['familyName', 'givenName', 'middleName']);
  });

  test('companies by their legal form (ООО, ИП, LLC, შპს…)', () => {
    const m = guessed(
      ['Наименование клиента'],
      [
        'ООО «Ромашка»',
        'ИП Сидоров',
        'Acme LLC',
        'შპს ალფა',
        'АО Вектор',
        'ПАО Сбербанк',
        'Northwind Ltd',
        'Торговый дом',
      ],
    );
    expect(col(m, 0)).toMatchObject({ field: 'company', source: 'content' });
    expect(guessReason('ru', col(m, 0).guess!)).toBe('7 из 8 значений — названия организаций (ООО, ИП, LLC…)');
  });

  test('categories: few short values, repeated', () => {
    const m = guessed(['Col1'], ['VIP', 'Новый', 'VIP', 'Постоянный', 'Новый', 'VIP', 'VIP', 'Новый', 'VIP']);
    expect(col(m, 0)).toMatchObject({ field: 'label', source: 'content' });
    expect(guessReason('en', col(m, 0).guess!)).toBe('9 values, only 3 different ones: categories');
  });

  test('numbers and yes/no marks repeat too, but are not categories', () => {
    const m = guessed(['Col1', 'Col2'], ['1', '2', '1', '1', '2', '1'], ['да', 'нет', 'да', 'да', 'нет', 'да']);
    expect([field(m, 0), field(m, 1)]).toEqual(['custom', 'custom']);
  });

  test('notes: long free text', () => {
    const m = guessed(
      ['Col1'],
      [
        'Звонила в марте, просила перезвонить после праздников',
        'Предпочитает утренние визиты, аллергия на латекс',
        'Пришёл по рекомендации Петровой, скидка 10 процентов',
        'Не звонить по выходным, только писать в мессенджер',
      ],
    );
    expect(col(m, 0)).toMatchObject({ field: 'notes', source: 'content' });
    expect(guessReason('en', col(m, 0).guess!)).toBe('4 of 4 values are long free text');
  });
});

describe('thresholds and mixed columns', () => {
  const words = ['нет', 'позже', 'не знаю', 'уточнить', 'нет номера'];

  test('8 of 10 phones are enough; 7 of 10 are not, and the column stays a custom field', () => {
    const eight = guessed(['Col1'], [...PHONES.slice(0, 8), ...words.slice(0, 2)]);
    expect(field(eight, 0)).toBe('phone');
    expect(guessReason('en', col(eight, 0).guess!)).toBe('8 of 10 values are phone numbers');
    const seven = guessed(['Col1'], [...PHONES.slice(0, 7), ...words.slice(0, 3)]);
    expect(col(seven, 0)).toEqual({ index: 0, header: 'Col1', field: 'custom', key: 'Col1', source: 'header' });
  });

  test('a column of phones and e-mails mixed half and half is neither', () => {
    const m = guessed(['Col1'], [...PHONES.slice(0, 5), ...EMAILS.slice(0, 5)]);
    expect(field(m, 0)).toBe('custom');
  });

  test('a column of one or two values is guessed only when every value is of the kind', () => {
    expect(field(guessed(['Col1'], PHONES.slice(0, 2)), 0)).toBe('phone');
    expect(field(guessed(['Col1'], [PHONES[0], 'позже']), 0)).toBe('custom');
    expect(field(guessed(['Col1'], ['Ким Ли']), 0)).toBe('custom');
  });

  test('capitalised words that show no name (cities) are not names', () => {
    const m = guessed(['Col1'], ['Москва', 'Тбилиси', 'Казань', 'Сочи', 'Батуми', 'Омск', 'Тверь', 'Пермь', 'Уфа']);
    expect(field(m, 0)).not.toBe('fullName');
  });

  test('at most SAMPLE_SIZE values are looked at', () => {
    const many = Array.from({ length: 500 }, (_, i) => `+7916${String(1000000 + i)}`);
    const m = guessed(['Col1'], many);
    expect(col(m, 0).guess).toEqual({ kind: 'phone', matched: SAMPLE_SIZE, sampled: SAMPLE_SIZE });
  });
});

describe('headers keep winning', () => {
  test('a known header is never overridden, and only unknown columns are guessed', () => {
    const m = guessed(['Телефон', 'Моб.', 'Col3'], EMAILS, PHONES, PHONES);
    expect(col(m, 0)).toMatchObject({ field: 'phone', source: 'header' });
    expect(col(m, 1)).toMatchObject({ field: 'phone', type: 'mobile', source: 'header' });
    expect(col(m, 2)).toMatchObject({ field: 'phone', source: 'content' });
    expect(col(m, 0).guess).toBeUndefined();
  });

  test('a one-value field goes to one column: a header-named ФИО keeps it, a second name column is not a second name', () => {
    const m = guessed(['ФИО', 'Col2', 'Col3'], NAMES, NAMES, NAMES);
    expect([field(m, 0), field(m, 1), field(m, 2)]).toEqual(['fullName', 'custom', 'custom']);
    const both = guessed(['Col1', 'Col2'], NAMES, NAMES.slice(0, 9));
    expect([field(both, 0), field(both, 1)].sort()).toEqual(['custom', 'fullName']);
  });

  test('"Контакт" is too vague alone: phones under it are phones, names under it stay the name', () => {
    expect(col(guessed(['Контакт'], PHONES), 0)).toMatchObject({ field: 'phone', source: 'content' });
    expect(col(guessed(['Контакт'], NAMES), 0)).toMatchObject({ field: 'fullName', source: 'header' });
  });

  test('a column without a header but with phones (under a merged "Телефон") is read by content', () => {
    const m = guessed(['Телефон', ''], PHONES, PHONES);
    expect([field(m, 0), field(m, 1)]).toEqual(['phone', 'phone']);
    expect(col(m, 1).source).toBe('content');
  });
});
