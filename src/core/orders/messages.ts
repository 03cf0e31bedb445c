// The words of orders that reach people: a cell of the Events sheet that cannot be read as an order, and a refusal
// of an order typed in the sidebar or the CLI. Beside the rules they belong to (core/events/messages.ts does the same).

import { catalog } from '../i18n/catalog';

export const orderText = catalog({
  en: {
    badAmount: 'The amount "{value}" is not a number: write it as 15000 or 15 000,50.',
    badAmountInput:
      'The amount "{value}" is not allowed: a positive number up to 1 000 000 000 000 with at most 2 decimals.',
    badCurrency: 'The currency "{value}" is not a three-letter ISO code such as RUB, GEL, USD or EUR.',
    badOrderState: 'Unknown order state "{value}": use offer, ordered, invoiced, paid or cancelled.',
    noState:
      'The amount "{value}" has no order state, so it is not counted: choose offer, ordered, invoiced, paid or cancelled.',
    notAnOrder: 'This event is not an order: give it a state (offer, ordered, invoiced, paid or cancelled).',
    patchOrder: 'Order {state}: {what}.',
  },
  ru: {
    badAmount: 'Сумма «{value}» — не число: пишите её как 15000 или 15 000,50.',
    badAmountInput:
      'Сумма «{value}» недопустима: положительное число до 1 000 000 000 000, не больше 2 знаков после запятой.',
    badCurrency: 'Валюта «{value}» — не трёхбуквенный код ISO, например RUB, GEL, USD или EUR.',
    badOrderState:
      'Неизвестное состояние заказа «{value}»: используйте предложение, заказ, счёт выставлен, оплачен или отменён.',
    noState:
      'У суммы «{value}» нет состояния заказа, поэтому она не учтена: выберите предложение, заказ, счёт выставлен, оплачен или отменён.',
    notAnOrder: 'Это событие — не заказ: укажите состояние (предложение, заказ, счёт выставлен, оплачен или отменён).',
    patchOrder: 'Заказ — {state}: {what}.',
  },
  ka: {
    badAmount: 'თანხა „{value}“ რიცხვი არ არის: დაწერეთ როგორც 15000 ან 15 000,50.',
    badAmountInput:
      'თანხა „{value}“ დაუშვებელია: დადებითი რიცხვი 1 000 000 000 000-მდე, მძიმის შემდეგ არაუმეტეს 2 ციფრისა.',
    badCurrency: 'ვალუტა „{value}“ არ არის სამასოიანი ISO კოდი, მაგალითად RUB, GEL, USD ან EUR.',
    badOrderState:
      'შეკვეთის უცნობი მდგომარეობა „{value}“: გამოიყენეთ შეთავაზება, შეკვეთილი, ინვოისი გაგზავნილია, გადახდილი ან გაუქმებული.',
    noState:
      'თანხას „{value}“ შეკვეთის მდგომარეობა არ აქვს, ამიტომ არ ითვლება: აირჩიეთ შეთავაზება, შეკვეთილი, ინვოისი გაგზავნილია, გადახდილი ან გაუქმებული.',
    notAnOrder:
      'ეს მოვლენა შეკვეთა არ არის: მიუთითეთ მდგომარეობა (შეთავაზება, შეკვეთილი, ინვოისი გაგზავნილია, გადახდილი ან გაუქმებული).',
    patchOrder: 'შეკვეთა — {state}: {what}.',
  },
});

export type OrderTextKey = Parameters<typeof orderText>[1];
