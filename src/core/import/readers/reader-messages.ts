// What the readers tell the office about a file, in its language: the encoding chosen and why, rows taken for a
// title, damaged bytes, a quote never closed, other sheets left unread, vCard oddities. Counts are written as
// "…: 3" so one sentence reads right with any number in every language.

import { catalog } from '../../i18n/catalog';
import type { Locale } from '../../i18n/locale';

const en = {
  encodingUtf8Damaged:
    '"{file}" was read as {name}: it is UTF-8 apart from {count} invalid byte(s), each shown as "\uFFFD" in the rows listed (read as Windows-1251 or 1252 instead, every other letter would be garbled). Fix those values in the file or after the import.',
  encodingUtf16:
    '"{file}" was read as {name}: it has no byte-order mark, but every other byte is zero as in UTF-16 text.',
  encoding1251:
    '"{file}" was read as {name}: it is not UTF-8, and its letters form Cyrillic words in Windows-1251. Choose another encoding if the names look wrong.',
  encoding1252:
    '"{file}" was read as {name}: it is not UTF-8, and its accented letters stand between Latin ones as in Western European text. Choose another encoding if the names look wrong.',
  titleRows:
    'The column names were taken from row {row} of "{file}": the rows above it look like a title, not column names, and are not imported (rows: {count}).',
  quoteNeverClosed: 'A quote opened{where} is never closed in "{file}": everything after it was read as one cell.',
  onLine: ' on line {line}',
  damagedHeader: 'Line {line} (the header) of "{file}", column {column}: "{value}" has an invalid byte.',
  damagedCell: 'Line {line} of "{file}", column "{column}": "{value}" has an invalid byte.',
  moreDamaged: '… and more cells of "{file}" with an invalid byte: {count}.',
  otherSheets:
    'Only the sheet "{sheet}" was read; "{file}" also has data on: {others}. Choose another sheet to import it.',
  vcardUnclosed:
    'The contact starting on line {line} of "{file}" has no END:VCARD line; it was read up to the end of the file.',
  vcardPhotos: 'Contacts with a photo: {count}. Photos are not imported.',
  vcardDamaged: 'Contacts of "{file}" with an invalid byte start on lines {lines}.',
};

type Key = keyof typeof en;

const ru: Record<Key, string> = {
  encodingUtf8Damaged:
    'Файл «{file}» прочитан как {name}: это UTF-8, кроме нескольких неверных байтов ({count}); каждый показан как «\uFFFD» в перечисленных строках (в кодировке Windows-1251 или 1252 исказились бы все остальные буквы). Исправьте эти значения в файле или после импорта.',
  encodingUtf16:
    'Файл «{file}» прочитан как {name}: в нём нет метки порядка байтов, но каждый второй байт нулевой, как в тексте UTF-16.',
  encoding1251:
    'Файл «{file}» прочитан как {name}: это не UTF-8, а его буквы складываются в русские слова в Windows-1251. Выберите другую кодировку, если имена выглядят неправильно.',
  encoding1252:
    'Файл «{file}» прочитан как {name}: это не UTF-8, а буквы с диакритикой стоят среди латинских, как в западноевропейском тексте. Выберите другую кодировку, если имена выглядят неправильно.',
  titleRows:
    'Названия столбцов взяты из строки {row} файла «{file}»: строки над ней похожи на заголовок, а не на названия столбцов, и не импортируются (строк: {count}).',
  quoteNeverClosed: 'Кавычка, открытая{where}, не закрыта в файле «{file}»: всё после неё прочитано как одна ячейка.',
  onLine: ' в строке {line}',
  damagedHeader: 'Строка {line} (заголовок) файла «{file}», столбец {column}: в «{value}» неверный байт.',
  damagedCell: 'Строка {line} файла «{file}», столбец «{column}»: в «{value}» неверный байт.',
  moreDamaged: '… и ещё ячейки файла «{file}» с неверным байтом: {count}.',
  otherSheets:
    'Прочитан только лист «{sheet}»; в файле «{file}» есть данные и на листах: {others}. Выберите другой лист, чтобы импортировать его.',
  vcardUnclosed:
    'У контакта, начинающегося в строке {line} файла «{file}», нет строки END:VCARD; он прочитан до конца файла.',
  vcardPhotos: 'Контактов с фотографией: {count}. Фотографии не импортируются.',
  vcardDamaged: 'Контакты файла «{file}» с неверным байтом начинаются в строках {lines}.',
};

