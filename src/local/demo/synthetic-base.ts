// A client base of any size for benchmarks: a Russian salon's columns and values (its categories and masters), deterministic (row i is
// always the same client), every client distinct (unique phone and e-mail) so an import of n rows creates n contacts.

import * as XLSX from '@e965/xlsx';

const FAMILY = [
  'Иванов',
  'Петров',
  'Сидоров',
  'Кузнецов',
  'Смирнов',
  'Попов',
  'Васильев',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
];
const GIVEN = ['Иван', 'Пётр', 'Алексей', 'Сергей', 'Андрей', 'Дмитрий', 'Михаил', 'Николай', 'Олег', 'Павел'];
const MIDDLE = ['Иванович', 'Петрович', 'Сергеевич', 'Андреевич', 'Олегович', 'Павлович'];
const LABELS = ['VIP', 'Новый', 'Постоянный', 'Абонемент', 'Разовый'];
const MANAGERS = ['Анна Смирнова', 'Олег Петров', 'Мария Козлова'];
const COMMENTS = ['Постоянно опаздывает', 'Аллергия на аммиачные красители', 'Только к своему мастеру'];

export const SYNTHETIC_HEADER = ['ФИО', 'Телефон', 'E-mail', 'Дата рождения', 'Категория', 'Менеджер', 'Комментарий'];

export function syntheticRows(n: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const name = `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 7) % GIVEN.length]} ${MIDDLE[(i * 3) % MIDDLE.length]}`;
    const digits = String(1000000 + i).slice(-7);
    const phone = i % 2 ? `8 (912) ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` : `+7 913 ${digits}`;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    rows.push([
      name,
      phone,
      `client${i}@example.ru`,
      `${day}.${month}.${1950 + (i % 50)}`,
      LABELS[i % LABELS.length],
      MANAGERS[i % MANAGERS.length],
      i % 10 === 0 ? COMMENTS[(i / 10) % COMMENTS.length] : '',
    ]);
  }
  return rows;
}

export function syntheticXlsx(n: number): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([SYNTHETIC_HEADER, ...syntheticRows(n)]), 'Клиенты');
  // SheetJS gives an ArrayBuffer for type 'array'.
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
