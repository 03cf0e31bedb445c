// What the import says to the office on the server's side, in the three languages of the product: the account's
// limit (refused before anything is written) and a pause on People's quota (run again later to carry on).

import { catalog } from '../../core/i18n/catalog';

export const importMessage = catalog({
  en: {
    accountLimit:
      "This import would pass Google Contacts' limit of {limit} contacts: the account has {contacts} and the file " +
      'would add {adding} new ones ({over} too many). Nothing was written. Remove clients from the file or from ' +
      'Google Contacts and try again.',
    quotaPaused:
      "Google Contacts' request quota is used up for now: the import paused after {done} of {total} batches. Press " +
      'Import again in a minute (or tomorrow, if the daily quota is spent): it carries on where it stopped.',
    quotaWaiting:
      "Google Contacts' per-minute request quota is used up: {done} of {total} batches are written; the import " +
      'carries on by itself in a moment.',
    dailyQuotaPaused:
      "Google Contacts' daily limit on new contacts is reached: the import paused after {done} of {total} batches. " +
      'Press Import again tomorrow: it carries on where it stopped.',
  },
  ru: {
    accountLimit:
      'Импорт превысил бы лимит Google Контактов — {limit} контактов: в аккаунте уже {contacts}, файл добавил бы ' +
      'ещё {adding} (лишних: {over}). Ничего не записано. Уберите часть клиентов из файла или из Google Контактов ' +
      'и повторите.',
    quotaPaused:
      'Квота запросов Google Контактов пока исчерпана: импорт приостановлен после {done} из {total} пакетов. ' +
      'Нажмите «Импорт» ещё раз через минуту (или завтра, если исчерпана дневная квота) — он продолжится с того ' +
      'места, где остановился.',
    quotaWaiting:
      'Поминутная квота запросов Google Контактов исчерпана: записано {done} из {total} пакетов, импорт сам ' +
      'продолжится через минуту.',
    dailyQuotaPaused:
      'Дневной лимит Google Контактов на новые контакты исчерпан: импорт приостановлен после {done} из {total} ' +
      'пакетов. Нажмите «Импорт» завтра — он продолжится с того места, где остановился.',
  },
  ka: {
    accountLimit:
      'იმპორტი გადააჭარბებდა Google Contacts-ის ლიმიტს — {limit} კონტაქტი: ანგარიშში უკვე არის {contacts}, ფაილი ' +
      'დაამატებდა კიდევ {adding} ახალს (ზედმეტია {over}). არაფერი ჩაწერილა. ამოიღეთ კლიენტების ნაწილი ფაილიდან ' +
      'ან Google Contacts-იდან და სცადეთ ხელახლა.',
    quotaPaused:
      'Google Contacts-ის მოთხოვნების კვოტა ამჟამად ამოწურულია: იმპორტი შეჩერდა {done} პაკეტის შემდეგ ({total}-დან). ' +
      'დააჭირეთ „იმპორტს“ ხელახლა ერთ წუთში (ან ხვალ, თუ დღიური კვოტაა ამოწურული) — ის გაგრძელდება იქიდან, ' +
      'სადაც შეჩერდა.',
    quotaWaiting:
      'Google Contacts-ის წუთობრივი მოთხოვნების კვოტა ამოწურულია: ჩაწერილია {done} პაკეტი ({total}-დან), ' +
      'იმპორტი თავად გაგრძელდება ერთ წუთში.',
    dailyQuotaPaused:
      'Google Contacts-ის ახალი კონტაქტების დღიური ლიმიტი ამოწურულია: იმპორტი შეჩერდა {done} პაკეტის შემდეგ ' +
      '({total}-დან). დააჭირეთ „იმპორტს“ ხვალ — ის გაგრძელდება იქიდან, სადაც შეჩერდა.',
  },
});
