// An Excel workbook the office can open and read: one sheet of clients in the office's language, and one of their
// events when the event log is given. Written with SheetJS; never part of the Apps Script bundle (the sidebar and
// the CLI build the file).

import * as XLSX from '@e965/xlsx';
import type { Locale } from '../i18n/locale';
import { neutralizeCell } from './cells';
import { dateText, ExportContact, firstVisitOf, managerOf, nameOf, notesOf } from './contact-view';

const COLUMNS: Record<Locale, string[]> = {
  ru: [
    'Фамилия',
    'Имя',
    'Отчество',
    'Компания',
    'Должность',
    'Категории',
    'Телефоны',
    'E-mail',
    'День рождения',
    'Первый визит',
    'Адрес',
    'Менеджер',
    'Комментарий',
  ],
  en: [
    'Last name',
    'First name',
    'Middle name',
    'Company',
    'Title',
    'Labels',
    'Phones',
    'E-mail',
    'Birthday',
    'First visit',
    'Address',
    'Manager',
    'Notes',
  ],
  ka: [
    'გვარი',
    'სახელი',
    'მამის სახელი',
    'კომპანია',
    'თანამდებობა',
    'კატეგორიები',
    'ტელეფონები',
    'ელ-ფოსტა',
    'დაბადების დღე',
    'პირველი ვიზიტი',
    'მისამართი',
    'მენეჯერი',
    'კომენტარი',
  ],
};
const SHEET_NAMES: Record<Locale, [string, string]> = {
  ru: ['Клиенты', 'События'],
  en: ['Clients', 'Events'],
  ka: ['კლიენტები', 'მოვლენები'],
};

export interface ExportEventRow {
  /** Header → value, in the event log's own column order and language. */
  [column: string]: string;
}

function contactRow({ person: p, labels }: ExportContact): string[] {
  const n = nameOf(p);
  const org = p.organizations?.[0];
  return [
    n.family,
    n.given,
    n.middle,
    org?.name ?? '',
    org?.title ?? '',
    labels.join(', '),
    (p.phoneNumbers ?? []).map((x) => x.value).join(', '),
    (p.emailAddresses ?? []).map((x) => x.value).join(', '),
    dateText(p.birthdays?.[0]?.date, 'ru'),
    dateText(firstVisitOf(p)?.date, 'ru'),
    (p.addresses ?? [])
      .map(
        (a) =>
          a.formattedValue ?? [a.streetAddress, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', '),
      )
      .join('; '),
    managerOf(p),
    notesOf(p),
  ].map((v) => neutralizeCell(String(v ?? '')));
}

export function xlsxWorkbook(
  contacts: ExportContact[],
  locale: Locale,
  events?: { headers: string[]; rows: string[][] },
): Uint8Array {
  const book = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet([COLUMNS[locale], ...contacts.map(contactRow)]);
  sheet['!cols'] = COLUMNS[locale].map((h) => ({ wch: Math.max(12, h.length + 2) }));
  XLSX.utils.book_append_sheet(book, sheet, SHEET_NAMES[locale][0]);
  if (events) {
    const rows = events.rows.map((r) => r.map((v) => neutralizeCell(String(v ?? ''))));
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([events.headers, ...rows]), SHEET_NAMES[locale][1]);
  }
  // SheetJS gives an ArrayBuffer for type 'array'.
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
