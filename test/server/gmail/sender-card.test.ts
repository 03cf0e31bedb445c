// The sender's client card in the Gmail add-on, through the built bundle: what it shows, what it costs (three service
// calls on the warm path whatever the size of the base), and that client-supplied text cannot inject card markup.

import { CacheStore } from 'workspace-emulator';
import {
  actionsOf,
  DAY,
  gmailOffice,
  GmailOffice,
  HOSTILE_NAME,
  htmlTexts,
  KNOWN,
  openCard,
  pushedCard,
  runAction,
  widgets,
} from './support';

const CONTACTS = 3000;
let o: GmailOffice;

beforeAll(() => {
  o = gmailOffice(CONTACTS);
});

const textOf = (card: ReturnType<typeof openCard>['card'], label: string) =>
  widgets(card).find((w) => w.type === 'decoratedText' && w.topLabel === label)?.['text' as never] as
    string | undefined;

describe('a known sender', () => {
  test(`costs at most three service calls on the warm path, with ${CONTACTS} contacts`, () => {
    o.office.workspace.cache.evict(CacheStore.scriptScope('gmail'));
    const cold = openCard(o, o.messages.known);
    // Cold: the add-on loads the index sheet once and fills its cache.
    expect(cold.run.report.serviceCalls).toBeGreaterThan(3);
    const { result, calls } = o.office.workspace.calls.measure(() => openCard(o, o.messages.known));
    expect(result.run.report.serviceCalls).toBeLessThanOrEqual(3);
    expect(calls.map((c) => c.service)).toEqual([
      'GmailApp.getMessageById',
      'GmailApp.GmailMessage.getFrom',
      // Who the user is, for their role's actions (no request: Session answers from the run); the role itself rides
      // in the one getAll (src/server/gmail/card-role.ts).
      'Session.getActiveUser',
      'CacheService.Cache.getAll',
    ]);
    expect(result.run.report.elapsedMs).toBeLessThan(5000);
    expect(result.card).toEqual(cold.card);
  });

  test('shows name, label, manager, phones, last contact, what is planned and the last five events', () => {
    const { card } = openCard(o, o.messages.known);
    expect(card.header).toEqual({ title: `Клиент${KNOWN} Иван`, subtitle: 'VIP' });
    expect(textOf(card, 'Менеджер')).toBe('Анна');
    expect(textOf(card, 'Телефоны')).toBe('+7 912 1000125');
    // The newest done event (E-7, six days ago) is the last contact.
    const now = o.office.workspace.clock.now();
    const day = (ms: number) => new Date(ms + 3 * 3600_000).toISOString().slice(0, 10).split('-').reverse().join('.');
    expect(textOf(card, 'Последний контакт')).toContain(day(now - 6 * DAY));
    expect(textOf(card, 'Последний контакт')).toContain('Встреча · Интерес');

    const planned = card.sections.find((s) => s.header === 'Запланировано')!;
    expect(planned.widgets).toHaveLength(1);
    expect(planned.widgets[0]).toMatchObject({ type: 'decoratedText', topLabel: 'Олег' });
    expect((planned.widgets[0] as { text: string }).text).toContain('Звонок · Оплата');

    const recent = card.sections.find((s) => s.header === 'Последние события')!;
    expect(recent.widgets.map((w) => (w as { bottomLabel?: string }).bottomLabel)).toEqual([
      'Итог 7',
      'Итог 6',
      'Итог 5',
      'Итог 4',
      'Итог 3',
    ]);

    const buttons = widgets(card).flatMap((w) =>
      w.type === 'buttonSet' ? w.buttons : w.type === 'textButton' ? [w] : [],
    );
    expect(buttons.map((b) => b.text)).toEqual([
      'Записать это письмо',
      'Запланировать следующий шаг',
      'Открыть в CRM',
      expect.stringMatching(/^Открыть строки [\d, …]+ в таблице$/),
    ]);
    expect(buttons[2].onClickOpensLink).toBe(true);
  });

  test("speaks the user's language", () => {
    const { card } = openCard(o, o.messages.known, 'en');
    expect(card.sections.map((s) => s.header).filter(Boolean)).toEqual(['Planned', 'Last events']);
    expect(textOf(card, 'Last contact')).toBeDefined();
    const ka = openCard(o, o.messages.known, 'ka').card;
    expect(ka.sections.map((s) => s.header).filter(Boolean)).toEqual(['დაგეგმილი', 'ბოლო მოვლენები']);
  });
});

describe('client-supplied text', () => {
  test('a name with <b> or =HYPERLINK, and markup in events, are escaped wherever the card renders HTML', () => {
    const { card } = openCard(o, o.messages.hostile);
    // The header is plain text in Google: shown as typed, never interpreted.
    expect(card.header?.title).toBe(HOSTILE_NAME);
    const html = htmlTexts(card).join('\n');
    expect(html).not.toMatch(/<(?:b|i|script)>/);
    expect(html).toContain('&lt;i&gt;Олег&lt;/i&gt;');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;r&lt;/b&gt;');
  });
});

describe('an unknown sender', () => {
  test('gets a card saying so in three requests, and the add-client form prefilled from the From header on request', () => {
    // The first card asks the index sheet about the address (cold), the next one the cache: the message, its
    // sender, the cache. The labels wait until the form is asked for.
    const cold = openCard(o, o.messages.stranger);
    expect(cold.run.report.serviceCalls).toBeLessThanOrEqual(8);
    const first = openCard(o, o.messages.stranger);
    expect(first.card).toEqual(cold.card);
    expect(first.card.header).toEqual({ title: 'Георгий Мчедлишвили', subtitle: 'Пока не клиент' });
    expect(first.run.report.serviceCalls).toBeLessThanOrEqual(3);
    const { run, response } = runAction(o, o.messages.stranger, actionsOf(first.card).gmailAddClientForm, {});
    const card = pushedCard(response)!;
    const inputs = Object.fromEntries(
      widgets(card).flatMap((w) => (w.type === 'textInput' ? [[w.fieldName, w.value ?? '']] : [])),
    );
    expect(inputs).toEqual({
      givenName: 'Георгий',
      middleName: '',
      familyName: 'Мчедлишвили',
      email: 'giorgi@example.ge',
      phone: '',
    });
    const label = widgets(card).find((w) => w.type === 'selectionInput');
    expect(label).toMatchObject({ fieldName: 'label', selectionType: 'DROPDOWN' });
    expect((label as { items: Array<{ text: string }> }).items.map((i) => i.text)).toEqual(['Без категории', 'VIP']);
    expect(run.report.serviceCalls).toBeLessThanOrEqual(2);
  });
});
