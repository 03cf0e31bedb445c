// The Import / Export sidebar's words, in the three languages of the product.

import type { Locale } from '../../../core/i18n/locale';
import type { ContactField } from '../../../core/import/types';

const en = {
  title: 'Import and export clients',
  importHeading: 'Import a client base',
  fileHint: 'Excel (xlsx, xls), OpenDocument (ods), CSV or vCard. The file is read here, in your browser.',
  encoding: 'Text encoding',
  auto: 'Detect',
  fileInfo: '{format} · {encoding} · {rows} rows · header on row {header}',
  mapping: 'Columns',
  mappingRemembered: 'Using the columns you chose last time for this layout.',
  preview: 'Preview',
  previewing: 'Checking against Google Contacts…',
  willCreate: 'New clients: {n}',
  willUpdate: 'Existing clients to complete: {n}',
  willSkip: 'Skipped: {n}',
  duplicates: 'Duplicates merged: {n}',
  problems: 'Problems: {n} (the values are kept in the client’s notes)',
  conflicts: 'Not overwritten (the contact already has a value):',
  newLabels: 'New labels: {labels}',
  calls: 'People API calls: {planned} (the minimum is {minimum})',
  import: 'Import',
  importing: 'Writing to Google Contacts… {done} of {total} batches',
  done: 'Done: {created} created, {updated} updated, {skipped} skipped.',
  undo: 'Undo this import',
  undone: 'Undone: {deleted} contacts removed, {restored} restored.',
  exportHeading: 'Export',
  format: 'Format',
  label: 'Label',
  allLabels: 'All clients',
  download: 'Download',
  exported: '{n} clients exported.',
  row: 'Row {row}',
  error: 'Something went wrong: {message}',
  readError: 'Cannot read {file}: {message}',
  recent: 'Recent imports',
};

type Strings = typeof en;

const ru: Strings = {
  title: 'Импорт и экспорт клиентов',
  importHeading: 'Загрузить базу клиентов',
  fileHint: 'Excel (xlsx, xls), OpenDocument (ods), CSV или vCard. Файл читается здесь, в вашем браузере.',
  encoding: 'Кодировка',
  auto: 'Определить',
  fileInfo: '{format} · {encoding} · строк: {rows} · заголовок в строке {header}',
  mapping: 'Столбцы',
  mappingRemembered: 'Столбцы сопоставлены так же, как в прошлый раз для такого файла.',
  preview: 'Проверить',
  previewing: 'Сверяем с Google Контактами…',
  willCreate: 'Новые клиенты: {n}',
  willUpdate: 'Будут дополнены: {n}',
  willSkip: 'Пропущено: {n}',
  duplicates: 'Объединено дублей: {n}',
  problems: 'Ошибок: {n} (значения сохранены в комментарии клиента)',
  conflicts: 'Не перезаписываем (у контакта уже есть значение):',
  newLabels: 'Новые категории: {labels}',
  calls: 'Запросов к People API: {planned} (минимум — {minimum})',
  import: 'Импортировать',
  importing: 'Записываем в Google Контакты… пакет {done} из {total}',
  done: 'Готово: создано {created}, дополнено {updated}, пропущено {skipped}.',
  undo: 'Отменить импорт',
  undone: 'Импорт отменён: удалено {deleted}, восстановлено {restored}.',
  exportHeading: 'Выгрузка',
  format: 'Формат',
  label: 'Категория',
  allLabels: 'Все клиенты',
  download: 'Скачать',
  exported: 'Выгружено клиентов: {n}.',
  row: 'Строка {row}',
  error: 'Что-то пошло не так: {message}',
  readError: 'Не удалось прочитать {file}: {message}',
  recent: 'Последние импорты',
};

