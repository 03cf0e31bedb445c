// What the office is told after an Excel export that had to cut cells (xlsx holds at most 32,767 characters a
// cell): one line per column, with the rows, so the person can find those clients and read the rest in Google
// Contacts. The sidebar shows it after the download; `crm export` prints it on stderr and lists `cut` in its JSON.

import { catalog } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';
import type { XlsxCut } from './xlsx';

const say = catalog({
  en: {
    cut: '{n} {cells} of “{column}” cut to 32,767 characters, the most an Excel cell holds ({rows}); the full text stays in Google Contacts.',
    one: 'cell',
    many: 'cells',
    row: 'row {list}',
    rows: 'rows {list}',
  },
  ru: {
    cut: 'Обрезано до 32 767 символов (больше ячейка Excel не вмещает) в столбце «{column}»: {n} ({rows}); полный текст остаётся в Google Контактах.',
    one: '',
    many: '',
    row: 'строка {list}',
    rows: 'строки {list}',
  },
  ka: {
    cut: 'სვეტში „{column}“ შემოკლდა 32 767 სიმბოლომდე (Excel-ის უჯრა მეტს ვერ იტევს): {n} ({rows}); სრული ტექსტი Google Contacts-ში რჩება.',
    one: '',
    many: '',
    row: 'სტრიქონი {list}',
    rows: 'სტრიქონები {list}',
  },
});

/** One line per sheet and column that had cells cut, in the order they were met; [] when nothing was cut. */
export function cutMessages(cut: readonly XlsxCut[], locale: Locale): string[] {
  const byColumn = new Map<string, XlsxCut[]>();
  for (const c of cut) {
    const key = `${c.sheet}\u0000${c.column}`;
    const list = byColumn.get(key);
    if (list) list.push(c);
    else byColumn.set(key, [c]);
  }
  return [...byColumn.values()].map((cells) => {
    const list = cells.map((c) => c.row).join(', ');
    return say(locale, 'cut', {
      n: cells.length,
      cells: say(locale, cells.length === 1 ? 'one' : 'many'),
      column: cells[0].column,
      rows: say(locale, cells.length === 1 ? 'row' : 'rows', { list }),
    });
  });
}
