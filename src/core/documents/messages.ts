// What making and e-mailing an offer or an invoice says to people, in the product's three languages.

import { catalog } from '../i18n/catalog';

const en = {
  offer: 'offer',
  invoice: 'invoice',
  badTemplate: 'Choose the document: offer or invoice.',
  noClient: 'The event "{what}" is not linked to a client card, and a document is made from the card: link it first.',
  missing: 'The {document} was not made: {fields} is empty. Fill it in and make the {document} again.',
  unknown:
    'The {document} template names fields the CRM does not know: {fields}. Correct them in the template; the fields are {known}.',
  unreachable:
    'The template {id} (Settings → {setting}) cannot be opened. The CRM reaches only the files it created (it has access to those alone), so a Doc of your own cannot be used as it is: clear the setting, and the CRM makes its own template, whose link then shows in Settings, for you to edit.',
  notTemplate: 'The file {id} (Settings → {setting}) is not a Google Doc{sheet}: give a Doc as the template.',
  orSheet: ' or a Google Sheet',
  exportFailed: 'Google Drive did not turn the {document} into a PDF (answer {status}); try again in a moment.',
  noEmail: 'There is no e-mail address on the card of {name}: add one, or send the {document} yourself.',
  subject: '{Document} No. {number} — {office}',
  body: 'Hello, {name}.\n\nPlease find attached our {document} No. {number}.\n\nKind regards,\n{office}',
  sent: '{Document} No. {number} sent to {email}',
  setting: 'Settings → {key}',
  templateNote: 'Made by the CRM: edit the wording, keep the {{fields}}.',
};
type Key = keyof typeof en;

const ru: Record<Key, string> = {
  offer: 'коммерческое предложение',
  invoice: 'счёт',
  badTemplate: 'Выберите документ: offer (предложение) или invoice (счёт).',
  noClient: 'Событие «{what}» не связано с карточкой клиента, а документ заполняется из карточки: сначала свяжите их.',
  missing: 'Документ «{document}» не создан: не заполнено {fields}. Заполните и создайте документ снова.',
  unknown:
    'В шаблоне документа «{document}» есть поля, которых CRM не знает: {fields}. Исправьте их в шаблоне; поля такие: {known}.',
  unreachable:
    'Шаблон {id} (Настройки → {setting}) не открывается. CRM видит только созданные ею файлы (доступ у неё только к ним), поэтому свой документ напрямую использовать нельзя: очистите настройку — CRM создаст свой шаблон, ссылка на него появится в Настройках, его и редактируйте.',
  notTemplate: 'Файл {id} (Настройки → {setting}) — не Google Документ{sheet}: укажите шаблоном Документ.',
  orSheet: ' и не Google Таблица',
  exportFailed: 'Google Диск не смог сохранить документ «{document}» в PDF (ответ {status}); попробуйте чуть позже.',
  noEmail: 'В карточке клиента {name} нет e-mail: добавьте его или отправьте документ «{document}» сами.',
  subject: '{Document} № {number} — {office}',
  body: 'Здравствуйте, {name}!\n\nВо вложении наш документ «{document}» № {number}.\n\nС уважением,\n{office}',
  sent: '{Document} № {number} отправлен на {email}',
  setting: 'Настройки → {key}',
  templateNote: 'Создан CRM: меняйте текст, поля {{…}} оставьте.',
};

const ka: Record<Key, string> = {
  offer: 'კომერციული შეთავაზება',
  invoice: 'ანგარიშ-ფაქტურა',
  badTemplate: 'აირჩიეთ დოკუმენტი: offer (შეთავაზება) ან invoice (ანგარიშ-ფაქტურა).',
  noClient: 'მოვლენა „{what}“ კლიენტის ბარათთან არ არის დაკავშირებული, დოკუმენტი კი ბარათიდან ივსება: ჯერ დააკავშირეთ.',
  missing: 'დოკუმენტი „{document}“ არ შეიქმნა: შეუვსებელია {fields}. შეავსეთ და შექმენით თავიდან.',
  unknown:
    'დოკუმენტის „{document}“ შაბლონში არის ველები, რომლებსაც CRM არ იცნობს: {fields}. გაასწორეთ შაბლონში; ველებია: {known}.',
  unreachable:
    'შაბლონი {id} (პარამეტრები → {setting}) არ იხსნება. CRM ხედავს მხოლოდ მის მიერ შექმნილ ფაილებს, ამიტომ საკუთარი დოკუმენტის პირდაპირ გამოყენება შეუძლებელია: გაასუფთავეთ პარამეტრი — CRM შექმნის თავის შაბლონს, მისი ბმული პარამეტრებში გამოჩნდება, ის დაარედაქტირეთ.',
  notTemplate: 'ფაილი {id} (პარამეტრები → {setting}) არ არის Google Doc{sheet}: შაბლონად მიუთითეთ Doc.',
  orSheet: ' ან Google Sheet',
  exportFailed: 'Google Drive-მა დოკუმენტი „{document}“ PDF-ად ვერ შეინახა (პასუხი {status}); სცადეთ ცოტა ხანში.',
  noEmail: 'კლიენტის {name} ბარათში ელ-ფოსტა არ არის: დაამატეთ ან დოკუმენტი „{document}“ თავად გაგზავნეთ.',
  subject: '{Document} № {number} — {office}',
  body: 'გამარჯობა, {name}!\n\nდანართში გიგზავნით დოკუმენტს „{document}“ № {number}.\n\nპატივისცემით,\n{office}',
  sent: '{Document} № {number} გაიგზავნა მისამართზე {email}',
  setting: 'პარამეტრები → {key}',
  templateNote: 'შექმნილია CRM-ის მიერ: შეცვალეთ ტექსტი, ველები {{…}} დატოვეთ.',
};

export const documentText = catalog<Key>({ en, ru, ka });
