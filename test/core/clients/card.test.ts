// The client card: read from a contact as the rest of the product reads it, written back as the import writes it,
// and merged three ways when the contact changed elsewhere since the user read it.

import {
  cardDate,
  cardOf,
  checkChanges,
  effectiveChanges,
  mergeCards,
  personUpdate,
} from '../../../src/core/clients/card';
import type { Person } from '../../../src/core/import/types';

const person: Person = {
  resourceName: 'people/c1',
  etag: '%e1',
  names: [
    { givenName: 'Елена', middleName: 'Петровна', familyName: 'Козлова', honorificPrefix: 'Др.', displayName: 'x' },
  ],
  phoneNumbers: [{ value: '8 912 345-67-89', type: 'mobile' }],
  emailAddresses: [{ value: 'Elena@Example.ru', type: 'work' }],
  birthdays: [{ date: { year: 1980, month: 5, day: 7 } }],
  events: [
    { type: 'Первый визит', date: { year: 2020, month: 1, day: 15 } },
    { type: 'anniversary', date: { month: 6, day: 1 } },
  ],
  biographies: [{ value: 'Любит звонки утром' }],
  addresses: [{ formattedValue: 'Екатеринбург, ул. Ленина, 1', type: 'home' }],
  organizations: [{ name: 'ООО «Ромашка»', title: 'Директор', department: 'Продажи' }],
  userDefined: [
    { key: 'Менеджер', value: 'Анна' },
    { key: 'Источник', value: 'Сайт' },
  ],
};

const card = cardOf(person, ['VIP']);

test('a contact reads as the card with every field of the seed card', () => {
  expect(card).toEqual({
    resourceName: 'people/c1',
    etag: '%e1',
    familyName: 'Козлова',
    givenName: 'Елена',
    middleName: 'Петровна',
    labels: ['VIP'],
    phones: ['8 912 345-67-89'],
    emails: ['Elena@Example.ru'],
    birthday: '1980-05-07',
    firstVisit: '2020-01-15',
    notes: 'Любит звонки утром',
    addresses: ['Екатеринбург, ул. Ленина, 1'],
    company: 'ООО «Ромашка»',
    title: 'Директор',
    manager: 'Анна',
  });
});

test('dates are taken as dd.mm.yyyy or ISO; phones must parse, e-mails must be ones', () => {
  expect(cardDate('07.05.1980')).toBe('1980-05-07');
  expect(cardDate('1980-05-07')).toBe('1980-05-07');
  expect(cardDate('--05-07')).toBe('--05-07');
  expect(cardDate('')).toBe('');
  expect(cardDate('31.02.1980')).toBeUndefined();
  expect(checkChanges({ phones: ['+7 912 111-22-33', '12'], emails: ['nope'], birthday: 'вчера' }, 'RU')).toEqual([
    { field: 'phones', code: 'badPhone', value: '12' },
    { field: 'emails', code: 'badEmail', value: 'nope' },
    { field: 'birthday', code: 'badDate', value: 'вчера' },
  ]);
});

test('only real changes count: the same phone in another format, the same e-mail in another case are no change', () => {
  expect(
    effectiveChanges(
      card,
      { phones: ['+79123456789'], emails: ['elena@example.ru'], notes: ' Любит звонки утром ' },
      'RU',
    ),
  ).toEqual({});
  expect(effectiveChanges(card, { birthday: '08.05.1980' }, 'RU')).toEqual({ birthday: '1980-05-08' });
});

