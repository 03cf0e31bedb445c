// Words of the mailing engine that reach users: its refusals and the queue's state words (the Mailing sidebar's own
// labels live with the sidebar). Kept beside the rules that use them, as core/pbx/messages.ts does.

import { catalog } from '../i18n/catalog';

export const mailingText = catalog({
  en: {
    noRecipients: 'Say who gets the mailing: a label, a filter or clients picked by hand.',
    noTemplate: 'The message is empty: type its text or give a Google Doc.',
    docTitle: 'Mailing template — {words}',
    noSubject: 'An e-mail needs a subject: type one, or start the text with a line "Subject: …".',
    unknownFields: 'The template names fields no card has: {fields}. Correct them before sending.',
    noMailing: 'No mailing with the id "{id}".',
    badChannel: 'Unknown channel "{channel}": use email or sms.',
    templateTooLong: 'The message is {chars} characters long; a mailing message may have at most {max}.',
    docUnreadable:
      'The Google Doc "{doc}" could not be read ({message}). The CRM may open only Docs it made or that were picked for it in Google Drive.',
    stopped: 'stopped',
    quotaGone: 'the daily quota is used up',
  },
  ru: {
    noRecipients: 'Укажите, кому рассылка: категорию, фильтр или выбранных клиентов.',
    noTemplate: 'Сообщение пустое: введите текст или укажите Google-документ.',
    docTitle: 'Шаблон рассылки — {words}',
    noSubject: 'У письма должна быть тема: введите её или начните текст строкой «Тема: …».',
    unknownFields: 'В шаблоне есть поля, которых нет в карточке: {fields}. Исправьте их перед отправкой.',
    noMailing: 'Рассылки с номером «{id}» нет.',
    badChannel: 'Неизвестный канал «{channel}»: email или sms.',
    templateTooLong: 'В сообщении {chars} знаков; в сообщении рассылки их может быть не больше {max}.',
    docUnreadable:
      'Не удалось прочитать Google-документ «{doc}» ({message}). CRM открывает только документы, которые создала сама или которые для неё выбрали в Google Диске.',
    stopped: 'остановлено',
    quotaGone: 'дневная квота исчерпана',
  },
  ka: {
    noRecipients: 'მიუთითეთ, ვის ეგზავნება: კატეგორია, ფილტრი ან ხელით არჩეული კლიენტები.',
    noTemplate: 'შეტყობინება ცარიელია: შეიყვანეთ ტექსტი ან მიუთითეთ Google-დოკუმენტი.',
    docTitle: 'დაგზავნის შაბლონი — {words}',
    noSubject: 'წერილს თემა სჭირდება: შეიყვანეთ ან დაიწყეთ ტექსტი სტრიქონით „Subject: …“.',
    unknownFields: 'შაბლონში არის ველები, რომლებიც ბარათს არ აქვს: {fields}. გაასწორეთ გაგზავნამდე.',
    noMailing: 'დაგზავნა ნომრით „{id}“ არ არსებობს.',
    badChannel: 'უცნობი არხი „{channel}“: email ან sms.',
    templateTooLong: 'შეტყობინებაში {chars} სიმბოლოა; დაგზავნის შეტყობინებაში მაქსიმუმ {max}.',
    docUnreadable:
      'Google-დოკუმენტი „{doc}“ ვერ წავიკითხე ({message}). CRM ხსნის მხოლოდ იმ დოკუმენტებს, რომლებიც თვითონ შექმნა ან Google Drive-ში მისთვის აირჩიეს.',
    stopped: 'შეჩერებულია',
    quotaGone: 'დღიური ლიმიტი ამოიწურა',
  },
});
