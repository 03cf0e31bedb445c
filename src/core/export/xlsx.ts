// An Excel workbook the office can open and read: one sheet of clients in the office's language, and one of their
// events when the event log is given. Written with SheetJS; never part of the Apps Script bundle (the sidebar and
// the CLI build the file).

import * as XLSX from '@e965/xlsx';
import type { Locale } from '../i18n/locale';
import { fitXlsxCell, neutralizeCell } from './cells';
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

/** The end of a cell cut to Excel's 32,767 characters: says so in the office's language, and where the rest is. */
const CUT_MARKER: Record<Locale, (total: number) => string> = {
  ru: (total) => ` … [обрезано: в ячейке Excel не больше 32 767 символов из ${total}; полный текст в Google Контактах]`,
  en: (total) =>
    ` … [cut: an Excel cell holds 32,767 of these ${total} characters; the full text is in Google Contacts]`,
  ka: (total) =>
    ` … [შემოკლებულია: Excel-ის უჯრა იტევს 32 767 სიმბოლოს ${total}-დან; სრული ტექსტი Google Contacts-შია]`,
};

/** Where the Phones column is in the clients sheet (the only cells whose `+7 …` is kept as typed). */
const PHONES_COLUMN = 6;

export interface ExportEventRow {
  /** Header → value, in the event log's own column order and language. */
  [column: string]: string;
}

function contactRow({ person: p, labels }: ExportContact, cell: (v: string, column: number) => string): string[] {
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
  ].map((v, column) => cell(String(v ?? ''), column));
}

/** One row of the clients sheet and of the events sheet, each cell where it was cut. */
export interface XlsxCut {
  sheet: string;
  /** 1-based, as Excel numbers rows (the header is row 1). */
  row: number;
  column: string;
  length: number;
}

export interface XlsxExport {
  bytes: Uint8Array;
  /** Cells longer than Excel holds, cut with a marker saying so: for the sidebar or the CLI to tell the office. */
  cut: XlsxCut[];
}

export function xlsxWorkbook(
  contacts: ExportContact[],
  locale: Locale,
  events?: { headers: string[]; rows: string[][] },
): Uint8Array {
  return xlsxExport(contacts, locale, events).bytes;
}

export function xlsxExport(
  contacts: ExportContact[],
  locale: Locale,
  events?: { headers: string[]; rows: string[][] },
): XlsxExport {
  const cut: XlsxCut[] = [];
  const fitter = (sheet: string, headers: string[], row: number) => (v: string, column: number, phone: boolean) => {
    const fitted = fitXlsxCell(neutralizeCell(v, phone), CUT_MARKER[locale]);
    if (fitted.cut) cut.push({ sheet, row, column: headers[column] ?? '', length: v.length });
    return fitted.text;
  };
  const [clientsName, eventsName] = SHEET_NAMES[locale];
  const book = XLSX.utils.book_new();
  const rows = contacts.map((c, i) => {
    const fit = fitter(clientsName, COLUMNS[locale], i + 2);
    return contactRow(c, (v, column) => fit(v, column, column === PHONES_COLUMN));
  });
  const sheet = XLSX.utils.aoa_to_sheet([COLUMNS[locale], ...rows]);
  sheet['!cols'] = COLUMNS[locale].map((h) => ({ wch: Math.max(12, h.length + 2) }));
  XLSX.utils.book_append_sheet(book, sheet, clientsName);
  if (events) {
    const eventRows = events.rows.map((r, i) => {
      const fit = fitter(eventsName, events.headers, i + 2);
      return r.map((v, column) => fit(String(v ?? ''), column, false));
    });
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([events.headers, ...eventRows]), eventsName);
  }
  // SheetJS gives an ArrayBuffer for type 'array'.
  const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  return { bytes, cut };
}
