// What the event-log adapters say to people when they refuse something, in the product's three languages.

import type { Checked } from '../../core/events';
import { catalog } from '../../core/i18n/catalog';
import type { Locale } from '../../core/i18n/locale';
import { orderText, OrderTextKey } from '../../core/orders/messages';

const en = {
  noEventsSheet: 'The Events sheet is missing or has no header row: run CRM → Set up.',
  noClient: 'Say who the event is with: a contact, an e-mail address or a phone number.',
  noKind: 'Choose the kind of event.',
  badDate: 'Cannot read the date "{value}".',
  badId: 'The event ID "{value}" is not valid.',
  notFound: 'There is no event with the ID "{id}" in the Events sheet: it may have been deleted.',
  contactGone: 'The contact {id} is no longer in Google Contacts.',
  cannotAssign: 'You cannot make {manager} responsible: only their head can.',
  cannotChange:
    'You cannot change this event: {manager} is responsible for it. Only they, their head, the director or the administrator can.',
  notOnStaff:
    'You are not on the Staff sheet, so you cannot make anyone responsible or change events: ask the director to add you.',
  unknownAction: 'Unknown change "{value}".',
  busy: 'Someone else is saving the event log right now; try again in a moment.',
  severalClients: 'Several clients match "{query}": {candidates}. Choose one, or log without a client.',
  unknownClient: 'No client matches "{query}". Choose a client, add a new one, or log without a client.',
  andMore: 'and {count} more',
  patchDone: 'Done: {what}.',
  patchResult: 'Result saved: {what}.',
  patchRescheduled: 'Moved to {when}: {what}.',
  patchCancelled: 'Cancelled: {what}.',
  patchAssigned: '{manager} is now responsible: {what}.',
  patchUndone: 'Back as it was: {what}.',
  patchPlanned: 'Planned for {when}: {what}.',
  changedSince: 'This event was changed again after that ({what}), so it cannot be undone.',
  noBirthday: 'There is no birthday on the card of {name}.',
};
type Key = keyof typeof en;

const ru: Record<Key, string> = {
  noEventsSheet: 'Нет листа «События» или в нём нет строки заголовков: выполните CRM → Настроить.',
  noClient: 'Укажите, с кем событие: контакт, e-mail или номер телефона.',
  noKind: 'Выберите вид события.',
  badDate: 'Не удалось прочитать дату «{value}».',
  badId: 'Неверный ID события «{value}».',
  notFound: 'На листе «События» нет события с ID «{id}»: возможно, его удалили.',
  contactGone: 'Контакта {id} больше нет в Google Контактах.',
  cannotAssign: 'Вы не можете назначить ответственным {manager}: это может сделать только руководитель.',
  cannotChange:
    'Вы не можете изменить это событие: за него отвечает {manager}. Это могут сделать только он сам, его руководитель, директор или администратор.',
  notOnStaff:
    'Вас нет на листе «Сотрудники», поэтому вы не можете назначать ответственных и менять события: попросите директора добавить вас.',
  unknownAction: 'Неизвестное изменение «{value}».',
  busy: 'Журнал событий сейчас сохраняет кто-то другой; попробуйте через минуту.',
  severalClients: 'Под «{query}» подходят несколько клиентов: {candidates}. Выберите одного или запишите без клиента.',
  unknownClient: 'Клиент «{query}» не найден. Выберите клиента, добавьте нового или запишите без клиента.',
  andMore: 'и ещё {count}',
  patchDone: 'Выполнено: {what}.',
  patchResult: 'Результат записан: {what}.',
  patchRescheduled: 'Перенесено на {when}: {what}.',
  patchCancelled: 'Отменено: {what}.',
  patchAssigned: 'Теперь отвечает {manager}: {what}.',
  patchUndone: 'Вернули как было: {what}.',
  patchPlanned: 'Запланировано на {when}: {what}.',
  changedSince: 'Это событие уже изменили после этого ({what}), отменить нельзя.',
  noBirthday: 'В карточке клиента {name} нет дня рождения.',
};

