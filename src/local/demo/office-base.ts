// "A messy Russian office base": the client list a salon kept in Excel for years, as it reaches the import. A banner
// merged over the columns and an empty row above the header; phones typed every way (two in a cell, an extension, a
// number Excel stored as a number, +7 and 8 forms of the same client); a broken e-mail; an impossible date; birthdays
// both as Excel date cells and as typed text; a Georgian client; a row with only a company. Its twin is the same sheet
// saved by a Russian Excel as "CSV (разделители — точки с запятой)": Windows-1251, `;`, a `sep=;` line, CRLF.
// Deterministic: the same bytes every time (test/fixtures holds a copy that a test compares).

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import * as iconv from 'iconv-lite';

export const OFFICE_BASE_TITLE = 'Клиенты салона «Лотос»';
export const OFFICE_BASE_HEADERS = [
  'ФИО',
  'Телефон',
  'E-mail',
  'Дата рождения',
  'Категория',
  'Первый визит',
  'Менеджер',
  'Комментарий',
  'Адрес',
  'Компания',
];
/** Sheet row of the header; data starts on the next row. */
export const OFFICE_BASE_HEADER_ROW = 3;

type Ymd = [number, number, number];
/** A date the office typed as a real Excel date (a cell) or as text. */
type DateValue = { cell: Ymd } | { text: string } | '';
type Phone = string | number;

interface BaseRow {
  name: string;
  phone: Phone;
  email: string;
  birthday: DateValue;
  category: string;
  firstVisit: DateValue;
  manager: string;
  comment: string;
  address: string;
  company: string;
}

const MANAGERS = ['Ольга Смирнова', 'Дмитрий Ковалёв', 'Нино Беридзе'];
const CATEGORIES = ['VIP', 'Постоянный', 'Новый', 'Опт', 'Розница'];
const STREETS = ['ул. Ленина', 'ул. Малышева', 'пр. Мира', 'ул. 8 Марта', 'ул. Куйбышева', 'ул. Белинского'];
const FAMILY = [
  'Васильева',
  'Соколов',
  'Михайлова',
  'Новиков',
  'Фёдорова',
  'Морозов',
  'Волкова',
  'Алексеев',
  'Лебедева',
  'Семёнов',
  'Егорова',
  'Павлов',
  'Козлова',
  'Степанов',
  'Николаева',
  'Орлов',
  'Андреева',
  'Макаров',
  'Захарова',
  'Зайцев',
  'Борисова',
  'Яковлев',
  'Григорьева',
  'Романов',
  'Воробьёва',
  'Сергеев',
  'Кузьмина',
  'Фролов',
  'Александрова',
  'Дмитриев',
];
const GIVEN = [
  'Елена',
  'Андрей',
  'Мария',
  'Олег',
  'Наталья',
  'Виктор',
  'Ирина',
  'Павел',
  'Татьяна',
  'Николай',
  'Светлана',
  'Михаил',
  'Юлия',
  'Денис',
  'Екатерина',
  'Артём',
  'Ксения',
  'Роман',
  'Алина',
  'Григорий',
  'Дарья',
  'Константин',
  'Вера',
  'Тимур',
  'Людмила',
  'Антон',
  'Галина',
  'Илья',
  'Полина',
  'Фёдор',
];
const COMMENTS = [
  '',
  'Предпочитает утро',
  'Скидка 10%',
  '',
  'Звонить после 18:00',
  '',
  'Пришла по рекомендации',
  'Не любит СМС',
  '',
  'Постоянная запись на четверг',
];

const pad2 = (n: number) => String(n).padStart(2, '0');
const textDate = ([y, m, d]: Ymd) => `${pad2(d)}.${pad2(m)}.${y}`;

