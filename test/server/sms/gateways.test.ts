// SMS.ru and SMSC behind the one SmsGateway port, from the built bundle, against the strict fakes on the emulator's
// network (src/local/sms): what an office would notice — the texts each number gets, the ids and the balance coming
// back, the gateway's own refusals (a wrong key, no money, a number it cannot route), and the keys kept out of sight.

import type { SmsMessage } from '../../../src/core/sms/gateway';
import type { SmsCheckResult } from '../../../src/server/sms/check';
import type { Office } from '../../../src/local/office';
import type { FakeSmsAccount } from '../../../src/local/sms/form';
import { routeFakeSmsRu, SMSRU_PREFIX } from '../../../src/local/sms/fake-smsru';
import { routeFakeSmsc, SMSC_PREFIX } from '../../../src/local/sms/fake-smsc';
import { call, testOffice } from '../../support/office';

jest.setTimeout(60_000);

const API_ID = 'A3CA597E-3ACF-4E7D-82EE-CF82B52B1A8B';
const SMSC_LOGIN = 'office-login';
const SMSC_PASSWORD = 'pässwörd-1';

let office: Office;

beforeAll(() => {
  office = testOffice();
  office.rpc.runSetup();
});

function configure(settings: Record<string, string>): void {
  const saved = office.rpc.saveSettings(settings);
  expect(saved.ok).toBe(true);
}

const send = (messages: SmsMessage[]) => call<SmsCheckResult>(office.sheet, 'smsGatewaySend_', messages);

describe('SMS.ru', () => {
  let account: FakeSmsAccount;
  beforeEach(() => {
    account = routeFakeSmsRu(office.workspace.urlFetch, { apiId: API_ID, balance: 10, price: 2, senders: ['Office'] });
    configure({ smsGateway: 'smsru', smsApiKey: API_ID, smsSender: '' });
  });

  test('each number gets its own text; ids and the balance come back', () => {
    const result = send([
      { to: '+79161234567', text: 'Иван, ждём вас 12.03 в 10:00' },
      { to: '+995599123456', text: 'გამარჯობა, Nino' },
    ]);
    expect(result).toMatchObject({ ok: true, gateway: 'smsru', balance: 6 });
    if (!result.ok) return;
    expect(result.outcomes.map((o) => [o.to, o.state])).toEqual([
      ['+79161234567', 'accepted'],
      ['+995599123456', 'accepted'],
    ]);
    expect(result.outcomes[0].id).toBe(account.sent[0].id);
    expect(account.sent.map((s) => [s.to, s.text])).toEqual([
      ['79161234567', 'Иван, ждём вас 12.03 в 10:00'],
      ['995599123456', 'გამარჯობა, Nino'],
    ]);
    expect(account.requests).toBe(1);
  });

  test('a wrong api_id is SMS.ru’s refusal 200 and nothing goes out', () => {
    configure({ smsApiKey: 'not-the-key' });
    const result = send([{ to: '+79161234567', text: 'hello' }]);
    expect(result).toEqual({ ok: false, problem: 'SMS.ru refused the request: 200 Неправильный api_id' });
    expect(account.sent).toHaveLength(0);
  });

  test('too little money: refusal 201, nobody gets a message, the balance stays', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ to: `+7916123450${i}`, text: 'hello' }));
    const result = send(many);
    expect(result).toEqual({
      ok: false,
      problem: 'SMS.ru refused the request: 201 Не хватает средств на лицевом счету',
    });
    expect(account.sent).toHaveLength(0);
    expect(account.balance).toBe(10);
  });

  test('a number SMS.ru cannot route is refused alone; the sender name must be approved', () => {
    const result = send([
      { to: '+4412345', text: 'short number' },
      { to: '+79161234567', text: 'fine' },
    ]);
    expect(result.ok && result.outcomes.map((o) => o.state)).toEqual(['refused', 'accepted']);
    expect(result.ok && result.outcomes[0].reason).toMatch(/^202 Неправильно указан номер/);
    configure({ smsSender: 'Unknown' });
    expect(send([{ to: '+79161234567', text: 'x' }])).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/ 204 /),
    });
    configure({ smsSender: 'Office' });
    expect(send([{ to: '+79161234567', text: 'x' }])).toMatchObject({ ok: true });
    expect(account.sent[account.sent.length - 1].sender).toBe('Office');
  });

  test('the fake refuses more than 100 numbers in one request, as SMS.ru does', () => {
    const to = Array.from({ length: 101 }, (_, i) => `7916${String(i).padStart(7, '0')}`).join(',');
    const reply = office.workspace.webApp.post(
      SMSRU_PREFIX,
      `api_id=${API_ID}&json=1&msg=hi&to=${to}`,
      'application/x-www-form-urlencoded',
    );
    expect(JSON.parse(reply.text)).toMatchObject({ status: 'ERROR', status_code: 207 });
    expect(account.sent).toHaveLength(0);
  });

  test('the api_id is a secret: never in the Settings sheet, masked in the settings view', () => {
    const sheet = call<{ rows: string[][] }>(office.sheet, 'sheetContents_', 'settings');
    expect(JSON.stringify(sheet)).not.toContain(API_ID);
    const view = JSON.stringify(office.rpc.getSettingsView());
    expect(view).not.toContain(API_ID);
  });
});