const ka: Record<Key, string> = {
  noEventsSheet: 'ფურცელი „მოვლენები“ არ არის ან მას სათაურების სტრიქონი არ აქვს: გაუშვით CRM → მომზადება.',
  noClient: 'მიუთითეთ, ვისთანაა მოვლენა: კონტაქტი, ელ-ფოსტა ან ტელეფონის ნომერი.',
  noKind: 'აირჩიეთ მოვლენის სახე.',
  badDate: 'თარიღი „{value}“ ვერ წავიკითხეთ.',
  badId: 'მოვლენის ID „{value}“ არასწორია.',
  notFound: 'ფურცელზე „მოვლენები“ ID „{id}“-ით მოვლენა არ არის: შესაძლოა, წაიშალა.',
  contactGone: 'კონტაქტი {id} აღარ არის Google კონტაქტებში.',
  cannotAssign: 'თქვენ არ შეგიძლიათ {manager}-ის პასუხისმგებლად დანიშვნა: ეს მხოლოდ მის ხელმძღვანელს შეუძლია.',
  cannotChange:
    'ამ მოვლენას ვერ შეცვლით: მასზე პასუხისმგებელია {manager}. ეს შეუძლიათ მხოლოდ მას, მის ხელმძღვანელს, დირექტორს ან ადმინისტრატორს.',
  notOnStaff:
    'თქვენ არ ხართ ფურცელზე „თანამშრომლები“, ამიტომ ვერ დანიშნავთ პასუხისმგებელს და ვერ შეცვლით მოვლენებს: სთხოვეთ დირექტორს, დაგამატოთ.',
  unknownAction: 'უცნობი ცვლილება „{value}“.',
  busy: 'მოვლენების ჟურნალს ახლა სხვა ინახავს; სცადეთ ცოტა ხანში.',
  severalClients: '„{query}“-ს რამდენიმე კლიენტი შეესაბამება: {candidates}. აირჩიეთ ერთი ან ჩაწერეთ კლიენტის გარეშე.',
  unknownClient: 'კლიენტი „{query}“ ვერ მოიძებნა. აირჩიეთ კლიენტი, დაამატეთ ახალი ან ჩაწერეთ კლიენტის გარეშე.',
  andMore: 'და კიდევ {count}',
  patchDone: 'შესრულდა: {what}.',
  patchResult: 'შედეგი ჩაიწერა: {what}.',
  patchRescheduled: 'გადაიტანეს {when}-ზე: {what}.',
  patchCancelled: 'გაუქმდა: {what}.',
  patchAssigned: 'ახლა პასუხისმგებელია {manager}: {what}.',
  patchUndone: 'დაბრუნდა როგორც იყო: {what}.',
  patchPlanned: 'დაიგეგმა {when}-ზე: {what}.',
  changedSince: 'ეს მოვლენა ამის შემდეგ უკვე შეცვალეს ({what}), ამიტომ ვერ გაუქმდება.',
  noBirthday: 'კლიენტის {name} ბარათში დაბადების დღე არ არის.',
};

export const logText = catalog<Key>({ en, ru, ka });

/**
 * A core decision's value, or its refusal thrown in the office's words. The office is asked its language only on a
 * refusal: reading it costs the Settings sheet, which the due list never pays for.
 */
export function accepted<T>(checked: Checked<T>, office: { readonly locale: Locale }): T {
  if (checked.ok) return checked.value;
  const { key, params } = checked.refusal;
  // An order's refusals are worded beside the order rules (core/orders/messages.ts), the rest here.
  const e = new Error(
    (ORDER_REFUSALS as string[]).includes(key)
      ? orderText(office.locale, key as OrderTextKey, params)
      : logText(office.locale, key as Key, params),
  );
  // The roles' refusals are told apart by name (the CLI exits 2 on them, as on any refusal): nothing was written.
  if (RIGHTS_REFUSALS.includes(key)) e.name = NOT_ALLOWED;
  throw e;
}

/** The error name of a refusal by the roles' rules (core/roles), here and in staff/guard.ts. */
export const NOT_ALLOWED = 'NotAllowed';
const RIGHTS_REFUSALS: string[] = ['cannotAssign', 'cannotChange', 'notOnStaff'];
const ORDER_REFUSALS: OrderTextKey[] = ['badAmountInput', 'badCurrency', 'badOrderState', 'notAnOrder'];