/** Rows that make the base messy, each on purpose; their sheet rows are data index + 4. */
const SPECIAL: BaseRow[] = [
  {
    name: 'Иванова Анна Сергеевна',
    phone: '8 (912) 345-67-89, +7 912 000-11-22',
    email: 'anna.ivanova@mail.ru',
    birthday: { cell: [1985, 3, 15] },
    category: 'VIP',
    firstVisit: { cell: [2021, 2, 10] },
    manager: 'Ольга Смирнова',
    comment: 'Аллергия на лак.\nПредпочитает утро',
    address: 'г. Екатеринбург, ул. Ленина, д. 5, кв. 12',
    company: '',
  },
  {
    name: 'Петров Сергей Иванович',
    phone: '+7 (495) 123-45-67 доб. 100',
    email: 'petrov@vector-msk.ru',
    birthday: { text: '07.11.1979' },
    category: 'Опт',
    firstVisit: { cell: [2020, 9, 1] },
    manager: 'Дмитрий Ковалёв',
    comment: 'Закупает для сети; звонить секретарю',
    address: 'Москва, Тверская ул., д. 7, офис 305',
    company: 'ООО «Вектор»',
  },
  {
    name: 'Смирнова Ольга Петровна',
    phone: 79123456789,
    email: 'test@',
    birthday: { text: '31.02.1985' },
    category: 'Новый',
    firstVisit: { text: '15.01.2024' },
    manager: 'Ольга Смирнова',
    comment: '',
    address: '',
    company: '',
  },
  {
    name: 'Кузнецов Алексей',
    phone: '+7 912 111-22-33',
    email: 'kuznetsov.a@yandex.ru',
    birthday: { cell: [1990, 7, 1] },
    category: 'Постоянный',
    firstVisit: { cell: [2019, 5, 20] },
    manager: 'Дмитрий Ковалёв',
    comment: '',
    address: 'г. Екатеринбург, ул. Малышева, д. 51',
    company: '',
  },
  {
    name: 'Беридзе Гиорги',
    phone: '+995 599 12 34 56',
    email: 'giorgi.beridze@example.ge',
    birthday: { cell: [1988, 12, 24] },
    category: 'Опт',
    firstVisit: { cell: [2022, 4, 5] },
    manager: 'Нино Беридзе',
    comment: 'Говорит по-грузински и по-русски',
    address: 'Тбилиси, пр. Руставели, 12',
    company: 'ИП Беридзе',
  },
  {
    name: '',
    phone: '+7 (343) 222-33-44',
    email: 'info@romashka-ural.ru',
    birthday: '',
    category: 'Опт',
    firstVisit: { cell: [2023, 3, 14] },
    manager: 'Дмитрий Ковалёв',
    comment: 'Договор № 15/2023',
    address: 'г. Екатеринбург, пр. Мира, д. 3',
    company: 'ООО «Ромашка»',
  },
];
/** The same client as SPECIAL[3], typed again years later with the 8-prefixed number. */
const DUPLICATE: BaseRow = {
  ...SPECIAL[3],
  phone: '8 912 111 22 33',
  birthday: { text: '01.07.1990' },
  firstVisit: { text: '03.02.2023' },
  comment: 'Повторно записан',
};

