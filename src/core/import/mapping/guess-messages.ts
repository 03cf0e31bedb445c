// The words of content-aware mapping, in the office's language: why a column was read as a field, the generic names
// of a header-less file's columns, and the warnings the preview lists for these decisions.

import { catalog } from '../../i18n/catalog';
import type { Locale } from '../../i18n/locale';
import type { ContactField, MappingColumn } from '../types';
import type { ContentEvidence } from './content-guess';

const en = {
  reasonPhone: '{matched} of {sampled} values are phone numbers',
  reasonEmail: '{matched} of {sampled} values are e-mail addresses',
  reasonDate: '{matched} of {sampled} values are dates',
  reasonPersonName: "{matched} of {sampled} values are people's names",
  reasonCompany: '{matched} of {sampled} values are company names (ООО, LLC, შპს…)',
  reasonNotes: '{matched} of {sampled} values are long free text',
  reasonLabel: '{sampled} values, only {distinct} different ones: categories',
  column: 'Column {n}',
  guessedColumn:
    'Column "{column}" is read as "{field}" by its content: {reason}. Change it in the mapping if it is wrong.',
  headerless:
    'The first row of "{file}" is a client, not column names (it holds {values}): every row is imported and the columns are called "{first}", "{second}"… Check the mapping.',
  headerlessValues: 'values like those in the rows below: phone numbers, e-mails, dates or names',
  fieldPhone: 'Phone',
  fieldEmail: 'E-mail',
  fieldBirthday: 'Birthday',
  fieldEvent: 'Date (event)',
  fieldFullName: 'Full name',
  fieldGivenName: 'First name',
  fieldFamilyName: 'Last name',
  fieldMiddleName: 'Middle name',
  fieldCompany: 'Company',
  fieldLabel: 'Category',
  fieldNotes: 'Notes',
};

type Key = keyof typeof en;

const ru: Record<Key, string> = {
  reasonPhone: '{matched} из {sampled} значений — номера телефонов',
  reasonEmail: '{matched} из {sampled} значений — адреса e-mail',
  reasonDate: '{matched} из {sampled} значений — даты',
  reasonPersonName: '{matched} из {sampled} значений — имена людей',
  reasonCompany: '{matched} из {sampled} значений — названия организаций (ООО, ИП, LLC…)',
  reasonNotes: '{matched} из {sampled} значений — длинный текст',
  reasonLabel: 'значений — {sampled}, разных из них — {distinct}: это категории',
  column: 'Колонка {n}',
  guessedColumn:
    'Столбец «{column}» прочитан как «{field}» по содержимому: {reason}. Если это не так, измените сопоставление.',
  headerless:
    'Первая строка файла «{file}» — клиент, а не названия столбцов (в ней {values}): импортируются все строки, столбцы названы «{first}», «{second}»… Проверьте сопоставление.',
  headerlessValues: 'такие же значения, как в строках ниже: телефоны, e-mail, даты или имена',
  fieldPhone: 'Телефон',
  fieldEmail: 'E-mail',
  fieldBirthday: 'День рождения',
  fieldEvent: 'Дата (событие)',
  fieldFullName: 'ФИО',
  fieldGivenName: 'Имя',
  fieldFamilyName: 'Фамилия',
  fieldMiddleName: 'Отчество',
  fieldCompany: 'Компания',
  fieldLabel: 'Категория',
  fieldNotes: 'Заметки',
};

const ka: Record<Key, string> = {
  reasonPhone: '{sampled} მნიშვნელობიდან {matched} ტელეფონის ნომერია',
  reasonEmail: '{sampled} მნიშვნელობიდან {matched} ელ-ფოსტის მისამართია',
  reasonDate: '{sampled} მნიშვნელობიდან {matched} თარიღია',
  reasonPersonName: '{sampled} მნიშვნელობიდან {matched} ადამიანის სახელია',
  reasonCompany: '{sampled} მნიშვნელობიდან {matched} კომპანიის სახელწოდებაა (შპს, სს, LLC…)',
  reasonNotes: '{sampled} მნიშვნელობიდან {matched} გრძელი ტექსტია',
  reasonLabel: '{sampled} მნიშვნელობა, მხოლოდ {distinct} განსხვავებული: კატეგორიები',
  column: 'სვეტი {n}',
  guessedColumn:
    'სვეტი „{column}“ შინაარსით წაკითხულია როგორც „{field}“: {reason}. თუ ეს ასე არ არის, შეცვალეთ შესაბამისობა.',
  headerless:
    'ფაილის „{file}“ პირველი სტრიქონი კლიენტია და არა სვეტების სახელები (მასშია {values}): დაიმპორტდება ყველა სტრიქონი, სვეტებს ჰქვია „{first}“, „{second}“… შეამოწმეთ შესაბამისობა.',
  headerlessValues:
    'ისეთივე მნიშვნელობები, როგორც ქვემოთ მოცემულ სტრიქონებში: ტელეფონები, ელ-ფოსტა, თარიღები ან სახელები',
  fieldPhone: 'ტელეფონი',
  fieldEmail: 'ელ-ფოსტა',
  fieldBirthday: 'დაბადების დღე',
  fieldEvent: 'თარიღი (მოვლენა)',
  fieldFullName: 'სახელი და გვარი',
  fieldGivenName: 'სახელი',
  fieldFamilyName: 'გვარი',
  fieldMiddleName: 'მამის სახელი',
  fieldCompany: 'კომპანია',
  fieldLabel: 'კატეგორია',
  fieldNotes: 'შენიშვნები',
};

export const guessText = catalog<Key>({ en, ru, ka });

const REASON: Record<ContentEvidence['kind'], Key> = {
  phone: 'reasonPhone',
  email: 'reasonEmail',
  date: 'reasonDate',
  personName: 'reasonPersonName',
  company: 'reasonCompany',
  notes: 'reasonNotes',
  label: 'reasonLabel',
};

/** "9 of 10 values are phone numbers": why a column was read as its field. */
export function guessReason(locale: Locale, evidence: ContentEvidence): string {
  return guessText(locale, REASON[evidence.kind], evidence);
}

const FIELD: Partial<Record<ContactField, Key>> = {
  phone: 'fieldPhone',
  email: 'fieldEmail',
  birthday: 'fieldBirthday',
  event: 'fieldEvent',
  fullName: 'fieldFullName',
  givenName: 'fieldGivenName',
  familyName: 'fieldFamilyName',
  middleName: 'fieldMiddleName',
  company: 'fieldCompany',
  label: 'fieldLabel',
  notes: 'fieldNotes',
};

/** The name of a header-less file's column `index` (0-based): "Column 1", "Колонка 1", "სვეტი 1". */
export function genericColumnName(locale: Locale, index: number): string {
  return guessText(locale, 'column', { n: index + 1 });
}

/** The preview's warning for each column mapped by its content. */
export function guessWarnings(locale: Locale, columns: MappingColumn[]): string[] {
  return columns
    .filter((c) => c.source === 'content' && c.guess)
    .map((c) => {
      const key = FIELD[c.field];
      return guessText(locale, 'guessedColumn', {
        column: c.header || genericColumnName(locale, c.index),
        field: key ? guessText(locale, key) : c.field,
        reason: guessReason(locale, c.guess!),
      });
    });
}

/** The preview's warning for a file read without a header row. */
export function headerlessWarning(locale: Locale, fileName: string, headers: string[]): string {
  return guessText(locale, 'headerless', {
    file: fileName,
    values: guessText(locale, 'headerlessValues'),
    first: headers[0] ?? genericColumnName(locale, 0),
    second: headers[1] ?? genericColumnName(locale, 1),
  });
}
