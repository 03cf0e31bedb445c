// Messages the Import sidebar shows name fields in the office's words, never Google's API names.

import { FIELD_NAMES, personFieldName } from '../../src/client/sidebars/import/strings';
import { MERGE_FIELDS } from '../../src/core/import/plan';

test('"names" and "birthdays" read "Имя" and "День рождения" in Russian, the mapping\'s words in every language', () => {
  expect(personFieldName('ru', 'names')).toBe('Имя');
  expect(personFieldName('ru', 'birthdays')).toBe('День рождения');
  expect(personFieldName('en', 'birthdays')).toBe(FIELD_NAMES.en.birthday);
  expect(personFieldName('ka', 'phoneNumbers')).toBe(FIELD_NAMES.ka.phone);
  expect(personFieldName('en', 'biographies')).toBe('Notes');
});

test('every field an import may change or conflict on has a word in every language', () => {
  for (const locale of ['ru', 'en', 'ka'] as const)
    for (const field of MERGE_FIELDS) expect(personFieldName(locale, field)).not.toBe(field);
});
