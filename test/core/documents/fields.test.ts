// What a document's template is filled with: the amount as an invoice prints it, the optional lines that may stay
// blank, the fields that refuse the document when blank, typos, and the addresses Settings may hold for a template.

import { documentFill, documentValues } from '../../../src/core/documents/fields';
import { driveFileId } from '../../../src/core/documents/file-ref';
import { formatAmount } from '../../../src/core/documents/money';

const input = {
  client: {
    name: 'Иванов Иван',
    givenName: 'Иван',
    familyName: 'Иванов',
    middleName: '',
    company: '',
    emails: ['ivanov@example.ru'],
    phones: [],
    addresses: [],
  },
  order: {
    id: 'E1',
    at: new Date('2026-03-01T21:30:00Z'),
    kind: 'Заказ',
    reason: 'Заказ',
    result: '',
    amount: 15000,
    orderState: 'invoiced' as const,
  },
  office: { name: 'ООО «Ромашка»', taxId: '7701234567', address: 'Москва', bank: '', phone: '', email: '' },
  defaultCurrency: 'RUB',
  now: new Date('2026-03-02T06:00:00Z'),
  timeZone: 'Europe/Moscow',
  locale: 'ru' as const,
};

test('amounts print with grouped thousands and two decimals, in the office language', () => {
  expect(formatAmount(15000, 'ru')).toBe('15\u00a0000,00');
  expect(formatAmount(1234567.805, 'ka')).toBe('1\u00a0234\u00a0567,81');
  expect(formatAmount(1250, 'en')).toBe('1,250.00');
  expect(formatAmount(0.1 + 0.2, 'en')).toBe('0.30');
  expect(formatAmount(999, 'ru')).toBe('999,00');
});

test('the values: dates in the office zone, the default currency, the reason when there is no note', () => {
  const v = documentValues(input);
  expect(v['order.date']).toBe('02.03.2026');
  expect(v.today).toBe('02.03.2026');
  expect(v['order.amount']).toBe('15\u00a0000,00');
  expect(v['order.currency']).toBe('RUB');
  expect(v['order.state']).toBe('счёт выставлен');
  expect(v['order.description']).toBe('Заказ');
  expect(v.email).toBe('ivanov@example.ru');
});

test('blank optional lines are filled with nothing; a blank requisite or amount refuses; a typo is unknown', () => {
  const v = documentValues(input);
  const fill = documentFill('{{ name }} {{company}} {{office.bank}} {{order.amount}} {{givenname}} {{name}}', v);
  expect(fill.replacements).toEqual([
    { find: '{{ name }}', replace: 'Иванов Иван' },
    { find: '{{company}}', replace: '' },
    { find: '{{order.amount}}', replace: '15\u00a0000,00' },
    { find: '{{name}}', replace: 'Иванов Иван' },
  ]);
  expect(fill.missing).toEqual(['office.bank']);
  expect(fill.unknown).toEqual(['givenname']);
  const noAmount = documentFill(
    '{{order.amount}}',
    documentValues({ ...input, order: { ...input.order, amount: undefined } }),
  );
  expect(noAmount.missing).toEqual(['order.amount']);
});

test('a template named by id or by the address of a Doc, a Sheet or a Drive file', () => {
  const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-ab';
  expect(driveFileId(id)).toBe(id);
  expect(driveFileId(`https://docs.google.com/document/d/${id}/edit`)).toBe(id);
  expect(driveFileId(`https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`)).toBe(id);
  expect(driveFileId(`https://drive.google.com/open?id=${id}`)).toBe(id);
  expect(driveFileId('мой шаблон')).toBeUndefined();
  expect(driveFileId('')).toBeUndefined();
});