const ka: Record<Key, string> = {
  encodingUtf8Damaged:
    'ფაილი „{file}“ წაკითხულია როგორც {name}: ეს არის UTF-8, გარდა რამდენიმე არასწორი ბაიტისა ({count}); თითოეული ნაჩვენებია როგორც „\uFFFD“ ჩამოთვლილ სტრიქონებში (Windows-1251 ან 1252 კოდირებით ყველა სხვა ასო დამახინჯდებოდა). გაასწორეთ ეს მნიშვნელობები ფაილში ან იმპორტის შემდეგ.',
  encodingUtf16:
    'ფაილი „{file}“ წაკითხულია როგორც {name}: მას ბაიტების რიგის ნიშანი არ აქვს, მაგრამ ყოველი მეორე ბაიტი ნულია, როგორც UTF-16 ტექსტში.',
  encoding1251:
    'ფაილი „{file}“ წაკითხულია როგორც {name}: ეს არ არის UTF-8, მისი ასოები კი Windows-1251-ში კირილიცის სიტყვებს ქმნის. აირჩიეთ სხვა კოდირება, თუ სახელები არასწორად ჩანს.',
  encoding1252:
    'ფაილი „{file}“ წაკითხულია როგორც {name}: ეს არ არის UTF-8, დიაკრიტიკული ასოები კი ლათინურებს შორისაა, როგორც დასავლეთევროპულ ტექსტში. აირჩიეთ სხვა კოდირება, თუ სახელები არასწორად ჩანს.',
  titleRows:
    'სვეტების სახელები აღებულია ფაილის „{file}“ {row}-ე სტრიქონიდან: მის ზემოთ მდებარე სტრიქონები სათაურს ჰგავს და არ შემოდის (სტრიქონები: {count}).',
  quoteNeverClosed: 'ბრჭყალი, გახსნილი{where}, ფაილში „{file}“ არ იხურება: მის შემდეგ ყველაფერი ერთ უჯრად წაიკითხა.',
  onLine: ' {line}-ე სტრიქონში',
  damagedHeader: 'ფაილის „{file}“ {line}-ე სტრიქონი (სათაური), სვეტი {column}: „{value}“-ში არასწორი ბაიტია.',
  damagedCell: 'ფაილის „{file}“ {line}-ე სტრიქონი, სვეტი „{column}“: „{value}“-ში არასწორი ბაიტია.',
  moreDamaged: '… და ფაილის „{file}“ კიდევ სხვა უჯრები არასწორი ბაიტით: {count}.',
  otherSheets:
    'წაკითხულია მხოლოდ ფურცელი „{sheet}“; ფაილში „{file}“ მონაცემები სხვა ფურცლებზეცაა: {others}. აირჩიეთ სხვა ფურცელი მის შემოსატანად.',
  vcardUnclosed:
    'ფაილის „{file}“ {line}-ე სტრიქონში დაწყებულ კონტაქტს END:VCARD სტრიქონი არ აქვს; ის ფაილის ბოლომდე წაიკითხა.',
  vcardPhotos: 'ფოტოიანი კონტაქტები: {count}. ფოტოები არ შემოდის.',
  vcardDamaged: 'ფაილის „{file}“ კონტაქტები არასწორი ბაიტით იწყება სტრიქონებზე {lines}.',
};

const say = catalog<Key>({ en, ru, ka });

/** A reader's sentence in the office's language (English when the caller gave none). */
export function readerText(locale: Locale | undefined, key: Key, params: object = {}): string {
  return say(locale ?? 'en', key, params);
}
