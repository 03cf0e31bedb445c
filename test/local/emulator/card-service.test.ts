import { CallLog } from 'workspace-emulator';
import { VirtualClock } from 'workspace-emulator';
import { ServiceContext } from 'workspace-emulator';
import { FaultInjector } from 'workspace-emulator';
import { GmailStore } from 'workspace-emulator';
import { actionEvent, cardToJson, createCardService, messageEvent, responseToJson } from 'workspace-emulator';
import type { ProjectManifest, Workspace } from 'workspace-emulator';

const CardService = createCardService();

/** The parts of a Workspace the event builders read. */
const LOCALE_SCOPE = 'https://www.googleapis.com/auth/script.locale';
const ADDON: ProjectManifest = {
  oauthScopes: [
    'https://www.googleapis.com/auth/gmail.addons.execute',
    'https://www.googleapis.com/auth/gmail.addons.current.message.metadata',
    LOCALE_SCOPE,
  ],
  addOns: { common: { useLocaleFromApp: true } },
};

/** `null`: no manifest loaded. */
function fakeWorkspace(manifest: ProjectManifest | null = ADDON) {
  const clock = new VirtualClock('2024-03-01T09:00:00Z');
  const ctx = new ServiceContext(clock, new CallLog(), new FaultInjector(1), {
    email: 'office@example.com',
    locale: 'ru',
    timeZone: 'Europe/Moscow',
  });
  const gmail = GmailStore.fromJSON(undefined);
  const manifests = manifest ? { gmail: manifest } : {};
  return { ws: { ctx, clock, gmail, manifests } as unknown as Workspace, gmail, clock };
}

function smallCard() {
  return CardService.newCardBuilder()
    .setName('sender')
    .setHeader(CardService.newCardHeader().setTitle('Анна Петрова').setSubtitle('ООО Ромашка'))
    .addSection(
      CardService.newCardSection()
        .setHeader('Контакты')
        .addWidget(CardService.newDecoratedText().setTopLabel('Телефон').setText('+7 900 000-00-00').setWrapText(true))
        .addWidget(CardService.newTextInput().setFieldName('note').setTitle('Заметка').setHint('…'))
        .addWidget(
          CardService.newButtonSet().addButton(
            CardService.newTextButton()
              .setText('Сохранить')
              .setTextButtonStyle(CardService.TextButtonStyle.FILLED)
              .setOnClickAction(CardService.newAction().setFunctionName('saveNote').setParameters({ id: 'c1' })),
          ),
        ),
    )
    .build();
}