const ka: Strings = {
  title: 'კლიენტების იმპორტი და ექსპორტი',
  importHeading: 'კლიენტების ბაზის ატვირთვა',
  fileHint: 'Excel (xlsx, xls), OpenDocument (ods), CSV ან vCard. ფაილი აქ, თქვენს ბრაუზერში იკითხება.',
  encoding: 'კოდირება',
  auto: 'ავტომატურად',
  fileInfo: '{format} · {encoding} · {rows} სტრიქონი · სათაური {header}-ე სტრიქონში',
  mapping: 'სვეტები',
  mappingRemembered: 'სვეტები შესაბამისობაშია წინა ჯერის მსგავსად.',
  preview: 'შემოწმება',
  previewing: 'Google Contacts-თან შედარება…',
  willCreate: 'ახალი კლიენტები: {n}',
  willUpdate: 'შეივსება: {n}',
  willSkip: 'გამოტოვდება: {n}',
  duplicates: 'გაერთიანებული დუბლიკატები: {n}',
  problems: 'შეცდომები: {n} (მნიშვნელობები შენახულია კლიენტის შენიშვნაში)',
  conflicts: 'არ გადაიწერება (კონტაქტს უკვე აქვს მნიშვნელობა):',
  newLabels: 'ახალი კატეგორიები: {labels}',
  calls: 'People API მოთხოვნები: {planned} (მინიმუმი {minimum})',
  import: 'იმპორტი',
  importing: 'Google Contacts-ში ჩაწერა… {done} / {total}',
  done: 'მზადაა: შეიქმნა {created}, განახლდა {updated}, გამოტოვდა {skipped}.',
  undo: 'იმპორტის გაუქმება',
  undone: 'გაუქმდა: წაიშალა {deleted}, აღდგა {restored}.',
  exportHeading: 'ექსპორტი',
  format: 'ფორმატი',
  label: 'კატეგორია',
  allLabels: 'ყველა კლიენტი',
  download: 'ჩამოტვირთვა',
  exported: 'ექსპორტირებულია {n} კლიენტი.',
  row: 'სტრიქონი {row}',
  error: 'შეცდომა: {message}',
  readError: '{file} ვერ წაიკითხა: {message}',
  recent: 'ბოლო იმპორტები',
};

const CATALOG: Record<Locale, Strings> = { en, ru, ka };

export function s(locale: Locale, key: keyof Strings, params: object = {}): string {
  const values = params as Record<string, unknown>;
  return CATALOG[locale][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

export const FIELD_NAMES: Record<Locale, Record<ContactField, string>> = {
  en: {
    fullName: 'Full name', familyName: 'Last name', givenName: 'First name', middleName: 'Middle name', prefix: 'Prefix', suffix: 'Suffix',
    nickname: 'Nickname', company: 'Company', title: 'Job title', department: 'Department', phone: 'Phone', email: 'E-mail', address: 'Address',
    url: 'Website', birthday: 'Birthday', firstVisit: 'First visit', event: 'Other date', notes: 'Notes', label: 'Label (category)',
    manager: 'Manager', custom: 'Custom field', ignore: '— skip —',
  },
  ru: {
    fullName: 'ФИО', familyName: 'Фамилия', givenName: 'Имя', middleName: 'Отчество', prefix: 'Обращение', suffix: 'Суффикс',
    nickname: 'Псевдоним', company: 'Компания', title: 'Должность', department: 'Отдел', phone: 'Телефон', email: 'E-mail', address: 'Адрес',
    url: 'Сайт', birthday: 'День рождения', firstVisit: 'Первый визит', event: 'Другая дата', notes: 'Комментарий', label: 'Категория',
    manager: 'Менеджер', custom: 'Своё поле', ignore: '— не загружать —',
  },
  ka: {
    fullName: 'სრული სახელი', familyName: 'გვარი', givenName: 'სახელი', middleName: 'მამის სახელი', prefix: 'მიმართვა', suffix: 'სუფიქსი',
    nickname: 'მეტსახელი', company: 'კომპანია', title: 'თანამდებობა', department: 'განყოფილება', phone: 'ტელეფონი', email: 'ელ-ფოსტა', address: 'მისამართი',
    url: 'ვებგვერდი', birthday: 'დაბადების დღე', firstVisit: 'პირველი ვიზიტი', event: 'სხვა თარიღი', notes: 'კომენტარი', label: 'კატეგორია',
    manager: 'მენეჯერი', custom: 'საკუთარი ველი', ignore: '— გამოტოვება —',
  },
};