describe('SMSC', () => {
  let account: FakeSmsAccount;
  beforeEach(() => {
    account = routeFakeSmsc(office.workspace.urlFetch, { login: SMSC_LOGIN, password: SMSC_PASSWORD, balance: 20 });
    configure({ smsGateway: 'smsc', smscLogin: SMSC_LOGIN, smscPassword: SMSC_PASSWORD, smsSender: '' });
  });

  test('one text to several numbers, then a text per number with a line break kept', () => {
    const same = send([
      { to: '+79161234567', text: 'Скидка 10% до пятницы' },
      { to: '+79167654321', text: 'Скидка 10% до пятницы' },
    ]);
    expect(same).toMatchObject({ ok: true, gateway: 'smsc', balance: 17 });
    const apart = send([
      { to: '+79161234567', text: 'Иван,\nваш заказ готов' },
      { to: '+79167654321', text: 'Пётр: заказ в пути' },
    ]);
    expect(apart.ok && apart.outcomes.map((o) => o.state)).toEqual(['accepted', 'accepted']);
    expect(account.sent.map((s) => [s.to, s.text])).toEqual([
      ['+79161234567', 'Скидка 10% до пятницы'],
      ['+79167654321', 'Скидка 10% до пятницы'],
      ['+79161234567', 'Иван,\nваш заказ готов'],
      ['+79167654321', 'Пётр: заказ в пути'],
    ]);
  });

  test('a wrong password is SMSC’s error 2; an unroutable number is refused alone', () => {
    configure({ smscPassword: 'wrong' });
    expect(send([{ to: '+79161234567', text: 'x' }])).toEqual({
      ok: false,
      problem: 'SMSC refused the request: 2 authorise error',
    });
    configure({ smscPassword: SMSC_PASSWORD });
    const result = send([
      { to: '+4412345', text: 'x' },
      { to: '+79161234567', text: 'y' },
    ]);
    expect(result.ok && result.outcomes.map((o) => o.state)).toEqual(['refused', 'accepted']);
    expect(account.sent.map((s) => s.to)).toEqual(['+79161234567']);
    // No routable number at all: SMSC refuses the request with 7, which is those numbers' refusal, not a failure.
    const none = send([{ to: '+4412345', text: 'x' }]);
    expect(none).toMatchObject({
      ok: true,
      outcomes: [{ to: '+4412345', state: 'refused', reason: '7 invalid number' }],
    });
  });

  test('the fake reads windows-1251 unless told charset=utf-8, as SMSC does', () => {
    const body = (charset: string) =>
      `login=${SMSC_LOGIN}&psw=${encodeURIComponent(SMSC_PASSWORD)}&fmt=3${charset}&phones=%2B79161234567&mes=${encodeURIComponent('Привет')}`;
    // The password's UTF-8 bytes read as windows-1251 are not the password: SMSC's error 2.
    const garbled = office.workspace.webApp.post(SMSC_PREFIX, body(''), 'application/x-www-form-urlencoded');
    expect(JSON.parse(garbled.text)).toMatchObject({ error_code: 2 });
    office.workspace.webApp.post(SMSC_PREFIX, body('&charset=utf-8'), 'application/x-www-form-urlencoded');
    expect(account.sent.map((s) => s.text)).toEqual(['Привет']);
  });
});

describe('no gateway set up', () => {
  test('the refusal says what to set, in the office’s language', () => {
    configure({ smsGateway: 'none', language: 'ru' });
    expect(send([{ to: '+79161234567', text: 'x' }])).toEqual({
      ok: false,
      problem: 'SMS-шлюз не настроен: выберите smsru или smsc в Настройках (smsGateway).',
    });
    configure({ smsGateway: 'smsru', smsApiKey: '', language: 'en' });
    expect(send([{ to: '+79161234567', text: 'x' }])).toEqual({
      ok: false,
      problem: 'SMS.ru needs its api_id: set it in Settings (smsApiKey).',
    });
  });
});
