// A journalled change in the office's words, for the Client sidebar's "Changes" and `crm journal`: per field
// "Phone: +7 912 … → +7 913 …", and why a revert was refused.

import { catalog } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';
import { displayValue } from '../import/plan/merge';
import { LABELS_FIELD } from './journal';
import type { ContactChange, ContactState } from './types';
import type { RevertRefusal } from './revert';

export const journalText = catalog({
  en: {
    names: 'Name',
    nicknames: 'Nickname',
    birthdays: 'Birthday',
    biographies: 'Notes',
    organizations: 'Company',
    phoneNumbers: 'Phone',
    emailAddresses: 'E-mail',
    addresses: 'Address',
    urls: 'Website',
    events: 'Dates',
    userDefined: 'Custom fields',
    clientData: 'CRM fields',
    memberships: 'Labels',
    empty: '—',
    created: 'Added',
    deleted: 'Deleted',
    'changed-since': 'Not undone: the client was changed again since ({fields}). Check the card and edit by hand.',
    'already-reverted': 'This change has already been undone.',
    gone: 'Not undone: the contact no longer exists.',
    unknown: 'There is no change {id} in the journal.',
  },
  ru: {
    names: 'Имя',
    nicknames: 'Псевдоним',
    birthdays: 'День рождения',
    biographies: 'Комментарий',
    organizations: 'Компания',
    phoneNumbers: 'Телефон',
    emailAddresses: 'E-mail',
    addresses: 'Адрес',
    urls: 'Сайт',
    events: 'Даты',
    userDefined: 'Свои поля',
    clientData: 'Поля CRM',
    memberships: 'Метки',
    empty: '—',
    created: 'Добавлен',
    deleted: 'Удалён',
    'changed-since':
      'Не отменено: клиента с тех пор изменили ещё раз ({fields}). Проверьте карточку и поправьте вручную.',
    'already-reverted': 'Это изменение уже отменено.',
    gone: 'Не отменено: контакта больше нет.',
    unknown: 'В журнале нет изменения {id}.',
  },
  ka: {
    names: 'სახელი',
    nicknames: 'მეტსახელი',
    birthdays: 'დაბადების დღე',
    biographies: 'კომენტარი',
    organizations: 'კომპანია',
    phoneNumbers: 'ტელეფონი',
    emailAddresses: 'ელფოსტა',
    addresses: 'მისამართი',
    urls: 'ვებგვერდი',
    events: 'თარიღები',
    userDefined: 'საკუთარი ველები',
    clientData: 'CRM-ის ველები',
    memberships: 'იარლიყები',
    empty: '—',
    created: 'დაემატა',
    deleted: 'წაიშალა',
    'changed-since': 'არ გაუქმდა: კლიენტი მას შემდეგ კიდევ შეიცვალა ({fields}). შეამოწმეთ ბარათი და შეასწორეთ ხელით.',
    'already-reverted': 'ეს ცვლილება უკვე გაუქმებულია.',
    gone: 'არ გაუქმდა: კონტაქტი აღარ არსებობს.',
    unknown: 'ჟურნალში ცვლილება {id} არ არის.',
  },
});

type Word = Parameters<typeof journalText>[1];
const VALUE_CHARS = 80;

/** A People field's name in the office's words (Google's name when we have none). */
export function fieldWord(locale: Locale, field: string): string {
  try {
    const word = journalText(locale, field as Word);
    return word === undefined ? field : word;
  } catch {
    return field;
  }
}

function cut(text: string): string {
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS - 1)}…` : text;
}

/** One field's value in a state, as a short line. */
function valueText(locale: Locale, state: ContactState | undefined, field: string): string {
  if (!state) return journalText(locale, 'empty');
  if (field === LABELS_FIELD) return (state.labels ?? []).join(', ') || journalText(locale, 'empty');
  const v = (state.person as Record<string, unknown>)[field];
  const list = (Array.isArray(v) ? v : v === undefined ? [] : [v]) as Array<Record<string, unknown>>;
  const text = list
    .map((e) => {
      if (field === 'userDefined' || field === 'clientData') return `${String(e.key ?? '')}: ${String(e.value ?? '')}`;
      return displayValue(field, e);
    })
    .filter(Boolean)
    .join(', ');
  return cut(text) || journalText(locale, 'empty');
}

/** "Phone: +7 912 → +7 913; Labels: VIP → —" (a created or deleted contact says so first). */
export function changeSummary(change: ContactChange, locale: Locale): string {
  const lines = change.fields.map(
    (f) => `${fieldWord(locale, f)}: ${valueText(locale, change.before, f)} → ${valueText(locale, change.after, f)}`,
  );
  if (change.action === 'created' || change.action === 'deleted') lines.unshift(journalText(locale, change.action));
  return lines.join('; ');
}

/** Why a revert was refused, naming the fields changed since. */
export function refusalText(reason: RevertRefusal, change: ContactChange, locale: Locale): string {
  return journalText(locale, reason, { fields: change.fields.map((f) => fieldWord(locale, f)).join(', ') });
}
