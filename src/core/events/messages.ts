// Words of the event log that reach users: row problems and the calendar event text. Kept beside the logic they
// belong to rather than in the shared UI catalogue, which the sidebars load.

import { catalog } from '../i18n/catalog';

export const eventText = catalog({
  en: {
    noHeader: 'The sheet has no header row with the columns "Date and time" and "Status".',
    noColumn: 'The column "{column}" is missing.',
    noDate: 'The date is empty.',
    badDate: 'Cannot read the date "{value}": write it as dd.mm.yyyy hh:mm.',
    badStatus: 'Unknown status "{value}": use planned, done or cancelled.',
    duplicateId: 'The ID "{value}" is already used in row {other}: the row was skipped.',
    client: 'Client',
    phone: 'Phone',
    reason: 'Reason',
    nextStep: 'Next step',
    manager: 'Manager',
    eventTag: 'CRM event',
  },
  ru: {
    noHeader: 'На листе нет строки заголовков со столбцами «Дата и время» и «Статус».',
    noColumn: 'Нет столбца «{column}».',
    noDate: 'Не указана дата.',
    badDate: 'Не удалось прочитать дату «{value}»: пишите её как дд.мм.гггг чч:мм.',
    badStatus: 'Неизвестный статус «{value}»: используйте план, сделано или отменено.',
    duplicateId: 'ID «{value}» уже есть в строке {other}: строка пропущена.',
    client: 'Клиент',
    phone: 'Телефон',
    reason: 'Повод',
    nextStep: 'Следующий шаг',
    manager: 'Менеджер',
    eventTag: 'Событие CRM',
  },
  ka: {
    noHeader: 'ფურცელს არ აქვს სათაურების სტრიქონი სვეტებით „თარიღი და დრო“ და „სტატუსი“.',
    noColumn: 'სვეტი „{column}“ არ არის.',
    noDate: 'თარიღი ცარიელია.',
    badDate: 'თარიღი „{value}“ ვერ წავიკითხეთ: ჩაწერეთ ასე: დდ.თთ.წწწწ სს:წწ.',
    badStatus: 'უცნობი სტატუსი „{value}“: გამოიყენეთ დაგეგმილი, შესრულებული ან გაუქმებული.',
    duplicateId: 'ID „{value}“ უკვე გამოყენებულია სტრიქონში {other}: სტრიქონი გამოტოვებულია.',
    client: 'კლიენტი',
    phone: 'ტელეფონი',
    reason: 'მიზეზი',
    nextStep: 'შემდეგი ნაბიჯი',
    manager: 'მენეჯერი',
    eventTag: 'CRM მოვლენა',
  },
});
