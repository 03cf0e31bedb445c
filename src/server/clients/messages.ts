// What the client card adapters say when they refuse something, in the product's three languages.

import { catalog } from '../../core/i18n/catalog';

const en = {
  notOne: '"{query}" does not name one client: give a contact, an e-mail address or a phone number.',
  noMatch: 'No client matches "{query}".',
  badPhone: 'Cannot read the phone number "{value}" (default country {country}).',
  badEmail: '"{value}" is not an e-mail address.',
  badDate: 'Cannot read the date "{value}": write it as dd.mm.yyyy or yyyy-mm-dd.',
  needName: 'Give the new client a name or an e-mail address.',
  contactGone: 'The contact {id} is no longer in Google Contacts.',
};
type Key = keyof typeof en;

const ru: Record<Key, string> = {
  notOne: '«{query}» не указывает на одного клиента: укажите контакт, e-mail или номер телефона.',
  noMatch: 'Нет клиента, подходящего под «{query}».',
  badPhone: 'Не удалось прочитать номер «{value}» (страна по умолчанию {country}).',
  badEmail: '«{value}» — не адрес e-mail.',
  badDate: 'Не удалось прочитать дату «{value}»: напишите её как дд.мм.гггг или гггг-мм-дд.',
  needName: 'Укажите имя нового клиента или его e-mail.',
  contactGone: 'Контакта {id} больше нет в Google Контактах.',
};

const ka: Record<Key, string> = {
  notOne: '„{query}“ ერთ კლიენტს არ აღნიშნავს: მიუთითეთ კონტაქტი, ელ-ფოსტა ან ტელეფონის ნომერი.',
  noMatch: '„{query}“-ს არცერთი კლიენტი არ ემთხვევა.',
  badPhone: 'ნომერი „{value}“ ვერ წავიკითხეთ (ნაგულისხმევი ქვეყანა {country}).',
  badEmail: '„{value}“ ელ-ფოსტის მისამართი არ არის.',
  badDate: 'თარიღი „{value}“ ვერ წავიკითხეთ: დაწერეთ დდ.თთ.წწწწ ან წწწწ-თთ-დდ ფორმით.',
  needName: 'მიუთითეთ ახალი კლიენტის სახელი ან ელ-ფოსტა.',
  contactGone: 'კონტაქტი {id} აღარ არის Google კონტაქტებში.',
};

export const clientText = catalog<Key>({ en, ru, ka });

/**
 * A text that names no one client. Its `name` travels through google.script.run and the CLI's serverRpc, so the CLI
 * tells this refusal (exit 2) from a failure (exit 1).
 */
export function notResolved(message: string): Error {
  const e = new Error(message);
  e.name = 'ClientNotResolved';
  return e;
}

/** A card change the rules refuse (a phone that does not parse, a date that is no date): nothing was written. */
export function refusedChange(message: string): Error {
  const e = new Error(message);
  e.name = 'ClientChangeRefused';
  return e;
}
