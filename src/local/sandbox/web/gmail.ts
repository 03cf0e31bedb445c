// The sandbox's "Gmail": pick a message, and the add-on's card appears at the side, rendered from the card JSON the
// emulated CardService built. Buttons run the card's actions in the bundle and re-render what they return.

import { element, getJson, postJson, cardText } from './dom';
import type { CardResponse, MessageView } from './types';

const app = document.getElementById('app') as HTMLElement;
const list = element('div', { class: 'mail-list' });
const view = element('div', { class: 'mail-view' });
const addon = element('aside', { class: 'addon', 'aria-label': 'Add-on' });
app.append(list, view, addon);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a card JSON tree of any shape, read loosely by the renderer
let openMessageId: string | null = null;
const stack: Json[] = [];

type Picked = string | string[] | { date: string; time?: string } | null;

/**
 * What the person typed and picked, by field name; the emulator shapes it as Gmail does (per widget type: strings,
 * {dateTimeInput}, {dateInput}). A picker gives its wall clock ({date, time}) or null when cleared.
 */
function formInputs(): Record<string, Picked> {
  const inputs: Record<string, Picked> = {};
  addon
    .querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[data-field]')
    .forEach((input) => {
      const name = input.dataset.field as string;
      if (input instanceof HTMLInputElement && input.type === 'checkbox') {
        const checked = (inputs[name] ??= []) as string[];
        if (input.checked) checked.push(input.value);
      } else if (input instanceof HTMLInputElement && input.type === 'datetime-local') {
        const [date, time] = input.value.split('T');
        inputs[name] = input.value ? { date, time } : null;
      } else if (input instanceof HTMLInputElement && input.type === 'date') {
        inputs[name] = input.value ? { date: input.value } : null;
      } else inputs[name] = input.value;
    });
  return inputs;
}

async function runAction(action: Json): Promise<void> {
  const response = await postJson<CardResponse>('/api/gmail/action', {
    messageId: openMessageId,
    functionName: action.functionName,
    parameters: action.parameters ?? {},
    formInputs: formInputs(),
    card: stack[stack.length - 1],
  });
  applyResponse(response);
}

/** What a click on an element built with setOnClickAction / setOpenLink does. */
function clickHandler(c: Json): (() => void) | undefined {
  if (c.onClick) return () => void runAction(c.onClick);
  if (c.openLink?.url) return () => void window.open(String(c.openLink.url), '_blank', 'noopener');
  return undefined;
}

function button(b: Json): HTMLElement {
  const click = clickHandler(b);
  return element(
    'button',
    {
      type: 'button',
      class: b.style === 'FILLED' ? 'filled' : '',
      'data-action': b.onClick?.functionName,
      disabled: b.disabled ? '' : undefined,
      click: click ? () => click() : undefined,
    },
    String(b.text ?? ''),
  );
}

/**
 * The wall clock a picker shows: a date picker's day is its UTC day; a date-time picker shows its instant at its
 * offset (setTimeZoneOffsetInMins), else in the user's zone, for which the browser's zone stands in here.
 */
function pickerText(w: Json, withTime: boolean): string {
  const ms = Number(w.valueMsEpoch);
  if (!withTime) return new Date(ms).toISOString().slice(0, 10);
  const offset = w.timeZoneOffsetMins ?? -new Date(ms).getTimezoneOffset();
  return new Date(ms + Number(offset) * 60_000).toISOString().slice(0, 16);
}

function widget(w: Json): HTMLElement | null {
  switch (w.type) {
    case 'textParagraph':
      return element('div', { class: 'widget text' }, cardText(String(w.text ?? '')));
    case 'decoratedText': {
      const node = element(
        'div',
        { class: 'widget decorated', 'data-label': w.topLabel ?? '' },
        w.topLabel ? element('div', { class: 'top-label' }, String(w.topLabel)) : null,
        element('div', { class: 'text' }, cardText(String(w.text ?? ''))),
        w.bottomLabel ? element('div', { class: 'bottom-label' }, String(w.bottomLabel)) : null,
        w.button ? button(w.button) : null,
      );
      const click = clickHandler(w);
      if (click) node.addEventListener('click', click);
      return node;
    }
    case 'buttonSet':
      return element('div', { class: 'widget buttons' }, ...(w.buttons ?? []).map(button));
    case 'textButton':
      return element('div', { class: 'widget buttons' }, button(w));
    case 'textInput': {
      const input = w.multiline
        ? element('textarea', { 'data-field': w.fieldName, rows: '3' })
        : element('input', { 'data-field': w.fieldName });
      input.value = String(w.value ?? '');
      if (w.hint) input.setAttribute('placeholder', String(w.hint));
      return element('div', { class: 'widget' }, element('label', {}, String(w.title ?? '')), input);
    }
    case 'selectionInput': {
      const items: Json[] = w.items ?? [];
      const label = element('label', {}, String(w.title ?? ''));
      if (['CHECK_BOX', 'SWITCH', 'MULTI_SELECT'].includes(String(w.selectionType))) {
        const boxes = items.map((i) => {
          const box = element('input', { type: 'checkbox', 'data-field': w.fieldName, value: String(i.value) });
          box.checked = !!i.selected;
          return element('label', {}, box, String(i.text));
        });
        return element('div', { class: 'widget' }, label, ...boxes);
      }
      const select = element(
        'select',
        { 'data-field': w.fieldName },
        ...items.map((i) => element('option', { value: String(i.value) }, String(i.text))),
      );
      const selected = items.find((i) => i.selected);
      if (selected) select.value = String(selected.value);
      return element('div', { class: 'widget' }, label, select);
    }
    case 'datePicker':
    case 'dateTimePicker': {
      const withTime = w.type === 'dateTimePicker';
      const input = element('input', { 'data-field': w.fieldName, type: withTime ? 'datetime-local' : 'date' });
      if (w.valueMsEpoch !== undefined) input.value = pickerText(w, withTime);
      return element('div', { class: 'widget' }, element('label', {}, String(w.title ?? '')), input);
    }
    case 'image': {
      const img = element('img', { class: 'widget', src: String(w.imageUrl), alt: String(w.altText ?? '') });
      const click = clickHandler(w);
      if (click) img.addEventListener('click', click);
      return img;
    }
    case 'divider':
      return element('hr');
    default:
      return null;
  }
}