test('changes become the People fields they replace, keeping what the card does not show', () => {
  const update = personUpdate(
    person,
    {
      givenName: 'Алёна',
      phones: ['8 912 345-67-89', '+7 343 222-33-44'],
      firstVisit: '2021-02-03',
      manager: 'Олег',
      company: '',
      notes: '',
    },
    'RU',
    'ru',
  );
  expect(update.fields.sort()).toEqual([
    'biographies',
    'events',
    'names',
    'organizations',
    'phoneNumbers',
    'userDefined',
  ]);
  expect(update.person.names).toEqual([
    { honorificPrefix: 'Др.', givenName: 'Алёна', middleName: 'Петровна', familyName: 'Козлова' },
  ]);
  expect(update.person.phoneNumbers).toEqual([
    { value: '8 912 345-67-89', type: 'mobile' },
    { value: '+7 343 222-33-44', canonicalForm: '+73432223344' },
  ]);
  expect(update.person.events).toEqual([
    { type: 'Первый визит', date: { year: 2021, month: 2, day: 3 } },
    { type: 'anniversary', date: { month: 6, day: 1 } },
  ]);
  expect(update.person.userDefined).toEqual([
    { key: 'Менеджер', value: 'Олег' },
    { key: 'Источник', value: 'Сайт' },
  ]);
  expect(update.person.organizations).toEqual([{ title: 'Директор', department: 'Продажи' }]);
  expect(update.person.biographies).toEqual([]);
});

test('a first visit and a manager on a contact without them use the office language word', () => {
  const bare: Person = { resourceName: 'people/c2', names: [{ givenName: 'Гия' }] };
  const update = personUpdate(bare, { firstVisit: '2026-03-01', manager: 'Анна' }, 'GE', 'ka');
  expect(update.person.events).toEqual([{ type: 'პირველი ვიზიტი', date: { year: 2026, month: 3, day: 1 } }]);
  expect(update.person.userDefined).toEqual([{ key: 'მენეჯერი', value: 'Анна' }]);
});

describe('three-way merge', () => {
  test('different fields: mine is written, theirs is kept and listed', () => {
    const theirs = { ...card, etag: '%e2', notes: 'Звонить после 12', company: 'ИП Козлова' };
    const merged = mergeCards(card, { givenName: 'Алёна' }, theirs, 'RU');
    expect(merged.changes).toEqual({ givenName: 'Алёна' });
    expect(merged.mergedFromElsewhere).toEqual(['notes', 'company']);
    expect(merged.conflicts).toEqual([]);
  });

  test('the same field changed to different values is a conflict showing both', () => {
    const theirs = { ...card, notes: 'Звонить после 12' };
    const merged = mergeCards(card, { notes: 'Только e-mail', givenName: 'Алёна' }, theirs, 'RU');
    expect(merged.conflicts).toEqual([{ field: 'notes', mine: 'Только e-mail', theirs: 'Звонить после 12' }]);
    expect(merged.mergedFromElsewhere).toEqual([]);
  });

  test('the same field changed to the same value is no conflict', () => {
    const theirs = { ...card, manager: 'Олег' };
    expect(mergeCards(card, { manager: 'Олег' }, theirs, 'RU')).toEqual({
      changes: {},
      mergedFromElsewhere: ['manager'],
      conflicts: [],
    });
  });

  test('lists merge element by element: a phone added here, one added and one removed elsewhere', () => {
    const base = { ...card, phones: ['8 912 345-67-89', '+7 343 111-11-11'] };
    const theirs = { ...base, phones: ['8 912 345-67-89', '+7 900 000-00-01'] };
    const merged = mergeCards(base, { phones: [...base.phones, '+7 343 222-33-44'], labels: [] }, theirs, 'RU');
    expect(merged.changes.phones).toEqual(['8 912 345-67-89', '+7 900 000-00-01', '+7 343 222-33-44']);
    expect(merged.changes.labels).toEqual([]);
    expect(merged.conflicts).toEqual([]);
  });

  test('an e-mail added here and a phone added elsewhere both stay', () => {
    const theirs = { ...card, phones: [...card.phones, '+7 343 222-33-44'] };
    const merged = mergeCards(card, { emails: [...card.emails, 'e.k@example.ru'] }, theirs, 'RU');
    expect(merged.changes).toEqual({ emails: ['Elena@Example.ru', 'e.k@example.ru'] });
    expect(merged.mergedFromElsewhere).toEqual(['phones']);
  });
});
