// What the mass-deletion guard says, in the office's language: the one e-mail per incident (plain text: MailApp's
// body is not HTML, so a client's name needs no escaping there) and the page the one-click restore link answers
// (HTML: every name and number escaped).

import { escapeHtml } from '../html';
import { catalog } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';
import type { MassDeletion } from './guard';

/** Names listed in the e-mail; the rest are counted ("and 40 more"). */
export const MAIL_NAMES = 30;

const en = {
  subject: 'CRM: {deleted} clients deleted outside the CRM since last night',
  intro:
    'Since last night {deleted} of {of} clients were deleted, or taken out of a label, outside the CRM (the Google Contacts app or a phone). This is more than the {percent} % the CRM watches for.',
  labelLine: 'Label "{label}": {deleted} of {of} gone.',
  namesHead: 'Clients:',
  more: '…and {count} more.',
  link: 'To bring exactly these clients back from the backup of {night} (fields, labels, their events relinked), open:',
  ignore: 'If this was intended, do nothing: the link only restores, it deletes nothing.',
  pageTitle: 'CRM restore',
  restored:
    'Restored from the backup of {night}: {created} clients created again, {updated} brought back, {unchanged} already as they were; {events} events relinked.',
  already: 'These clients were already restored on {at}. Nothing was changed.',
  refused: 'This link is not valid. Nothing was changed.',
  failed: 'The restore did not finish: {message}. Open the link again to continue.',
  paused: 'The restore is not finished yet: open the link again to continue.',
};
type Key = keyof typeof en;

const ru: Record<Key, string> = {
  subject: 'CRM: с прошлой ночи вне CRM удалено клиентов: {deleted}',
  intro:
    'С прошлой ночи вне CRM (в приложении «Google Контакты» или на телефоне) удалено или убрано из ярлыка {deleted} из {of} клиентов. Это больше {percent} %, за которыми следит CRM.',
  labelLine: 'Ярлык «{label}»: ушло {deleted} из {of}.',
  namesHead: 'Клиенты:',
  more: '…и ещё {count}.',
  link: 'Чтобы вернуть именно этих клиентов из резервной копии за {night} (поля, ярлыки, их события снова привязаны), откройте:',
  ignore: 'Если так и задумано, ничего не делайте: ссылка только восстанавливает и ничего не удаляет.',
  pageTitle: 'Восстановление CRM',
  restored:
    'Восстановлено из копии за {night}: создано заново {created}, возвращено {updated}, уже были как тогда {unchanged}; событий перепривязано: {events}.',
  already: 'Эти клиенты уже восстановлены {at}. Ничего не изменено.',
  refused: 'Ссылка недействительна. Ничего не изменено.',
  failed: 'Восстановление не завершилось: {message}. Откройте ссылку ещё раз, чтобы продолжить.',
  paused: 'Восстановление ещё не закончено: откройте ссылку ещё раз, чтобы продолжить.',
};

const ka: Record<Key, string> = {
  subject: 'CRM: წუხანდელი ღამის შემდეგ CRM-ის გარეთ წაიშალა {deleted} კლიენტი',
  intro:
    'წუხანდელი ღამის შემდეგ CRM-ის გარეთ (Google Contacts აპში ან ტელეფონზე) წაიშალა ან ლეიბლიდან ამოიღეს {of}-დან {deleted} კლიენტი. ეს მეტია {percent} %-ზე, რასაც CRM ადევნებს თვალს.',
  labelLine: 'ლეიბლი „{label}“: {of}-დან წავიდა {deleted}.',
  namesHead: 'კლიენტები:',
  more: '…და კიდევ {count}.',
  link: 'ზუსტად ამ კლიენტების დასაბრუნებლად {night}-ის სარეზერვო ასლიდან (ველები, ლეიბლები, მათი მოვლენები ხელახლა მიბმული), გახსენით:',
  ignore: 'თუ ეს განზრახ იყო, არაფერი გააკეთოთ: ბმული მხოლოდ აღადგენს და არაფერს შლის.',
  pageTitle: 'CRM-ის აღდგენა',
  restored:
    'აღდგენილია {night}-ის ასლიდან: ხელახლა შეიქმნა {created}, დაბრუნდა {updated}, უკვე ისე იყო {unchanged}; ხელახლა მიება {events} მოვლენა.',
  already: 'ეს კლიენტები უკვე აღდგენილია {at}. არაფერი შეცვლილა.',
  refused: 'ბმული არასწორია. არაფერი შეცვლილა.',
  failed: 'აღდგენა არ დასრულდა: {message}. გასაგრძელებლად კვლავ გახსენით ბმული.',
  paused: 'აღდგენა ჯერ არ დასრულებულა: გასაგრძელებლად კვლავ გახსენით ბმული.',
};

export const guardText = catalog<Key>({ en, ru, ka });

export interface GuardMailInput {
  locale: Locale;
  alert: MassDeletion;
  percent: number;
  /** Display names of the contacts to bring back, in the office's order. */
  names: string[];
  night: string;
  link: string;
}

export function guardMail(input: GuardMailInput): { subject: string; body: string } {
  const { locale, alert } = input;
  const gone = alert.affected.length;
  const t = (key: Key, params: object = {}) => guardText(locale, key, params);
  const lines = [t('intro', { deleted: gone, of: alert.total.of, percent: input.percent }), ''];
  for (const l of alert.labels.filter((x) => x.over)) lines.push(t('labelLine', l));
  lines.push('', t('namesHead'));
  for (const name of input.names.slice(0, MAIL_NAMES)) lines.push(`- ${name}`);
  if (input.names.length > MAIL_NAMES) lines.push(t('more', { count: input.names.length - MAIL_NAMES }));
  lines.push('', t('link', { night: input.night }), input.link, '', t('ignore'));
  return { subject: t('subject', { deleted: gone }), body: lines.join('\n') };
}

/** The page the link answers: one paragraph, escaped. */
export function guardPage(locale: Locale, key: Key, params: object = {}): string {
  const title = escapeHtml(guardText(locale, 'pageTitle'));
  const text = escapeHtml(guardText(locale, key, params));
  return `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
}
