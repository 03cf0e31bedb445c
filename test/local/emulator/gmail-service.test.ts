import { CallLog } from 'workspace-emulator';
import { VirtualClock } from 'workspace-emulator';
import { ServiceContext } from 'workspace-emulator';
import { Execution } from 'workspace-emulator';
import { FaultInjector } from 'workspace-emulator';
import { GmailStore, MISSING_MESSAGE_TOKEN, createGmailApp, createMailApp } from 'workspace-emulator';

function setup() {
  const clock = new VirtualClock('2024-03-01T09:00:00Z');
  const calls = new CallLog();
  const ctx = new ServiceContext(clock, calls, new FaultInjector(1), {
    email: 'office@example.com',
    locale: 'ru',
    timeZone: 'Europe/Moscow',
  });
  const store = GmailStore.fromJSON(undefined);
  return { clock, calls, ctx, store, gmail: createGmailApp(store, ctx), mail: createMailApp(store, ctx) };
}

describe('GmailStore', () => {
  it('lists the inbox newest first and survives a save', () => {
    const { store, clock } = setup();
    const older = store.addMessage({
      from: 'a@example.ru',
      to: 'office@example.com',
      subject: 'old',
      plainBody: '1',
      date: clock.now() - 60_000,
    });
    const newer = store.addMessage({
      from: 'b@example.ru',
      to: 'office@example.com',
      subject: 'new',
      plainBody: '2',
      date: clock.now(),
    });
    expect(older).toMatch(/^[0-9a-f]{16}$/);
    expect(store.inbox().map((m) => m.id)).toEqual([newer, older]);
    const again = GmailStore.fromJSON(JSON.parse(JSON.stringify(store.toJSON())));
    expect(again.inbox()).toEqual(store.inbox());
    expect(again.addMessage({ from: 'c@x.ru', to: 'o@x.ru', subject: 's', plainBody: '', date: 0 })).not.toBe(newer);
  });
});

describe('GmailApp in an add-on', () => {
  it('requires setCurrentMessageAccessToken with the event\u2019s token before getMessageById', () => {
    const { store, gmail, clock, calls } = setup();
    const id = store.addMessage({
      from: 'Анна <anna@example.ru>',
      to: 'office@example.com',
      subject: 'Заказ',
      plainBody: 'Текст',
      date: clock.now(),
    });
    expect(() => gmail.getMessageById(id)).toThrow(MISSING_MESSAGE_TOKEN);
    expect(MISSING_MESSAGE_TOKEN).toBe(
      'Access denied: : Missing access token for per message scope authorization. Use GmailApp.setCurrentMessageAccessToken(String) method to provide the access token.',
    );
    gmail.setCurrentMessageAccessToken('made-up');
    expect(() => gmail.getMessageById(id)).toThrow(MISSING_MESSAGE_TOKEN);

    gmail.setCurrentMessageAccessToken(store.issueAccessToken(id));
    const m = gmail.getMessageById(id);
    expect(m.getId()).toBe(id);
    expect(m.getFrom()).toBe('Анна <anna@example.ru>');
    expect(m.getTo()).toBe('office@example.com');
    expect(m.getSubject()).toBe('Заказ');
    expect(m.getPlainBody()).toBe('Текст');
    expect(m.getDate().toISOString()).toBe('2024-03-01T09:00:00.000Z');
    expect(m.getThread().getId()).toBe(id);
    expect(m.getReplyTo()).toBe('');
    expect(calls.byService()['GmailApp.getMessageById']).toBe(3);
    expect(calls.byService()['GmailApp.GmailMessage.getFrom']).toBe(1);
  });

  it('a token opens only its own message', () => {
    const { store, gmail, clock } = setup();
    const a = store.addMessage({
      from: 'a@example.ru',
      to: 'office@example.com',
      subject: 'a',
      plainBody: '',
      date: clock.now(),
    });
    const b = store.addMessage({
      from: 'b@example.ru',
      to: 'office@example.com',
      subject: 'b',
      plainBody: '',
      date: clock.now(),
    });
    gmail.setCurrentMessageAccessToken(store.issueAccessToken(a));
    expect(() => gmail.getMessageById(b)).toThrow(MISSING_MESSAGE_TOKEN);
  });

  it('each execution starts without a token', () => {
    const { store, gmail, ctx, clock } = setup();
    const id = store.addMessage({
      from: 'a@example.ru',
      to: 'office@example.com',
      subject: 'a',
      plainBody: '',
      date: clock.now(),
    });
    ctx.execution = new Execution('card', 'onGmailMessage');
    gmail.setCurrentMessageAccessToken(store.issueAccessToken(id));
    expect(gmail.getMessageById(id).getId()).toBe(id);
    ctx.execution = new Execution('card', 'onAction');
    expect(() => gmail.getMessageById(id)).toThrow(MISSING_MESSAGE_TOKEN);
  });
});

describe('MailApp', () => {
  it('sends with both call forms and records what was sent', () => {
    const { mail, store, calls } = setup();
    mail.sendEmail('anna@example.ru', 'Напоминание', 'Позвонить клиенту');
    mail.sendEmail({
      to: 'boss@example.ru',
      subject: 'Отчёт',
      body: 'см. вложение',
      htmlBody: '<b>см.</b>',
      name: 'CRM',
      replyTo: 'office@example.com',
    });
    const sent = store.sent();
    expect(sent).toHaveLength(2);
    const report = sent.find((m) => m.subject === 'Отчёт')!;
    expect(report).toMatchObject({
      to: 'boss@example.ru',
      from: 'CRM <office@example.com>',
      plainBody: 'см. вложение',
      htmlBody: '<b>см.</b>',
      replyTo: 'office@example.com',
    });
    expect(store.inbox()).toHaveLength(0);
    expect(calls.byService()['MailApp.sendEmail']).toBe(2);
  });

  it('mail to the account itself also arrives in its inbox', () => {
    const { mail, store } = setup();
    mail.sendEmail('office@example.com', 'Сегодня', '3 звонка');
    expect(store.inbox().map((m) => m.subject)).toEqual(['Сегодня']);
  });

  it('counts recipients against 100 a day and then refuses with Google\u2019s sentence', () => {
    const { mail, clock } = setup();
    expect(mail.getRemainingDailyQuota()).toBe(100);
    mail.sendEmail({ to: 'a@example.ru, b@example.ru', cc: 'c@example.ru', subject: 's', body: 'b' });
    expect(mail.getRemainingDailyQuota()).toBe(97);
    for (let i = 0; i < 97; i++) mail.sendEmail(`r${i}@example.ru`, 's', 'b');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail('late@example.ru', 's', 'b')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    clock.advance(24 * 3600 * 1000 + 60_000);
    expect(mail.getRemainingDailyQuota()).toBe(100);
  });

  it('refuses bad recipients and wrong argument types', () => {
    const { mail } = setup();
    expect(() => mail.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
    expect(() => mail.sendEmail({ subject: 's', body: 'b' })).toThrow('Failed to send email: no recipient');
    expect(() => mail.sendEmail('a@example.ru', 's', 5 as never)).toThrow(
      "The parameters (String,String,number) don't match the method signature for MailApp.sendEmail.",
    );
  });
});
