// Words of telephony processing that reach users: an event's result text, the Callbacks and New callers sheets' state
// words, and why an Inbox row could not be used. Kept beside the rules that use them (core/events/messages.ts does the
// same), not in the sidebars' catalogue.

import { catalog } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';

export const pbxText = catalog({
  en: {
    in: 'Incoming',
    out: 'Outgoing',
    talk: 'talk {time}',
    line: 'line {line}',
    extension: 'ext. {extension}',
    recording: 'recording: {recording}',
    hidden: 'Hidden number',
    open: 'open',
    closed: 'closed',
    byCall: 'call',
    byHand: 'by hand',
    new: 'new',
    added: 'added',
    ignored: 'ignored',
    noCall: 'No call with this id ended within a day: the recording was not attached.',
    unknownProvider: 'Unknown PBX "{provider}".',
    badPayload: 'The stored request is not readable JSON.',
    readFailed: 'The request could not be read: {message}',
    noCallback: 'No open callback for {phone}.',
    badPhone: 'Not a phone number: "{phone}".',
    noCaller: 'No new caller with the number {phone}.',
  },
  ru: {
    in: 'Входящий',
    out: 'Исходящий',
    talk: 'разговор {time}',
    line: 'линия {line}',
    extension: 'доб. {extension}',
    recording: 'запись: {recording}',
    hidden: 'Скрытый номер',
    open: 'открыт',
    closed: 'закрыт',
    byCall: 'звонок',
    byHand: 'вручную',
    new: 'новый',
    added: 'добавлен',
    ignored: 'пропущен',
    noCall: 'Звонок с этим id не завершился за сутки: запись не привязана.',
    unknownProvider: 'Неизвестная АТС «{provider}».',
    badPayload: 'Сохранённый запрос — не JSON.',
    readFailed: 'Запрос не удалось прочитать: {message}',
    noCallback: 'Для {phone} нет открытого «перезвонить».',
    badPhone: 'Это не номер телефона: «{phone}».',
    noCaller: 'Нет нового абонента с номером {phone}.',
  },
  ka: {
    in: 'შემომავალი',
    out: 'გამავალი',
    talk: 'საუბარი {time}',
    line: 'ხაზი {line}',
    extension: 'შიდა {extension}',
    recording: 'ჩანაწერი: {recording}',
    hidden: 'დამალული ნომერი',
    open: 'ღია',
    closed: 'დახურული',
    byCall: 'ზარი',
    byHand: 'ხელით',
    new: 'ახალი',
    added: 'დამატებული',
    ignored: 'გამოტოვებული',
    noCall: 'ამ id-ის ზარი დღის განმავლობაში არ დასრულებულა: ჩანაწერი არ მიება.',
    unknownProvider: 'უცნობი ატს „{provider}“.',
    badPayload: 'შენახული მოთხოვნა JSON არ არის.',
    readFailed: 'მოთხოვნა ვერ წავიკითხეთ: {message}',
    noCallback: '{phone}-ისთვის ღია გადარეკვა არ არის.',
    badPhone: 'ეს ტელეფონის ნომერი არ არის: „{phone}“.',
    noCaller: 'ახალი აბონენტი ნომრით {phone} არ არის.',
  },
});

const LOCALES: Locale[] = ['ru', 'en', 'ka'];

/** A state word of one of our sheets in the office's language, read back in any of our languages (or as the code). */
export function wordOf<C extends string>(
  codes: Record<C, Parameters<typeof pbxText>[1]>,
  cell: unknown,
): C | undefined {
  const text = String(cell ?? '')
    .trim()
    .toLowerCase();
  if (!text) return undefined;
  for (const code of Object.keys(codes) as C[]) {
    if (text === code.toLowerCase()) return code;
    if (LOCALES.some((l) => pbxText(l, codes[code]).toLowerCase() === text)) return code;
  }
  return undefined;
}

/** Talk time as people read it: 45 s, 3:25, 1:02:10. */
export function talkTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `0:${two(s)}`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}
