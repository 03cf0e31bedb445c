// The merge's rules, pure: who gets which message and why the others do not, the subject line of a template file,
// and the card fields as an office writes them (dates dd.mm.yyyy hh:mm in the office's zone).

import type { ClientSummary } from '../../../src/core/card-index';
import { planMailing, Recipient, resultOf } from '../../../src/core/mailing/plan';
import { splitTemplate } from '../../../src/core/mailing/template-text';
import { parseUnsubscribed } from '../../../src/core/events/lists';
import { toE164 } from '../../../src/core/phone';

function client(i: number, over: Partial<ClientSummary> = {}): ClientSummary {
  return {
    resourceName: `people/c${i}`,
    name: `Клиент${i} Имя${i}`,
    phones: [`+7916100000${i}`],
    emails: [`c${i}@example.ru`],
    labels: ['VIP'],
    manager: 'Анна',
    lastContact: '2026-02-20T07:30:00Z',
    nextPlanned: '2026-03-05T11:00:00Z',
    birthday: '--04-12',
    lastReason: '',
    lastKind: '',
    missed: null,
    ...over,
  };
}

const base = {
  subject: '{{givenName}}, приглашение',
  body: 'Ждём вас {{nextPlanned}}. Менеджер: {{manager}}. ДР: {{birthday}}. {{office.name}}',
  unsubscribeLabel: 'Отписались',
  unsubscribed: new Set(['c3@example.ru', '+79161000004']),
  office: { 'office.name': 'Салон' },
  timeZone: 'Europe/Moscow',
};

const r = (c: ClientSummary, givenName = `Имя${c.resourceName.slice(-1)}`): Recipient => ({
  client: c,
  contact: { givenName },
});

test('e-mail: filled messages; no e-mail, unsubscribed (label or list), missing field and a repeated address skipped', () => {
  const plan = planMailing({
    ...base,
    channel: 'email',
    recipients: [
      r(client(1)),
      r(client(2, { emails: [] })),
      r(client(3)),
      r(client(5, { labels: ['отписались'] })),
      r(client(6), ''),
      r(client(7, { emails: ['c1@example.ru'] })),
    ],
  });
  expect(plan.messages).toEqual([
    {
      client: 'Клиент1 Имя1',
      clientId: 'people/c1',
      to: 'c1@example.ru',
      subject: 'Имя1, приглашение',
      text: 'Ждём вас 05.03.2026 14:00. Менеджер: Анна. ДР: 12.04. Салон',
    },
  ]);
  expect(plan.skipped.map((s) => [s.clientId, s.reason, s.detail])).toEqual([
    ['people/c2', 'no-email', undefined],
    ['people/c3', 'unsubscribed', undefined],
    ['people/c5', 'unsubscribed', undefined],
    ['people/c6', 'missing-field', 'givenName'],
    ['people/c7', 'duplicate-address', 'c1@example.ru'],
  ]);
  expect(plan.unknown).toEqual([]);
});

test('SMS: the first E.164 number; a card with only other numbers is "not E.164"; the list blocks a number', () => {
  const plan = planMailing({
    ...base,
    channel: 'sms',
    subject: '',
    body: '{{givenName}}, ждём вас',
    recipients: [
      r(client(1)),
      r(client(4)),
      { client: client(8, { phones: [] }), contact: { givenName: 'Имя8' }, otherPhones: ['555-12'] },
      { client: client(9, { phones: [] }), contact: { givenName: 'Имя9' } },
    ],
  });
  expect(plan.messages).toEqual([
    { client: 'Клиент1 Имя1', clientId: 'people/c1', to: '+79161000001', text: 'Имя1, ждём вас' },
  ]);
  expect(plan.skipped.map((s) => [s.clientId, s.reason, s.detail])).toEqual([
    ['people/c4', 'unsubscribed', undefined],
    ['people/c8', 'not-e164', '555-12'],
    ['people/c9', 'no-phone', undefined],
  ]);
});

test('a typo names no field: listed as unknown, left visible in the text', () => {
  const plan = planMailing({
    ...base,
    channel: 'email',
    body: 'Здравствуйте, {{givenname}}',
    recipients: [r(client(1))],
  });
  expect(plan.unknown).toEqual(['givenname']);
  expect(plan.messages[0].text).toBe('Здравствуйте, {{givenname}}');
});

test('a template file: "Subject:" / "Тема:" first line, or a Doc first line taken as the subject', () => {
  expect(splitTemplate('\uFEFFТема: Скидка\r\n\r\nТекст\r\nещё\r\n')).toEqual({
    subject: 'Скидка',
    body: 'Текст\nещё',
  });
  expect(splitTemplate('subject:  Hi {{name}}\nBody')).toEqual({ subject: 'Hi {{name}}', body: 'Body' });
  expect(splitTemplate('Просто текст\nвторая строка')).toEqual({ body: 'Просто текст\nвторая строка' });
  expect(splitTemplate('Заголовок письма\nТекст', true)).toEqual({ subject: 'Заголовок письма', body: 'Текст' });
  expect(resultOf({ text: 'Очень   длинное\nSMS '.repeat(10) }, 20)).toBe('Очень длинное SMS О…');
});

test('the Lists sheet’s Unsubscribed column: e-mails lower-cased, phones as E.164, several per cell', () => {
  const values = [
    ['Виды событий', 'Поводы', 'Статусы', 'Этап воронки', 'Прежние названия повода', 'Отписались от рассылок'],
    ['Звонок', '', '', '', '', 'A@Example.ru; 8 (916) 100-00-04'],
    ['', '', '', '', '', 'не номер'],
  ];
  expect([...parseUnsubscribed(values, (t) => toE164(t, 'RU'))]).toEqual(['a@example.ru', '+79161000004']);
});