describe('CardService cards', () => {
  it('records a small card as inspectable JSON', () => {
    expect(cardToJson(smallCard())).toEqual({
      kind: 'card',
      name: 'sender',
      header: { title: 'Анна Петрова', subtitle: 'ООО Ромашка' },
      sections: [
        {
          header: 'Контакты',
          collapsible: false,
          widgets: [
            { type: 'decoratedText', text: '+7 900 000-00-00', topLabel: 'Телефон', wrapText: true },
            { type: 'textInput', fieldName: 'note', title: 'Заметка', hint: '…', multiline: false },
            {
              type: 'buttonSet',
              buttons: [
                {
                  type: 'textButton',
                  text: 'Сохранить',
                  style: 'FILLED',
                  disabled: false,
                  onClick: { functionName: 'saveNote', parameters: { id: 'c1' }, loadIndicator: 'SPINNER' },
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('snapshots at build(): later builder changes do not alter a built card', () => {
    const text = CardService.newTextParagraph().setText('before');
    const card = CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(text)).build();
    text.setText('after');
    expect(cardToJson(card).sections[0].widgets[0]).toEqual({ type: 'textParagraph', text: 'before' });
  });

  it('refuses incomplete cards at build()', () => {
    const section = () => CardService.newCardSection();
    expect(() => CardService.newCardBuilder().build()).toThrow('The card has no sections');
    expect(() => CardService.newCardBuilder().addSection(section()).build()).toThrow('section 1 has no widgets');
    expect(() =>
      CardService.newCardBuilder()
        .addSection(section().addWidget(CardService.newDecoratedText().setTopLabel('x')))
        .build(),
    ).toThrow('The DecoratedText of section 1, widget 1 has no text');
    expect(() =>
      CardService.newCardBuilder()
        .addSection(section().addWidget(CardService.newTextInput().setTitle('x')))
        .build(),
    ).toThrow('The TextInput of section 1, widget 1 has no field name');
    const noFunction = CardService.newTextButton().setText('Go').setOnClickAction(CardService.newAction());
    expect(() => CardService.newCardBuilder().addSection(section().addWidget(noFunction)).build()).toThrow(
      'has no function name',
    );
    expect(() =>
      CardService.newCardBuilder()
        .setHeader(CardService.newCardHeader())
        .addSection(section().addWidget(CardService.newDivider()))
        .build(),
    ).toThrow('The card header has no title');
  });

  it('enforces Google\u2019s documented limits: 100 widgets per section, 100 sections per card', () => {
    const full = CardService.newCardSection();
    for (let i = 0; i < 100; i++) full.addWidget(CardService.newTextParagraph().setText(String(i)));
    expect(() => CardService.newCardBuilder().addSection(full).build()).not.toThrow();
    full.addWidget(CardService.newDivider());
    expect(() => CardService.newCardBuilder().addSection(full).build()).toThrow(
      'has 101 widgets; a card section can have no more than 100',
    );
    const many = CardService.newCardBuilder();
    for (let i = 0; i < 101; i++) many.addSection(CardService.newCardSection().addWidget(CardService.newDivider()));
    expect(() => many.build()).toThrow('The card has 101 sections; a card can have no more than 100');
  });

  it('Action parameters must be strings', () => {
    expect(() => CardService.newAction().setParameters({ id: 7 } as never)).toThrow('Invalid argument: parameters');
    expect(() => CardService.newDecoratedText().setText(5 as never)).toThrow(
      "The parameters (number) don't match the method signature for CardService.DecoratedText.setText.",
    );
  });

  it('probes: cardToJson(x, true) answers undefined for a non-card, and throws without probe', () => {
    expect(cardToJson({}, true)).toBeUndefined();
    expect(() => cardToJson(undefined)).toThrow('The add-on returned nothing, not a Card');
  });
});

describe('CardService responses', () => {
  it('records navigation, notification, link and state change', () => {
    const next = CardService.newCardBuilder()
      .addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText('2')))
      .build();
    const response = CardService.newActionResponseBuilder()
      .setNavigation(CardService.newNavigation().popCard().pushCard(next))
      .setNotification(CardService.newNotification().setText('Сохранено'))
      .setOpenLink(CardService.newOpenLink().setUrl('https://example.com'))
      .setStateChanged(true)
      .build();
    expect(responseToJson(response)).toEqual({
      navigation: [{ popCard: true }, { pushCard: cardToJson(next) }],
      notification: 'Сохранено',
      openLink: 'https://example.com',
      stateChanged: true,
    });
    expect(cardToJson(response, true)).toBeUndefined();
    const universal = CardService.newUniversalActionResponseBuilder().displayAddOnCards([next]).build();
    expect(responseToJson(universal)).toEqual({ cards: [cardToJson(next)] });
  });
});

describe('add-on event objects', () => {
  it('homepage: the common event object only', () => {
    const { ws } = fakeWorkspace();
    expect(messageEvent(ws)).toEqual({
      commonEventObject: {
        hostApp: 'GMAIL',
        platform: 'WEB',
        userLocale: 'ru',
        timeZone: { id: 'Europe/Moscow', offset: 3 * 3600 * 1000 },
      },
      userLocale: 'ru',
      userTimezone: { id: 'Europe/Moscow', offSet: String(3 * 3600 * 1000) },
    });
  });

  it("the user's own zone, when it is not the script's", () => {
    const { ws } = fakeWorkspace();
    ws.ctx.session.userTimeZone = 'Asia/Tbilisi';
    expect(messageEvent(ws).commonEventObject.timeZone).toEqual({ id: 'Asia/Tbilisi', offset: 4 * 3600 * 1000 });
  });

  it.each([
    [
      'without the script.locale scope',
      { ...ADDON, oauthScopes: ['https://www.googleapis.com/auth/gmail.addons.execute'] },
    ],
    ['without useLocaleFromApp', { ...ADDON, addOns: { common: {} } }],
    ['without a loaded manifest', null],
  ])('no locale and no time zone %s', (_, manifest) => {
    const { ws } = fakeWorkspace(manifest);
    const e = messageEvent(ws) as Record<string, unknown>;
    expect(e.commonEventObject).toEqual({ hostApp: 'GMAIL', platform: 'WEB' });
    expect(e).not.toHaveProperty('userLocale');
    expect(e).not.toHaveProperty('userTimezone');
  });

  it('contextual trigger: the message, its thread and a fresh per-message token', () => {
    const { ws, gmail, clock } = fakeWorkspace();
    const id = gmail.addMessage({
      from: 'Анна <anna@example.ru>',
      to: 'office@example.com',
      subject: 'Hi',
      plainBody: '…',
      date: clock.now(),
    });
    const e = messageEvent(ws, id) as Record<string, Record<string, string>>;
    expect(e.gmail.messageId).toBe(id);
    expect(e.gmail.threadId).toBe(id);
    expect(gmail.tokenMessage(e.gmail.accessToken)).toBe(id);
    expect(e.messageMetadata).toEqual({ messageId: id, accessToken: e.gmail.accessToken });
    expect((messageEvent(ws, id) as Record<string, Record<string, string>>).gmail.accessToken).not.toBe(
      e.gmail.accessToken,
    );
  });

  it('without a gmail.addons.current.message scope the event carries no message', () => {
    const { ws, gmail, clock } = fakeWorkspace({
      ...ADDON,
      oauthScopes: ['https://www.googleapis.com/auth/gmail.addons.execute', LOCALE_SCOPE],
    });
    const id = gmail.addMessage({
      from: 'a@example.ru',
      to: 'office@example.com',
      subject: 'Hi',
      plainBody: '…',
      date: clock.now(),
    });
    const e = messageEvent(ws, id) as Record<string, unknown>;
    expect(e).not.toHaveProperty('gmail');
    expect(e).not.toHaveProperty('messageMetadata');
  });

  it('action: the parameters, in the current and the legacy places (form inputs: form-inputs.test.ts)', () => {
    const { ws } = fakeWorkspace();
    const e = actionEvent(ws, undefined, [{ key: 'contact', value: 'people/c1' }], {});
    expect(e.commonEventObject.parameters).toEqual({ contact: 'people/c1' });
    expect((e as Record<string, unknown>).parameters).toEqual({ contact: 'people/c1' });
    expect(e.commonEventObject.formInputs).toEqual({});
  });
});