function regularRow(i: number): BaseRow {
  const family = FAMILY[i % FAMILY.length];
  const given = GIVEN[i % GIVEN.length];
  const birth: Ymd = [1960 + ((i * 7) % 40), 1 + ((i * 5) % 12), 1 + ((i * 11) % 28)];
  const visit: Ymd = [2018 + (i % 7), 1 + ((i * 3) % 12), 1 + ((i * 13) % 28)];
  const local = String(1000000 + i * 7919).slice(-7);
  const phone =
    i % 3 === 0
      ? `+7 (9${pad2(12 + (i % 8))}) ${local.slice(0, 3)}-${local.slice(3, 5)}-${local.slice(5)}`
      : i % 3 === 1
        ? `89${pad2(12 + (i % 8))}${local}`
        : `8-9${pad2(12 + (i % 8))}-${local.slice(0, 3)}-${local.slice(3)}`;
  const translit = ['elena', 'andrey', 'maria', 'oleg', 'natalia', 'viktor', 'irina', 'pavel', 'tatiana', 'nikolay'][
    i % 10
  ];
  return {
    name: `${family} ${given}`,
    phone,
    email: i % 4 === 3 ? '' : `${translit}${1970 + i}@${['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru'][i % 4]}`,
    birthday: i % 5 === 4 ? '' : i % 2 === 0 ? { cell: birth } : { text: textDate(birth) },
    category: CATEGORIES[i % CATEGORIES.length],
    firstVisit: i % 3 === 2 ? { text: textDate(visit) } : { cell: visit },
    manager: MANAGERS[i % MANAGERS.length],
    comment: COMMENTS[i % COMMENTS.length],
    address: i % 2 === 0 ? `г. Екатеринбург, ${STREETS[i % STREETS.length]}, д. ${3 + i}` : '',
    company: '',
  };
}

/** The base in sheet order: special rows first, a regular stretch, the duplicate in the middle. */
export function officeBaseRows(): BaseRow[] {
  const regular = Array.from({ length: 33 }, (_, i) => regularRow(i));
  return [...SPECIAL, ...regular.slice(0, 14), DUPLICATE, ...regular.slice(14)];
}

function excelSerial([y, m, d]: Ymd): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

function rowValues(r: BaseRow): Array<string | number> {
  const date = (v: DateValue) => (v === '' ? '' : 'text' in v ? v.text : textDate(v.cell));
  return [
    r.name,
    r.phone,
    r.email,
    date(r.birthday),
    r.category,
    date(r.firstVisit),
    r.manager,
    r.comment,
    r.address,
    r.company,
  ];
}

export function officeBaseWorkbook(): Uint8Array {
  const rows = officeBaseRows();
  const width = OFFICE_BASE_HEADERS.length;
  const aoa: Array<Array<string | number>> = [[OFFICE_BASE_TITLE], [], OFFICE_BASE_HEADERS, ...rows.map(rowValues)];
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  rows.forEach((r, i) => {
    (
      [
        [3, r.birthday],
        [5, r.firstVisit],
      ] as Array<[number, DateValue]>
    ).forEach(([c, v]) => {
      if (v !== '' && 'cell' in v)
        sheet[XLSX.utils.encode_cell({ r: OFFICE_BASE_HEADER_ROW + i, c })] = {
          t: 'n',
          v: excelSerial(v.cell),
          z: 'dd.mm.yyyy',
        };
    });
  });
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } }];
  sheet['!cols'] = [32, 24, 28, 14, 12, 14, 18, 30, 40, 18].map((wch) => ({ wch }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Клиенты');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

function csvField(v: string | number): string {
  const s = String(v);
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The text Excel writes for "CSV (разделители — точки с запятой)", before encoding. */
export function officeBaseCsvText(): string {
  const width = OFFICE_BASE_HEADERS.length;
  const lines = [
    'sep=;',
    [OFFICE_BASE_TITLE, ...Array(width - 1).fill('')].join(';'),
    Array(width).fill('').join(';'),
    OFFICE_BASE_HEADERS.join(';'),
  ];
  for (const r of officeBaseRows()) lines.push(rowValues(r).map(csvField).join(';'));
  return lines.join('\r\n') + '\r\n';
}

export function writeOfficeBase(dir: string): { xlsx: string; csv1251: string } {
  fs.mkdirSync(dir, { recursive: true });
  const xlsx = path.join(dir, 'office-base.xlsx');
  const csv1251 = path.join(dir, 'office-base-1251.csv');
  fs.writeFileSync(xlsx, officeBaseWorkbook());
  fs.writeFileSync(csv1251, iconv.encode(officeBaseCsvText(), 'win1251'));
  return { xlsx, csv1251 };
}
