// An office for the Gmail card suites: thousands of contacts, a staff of three, one client with a history of events,
// one whose name is hostile markup, the client index built by the sheet project, and messages in the inbox.

import type { people_v1 } from '@googleapis/people';
import { actionEvent, cardToJson, messageEvent, responseToJson } from 'workspace-emulator';
import type { CardJson, PickedValues, ResponseJson, WidgetJson } from 'workspace-emulator';
import type { InvokeResult } from 'workspace-emulator';
import type { Office } from '../../../src/local/office';
import { appendRows, DAY, HOUR, seedClients } from '../card-index/support';
import { call, testOffice } from '../../support/office';
import { invokeEntryPoint } from '../../../src/local/gas/server-rpc';

export { DAY, HOUR };

export const STAFF = [
  { name: 'Анна', email: 'anna@example.com', role: 'Менеджер', head: '', dailyDigest: false },
  { name: 'Олег', email: 'oleg@example.com', role: 'Менеджер', head: '', dailyDigest: false },
  { name: 'Ольга', email: 'office@example.com', role: 'Руководитель', head: '', dailyDigest: false },
];

/** Client 125 is in the VIP label (every fifth is) and has a history; HOSTILE_NAME is the client "evil@example.ru". */
export const KNOWN = 125;
export const HOSTILE_NAME = '<b>Зло</b> =HYPERLINK("http://evil.example")';

export interface GmailOffice {
  office: Office;
  names: string[];
  hostile: string;
  messages: { known: string; stranger: string; hostile: string };
}

export function gmailOffice(contacts: number): GmailOffice {
  const office = testOffice();
  office.rpc.runSetup();
  const ws = office.workspace;
  const { names } = seedClients(office, contacts);
  const hostilePerson: people_v1.Schema$Person = {
    names: [{ givenName: HOSTILE_NAME }],
    emailAddresses: [{ value: 'evil@example.ru' }],
    phoneNumbers: [{ value: '+7 912 000-00-01' }],
    userDefined: [{ key: 'Менеджер', value: '<i>Олег</i>' }],
  };
  const [hostile] = ws.people.seed([hostilePerson], ws.clock.now());
  appendRows(office, 'staff', STAFF);
  const now = ws.clock.now();
  const client = `Иван Клиент${KNOWN}`;
  const history = Array.from({ length: 7 }, (_, i) => ({
    id: `E-${i + 1}`,
    date: new Date(now - (30 - i * 4) * DAY),
    kind: i % 2 ? 'Звонок' : 'Встреча',
    reason: 'Интерес',
    client,
    clientId: names[KNOWN],
    manager: 'Анна',
    result: `Итог ${i + 1}`,
    status: 'сделано',
  }));
  appendRows(office, 'events', [
    ...history,
    {
      id: 'E-plan',
      date: new Date(now + 2 * DAY),
      kind: 'Звонок',
      reason: 'Оплата',
      client,
      clientId: names[KNOWN],
      manager: 'Олег',
      status: 'план',
    },
    {
      id: 'E-evil',
      date: new Date(now - 3 * DAY),
      kind: 'Звонок',
      reason: '<script>x</script>',
      client: HOSTILE_NAME,
      clientId: hostile,
      manager: 'Олег',
      result: '<b>r</b>',
      status: 'сделано',
    },
  ]);
  call(office.sheet, 'refreshIndexTrigger', {});
  const at = now - HOUR;
  const messages = {
    known: ws.gmail.addMessage({
      from: `Иван Клиент${KNOWN} <client${KNOWN}@example.ru>`,
      to: 'office@example.com',
      subject: 'Вопрос по заказу',
      plainBody: '…',
      date: at,
    }),
    stranger: ws.gmail.addMessage({
      from: 'Георгий Мчедлишвили <giorgi@example.ge>',
      to: 'office@example.com',
      subject: 'Сотрудничество',
      plainBody: '…',
      date: at,
    }),
    hostile: ws.gmail.addMessage({
      from: 'Evil <evil@example.ru>',
      to: 'office@example.com',
      subject: '=SUM(A1)',
      plainBody: '…',
      date: at,
    }),
  };
  ws.calls.reset();
  return { office, names, hostile, messages };
}

export function openCard(o: GmailOffice, messageId: string, locale?: string): { run: InvokeResult; card: CardJson } {
  const event = messageEvent(o.office.workspace, messageId);
  if (locale) (event.commonEventObject as unknown as Record<string, unknown>).userLocale = locale;
  const run = invokeEntryPoint(o.office.gmail, 'onGmailMessage', [event], 'card');
  if (run.error) throw run.error;
  return { run, card: cardToJson(run.result) };
}

/**
 * Runs a card action the way Gmail does: the action's function with the message, its parameters and the form of the
 * card it was clicked on, `picked` over the values the card was built with (the emulator shapes them per widget).
 */
export function runAction(
  o: GmailOffice,
  messageId: string,
  action: { functionName: string; parameters: Record<string, string> },
  picked: PickedValues = {},
  card?: CardJson,
): { run: InvokeResult; response: ResponseJson } {
  const event = actionEvent(o.office.workspace, messageId, action.parameters, picked, card);
  const run = o.office.gmail.invoke(action.functionName, [event], 'card');
  if (run.error) throw run.error;
  return { run, response: responseToJson(run.result) };
}

/** The card as an office with an empty list would draw it: the dropdown `field` without items. */
export function withoutItems(card: CardJson, field: string): CardJson {
  const copy = structuredClone(card);
  for (const w of widgets(copy)) if (w.type === 'selectionInput' && w.fieldName === field) w.items = [];
  return copy;
}

export function widgets(card: CardJson): WidgetJson[] {
  return card.sections.flatMap((s) => s.widgets);
}

/** Every clickable action of a card, by function name. */
export function actionsOf(
  card: CardJson,
): Record<string, { functionName: string; parameters: Record<string, string> }> {
  const out: Record<string, { functionName: string; parameters: Record<string, string> }> = {};
  const visit = (w: { onClick?: { functionName: string; parameters: Record<string, string> } }) => {
    if (w.onClick) out[w.onClick.functionName] = w.onClick;
  };
  for (const w of widgets(card)) {
    visit(w as never);
    if (w.type === 'buttonSet') w.buttons.forEach((b) => visit(b));
    if (w.type === 'decoratedText' && w.button) visit(w.button);
  }
  return out;
}

/** Everything Google renders as HTML: text paragraphs and decorated texts with their labels. */
export function htmlTexts(card: CardJson): string[] {
  return widgets(card).flatMap((w) =>
    w.type === 'textParagraph'
      ? [w.text]
      : w.type === 'decoratedText'
        ? [w.text, w.topLabel ?? '', w.bottomLabel ?? '']
        : [],
  );
}

export function updatedCard(response: ResponseJson): CardJson | undefined {
  for (const step of response.navigation ?? []) if ('updateCard' in step) return step.updateCard;
  return undefined;
}

export function pushedCard(response: ResponseJson): CardJson | undefined {
  for (const step of response.navigation ?? []) if ('pushCard' in step) return step.pushCard;
  return undefined;
}