function renderCard(card: Json, stats?: string, notification?: string): void {
  const header = card.header ?? {};
  const nodes: Array<HTMLElement | null> = [
    element(
      'div',
      { class: 'card-header' },
      element('div', { class: 'card-title' }, String(header.title ?? '')),
      header.subtitle ? element('div', { class: 'card-subtitle' }, String(header.subtitle)) : null,
    ),
    notification ? element('div', { class: 'notification', role: 'status' }, notification) : null,
    ...(card.sections ?? []).map((s: Json) =>
      element('section', {}, s.header ? element('h3', {}, String(s.header)) : null, ...(s.widgets ?? []).map(widget)),
    ),
    card.fixedFooter
      ? element(
          'section',
          {},
          button(card.fixedFooter.primaryButton),
          card.fixedFooter.secondaryButton ? button(card.fixedFooter.secondaryButton) : null,
        )
      : null,
    stats ? element('div', { class: 'stats' }, stats) : null,
  ];
  addon.replaceChildren(...nodes.filter((n): n is HTMLElement => n !== null));
}

function statsOf(r: CardResponse): string {
  return `${r.calls} service calls · ${(r.elapsedMs / 1000).toFixed(1)} s of the 30 s add-on limit`;
}

/** A card replaces the stack; an ActionResponse applies its navigation steps, then shows its notification. */
function applyResponse(r: CardResponse): void {
  if (!r.ok) {
    addon.replaceChildren(
      element('div', { class: 'notification', role: 'alert' }, `${r.error?.name}: ${r.error?.message}`),
    );
    return;
  }
  if (r.card) {
    stack.splice(0, stack.length, r.card as Json);
    renderCard(r.card as Json, statsOf(r));
    return;
  }
  const response = (r.response ?? {}) as Json;
  if (Array.isArray(response.cards) && response.cards.length) stack.splice(0, stack.length, ...response.cards);
  for (const nav of response.navigation ?? []) {
    if (nav.pushCard) stack.push(nav.pushCard);
    if (nav.updateCard) stack.splice(stack.length - 1, 1, nav.updateCard);
    if (nav.popCard) stack.pop();
    if (nav.popToRoot) stack.splice(1);
    if (nav.popToNamedCard) {
      const at = stack.map((c) => c.name).lastIndexOf(nav.popToNamedCard);
      if (at >= 0) stack.splice(at + 1);
    }
  }
  if (response.openLink) window.open(String(response.openLink), '_blank', 'noopener');
  renderCard(stack[stack.length - 1] ?? {}, statsOf(r), response.notification as string | undefined);
}

async function open(message: MessageView, button: HTMLElement): Promise<void> {
  openMessageId = message.id;
  list.querySelectorAll('button').forEach((b) => b.classList.remove('active'));
  button.classList.add('active');
  view.replaceChildren(
    element('h2', {}, message.subject),
    element('div', { class: 'from' }, message.from),
    element('div', { class: 'muted' }, message.date),
    element('p', {}, message.body),
  );
  applyResponse(await postJson<CardResponse>('/api/gmail/open', { messageId: message.id }));
}

void (async () => {
  const messages = await getJson<MessageView[]>('/api/gmail/messages');
  for (const m of messages) {
    const b: HTMLElement = element(
      'button',
      { type: 'button', 'data-message': m.id, click: () => void open(m, b) },
      element('div', { class: 'from' }, m.from),
      element('div', { class: 'subject' }, m.subject),
    );
    list.append(b);
  }
  applyResponse(await postJson<CardResponse>('/api/gmail/homepage'));
})();
